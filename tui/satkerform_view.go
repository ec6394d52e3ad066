package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

func (f *satkerForm) View() string {
	if f.width <= 0 || f.height <= 0 {
		return ""
	}
	st := f.env.st
	w := f.width
	idNote := "id: " + f.value().ID + " (dibuat dari nama)"
	if f.value().ID == "" {
		idNote = "id dibuat dari nama"
	}
	if !f.isNew {
		idNote = "id: " + f.orig.ID + " (tetap)"
	}
	head := st.Header.Render(f.Title()) + st.Muted.Render(" · "+idNote)
	if lipgloss.Width(head) > w {
		head = st.Header.Render(f.Title()) + "\n" + st.Muted.Render(idNote)
	}
	var fields []string
	for fl := satkerField(0); fl < sfCount; fl++ {
		fields = append(fields, f.fieldLines(fl)...)
	}
	var foot string
	switch {
	case f.saving:
		foot = st.Muted.Render("Menyimpan…")
	case f.formErr != "":
		foot = st.Error.Render(ansi.Wrap(f.formErr, w, ""))
	default:
		foot = st.Muted.Render(ansi.Wrap("enter di kolom terakhir atau ctrl+s menyimpan · esc batal", w, ""))
	}
	lines := append([]string{head, ""}, fields...)
	lines = append(lines, "", foot)
	if len(lines)+lipgloss.Height(head)+lipgloss.Height(foot)-2 > f.height {
		// Short window: drop the spacing before dropping content.
		lines = append(append([]string{head}, fields...), foot)
	}
	return fit(strings.Join(lines, "\n"), w, f.height)
}

// fieldLines renders one field, its problem beside it when there is room,
// else on the line below.
func (f *satkerForm) fieldLines(fl satkerField) []string {
	st := f.env.st
	marker := "  "
	label := st.Muted.Render(padRight(satkerLabels[fl], formLabelW))
	if fl == f.focus {
		marker = st.Focus.Render("› ")
		label = st.Focus.Render(padRight(satkerLabels[fl], formLabelW))
	}
	var val string
	switch fl {
	case sfKind:
		name := "(" + string(f.orig.Kind) + ")"
		if f.kind >= 0 {
			name = string(model.SatkerKinds[f.kind])
		}
		val = choiceText(name, fl == f.focus)
	case sfTarget:
		val = choiceText(satkerTargets[f.target], fl == f.focus)
	default:
		val = f.inputs[fl].View()
	}
	line := marker + label + padRight(val, f.inputW())
	problem := f.problems[fl]
	if problem == "" || !f.touched[fl] {
		return []string{line}
	}
	msg := "✗ " + problem
	indent := 2 + formLabelW
	if lipgloss.Width(line)+2+lipgloss.Width(msg) <= f.width {
		return []string{line + "  " + st.Error.Render(msg)}
	}
	out := []string{line}
	for _, l := range strings.Split(ansi.Wrap(msg, max(1, f.width-indent), ""), "\n") {
		out = append(out, strings.Repeat(" ", indent)+st.Error.Render(l))
	}
	return out
}

// choiceText shows a value picked with ←/→; the arrows say so without colour.
func choiceText(v string, focused bool) string {
	if focused {
		return "‹ " + v + " ›"
	}
	return "  " + v
}

// padRight pads s with spaces to width cells (never cuts).
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-lipgloss.Width(s)))
}
