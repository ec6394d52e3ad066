package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

type walkKeys struct {
	Next, Prev, NextGap, PrevGap, NextPart, PrevPart     key.Binding
	Answer, Type, Clear, Undo, Note, Evidence, Scorecard key.Binding
	Review, Back, Step, Confirm, Path                    key.Binding
	ScrollDown, ScrollUp                                 key.Binding // the question's pane, when it is longer than the screen
	// evidence list
	EvAdd, EvEdit, EvRemove, EvCheck, EvUp, EvDown key.Binding
	// fields: the answer, the note, the evidence form
	Save, Cancel, Submit, ToEvidence, NextField, LeaveList key.Binding
	// Discard is esc where it drops what was typed (the answer field, the
	// evidence form); Cancel is esc in the note, which keeps it.
	Discard key.Binding
}

func newWalkKeys() walkKeys {
	list := listNavKeys() // the evidence list moves as every list does
	return walkKeys{
		Next:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "pertanyaan berikut")),
		Prev:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "pertanyaan sebelum")),
		NextGap:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "belum dijawab/dibawa")),
		PrevGap:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "belum dijawab/dibawa sebelum")),
		NextPart:   key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn/J", "indikator berikut")),
		PrevPart:   key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup/K", "indikator sebelum")),
		Answer:     key.NewBinding(key.WithKeys("y", "t", "a", "b", "c", "d", "e"), key.WithHelp("y/t a–e", "jawab")),
		Type:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ketik jawaban")),
		Clear:      key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "hapus jawaban")),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "urungkan")),
		Note:       key.NewBinding(key.WithKeys("n", "tab"), key.WithHelp("n/tab", "catatan")),
		Evidence:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "eviden")),
		Scorecard:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "kartu nilai")),
		Review:     reviewKey(),
		Path:       pathKey(),
		Back:       backKey(),
		Step:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "ajukan/setujui/kembalikan")),
		Confirm:    key.NewBinding(key.WithKeys("="), key.WithHelp("=", "konfirmasi jawaban")),
		ScrollDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "gulir pertanyaan turun")),
		ScrollUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "gulir pertanyaan naik")),
		EvAdd:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "tambah eviden")),
		EvEdit:     key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "ubah eviden")),
		EvRemove:   key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "hapus eviden")),
		EvCheck:    key.NewBinding(key.WithKeys("space"), key.WithHelp("spasi", "tandai diperiksa")),
		EvUp:       list.Up,
		EvDown:     list.Down,
		Save:       ctrlSaveKey("simpan"),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "simpan")),
		Submit:     enterSaveKey(),
		ToEvidence: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "simpan, ke eviden")),
		NextField:  key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "kolom berikut")),
		LeaveList:  key.NewBinding(key.WithKeys("esc", "tab"), key.WithHelp("esc", "selesai")),
		Discard:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "batal")),
	}
}

func (w *walkScreen) Help() keyHelp {
	k := w.keys
	if w.prompt != nil {
		return keyHelp{short: w.prompt.help()}
	}
	switch w.focus {
	case focusInput:
		return keyHelp{short: []key.Binding{k.Submit, k.Discard}}
	case focusNote:
		if w.refusedAgain() {
			return keyHelp{short: []key.Binding{k.Discard}}
		}
		return keyHelp{short: []key.Binding{k.Cancel, k.ToEvidence}}
	case focusEvidence:
		if len(w.evidence()) == 0 { // nothing to change, check, delete or move over
			s := []key.Binding{k.EvAdd, k.LeaveList}
			return keyHelp{short: s, full: [][]key.Binding{s}}
		}
		s := []key.Binding{k.EvAdd, k.EvEdit, k.EvCheck, k.EvRemove, k.LeaveList}
		return keyHelp{short: s, full: [][]key.Binding{s, {k.EvUp, k.EvDown}}}
	case focusEvidenceForm:
		return keyHelp{short: []key.Binding{k.NextField, k.Submit, k.Discard}}
	}
	return keyHelp{
		short: []key.Binding{k.Answer, k.Next, k.NextGap, k.Note, k.Undo, k.Scorecard, k.Path, k.Step, k.Review, k.Back},
		full: [][]key.Binding{
			{k.Answer, k.Type, k.Clear, k.Confirm, k.Undo},
			{k.Next, k.Prev, k.NextGap, k.PrevGap, k.NextPart, k.PrevPart, k.ScrollDown, k.ScrollUp},
			{k.Note, k.Evidence, k.Scorecard, k.Path, k.Step, k.Review},
		},
	}
}

func (w *walkScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if w.prompt != nil {
		return w.stepKey(msg)
	}
	switch w.focus {
	case focusInput:
		return w.inputKey(msg)
	case focusNote:
		return w.noteKey(msg)
	case focusEvidence:
		return w.evidenceKey(msg)
	case focusEvidenceForm:
		return w.evidenceFormKey(msg)
	}
	k := w.keys
	w.problem = ""
	q := w.question()
	switch {
	case key.Matches(msg, k.Back):
		return w.env.goBack()
	case key.Matches(msg, k.Next):
		w.move(1)
	case key.Matches(msg, k.Prev):
		w.move(-1)
	case key.Matches(msg, k.NextGap):
		w.gap(1)
	case key.Matches(msg, k.PrevGap):
		w.gap(-1)
	case key.Matches(msg, k.NextPart):
		w.part(1)
	case key.Matches(msg, k.PrevPart):
		w.part(-1)
	case key.Matches(msg, k.ScrollDown):
		w.scrollBy(1)
	case key.Matches(msg, k.ScrollUp):
		w.scrollBy(-1)
	case key.Matches(msg, k.Undo):
		return w.undo()
	case key.Matches(msg, k.Step):
		return w.openSteps()
	case key.Matches(msg, k.Confirm):
		return w.confirmCarried(q)
	case key.Matches(msg, k.Scorecard):
		return w.env.open(newScorecard(w.env, w.evalID))
	case key.Matches(msg, k.Path):
		return w.env.open(newPathFrom(w.env, w.evalID, w.jumpTo))
	case key.Matches(msg, k.Review):
		return w.env.open(newReview(w.env, reviewScope{satkerID: w.eval.SatkerID, draftsFor: w.evalID}))
	case key.Matches(msg, k.Note, k.Evidence) && w.pending > 0:
		// The note and the evidence are edited from what is shown;
		// what is still being saved would be overwritten.
		w.problem = "Tunggu sebentar: perubahan sebelumnya masih disimpan."
	case key.Matches(msg, k.Note):
		if why := w.editRefused("catatan"); why != "" {
			w.refuse(why) // before anything is typed, not after
			return nil
		}
		w.focus = focusNote
		w.note.SetValue(w.mine(q.ID).Note)
		return w.note.Focus()
	case key.Matches(msg, k.Evidence):
		w.focus = focusEvidence
		w.evCur = 0
	case key.Matches(msg, k.Clear):
		if _, ok := w.answers[q.ID]; ok && !w.answers[q.ID].Value.IsZero() {
			return w.saveAnswer(q, model.Value{}, "")
		}
	case key.Matches(msg, k.Type):
		return w.openInput("")
	case isTyped(msg):
		r := msg.Text
		if !q.Type.IsChoice() {
			if strings.ContainsAny(r, "0123456789.,") {
				return w.openInput(r)
			}
			w.problem = fmt.Sprintf("Pertanyaan ini dijawab dengan angka (%s): tekan enter atau ketik angkanya.", q.Accepted())
			return nil
		}
		v, err := q.Parse(r)
		if err != nil {
			w.problem = refusal(q, r)
			return nil
		}
		return w.saveAnswer(q, v, "")
	}
	return nil
}

// refusal says, in place, why a key is not an answer to q.
func refusal(q *model.Question, typed string) string {
	return fmt.Sprintf("%q bukan jawaban pertanyaan ini — pilih %s.", strings.ToUpper(typed), q.Accepted())
}

func (w *walkScreen) openInput(initial string) tea.Cmd {
	w.focus = focusInput
	w.input.SetValue(initial)
	w.input.CursorEnd()
	w.input.Placeholder = w.question().Accepted()
	return w.input.Focus()
}

func (w *walkScreen) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, w.keys.Discard):
		w.focus = focusQuestion
		w.input.Blur()
		w.problem = ""
		return nil
	case key.Matches(msg, w.keys.Submit):
		q := w.question()
		typed := strings.TrimSpace(w.input.Value())
		if typed == "" { // not an answer to refuse: nothing was typed
			w.problem = fmt.Sprintf("Belum ada yang diketik: ketik jawabannya (%s) lalu enter, atau esc batal (x menghapus jawaban).", q.Accepted())
			return nil
		}
		v, err := q.Parse(typed)
		if err != nil {
			var ae *model.AnswerError
			if errors.As(err, &ae) && ae.Reason != "" {
				w.problem = fmt.Sprintf("%q ditolak: %s. Yang diterima: %s.", typed, ae.Reason, ae.Accepted)
			} else {
				w.problem = refusal(q, typed)
			}
			return nil // the field keeps what was typed, to correct it
		}
		w.focus = focusQuestion
		w.input.Blur()
		w.problem = ""
		counts := ""
		if q.Type == model.Percent && strings.Contains(typed, "/") {
			counts = typed
		}
		return w.saveAnswer(q, v, counts)
	}
	var cmd tea.Cmd
	w.input, cmd = w.input.Update(msg)
	return cmd
}

func (w *walkScreen) noteKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, w.keys.Cancel, w.keys.ToEvidence, w.keys.Save) {
		return w.closeNote(key.Matches(msg, w.keys.ToEvidence))
	}
	var cmd tea.Cmd
	w.note, cmd = w.note.Update(msg)
	return cmd
}

// closeNote closes the note editor, saving what it holds (with the answer
// it is the reason for), and goes to the evidence or the question.
func (w *walkScreen) closeNote(toEvidence bool) tea.Cmd {
	w.note.Blur()
	w.focus = focusQuestion
	if toEvidence {
		w.focus = focusEvidence
	}
	q := w.question()
	text := strings.TrimRight(w.note.Value(), " \n")
	if w.reason != nil {
		return w.closeReason(q, strings.TrimSpace(text))
	}
	refused := w.refusedAgain()
	w.refused = nil
	if text == w.mine(q.ID).Note || refused {
		return nil // unchanged, or refused as it stands: left deliberately
	}
	db, evalID, user := w.env.db, w.evalID, w.env.user
	return w.writeNote(&noteDraft{q.ID, text}, func() (model.Answer, error) { return db.SetNote(evalID, q.ID, text, user) })
}

// keepTyped queues the save of a note still being typed when the
// workbench ends (a quit, a signal, the server stopping, a closed
// connection), as esc would: the editor's only way out saves.
func (w *walkScreen) keepTyped() {
	if w.focus == focusNote {
		w.closeNote(false)
	}
}

// editRefused says why the store would refuse any note or evidence (what)
// the user typed here — not their turn, a final evaluation, a viewer — or
// "": the editor then does not open for nothing.
func (w *walkScreen) editRefused(what string) string {
	lead := map[string]string{"catatan": "Catatan tidak bisa ditulis", "eviden": "Eviden tidak bisa diubah"}[what]
	if de := (*model.DecisionError)(nil); errors.As(w.stepErr, &de) {
		return lead + ": " + de.Msg
	}
	if w.env.db.Role() == store.RoleViewer {
		return lead + ": peran viewer hanya boleh melihat"
	}
	return ""
}

// refusedAgain says the note editor holds a note the store refused, as it
// was refused: closing it would be refused again, so it closes unsaved.
func (w *walkScreen) refusedAgain() bool {
	return w.refused != nil && strings.TrimRight(w.note.Value(), " \n") == w.refused.text
}
