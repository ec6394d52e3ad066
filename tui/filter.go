package tui

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
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
func editFilter(f *textinput.Model, msg tea.KeyMsg, move func(up bool)) (filterChange, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEnter:
		f.Blur()
		return filterSame, nil
	case tea.KeyEsc:
		f.Blur()
		f.SetValue("")
		return filterDropped, nil
	case tea.KeyUp, tea.KeyDown:
		move(msg.Type == tea.KeyUp)
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
