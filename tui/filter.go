package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// filterChange is what a key did to a list's filter text.
type filterChange int

const (
	filterSame    filterChange = iota // not changed (kept, or the selection moved)
	filterTyped                       // edited: the list starts again from its top
	filterDropped                     // emptied with esc: the selection stays
)

// editFilter is what a key does while a list's filter field has focus,
// the same on every list: enter keeps the filter and leaves the field,
// esc empties it, ↑/↓ move the selection (move), anything else is typed.
func editFilter(f *textinput.Model, msg tea.KeyPressMsg, move func(up bool)) (filterChange, tea.Cmd) {
	switch msg.Code {
	case tea.KeyEnter:
		f.Blur()
		return filterSame, nil
	case tea.KeyEscape:
		f.Blur()
		f.SetValue("")
		return filterDropped, nil
	case tea.KeyUp, tea.KeyDown:
		move(msg.Code == tea.KeyUp)
		return filterSame, nil
	}
	before := f.Value()
	var cmd tea.Cmd
	*f, cmd = f.Update(msg)
	if f.Value() != before {
		return filterTyped, cmd
	}
	return filterSame, cmd
}

// pasteFilter takes pasted text as the list's filter: a paste is typing,
// never commands. Into a closed field it replaces the filter ("/kua"
// pasted filters by "kua"); into an open one it is inserted at the cursor.
func pasteFilter(f *textinput.Model, msg tea.PasteMsg) tea.Cmd {
	if f.Focused() {
		var cmd tea.Cmd
		*f, cmd = f.Update(msg)
		return cmd
	}
	f.SetValue(strings.TrimPrefix(msg.Content, "/"))
	f.CursorEnd()
	return f.Focus()
}
