package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestWorkViewReadsThroughTheJournal writes random records into the work
// bucket, then random puts and deletions through the journal, and reads
// every way the store reads — Get, forwards, backwards, Seek and turning
// round — against a plain map of what should be there, both in the
// transaction that wrote the journal and after its commit.
func TestWorkViewReadsThroughTheJournal(t *testing.T) {
	for round := range 30 {
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			db, _ := testDB(t)
			rng := rand.New(rand.NewPCG(uint64(round), 11))
			key := func() []byte { // short keys from few letters: many collide
				k := make([]byte, 1+rng.IntN(3))
				for i := range k {
					k[i] = "abcd"[rng.IntN(4)]
				}
				return k
			}
			want := map[string]string{}
			err := db.bolt.Update(func(tx *bolt.Tx) error {
				for range rng.IntN(40) {
					k, v := key(), fmt.Sprint("base", rng.IntN(100))
					want[string(k)] = v
					if err := tx.Bucket(bucketWork).Put(k, []byte(v)); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			err = db.bolt.Update(func(tx *bolt.Tx) error {
				w := txn{db: db, tx: tx}.work()
				if w.direct {
					t.Fatal("an ordinary transaction writes the work bucket directly")
				}
				for range rng.IntN(40) {
					k := key()
					if rng.IntN(3) == 0 {
						delete(want, string(k))
						if err := w.Delete(k); err != nil {
							return err
						}
						continue
					}
					v := fmt.Sprint("journal", rng.IntN(100))
					want[string(k)] = v
					if err := w.Put(k, []byte(v)); err != nil {
						return err
					}
				}
				readsAgree(t, w, want)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			db.bolt.View(func(tx *bolt.Tx) error {
				readsAgree(t, txn{db: db, tx: tx}.work(), want)
				return nil
			})
			err = db.bolt.Update(func(tx *bolt.Tx) error { return txn{db: db, tx: tx}.fold() })
			if err != nil {
				t.Fatal(err)
			}
			db.bolt.View(func(tx *bolt.Tx) error {
				if k, _ := tx.Bucket(bucketJournal).Cursor().First(); k != nil {
					t.Errorf("the journal holds %q after a fold", k)
				}
				readsAgree(t, txn{db: db, tx: tx}.work(), want)
				return nil
			})
		})
	}
}

// readsAgree reads w every way the store does and compares with want.
func readsAgree(t *testing.T, w workView, want map[string]string) {
	t.Helper()
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	every := []string{"", "zz", "ab\x00"} // every key the test makes, and some it never does
	for _, a := range "abcd" {
		for _, b := range "abcd" {
			for _, c := range "abcd" {
				every = append(every, string(a), string(a)+string(b), string(a)+string(b)+string(c))
			}
		}
	}
	for _, k := range every {
		got := w.Get([]byte(k))
		if v, ok := want[k]; ok != (got != nil) || string(got) != v {
			t.Fatalf("Get(%q) = %q; want %q", k, got, v)
		}
	}
	var fwd, back []string
	c := w.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if want[string(k)] != string(v) {
			t.Fatalf("forwards, %q holds %q; want %q", k, v, want[string(k)])
		}
		fwd = append(fwd, string(k))
	}
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		back = append([]string{string(k)}, back...)
	}
	if !slices.Equal(fwd, keys) || !slices.Equal(back, keys) {
		t.Fatalf("forwards %q, backwards %q; want %q", fwd, back, keys)
	}
	at := func(i int) string {
		if i < 0 || i >= len(keys) {
			return ""
		}
		return keys[i]
	}
	for _, seek := range []string{"", "a", "ab", "b", "bcd", "c", "d", "dd", "e"} {
		i, _ := slices.BinarySearch(keys, seek)
		steps := []struct {
			name string
			move func() ([]byte, []byte)
			to   int
		}{
			{"Seek", func() ([]byte, []byte) { return c.Seek([]byte(seek)) }, i},
			{"Next", c.Next, i + 1},
			{"Prev", c.Prev, i},
			{"Prev", c.Prev, i - 1},
			{"Next", c.Next, i},
		}
		for n, s := range steps {
			k, _ := s.move()
			if string(k) != at(s.to) {
				t.Fatalf("Seek(%q), step %d (%s): at %q; want %q of %q", seek, n, s.name, k, at(s.to), keys)
			}
			if k == nil {
				break // off the end: the store never moves on from there
			}
		}
	}
}

// TestSavesSurviveTheJournalsFolds saves enough to fold the journal many
// times and expects every answer, note and history entry to read back,
// before and after reopening, with the file checking clean and undo
// still taking back the last save.
func TestSavesSurviveTheJournalsFolds(t *testing.T) {
	db, path, in, e := seeded(t, "kk-lipat", model.StagePMPZI)
	qs := in.Questions()
	want := map[string]model.Answer{}
	rng := rand.New(rand.NewPCG(3, 5))
	first, err := db.History(HistoryFilter{Evaluation: e.ID}) // the evaluation's making
	if err != nil {
		t.Fatal(err)
	}
	saves, folds := len(first), 0
	journalKeys := func() (n int) {
		db.bolt.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketJournal).Stats().KeyN; return nil })
		return n
	}
	for i := range 300 {
		q := qs[rng.IntN(len(qs))]
		a := want[q.ID]
		if i%7 == 3 {
			a.Note = fmt.Sprintf("catatan %d\nbaris kedua", i)
			_, err = db.SetNote(e.ID, q.ID, a.Note, "penguji")
		} else {
			a.Value = validValue(q, rng.IntN(1000))
			_, err = db.SetAnswer(e.ID, q.ID, a.Value, "penguji")
		}
		if err != nil {
			t.Fatal(err)
		}
		if before := journalKeys(); saves > 0 && before < 3 {
			folds++
		}
		if old := want[q.ID]; a.Value != old.Value || a.Note != old.Note {
			saves++ // a change: one history entry more
		}
		want[q.ID] = a
	}
	if folds < 10 {
		t.Fatalf("300 saves folded the journal %d times; want it kept to one page", folds)
	}
	agree := func(db *DB) {
		t.Helper()
		got, err := db.Answers(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for qid, a := range want {
			if got[qid].Value != a.Value || got[qid].Note != a.Note {
				t.Errorf("%s: %v %q; want %v %q", qid, got[qid].Value, got[qid].Note, a.Value, a.Note)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d answers; want %d", len(got), len(want))
		}
		hist, err := db.History(HistoryFilter{Evaluation: e.ID})
		if err != nil || len(hist) != saves {
			t.Errorf("%d history entries (%v); want one per change, %d", len(hist), err, saves)
		}
		mustCheckClean(t, db)
	}
	agree(db)
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	agree(db)
	last := qs[0]
	before := want[last.ID].Value
	mustAnswer(t, db, e.ID, last.ID, validValue(last, 7), "penguji")
	mustUndo(t, db, e.ID, "penguji")
	if a, _ := db.Answers(e.ID); a[last.ID].Value != before {
		t.Errorf("undo left %v; want %v", a[last.ID].Value, before)
	}
}

// TestADamagedJournalIsRefused expects Check to name a journal record
// with a tag it does not know, and a fold to refuse it without writing.
func TestADamagedJournalIsRefused(t *testing.T) {
	db, path, in, e := seeded(t, "kk-jurnal", model.StagePMPZI)
	mustAnswer(t, db, e.ID, in.Questions()[0].ID, in.Questions()[0].Best(), "penguji")
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketJournal).Put(answerKey(e.ID, "x", 0), []byte{9, 1, 2})
	})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range db.Check() {
		all = append(all, p.String())
	}
	if text := strings.Join(all, "\n"); !strings.Contains(text, "jurnal") || !strings.Contains(text, "penanda rekaman tidak dikenal") {
		t.Errorf("Check does not name the journal record; it reports:\n%s", text)
	}
	sum := fileSum(t, path)
	err = db.write(func(t txn) error { return t.fold() })
	if err == nil || !strings.Contains(err.Error(), "jurnal") {
		t.Errorf("a fold of a damaged journal: %v; want a refusal naming the journal", err)
	}
	if fileSum(t, path) != sum {
		t.Error("the refused fold wrote to the file")
	}
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("the refusal is not a damage error: %v", err)
	}
}

// TestMemosServeOnlyWhatTheFileHolds rolls back a save after it wrote the
// evaluation's state, and changes the satker's record behind the API: the
// saves after each must score what the file holds, not what the store
// last wrote or read.
func TestMemosServeOnlyWhatTheFileHolds(t *testing.T) {
	db, _, in, e := seeded(t, "kk-memo", model.StagePMPZI)
	qs := in.Questions()
	mustAnswer(t, db, e.ID, qs[0].ID, qs[0].Best(), "penguji")
	err := db.write(func(t txn) error {
		ev, err := t.evaluation(e.ID)
		if err != nil {
			return err
		}
		old, _ := t.answer(e.ID, qs[1].ID, 0)
		next := old
		next.Value = qs[1].Best()
		if _, err := t.saveAnswer(ev, in, old, next, "penguji", nil); err != nil {
			return err
		}
		return errors.New("batal") // rolled back after the state was written
	})
	if err == nil {
		t.Fatal("the test's write was not rolled back")
	}
	mustAnswer(t, db, e.ID, qs[2].ID, qs[2].Best(), "penguji")
	mustCheckClean(t, db) // the state agrees with the answers: qs[1] is not in it
	if a, _ := db.Answers(e.ID); !a[qs[1].ID].Value.IsZero() {
		t.Fatalf("the rolled-back answer is there: %v", a[qs[1].ID].Value)
	}

	// A satker record changed behind the store's back is read afresh.
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		tt := txn{db: db, tx: tx}
		s, err := tt.satker("kk-memo")
		if err != nil {
			return err
		}
		s.Name = "Nama Baru"
		return tt.put(bucketSatkers, s.ID, s)
	})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := db.Satker("kk-memo"); err != nil || s.Name != "Nama Baru" {
		t.Fatalf("after a change behind the API: %q, %v", s.Name, err)
	}
}

// TestABigWriteFoldsItsOwnJournal writes more into the journal in one
// transaction than several pages hold, as a merge may: that transaction
// folds it, and the next save does not.
func TestABigWriteFoldsItsOwnJournal(t *testing.T) {
	db, _, in, e := seeded(t, "kk-besar", model.StagePMPZI)
	err := db.write(func(t txn) error {
		w := t.work()
		for i := range bigWrite + 10 {
			if err := w.Put(changeKey("kk-besar", uint64(1_000_000+i)), []byte("x")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var left int
	db.bolt.View(func(tx *bolt.Tx) error { left = tx.Bucket(bucketJournal).Stats().KeyN; return nil })
	if left != 0 {
		t.Fatalf("the journal holds %d records after a big write; want them folded by it", left)
	}
	mustAnswer(t, db, e.ID, in.Questions()[0].ID, in.Questions()[0].Best(), "penguji")
	db.bolt.View(func(tx *bolt.Tx) error { left = tx.Bucket(bucketJournal).Stats().KeyN; return nil })
	if left == 0 || left > 3 {
		t.Fatalf("after one save the journal holds %d records; want that save's alone", left)
	}
}
