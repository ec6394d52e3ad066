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
	// HelpDown and HelpUp scroll a key overview too long for the window;
	// the overview lists them in its last line, not as keys.
	HelpDown, HelpUp key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "keluar")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "semua tombol")),
		Back:     backKey(),
		HelpDown: key.NewBinding(key.WithKeys("down", "j")),
		HelpUp:   key.NewBinding(key.WithKeys("up", "k")),
	}
}

// The bindings many screens share, each defined once, so a key and its
// help read the same wherever they appear.
func backKey() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali"))
}

func cancelKey() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "batal"))
}

// enterSaveKey saves a one-line field or a prompt.
func enterSaveKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "simpan"))
}

// ctrlSaveKey saves a form whose enter means something else; done names
// what saving does.
func ctrlSaveKey(done string) key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", done))
}

// fieldFormKeys move through a form of text fields and choices: tab and
// the arrows between fields, left and right through a choice, enter on to
// the next field and from the last one save.
type fieldFormKeys struct {
	Next, Prev, Left, Right, Submit, Save, Cancel key.Binding
}

// newFieldFormKeys: done names what saving the form does.
func newFieldFormKeys(done string) fieldFormKeys {
	return fieldFormKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "kolom berikut")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "kolom sebelum")),
		Left:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "pilihan sebelum")),
		Right:  key.NewBinding(key.WithKeys("right", "space"), key.WithHelp("→", "pilihan berikut")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "kolom berikut / "+done)),
		Save:   ctrlSaveKey(done),
		Cancel: cancelKey(),
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
