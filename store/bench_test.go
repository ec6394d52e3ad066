package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// BenchmarkSetAnswer is one interactive save: validate, write the answer,
// its history and the rescored summary, commit with fsync.
func BenchmarkSetAnswer(b *testing.B) {
	db, _, in, e := seeded(b, "kk-bench", model.StagePMPZI)
	qs := in.Questions()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		mustAnswer(b, db, e.ID, q.ID, validValue(q, i), "penguji")
	}
}

var bench struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// benchDB5000 is a database of 5,000 generated satkers, made once per test
// binary run and removed by TestMain.
func benchDB5000(b *testing.B) string {
	bench.once.Do(func() {
		bench.dir, bench.err = os.MkdirTemp("", "ziwb-bench-")
		if bench.err != nil {
			return
		}
		bench.path = filepath.Join(bench.dir, "ziwb.db")
		db, err := Open(bench.path, Options{})
		if err != nil {
			bench.err = err
			return
		}
		defer db.Close()
		bench.err = db.Demo(5000, fixedNow)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.path
}

// openBench5000 opens benchDB5000 read-only, closed when b ends.
func openBench5000(b *testing.B) *DB {
	b.Helper()
	db, err := Open(benchDB5000(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func cleanupBenchDir() {
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
}

// BenchmarkSatkerSummaries5000 is the home screen's list of 5,000 satkers.
func BenchmarkSatkerSummaries5000(b *testing.B) {
	db := openBench5000(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := db.SatkerSummaries()
		if err != nil || len(list) != 5000 {
			b.Fatal(len(list), err)
		}
	}
}

// BenchmarkOpen5000 is opening the 5,000-satker file and validating it.
func BenchmarkOpen5000(b *testing.B) {
	path := benchDB5000(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkBarePut is bbolt's floor on this machine: one Put in one
// committed Update with fsync, to compare BenchmarkSetAnswer against.
func BenchmarkBarePut(b *testing.B) {
	db, _ := testDB(b)
	key := []byte("k")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(key, []byte{byte(i), byte(i >> 8)})
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkP1SaveAnswer5000 is the save the walk waits for, on a copy of
// the 5,000-satker file, interleaved with its yardstick: one bare bbolt
// Update with one Put of about 120 bytes into the same file. It reports
// both, their ratio, and both p99s.
//
// Its sub-benchmark floor measures, on a copy of its own and against the
// same yardstick, an Update that rewrites the three records a save
// writes (the answer, a history entry, the evaluation's state) through
// the journal, folds included, with none of the save's checks or
// scoring: what the save would cost if its own work were free. Its
// sub-benchmark work is one bare Put of the yardstick's 120 bytes into
// the work bucket, at the evaluation's next history key: what every save
// paid before saves went to the journal.
func BenchmarkP1SaveAnswer5000(b *testing.B) {
	b.Run("save", func(b *testing.B) {
		p1Versus(b, func(db *DB, evalID string, q *model.Question, i int) error {
			_, err := db.SetAnswer(evalID, q.ID, validValue(q, i), "penguji")
			return err
		})
	})
	b.Run("floor", func(b *testing.B) {
		p1Versus(b, func(db *DB, evalID string, q *model.Question, _ int) error {
			return db.update(func(tx *bolt.Tx) error { return rewriteSaveRecords(tx, evalID, q.ID) })
		})
	})
	b.Run("work", func(b *testing.B) {
		p1Versus(b, func(db *DB, evalID string, _ *model.Question, _ int) error {
			return db.bolt.Update(func(tx *bolt.Tx) error {
				w := tx.Bucket(bucketWork)
				seq, err := w.NextSequence()
				if err != nil {
					return err
				}
				return w.Put(changeKey(evalID, seq), make([]byte, 120))
			})
		})
	})
}

// p1Versus runs op, one question after another of a draft evaluation, on
// a copy of the 5,000-satker file, each run after one of P1's yardstick,
// and reports both, their ratio, their p99s and the pages each commit
// wrote (what the fsync pays for).
func p1Versus(b *testing.B, op func(db *DB, evalID string, q *model.Question, i int) error) {
	src, err := Open(benchDB5000(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "p1.db")
	if err := src.Backup(path); err != nil {
		b.Fatal(err)
	}
	src.Close()
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var evalID string
	sums, err := db.SatkerSummaries()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sums {
		for _, e := range s.Evaluations {
			if e.Status == model.Draft && evalID == "" {
				evalID = e.ID
			}
		}
	}
	if evalID == "" {
		b.Fatal("no draft evaluation in the demo")
	}
	ev, _ := db.Evaluation(evalID)
	in, err := db.Instrument(ev.InstrumentHash)
	if err != nil {
		b.Fatal(err)
	}
	if err := db.bolt.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucketIfNotExists([]byte("bench")); return err }); err != nil {
		b.Fatal(err)
	}
	payload := make([]byte, 120)
	qs := in.Questions()
	var base, mine []time.Duration
	var basePages, minePages int64
	pages := func() int64 { s := db.bolt.Stats(); return s.TxStats.GetPageCount() }
	for i := 0; b.Loop(); i++ {
		p0 := pages()
		t0 := time.Now()
		if err := db.bolt.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("bench")).Put([]byte{byte(i), byte(i >> 8)}, payload)
		}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p1 := pages()
		if err := op(db, evalID, qs[i%len(qs)], i); err != nil {
			b.Fatal(err)
		}
		base, mine = append(base, t1.Sub(t0)), append(mine, time.Since(t1))
		basePages, minePages = basePages+p1-p0, minePages+pages()-p1
	}
	b.ReportMetric(float64(basePages)/float64(len(base)), "base-pages")
	b.ReportMetric(float64(minePages)/float64(len(mine)), "pages")
	report := func(name string, ds []time.Duration) (mean, p99 float64) {
		var sum time.Duration
		for _, d := range ds {
			sum += d
		}
		slices.Sort(ds)
		mean = float64(sum.Microseconds()) / float64(len(ds))
		p99 = float64(ds[len(ds)*99/100].Microseconds())
		b.ReportMetric(mean, name+"-µs")
		b.ReportMetric(p99, name+"-p99-µs")
		return mean, p99
	}
	bm, bp := report("base", base)
	mm, mp := report("op", mine)
	b.ReportMetric(mm/bm, "x-baseline")
	b.ReportMetric(mp/bp, "x-baseline-p99")
	b.ReportMetric(0, "ns/op")
}

// rewriteSaveRecords puts back, unchanged, through the journal, the
// three records a save of qid writes: its answer, the evaluation's newest
// history entry under the next sequence number, and the evaluation's
// state.
func rewriteSaveRecords(tx *bolt.Tx, evalID, qid string) error {
	w := txn{tx: tx}.work()
	prefix := ownerPrefix(evalID, kindChange)
	c := w.Cursor()
	k, entry := c.Seek(stateKey(evalID))
	if k == nil {
		return fmt.Errorf("no state for %s", evalID)
	}
	if k, entry = c.Prev(); !bytes.HasPrefix(k, prefix) {
		return fmt.Errorf("no history for %s", evalID)
	}
	entry = bytes.Clone(entry)
	seq, err := w.NextSequence()
	if err != nil {
		return err
	}
	for _, kv := range [][2][]byte{
		{answerKey(evalID, qid, 0), bytes.Clone(w.Get(answerKey(evalID, qid, 0)))},
		{changeKey(evalID, seq), entry},
		{stateKey(evalID), bytes.Clone(w.Get(stateKey(evalID)))},
	} {
		if kv[1] == nil {
			continue // the question has no answer yet: the save makes it
		}
		if err := w.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// importBundle1000 is the bundle of a 1,000-satker demo database, made
// once per run.
var importBundle struct {
	once sync.Once
	data []byte
	err  error
}

func importBundle1000(b *testing.B) []byte {
	importBundle.once.Do(func() {
		dir, err := os.MkdirTemp("", "ziwb-bench-import-")
		if err != nil {
			importBundle.err = err
			return
		}
		defer os.RemoveAll(dir)
		db, err := Open(filepath.Join(dir, "src.db"), Options{})
		if err != nil {
			importBundle.err = err
			return
		}
		defer db.Close()
		if importBundle.err = db.Demo(1000, fixedNow); importBundle.err != nil {
			return
		}
		var bundle Bundle
		bundle, importBundle.err = db.Export("")
		importBundle.data, _ = bundle.JSON()
	})
	if importBundle.err != nil {
		b.Fatal(importBundle.err)
	}
	return importBundle.data
}

// BenchmarkP6Import1000 imports the 1,000-satker bundle into a new file,
// interleaved with its yardstick: a bare program that writes one key and
// the record's bytes per bundle record, bucket by section, in bbolt
// transactions of 10,000 keys.
func BenchmarkP6Import1000(b *testing.B) {
	data := importBundle1000(b)
	// The yardstick's input: every record of the bundle, as its bytes.
	var sections [][][]byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasSuffix(line, []byte(": [")):
			sections = append(sections, nil)
		case bytes.HasPrefix(line, []byte("{\"")) && len(sections) > 0:
			sections[len(sections)-1] = append(sections[len(sections)-1], bytes.TrimSuffix(line, []byte(",")))
		}
	}
	dir := b.TempDir()
	var base, imp time.Duration
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		bare, err := bolt.Open(filepath.Join(dir, fmt.Sprintf("bare%d.db", i)), 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		for si, recs := range sections {
			name := []byte(fmt.Sprint("s", si))
			for start := 0; start < len(recs) || start == 0; start += 10000 {
				if err := bare.Update(func(tx *bolt.Tx) error {
					bk, err := tx.CreateBucketIfNotExists(name)
					if err != nil {
						return err
					}
					for j := start; j < min(len(recs), start+10000); j++ {
						if err := bk.Put(fmt.Appendf(nil, "%08d", j), recs[j]); err != nil {
							return err
						}
					}
					return nil
				}); err != nil {
					b.Fatal(err)
				}
				if len(recs) == 0 {
					break
				}
			}
		}
		bare.Close()
		t1 := time.Now()
		db, err := Open(filepath.Join(dir, fmt.Sprintf("imp%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Import("bundle.json", data, "penguji"); err != nil {
			b.Fatal(err)
		}
		db.Close()
		base, imp = base+t1.Sub(t0), imp+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(base.Milliseconds())/n, "base-ms/op")
	b.ReportMetric(float64(imp.Milliseconds())/n, "import-ms/op")
	b.ReportMetric(float64(imp)/float64(base), "x-baseline")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSatkerList5000 is what the satker list reads at start: the
// summaries without their per-area maps.
func BenchmarkSatkerList5000(b *testing.B) {
	db := openBench5000(b)
	b.ReportAllocs()
	for b.Loop() {
		if list, err := db.SatkerList(); err != nil || len(list) != 5000 {
			b.Fatal(len(list), err)
		}
	}
}

// BenchmarkSatkerFirst5000 is what the satker list reads before its first
// frame: one screenful of satkers in name order, and the count.
func BenchmarkSatkerFirst5000(b *testing.B) {
	db := openBench5000(b)
	b.ReportAllocs()
	for b.Loop() {
		list, total, err := db.SatkerFirst(120)
		if err != nil || len(list) != 120 || total != 5000 {
			b.Fatal(len(list), total, err)
		}
	}
}

// BenchmarkWorksheet is what the walk reads when it opens an evaluation
// with review levels: its answers per level, the satker's PMPZI, the
// previous round's answers, the newest status step and the open
// recommendations. The baseline, in the same process, is reading the
// evaluation's answers alone (db.Answers); x-answers is the ratio.
func BenchmarkWorksheet(b *testing.B) {
	db := openBench5000(b)
	id := "" // a TPI under review, started from last year's round
	list, err := db.SatkerList()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range list {
		for _, e := range s.Evaluations {
			if id == "" && e.Stage == model.StageTPI && e.Status != model.Draft && len(e.Team) > 0 {
				if ws, err := db.Worksheet(e.ID); err == nil && ws.PreviousRound != nil && ws.LastStep != nil {
					id = e.ID
				}
			}
		}
	}
	if id == "" {
		b.Fatal("no TPI under review from an earlier round in the demo")
	}
	var base, full time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := db.Answers(id); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := db.Worksheet(id); err != nil {
			b.Fatal(err)
		}
		base, full = base+t1.Sub(t0), full+time.Since(t1)
	}
	b.ReportMetric(float64(full.Microseconds())/float64(b.N), "worksheet-µs")
	b.ReportMetric(float64(base.Microseconds())/float64(b.N), "answers-µs")
	b.ReportMetric(float64(full)/float64(base), "x-answers")
}
