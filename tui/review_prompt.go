package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// statusPrompt asks which status a recommendation moves to, at the foot
// of the review. Like confirm, it owns its keys, which are also its help.
type statusPrompt struct {
	rek     model.Rekomendasi
	moves   []model.RekStatus
	reason  *textinput.Model // asked once ditolak is chosen
	problem string
	keys    promptKeys
}

// promptKeys answer the prompt: a number picks a status; the reason for
// ditolak is saved with enter.
type promptKeys struct {
	Pick, Save, Cancel key.Binding
}

func newStatusPrompt(rk model.Rekomendasi) *statusPrompt {
	moves := rk.Status.Moves()
	return &statusPrompt{rek: rk, moves: moves, keys: newPromptKeys(len(moves), "pilih status")}
}

// newPromptKeys answer a prompt of n numbered choices; pick names them.
func newPromptKeys(n int, pick string) promptKeys {
	return promptKeys{
		Pick:   key.NewBinding(key.WithKeys("1"), key.WithHelp(fmt.Sprintf("1–%d", n), pick)),
		Save:   enterSaveKey(),
		Cancel: cancelKey(),
	}
}

func (p *statusPrompt) help() []key.Binding {
	if p.reason != nil {
		return []key.Binding{p.keys.Save, p.keys.Cancel}
	}
	return []key.Binding{p.keys.Pick, p.keys.Cancel}
}

// promptKey answers the status question: a number picks the status;
// ditolak asks for the reason first.
func (r *reviewScreen) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := r.prompt
	k := p.keys
	if p.reason != nil {
		switch {
		case key.Matches(msg, k.Cancel):
			r.prompt = nil
		case key.Matches(msg, k.Save):
			reason := strings.TrimSpace(p.reason.Value())
			if reason == "" {
				p.problem = "Alasan wajib diisi bila rekomendasi ditolak."
				return nil
			}
			r.prompt = nil
			return r.setStatus(p.rek, model.RekDitolak, reason)
		default:
			var cmd tea.Cmd
			*p.reason, cmd = p.reason.Update(msg)
			return cmd
		}
		return nil
	}
	if key.Matches(msg, k.Cancel) {
		r.prompt = nil
		return nil
	}
	// Any typed character answers; only 1 to the number of moves is a
	// status (Pick names them in the help).
	r1, ok := typedRune(msg)
	if !ok {
		return nil
	}
	n := int(r1 - '1')
	if n < 0 || n >= len(p.moves) {
		p.problem = fmt.Sprintf("Pilih 1–%d, atau esc untuk batal.", len(p.moves))
		return nil
	}
	to := p.moves[n]
	if to == model.RekDitolak {
		in := newField("Alasan ditolak: ", "", 500)
		in.SetWidth(max(10, r.width-lipgloss.Width(in.Prompt)-2))
		p.reason, p.problem = &in, ""
		return in.Focus()
	}
	r.prompt = nil
	return r.setStatus(p.rek, to, "")
}

func (p *statusPrompt) View(st styles, width int) string {
	if p.reason != nil {
		line := p.reason.View()
		if p.problem != "" {
			line += "\n" + st.Error.Render(p.problem)
		}
		return line
	}
	opts := make([]string, len(p.moves))
	for i, m := range p.moves {
		opts[i] = fmt.Sprintf("%s %s", st.Key.Render(fmt.Sprint(i+1)), m)
	}
	text := fmt.Sprintf("Ubah status %s (%s) ke: %s · esc batal", shortRekID(p.rek), p.rek.Status, strings.Join(opts, " · "))
	if p.problem != "" {
		text += "\n" + st.Error.Render(p.problem)
	}
	return st.Warn.Render(ansi.Wrap(text, width, ""))
}
