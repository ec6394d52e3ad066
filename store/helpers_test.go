package store

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestMain lets the test binary play the child of the crash test and
// cleans the shared benchmark database up afterwards.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	code := m.Run()
	cleanupBenchDir()
	os.Exit(code)
}

// fixedNow is the clock tests pin the store to.
var fixedNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// clock returns a clock that advances one second per call, so every
// stamp differs and sorts.
func clock() func() time.Time {
	t := fixedNow
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// testDB opens a new database in t.TempDir().
func testDB(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db, err := Open(path, Options{Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// testInstrument is the default built-in instrument when there is one, so
// the tests also run against the real LKE, else the small test instrument.
func testInstrument(t testing.TB) *model.Instrument {
	t.Helper()
	if in, ok := model.Builtin(model.DefaultInstrument); ok {
		return in
	}
	if list := model.Builtins(); len(list) > 0 {
		return list[0]
	}
	return miniInstrument(t)
}

// miniInstrument is model/testdata/mini.yaml: every answer type, small.
func miniInstrument(t testing.TB) *model.Instrument {
	t.Helper()
	name := filepath.Join("..", "model", "testdata", "mini.yaml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func satkerFixture(id string) model.Satker {
	return model.Satker{ID: id, Name: "Kantor Kemenag Kabupaten " + id, Kind: model.Kankemenag,
		Province: "Jawa Tengah", Regency: "Kabupaten Magelang", Head: "Kepala", Target: model.WBK}
}

// seed makes a satker and a draft evaluation of it.
func seed(t testing.TB, db *DB, satkerID string, stage model.Stage, in *model.Instrument) model.Evaluation {
	t.Helper()
	if _, err := db.Satker(satkerID); errors.Is(err, ErrNotFound) {
		if _, err := db.CreateSatker(satkerFixture(satkerID), "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	e, err := db.CreateEvaluation(model.Evaluation{SatkerID: satkerID, Year: 2026, Stage: stage}, in, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// seeded opens a new database in t.TempDir() and seeds satkerID with a
// draft evaluation at stage, on the test instrument.
func seeded(t testing.TB, satkerID string, stage model.Stage) (*DB, string, *model.Instrument, model.Evaluation) {
	t.Helper()
	db, path := testDB(t)
	in := testInstrument(t)
	return db, path, in, seed(t, db, satkerID, stage, in)
}

// demoDB is a new database holding the demo data, with n generated
// satkers after the named ones (n = 0: the named ones only).
func demoDB(t testing.TB, n int) *DB {
	t.Helper()
	db, _ := testDB(t)
	if err := db.Demo(n, fixedNow); err != nil {
		t.Fatal(err)
	}
	return db
}

// mustAnswer saves an answer and stops the test if the store refuses it.
func mustAnswer(t testing.TB, db *DB, evalID, questionID string, v model.Value, by string) {
	t.Helper()
	if _, err := db.SetAnswer(evalID, questionID, v, by); err != nil {
		t.Fatal(err)
	}
}

// mustUndo undoes the last action by and stops the test if the store
// refuses.
func mustUndo(t testing.TB, db *DB, evalID, by string) {
	t.Helper()
	if _, err := db.Undo(evalID, by); err != nil {
		t.Fatal(err)
	}
}

// validValue gives an accepted answer for a question, varied by k.
func validValue(q *model.Question, k int) model.Value {
	switch q.Type {
	case model.Percent:
		return model.Num(float64(k % 101))
	case model.Number:
		return model.Num(q.Range[0] + (q.Range[1]-q.Range[0])*float64(k%5)/4)
	}
	return model.Value{Choice: q.Options[k%len(q.Options)].Key}
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func mustCheckClean(t testing.TB, db *DB) {
	t.Helper()
	if ps := db.Check(); len(ps) > 0 {
		for _, p := range ps {
			t.Error(p)
		}
		t.FailNow()
	}
}

// dumpDB lists every bucket, key and value of an open database.
func dumpDB(t testing.TB, db *DB) string {
	t.Helper()
	var b strings.Builder
	err := db.view(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			fmt.Fprintf(&b, "[%s] seq=%d\n", name, bk.Sequence())
			return bk.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%q=%q\n", k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func removeAll(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// finalise takes an evaluation without a team through every step to final.
func finalise(db *DB, evalID, by string) error {
	for _, act := range []model.Action{model.ActSubmit, model.ActApprove, model.ActApprove} {
		if _, err := db.Act(evalID, act, "", by); err != nil {
			return err
		}
	}
	return nil
}
