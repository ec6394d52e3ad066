package store

import (
	"errors"
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestSatkerLifecycle(t *testing.T) {
	db, path := testDB(t)
	s := satkerFixture("kankemenag-magelang")
	made, err := db.CreateSatker(s, "admin")
	if err != nil {
		t.Fatal(err)
	}
	if made.Created.IsZero() || !made.Created.Equal(made.Updated) {
		t.Errorf("times not stamped: %+v", made)
	}
	if _, err := db.CreateSatker(s, "admin"); !errors.Is(err, ErrExists) {
		t.Errorf("duplicate: %v; want ErrExists", err)
	}
	bad := s
	bad.ID, bad.Target = "kk-x", "WBX"
	var fe *model.FieldError
	if _, err := db.CreateSatker(bad, "admin"); !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.Field != "target" {
		t.Errorf("invalid target: %v; want ErrInvalid with the field", err)
	}

	got, err := db.Satker(s.ID)
	if err != nil || got != made {
		t.Fatalf("Satker = %+v, %v; want %+v", got, err, made)
	}
	s.Head, s.Target = "Kepala Baru", model.WBBM
	upd, err := db.UpdateSatker(s, "admin")
	if err != nil {
		t.Fatal(err)
	}
	if upd.Head != "Kepala Baru" || upd.Target != model.WBBM || !upd.Created.Equal(made.Created) || !upd.Updated.After(made.Updated) {
		t.Errorf("update: %+v", upd)
	}
	// Updating with nothing different writes nothing.
	before := dumpDB(t, db)
	if _, err := db.UpdateSatker(s, "admin"); err != nil {
		t.Fatal(err)
	}
	if dumpDB(t, db) != before {
		t.Error("an update without changes wrote something")
	}
	if _, err := db.UpdateSatker(satkerFixture("tidak-ada"), "admin"); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing satker: %v", err)
	}

	hist, _ := db.History(HistoryFilter{Satker: s.ID})
	fields := []string{}
	for _, c := range hist {
		fields = append(fields, c.Field+":"+c.Old+"→"+c.New)
	}
	want := []string{"satker.target:WBK→WBBM", "satker.head:Kepala→Kepala Baru", "satker:→" + s.Name}
	if fmt.Sprint(fields) != fmt.Sprint(want) {
		t.Errorf("history %q; want %q (newest first)", fields, want)
	}

	all, _ := db.Satkers()
	if len(all) != 1 || all[0].ID != s.ID {
		t.Errorf("Satkers = %+v", all)
	}

	in := testInstrument(t)
	e := seed(t, db, s.ID, model.StagePMPZI, in)
	q := in.Questions()[0]
	db.SetAnswer(e.ID, q.ID, q.Best(), "admin")
	if err := db.DeleteSatker(s.ID, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Satker(s.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if _, err := db.Evaluation(e.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("evaluation after satker delete: %v", err)
	}
	if sums, _ := db.SatkerSummaries(); len(sums) != 0 {
		t.Errorf("summaries after delete: %+v", sums)
	}
	hist, _ = db.History(HistoryFilter{Satker: s.ID, Limit: 1})
	if len(hist) != 1 || hist[0].Field != "satker" || hist[0].Old != s.Name || hist[0].New != "" {
		t.Errorf("deletion not in history: %+v", hist)
	}
	if h, _ := db.History(HistoryFilter{Evaluation: e.ID, Question: q.ID}); len(h) != 1 {
		t.Errorf("the deleted answer's history is gone: %+v", h)
	}
	if err := db.DeleteSatker(s.ID, "admin"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	mustCheckClean(t, db)
	_ = path
}

func TestSatkerSummaries(t *testing.T) {
	db, _ := testDB(t)
	in := testInstrument(t)
	if _, err := db.CreateSatker(satkerFixture("kk-kosong"), "admin"); err != nil {
		t.Fatal(err)
	}
	pm := seed(t, db, "kk-a", model.StagePMPZI, in)
	tpi := seed(t, db, "kk-a", model.StageTPI, in)
	for i, q := range in.Questions() {
		db.SetAnswer(pm.ID, q.ID, q.Best(), "satker")
		if i%2 == 0 {
			db.SetAnswer(tpi.ID, q.ID, q.Worst(), "tpi")
		}
	}
	sums, err := db.SatkerSummaries()
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 || sums[0].Satker.ID != "kk-a" || sums[1].Satker.ID != "kk-kosong" {
		t.Fatalf("summaries: %+v", sums)
	}
	if sums[1].Latest != nil || len(sums[1].Evaluations) != 0 {
		t.Errorf("satker without evaluations: %+v", sums[1])
	}
	a := sums[0]
	sk, _ := db.Satker("kk-a")
	if a.Satker != sk {
		t.Errorf("summary satker %+v; want %+v", a.Satker, sk)
	}
	if len(a.Evaluations) != 2 || a.Evaluations[0].Stage != model.StagePMPZI || a.Latest == nil || a.Latest.ID != tpi.ID {
		t.Fatalf("evaluations %+v latest %+v", a.Evaluations, a.Latest)
	}
	for _, es := range a.Evaluations {
		sc, _, err := db.Scorecard(es.ID)
		if err != nil {
			t.Fatal(err)
		}
		if es.Total != sc.Total || es.Answered != sc.Answered || es.Questions != sc.Questions || es.Result != sc.Result {
			t.Errorf("%s: summary %v %d/%d %q; scorecard %v %d/%d %q", es.ID, es.Total, es.Answered, es.Questions, es.Result,
				sc.Total, sc.Answered, sc.Questions, sc.Result)
		}
		for _, top := range in.Nodes {
			ns, _ := sc.Node(top.ID)
			if es.AreaScores[top.ID] != ns.Score || es.Verdicts[top.ID] != ns.Verdict {
				t.Errorf("%s %s: summary %v %q; scorecard %v %q", es.ID, top.ID, es.AreaScores[top.ID], es.Verdicts[top.ID], ns.Score, ns.Verdict)
			}
			for _, area := range top.Nodes {
				if _, ok := es.AreaScores[area.ID]; !ok {
					t.Errorf("%s: no score for area %s", es.ID, area.ID)
				}
			}
		}
	}
	if a.Evaluations[0].Total <= a.Evaluations[1].Total {
		t.Errorf("the PMPZI (all best) should score above the TPI (half worst): %v vs %v", a.Evaluations[0].Total, a.Evaluations[1].Total)
	}

	// A new target changes the verdicts in the summaries at once.
	s := sk
	s.Target = model.WBBM
	if _, err := db.UpdateSatker(s, "admin"); err != nil {
		t.Fatal(err)
	}
	sums, _ = db.SatkerSummaries()
	sc, _, _ := db.Scorecard(pm.ID)
	if sc.Target != in.TargetFor(model.WBBM) && sc.Target != model.WBBM {
		t.Errorf("scorecard target %q", sc.Target)
	}
	for id, v := range sums[0].Evaluations[0].Verdicts {
		ns, _ := sc.Node(id)
		if ns.Verdict != v {
			t.Errorf("after target change, %s: summary %q scorecard %q", id, v, ns.Verdict)
		}
	}
	mustCheckClean(t, db)
}

// TestSatkerFirstFollowsNames: the first screenful comes in the list's
// first order — lower-case name, then id — through renames, deletions and
// names that tie, with the count of all.
func TestSatkerFirstFollowsNames(t *testing.T) {
	db, _ := testDB(t)
	for _, s := range []struct{ id, name string }{
		{"kk-c", "kantor b"}, {"kk-a", "Kantor B"}, {"kk-b", "Kantor A"}, {"kk-d", "KUA Z"}, {"kk-e", "Kantor"},
	} {
		f := satkerFixture(s.id)
		f.Name = s.name
		if _, err := db.CreateSatker(f, "admin"); err != nil {
			t.Fatal(err)
		}
	}
	first := func(n int) string {
		t.Helper()
		list, total, err := db.SatkerFirst(n)
		if err != nil {
			t.Fatal(err)
		}
		out := fmt.Sprint(total, ":")
		for _, s := range list {
			out += " " + s.Satker.ID
		}
		return out
	}
	if got := first(4); got != "5: kk-e kk-b kk-a kk-c" {
		t.Errorf("first 4: %s", got)
	}
	s, _ := db.Satker("kk-d")
	s.Name = "Kantor 0"
	if _, err := db.UpdateSatker(s, "admin"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteSatker("kk-b", "admin"); err != nil {
		t.Fatal(err)
	}
	if got := first(10); got != "4: kk-e kk-d kk-a kk-c" {
		t.Errorf("after a rename and a deletion: %s", got)
	}
	mustCheckClean(t, db)
	// A name missing from the order is a problem Check names.
	if err := db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketNames).Delete(nameKey(satkerRec{ID: "kk-a", Name: "Kantor B"}))
	}); err != nil {
		t.Fatal(err)
	}
	if ps := db.Check(); len(ps) != 1 || ps[0].Where != "urutan nama" {
		t.Errorf("Check after losing a name: %v", ps)
	}
}
