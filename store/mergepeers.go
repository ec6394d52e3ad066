package store

import (
	"bytes"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// SharedWith lists, in order, the satkers this database shares with the
// database named peer: those it keeps bases of for that peer, having
// merged a field bundle from it. ziwb sync pulls and pushes them.
func (db *DB) SharedWith(peer string) ([]string, error) {
	var out []string
	if peer == "" {
		return nil, nil
	}
	err := db.view(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketBases)
		if bk == nil {
			return nil
		}
		c := bk.Cursor()
		for k, _ := c.First(); k != nil; {
			id, _, ok := bytes.Cut(k, []byte{0})
			satker := string(id)
			if !ok {
				k, _ = c.Next()
				continue
			}
			prefix := []byte(satker + "\x00" + peer + "\x00")
			if pk, _ := c.Seek(prefix); pk != nil && bytes.HasPrefix(pk, prefix) {
				out = append(out, satker)
			}
			k, _ = c.Seek([]byte(satker + "\x01")) // the next satker's first base
		}
		return nil
	})
	return out, err
}

// A sync is a pull and then a push; cut off between them, or stopped on
// a conflict, the next pull must not take the sender's bases for this
// database (what it last merged from here, older than what this database
// last merged from it) over this database's own. Each database counts the
// bundles it merged from each other one, and a field bundle carries those
// counts (Origin.Merged): when the sender's count for this database has
// not grown since this database last merged from it, the sender merged
// nothing from here in between, and this database's bases are the later.

func countKey(kind, peer string) []byte { return []byte(kind + "\x00" + peer) }

// mergedCounts is how many bundles from each database this one merged.
func mergedCounts(tx *bolt.Tx) map[string]uint64 {
	out := map[string]uint64{}
	prefix := []byte("merged\x00")
	c := tx.Bucket(bucketMeta).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if n, err := strconv.ParseUint(string(v), 10, 64); err == nil {
			out[string(k[len(prefix):])] = n
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func metaCount(tx *bolt.Tx, key []byte) (uint64, bool) {
	v := tx.Bucket(bucketMeta).Get(key)
	if v == nil {
		return 0, false
	}
	n, err := strconv.ParseUint(string(v), 10, 64)
	return n, err == nil
}

// bundleBasesWin: the sender merged a bundle from here since this
// database last merged from it (or they never met).
func (m *merger) bundleBasesWin() bool {
	seen, ok := metaCount(m.t.tx, countKey("seen", m.b.origin.Database))
	return !ok || m.b.origin.Merged[m.me] > seen
}

// keepCounts notes a merge that wrote: one more bundle merged from the
// sender, and the sender's count for this database as it stood. A merge
// that only met the conflicts it kept before is no new merge.
func (m *merger) keepCounts() error {
	r := m.rep
	if r.Added+r.Applied+r.History+r.Resolved+m.dropped+m.kept == 0 {
		return nil
	}
	meta := m.t.tx.Bucket(bucketMeta)
	peer := m.b.origin.Database
	n, _ := metaCount(m.t.tx, countKey("merged", peer))
	if err := meta.Put(countKey("merged", peer), []byte(strconv.FormatUint(n+1, 10))); err != nil {
		return err
	}
	return meta.Put(countKey("seen", peer), []byte(strconv.FormatUint(m.b.origin.Merged[m.me], 10)))
}
