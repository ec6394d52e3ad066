package store

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/kemenag-ortala/ziwb/model"
)

// History fields beyond the answer's own (value, note, evidence).
const (
	fieldValue      = "value"
	fieldNote       = "note"
	fieldEvidence   = "evidence"
	fieldSatker     = "satker" // created (Old "") or deleted (New ""); the name
	fieldEvaluation = "evaluation"
	fieldStatus     = "status" // Reason says why, for a step back or a reopening
	fieldTeam       = "team"   // as model.Team.String writes it
	fieldCarried    = "carried"
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
	err := db.read(func(t txn) error {
		return t.walkHistory(f, func(r changeRec) bool {
			out = append(out, r.model())
			return f.Limit <= 0 || len(out) < f.Limit
		})
	})
	return out, err
}

// walkHistory calls fn for each selected entry, newest first, until fn
// returns false. An evaluation's entries (and a question's among them)
// are one backward scan of its history; a satker's merge its own with
// its evaluations'; no filter reads everything.
func (t txn) walkHistory(f HistoryFilter, fn func(changeRec) bool) error {
	if f.Evaluation != "" {
		return t.walkOwner(f.Evaluation, func(r changeRec) bool {
			if (f.Question != "" && r.Question != f.Question) || (f.Satker != "" && r.Satker != f.Satker) {
				return true
			}
			return fn(r)
		})
	}
	var all []changeRec
	collect := func(r changeRec) bool {
		if f.Question == "" || r.Question == f.Question {
			all = append(all, r)
		}
		return true
	}
	if err := t.scanChanges(f.Satker, collect); err != nil {
		return err
	}
	slices.SortFunc(all, func(a, b changeRec) int { return cmp.Compare(b.Seq, a.Seq) })
	for _, r := range all {
		if !fn(r) {
			return nil
		}
	}
	return nil
}

// walkOwner walks one owner's history, newest first.
func (t txn) walkOwner(owner string, fn func(changeRec) bool) error {
	prefix := ownerPrefix(owner, kindChange)
	c := t.work().Cursor()
	for k, v := newestChange(c, owner); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
		if more, err := t.visitChange(k, v, fn); !more {
			return err
		}
	}
	return nil
}

// newestChange positions c on the owner's newest history entry, or on
// what precedes the owner's entries when it has none.
func newestChange(c *workCursor, owner string) ([]byte, []byte) {
	if k, _ := c.Seek(ownerPrefix(owner, kindChange+1)); k == nil {
		return c.Last()
	}
	return c.Prev()
}

// scanChanges calls fn with every history entry of a satker — its own and
// its evaluations' — or, for "", of the whole file, in key order.
func (t txn) scanChanges(satkerID string, fn func(changeRec) bool) error {
	c := t.work().Cursor()
	scan := func(prefix []byte) error {
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if _, kind, _, ok := splitWorkKey(k); !ok || kind != kindChange {
				continue
			}
			if more, err := t.visitChange(k, v, fn); !more {
				return err
			}
		}
		return nil
	}
	if satkerID == "" {
		return scan(nil)
	}
	if err := scan(ownerPrefix(satkerID, kindChange)); err != nil {
		return err
	}
	return scan(evalPrefix(satkerID))
}

// visitChange hands the history entry at k to fn; it says whether to go
// on: not when fn has seen enough, nor when the entry does not read.
func (t txn) visitChange(k, v []byte, fn func(changeRec) bool) (bool, error) {
	r, err := t.decodeChange(k, v)
	if err != nil {
		return false, err
	}
	return fn(r), nil
}

func (t txn) decodeChange(k, v []byte) (changeRec, error) {
	r, err := decodeChange(k, v)
	if err != nil {
		return r, fmt.Errorf("%s: %w: riwayat %q: %v", t.db.path, ErrDamaged, k, err)
	}
	return r, nil
}
