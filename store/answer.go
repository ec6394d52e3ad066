package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Answers returns an evaluation's answers by question id.
func (db *DB) Answers(evalID string) (map[string]model.Answer, error) {
	var out map[string]model.Answer
	err := db.view(func(tx *bolt.Tx) error {
		t := txn{db, tx}
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

// answerMap is an evaluation's answers by question id.
func (t txn) answerMap(evalID string) (map[string]model.Answer, error) {
	recs, err := t.answers(evalID)
	out := make(map[string]model.Answer, len(recs))
	for _, r := range recs {
		out[r.Question] = r.model()
	}
	return out, err
}

// SetAnswer saves one answer, validated against the evaluation's own
// instrument; the zero Value clears it. It returns after the commit.
func (db *DB) SetAnswer(evalID, qid string, v model.Value, by string) (model.Answer, error) {
	return db.editAnswer(evalID, qid, by, func(q *model.Question, a *answerRec) error {
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
	return db.editAnswer(evalID, qid, by, func(q *model.Question, a *answerRec) error {
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
	return db.editAnswer(evalID, qid, by, func(_ *model.Question, a *answerRec) error {
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
	return db.editAnswer(evalID, qid, by, func(_ *model.Question, a *answerRec) error {
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
// checks the evaluation is a draft, applies edit, saves the answer and its
// history entries, and rescores the evaluation's summary. Nothing changed,
// nothing written.
func (db *DB) editAnswer(evalID, qid, by string, edit func(*model.Question, *answerRec) error) (model.Answer, error) {
	var out answerRec
	err := db.update(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		e, in, q, err := t.editable(evalID, qid)
		if err != nil {
			return err
		}
		old, err := t.answer(evalID, qid)
		if err != nil {
			return err
		}
		next := old
		if err := edit(q, &next); err != nil {
			return err
		}
		out = old
		if next.same(old) {
			return errUnchanged
		}
		out, err = t.saveAnswer(e, in, old, next, by, nil)
		return err
	})
	if err != nil {
		return model.Answer{}, err
	}
	return out.model(), nil
}

// editable loads an evaluation that takes edits and the question asked.
func (t txn) editable(evalID, qid string) (evalRec, *model.Instrument, *model.Question, error) {
	e, err := t.evaluation(evalID)
	if err != nil {
		return e, nil, nil, err
	}
	if e.Status == string(model.Final) {
		return e, nil, nil, fmt.Errorf("evaluasi %s sudah final %w untuk diubah; jadikan draft dulu", evalID, ErrInvalid)
	}
	in, err := t.instrument(e.InstrumentHash)
	if err != nil {
		return e, nil, nil, err
	}
	q, ok := in.Question(qid)
	if !ok {
		return e, nil, nil, fmt.Errorf("pertanyaan %q %w di instrumen %s", qid, ErrNotFound, in.ID)
	}
	return e, in, q, nil
}

// saveAnswer writes next in place of old with one history entry per changed
// field, all in one group (one action, one undo); undoes names, per field,
// the entry each one reverts. Then it rescores.
func (t txn) saveAnswer(e evalRec, in *model.Instrument, old, next answerRec, by string, undoes map[string]uint64) (answerRec, error) {
	now := t.db.stamp()
	next.By, next.At = by, now
	if err := t.putAnswer(next); err != nil {
		return next, err
	}
	base := changeRec{By: by, At: now, Satker: e.Satker, Evaluation: e.ID, Question: next.Question,
		Group: t.nextSeq()} // the seq of the first entry below
	for _, f := range []struct{ field, old, new string }{
		{fieldValue, old.Value.String(), next.Value.String()},
		{fieldNote, old.Note, next.Note},
		{fieldEvidence, evidenceText(old.Evidence), evidenceText(next.Evidence)},
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
	st, _, err := t.state(e.ID)
	if err != nil {
		return next, err
	}
	if next.Value.IsZero() {
		delete(st.Values, next.Question)
	} else {
		st.Values[next.Question] = next.Value
	}
	s, err := t.satker(e.Satker)
	if err != nil {
		return next, err
	}
	return next, t.putState(e, in, s.Target, st.Values, now)
}

// CopyAnswers pre-fills an evaluation from another (a TPI from the satker's
// PMPZI): every answer the target has not answered yet, when its question
// exists in the target's instrument and the value is valid there, with its
// evidence marked unchecked. Notes stay behind: they are the other
// evaluator's. One transaction; it returns how many answers were copied.
func (db *DB) CopyAnswers(fromEvalID, toEvalID, by string) (int, error) {
	n := 0
	err := db.update(func(tx *bolt.Tx) error {
		var err error
		if n, err = (txn{db, tx}).copyAnswers(fromEvalID, toEvalID, by); err == nil && n == 0 {
			return errUnchanged
		}
		return err
	})
	return n, err
}

// copyAnswers is the body of CopyAnswers, in the caller's transaction.
func (t txn) copyAnswers(fromEvalID, toEvalID, by string) (int, error) {
	n := 0
	if _, err := t.evaluation(fromEvalID); err != nil {
		return 0, err
	}
	to, err := t.evaluation(toEvalID)
	if err != nil {
		return 0, err
	}
	if to.Status == string(model.Final) {
		return 0, fmt.Errorf("evaluasi %s sudah final %w untuk diisi; jadikan draft dulu", toEvalID, ErrInvalid)
	}
	in, err := t.instrument(to.InstrumentHash)
	if err != nil {
		return 0, err
	}
	from, err := t.answers(fromEvalID)
	if err != nil {
		return 0, err
	}
	for _, src := range from {
		q, ok := in.Question(src.Question)
		if !ok || src.Value.IsZero() {
			continue
		}
		v, err := checkValue(q, src.Value)
		if err != nil {
			continue
		}
		old, err := t.answer(toEvalID, q.ID)
		if err != nil {
			return 0, err
		}
		if !old.Value.IsZero() {
			continue
		}
		next := old
		next.Value = v
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
