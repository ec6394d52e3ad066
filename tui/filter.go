package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// filterChange is what a key did to a list's filter text.
type filterChange int

const (
	filterSame    filterChange = iota // not changed (kept, or the selection moved)
	filterTyped                       // edited: the list starts again from its top
	filterDropped                     // emptied with esc: the selection stays
)

// filterKeys are the keys of a list's filter field while it has focus;
// they are also its help. Move only names Up and Down in the help.
type filterKeys struct {
	Keep, Drop, Up, Down, Move key.Binding
}

func newFilterKeys() filterKeys {
	return filterKeys{
		Keep: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pakai saringan")),
		Drop: clearFilterKey(),
		Up:   key.NewBinding(key.WithKeys("up")),
		Down: key.NewBinding(key.WithKeys("down")),
		Move: key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "pilih")),
	}
}

// openFilterKey opens a list's filter field.
func openFilterKey() key.Binding {
	return key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "saring"))
}

// clearFilterKey empties a list's filter: in the field, or on the list,
// where it also drops the list's other filters.
func clearFilterKey() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan"))
}

// listFilter is the filter field every list has: "/" opens it, typing
// narrows the list, enter keeps the filter, esc empties it.
type listFilter struct {
	textinput.Model
	keys filterKeys
}

func newListFilter(placeholder string) listFilter {
	return listFilter{Model: newField("Saring: ", placeholder, 80), keys: newFilterKeys()}
}

// start gives the field focus, the cursor after what is there.
func (f *listFilter) start() tea.Cmd {
	f.CursorEnd()
	return f.Focus()
}

// fit makes the field as wide as the screen leaves it.
func (f *listFilter) fit(width int) { fitField(&f.Model, max(1, width-lipgloss.Width(f.Prompt)-1)) }

// terms are the lower-case words every shown item must contain.
func (f *listFilter) terms() []string { return strings.Fields(strings.ToLower(f.Value())) }

// help is the help while the field has focus.
func (f *listFilter) help(withMove bool) keyHelp {
	s := []key.Binding{f.keys.Keep, f.keys.Drop}
	if withMove {
		s = append(s, f.keys.Move)
	}
	return keyHelp{short: s, full: [][]key.Binding{s}}
}

// edit is what a key does while the field has focus, the same on every
// list: enter keeps the filter and leaves the field, esc empties it, ↑/↓
// move the selection (move), anything else is typed.
func (f *listFilter) edit(msg tea.KeyPressMsg, move func(up bool)) (filterChange, tea.Cmd) {
	k := f.keys
	switch {
	case key.Matches(msg, k.Keep):
		f.Blur()
		return filterSame, nil
	case key.Matches(msg, k.Drop):
		f.Blur()
		f.SetValue("")
		return filterDropped, nil
	case key.Matches(msg, k.Up):
		move(true)
		return filterSame, nil
	case key.Matches(msg, k.Down):
		move(false)
		return filterSame, nil
	}
	before := f.Value()
	var cmd tea.Cmd
	f.Model, cmd = f.Model.Update(msg)
	if f.Value() != before {
		return filterTyped, cmd
	}
	return filterSame, cmd
}

// paste takes pasted text as the filter: a paste is typing, never
// commands. Into a closed field it replaces the filter ("/kua" pasted
// filters by "kua"); into an open one it is inserted at the cursor.
func (f *listFilter) paste(msg tea.PasteMsg) tea.Cmd {
	if f.Focused() {
		var cmd tea.Cmd
		f.Model, cmd = f.Model.Update(msg)
		return cmd
	}
	f.SetValue(strings.TrimPrefix(msg.Content, "/"))
	f.CursorEnd()
	return f.Focus()
}

// forward hands the field what is not a key (a paste, a cursor) while it
// has focus.
//
// It reports whether the text changed (a ctrl+v paste from the clipboard
// arrives this way), so the list filters again.
func (f *listFilter) forward(msg tea.Msg) (bool, tea.Cmd) {
	if !f.Focused() {
		return false, nil
	}
	before := f.Value()
	var cmd tea.Cmd
	f.Model, cmd = f.Model.Update(msg)
	return f.Value() != before, cmd
}

// matchesAll reports whether hay contains every term.
func matchesAll(hay string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}

// filterSteps remembers what each filter text showed while it is typed:
// one more character only narrows the last result, and backspace — or
// typing the same character again — finds a result already known, so a
// keystroke rarely scans the whole list. A list resets it when its order
// or another of its filters changes.
type filterSteps struct {
	steps []filterStep
	known map[string][]int // results since the last reset, by text
}

// filterStep is the items a filter text shows.
type filterStep struct {
	text  string
	shown []int
}

// maxKnownFilters bounds the texts kept beyond the current steps.
const maxKnownFilters = 64

func (f *filterSteps) reset() { f.steps, f.known = nil, nil }

// shown is what text (lower-case) shows of all, in all's order. pass
// decides an item for the terms; narrowing says the item comes from a
// result already filtered, so filters other than the text passed it.
func (f *filterSteps) shown(text string, all []int, pass func(i int, terms []string, narrowing bool) bool) []int {
	if f.known == nil {
		f.known = map[string][]int{}
	}
	for len(f.steps) > 0 && !strings.HasPrefix(text, f.steps[len(f.steps)-1].text) {
		f.steps = f.steps[:len(f.steps)-1]
	}
	if n := len(f.steps); n > 0 && f.steps[n-1].text == text {
		return f.steps[n-1].shown
	}
	shown, ok := f.known[text]
	if !ok {
		from, narrowing := all, false
		if n := len(f.steps); n > 0 {
			from, narrowing = f.steps[n-1].shown, true // a longer text matches a subset
		}
		terms := strings.Fields(text)
		for _, i := range from {
			if pass(i, terms, narrowing) {
				shown = append(shown, i)
			}
		}
		if len(f.known) >= maxKnownFilters {
			clear(f.known)
		}
		f.known[text] = shown
	}
	f.steps = append(f.steps, filterStep{text, shown})
	return shown
}
