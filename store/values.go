package store

import "github.com/kemenag-ortala/ziwb/model"

// Values returns what an evaluation is scored from, in one read: its
// instrument, its satker's target and the answers that count (the
// highest review level's), the same the scorecard is computed from.
func (db *DB) Values(evalID string) (*model.Instrument, string, model.Answers, error) {
	var vals model.Answers
	in, target, err := db.scoring(evalID, func(t txn) (err error) {
		vals, err = t.values(evalID)
		return err
	})
	if err != nil {
		return nil, "", nil, err
	}
	return in, target, vals, nil
}
