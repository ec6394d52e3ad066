package store

import (
	"bytes"
	"fmt"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// The work bucket holds what saves touch, in compact binary records (see
// codec.go): the answers, the history and each evaluation's state. The
// owner and the key's own parts (question id, seq) are not repeated in the
// value.

// answer returns the stored answer of one level, or an empty one.
func (t txn) answer(evalID, qid string, level model.Level) (answerRec, error) {
	r := answerRec{Evaluation: evalID, Question: qid, Level: storedLevel(level)}
	data := t.work().Get(answerKey(evalID, qid, level))
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
	r.Level = storedLevel(r.Level)
	k := answerKey(r.Evaluation, r.Question, r.Level)
	if r.empty() {
		return t.work().Delete(k)
	}
	return t.work().Put(k, encodeAnswer(r))
}

// answerEntry decodes an answer record from the rest of its key.
func answerEntry(evalID string, rest, v []byte) (answerRec, error) {
	qid, lvl, ok := splitAnswerKey(rest)
	r := answerRec{Evaluation: evalID, Question: qid, Level: lvl}
	if !ok {
		return r, errCodec
	}
	return r, decodeAnswer(v, &r)
}

// answers reads every answer of an evaluation, every level, in question
// id order and, within a question, from the lowest level.
func (t txn) answers(evalID string) ([]answerRec, error) {
	return t.answersUnder(ownerPrefix(evalID, kindAnswer), evalID)
}

// questionAnswers reads one question's answers, every level.
func (t txn) questionAnswers(evalID, qid string) ([]answerRec, error) {
	recs, err := t.answersUnder(answerKey(evalID, qid, 0), evalID)
	out := recs[:0]
	for _, r := range recs {
		if r.Question == qid { // not a longer id with the same start
			out = append(out, r)
		}
	}
	return out, err
}

func (t txn) answersUnder(prefix []byte, evalID string) ([]answerRec, error) {
	var out []answerRec
	start := len(ownerPrefix(evalID, kindAnswer))
	c := t.work().Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r, err := answerEntry(evalID, k[start:], v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w: jawaban %s %s: %v", t.db.path, ErrDamaged, evalID, r.Question, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// byLevel groups one question's answers by level.
func byLevel(recs []answerRec) map[model.Level]model.Answer {
	out := make(map[model.Level]model.Answer, len(recs))
	for _, r := range recs {
		out[r.level()] = r.model()
	}
	return out
}

// effectiveValues is, per question, the value that counts: the highest
// level's (recs as answers returns them).
func effectiveValues(recs []answerRec) model.Answers {
	vals := make(model.Answers, len(recs))
	for _, r := range recs {
		if !r.Value.IsZero() {
			vals[r.Question] = r.Value // a higher level comes later
		}
	}
	return vals
}

// countingValue is the value that counts among one question's answers,
// lowest level first as questionAnswers reads them: the highest level's,
// or the zero Value when none has one.
func countingValue(levels []answerRec) model.Value {
	var v model.Value
	for _, r := range levels {
		if !r.Value.IsZero() {
			v = r.Value
		}
	}
	return v
}

// evalState is what is derived from an evaluation's answers, kept beside
// them: the values scoring needs, the figures lists show, and when an
// answer last changed.
type evalState struct {
	Updated time.Time
	Figures EvalSummary   // Answered … AreaScores only
	At      []model.Value // by position in the instrument's questions, to the last one given
}

// state reads an evaluation's state; ok is false when there is none.
func (t txn) state(evalID string) (evalState, bool, error) {
	data := t.work().Get(stateKey(evalID))
	if data == nil {
		return evalState{}, false, nil
	}
	st, err := decodeState(data, stateAll)
	if err != nil {
		return st, false, fmt.Errorf("%s: %w: keadaan evaluasi %q: %v", t.db.path, ErrDamaged, evalID, err)
	}
	return st, true, nil
}

// values reads an evaluation's answer values by question id.
func (t txn) values(evalID string) (model.Answers, error) {
	e, err := t.evaluation(evalID)
	if err != nil {
		return nil, err
	}
	in, err := t.instrument(e.InstrumentHash)
	if err != nil {
		return nil, err
	}
	st, _, err := t.state(evalID)
	return byQuestion(in, st.At), err
}

// valuesAt reads an evaluation's values by position in in's questions,
// one for each question.
func (t txn) valuesAt(evalID string, in *model.Instrument) ([]model.Value, error) {
	st, _, err := t.state(evalID)
	at := make([]model.Value, len(in.Questions()))
	copy(at, st.At)
	return at, err
}

// valuesToChange is valuesAt for a save, which changes them and hands
// them to putStateAt: the values it wrote last are not read again.
func (t txn) valuesToChange(evalID string, in *model.Instrument) ([]model.Value, error) {
	if vals, ok := t.db.memos.values.take(in.Hash, t.work().Get(stateKey(evalID))); ok {
		return vals, nil
	}
	return t.valuesAt(evalID, in)
}

// putState rescores vals into the evaluation's state record.
func (t txn) putState(e evalRec, in *model.Instrument, target string, vals model.Answers, updated time.Time) error {
	return t.putStateAt(e, in, target, positions(in, vals), updated)
}

// putStateAt is putState for values by position. It keeps vals: the
// caller must not change them afterwards.
func (t txn) putStateAt(e evalRec, in *model.Instrument, target string, vals []model.Value, updated time.Time) error {
	data, err := stateRecord(in, target, vals, updated, &t.db.memos.scoring) // saves take turns: bbolt has one writer
	if err != nil {
		return err
	}
	if err := t.work().Put(stateKey(e.ID), data); err != nil {
		return err
	}
	t.db.memos.values.keep(in.Hash, data, vals)
	return nil
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
	vals, err := t.valuesAt(e.ID, in)
	if err != nil {
		return err
	}
	return t.putStateAt(e, in, target, vals, st.Updated)
}

// valuesFromAnswers rebuilds an evaluation's values from its answers.
func (t txn) valuesFromAnswers(evalID string) (model.Answers, error) {
	recs, err := t.answers(evalID)
	if err != nil {
		return nil, err
	}
	return effectiveValues(recs), nil
}

// deleteWork removes an evaluation's answers and state; its history stays.
func (t txn) deleteWork(evalID string) error {
	w := t.work()
	for _, kind := range []byte{kindAnswer, kindState} {
		prefix := ownerPrefix(evalID, kind)
		var keys [][]byte
		c := w.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		for _, k := range keys {
			if err := w.Delete(k); err != nil {
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
