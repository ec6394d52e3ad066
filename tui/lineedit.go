package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// lineEdit is a one-line field at a screen's foot whose value is saved
// as a whole: the chooser's team, the merge screen's value of one's own.
// It stays open until the store has taken the value, so nothing typed is
// lost to a refused save.
type lineEdit struct {
	id      string // what the value belongs to
	field   textinput.Model
	problem string // why the last value was refused, as shown
	saving  bool   // a save is on its way; keys wait for its answer
}

// openLineEdit opens f filled with value, the cursor after it. The value
// was stored elsewhere (a team set with the CLI, a note in a bundle) and
// may be longer than f's typing limit, which SetValue would cut it to and
// enter save cut: the field takes it whole.
func openLineEdit(id string, f textinput.Model, value string) (*lineEdit, tea.Cmd) {
	f.CharLimit = 0
	f.SetValue(value)
	f.CursorEnd()
	e := &lineEdit{id: id, field: f}
	return e, e.field.Focus()
}

// lineKey is what a key asks of a lineEdit's owner.
type lineKey int

const (
	lineStay   lineKey = iota // typed, or waited out while saving
	lineCancel                // close the field
	lineSave                  // save the value
)

// key types msg into the field, unless it is cancel or one of save: those
// are the owner's to act on.
func (e *lineEdit) key(msg tea.KeyPressMsg, cancel key.Binding, save ...key.Binding) (lineKey, tea.Cmd) {
	switch {
	case e.saving:
		return lineStay, nil
	case key.Matches(msg, cancel):
		return lineCancel, nil
	case key.Matches(msg, save...):
		return lineSave, nil
	}
	var cmd tea.Cmd
	e.field, cmd = e.field.Update(msg)
	e.problem = ""
	return lineStay, cmd
}

// saved takes the store's answer; false when it refused the value, whose
// reason then shows under the field after why.
func (e *lineEdit) saved(err error, why string) bool {
	e.saving = false
	if err != nil {
		e.problem = why + errorText(err)
		return false
	}
	return true
}

// view is head over the field, then the save under way or why the last
// one was refused.
func (e *lineEdit) view(st styles, width int, head string) string {
	out := st.Header.Render(ansi.Truncate(head, width, "…")) + "\n" + e.field.View()
	switch {
	case e.saving:
		out += "\n" + st.Muted.Render("Menyimpan…")
	case e.problem != "":
		out += "\n" + st.Error.Render(ansi.Wrap(e.problem, width, ""))
	}
	return out
}
