package store

import (
	"fmt"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// evidenceOut seeds the server with an answer of three evidence items
// and takes it out to a laptop.
func evidenceOut(t *testing.T) (server, laptop *DB, e model.Evaluation, q *model.Question, ev []model.Evidence) {
	t.Helper()
	server, _, in, e := seeded(t, "kk-a", model.StageTPI)
	q = threeWay(in)[0]
	ev = []model.Evidence{
		{Title: "SK Tim ZI", Location: "arsip/sk-tim.pdf"},
		{Title: "Foto kegiatan", Location: "arsip/foto.jpg"},
		{Title: "Notulen", Location: "arsip/notulen.pdf"},
	}
	if _, err := server.SetEvidence(e.ID, q.ID, ev, "ortala"); err != nil {
		t.Fatal(err)
	}
	laptop, _ = testDB(t)
	carry(t, server, laptop, MergeAsk, "kk-a")
	return server, laptop, e, q, ev
}

func setEvidence(t *testing.T, db *DB, e model.Evaluation, q *model.Question, ev []model.Evidence, by string) {
	t.Helper()
	if _, err := db.SetEvidence(e.ID, q.ID, ev, by); err != nil {
		t.Fatal(err)
	}
}

func evidenceOf(t *testing.T, db *DB, e model.Evaluation, q *model.Question) []model.Evidence {
	t.Helper()
	as, err := db.Answers(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	return as[q.ID].Evidence
}

// An evidence item edited on one side (its location) and checked on the
// other is one item: merged field by field, no conflict, not duplicated,
// and both sides end with the same list in the same order.
func TestMergeEvidenceEditAndCheck(t *testing.T) {
	server, laptop, e, q, ev := evidenceOut(t)
	moved := append([]model.Evidence(nil), ev...)
	moved[1].Location = "arsip/2026/foto.jpg"
	setEvidence(t, server, e, q, moved, "ortala")
	checked := append([]model.Evidence(nil), ev...)
	checked[1].Checked = true
	setEvidence(t, laptop, e, q, checked, "ani")

	if rep := carry(t, server, laptop, MergeAsk, "kk-a"); len(rep.Conflicts) > 0 {
		t.Fatalf("pull: %+v", rep.Conflicts)
	}
	want := append([]model.Evidence(nil), moved...)
	want[1].Checked = true
	if got := evidenceOf(t, laptop, e, q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("laptop after pull:\n got %v\nwant %v", got, want)
	}
	if rep := carry(t, laptop, server, MergeAsk, "kk-a"); len(rep.Conflicts) > 0 {
		t.Fatalf("push: %+v", rep.Conflicts)
	}
	if got := evidenceOf(t, server, e, q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("server after push:\n got %v\nwant %v", got, want)
	}
	mustCheckClean(t, server)
	mustCheckClean(t, laptop)
}

// An item edited on both sides differently is one conflict on that item;
// taking the bundle's leaves one item, as the bundle has it.
func TestMergeEvidenceEditedBothSides(t *testing.T) {
	server, laptop, e, q, ev := evidenceOut(t)
	there := append([]model.Evidence(nil), ev...)
	there[0].Location = "server/sk-tim.pdf"
	setEvidence(t, server, e, q, there, "ortala")
	here := append([]model.Evidence(nil), ev...)
	here[0].Location = "laptop/sk-tim.pdf"
	setEvidence(t, laptop, e, q, here, "ani")

	rep := carry(t, server, laptop, MergeAsk, "kk-a")
	if len(rep.Conflicts) != 1 || rep.Conflicts[0].Field != fieldEvidence {
		t.Fatalf("pull: want one evidence conflict; %+v", rep.Conflicts)
	}
	if _, err := laptop.Choose(rep.Conflicts[0].ID, ChooseTheirs, ""); err != nil {
		t.Fatal(err)
	}
	if n, err := laptop.AcceptMerge("ani"); err != nil || n != 1 {
		t.Fatalf("accept: %d %v", n, err)
	}
	if got := evidenceOf(t, laptop, e, q); fmt.Sprint(got) != fmt.Sprint(there) {
		t.Fatalf("laptop after taking theirs:\n got %v\nwant %v", got, there)
	}
	if rep := carry(t, laptop, server, MergeAsk, "kk-a"); len(rep.Conflicts) > 0 {
		t.Fatalf("push: %+v", rep.Conflicts)
	}
	if got := evidenceOf(t, server, e, q); fmt.Sprint(got) != fmt.Sprint(there) {
		t.Fatalf("server after push:\n got %v\nwant %v", got, there)
	}
}

// An item removed on one side and checked on the other stays a conflict
// on that one item; taking the removal removes it.
func TestMergeEvidenceRemovedAndChecked(t *testing.T) {
	server, laptop, e, q, ev := evidenceOut(t)
	setEvidence(t, server, e, q, []model.Evidence{ev[0], ev[2]}, "ortala")
	checked := append([]model.Evidence(nil), ev...)
	checked[1].Checked = true
	setEvidence(t, laptop, e, q, checked, "ani")

	rep := carry(t, server, laptop, MergeTheirs, "kk-a")
	if len(rep.Conflicts) != 1 {
		t.Fatalf("pull: want one conflict; %+v", rep.Conflicts)
	}
	want := []model.Evidence{ev[0], ev[2]}
	if got := evidenceOf(t, laptop, e, q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("laptop:\n got %v\nwant %v", got, want)
	}
}
