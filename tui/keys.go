package tui

import (
	"github.com/charmbracelet/bubbles/key"
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
