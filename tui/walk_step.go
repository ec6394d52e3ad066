package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// stepPrompt asks which step of the review chain to take, at the foot of
// the walk: only the steps the user's level and the status allow are
// offered; a step back or a reopening asks for its reason.
type stepPrompt struct {
	acts    []model.Action
	chosen  model.Action
	reason  *textinput.Model
	problem string
	gaps    string // what a step forward would pass on unanswered or unconfirmed
	keys    promptKeys
}

// stepLabel says what a step does from a status, in the words of the chain.
func stepLabel(act model.Action, from model.Status) string {
	switch act {
	case model.ActSubmit:
		return "ajukan ke ketua tim"
	case model.ActApprove:
		if from == model.Reviewed {
			return "setujui dan tetapkan final"
		}
		return "setujui, teruskan ke pengendali teknis"
	case model.ActReturn:
		if from == model.Reviewed {
			return "kembalikan ke ketua tim"
		}
		return "kembalikan ke anggota tim"
	case model.ActReopen:
		return "buka kembali evaluasi final"
	}
	return string(act)
}

// openSteps offers the steps the user may take now, or says why none.
func (w *walkScreen) openSteps() tea.Cmd {
	who := w.env.db.Actor(w.env.user)
	var acts []model.Action
	for _, act := range model.Actions {
		if _, err := model.Decide(w.eval.Team, w.eval.Status, who, act, "alasan"); err == nil {
			acts = append(acts, act)
		}
	}
	if len(acts) == 0 {
		why := "giliran " + model.EditLevel(w.eval.Status).Title()
		if w.eval.Status == model.Final {
			why = "evaluasi final hanya dibuka oleh pengendali teknis atau admin"
		}
		w.refuse(fmt.Sprintf("Tidak ada langkah untuk Anda pada status %s: %s.", w.eval.Status, why))
		return nil
	}
	w.prompt = &stepPrompt{acts: acts, keys: newPromptKeys(len(acts), "pilih langkah")}
	if slices.Contains(acts, model.ActSubmit) || slices.Contains(acts, model.ActApprove) {
		w.prompt.gaps = w.gaps()
	}
	return nil
}

// gaps says how many questions are still unanswered and how many answers
// were carried over and never confirmed: a step forward passes them on as
// they are, so the prompt says so before the step is chosen.
func (w *walkScreen) gaps() string {
	qs := w.inst.Questions()
	open, carried := 0, 0
	for _, q := range qs {
		switch a, ok := w.answers[q.ID]; {
		case !ok || a.Value.IsZero():
			open++
		case a.Carried:
			carried++
		}
	}
	var parts []string
	if open > 0 {
		parts = append(parts, fmt.Sprintf("%d dari %d pertanyaan belum dijawab", open, len(qs)))
	}
	if carried > 0 {
		parts = append(parts, fmt.Sprintf("%d jawaban dibawa belum dikonfirmasi", carried))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Perhatian: " + strings.Join(parts, ", ") + "."
}

// stepKey answers the step prompt.
func (w *walkScreen) stepKey(msg tea.KeyPressMsg) tea.Cmd {
	p := w.prompt
	k := p.keys
	if key.Matches(msg, k.Cancel) {
		w.prompt = nil
		return nil
	}
	if p.reason != nil {
		if !key.Matches(msg, k.Save) {
			var cmd tea.Cmd
			*p.reason, cmd = p.reason.Update(msg)
			return cmd
		}
		reason := strings.TrimSpace(p.reason.Value())
		if reason == "" {
			p.problem = "Alasan wajib diisi."
			return nil
		}
		w.prompt = nil
		return w.takeStep(p.chosen, reason)
	}
	r, ok := typedRune(msg)
	n := int(r - '1')
	if !ok || n < 0 || n >= len(p.acts) {
		p.problem = fmt.Sprintf("Pilih 1–%d, atau esc untuk batal.", len(p.acts))
		return nil
	}
	p.chosen = p.acts[n]
	if p.chosen == model.ActReturn || p.chosen == model.ActReopen {
		in := newField("Alasan: ", "mengapa "+stepLabel(p.chosen, w.eval.Status), 500)
		in.SetWidth(max(10, w.width-lipgloss.Width(in.Prompt)-2))
		p.reason, p.problem = &in, ""
		return in.Focus()
	}
	w.prompt = nil
	return w.takeStep(p.chosen, "")
}

// refuse says, in place, why the walk will not do what was asked at the
// status shown: a load that finds another status says that one instead.
func (w *walkScreen) refuse(why string) {
	w.problem = why
	w.stepNote.text, w.stepNote.status = why, w.eval.Status
}

// noteStatus says, in place, that the evaluation is at st now and whose
// turn it is, and remembers the notice as one about st.
func (w *walkScreen) noteStatus(st model.Status) {
	w.problem = fmt.Sprintf("Status sekarang %s.", st)
	if next := model.EditLevel(st); next != model.NoLevel {
		w.problem += " Giliran " + next.Title() + "."
	}
	w.stepNote.text, w.stepNote.status = w.problem, st
}

// steppedMsg is a step the store took, with the evaluation read again.
type steppedMsg struct {
	loaded tea.Msg // walkLoadedMsg, or errMsg when reading it failed
	to     model.Status
}

// takeStep asks the store for the step, in the order of the walk's writes.
func (w *walkScreen) takeStep(act model.Action, reason string) tea.Cmd {
	w.pending++
	db, evalID, user := w.env.db, w.evalID, w.env.user
	return w.env.write(w, func() tea.Msg {
		e, err := db.Act(evalID, act, reason, user)
		if err != nil {
			return saveFailedMsg{err: err}
		}
		return steppedMsg{w.load(), e.Status}
	})
}

func (p *stepPrompt) View(st styles, width int, from model.Status) string {
	if p.reason != nil {
		line := st.Warn.Render(stepLabel(p.chosen, from)+":") + "\n" + p.reason.View()
		if p.problem != "" {
			line += "\n" + st.Error.Render(p.problem)
		}
		return line
	}
	opts := make([]string, len(p.acts))
	for i, a := range p.acts {
		opts[i] = fmt.Sprintf("%s %s", st.Key.Render(fmt.Sprint(i+1)), stepLabel(a, from))
	}
	text := fmt.Sprintf("Status %s — langkah: %s · esc batal", from, strings.Join(opts, " · "))
	if p.gaps != "" {
		text = p.gaps + "\n" + text
	}
	if p.problem != "" {
		text += "\n" + st.Error.Render(p.problem)
	}
	return st.Warn.Render(ansi.Wrap(text, width, ""))
}

func (p *stepPrompt) help() []key.Binding {
	if p.reason != nil {
		return []key.Binding{p.keys.Save, p.keys.Cancel}
	}
	return []key.Binding{p.keys.Pick, p.keys.Cancel}
}
