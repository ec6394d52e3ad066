package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// Answers returns an evaluation's answers by question id.
func (db *DB) Answers(evalID string) (map[string]model.Answer, error) {
	var out map[string]model.Answer
	err := db.read(func(t txn) error {
		if _, err := t.evaluation(evalID); err != nil {
			return err
		}
		var err error
		out, err = t.answerMap(evalID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// answerMap is an evaluation's answers that count, by question id.
func (t txn) answerMap(evalID string) (map[string]model.Answer, error) {
	recs, err := t.answers(evalID)
	return answerMap(recs), err
}

// SetAnswer saves one answer, validated against the evaluation's own
// instrument; the zero Value clears it. It returns after the commit.
func (db *DB) SetAnswer(evalID, qid string, v model.Value, by string) (model.Answer, error) {
	return db.editAnswer(evalID, qid, by, "jawaban", func(q *model.Question, a *answerRec) error {
		nv, err := checkValue(q, v)
		a.Value = nv
		return err
	})
}

// SetAnswerNoting saves an answer and adds line to its note, on a line of
// its own after the note as stored, as one action: one transaction, one
// history group, one undo (a percentage typed as counts, "8/10", keeps the
// counts in the note).
func (db *DB) SetAnswerNoting(evalID, qid string, v model.Value, line, by string) (model.Answer, error) {
	return db.editAnswer(evalID, qid, by, "jawaban", func(q *model.Question, a *answerRec) error {
		nv, err := checkValue(q, v)
		a.Value = nv
		if a.Note != "" {
			line = a.Note + "\n" + line
		}
		a.Note = line
		return err
	})
}

// SetNote saves the evaluator's note on a question.
func (db *DB) SetNote(evalID, qid, note, by string) (model.Answer, error) {
	return db.editAnswer(evalID, qid, by, "catatan", func(_ *model.Question, a *answerRec) error {
		a.Note = note
		return nil
	})
}

// SetEvidence replaces the evidence list of a question.
func (db *DB) SetEvidence(evalID, qid string, ev []model.Evidence, by string) (model.Answer, error) {
	for i, e := range ev {
		if e.Title == "" && e.Location == "" {
			return model.Answer{}, invalid("eviden", &model.FieldError{Field: fmt.Sprintf("eviden %d", i+1), Msg: "judul atau lokasi wajib diisi"})
		}
	}
	return db.editAnswer(evalID, qid, by, "eviden", func(_ *model.Question, a *answerRec) error {
		a.Evidence = evidenceToRecs(ev)
		return nil
	})
}

// checkValue validates a value for a question the way the answers file is
// validated, and returns it in its normal form (upper-case letters).
func checkValue(q *model.Question, v model.Value) (model.Value, error) {
	if v.IsZero() {
		return model.Value{}, nil
	}
	var raw any = v.Choice
	if v.Numeric {
		raw = v.Number
	}
	nv, err := q.Check(raw)
	if err != nil {
		return model.Value{}, invalid("jawaban", err)
	}
	return nv, nil
}

// editAnswer is the one write path of an answer: one transaction that
// checks the person may edit the evaluation now, applies edit to the
// answer of the level the status gives them, saves it with its history
// entries, and rescores the evaluation's state. Nothing changed, nothing
// written. what names the part of the answer edited (jawaban, catatan,
// eviden) in a refusal.
func (db *DB) editAnswer(evalID, qid, by, what string, edit func(*model.Question, *answerRec) error) (model.Answer, error) {
	var out answerRec
	err := db.write(func(t txn) error {
		e, in, q, lvl, err := t.editable(evalID, qid, by)
		if err != nil {
			return err
		}
		others, err := t.questionAnswers(evalID, qid)
		if err != nil {
			return err
		}
		old := answerRec{Evaluation: evalID, Question: qid, Level: storedLevel(lvl)}
		for _, r := range others {
			if r.level() == lvl {
				old = r
			}
		}
		next := old
		if err := edit(q, &next); err != nil {
			return err
		}
		next.Carried = false // any edit confirms what an earlier round brought
		out = old
		if next.same(old) {
			return errUnchanged
		}
		if err := needsReason(others, next, lvl); err != nil {
			return err
		}
		out, err = t.saveAnswer(e, in, old, next, by, nil)
		return err
	})
	if r := (*Refusal)(nil); errors.As(err, &r) && r.Why != nil {
		r.Why.What = what
	}
	if err != nil {
		return model.Answer{}, err
	}
	return out.model(), nil
}

// needsReason refuses a reviewer's answer that changes a lower level's
// value without a note saying why.
func needsReason(others []answerRec, next answerRec, lvl model.Level) error {
	levels := byLevel(others)
	delete(levels, lvl)
	below, need := model.NeedsReason(levels, lvl, next.Value)
	if !need || strings.TrimSpace(next.Note) != "" {
		return nil
	}
	return fmt.Errorf("alasan wajib: jawaban %s %s mengubah jawaban %s %s; tulis alasannya di catatan %s: %w",
		lvl, next.Value, below.Level, below.Value, lvl, ErrInvalid)
}

// editable loads an evaluation that by may edit now, the question asked,
// and the level the edit is made at.
func (t txn) editable(evalID, qid, by string) (evalRec, *model.Instrument, *model.Question, model.Level, error) {
	e, err := t.evaluation(evalID)
	if err != nil {
		return e, nil, nil, 0, err
	}
	step, err := t.db.decide(e, model.ActEdit, by, "")
	if err != nil {
		return e, nil, nil, 0, err
	}
	in, err := t.instrument(e.InstrumentHash)
	if err != nil {
		return e, nil, nil, 0, err
	}
	q, ok := in.Question(qid)
	if !ok {
		return e, nil, nil, 0, fmt.Errorf("pertanyaan %q %w di instrumen %s", qid, ErrNotFound, in.ID)
	}
	return e, in, q, step.Level, nil
}

// saveAnswer writes next in place of old with one history entry per changed
// field, all in one group (one action, one undo); undoes names, per field,
// the entry each one reverts. Then it rescores.
func (t txn) saveAnswer(e evalRec, in *model.Instrument, old, next answerRec, by string, undoes map[string]uint64) (answerRec, error) {
	var group uint64
	return t.saveAnswerIn(&group, e, in, old, next, by, undoes)
}

// saveAnswerIn is saveAnswer as one part of an action that changes several
// questions (an imported file): *group is the action's group, the seq of
// its first entry, set by the first save that finds it 0.
func (t txn) saveAnswerIn(group *uint64, e evalRec, in *model.Instrument, old, next answerRec, by string, undoes map[string]uint64) (answerRec, error) {
	now := t.db.stamp()
	next.By, next.At = by, now
	if err := t.putAnswer(next); err != nil {
		return next, err
	}
	if *group == 0 {
		*group = t.nextSeq() // the seq of the first entry below
	}
	base := changeRec{By: by, At: now, Satker: e.Satker, Evaluation: e.ID, Question: next.Question,
		Group: *group, Level: storedLevel(next.Level)}
	for _, f := range []struct{ field, old, new string }{
		{fieldValue, old.Value.String(), next.Value.String()},
		{fieldNote, old.Note, next.Note},
		{fieldEvidence, evidenceText(old.Evidence), evidenceText(next.Evidence)},
		{fieldCarried, carriedText(old.Carried), carriedText(next.Carried)},
	} {
		if f.old == f.new {
			continue
		}
		c := base
		c.Field, c.Old, c.New, c.Undoes = f.field, f.old, f.new, undoes[f.field]
		if _, err := t.record(c); err != nil {
			return next, err
		}
	}
	vals, err := t.valuesToChange(e.ID, in)
	if err != nil {
		return next, err
	}
	levels, err := t.questionAnswers(e.ID, next.Question)
	if err != nil {
		return next, err
	}
	if i, ok := in.QuestionIndex(next.Question); ok {
		vals[i] = countingValue(levels)
	}
	s, err := t.satker(e.Satker)
	if err != nil {
		return next, err
	}
	return next, t.putStateAt(e, in, s.Target, vals, now)
}

// carriedText is the history's form of the carried mark.
func carriedText(carried bool) string {
	if carried {
		return "dibawa"
	}
	return ""
}

// CopyAnswers pre-fills an evaluation from another (a TPI from the satker's
// PMPZI, a new year from the last): every answer that counts there and
// that the target has not answered yet, when its question exists in the
// target's instrument and the value is valid there, marked carried until
// a level confirms or changes it, with its evidence marked unchecked.
// Notes stay behind: they are the other evaluator's. One transaction; it
// returns how many answers were copied.
func (db *DB) CopyAnswers(fromEvalID, toEvalID, by string) (int, error) {
	n := 0
	err := db.write(func(t txn) error {
		var err error
		if n, err = t.copyAnswers(fromEvalID, toEvalID, by, false); err == nil && n == 0 {
			return errUnchanged
		}
		return err
	})
	return n, err
}

// copyAnswers is the body of CopyAnswers, in the caller's transaction;
// creating says it is part of making the evaluation, which whoever makes
// it may fill whatever its team.
func (t txn) copyAnswers(fromEvalID, toEvalID, by string, creating bool) (int, error) {
	n := 0
	if _, err := t.evaluation(fromEvalID); err != nil {
		return 0, err
	}
	to, err := t.evaluation(toEvalID)
	if err != nil {
		return 0, err
	}
	step := model.Step{Level: model.EditLevel(model.Status(to.Status))}
	if !creating {
		if step, err = t.db.decide(to, model.ActEdit, by, ""); err != nil {
			return 0, err
		}
	}
	in, err := t.instrument(to.InstrumentHash)
	if err != nil {
		return 0, err
	}
	from, err := t.answers(fromEvalID)
	if err != nil {
		return 0, err
	}
	counts := map[string]answerRec{} // the answer that counts, per question
	var order []string
	for _, src := range from {
		if src.Value.IsZero() {
			continue
		}
		if _, seen := counts[src.Question]; !seen {
			order = append(order, src.Question)
		}
		counts[src.Question] = src // a higher level comes later
	}
	for _, qid := range order {
		src := counts[qid]
		q, ok := in.Question(qid)
		if !ok {
			continue
		}
		v, err := checkValue(q, src.Value)
		if err != nil {
			continue
		}
		old, err := t.answer(toEvalID, q.ID, step.Level)
		if err != nil {
			return 0, err
		}
		if !old.Value.IsZero() {
			continue
		}
		next := old
		next.Value, next.Carried = v, true
		if len(old.Evidence) == 0 {
			for _, ev := range src.Evidence {
				ev.Checked = false
				next.Evidence = append(next.Evidence, ev)
			}
		}
		if _, err := t.saveAnswer(to, in, old, next, by, nil); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}
