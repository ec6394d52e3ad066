package store

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

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

// staleBundle refuses a bundle older than one this database already
// merged from the sender: made before the sender merged what it since
// merged from here (a laptop restored from a backup), or before the
// bundle last merged from it (an earlier file). Its records are the
// sender's old values; taken as its changes they would undo its later
// work here.
func (m *merger) staleBundle() error {
	o := m.b.origin
	seen, ok := metaCount(m.t.tx, countKey("seen", o.Database))
	older := ok && o.Merged[m.me] < seen
	var last time.Time
	if v := m.t.tx.Bucket(bucketMeta).Get(countKey("at", o.Database)); v != nil && last.UnmarshalText(v) == nil && o.At.Before(last) {
		older = true
	}
	if !older {
		return nil
	}
	when := ""
	if !last.IsZero() {
		when = " pada " + last.Local().Format("2006-01-02 15:04")
	}
	return fmt.Errorf("bundel lapangan ini lebih lama dari bundel %s yang sudah digabung ke sini%s: menggabungnya akan mengembalikan nilai lama; bawa bundel terbaru dari basis data itu (ziwb export --satker …) atau jalankan ziwb sync: %w",
		o.Database, when, ErrInvalid)
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
	if err := meta.Put(countKey("seen", peer), []byte(strconv.FormatUint(m.b.origin.Merged[m.me], 10))); err != nil {
		return err
	}
	at, err := m.b.origin.At.MarshalText()
	if err != nil || m.b.origin.At.IsZero() {
		return nil
	}
	return meta.Put(countKey("at", peer), at)
}
