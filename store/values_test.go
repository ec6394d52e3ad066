package store

import (
	"errors"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestValuesAreTheAnswersThatCount: a reviewer's answer outranks the
// anggota's, as on the scorecard.
func TestValuesAreTheAnswersThatCount(t *testing.T) {
	db, _, in, e := seeded(t, "kk-nilai", model.StagePMPZI)
	team := model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(e.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	q0 := in.Questions()[0]
	low, high := validValue(q0, 1), q0.Best()
	ev := db.As(RoleEvaluator)
	mustAnswer(t, ev, e.ID, q0.ID, low, "ani")
	if _, err := ev.Act(e.ID, model.ActSubmit, "", "ani"); err != nil {
		t.Fatal(err)
	}
	if _, err := ev.SetAnswerNoting(e.ID, q0.ID, high, "eviden lengkap", "kus"); err != nil {
		t.Fatal(err)
	}
	got, target, vals, err := db.Values(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash != in.Hash || target != model.WBK || len(vals) != 1 || vals[q0.ID] != high {
		t.Errorf("Values = %s, %q, %v; want %s, WBK, {%s: %v}", got.Hash, target, vals, in.Hash, q0.ID, high)
	}
	sc, _, err := db.Scorecard(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := model.Score(got, vals, target); again.Total != sc.Total {
		t.Errorf("the values score %v; the scorecard says %v", again.Total, sc.Total)
	}
	if _, _, _, err := db.Values("tidak-ada"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Values of a missing evaluation: %v; want ErrNotFound", err)
	}
}
