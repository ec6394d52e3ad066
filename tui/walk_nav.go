package tui

import (
	"fmt"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// Moving through the questions of the walk, and saying what an undo took back.

func (w *walkScreen) move(d int) {
	n := len(w.inst.Questions())
	w.cur = max(0, min(n-1, w.cur+d))
}

func (w *walkScreen) answered(i int) bool {
	a, ok := w.answers[w.inst.Questions()[i].ID]
	return ok && !a.Value.IsZero()
}

// firstUnsettled is where a walk opens: the first question unanswered or
// still carried over from an earlier round.
func (w *walkScreen) firstUnsettled() int {
	for i := range w.inst.Questions() {
		if !w.settled(i) {
			return i
		}
	}
	return 0
}

// settled reports whether question i has an answer no level still has
// to confirm (not carried over from an earlier round).
func (w *walkScreen) settled(i int) bool {
	return w.answered(i) && !w.answers[w.inst.Questions()[i].ID].Carried
}

// gap moves to the next (d=1) or previous (d=-1) question unanswered or
// still carried over, wrapping around; it says so when there is none.
func (w *walkScreen) gap(d int) {
	n := len(w.inst.Questions())
	for step := 1; step <= n; step++ {
		i := ((w.cur+d*step)%n + n) % n
		if !w.settled(i) {
			w.cur = i
			return
		}
	}
	w.problem = "Semua pertanyaan sudah dijawab dan dikonfirmasi."
}

// part moves to the first question of the next or previous node.
func (w *walkScreen) part(d int) {
	qs := w.inst.Questions()
	parent := w.inst.Parent(qs[w.cur].ID)
	i := w.cur
	for i >= 0 && i < len(qs) && w.inst.Parent(qs[i].ID) == parent {
		i += d
	}
	if i < 0 || i >= len(qs) {
		return
	}
	if d < 0 { // to the first question of that previous node
		p := w.inst.Parent(qs[i].ID)
		for i > 0 && w.inst.Parent(qs[i-1].ID) == p {
			i--
		}
	}
	w.cur = i
}

func (w *walkScreen) jumpTo(qid string) {
	for i, q := range w.inst.Questions() {
		if q.ID == qid {
			w.cur = i
			return
		}
	}
}

// describeUndo says in words what an undo put back on a question. The
// store returns one entry of the undone action — the last field it
// changed, which may be the carried mark or the note saved with "8/10",
// and whose Old is what was taken back — so the question is described as
// it stands now, its answer always.
func describeUndo(q *model.Question, c model.Change, now model.Answer) string {
	v := "kosong"
	if !now.Value.IsZero() {
		v = format.Answer(q, now.Value)
	}
	if now.Carried {
		v += " (dibawa)"
	}
	switch c.Field {
	case "note":
		note := "isi sebelumnya"
		if now.Note == "" {
			note = "kosong"
		}
		return fmt.Sprintf("catatan %s kembali ke %s · jawaban %s", c.Question, note, v)
	case "evidence":
		return fmt.Sprintf("eviden %s kembali ke %d berkas · jawaban %s", c.Question, len(now.Evidence), v)
	}
	return fmt.Sprintf("jawaban %s kembali ke %s", c.Question, v)
}
