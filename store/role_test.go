package store

import (
	"errors"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestRolesAreEnforcedWhereDataIsWritten: a viewer's view writes nothing,
// an evaluator's answers but manages no satker, and the file is unchanged
// by what was refused.
func TestRolesAreEnforcedWhereDataIsWritten(t *testing.T) {
	db, path, in, e := seeded(t, "kk-a", model.StagePMPZI)
	q := in.Questions()[0]
	viewer, evaluator, admin := db.As(RoleViewer), db.As(RoleEvaluator), db.As(RoleAdmin)
	before := fileSum(t, path)
	refused := map[string]error{}
	_, refused["viewer answers"] = viewer.SetAnswer(e.ID, q.ID, q.Best(), "v")
	_, refused["viewer undoes"] = viewer.Undo(e.ID, "v")
	_, refused["viewer submits"] = viewer.Act(e.ID, model.ActSubmit, "", "v")
	_, refused["evaluator adds a satker"] = evaluator.CreateSatker(satkerFixture("kk-b"), "e")
	refused["evaluator deletes a satker"] = evaluator.DeleteSatker("kk-a", "e")
	_, refused["evaluator imports"] = evaluator.Import("b.json", []byte("{}"), "e")
	refused["evaluator backs up"] = evaluator.Backup(path + ".bak")
	for what, err := range refused {
		if !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: %v; want ErrForbidden", what, err)
		}
	}
	if fileSum(t, path) != before {
		t.Fatal("a refused write changed the file")
	}
	if _, err := evaluator.SetAnswer(e.ID, q.ID, q.Best(), "e"); err != nil {
		t.Errorf("evaluator answers: %v", err)
	}
	if _, err := admin.CreateSatker(satkerFixture("kk-b"), "a"); err != nil {
		t.Errorf("admin adds a satker: %v", err)
	}
	if _, err := viewer.Answers(e.ID); err != nil {
		t.Errorf("viewer reads: %v", err)
	}
	viewer.Close() // a view's Close leaves the database open
	if _, err := db.Answers(e.ID); err != nil {
		t.Errorf("after a view closed: %v", err)
	}
}

// TestWatchersHearEveryCommit: a watcher is told after a commit of any view.
func TestWatchersHearEveryCommit(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StagePMPZI)
	ch, stop := db.Watch()
	defer stop()
	select {
	case <-ch:
		t.Fatal("told before any commit")
	default:
	}
	q := in.Questions()[0]
	if _, err := db.As(RoleEvaluator).SetAnswer(e.ID, q.ID, q.Best(), "e"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ch:
	default:
		t.Fatal("not told of a commit")
	}
}

// TestListsAreSharedUntilTheNextCommit: readers of one commit share the
// satker list (each has its own slice to sort), and a commit shows.
func TestListsAreSharedUntilTheNextCommit(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StagePMPZI)
	seed(t, db, "kk-b", model.StagePMPZI, in)
	a, err := db.SatkerSummaries()
	if err != nil || len(a) != 2 {
		t.Fatal(len(a), err)
	}
	a[0], a[1] = a[1], a[0] // a reader sorts its own slice
	b, _ := db.SatkerSummaries()
	if b[0].Satker.ID != "kk-a" || &b[0].Evaluations[0] != &a[1].Evaluations[0] {
		t.Error("the second reader of the same commit did not get the shared list in its order")
	}
	q := in.Questions()[0]
	mustAnswer(t, db, e.ID, q.ID, q.Best(), "x")
	c, _ := db.SatkerSummaries()
	if c[0].Latest.Answered != b[0].Latest.Answered+1 {
		t.Errorf("after a save the list says %d answered; want %d", c[0].Latest.Answered, b[0].Latest.Answered+1)
	}
	d1, _ := db.Dashboard(model.RoundPick{})
	d2, _ := db.Dashboard(model.RoundPick{})
	if len(d1.Rows) != 2 || &d1.Rows[0] != &d2.Rows[0] {
		t.Error("the dashboard of one commit is built twice")
	}
}
