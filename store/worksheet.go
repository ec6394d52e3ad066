package store

import (
	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Worksheet is everything the walk of one evaluation shows.
type Worksheet struct {
	Evaluation model.Evaluation
	Satker     model.Satker
	Instrument *model.Instrument
	Answers    map[string]model.Answer
	// Self is the satker's own PMPZI answers of the same year beside any
	// later stage that uses the same instrument; nil otherwise.
	Self map[string]model.Answer
	// Open is what earlier rounds asked of the satker and is still open.
	Open []model.Rekomendasi
}

// Worksheet reads an evaluation with everything its walk shows, in one
// read transaction, so the parts agree with each other.
func (db *DB) Worksheet(evalID string) (Worksheet, error) {
	var w Worksheet
	err := db.view(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		e, s, in, err := t.evaluationWith(evalID)
		if err != nil {
			return err
		}
		w.Evaluation, w.Satker, w.Instrument = e.model(), s.model(), in
		if w.Answers, err = t.answerMap(evalID); err != nil {
			return err
		}
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
