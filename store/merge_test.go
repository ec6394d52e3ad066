package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// carry takes satkers from one database into another as a field bundle.
func carry(t *testing.T, from, to *DB, policy MergePolicy, satkers ...string) MergeReport {
	t.Helper()
	var buf bytes.Buffer
	if _, err := from.FieldBundle(&buf, satkers, "penguji"); err != nil {
		t.Fatal(err)
	}
	rep, err := to.Merge("bundel", &buf, "penguji", policy)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// threeWay is the instrument's questions, those with three answers or
// more first: a base, ours and theirs can all differ.
func threeWay(in *model.Instrument) []*model.Question {
	var many, rest []*model.Question
	for _, q := range in.Questions() {
		if q.Type.IsChoice() && len(q.Options) >= 3 {
			many = append(many, q)
		} else {
			rest = append(rest, q)
		}
	}
	return append(many, rest...)
}

// takenOut seeds kk-a with a TPI evaluation on a server and takes it out
// to a new laptop database; qs is threeWay of the instrument.
func takenOut(t *testing.T) (server, laptop *DB, e model.Evaluation, qs []*model.Question) {
	t.Helper()
	server, _, in, e := seeded(t, "kk-a", model.StageTPI)
	laptop, _ = testDB(t)
	carry(t, server, laptop, MergeAsk, "kk-a")
	return server, laptop, e, threeWay(in)
}

// The field-work story with three databases: the server, and two laptops
// that take the same satker out, work offline on overlapping and separate
// questions, add recommendations, and bring the work back in turn.
func TestMergeThreeDatabases(t *testing.T) {
	server, _, in, e := seeded(t, "kk-a", model.StageTPI)
	qs := threeWay(in)
	mustAnswer(t, server, e.ID, qs[0].ID, validValue(qs[0], 1), "ortala")
	laptopA, _ := testDB(t)
	laptopB, _ := testDB(t)
	for _, l := range []*DB{laptopA, laptopB} {
		if rep := carry(t, server, l, MergeAsk, "kk-a"); rep.Added == 0 || len(rep.Conflicts) > 0 {
			t.Fatalf("taking the satker out: %+v", rep)
		}
	}
	// Offline: A and B both change question 0, differently; each also
	// answers a question of its own, and adds a recommendation.
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(laptopA.SetAnswer(e.ID, qs[0].ID, qs[0].Best(), "ani"))
	must(laptopA.SetAnswer(e.ID, qs[1].ID, qs[1].Best(), "ani"))
	must(laptopA.SetNote(e.ID, qs[1].ID, "dicek di lokasi", "ani"))
	must(laptopB.SetAnswer(e.ID, qs[0].ID, validValue(qs[0], 2), "budi"))
	must(laptopB.SetAnswer(e.ID, qs[2].ID, qs[2].Best(), "budi"))
	for who, l := range map[string]*DB{"ani": laptopA, "budi": laptopB} {
		must(l.CreateRekomendasi(model.Rekomendasi{EvaluationID: e.ID, Node: qs[0].ID, Text: "Saran dari " + who,
			Priority: model.PriorityTinggi, Status: model.RekBaru}, who))
	}
	// Meanwhile the server changes a question of its own.
	must(server.SetAnswer(e.ID, qs[3].ID, qs[3].Best(), "ortala"))

	// A comes back first: everything applies.
	if rep := carry(t, laptopA, server, MergeAsk, "kk-a"); len(rep.Conflicts) > 0 || rep.Applied == 0 {
		t.Fatalf("A's return: %+v", rep)
	}
	// B comes back: question 0 is a conflict, the rest applies.
	rep := carry(t, laptopB, server, MergeAsk, "kk-a")
	if len(rep.Conflicts) != 1 || rep.Conflicts[0].Question != qs[0].ID || rep.Conflicts[0].Field != fieldValue {
		t.Fatalf("B's return: %+v", rep)
	}
	c := rep.Conflicts[0]
	if c.Base != validValue(qs[0], 1).String() || c.Ours != qs[0].Best().String() || c.Theirs != validValue(qs[0], 2).String() || c.TheirsBy != "budi" {
		t.Errorf("conflict %+v", c)
	}
	answers, _ := server.Answers(e.ID)
	if answers[qs[0].ID].Value != qs[0].Best() || answers[qs[2].ID].Value != qs[2].Best() || answers[qs[1].ID].Note != "dicek di lokasi" || answers[qs[3].ID].Value != qs[3].Best() {
		t.Errorf("server after both returns: %+v", answers)
	}
	reks, _ := server.RekomendasiList(RekFilter{})
	if len(reks) != 2 || reks[0].ID == reks[1].ID {
		t.Errorf("two recommendations from two laptops: %+v", reks)
	}
	// The same bundle again changes nothing.
	before := dumpDB(t, server)
	again := carry(t, laptopB, server, MergeAsk, "kk-a")
	if dumpDB(t, server) != before {
		t.Errorf("merging the same bundle twice changed the file: %+v", again)
	}
	// The conflict waits for a person; taking B's value and accepting
	// applies it, with both values in the history.
	waiting, _ := server.Conflicts()
	if len(waiting) != 1 {
		t.Fatalf("conflicts waiting: %+v", waiting)
	}
	if _, err := server.Choose(waiting[0].ID, ChooseTheirs, ""); err != nil {
		t.Fatal(err)
	}
	if n, err := server.AcceptMerge("ketua"); err != nil || n != 1 {
		t.Fatalf("accept: %d %v", n, err)
	}
	answers, _ = server.Answers(e.ID)
	if answers[qs[0].ID].Value != validValue(qs[0], 2) {
		t.Errorf("resolved value %v", answers[qs[0].ID].Value)
	}
	sc, _, _ := server.Scorecard(e.ID)
	vals := model.Answers{}
	for q, a := range answers {
		vals[q] = a.Value
	}
	fresh, _ := model.Score(in, vals, in.TargetFor(model.WBK))
	if sc.Total != fresh.Total {
		t.Errorf("stored total %v; fresh scoring %v", sc.Total, fresh.Total)
	}
	h, _ := server.History(HistoryFilter{Evaluation: e.ID, Question: qs[0].ID, Limit: 1})
	if len(h) != 1 || !strings.Contains(h[0].Reason, "gabung") || h[0].Old != qs[0].Best().String() || !strings.Contains(h[0].Reason, validValue(qs[0], 2).String()) {
		t.Errorf("resolution in history: %+v", h)
	}
	mustCheckClean(t, server)

	// Both laptops pull: no conflicts, and they hold what the server holds.
	for name, l := range map[string]*DB{"A": laptopA, "B": laptopB} {
		if rep := carry(t, server, l, MergeAsk, "kk-a"); len(rep.Conflicts) > 0 {
			t.Errorf("%s pulls: %+v", name, rep.Conflicts)
		}
		got, _ := l.Answers(e.ID)
		for _, q := range qs[:4] {
			if got[q.ID].Value != answers[q.ID].Value || got[q.ID].Note != answers[q.ID].Note {
				t.Errorf("%s after pull: %s %+v; server %+v", name, q.ID, got[q.ID], answers[q.ID])
			}
		}
		mustCheckClean(t, l)
	}
}

// --conflicts list reports and writes nothing; ours and theirs decide,
// with the decision in history.
func TestMergePolicies(t *testing.T) {
	for _, policy := range []MergePolicy{MergeList, MergeOurs, MergeTheirs} {
		server, laptop, e, qs := takenOut(t)
		q := qs[0]
		mustAnswer(t, server, e.ID, q.ID, validValue(q, 1), "ortala")
		mustAnswer(t, laptop, e.ID, q.ID, q.Best(), "ani")
		before := dumpDB(t, server)
		rep := carry(t, laptop, server, policy, "kk-a")
		if len(rep.Conflicts) != 1 {
			t.Fatalf("policy %d: %+v", policy, rep)
		}
		got, _ := server.Answers(e.ID)
		waiting, _ := server.Conflicts()
		switch policy {
		case MergeList:
			if dumpDB(t, server) != before {
				t.Error("list wrote to the file")
			}
		case MergeOurs:
			if got[q.ID].Value != validValue(q, 1) || len(waiting) != 0 {
				t.Errorf("ours: %v, %d waiting", got[q.ID].Value, len(waiting))
			}
		case MergeTheirs:
			if got[q.ID].Value != q.Best() || len(waiting) != 0 {
				t.Errorf("theirs: %v, %d waiting", got[q.ID].Value, len(waiting))
			}
		}
		mustCheckClean(t, server)
	}
}

// A final evaluation takes no change from a bundle unasked: what the
// laptop changed is a conflict, and accepting it is refused until the
// evaluation is reopened.
func TestMergeRespectsFinal(t *testing.T) {
	server, laptop, e, qs := takenOut(t)
	q := qs[0]
	mustAnswer(t, laptop, e.ID, q.ID, q.Best(), "ani")
	if err := finalise(server, e.ID, "ortala"); err != nil {
		t.Fatal(err)
	}
	rep := carry(t, laptop, server, MergeAsk, "kk-a")
	got, _ := server.Answers(e.ID)
	if len(rep.Conflicts) != 1 || !got[q.ID].Value.IsZero() {
		t.Fatalf("a final evaluation changed by a merge: %+v, %v", rep.Conflicts, got[q.ID])
	}
	waiting, _ := server.Conflicts()
	if _, err := server.Choose(waiting[0].ID, ChooseTheirs, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := server.AcceptMerge("ortala"); !errors.Is(err, ErrForbidden) || !strings.Contains(err.Error(), "buka dulu") {
		t.Errorf("accepting into a final evaluation: %v", err)
	}
	if _, err := server.Act(e.ID, model.ActReopen, "hasil lapangan", "ortala"); err != nil {
		t.Fatal(err)
	}
	if n, err := server.AcceptMerge("ortala"); err != nil || n != 1 {
		t.Errorf("after reopening: %d %v", n, err)
	}
}

// A value typed to resolve a conflict is kept as the store keeps values,
// however it was typed, and applies.
func TestChooseEditNormalises(t *testing.T) {
	server, laptop, e, qs := takenOut(t)
	q := qs[0]
	mustAnswer(t, server, e.ID, q.ID, validValue(q, 1), "ortala")
	mustAnswer(t, laptop, e.ID, q.ID, q.Best(), "ani")
	carry(t, laptop, server, MergeAsk, "kk-a")
	waiting, _ := server.Conflicts()
	want := validValue(q, 2)
	c, err := server.Choose(waiting[0].ID, ChooseEdit, strings.ToLower(want.String()))
	if err != nil || c.Edited != want.String() {
		t.Fatalf("edited %q, %v", c.Edited, err)
	}
	if _, err := server.AcceptMerge("ortala"); err != nil {
		t.Fatal(err)
	}
	if got, _ := server.Answers(e.ID); got[q.ID].Value != want {
		t.Errorf("resolved to %v, want %v", got[q.ID].Value, want)
	}
}

// A first copy into an empty database is all new records: none of their
// fields is "the same" or "taken", as there was nothing here to compare.
func TestFirstCopyCountsRecordsOnly(t *testing.T) {
	server, _, in, e := seeded(t, "kk-a", model.StageTPI)
	qs := threeWay(in)
	mustAnswer(t, server, e.ID, qs[0].ID, qs[0].Best(), "ortala")
	mustAnswer(t, server, e.ID, qs[1].ID, qs[1].Best(), "ortala")
	if _, err := server.SetNote(e.ID, qs[1].ID, "dicek", "ortala"); err != nil {
		t.Fatal(err)
	}
	laptop, _ := testDB(t)
	rep := carry(t, server, laptop, MergeAsk, "kk-a")
	// the satker, its evaluation, two answers
	if rep.Added != 4 || rep.Applied != 0 || rep.Same != 0 || len(rep.Conflicts) > 0 {
		t.Errorf("first copy: added %d, applied %d, same %d, %d conflicts; want 4, 0, 0, 0", rep.Added, rep.Applied, rep.Same, len(rep.Conflicts))
	}
}
