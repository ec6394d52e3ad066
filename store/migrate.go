package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// schemaVersion is the layout this ziwb writes.
//
//	1: the canonical records — satkers, evaluations, answers, instruments,
//	   history and its indexes.
//	2: adds the derived records ("values" per evaluation, "summaries" per
//	   satker) that let lists and saves avoid decoding every answer.
const schemaVersion = 2

// migrations[v] turns a schema-v file into a schema-(v+1) one, inside the
// one transaction that migrates the file.
var migrations = map[uint64]func(t txn) error{
	1: func(t txn) error {
		for _, name := range derivedBuckets {
			if _, err := t.tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return t.rebuildDerived()
	},
}

// initSchema lays out a new, empty database. The recommendations' bucket
// is made here too, though older files of the same schema may lack it.
func initSchema(tx *bolt.Tx) error {
	names := append(append([][]byte{}, baseBuckets...), derivedBuckets...)
	for _, name := range append(names, bucketRekomendasi) {
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
		for _, name := range baseBuckets {
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
	err = db.update(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		for v := from; v < schemaVersion; v++ {
			step, ok := migrations[v]
			if !ok {
				return fmt.Errorf("tidak ada jalur migrasi dari skema %d", v)
			}
			if err := step(t); err != nil {
				return fmt.Errorf("skema %d → %d: %w", v, v+1, err)
			}
		}
		return setSchema(tx, schemaVersion)
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

// rebuildDerived recomputes every derived record from the canonical ones.
func (t txn) rebuildDerived() error {
	for _, name := range derivedBuckets {
		if err := t.tx.DeleteBucket(name); err != nil {
			return err
		}
		if _, err := t.tx.CreateBucket(name); err != nil {
			return err
		}
	}
	var evalIDs, satkerIDs []string
	t.bucket(bucketEvaluations).ForEach(func(k, _ []byte) error { evalIDs = append(evalIDs, string(k)); return nil })
	t.bucket(bucketSatkers).ForEach(func(k, _ []byte) error { satkerIDs = append(satkerIDs, string(k)); return nil })
	for _, id := range evalIDs {
		vals, err := t.valuesFromAnswers(id)
		if err != nil {
			return err
		}
		if err := t.putValues(id, vals); err != nil {
			return err
		}
	}
	for _, id := range satkerIDs {
		if err := t.rebuildSummary(id); err != nil {
			return err
		}
	}
	return nil
}
