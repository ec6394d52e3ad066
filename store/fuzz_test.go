package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// txid is the id of the database's latest commit: it moves only when a
// write transaction commits.
func txid(t testing.TB, db *DB) int {
	var id int
	if err := db.bolt.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// FuzzImport feeds the bundle importer arbitrary bytes: it must never
// panic, must refuse with ErrInvalid, and a refused import must commit
// nothing; an accepted one must leave a database that checks clean.
func FuzzImport(f *testing.F) {
	f.Add(exportJSON(f, smallDB(f), ""))
	f.Add(exportJSON(f, smallDB(f), "k"))
	f.Add([]byte(`{"format": "ziwb-bundle", "version": 1, "satkers": [], "history": [{"seq": 1}]}`))
	f.Add([]byte(`{"format": "ziwb-bundle", "version": 1, "answers": [{"evaluation": "a/2026/PMPZI", "question": "q", "value": 3}]}`))
	f.Add([]byte(`{"format":"ziwb-bundle","version":1,"satkers":[{"id":"a","name":"A","kind":"KUA","province":"P","target":"WBK","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z"}]}`))

	// Every input meets the same empty database, so what an input covers
	// does not depend on the inputs before it.
	dir := f.TempDir()
	empty := filepath.Join(dir, "kosong.db")
	if db, err := Open(empty, Options{}); err != nil {
		f.Fatal(err)
	} else {
		db.Close()
	}
	template, err := os.ReadFile(empty)
	if err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(dir, "fuzz.db")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, template, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		// The fuzzer checks logic, not durability (the crash test does
		// that): skipping fsync lets it try far more inputs.
		db.bolt.NoSync = true
		before := txid(t, db)
		stats, err := db.Import("fuzz.json", data, "fuzz")
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("import error is not ErrInvalid: %v", err)
			}
			if txid(t, db) != before {
				t.Fatal("a refused import committed")
			}
			return
		}
		if !stats.Changed() && txid(t, db) != before {
			t.Fatal("an import that changed nothing committed")
		}
		// The same bundle again changes nothing.
		if again, err := db.Import("fuzz.json", data, "fuzz"); err != nil || again.Changed() {
			t.Fatalf("second import of an accepted bundle: %+v, %v", again, err)
		}
		if ps := db.Check(); len(ps) > 0 {
			t.Fatalf("after an accepted import: %v", ps)
		}
	})
}

// microInstrument is the smallest instrument with a letter and a number
// question and a predicate: small bundles mutate and minimize quickly.
const microInstrument = `id: mikro
title: Mikro
nodes:
  - id: p
    title: P
    weight: 1
    questions:
      - {id: q, text: Q, type: abc}
      - {id: r, text: R, type: number, range: [0, 4]}
predicates:
  - id: WBK
    title: W
    rules:
      - {node: total, min: 0.5}
`

// smallDB holds one satker with an evaluation on the micro instrument,
// answers, a note, evidence, an undo, a final status and a deleted satker:
// every record kind in a bundle of a few kilobytes.
func smallDB(t testing.TB) *DB {
	db, _ := testDB(t)
	in, err := model.Parse("mikro.yaml", []byte(microInstrument))
	if err != nil {
		t.Fatal(err)
	}
	db.CreateSatker(model.Satker{ID: "k", Name: "K", Kind: model.KUA, Province: "P", Target: model.WBK}, "x")
	e, err := db.CreateEvaluation(model.Evaluation{SatkerID: "k", Year: 2026, Stage: model.StagePMPZI}, in, "x")
	if err != nil {
		t.Fatal(err)
	}
	db.SetAnswer(e.ID, "q", model.Letter("A"), "x")
	db.SetAnswer(e.ID, "q", model.Letter("B"), "x")
	db.SetAnswer(e.ID, "r", model.Num(3.5), "x")
	db.SetNote(e.ID, "q", "n", "x")
	db.SetEvidence(e.ID, "r", []model.Evidence{{Title: "S", Location: "s.pdf", Checked: true}}, "x")
	db.Undo(e.ID, "x")
	finalise(db, e.ID, "x")
	db.CreateSatker(model.Satker{ID: "h", Name: "H", Kind: model.KUA, Province: "P", Target: model.WBK}, "x")
	db.DeleteSatker("h", "x")
	return db
}
