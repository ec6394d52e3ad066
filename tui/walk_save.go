package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// saveAnswer writes one answer through the store; the screen shows it only
// once the transaction has committed. counts, when typed as "8/10", go
// into the note as the decision on percentage items asks.
func (w *walkScreen) saveAnswer(q *model.Question, v model.Value, counts string) tea.Cmd {
	db, evalID, user := w.env.db, w.evalID, w.env.user
	if counts == "" {
		return w.write(func() (model.Answer, error) { return db.SetAnswer(evalID, q.ID, v, user) })
	}
	line := fmt.Sprintf("Jumlah: %s = %s%%", counts, strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v.Number), "0"), "."))
	// The value and its counts are one action: one commit, one undo. The
	// line goes after the note as stored then, not as shown now.
	return w.write(func() (model.Answer, error) { return db.SetAnswerNoting(evalID, q.ID, v, line, user) })
}

// write queues one change of an answer; the walk waits for it ("…
// menyimpan") until the store has committed it or refused it.
func (w *walkScreen) write(save func() (model.Answer, error)) tea.Cmd {
	w.pending++
	w.ticket++
	n := w.ticket
	return w.env.write(w, func() tea.Msg {
		ans, err := save()
		if err != nil {
			return saveFailedMsg{err: err}
		}
		return answerSavedMsg{ans, n}
	})
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
			return saveFailedMsg{err, true}
		}
		answers, err := db.Answers(evalID)
		if err != nil {
			return saveFailedMsg{err, true}
		}
		return undoneMsg{ch, answers, n}
	})
}
