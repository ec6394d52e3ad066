package store

import (
	"errors"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// Two anggota of one team work on the same evaluation over the server:
// each one's undo reverts their own change, never the other's, and never
// puts back a value over a change the other made since.
func TestUndoIsThePersonsOwn(t *testing.T) {
	db, _ := testDB(t)
	in := miniInstrument(t)
	e := seed(t, db, "kk-a", model.StagePMPZI, in)
	team := model.Team{{Name: "budi", Level: model.Anggota}, {Name: "rahmat", Level: model.Anggota}, {Name: "dewi", Level: model.Ketua}}
	if _, err := db.SetTeam(e.ID, team, "dewi"); err != nil {
		t.Fatal(err)
	}
	qs := in.Questions()
	q0, q1 := qs[0], qs[1]
	value := func(qid string) model.Value {
		t.Helper()
		a, err := db.Answers(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		return a[qid].Value
	}

	// budi answers q1, rahmat answers q0: budi's undo takes back q1 only.
	mustAnswer(t, db, e.ID, q1.ID, validValue(q1, 0), "budi")
	mustAnswer(t, db, e.ID, q0.ID, validValue(q0, 0), "rahmat")
	mustUndo(t, db, e.ID, "budi")
	if got := value(q0.ID); got != validValue(q0, 0) {
		t.Errorf("budi's undo changed rahmat's answer of %s to %v", q0.ID, got)
	}
	if got := value(q1.ID); !got.IsZero() {
		t.Errorf("budi's undo left his own answer of %s as %v", q1.ID, got)
	}

	// budi answers q0 over rahmat's, rahmat changes it again: budi's undo
	// must not put anything back over rahmat's newer answer.
	mustAnswer(t, db, e.ID, q0.ID, validValue(q0, 1), "budi")
	mustAnswer(t, db, e.ID, q0.ID, validValue(q0, 0), "rahmat")
	if _, err := db.Undo(e.ID, "budi"); err != nil && !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if got := value(q0.ID); got != validValue(q0, 0) {
		t.Errorf("budi's undo overwrote rahmat's newer answer of %s: now %v", q0.ID, got)
	}
	// rahmat's own undo still works on what is his.
	mustUndo(t, db, e.ID, "rahmat")
	if got := value(q0.ID); got != validValue(q0, 1) {
		t.Errorf("rahmat's undo: %s is %v, want budi's %v back", q0.ID, got, validValue(q0, 1))
	}
	mustCheckClean(t, db)
}
