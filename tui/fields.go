package tui

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// newField is every one-line text field of the workbench. Its cursor is
// steady: a blinking one ticks the program twice a second while idle. The
// text keeps the terminal's own colour, readable on light and dark.
func newField(prompt, placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt, in.Placeholder, in.CharLimit = prompt, placeholder, limit
	st := textinput.DefaultStyles(true)
	st.Blurred.Text, st.Blurred.Prompt, st.Focused.Prompt = lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

// fitField gives a one-line field a new width. A textinput scrolls its
// text only when the cursor moves, so after a resize it would show the
// cells it had room for before (too few, or more than the screen has):
// the cursor is set again from the start to scroll the text anew.
func fitField(in *textinput.Model, width int) {
	in.SetWidth(width)
	pos := in.Position()
	in.CursorStart()
	in.SetCursor(pos)
}

// newTextArea is every multi-line text field, with a steady cursor.
func newTextArea(placeholder string) textarea.Model {
	ta := textarea.New()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.CharLimit = 4000
	ta.SetStyles(areaStyles())
	return ta
}

// formField is a text field of either kind, so a form can list its fields
// once, by focus, and hand each message to the one that has focus.
type formField interface {
	Focus() tea.Cmd
	Blur()
	update(tea.Msg) tea.Cmd
}

// lineField and areaField are a textinput and a textarea as formFields.
type (
	lineField struct{ *textinput.Model }
	areaField struct{ *textarea.Model }
)

func (f lineField) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*f.Model, cmd = f.Model.Update(msg)
	return cmd
}

func (f areaField) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*f.Model, cmd = f.Model.Update(msg)
	return cmd
}

// focusOn blurs every field and focuses fields[i]; a nil field (a
// choice) takes no typing.
func focusOn(fields []formField, i int) tea.Cmd {
	for _, f := range fields {
		if f != nil {
			f.Blur()
		}
	}
	if i < 0 || i >= len(fields) || fields[i] == nil {
		return nil
	}
	return fields[i].Focus()
}

// forwardTo passes msg (a key, a paste, a cursor message) to fields[i],
// if it is a field.
func forwardTo(fields []formField, i int, msg tea.Msg) tea.Cmd {
	if i < 0 || i >= len(fields) || fields[i] == nil {
		return nil
	}
	return fields[i].update(msg)
}
