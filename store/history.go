package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// History fields beyond the answer's own (value, note, evidence).
const (
	fieldValue      = "value"
	fieldNote       = "note"
	fieldEvidence   = "evidence"
	fieldSatker     = "satker" // created (Old "") or deleted (New ""); the name
	fieldEvaluation = "evaluation"
	fieldStatus     = "status"
)

// HistoryFilter selects history entries; empty fields match everything.
type HistoryFilter struct {
	Satker     string
	Evaluation string
	Question   string
	Limit      int // 0: all
}

// History returns the changes the filter selects, newest first. It reads
// an index for a satker, an evaluation or an evaluation's question.
func (db *DB) History(f HistoryFilter) ([]model.Change, error) {
	var out []model.Change
	err := db.view(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		return t.walkHistory(f, func(r changeRec) bool {
			out = append(out, r.model())
			return f.Limit <= 0 || len(out) < f.Limit
		})
	})
	return out, err
}

// walkHistory calls fn for each selected entry, newest first, until fn
// returns false.
func (t txn) walkHistory(f HistoryFilter, fn func(changeRec) bool) error {
	match := func(r changeRec) bool {
		return (f.Satker == "" || r.Satker == f.Satker) && (f.Evaluation == "" || r.Evaluation == f.Evaluation) &&
			(f.Question == "" || r.Question == f.Question)
	}
	var index []byte
	var prefix []byte
	switch {
	case f.Evaluation != "" && f.Question != "":
		index, prefix = bucketHistQ, indexPrefix(f.Evaluation, f.Question)
	case f.Evaluation != "":
		index, prefix = bucketHistEval, indexPrefix(f.Evaluation)
	case f.Satker != "":
		index, prefix = bucketHistSatker, indexPrefix(f.Satker)
	}
	hist := t.bucket(bucketHistory)
	if index == nil {
		c := hist.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			r, err := t.decodeChange(k, v)
			if err != nil {
				return err
			}
			if match(r) && !fn(r) {
				return nil
			}
		}
		return nil
	}
	c := t.bucket(index).Cursor()
	// Position after the last key with the prefix, then walk back.
	end := append(bytes.Clone(prefix), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	k, _ := c.Seek(end)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		seq, ok := indexSeq(k)
		if !ok || len(k) != len(prefix)+8 {
			continue // a longer key: another question whose id starts the same
		}
		v := hist.Get(seqKey(seq))
		if v == nil {
			return fmt.Errorf("%s: %w: indeks riwayat menunjuk ke entri %d yang tidak ada", t.db.path, ErrDamaged, seq)
		}
		r, err := t.decodeChange(seqKey(seq), v)
		if err != nil {
			return err
		}
		if match(r) && !fn(r) {
			return nil
		}
	}
	return nil
}

func (t txn) decodeChange(k, v []byte) (changeRec, error) {
	var r changeRec
	if err := decode(v, &r); err != nil {
		return r, fmt.Errorf("%s: %w: riwayat %x: %v", t.db.path, ErrDamaged, k, err)
	}
	return r, nil
}

// record appends a change to the history with the next sequence number and
// indexes it; the change's At defaults to now.
func (t txn) record(r changeRec) (changeRec, error) {
	hist := t.bucket(bucketHistory)
	hist.FillPercent = appendFill
	seq, err := hist.NextSequence()
	if err != nil {
		return r, err
	}
	r.Seq = seq
	if r.At.IsZero() {
		r.At = t.db.stamp()
	}
	if err := hist.Put(seqKey(seq), encode(r)); err != nil {
		return r, err
	}
	return r, t.index(r)
}

// appendFill packs the pages of buckets whose keys mostly arrive in order
// (history by sequence, its indexes by sequence within an owner): bbolt's
// default half-full split would double their size on disk.
const appendFill = 0.95

// index writes a change's index entries.
func (t txn) index(r changeRec) error {
	put := func(bucket, key []byte) error {
		b := t.bucket(bucket)
		b.FillPercent = appendFill
		return b.Put(key, nil)
	}
	if err := put(bucketHistSatker, indexKey(r.Seq, r.Satker)); err != nil {
		return err
	}
	if r.Evaluation == "" {
		return nil
	}
	if err := put(bucketHistEval, indexKey(r.Seq, r.Evaluation)); err != nil {
		return err
	}
	if r.Question == "" {
		return nil
	}
	return put(bucketHistQ, indexKey(r.Seq, r.Evaluation, r.Question))
}
