package store

import (
	"fmt"
	"strconv"

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
		Group: t.bucket(bucketHistory).Sequence() + 1} // the seq of the first entry below
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
	e.Updated = now
	if err := t.put(bucketEvaluations, e.ID, e); err != nil {
		return next, err
	}
	if old.Value == next.Value {
		return next, nil
	}
	vals, err := t.values(e.ID)
	if err != nil {
		return next, err
	}
	if next.Value.IsZero() {
		delete(vals, next.Question)
	} else {
		vals[next.Question] = next.Value
	}
	if err := t.putValues(e.ID, vals); err != nil {
		return next, err
	}
	s, err := t.satker(e.Satker)
	if err != nil {
		return next, err
	}
	return next, t.refreshEval(s, e, in, vals)
}

// Undo reverts the newest action on an answer (value, note or evidence,
// or several of them saved together) of the evaluation that has not been
// undone yet; the revert is itself an action in the history. Repeated
// calls walk further back. ErrNotFound when there is nothing left to undo.
func (db *DB) Undo(evalID, by string) (model.Change, error) {
	var out changeRec
	err := db.update(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		if _, err := t.evaluation(evalID); err != nil {
			return err
		}
		target, found, err := t.undoTarget(evalID)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("tidak ada perubahan jawaban di evaluasi %s yang bisa diurungkan: %w", evalID, ErrNotFound)
		}
		e, in, q, err := t.editable(evalID, target.Question)
		if err != nil {
			return err
		}
		old, err := t.answer(evalID, target.Question)
		if err != nil {
			return err
		}
		action, err := t.actionOf(target)
		if err != nil {
			return err
		}
		next := old
		undoes := map[string]uint64{}
		for _, c := range action {
			if err := revert(q, c, &next); err != nil {
				return err
			}
			undoes[c.Field] = c.Seq
		}
		if next.same(old) {
			// Already as it was (an import or a later edit put it back):
			// record the undo anyway so the next Undo moves on.
			group := t.bucket(bucketHistory).Sequence() + 1
			for _, c := range action {
				r := changeRec{By: by, Satker: e.Satker, Evaluation: e.ID, Question: q.ID, Field: c.Field,
					Old: c.New, New: c.Old, Undoes: c.Seq, Group: group}
				if r, err = t.record(r); err != nil {
					return err
				}
				if c.Seq == target.Seq {
					out = r
				}
			}
			return nil
		}
		if _, err := t.saveAnswer(e, in, old, next, by, undoes); err != nil {
			return err
		}
		// The entry just written for the target's field is the undo.
		return t.walkHistory(HistoryFilter{Evaluation: evalID, Question: q.ID}, func(r changeRec) bool {
			if r.Undoes == target.Seq && r.Field == target.Field {
				out = r
				return false
			}
			return true
		})
	})
	if err != nil {
		return model.Change{}, err
	}
	return out.model(), nil
}

// undoTarget finds the newest answer change of an evaluation that is
// neither an undo nor undone.
func (t txn) undoTarget(evalID string) (changeRec, bool, error) {
	undone := map[uint64]bool{}
	var target changeRec
	found := false
	err := t.walkHistory(HistoryFilter{Evaluation: evalID}, func(r changeRec) bool {
		switch {
		case r.Undoes != 0:
			undone[r.Undoes] = true
		case undone[r.Seq]:
		case r.Question != "" && (r.Field == fieldValue || r.Field == fieldNote || r.Field == fieldEvidence):
			target, found = r, true
			return false
		}
		return true
	})
	return target, found, err
}

// actionOf is every entry of the action target belongs to: the fields
// one user action changed together on one question.
func (t txn) actionOf(target changeRec) ([]changeRec, error) {
	if target.Group == 0 {
		return []changeRec{target}, nil
	}
	var out []changeRec
	err := t.walkHistory(HistoryFilter{Evaluation: target.Evaluation, Question: target.Question}, func(r changeRec) bool {
		if r.Seq < target.Group {
			return false // older than the action: the walk is newest first
		}
		if r.Group == target.Group && r.Undoes == 0 {
			out = append(out, r)
		}
		return true
	})
	return out, err
}

// revert puts back the old side of a change.
func revert(q *model.Question, c changeRec, a *answerRec) error {
	switch c.Field {
	case fieldValue:
		v, err := valueFromText(q, c.Old)
		if err != nil {
			return err
		}
		a.Value = v
	case fieldNote:
		a.Note = c.Old
	case fieldEvidence:
		a.Evidence = nil
		if c.Old != "" {
			if err := decode([]byte(c.Old), &a.Evidence); err != nil {
				return fmt.Errorf("riwayat %d: eviden lama tidak terbaca: %w", c.Seq, ErrInvalid)
			}
		}
	}
	return nil
}

// valueFromText reads a value as history writes it (Value.String).
func valueFromText(q *model.Question, s string) (model.Value, error) {
	if s == "" {
		return model.Value{}, nil
	}
	if q.Type.IsChoice() {
		return checkValue(q, model.Letter(s))
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return model.Value{}, fmt.Errorf("nilai %q untuk %s %w", s, q.ID, ErrInvalid)
	}
	return checkValue(q, model.Num(f))
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
