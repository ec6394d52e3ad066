package store

import (
	bolt "go.etcd.io/bbolt"
)

// Stats counts what a database holds.
type Stats struct {
	Satkers, Evaluations, Answers, History, Instruments, Recommendations int
	FileSize                                                             int64 // bytes in use by the latest commit
}

// Stats counts the records of each kind.
func (db *DB) Stats() (Stats, error) {
	var s Stats
	err := db.view(func(tx *bolt.Tx) error {
		n := func(name []byte) int { return tx.Bucket(name).Stats().KeyN }
		s = Stats{Satkers: n(bucketSatkers), Evaluations: n(bucketEvaluations), Instruments: n(bucketInstruments), FileSize: tx.Size()}
		t := txn{db: db, tx: tx}
		c := t.work().Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			switch _, kind, _, _ := splitWorkKey(k); kind {
			case kindAnswer:
				s.Answers++
			case kindChange:
				s.History++
			}
			if (s.Answers+s.History)%shedEvery == 0 {
				t.shed() // a count of a big file need not keep it mapped
			}
		}
		if b := tx.Bucket(bucketRekomendasi); b != nil { // older files lack it until the first recommendation
			s.Recommendations = b.Stats().KeyN
		}
		return nil
	})
	return s, err
}
