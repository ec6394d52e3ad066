package store

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// BenchmarkSetAnswer is one interactive save: validate, write the answer,
// its history and the rescored summary, commit with fsync.
func BenchmarkSetAnswer(b *testing.B) {
	db, _ := testDB(b)
	in := testInstrument(b)
	e := seed(b, db, "kk-bench", model.StagePMPZI, in)
	qs := in.Questions()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		if _, err := db.SetAnswer(e.ID, q.ID, validValue(q, i), "penguji"); err != nil {
			b.Fatal(err)
		}
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

func cleanupBenchDir() {
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
}

// BenchmarkSatkerSummaries5000 is the home screen's list of 5,000 satkers.
func BenchmarkSatkerSummaries5000(b *testing.B) {
	path := benchDB5000(b)
	db, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
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
