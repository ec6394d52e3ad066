package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// schemaVersion is the layout this ziwb writes.
//
//	1: the canonical records — satkers, evaluations, answers, instruments,
//	   history and its three indexes — as JSON, each kind in its bucket.
//	2: adds derived records ("values" per evaluation, "summaries" per
//	   satker) that let lists and saves avoid decoding every answer.
//	3: answers, history and each evaluation's state (values, figures) in
//	   one "work" bucket keyed by owner, as compact binary records; the
//	   indexes are gone (an owner's history is one prefix scan), and the
//	   satker list records hold no figures, so a save writes one bucket.
//	4: saves write into a small "journal" bucket that amends the work
//	   bucket and is folded into it now and then (see journal.go); the
//	   history's sequence moves there; a state holds its values by
//	   position in the instrument's questions, not by question id.
const schemaVersion = 4

// The buckets of schemas 1 and 2, which migration reads and removes.
var (
	oldAnswers = []byte("answers")
	oldHistory = []byte("history")
	oldIndexes = [][]byte{[]byte("history-by-satker"), []byte("history-by-evaluation"), []byte("history-by-question")}
	oldValues  = []byte("values")
	oldBuckets = [][]byte{bucketMeta, bucketSatkers, bucketEvaluations, oldAnswers, bucketInstruments, oldHistory}
	oldDerived = [][]byte{oldValues, bucketSummaries}
)

// migrations[v] turns a schema-v file into a schema-(v+1) one, inside the
// one transaction that migrates the file.
var migrations = map[uint64]func(t txn) error{
	1: func(txn) error { return nil }, // the derived records are made by the step to 3
	2: toWork,
	3: toJournal,
}

// toJournal makes the journal, empty, hands it the history's sequence,
// and rewrites each state with its values by position, rescored: the
// answers need not be read.
func toJournal(t txn) error {
	j, err := t.tx.CreateBucket(bucketJournal)
	if err != nil {
		return err
	}
	w := t.tx.Bucket(bucketWork)
	if err := j.SetSequence(w.Sequence()); err != nil {
		return err
	}
	if err := w.SetSequence(0); err != nil {
		return err
	}
	if t, err = t.bulk(); err != nil {
		return err
	}
	return t.evaluationStates(func(e evalRec, in *model.Instrument, target string) error {
		raw := t.work().Get(stateKey(e.ID))
		switch {
		case raw == nil:
			return t.deriveState(e, target)
		case raw[0] == stateCodec:
			return nil // written by the step from schema 2, in this form already
		}
		st, byID, err := decodeStateOf(raw, stateAll, 1)
		if err != nil {
			return fmt.Errorf("%w: keadaan evaluasi %q: %v", ErrDamaged, e.ID, err)
		}
		return t.putStateAt(e, in, target, positions(in, byID), st.Updated)
	})
}

// evaluationStates calls fn with each evaluation, its instrument and its
// satker's target. In a file already damaged, an evaluation whose
// instrument is gone is passed over and one whose satker is gone gets no
// target: the migration goes through, and check names what is missing.
func (t txn) evaluationStates(fn func(e evalRec, in *model.Instrument, target string) error) error {
	var evals []evalRec
	if err := t.bucket(bucketEvaluations).ForEach(recordsOf(t, "evaluasi", func(e evalRec) { evals = append(evals, e) })); err != nil {
		return err
	}
	for _, e := range evals {
		in, err := t.instrument(e.InstrumentHash)
		if isNotFound(err) {
			continue
		}
		if err != nil {
			return err
		}
		s, err := t.satker(e.Satker)
		if err != nil && !isNotFound(err) {
			return err
		}
		if err := fn(e, in, s.Target); err != nil {
			return err
		}
	}
	return nil
}

// toWork moves the answers and the history into the work bucket, drops
// the indexes and the old derived records, and derives the new ones.
func toWork(t txn) error {
	w, err := t.tx.CreateBucket(bucketWork)
	if err != nil {
		return err
	}
	if t, err = t.bulk(); err != nil {
		return err
	}
	err = t.tx.Bucket(oldAnswers).ForEach(func(k, v []byte) error {
		var r answerRec
		if err := decode(v, &r); err != nil {
			return fmt.Errorf("%w: jawaban %q: %v", ErrDamaged, k, err)
		}
		return t.putAnswer(r)
	})
	if err != nil {
		return err
	}
	hist := t.tx.Bucket(oldHistory)
	err = hist.ForEach(func(k, v []byte) error {
		var r changeRec
		if err := decode(v, &r); err != nil {
			return fmt.Errorf("%w: riwayat %x: %v", ErrDamaged, k, err)
		}
		return w.Put(changeKey(changeOwner(r), r.Seq), encodeChange(r))
	})
	if err != nil {
		return err
	}
	if err := w.SetSequence(hist.Sequence()); err != nil {
		return err
	}
	for _, name := range append(append([][]byte{oldAnswers, oldHistory}, oldIndexes...), oldDerived...) {
		if err := t.tx.DeleteBucket(name); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
	}
	for _, name := range [][]byte{bucketSummaries, bucketNames} {
		if _, err := t.tx.CreateBucket(name); err != nil {
			return err
		}
	}
	return t.rebuildDerived()
}

// bulkFill packs pages written in key order (migration, import, demo):
// bbolt's default half-full split would double their size on disk.
const bulkFill = 0.9

// bulk folds the journal and packs the pages of every bucket the
// transaction writes, which then go to the work bucket directly.
func (t txn) bulk() (txn, error) {
	if err := t.fold(); err != nil {
		return t, err
	}
	t.tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		b.FillPercent = bulkFill
		return nil
	})
	t.direct = true
	return t, nil
}

// initSchema lays out a new, empty database. The recommendations' bucket
// is made here too, though older files of the same schema may lack it.
func initSchema(tx *bolt.Tx) error {
	for _, name := range append(schemaBuckets, bucketRekomendasi) {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return setSchema(tx, schemaVersion)
}

func setSchema(tx *bolt.Tx, v uint64) error {
	b := tx.Bucket(bucketMeta)
	if err := b.Put(keyApp, appName); err != nil {
		return err
	}
	return b.Put(keySchema, binary.BigEndian.AppendUint64(nil, v))
}

// schemaVersion reads the file's schema; a file without our marker is
// foreign. The read also walks the root bucket, so a damaged root page is
// found here, at open, rather than in the middle of a save.
func (db *DB) schemaVersion() (uint64, error) {
	var v uint64
	err := db.view(func(tx *bolt.Tx) error {
		names := 0
		if err := tx.ForEach(func([]byte, *bolt.Bucket) error { names++; return nil }); err != nil {
			return err
		}
		m := tx.Bucket(bucketMeta)
		if m == nil || !bytes.Equal(m.Get(keyApp), appName) {
			return fmt.Errorf("%s: %w: berkas bbolt ini bukan milik ziwb (%d bucket, tanpa penanda ziwb); ziwb tidak mengubahnya",
				db.path, ErrDamaged, names)
		}
		raw := m.Get(keySchema)
		if len(raw) != 8 {
			return fmt.Errorf("%s: %w: versi skema tidak terbaca", db.path, ErrDamaged)
		}
		v = binary.BigEndian.Uint64(raw)
		if v == 0 {
			return fmt.Errorf("%s: %w: versi skema 0", db.path, ErrDamaged)
		}
		if v > schemaVersion {
			return nil // refused by the caller, before any bucket is expected
		}
		need := schemaBuckets
		switch {
		case v < 3:
			need = oldBuckets
		case v == 3:
			need = schemaBuckets[:len(schemaBuckets)-1] // all but the journal
		}
		for _, name := range need {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("%s: %w: bucket %q tidak ada", db.path, ErrDamaged, name)
			}
		}
		return nil
	})
	return v, err
}

// migrate copies the file next to itself, then brings it to the current
// schema in one transaction: a failure leaves the file as it was, and the
// copy is there whatever happens.
func (db *DB) migrate(from uint64) error {
	backup, err := db.migrationBackupPath(from)
	if err != nil {
		return err
	}
	if err := db.Backup(backup); err != nil {
		return fmt.Errorf("migrasi %s: salinan cadangan %s gagal, berkas tidak diubah: %w", db.path, backup, err)
	}
	err = db.write(func(t txn) error {
		for v := from; v < schemaVersion; v++ {
			step, ok := migrations[v]
			if !ok {
				return fmt.Errorf("tidak ada jalur migrasi dari skema %d", v)
			}
			if err := step(t); err != nil {
				return fmt.Errorf("skema %d → %d: %w", v, v+1, err)
			}
		}
		return setSchema(t.tx, schemaVersion)
	})
	if err != nil {
		return fmt.Errorf("migrasi %s gagal, berkas tidak diubah (cadangan: %s): %w", db.path, backup, err)
	}
	return nil
}

// migrationBackupPath is FILE.skemaN.bak, or FILE.skemaN-2.bak … when that
// exists already.
func (db *DB) migrationBackupPath(from uint64) (string, error) {
	for i := 1; i < 1000; i++ {
		p := fmt.Sprintf("%s.skema%d.bak", db.path, from)
		if i > 1 {
			p = fmt.Sprintf("%s.skema%d-%d.bak", db.path, from, i)
		}
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("migrasi %s: terlalu banyak salinan cadangan lama", db.path)
}

// rebuildDerived recomputes every derived record — each evaluation's
// state and each satker's list record — from the canonical ones.
func (t txn) rebuildDerived() error {
	var satkers []satkerRec
	err := t.bucket(bucketSatkers).ForEach(func(k, v []byte) error {
		var s satkerRec
		if err := decode(v, &s); err != nil {
			return fmt.Errorf("%w: satker %q: %v", ErrDamaged, k, err)
		}
		satkers = append(satkers, s)
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range satkers {
		if err := t.bucket(bucketNames).Put(nameKey(s), nil); err != nil {
			return err
		}
		if err := t.rederive(s); err != nil {
			return err
		}
	}
	return nil
}

// rederive rewrites the states of a satker's evaluations against its
// target, then its list record.
func (t txn) rederive(s satkerRec) error {
	evals, err := t.evaluationsOf(s.ID)
	if err != nil {
		return err
	}
	for _, e := range evals {
		if err := t.deriveState(e, s.Target); err != nil {
			return err
		}
	}
	return t.rebuildSummary(s.ID)
}

// rederiveEvals rewrites the state of each evaluation in ids against its
// satker's target.
func (t txn) rederiveEvals(ids map[string]bool) error {
	for id := range ids {
		e, err := t.evaluation(id)
		if err != nil {
			return err
		}
		s, err := t.satker(e.Satker)
		if err != nil {
			return err
		}
		if err := t.deriveState(e, s.Target); err != nil {
			return err
		}
	}
	return nil
}

// deriveState writes an evaluation's state from its answers: the values,
// the figures, and the time of the latest answer or of the record.
func (t txn) deriveState(e evalRec, target string) error {
	in, err := t.instrument(e.InstrumentHash)
	if err != nil {
		return err
	}
	recs, err := t.answers(e.ID)
	if err != nil {
		return err
	}
	vals := make(model.Answers, len(recs))
	updated := e.Updated
	for _, r := range recs {
		if !r.Value.IsZero() {
			vals[r.Question] = r.Value
		}
		if r.At.After(updated) {
			updated = r.At
		}
	}
	return t.putState(e, in, target, vals, updated)
}
