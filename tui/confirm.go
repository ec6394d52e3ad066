package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// confirm asks one yes/no question in place of a screen's bottom line.
// While it is open the owner hands it every key; it answers with a
// confirmMsg carrying the tag it was opened with, and the owner decides
// what the answer does. Keys other than the answers are ignored, so a
// stray key never decides a destructive question.
type confirm struct {
	prompt string
	tag    any
	keys   confirmKeys
}

type confirmKeys struct {
	Yes, No key.Binding
}

// confirmMsg is the answer to a confirm.
type confirmMsg struct {
	tag any
	yes bool
}

func newConfirm(prompt string, tag any) *confirm {
	return &confirm{prompt: prompt, tag: tag, keys: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y/enter", "ya")),
		No:  key.NewBinding(key.WithKeys("t", "T", "n", "N", "esc"), key.WithHelp("t/esc", "tidak")),
	}}
}

// Update answers y or enter with yes, and t (tidak), n or esc with no.
// Pasted text never answers: it arrives as a paste, not as keys.
func (c *confirm) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, c.keys.Yes):
		return c.answer(true)
	case key.Matches(k, c.keys.No):
		return c.answer(false)
	}
	return nil
}

func (c *confirm) answer(yes bool) tea.Cmd {
	msg := confirmMsg{tag: c.tag, yes: yes}
	return func() tea.Msg { return msg }
}

// View renders the question wrapped to width; the answer keys are part
// of the words, so the question reads the same without colour.
func (c *confirm) View(st styles, width int) string {
	if width <= 0 {
		return ""
	}
	return st.Warn.Render(ansi.Wrap(c.prompt+" y/t", width, ""))
}

// Help lists the two answers.
func (c *confirm) Help() []key.Binding { return []key.Binding{c.keys.Yes, c.keys.No} }
