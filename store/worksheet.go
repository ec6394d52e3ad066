package store

import (
	"bytes"
	"encoding/binary"

	"github.com/kemenag-ortala/ziwb/model"
)

// Worksheet is everything the walk of one evaluation shows.
type Worksheet struct {
	Evaluation model.Evaluation
	Satker     model.Satker
	Instrument *model.Instrument
	Answers    map[string]model.Answer // the answers that count
	// Levels is every question's answers per review level.
	Levels map[string]map[model.Level]model.Answer
	// Authors is, for every answer in Levels, who gave its value and who
	// last changed its note.
	Authors map[AnswerOf]Authorship
	// Previous is the answers that counted in the round this one is
	// compared with (see model.PreviousRound); nil when there is none.
	Previous      map[string]model.Answer
	PreviousRound *model.Evaluation
	// Self is the satker's own PMPZI answers of the same year beside any
	// later stage that uses the same instrument; nil otherwise.
	Self map[string]model.Answer
	// LastStep is the newest status change, with who, when and (for a
	// return or a reopening) why; nil when the status never moved.
	LastStep *model.Change
	// Open is what earlier rounds asked of the satker and is still open.
	Open []model.Rekomendasi
	// Version is the evaluation's Version when it was read.
	Version uint64
}

// Version is the seq of the newest history entry of an evaluation: it
// moves with every change to the evaluation, its answers and its
// recommendations, and costs one seek to read. A screen compares it with
// what it shows before reading everything again.
func (db *DB) Version(evalID string) (uint64, error) {
	var v uint64
	err := db.read(func(t txn) error { v = t.version(evalID); return nil })
	return v, err
}

func (t txn) version(evalID string) uint64 {
	prefix := ownerPrefix(evalID, kindChange)
	k, _ := newestChange(t.work().Cursor(), evalID)
	if k == nil || !bytes.HasPrefix(k, prefix) || len(k) != len(prefix)+8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(prefix):])
}

// stepHorizon is how far back an evaluation's history is searched for its
// last status step: a step older than thousands of edits no longer
// explains anything.
const stepHorizon = 5000

// Worksheet reads an evaluation with everything its walk shows, in one
// read transaction, so the parts agree with each other.
func (db *DB) Worksheet(evalID string) (Worksheet, error) {
	var w Worksheet
	err := db.read(func(t txn) error {
		e, s, in, err := t.evaluationWith(evalID)
		if err != nil {
			return err
		}
		w.Evaluation, w.Satker, w.Instrument, w.Version = e.model(), s.model(), in, t.version(evalID)
		recs, err := t.answers(evalID)
		if err != nil {
			return err
		}
		w.Answers, w.Levels = answerMap(recs), levelMap(recs)
		if err := t.previousRound(&w); err != nil {
			return err
		}
		// One backward scan of the history finds who gave each answer
		// and the newest status step, this one among the latest entries
		// only: a step older than thousands of edits no longer explains
		// anything.
		authors := newAuthorFinder(recs)
		seen, stepWanted := 0, true
		if err := t.walkOwner(evalID, func(c changeRec) bool {
			if stepWanted && c.Field == fieldStatus {
				m := c.model()
				w.LastStep = &m
			}
			seen++
			stepWanted = w.LastStep == nil && seen < stepHorizon
			return authors.see(c) || stepWanted
		}); err != nil {
			return err
		}
		w.Authors = authors.authors()
		if w.Evaluation.Stage != model.StagePMPZI {
			selfID := model.EvaluationID(e.Satker, e.Year, model.StagePMPZI)
			if self, err := t.evaluation(selfID); err == nil && self.InstrumentHash == e.InstrumentHash {
				if w.Self, err = t.answerMap(selfID); err != nil {
					return err
				}
			}
		}
		w.Open, err = t.openReks(e.Satker, e.Year)
		return err
	})
	return w, err
}

// levelMap is every question's answers per level.
func levelMap(recs []answerRec) map[string]map[model.Level]model.Answer {
	out := make(map[string]map[model.Level]model.Answer, len(recs))
	for _, r := range recs {
		if out[r.Question] == nil {
			out[r.Question] = make(map[model.Level]model.Answer, 1)
		}
		out[r.Question][r.level()] = r.model()
	}
	return out
}

// previousRound fills the worksheet's previous round, when there is one.
func (t txn) previousRound(w *Worksheet) error {
	recs, err := t.evaluationsOf(w.Evaluation.SatkerID)
	if err != nil {
		return err
	}
	others := make([]model.Evaluation, len(recs))
	for i, r := range recs {
		others[i] = r.model()
	}
	prev, ok := model.PreviousRound(w.Evaluation, others)
	if !ok {
		return nil
	}
	w.PreviousRound = &prev
	w.Previous, err = t.answerMap(prev.ID)
	return err
}
