package store

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	bolt "go.etcd.io/bbolt"
)

// testdata/schema2.db.gz is a file written by the ziwb of schema 2 (commit
// 7976eb9): the named demo set, then an "8/10" answer with its note, a
// note and evidence on one question, an undo, and a satker made with an
// evaluation and deleted. schema2.bundle.json.gz is what that ziwb
// exported from it. testdata/schema3.db.gz and schema3.bundle.json.gz are
// the same steps taken by the ziwb of schema 3 (commit 802d646), on its
// own demo set.

func gunzipTestdata(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// schema2File copies the schema-2 file into a temporary folder.
func schema2File(t *testing.T) string { return olderFile(t, 2) }

// olderFile copies the file of schema v into a temporary folder.
func olderFile(t *testing.T, v uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lama.db")
	if err := os.WriteFile(path, gunzipTestdata(t, fmt.Sprintf("schema%d.db.gz", v)), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// normalBundle decodes a bundle with its history in seq order: a schema-2
// export lists it by seq, a schema-3 one by owner.
func normalBundle(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var b map[string]any
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	hist, _ := b["history"].([]any)
	slices.SortFunc(hist, func(x, y any) int {
		return cmp.Compare(x.(map[string]any)["seq"].(float64), y.(map[string]any)["seq"].(float64))
	})
	return b
}

func TestOlderFilesAreBackedUpAndMigrated(t *testing.T) {
	for _, from := range []uint64{3, 2, 1} {
		t.Run(string(rune('0'+from)), func(t *testing.T) {
			fixture := max(from, 2)
			path := olderFile(t, fixture)
			if from == 1 {
				setSchemaForTest(t, path, 1, true) // schema 1 is schema 2 without the derived buckets
			}
			before := dumpBolt(t, path)
			db, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("migrating open: %v", err)
			}
			defer db.Close()
			mustCheckClean(t, db)
			if v, _ := db.schemaVersion(); v != schemaVersion {
				t.Errorf("schema after migration %d", v)
			}
			if got := dumpBolt(t, path+".skema"+string(rune('0'+from))+".bak"); got != before {
				t.Fatal("the backup does not hold what the file held before migrating")
			}

			// Everything the old file held is there: the export of the
			// migrated file is the old ziwb's export of the old one.
			var buf bytes.Buffer
			if _, err := db.WriteBundle(&buf, ""); err != nil {
				t.Fatal(err)
			}
			got, want := normalBundle(t, buf.Bytes()), normalBundle(t, gunzipTestdata(t, fmt.Sprintf("schema%d.bundle.json.gz", fixture)))
			for _, section := range []string{"satkers", "evaluations", "answers", "history", "recommendations", "instruments"} {
				if !reflect.DeepEqual(got[section], want[section]) {
					t.Errorf("section %s differs after migration", section)
				}
			}
			// The deleted satker's history is still there.
			if h, err := db.History(HistoryFilter{Satker: "kua-hapus"}); err != nil || len(h) != 3 {
				t.Errorf("history of the deleted satker: %d entries, %v; want 3", len(h), err)
			}
			assertUndoContinues(t, db)
			assertListsAsBefore(t, db)
		})
	}
}

// assertUndoContinues undoes, on the migrated file, the action before the
// one the old ziwb undid: the note on the choice question comes off,
// undone by the person who wrote it.
func assertUndoContinues(t *testing.T, db *DB) {
	t.Helper()
	h, err := db.History(HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var note model.Change
	for _, c := range h {
		if c.Field == fieldNote && c.New == "catatan <penting> & rinci" {
			note = c
			break
		}
	}
	if note.Seq == 0 {
		t.Fatal("the fixture's note is not in the migrated history")
	}
	mustUndo(t, db, note.Evaluation, note.By) // an undo is its author's
	answers, err := db.Answers(note.Evaluation)
	if err != nil {
		t.Fatal(err)
	}
	if a := answers[note.Question]; a.Note != note.Old {
		t.Errorf("after undo: note %q; want %q", a.Note, note.Old)
	}
}

// assertListsAsBefore compares the satker list with the scores computed
// from the answers, evaluation by evaluation.
func assertListsAsBefore(t *testing.T, db *DB) {
	t.Helper()
	sums, err := db.SatkerSummaries()
	if err != nil || len(sums) != 13 {
		t.Fatalf("%d summaries, %v; want 13", len(sums), err)
	}
	for _, s := range sums {
		for _, e := range s.Evaluations {
			sc, _, err := db.Scorecard(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Total != e.Total || sc.Answered != e.Answered || sc.Result != e.Result {
				t.Errorf("%s: list says %.2f/%d/%q, the scorecard %.2f/%d/%q", e.ID, e.Total, e.Answered, e.Result, sc.Total, sc.Answered, sc.Result)
			}
		}
	}
}

func TestReadOnlyRefusesToMigrate(t *testing.T) {
	path := schema2File(t)
	before := fileSum(t, path)
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "skema lama") {
		t.Fatalf("read-only open of an old file: %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("read-only open changed the file")
	}
}

// TestDamagedOlderFileStillMigrates opens a schema-3 file from which one
// satker's record is gone: the migration goes through, after its backup,
// and check names what is missing, as the ziwb of schema 3 did.
func TestDamagedOlderFileStillMigrates(t *testing.T) {
	var gone, orphan string
	db := openDamagedSchema3(t, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketEvaluations).Cursor()
		k, v := c.First()
		var e evalRec
		if err := decode(v, &e); err != nil {
			return err
		}
		gone, orphan = e.Satker, string(k)
		return tx.Bucket(bucketSatkers).Delete([]byte(e.Satker))
	})
	text := checkText(db)
	if want := "evaluasi " + orphan + ": satker \"" + gone + "\" tidak ada"; !strings.Contains(text, want) {
		t.Errorf("check does not name the missing satker (%q); it reports:\n%s", want, text)
	}
	if strings.Contains(text, "tidak terbaca") {
		t.Errorf("a state was left unreadable:\n%s", text)
	}
}

// TestOlderFileWithoutItsInstrumentStillMigrates opens a schema-3 file
// whose one instrument is gone: the states stay as they were, the lists
// still show their figures, and check names the missing instrument.
func TestOlderFileWithoutItsInstrumentStillMigrates(t *testing.T) {
	db := openDamagedSchema3(t, func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketInstruments).Cursor().First()
		return tx.Bucket(bucketInstruments).Delete(k)
	})
	sums, err := db.SatkerSummaries()
	if err != nil || len(sums) == 0 || len(sums[0].Evaluations) == 0 || sums[0].Evaluations[0].Questions == 0 {
		t.Fatalf("the list without the instrument: %v, %v", sums, err)
	}
	if text := checkText(db); !strings.Contains(text, "tidak tersimpan") {
		t.Errorf("check does not name the missing instrument; it reports:\n%s", text)
	}
}

// openDamagedSchema3 opens the schema-3 file after damage has done its
// work on it behind ziwb's back; the open must migrate it.
func openDamagedSchema3(t *testing.T, damage func(*bolt.Tx) error) *DB {
	t.Helper()
	path := olderFile(t, 3)
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(damage)
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("the damaged schema-3 file does not open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkText is what Check reports, a problem a line.
func checkText(db *DB) string {
	var all []string
	for _, p := range db.Check() {
		all = append(all, p.String())
	}
	return strings.Join(all, "\n")
}
