package tui

import (
	"fmt"
	"maps"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// saveAnswer writes one answer through the store; the screen shows it only
// once the transaction has committed. counts, when typed as "8/10", go
// into the note as the decision on percentage items asks.
func (w *walkScreen) saveAnswer(q *model.Question, v model.Value, counts string) tea.Cmd {
	db, evalID, user := w.env.db, w.evalID, w.env.user
	line := ""
	if counts != "" {
		line = fmt.Sprintf("Jumlah: %s = %s%%", counts, strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v.Number), "0"), "."))
	}
	if w.stepErr == nil && w.mine(q.ID).Note == "" {
		others := maps.Clone(w.levels[q.ID])
		delete(others, w.step.Level)
		if below, need := model.NeedsReason(others, w.step.Level, v); need {
			return w.askReason(v, line, below)
		}
	}
	if line == "" {
		return w.write(func() (model.Answer, error) { return db.SetAnswer(evalID, q.ID, v, user) })
	}
	// The value and its counts are one action: one commit, one undo. The
	// line goes after the note as stored then, not as shown now.
	return w.write(func() (model.Answer, error) { return db.SetAnswerNoting(evalID, q.ID, v, line, user) })
}

// write queues one change of an answer; the walk waits for it ("…
// menyimpan") until the store has committed it or refused it.
func (w *walkScreen) write(save func() (model.Answer, error)) tea.Cmd {
	return w.writeNote(nil, save)
}

// writeNote is write for a note: a refused one comes back with its text,
// for the editor to hold again.
func (w *walkScreen) writeNote(note *noteDraft, save func() (model.Answer, error)) tea.Cmd {
	return w.writeTyped(saveFailedMsg{note: note}, save)
}

// writeTyped is write for what was typed with it: a refusal comes back
// with it (failed's note or reason), not to be lost.
func (w *walkScreen) writeTyped(failed saveFailedMsg, save func() (model.Answer, error)) tea.Cmd {
	w.pending++
	w.ticket++
	n := w.ticket
	return w.env.write(w, func() tea.Msg {
		ans, err := save()
		if err != nil {
			failed.err = err
			return failed
		}
		return answerSavedMsg{ans, n}
	})
}

// noteDraft is a note on its way to the store: what was typed, and where.
type noteDraft struct{ question, text string }

// keepRefusedNote puts a refused note back in its editor, so the text
// typed is not lost: the person copies it or leaves with esc, which then
// closes without trying again. In another field, the refusal quotes it.
func (w *walkScreen) keepRefusedNote(d *noteDraft) tea.Cmd {
	if w.prompt != nil || w.focus == focusInput || w.focus == focusEvidenceForm {
		w.problem += " Catatan yang ditolak: " + d.text
		return nil
	}
	w.jumpTo(d.question)
	w.focus = focusNote
	w.note.SetValue(d.text)
	w.refused = d
	return w.note.Focus()
}

// undo reverts the evaluation's last action, in the order of the writes.
func (w *walkScreen) undo() tea.Cmd {
	w.pending++
	w.ticket++
	n := w.ticket
	db, evalID, user := w.env.db, w.evalID, w.env.user
	return w.env.write(w, func() tea.Msg {
		ch, err := db.Undo(evalID, user)
		if err != nil {
			return saveFailedMsg{err: err, undo: true}
		}
		ws, err := db.Worksheet(evalID)
		if err != nil {
			return saveFailedMsg{err: err, undo: true}
		}
		return undoneMsg{ch, ws.Levels, ws.Authors, n}
	})
}

// setAnswer puts a saved answer in its level's place and recomputes the
// answer that counts.
func (w *walkScreen) setAnswer(a model.Answer) {
	q := a.Question
	if w.levels[q] == nil {
		w.levels[q] = map[model.Level]model.Answer{}
	}
	w.setAuthors(w.levels[q][a.Level], a)
	if a.Value.IsZero() && a.Note == "" && len(a.Evidence) == 0 && !a.Carried {
		delete(w.levels[q], a.Level)
	} else {
		w.levels[q][a.Level] = a
	}
	w.countAnswer(q)
}

// setAuthors keeps the authorship of a level's answer in step with a
// save, as the store's history would tell it: the saver gave the value
// when it changed or a carried mark went, and wrote the note when it
// changed.
func (w *walkScreen) setAuthors(old, a model.Answer) {
	if w.authors == nil {
		w.authors = map[store.AnswerOf]store.Authorship{}
	}
	k := store.AnswerOf{Question: a.Question, Level: a.Level}
	au := w.authors[k]
	if a.Value != old.Value || a.Carried != old.Carried {
		au.ValueBy, au.ValueAt = a.By, a.At
	}
	if a.Note != old.Note {
		au.NoteBy, au.NoteAt = a.By, a.At
	}
	w.authors[k] = au
}

// countAnswer sets the answer that counts for q from its levels: the
// highest level's with a value, else the lowest level's (a note alone),
// as the store reads it.
func (w *walkScreen) countAnswer(q string) {
	byLevel := w.levels[q]
	if a, ok := model.Effective(byLevel); ok {
		w.answers[q] = a
		return
	}
	for _, l := range model.Levels {
		if a, ok := byLevel[l]; ok {
			w.answers[q] = a
			return
		}
	}
	delete(w.answers, q)
}

// mine is the user's own answer to q: the one at the level they edit at.
func (w *walkScreen) mine(q string) model.Answer {
	return w.levels[q][w.step.Level]
}

// pendingReason is a reviewer's answer that waits for its reason: the
// note editor is open for it, and closing it with text saves both.
type pendingReason struct {
	value model.Value
	line  string       // a line to keep after the reason ("Jumlah: 8/10 = 80%")
	below model.Answer // the lower level's answer it changes
}

// askReason opens the note editor for the reason a reviewer changes a
// lower level's answer: the store refuses the change without one.
func (w *walkScreen) askReason(v model.Value, line string, below model.Answer) tea.Cmd {
	w.reason = &pendingReason{v, line, below}
	w.focus = focusNote
	w.note.SetValue("")
	return w.note.Focus()
}

// closeReason saves the waiting answer with the reason typed, or drops it
// when none was: the answer and its reason are one action.
func (w *walkScreen) closeReason(q *model.Question, text string) tea.Cmd {
	r := w.reason
	w.reason = nil
	if text == "" {
		w.problem = "Jawaban tidak disimpan: alasan wajib diisi bila mengubah jawaban " + r.below.Level.String() + "."
		return nil
	}
	reason := text
	if r.line != "" {
		text += "\n" + r.line
	}
	db, evalID, user, v := w.env.db, w.evalID, w.env.user, r.value
	return w.writeTyped(saveFailedMsg{reason: reason}, func() (model.Answer, error) { return db.SetAnswerNoting(evalID, q.ID, v, text, user) })
}

// confirmCarried saves the answer that counts as the user's own: it ends
// an earlier round's carried mark, or a reviewer agrees with a lower
// level without retyping.
func (w *walkScreen) confirmCarried(q *model.Question) tea.Cmd {
	a, ok := w.answers[q.ID]
	if !ok || a.Value.IsZero() {
		w.problem = "Belum ada jawaban untuk dikonfirmasi."
		return nil
	}
	if mine := w.mine(q.ID); mine.Value == a.Value && !mine.Carried {
		w.problem = "Jawaban ini sudah jawaban Anda."
		return nil
	}
	db, evalID, user, v := w.env.db, w.evalID, w.env.user, a.Value
	return w.write(func() (model.Answer, error) { return db.SetAnswer(evalID, q.ID, v, user) })
}
