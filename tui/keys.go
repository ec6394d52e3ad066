package tui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// globalKeys work on every screen.
type globalKeys struct {
	Quit key.Binding
	Help key.Binding
	Back key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "keluar")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "semua tombol")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
	}
}

// bindings joins key maps into one help list, skipping disabled ones.
func bindings(groups ...[]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				out = append(out, b)
			}
		}
	}
	return out
}

// keyHelp adapts a screen's bindings to help.KeyMap.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyHelp) ShortHelp() []key.Binding  { return k.short }
func (k keyHelp) FullHelp() [][]key.Binding { return k.full }

// isTyped reports a key press that types one character.
func isTyped(msg tea.KeyPressMsg) bool {
	_, ok := typedRune(msg)
	return ok
}

// typedRune is the character a key press types, if it types exactly one
// (not a special key, not a ctrl or alt combination).
func typedRune(msg tea.KeyPressMsg) (rune, bool) {
	if msg.Mod&^tea.ModShift != 0 || utf8.RuneCountInString(msg.Text) != 1 {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(msg.Text)
	return r, true
}
