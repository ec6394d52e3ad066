package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The journal. A commit rewrites every page on the path from each leaf it
// changed up to the root, and the work bucket of a national file holds
// over a million keys four levels deep: one record put there costs more
// pages than all of a save's records put into a small bucket. So saves
// write into "journal", keyed as the work bucket is, and everything reads
// the work bucket through it (workView). While the journal fits in one
// page, a save's commit writes that page, the root's and the freelist's:
// fewer than one record put into the work bucket. A write transaction
// that finds it grown past one page, or that wrote a big batch into it,
// moves its records into the work bucket before it commits (foldIfFull);
// bulk transactions (demo, import, migration) move them first and then
// write to the work bucket directly.
var bucketJournal = []byte("journal") // work key → tag byte + record

// The tag byte that starts every journal value.
const (
	journalGone = 0 // the key is deleted from the work bucket
	journalPut  = 1 // the rest of the value is the key's record
)

// journalValue is whether v is a journal value: a deletion, or a record
// after its tag.
func journalValue(v []byte) bool {
	return len(v) == 1 && v[0] == journalGone || len(v) > 1 && v[0] == journalPut
}

// workView is the work bucket as the journal amends it.
type workView struct {
	base    *bolt.Bucket
	journal *bolt.Bucket // nil in a file migrating from before the journal
	direct  bool         // writes go to base: the journal is empty and the transaction bulk
}

func (t txn) work() workView {
	j := t.tx.Bucket(bucketJournal)
	return workView{base: t.tx.Bucket(bucketWork), journal: j, direct: j == nil || t.direct}
}

// Get is the record stored under k, nil when there is none.
func (w workView) Get(k []byte) []byte {
	if w.journal != nil {
		if v := w.journal.Get(k); v != nil {
			if v[0] != journalPut {
				return nil
			}
			return v[1:]
		}
	}
	return w.base.Get(k)
}

// Put stores v under k.
func (w workView) Put(k, v []byte) error {
	if w.direct {
		return w.base.Put(k, v)
	}
	return w.journal.Put(k, append([]byte{journalPut}, v...))
}

// Delete removes k, a key of a kind that may be absent.
func (w workView) Delete(k []byte) error {
	if w.direct {
		return w.base.Delete(k)
	}
	if w.base.Get(k) == nil {
		return w.journal.Delete(k)
	}
	return w.journal.Put(k, []byte{journalGone})
}

// The history's sequence lives in the journal, which every save writes
// anyway: bumping the work bucket's would rewrite its root page.
func (w workView) seqBucket() *bolt.Bucket {
	if w.journal != nil {
		return w.journal
	}
	return w.base
}

func (w workView) Sequence() uint64              { return w.seqBucket().Sequence() }
func (w workView) NextSequence() (uint64, error) { return w.seqBucket().NextSequence() }
func (w workView) SetSequence(v uint64) error    { return w.seqBucket().SetSequence(v) }

// Cursor walks the records in key order.
func (w workView) Cursor() *workCursor {
	c := &workCursor{b: w.base.Cursor()}
	if w.journal != nil {
		c.j = w.journal.Cursor()
	}
	return c
}

// ForEach calls fn with every record in key order, until fn fails.
func (w workView) ForEach(fn func(k, v []byte) error) error {
	c := w.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// workCursor merges a cursor over the work bucket with one over the
// journal: the journal's record of a key wins, and its deletion hides it.
// Both stand on the nearest keys at or beyond the current one in the
// direction of travel; turning round moves them past it.
type workCursor struct {
	b, j   *bolt.Cursor // j nil: no journal
	bk, bv []byte
	jk, jv []byte
	key    []byte // the current key; nil off either end
	back   bool   // travelling towards the first key
}

func (c *workCursor) First() ([]byte, []byte) { return c.place(false, (*bolt.Cursor).First) }
func (c *workCursor) Last() ([]byte, []byte)  { return c.place(true, (*bolt.Cursor).Last) }
func (c *workCursor) Next() ([]byte, []byte)  { return c.move(false) }
func (c *workCursor) Prev() ([]byte, []byte)  { return c.move(true) }

func (c *workCursor) Seek(seek []byte) ([]byte, []byte) {
	return c.place(false, func(bc *bolt.Cursor) ([]byte, []byte) { return bc.Seek(seek) })
}

// place puts both cursors where at puts each, to travel on as back says.
func (c *workCursor) place(back bool, at func(*bolt.Cursor) ([]byte, []byte)) ([]byte, []byte) {
	c.bk, c.bv = at(c.b)
	if c.j != nil {
		c.jk, c.jv = at(c.j)
	}
	c.back = back
	return c.pick()
}

// move goes one key on, towards the last key or back towards the first;
// turning round, both cursors first go past the current key.
func (c *workCursor) move(back bool) ([]byte, []byte) {
	if c.key == nil {
		return nil, nil
	}
	if c.back == back {
		c.step()
		return c.pick()
	}
	turn := after
	if back {
		turn = before
	}
	key := c.key
	return c.place(back, func(bc *bolt.Cursor) ([]byte, []byte) { return turn(bc, key) })
}

// after puts c on the first key beyond k.
func after(c *bolt.Cursor, k []byte) ([]byte, []byte) {
	ck, cv := c.Seek(k)
	if ck != nil && bytes.Equal(ck, k) {
		return c.Next()
	}
	return ck, cv
}

// before puts c on the last key short of k.
func before(c *bolt.Cursor, k []byte) ([]byte, []byte) {
	if ck, _ := c.Seek(k); ck == nil {
		return c.Last()
	}
	return c.Prev()
}

// step moves on, in the direction of travel, each cursor standing on the
// current key.
func (c *workCursor) step() {
	move := (*bolt.Cursor).Next
	if c.back {
		move = (*bolt.Cursor).Prev
	}
	if c.bk != nil && bytes.Equal(c.bk, c.key) {
		c.bk, c.bv = move(c.b)
	}
	if c.jk != nil && bytes.Equal(c.jk, c.key) {
		c.jk, c.jv = move(c.j)
	}
}

// pick makes the nearer of the two keys the current one, skipping what
// the journal deletes.
func (c *workCursor) pick() ([]byte, []byte) {
	for {
		switch {
		case c.bk == nil && c.jk == nil:
			c.key = nil
			return nil, nil
		case c.jk == nil || c.bk != nil && c.nearer(c.bk, c.jk):
			c.key = c.bk
			return c.bk, c.bv
		}
		c.key = c.jk
		if len(c.jv) > 0 && c.jv[0] == journalPut {
			return c.jk, c.jv[1:]
		}
		c.step()
	}
}

// nearer is whether a comes before b in the direction of travel.
func (c *workCursor) nearer(a, b []byte) bool {
	if c.back {
		return bytes.Compare(a, b) > 0
	}
	return bytes.Compare(a, b) < 0
}

// foldIfFull folds the journal once it has outgrown one page, as the
// transaction found it, or when the transaction wrote more into it than
// several pages hold (a merge, a whole file of answers): the next save
// does not pay for them.
func (t txn) foldIfFull() error {
	j := t.tx.Bucket(bucketJournal)
	if j == nil {
		return nil
	}
	if j.Root() != 0 && j.Stats().BranchPageN > 0 { // Stats reads the pages as committed
		return t.fold()
	}
	n := 0
	c := j.Cursor() // a cursor reads what this transaction wrote too
	for k, _ := c.First(); k != nil && n < bigWrite; k, _ = c.Next() {
		n++
	}
	if n >= bigWrite {
		return t.fold()
	}
	return nil
}

// bigWrite is how many journal records a transaction that leaves them
// to the next one may have written.
const bigWrite = 256

// fold moves the journal's records into the work bucket and empties it,
// keeping its sequence.
func (t txn) fold() error {
	j := t.tx.Bucket(bucketJournal)
	if j == nil {
		return nil
	}
	if k, _ := j.Cursor().First(); k == nil {
		return nil
	}
	base := t.tx.Bucket(bucketWork)
	err := j.ForEach(func(k, v []byte) error {
		switch {
		case !journalValue(v):
			return fmt.Errorf("%s: %w: jurnal %q: penanda rekaman tidak dikenal", t.db.path, ErrDamaged, k)
		case v[0] == journalGone:
			return base.Delete(k)
		}
		return base.Put(bytes.Clone(k), bytes.Clone(v[1:]))
	})
	if err != nil {
		return err
	}
	seq := j.Sequence()
	if err := t.tx.DeleteBucket(bucketJournal); err != nil {
		return err
	}
	nj, err := t.tx.CreateBucket(bucketJournal)
	if err != nil {
		return err
	}
	return nj.SetSequence(seq)
}
