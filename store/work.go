package store

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// The work bucket holds what saves touch, in compact binary records (see
// codec.go): the answers, the history and each evaluation's state. The
// owner and the key's own parts (question id, seq) are not repeated in the
// value.

func (t txn) work() *bolt.Bucket { return t.tx.Bucket(bucketWork) }

// answer returns the stored answer, or an empty one for the question.
func (t txn) answer(evalID, qid string) (answerRec, error) {
	r := answerRec{Evaluation: evalID, Question: qid}
	data := t.work().Get(answerKey(evalID, qid))
	if data == nil {
		return r, nil
	}
	if err := decodeAnswer(data, &r); err != nil {
		return r, fmt.Errorf("%s: %w: jawaban %s %s: %v", t.db.path, ErrDamaged, evalID, qid, err)
	}
	return r, nil
}

// putAnswer stores an answer, or deletes it when it holds nothing.
func (t txn) putAnswer(r answerRec) error {
	k := answerKey(r.Evaluation, r.Question)
	if r.empty() {
		return t.work().Delete(k)
	}
	return t.work().Put(k, encodeAnswer(r))
}

// answers reads every answer of an evaluation, in question id order.
func (t txn) answers(evalID string) ([]answerRec, error) {
	var out []answerRec
	prefix := ownerPrefix(evalID, kindAnswer)
	c := t.work().Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r := answerRec{Evaluation: evalID, Question: string(k[len(prefix):])}
		if err := decodeAnswer(v, &r); err != nil {
			return nil, fmt.Errorf("%s: %w: jawaban %s %s: %v", t.db.path, ErrDamaged, evalID, r.Question, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// evalState is what is derived from an evaluation's answers, kept beside
// them: the values scoring needs, the figures lists show, and when an
// answer last changed.
type evalState struct {
	Updated time.Time
	Figures EvalSummary // Answered … AreaScores only
	Values  model.Answers
}

// state reads an evaluation's state; ok is false when there is none.
func (t txn) state(evalID string) (evalState, bool, error) {
	data := t.work().Get(stateKey(evalID))
	if data == nil {
		return evalState{Values: model.Answers{}}, false, nil
	}
	st, err := decodeState(data, stateAll)
	if err != nil {
		return st, false, fmt.Errorf("%s: %w: keadaan evaluasi %q: %v", t.db.path, ErrDamaged, evalID, err)
	}
	return st, true, nil
}

// values reads an evaluation's answer values.
func (t txn) values(evalID string) (model.Answers, error) {
	st, _, err := t.state(evalID)
	return st.Values, err
}

// putState rescores vals into the evaluation's state record.
func (t txn) putState(e evalRec, in *model.Instrument, target string, vals model.Answers, updated time.Time) error {
	data, err := stateRecord(in, target, vals, updated)
	if err != nil {
		return err
	}
	return t.work().Put(stateKey(e.ID), data)
}

// restate rescores an evaluation's stored state (its satker's target may
// have changed), keeping its values and time.
func (t txn) restate(e evalRec, target string) error {
	in, err := t.instrument(e.InstrumentHash)
	if err != nil {
		return err
	}
	st, _, err := t.state(e.ID)
	if err != nil {
		return err
	}
	return t.putState(e, in, target, st.Values, st.Updated)
}

// valuesFromAnswers rebuilds an evaluation's values from its answers.
func (t txn) valuesFromAnswers(evalID string) (model.Answers, error) {
	recs, err := t.answers(evalID)
	if err != nil {
		return nil, err
	}
	vals := make(model.Answers, len(recs))
	for _, r := range recs {
		if !r.Value.IsZero() {
			vals[r.Question] = r.Value
		}
	}
	return vals, nil
}

// deleteWork removes an evaluation's answers and state; its history stays.
func (t txn) deleteWork(evalID string) error {
	for _, kind := range []byte{kindAnswer, kindState} {
		prefix := ownerPrefix(evalID, kind)
		c := t.work().Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
			if err := c.Delete(); err != nil {
				return err
			}
		}
	}
	return nil
}

// nextSeq is the seq the next history entry gets.
func (t txn) nextSeq() uint64 { return t.work().Sequence() + 1 }

// record appends a change to its owner's history with the next sequence
// number; the change's At defaults to now.
func (t txn) record(r changeRec) (changeRec, error) {
	w := t.work()
	seq, err := w.NextSequence()
	if err != nil {
		return r, err
	}
	r.Seq = seq
	if r.At.IsZero() {
		r.At = t.db.stamp()
	}
	return r, w.Put(changeKey(changeOwner(r), seq), encodeChange(r))
}
