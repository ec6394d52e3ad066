package store

import (
	"bytes"

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
