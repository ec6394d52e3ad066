package tui

import (
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textarea"
	"charm.land/lipgloss/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// styles holds every style of the interface. Meaning never rests on colour
// alone: under NO_COLOR bold and reverse vanish too, so verdicts are words
// and the selection is a glyph.
type styles struct {
	Title, Crumb, Header, Muted, Selected, Focus, Pass, Fail, None,
	Warn, Error, Saved, Box, FocusBox, Key, Badge lipgloss.Style
	bar progress.Model
}

// newStyles builds the styles for a dark or a light terminal background.
func newStyles(dark bool) styles {
	pick := lipgloss.LightDark(dark)
	c := lipgloss.Color
	pass := pick(c("#1B7F3A"), c("#5FD38D"))
	fail := pick(c("#B3261E"), c("#FF7B72"))
	accent := pick(c("#005F87"), c("#7DCFFF"))
	muted := pick(c("#6C6C6C"), c("#8A8A8A"))
	border := pick(c("#B0B0B0"), c("#4E4E4E"))
	warn := pick(c("#8A6D00"), c("#E3C26B"))
	return styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Crumb:    lipgloss.NewStyle().Foreground(muted),
		Header:   lipgloss.NewStyle().Bold(true),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Selected: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Focus:    lipgloss.NewStyle().Foreground(accent),
		Pass:     lipgloss.NewStyle().Foreground(pass),
		Fail:     lipgloss.NewStyle().Foreground(fail).Bold(true),
		None:     lipgloss.NewStyle().Foreground(muted),
		Warn:     lipgloss.NewStyle().Foreground(warn),
		Error:    lipgloss.NewStyle().Foreground(fail).Bold(true),
		Saved:    lipgloss.NewStyle().Foreground(pass),
		Box:      lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(border).Padding(0, 1),
		FocusBox: lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(accent).Padding(0, 1),
		Key:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Badge:    lipgloss.NewStyle().Bold(true),
		bar:      plainBar(),
	}
}

// areaStyles are every text area's: the text and the prompt keep the
// terminal's own colour, readable on light and dark, and the line being
// typed has no background. bubbles' dark default paints it black, which
// on a light terminal hides the text typed, black on black.
func areaStyles() textarea.Styles {
	st := textarea.DefaultStyles(true)
	for _, s := range []*textarea.StyleState{&st.Focused, &st.Blurred} {
		s.CursorLine, s.Prompt, s.Text, s.EndOfBuffer = lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
	}
	st.Cursor.Blink = false
	return st
}

// verdict renders a verdict as a coloured word (format.Verdict).
func (s styles) verdict(v model.Verdict) string {
	switch v {
	case model.Pass:
		return s.Pass.Render(format.Verdict(v))
	case model.Fail:
		return s.Fail.Render(format.Verdict(v))
	}
	return s.None.Render(format.Verdict(v))
}

// resultText names a predicate result, or says there is none yet.
func resultText(result string) string {
	if result == "" {
		return "belum ada predikat"
	}
	return result
}

// progressBar draws frac (0..1) as a bar of the given width.
func (s styles) progressBar(frac float64, width int) string {
	b := s.bar
	b.SetWidth(max(1, width))
	return b.ViewAs(min(1, max(0, frac)))
}

// plainBar is a progress bar drawn without escape codes, so it can sit in
// a table row whose selected style colours the whole row.
func plainBar() progress.Model {
	b := progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
	b.FullColor, b.EmptyColor = nil, nil
	return b
}
