package store

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// fieldBundle100 is a field bundle of 100 generated satkers with all
// their evaluations, numbered after the 5,000 of benchDB5000 (uji-05001
// …), so they are new to both databases the benchmark merges them into.
func fieldBundle100(b *testing.B) []byte {
	b.Helper()
	db, _ := testDB(b)
	if _, err := db.CreateSatker(model.Satker{ID: "uji-05000", Name: "Nomor awal", Kind: model.KUA,
		Province: "Jawa Tengah", Target: model.WBK}, "penguji"); err != nil {
		b.Fatal(err)
	}
	if err := db.Demo(100, fixedNow); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 100)
	for i := range ids {
		ids[i] = fmt.Sprintf("uji-%05d", 5001+i)
	}
	var buf bytes.Buffer
	c, err := db.FieldBundle(&buf, ids, "penguji")
	if err != nil {
		b.Fatal(err)
	}
	if c.Satkers != 100 || c.Evaluations < 100 {
		b.Fatalf("bundle counts %+v", c)
	}
	return buf.Bytes()
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	src, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkMergeFieldBundle100 merges a field bundle of 100 satkers into a
// copy of the 5,000-satker database and into an empty file, side by side
// in each iteration: a merge should cost about what the bundle holds, not
// what the database holds. It reports both times and their ratio (the
// goal: 2 or less).
func BenchmarkMergeFieldBundle100(b *testing.B) {
	big := benchDB5000(b)
	bundle := fieldBundle100(b)
	dir := b.TempDir()
	var inBig, inEmpty time.Duration
	merge := func(path string) time.Duration {
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		start := time.Now()
		rep, err := db.Merge("bundel", bytes.NewReader(bundle), "penguji", MergeAsk)
		took := time.Since(start)
		if err != nil || rep.Added < 100 || len(rep.Conflicts) > 0 {
			b.Fatalf("merge: %v, %d added, %d conflicts", err, rep.Added, len(rep.Conflicts))
		}
		return took
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		target := filepath.Join(dir, fmt.Sprintf("besar-%d.db", i))
		copyFile(b, big, target)
		empty := filepath.Join(dir, fmt.Sprintf("kosong-%d.db", i))
		b.StartTimer()
		inBig += merge(target)
		inEmpty += merge(empty)
		b.StopTimer()
		os.Remove(target)
		os.Remove(empty)
		b.StartTimer()
	}
	b.ReportMetric(float64(inBig.Milliseconds())/float64(b.N), "ms-into-5000/op")
	b.ReportMetric(float64(inEmpty.Milliseconds())/float64(b.N), "ms-into-empty/op")
	b.ReportMetric(float64(inBig)/float64(inEmpty), "ratio")
}
