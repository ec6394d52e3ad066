package store

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The exchange bundle: a lossless, versioned JSON file of the instruments
// the evaluations use (first, so a reader can check each answer as it
// arrives), satkers, evaluations, answers (with notes and evidence), the
// history (by owner, oldest first), and recommendations (with their
// follow-ups). One record per line, in key order, and nothing that
// depends on when it was written: the same data always gives the same
// bytes. Bundles of older ziwb list the instruments last and the history
// by seq; both are read.
const (
	bundleFormat  = "ziwb-bundle"
	bundleVersion = 1
)

// Bundle is an export held in memory: the bytes WriteBundle wrote.
type Bundle struct {
	data   []byte
	counts BundleCounts
}

// BundleCounts says how many records of each kind a bundle holds.
type BundleCounts struct {
	Satkers, Evaluations, Answers, History, Instruments, Recommendations int
}

// Counts returns the bundle's record counts.
func (b Bundle) Counts() BundleCounts { return b.counts }

// JSON returns the bundle's bytes.
func (b Bundle) JSON() ([]byte, error) { return b.data, nil }

// Export is WriteBundle into memory, for bundles known to be small.
func (db *DB) Export(satkerID string) (Bundle, error) {
	var buf bytes.Buffer
	c, err := db.WriteBundle(&buf, satkerID)
	if err != nil {
		return Bundle{}, err
	}
	return Bundle{buf.Bytes(), c}, nil
}

// WriteBundle writes one satker (satkerID set) or the whole database as a
// bundle to w, record by record as it reads them in one read transaction:
// memory stays bounded whatever the size of the database. A whole-database
// bundle carries the whole history, including that of deleted satkers; a
// satker's bundle carries its own. Nothing is written after an error, but
// what was written before it is not taken back: write to a file that is
// renamed into place only on success.
func (db *DB) WriteBundle(w io.Writer, satkerID string) (BundleCounts, error) {
	return db.bundleTo(w, func(t txn, out *bundleWriter) error {
		bw := out.w
		fmt.Fprintf(bw, "{\n  \"format\": %q,\n  \"version\": %d", bundleFormat, bundleVersion)
		var err error
		if satkerID != "" {
			var s satkerRec
			if s, err = t.satker(satkerID); err == nil {
				fmt.Fprintf(bw, ",\n  \"satker\": %s", encode(satkerID))
				err = out.satkers(t, []satkerRec{s})
			}
		} else {
			err = out.all(t)
		}
		bw.WriteString("\n}\n")
		return err
	})
}

// bundleTo runs fn, which writes a bundle, in one read transaction, and
// flushes what it wrote to w when it succeeds.
func (db *DB) bundleTo(w io.Writer, fn func(t txn, out *bundleWriter) error) (BundleCounts, error) {
	out := bundleWriter{w: bufio.NewWriterSize(w, 1<<16), used: map[string]string{}}
	err := db.view(func(tx *bolt.Tx) error {
		out.t = txn{db: db, tx: tx}
		return fn(out.t, &out)
	})
	if err == nil {
		err = out.w.Flush()
	}
	return out.counts, err
}

// FieldBundle is what ziwb export --satker writes for work taken out:
// some satkers with everything of their own, where they came from
// (origin: this database, the person, the time) and the bases of the next
// merge with each database they were shared with. Importing it merges.
func (db *DB) FieldBundle(w io.Writer, satkerIDs []string, by string) (BundleCounts, error) {
	me, err := db.Identity()
	if err != nil {
		return BundleCounts{}, err
	}
	if me == "" {
		return BundleCounts{}, fmt.Errorf("%s belum punya identitas (dibuka hanya-baca): buka sekali dengan ziwb lalu ekspor lagi: %w", db.path, ErrInvalid)
	}
	return db.bundleTo(w, func(t txn, out *bundleWriter) error {
		bw := out.w
		var ss []satkerRec
		for _, id := range satkerIDs {
			s, err := t.satker(id)
			if err != nil {
				return err
			}
			ss = append(ss, s)
		}
		origin := Origin{Database: me, By: by, At: db.stamp(), Merged: mergedCounts(t.tx)}
		fmt.Fprintf(bw, "{\n  \"format\": %q,\n  \"version\": %d,\n  \"origin\": %s", bundleFormat, bundleVersion, encode(origin))
		if err := out.satkers(t, ss); err != nil {
			return err
		}
		err := out.bases(t, ss)
		bw.WriteString("\n}\n")
		return err
	})
}

// bundleWriter writes the sections of a bundle in their order.
type bundleWriter struct {
	t       txn // the read, which sheds the pages it has read now and then
	w       *bufio.Writer
	counts  BundleCounts
	used    map[string]string // instrument hash → id, of the evaluations written
	n       int               // records in the open section
	written int               // records in all
}

func (b *bundleWriter) open(name string) {
	fmt.Fprintf(b.w, ",\n  %q: [", name)
	b.n = 0
}

func (b *bundleWriter) record(v any) {
	if b.n > 0 {
		b.w.WriteByte(',')
	}
	b.w.WriteString("\n    ")
	b.w.Write(encode(v))
	b.n++
	if b.written++; b.written%shedEvery == 0 {
		b.t.shed()
	}
}

// shedEvery is how many records an export writes between dropping the
// pages it read: some 10 MB of file.
const shedEvery = 1 << 15

func (b *bundleWriter) close() int {
	if b.n > 0 {
		b.w.WriteString("\n  ")
	}
	b.w.WriteByte(']')
	return b.n
}

// use notes the instrument of an evaluation the bundle carries.
func (b *bundleWriter) use(e evalRec) {
	if _, ok := b.used[e.InstrumentHash]; !ok {
		b.used[e.InstrumentHash] = e.Instrument
	}
}

func firstKey(bk *bolt.Bucket) []byte {
	k, _ := bk.Cursor().First()
	return k
}

// satkers writes some satkers with everything of their own, each
// section holding every satker's records in turn.
func (b *bundleWriter) satkers(t txn, ss []satkerRec) error {
	evals := make([][]evalRec, len(ss))
	for i, s := range ss {
		var err error
		if evals[i], err = t.evaluationsOf(s.ID); err != nil {
			return err
		}
		for _, e := range evals[i] {
			b.use(e)
		}
	}
	if err := b.instruments(t); err != nil {
		return err
	}
	b.counts.Satkers = writeList(b, "satkers", ss)
	allEvals := slices.Concat(evals...)
	b.counts.Evaluations = writeList(b, "evaluations", allEvals)
	if err := b.section("answers", &b.counts.Answers, func() error {
		for _, e := range allEvals {
			recs, err := t.answers(e.ID)
			if err != nil {
				return err
			}
			for _, r := range recs {
				b.record(r)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	// The index gives a satker's history newest first; a bundle lists it
	// oldest first, as the whole history is.
	if err := b.section("history", &b.counts.History, func() error {
		for _, s := range ss {
			var seqs []changeRec
			if err := t.walkHistory(HistoryFilter{Satker: s.ID}, func(r changeRec) bool {
				seqs = append(seqs, r)
				return true
			}); err != nil {
				return err
			}
			for i := len(seqs) - 1; i >= 0; i-- {
				b.record(seqs[i])
			}
		}
		return nil
	}); err != nil {
		return err
	}
	var reks []rekRec
	for _, s := range ss {
		rs, err := t.reks(evalPrefix(s.ID), func(r rekRec) bool { return r.Satker == s.ID })
		if err != nil {
			return err
		}
		reks = append(reks, rs...)
	}
	if len(reks) > 0 {
		b.counts.Recommendations = writeList(b, "recommendations", reks)
	}
	return nil
}

// section writes one section, whose records fill writes; count gets how
// many.
func (b *bundleWriter) section(name string, count *int, fill func() error) error {
	b.open(name)
	if err := fill(); err != nil {
		return err
	}
	*count = b.close()
	return nil
}

// writeList writes a section of the records in recs; it returns how many.
func writeList[T any](b *bundleWriter, name string, recs []T) int {
	b.open(name)
	for _, r := range recs {
		b.record(r)
	}
	return b.close()
}

// bases writes what this database keeps of the satkers as other
// databases last had them: the base of the next merge on their side.
func (b *bundleWriter) bases(t txn, ss []satkerRec) error {
	bk := t.bucket(bucketBases)
	if bk == nil {
		return nil
	}
	b.open("bases")
	for _, s := range ss {
		prefix := []byte(s.ID + "\x00")
		c := bk.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			peer, key, ok := strings.Cut(string(k[len(prefix):]), "\x00")
			if ok {
				b.record(baseRec{Peer: peer, Key: key, Record: v})
			}
		}
	}
	b.close()
	return nil
}

// all writes every record of the database, bucket by bucket in key order.
func (b *bundleWriter) all(t txn) error {
	section := func(name string, bucket []byte, count *int, each func(k, v []byte) error) error {
		if bytes.Equal(bucket, bucketWork) {
			return b.section(name, count, func() error { return t.work().ForEach(each) })
		}
		return b.section(name, count, func() error { return t.bucket(bucket).ForEach(each) })
	}
	// The instruments come first, so a reader can check every answer as
	// it arrives: the evaluations say which.
	if err := t.bucket(bucketEvaluations).ForEach(recordsOf(t, string(bucketEvaluations), b.use)); err != nil {
		return err
	}
	if err := b.instruments(t); err != nil {
		return err
	}
	if err := section("satkers", bucketSatkers, &b.counts.Satkers, recordsOf(t, string(bucketSatkers), func(r satkerRec) { b.record(r) })); err != nil {
		return err
	}
	if err := section("evaluations", bucketEvaluations, &b.counts.Evaluations, recordsOf(t, string(bucketEvaluations), func(r evalRec) { b.record(r) })); err != nil {
		return err
	}
	// Answers by evaluation and question; history by owner, oldest first.
	for _, kind := range []byte{kindAnswer, kindChange} {
		name, count := "answers", &b.counts.Answers
		if kind == kindChange {
			name, count = "history", &b.counts.History
		}
		err := section(name, bucketWork, count, func(k, v []byte) error {
			owner, kk, rest, _ := splitWorkKey(k)
			switch {
			case kk != kind:
			case kind == kindAnswer:
				r, err := answerEntry(owner, rest, v)
				if err != nil {
					return t.damaged(string(bucketWork), k, err)
				}
				b.record(r)
			default:
				r, err := decodeChange(k, v)
				if err != nil {
					return t.damaged(string(bucketWork), k, err)
				}
				b.record(r)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Written only when there are some, so older ziwb, which knows no
	// recommendations, still reads a bundle without them.
	if rb := t.rekBucket(); rb != nil && firstKey(rb) != nil {
		return section("recommendations", bucketRekomendasi, &b.counts.Recommendations, recordsOf(t, string(bucketRekomendasi), func(r rekRec) { b.record(r) }))
	}
	return nil
}

// instruments writes the instruments the written evaluations use, by hash.
func (b *bundleWriter) instruments(t txn) error {
	hashes := make([]string, 0, len(b.used))
	for h := range b.used {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	b.open("instruments")
	for _, h := range hashes {
		src := t.bucket(bucketInstruments).Get([]byte(h))
		if src == nil {
			return fmt.Errorf("instrumen %s dipakai evaluasi tetapi %w", short(h), ErrNotFound)
		}
		b.record(instrumentRec{ID: b.used[h], Hash: h, Source: string(src)})
	}
	b.counts.Instruments = b.close()
	return nil
}
