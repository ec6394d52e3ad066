package store

import (
	"bytes"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// The exchange bundle: a lossless, versioned JSON file of satkers,
// evaluations, answers (with notes and evidence), recommendations (with
// their follow-ups), the history, and the instruments the evaluations use.
// One record per line, in key order, and nothing that depends on when it
// was written: the same data always gives the same bytes.
const (
	bundleFormat  = "ziwb-bundle"
	bundleVersion = 1
)

// Bundle is an export, ready to be written with JSON.
type Bundle struct {
	satker      string
	satkers     []satkerRec
	evaluations []evalRec
	answers     []answerRec
	history     []changeRec
	instruments []instrumentRec
	reks        []rekRec
}

// BundleCounts says how many records of each kind a bundle holds.
type BundleCounts struct {
	Satkers, Evaluations, Answers, History, Instruments, Recommendations int
}

// Counts returns the bundle's record counts.
func (b Bundle) Counts() BundleCounts {
	return BundleCounts{len(b.satkers), len(b.evaluations), len(b.answers), len(b.history), len(b.instruments), len(b.reks)}
}

// Export collects one satker (satkerID set) or the whole database into a
// bundle. A whole-database bundle carries the whole history, including that
// of deleted satkers; a satker's bundle carries its own.
func (db *DB) Export(satkerID string) (Bundle, error) {
	b := Bundle{satker: satkerID}
	err := db.view(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		if satkerID != "" {
			s, err := t.satker(satkerID)
			if err != nil {
				return err
			}
			b.satkers = []satkerRec{s}
			if b.evaluations, err = t.evaluationsOf(satkerID); err != nil {
				return err
			}
			for _, e := range b.evaluations {
				recs, err := t.answers(e.ID)
				if err != nil {
					return err
				}
				b.answers = append(b.answers, recs...)
			}
			if err := t.walkHistory(HistoryFilter{Satker: satkerID}, func(r changeRec) bool {
				b.history = append(b.history, r)
				return true
			}); err != nil {
				return err
			}
			sort.Slice(b.history, func(i, j int) bool { return b.history[i].Seq < b.history[j].Seq })
			if b.reks, err = t.reks(evalPrefix(satkerID), func(r rekRec) bool { return r.Satker == satkerID }); err != nil {
				return err
			}
		} else {
			if err := decodeAll(t, bucketSatkers, &b.satkers); err != nil {
				return err
			}
			if err := decodeAll(t, bucketEvaluations, &b.evaluations); err != nil {
				return err
			}
			if err := decodeAll(t, bucketAnswers, &b.answers); err != nil {
				return err
			}
			if err := decodeAll(t, bucketHistory, &b.history); err != nil {
				return err
			}
			var err error
			if b.reks, err = t.reks(nil, nil); err != nil {
				return err
			}
		}
		used := map[string]bool{}
		for _, e := range b.evaluations {
			if used[e.InstrumentHash] {
				continue
			}
			used[e.InstrumentHash] = true
			src := tx.Bucket(bucketInstruments).Get([]byte(e.InstrumentHash))
			if src == nil {
				return fmt.Errorf("evaluasi %s: instrumen %s %w", e.ID, short(e.InstrumentHash), ErrNotFound)
			}
			b.instruments = append(b.instruments, instrumentRec{ID: e.Instrument, Hash: e.InstrumentHash, Source: string(src)})
		}
		sort.Slice(b.instruments, func(i, j int) bool { return b.instruments[i].Hash < b.instruments[j].Hash })
		return nil
	})
	return b, err
}

// decodeAll decodes every record of a bucket, in key order.
func decodeAll[T any](t txn, bucket []byte, out *[]T) error {
	return t.bucket(bucket).ForEach(func(k, v []byte) error {
		var r T
		if err := decode(v, &r); err != nil {
			return fmt.Errorf("%s: %w: %s %q: %v", t.db.path, ErrDamaged, bucket, k, err)
		}
		*out = append(*out, r)
		return nil
	})
}

// JSON writes the bundle: a versioned object with one record per line.
func (b Bundle) JSON() ([]byte, error) {
	var w bytes.Buffer
	fmt.Fprintf(&w, "{\n  \"format\": %q,\n  \"version\": %d,\n", bundleFormat, bundleVersion)
	if b.satker != "" {
		fmt.Fprintf(&w, "  \"satker\": %s,\n", encode(b.satker))
	}
	section(&w, "satkers", b.satkers, false)
	section(&w, "evaluations", b.evaluations, false)
	section(&w, "answers", b.answers, false)
	section(&w, "history", b.history, false)
	// Written only when there are some, so a bundle without
	// recommendations stays byte for byte what older ziwb wrote and reads.
	if len(b.reks) > 0 {
		section(&w, "recommendations", b.reks, false)
	}
	section(&w, "instruments", b.instruments, true)
	w.WriteString("}\n")
	return w.Bytes(), nil
}

func section[T any](w *bytes.Buffer, name string, recs []T, last bool) {
	fmt.Fprintf(w, "  %q: [", name)
	for i, r := range recs {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n    ")
		w.Write(encode(r))
	}
	if len(recs) > 0 {
		w.WriteString("\n  ")
	}
	w.WriteByte(']')
	if !last {
		w.WriteByte(',')
	}
	w.WriteByte('\n')
}
