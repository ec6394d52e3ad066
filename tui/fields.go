package tui

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
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

// newTextArea is every multi-line text field, with a steady cursor.
func newTextArea(placeholder string) textarea.Model {
	ta := textarea.New()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.CharLimit = 4000
	st := textarea.DefaultStyles(true)
	st.Cursor.Blink = false
	ta.SetStyles(st)
	return ta
}
