package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// txn is one transaction with the typed reads and writes every operation
// shares. Values read from bbolt are decoded (copied) before the
// transaction ends; nothing keeps a slice of the mapped file.
type txn struct {
	db     *DB
	tx     *bolt.Tx
	direct bool // a bulk transaction: the journal is folded, writes go to the work bucket
}

func (t txn) bucket(name []byte) *bolt.Bucket { return t.tx.Bucket(name) }

// get decodes one JSON record; ok is false when the key is absent.
func (t txn) get(bucket []byte, key string, v any) (bool, error) {
	data := t.bucket(bucket).Get([]byte(key))
	if data == nil {
		return false, nil
	}
	if err := decode(data, v); err != nil {
		return false, fmt.Errorf("%s: %w: rekaman %s/%q: %v", t.db.path, ErrDamaged, bucket, key, err)
	}
	return true, nil
}

func (t txn) put(bucket []byte, key string, v any) error {
	return t.bucket(bucket).Put([]byte(key), encode(v))
}

// must reads a record that has to be there: an absent one is ErrNotFound,
// named what and its key.
func must[T any](t txn, bucket []byte, what, key string) (T, error) {
	var r T
	ok, err := t.get(bucket, key, &r)
	if err == nil && !ok {
		err = fmt.Errorf("%s %q %w", what, key, ErrNotFound)
	}
	return r, err
}

// putSatker stores a satker and files it by name; old is the record it
// replaces, if any.
func (t txn) putSatker(old *satkerRec, s satkerRec) error {
	names := t.bucket(bucketNames)
	if old != nil && !bytes.Equal(nameKey(*old), nameKey(s)) {
		if err := names.Delete(nameKey(*old)); err != nil {
			return err
		}
	}
	if err := names.Put(nameKey(s), nil); err != nil {
		return err
	}
	return t.put(bucketSatkers, s.ID, s)
}

// dropSatker removes a satker's record, its name and its list record.
func (t txn) dropSatker(s satkerRec) error {
	for _, del := range []struct{ bucket, key []byte }{{bucketSatkers, []byte(s.ID)}, {bucketNames, nameKey(s)}, {bucketSummaries, []byte(s.ID)}} {
		if err := t.bucket(del.bucket).Delete(del.key); err != nil {
			return err
		}
	}
	return nil
}

// evaluationsOf reads every evaluation of a satker.
func (t txn) evaluationsOf(satkerID string) ([]evalRec, error) {
	var out []evalRec
	prefix := evalPrefix(satkerID)
	c := t.bucket(bucketEvaluations).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var r evalRec
		if err := decode(v, &r); err != nil {
			return nil, fmt.Errorf("%s: %w: evaluasi %q: %v", t.db.path, ErrDamaged, k, err)
		}
		if r.Satker == satkerID {
			out = append(out, r)
		}
	}
	return out, nil
}

// instrument returns the parsed instrument stored under hash.
func (t txn) instrument(hash string) (*model.Instrument, error) {
	return t.db.instrumentIn(t.tx, hash)
}

func (db *DB) instrumentIn(tx *bolt.Tx, hash string) (*model.Instrument, error) {
	// The cache may hold an instrument a rolled-back transaction stored:
	// the bucket, not the cache, says what is in the file.
	data := tx.Bucket(bucketInstruments).Get([]byte(hash))
	if data == nil {
		return nil, fmt.Errorf("instrumen %s %w di %s", short(hash), ErrNotFound, db.path)
	}
	db.mu.Lock()
	in, ok := db.instruments[hash]
	db.mu.Unlock()
	if ok {
		return in, nil
	}
	in, err := parseStored(hash, bytes.Clone(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", db.path, ErrDamaged, err)
	}
	db.mu.Lock()
	db.instruments[hash] = in
	db.mu.Unlock()
	return in, nil
}

// parseStored parses a stored instrument and checks it is the one its hash
// names.
func parseStored(hash string, data []byte) (*model.Instrument, error) {
	in, err := model.Parse("instrumen tersimpan "+short(hash), data)
	if err != nil {
		return nil, err
	}
	if in.Hash != hash {
		return nil, fmt.Errorf("instrumen tersimpan %s: isinya tidak cocok dengan sidik (sha256 %s)", short(hash), short(in.Hash))
	}
	return in, nil
}

// putInstrument stores an instrument once per content hash.
func (t txn) putInstrument(in *model.Instrument) error {
	b := t.bucket(bucketInstruments)
	if b.Get([]byte(in.Hash)) != nil {
		return nil
	}
	if err := b.Put([]byte(in.Hash), in.Data); err != nil {
		return err
	}
	t.db.mu.Lock()
	t.db.instruments[in.Hash] = in
	t.db.mu.Unlock()
	return nil
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

// rebuildSummary rewrites a satker's list record from its canonical
// records, or deletes it when the satker is gone.
func (t txn) rebuildSummary(satkerID string) error {
	data, err := t.buildSummary(satkerID)
	if err != nil {
		return err
	}
	if data == nil {
		return t.bucket(bucketSummaries).Delete([]byte(satkerID))
	}
	return t.bucket(bucketSummaries).Put([]byte(satkerID), data)
}

// buildSummary computes what a satker's list record should hold; nil
// when the satker does not exist. Check compares it with what is stored.
func (t txn) buildSummary(satkerID string) ([]byte, error) {
	s, err := t.satker(satkerID)
	if err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	evals, err := t.evaluationsOf(satkerID)
	if err != nil {
		return nil, err
	}
	sum := SatkerSummary{Satker: s.model()}
	for _, e := range evals {
		sum.Evaluations = append(sum.Evaluations, EvalSummary{ID: e.ID, Year: e.Year, Stage: model.Stage(e.Stage),
			Status: model.Status(e.Status), InstrumentID: e.Instrument, Team: e.team()})
	}
	sortEvalSummaries(sum.Evaluations)
	return encodeSummary(sum), nil
}
