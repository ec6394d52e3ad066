package store

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Review: random edits, notes and imported files on one evaluation, with
// undos between them. Every undo must put the answers back exactly as they
// were before the action it reverts (a stack of snapshots), and an undo
// with nothing left must say ErrNotFound.
type undoSnap map[string]string

func snapOf(t *testing.T, db *DB, evalID string) undoSnap {
	t.Helper()
	a, err := db.Answers(evalID)
	if err != nil {
		t.Fatal(err)
	}
	out := undoSnap{}
	for id, x := range a {
		if s := x.Value.String() + "|" + x.Note; s != "|" {
			out[id] = s
		}
	}
	return out
}

func TestUndoRandomActions(t *testing.T) {
	for seed := range uint64(30) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 99))
			db, e, qs := seed1(t)
			var stack []undoSnap
			var log []string
			for step := range 60 {
				before := snapOf(t, db, e.ID)
				var err error
				what := ""
				switch k := rng.IntN(10); {
				case k < 3:
					q := qs[rng.IntN(len(qs))]
					v := validValue(q, rng.IntN(7))
					if rng.IntN(6) == 0 {
						v = model.Value{}
					}
					what = fmt.Sprintf("set %s=%v", q.ID, v)
					_, err = db.SetAnswer(e.ID, q.ID, v, "a")
				case k < 4:
					q := qs[rng.IntN(len(qs))]
					what = "note " + q.ID
					_, err = db.SetNote(e.ID, q.ID, fmt.Sprint("n", rng.IntN(3)), "a")
				case k < 7:
					what, err = randomImport(rng, db, e, qs, 5)
				default:
					what = "undo"
					_, err = db.Undo(e.ID, "a")
					after := snapOf(t, db, e.ID)
					if len(stack) == 0 {
						if !errors.Is(err, ErrNotFound) {
							t.Fatalf("step %d: undo with nothing left: %v\n%s", step, err, strings.Join(log, "\n"))
						}
						log = append(log, what+" (nothing)")
						continue
					}
					if err != nil {
						t.Fatalf("step %d: undo: %v\n%s", step, err, strings.Join(log, "\n"))
					}
					want := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if !maps.Equal(after, want) {
						t.Fatalf("step %d: after undo %v\nwant %v\nlog:\n%s", step, after, want, strings.Join(log, "\n"))
					}
					log = append(log, what)
					continue
				}
				if err != nil {
					log = append(log, what+" → "+err.Error())
					continue
				}
				if after := snapOf(t, db, e.ID); !maps.Equal(after, before) {
					stack = append(stack, before)
				}
				log = append(log, what)
			}
			mustCheckClean(t, db)
		})
	}
}

// seed1 is a new database with one draft evaluation on the small test
// instrument, and that instrument's questions.
func seed1(t *testing.T) (*DB, model.Evaluation, []*model.Question) {
	t.Helper()
	db, _ := testDB(t)
	in := miniInstrument(t)
	return db, seed(t, db, "kk-undo", model.StagePMPZI, in), in.Questions()
}

// levelSnap is every level's answers (value|note|carried), by level.
func levelSnap(t *testing.T, db *DB, evalID string) map[model.Level]undoSnap {
	t.Helper()
	out := map[model.Level]undoSnap{}
	err := db.view(func(tx *bolt.Tx) error {
		recs, err := txn{db: db, tx: tx}.answers(evalID)
		for _, r := range recs {
			s := r.Value.String() + "|" + r.Note + "|" + carriedText(r.Carried)
			if s == "||" {
				continue
			}
			if out[r.level()] == nil {
				out[r.level()] = undoSnap{}
			}
			out[r.level()][r.Question] = s
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func eqLevels(a, b map[model.Level]undoSnap) bool {
	for _, l := range []model.Level{model.Anggota, model.Ketua, model.Pengendali} {
		if !maps.Equal(a[l], b[l]) {
			return false
		}
	}
	return true
}

// The same with the evaluation moving along the review chain and back:
// each level undoes its own actions, last first, and never touches
// another level's answers.
func TestUndoRandomAcrossLevels(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			db, e, qs := seed1(t)
			stacks := map[model.Level][]map[model.Level]undoSnap{}
			undone := map[model.Level]int{}
			defer func() { t.Logf("undos by level %v", undone) }()
			var log []string
			fail := func(format string, args ...any) {
				t.Fatalf(format+"\nlog:\n%s", append(args, strings.Join(log, "\n"))...)
			}
			for step := range 120 {
				ev, err := db.Evaluation(e.ID)
				if err != nil {
					t.Fatal(err)
				}
				st, serr := db.decide(evalToRec(ev), model.ActEdit, "a", "")
				lvl := st.Level
				before := levelSnap(t, db, e.ID)
				what := ""
				switch k := rng.IntN(14); {
				case k < 3:
					q := qs[rng.IntN(len(qs))]
					v := validValue(q, rng.IntN(7))
					what = fmt.Sprintf("set %s=%v", q.ID, v)
					if rng.IntN(2) == 0 {
						_, err = db.SetAnswerNoting(e.ID, q.ID, v, "alasan", "a")
					} else {
						_, err = db.SetAnswer(e.ID, q.ID, v, "a")
					}
				case k < 4:
					q := qs[rng.IntN(len(qs))]
					what = "note " + q.ID
					_, err = db.SetNote(e.ID, q.ID, fmt.Sprint("n", rng.IntN(3)), "a")
				case k < 7:
					what, err = randomImport(rng, db, e, qs, 3)
				case k < 11:
					what = fmt.Sprint("undo at ", lvl)
					_, err = db.Undo(e.ID, "a")
					after := levelSnap(t, db, e.ID)
					if serr != nil {
						log = append(log, what+" refused")
						continue
					}
					s := stacks[lvl]
					if len(s) == 0 {
						if !errors.Is(err, ErrNotFound) {
							fail("step %d: undo with nothing left at %v: %v", step, lvl, err)
						}
						log = append(log, what+" (nothing)")
						continue
					}
					if err != nil {
						fail("step %d: undo: %v", step, err)
					}
					want := s[len(s)-1]
					stacks[lvl] = s[:len(s)-1]
					// Only this level's answers go back; the others stay.
					exp := maps.Clone(before)
					exp[lvl] = want[lvl]
					if !eqLevels(after, exp) {
						fail("step %d: after undo at %v:\n%v\nwant\n%v", step, lvl, after, exp)
					}
					log = append(log, what)
					undone[lvl]++
					continue
				default:
					acts := []model.Action{model.ActSubmit, model.ActApprove, model.ActReturn, model.ActReopen}
					act := acts[rng.IntN(len(acts))]
					what = "act " + string(act)
					_, err = db.Act(e.ID, act, "alasan", "a")
					if err == nil {
						log = append(log, what)
					}
					continue
				}
				if err != nil {
					log = append(log, what+" → "+err.Error())
					continue
				}
				if after := levelSnap(t, db, e.ID); !eqLevels(after, before) {
					stacks[lvl] = append(stacks[lvl], before)
				}
				log = append(log, fmt.Sprint(what, " at ", lvl))
			}
			mustCheckClean(t, db)
		})
	}
}

// An imported file brought in by a merge is one action on the receiving
// database too: one undo there reverts all of it.
func TestMergedImportIsOneUndo(t *testing.T) {
	server, _ := testDB(t)
	in := miniInstrument(t)
	e := seed(t, server, "kk-a", model.StagePMPZI, in)
	qs := in.Questions()
	laptop, _ := testDB(t)
	carry(t, server, laptop, MergeAsk, "kk-a")
	file := fmt.Sprintf(`{"answers": {%q: %s, %q: %s, %q: %s}}`, qs[0].ID, encode(validValue(qs[0], 1)),
		qs[1].ID, encode(validValue(qs[1], 0)), qs[2].ID, encode(validValue(qs[2], 1)))
	if _, err := laptop.ImportAnswersNoting("isi.json", []byte(file), map[string]string{qs[1].ID: "x"}, e.SatkerID, e.Stage, e.Year, "ani"); err != nil {
		t.Fatal(err)
	}
	carry(t, laptop, server, MergeAsk, "kk-a")
	if a, _ := server.Answers(e.ID); len(a) != 3 {
		t.Fatalf("merged: %+v", a)
	}
	mustUndo(t, server, e.ID, "ani")
	if a, _ := server.Answers(e.ID); len(a) != 0 {
		t.Fatalf("after one undo of the merged import: %+v", a)
	}
	if _, err := server.Undo(e.ID, "ani"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second undo: %v", err)
	}
	mustCheckClean(t, server)
	// and back on the laptop, the server's undo merges in as undos
	carry(t, server, laptop, MergeAsk, "kk-a")
	if a, _ := laptop.Answers(e.ID); len(a) != 0 {
		t.Fatalf("laptop after pulling the undo: %+v", a)
	}
	if _, err := laptop.Undo(e.ID, "ani"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("laptop undo after pulling the undo: %v", err)
	}
}

// Pre-existing, not from imports: an undo made on one database and merged
// into another that already has the entry it reverts arrives as a plain
// change (its Undoes is lost), so the other database can "undo" it again.
func TestMergedUndoKeepsItsLink(t *testing.T) {
	server, _ := testDB(t)
	in := miniInstrument(t)
	e := seed(t, server, "kk-a", model.StagePMPZI, in)
	q := in.Questions()[0]
	laptop, _ := testDB(t)
	carry(t, server, laptop, MergeAsk, "kk-a")
	mustAnswer(t, laptop, e.ID, q.ID, validValue(q, 1), "ani")
	carry(t, laptop, server, MergeAsk, "kk-a")
	mustUndo(t, server, e.ID, "ani")
	carry(t, server, laptop, MergeAsk, "kk-a")
	var h []changeRec
	undos := 0
	laptop.view(func(tx *bolt.Tx) error {
		return txn{db: laptop, tx: tx}.walkHistory(HistoryFilter{Evaluation: e.ID, Question: q.ID}, func(c changeRec) bool {
			h = append(h, c)
			if c.Undoes != 0 {
				undos++
			}
			return true
		})
	})
	if undos != 1 {
		t.Errorf("laptop history after pulling the server's undo: %d entries mark an undo, want 1: %+v", undos, h)
	}
	// The copy without its link goes back to the server as a new entry.
	before, _ := server.History(HistoryFilter{Evaluation: e.ID, Question: q.ID})
	carry(t, laptop, server, MergeAsk, "kk-a")
	after, _ := server.History(HistoryFilter{Evaluation: e.ID, Question: q.ID})
	if len(after) != len(before) {
		t.Errorf("server history grew from %d to %d entries on pulling back its own undo: %+v", len(before), len(after), after)
	}
	if _, err := laptop.Undo(e.ID, "ani"); !errors.Is(err, ErrNotFound) {
		a, _ := laptop.Answers(e.ID)
		t.Errorf("laptop undo after pulling the undo: err %v, answers now %+v (the undo was itself undone)", err, a)
	}
}

// randomImport imports an answers file that answers, clears or leaves
// each question at random, with a note on about one in noteEvery.
func randomImport(rng *rand.Rand, db *DB, e model.Evaluation, qs []*model.Question, noteEvery int) (string, error) {
	var parts []string
	notes := map[string]string{}
	for _, q := range qs {
		switch rng.IntN(4) {
		case 0:
			parts = append(parts, fmt.Sprintf("%q: %s", q.ID, encode(validValue(q, rng.IntN(7)))))
		case 1:
			parts = append(parts, fmt.Sprintf("%q: null", q.ID))
		}
		if rng.IntN(noteEvery) == 0 {
			notes[q.ID] = fmt.Sprint("f", rng.IntN(3))
		}
	}
	_, err := db.ImportAnswersNoting("x.json", []byte("{\"answers\": {"+strings.Join(parts, ", ")+"}}"), notes, e.SatkerID, e.Stage, e.Year, "a")
	return "import " + strings.Join(parts, ",") + fmt.Sprint(notes), err
}
