package store

import (
	"bytes"
	"encoding/binary"

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
	// Version is the evaluation's Version when it was read.
	Version uint64
}

// Version is the seq of the newest history entry of an evaluation: it
// moves with every change to the evaluation, its answers and its
// recommendations, and costs one seek to read. A screen compares it with
// what it shows before reading everything again.
func (db *DB) Version(evalID string) (uint64, error) {
	var v uint64
	err := db.view(func(tx *bolt.Tx) error { v = txn{db, tx}.version(evalID); return nil })
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
		w.Evaluation, w.Satker, w.Instrument, w.Version = e.model(), s.model(), in, t.version(evalID)
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
