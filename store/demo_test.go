package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestDemoNamedSet(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(0, fixedNow); err != nil {
		t.Fatal(err)
	}
	sums, err := db.SatkerSummaries()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]SatkerSummary{}
	kinds := map[model.SatkerKind]int{}
	for _, s := range sums {
		byID[s.Satker.ID] = s
		kinds[s.Satker.Kind]++
	}
	for _, name := range []string{"Kantor Kemenag Kabupaten Minahasa Tenggara", "Kantor Kemenag Kabupaten Magelang",
		"Kantor Kemenag Kabupaten Sinjai", "Kanwil Kemenag Provinsi Kalimantan Tengah", "Kanwil Kemenag Provinsi Bengkulu"} {
		found := false
		for _, s := range sums {
			found = found || s.Satker.Name == name
		}
		if !found {
			t.Errorf("demo lacks %s", name)
		}
	}
	if kinds[model.KUA] < 2 || kinds[model.Madrasah] < 2 {
		t.Errorf("demo kinds %v: want KUAs and madrasahs", kinds)
	}
	// Varied progress: complete, partial and empty; some with a TPI whose
	// answers differ from the PMPZI.
	full, partial, none, differing := 0, 0, 0, 0
	for _, s := range sums {
		switch l := s.Latest; {
		case l == nil:
			none++
		case l.Answered == l.Questions:
			full++
		default:
			partial++
		}
		var pm, tpi string
		for _, e := range s.Evaluations {
			if e.Year == fixedNow.Year() && e.Stage == model.StagePMPZI {
				pm = e.ID
			}
			if e.Year == fixedNow.Year() && e.Stage == model.StageTPI {
				tpi = e.ID
			}
		}
		if pm != "" && tpi != "" {
			a, _ := db.Answers(pm)
			b, _ := db.Answers(tpi)
			for q, x := range b {
				if y, ok := a[q]; ok && y.Value != x.Value && x.Note != "" {
					differing++
					break
				}
			}
		}
	}
	if full == 0 || partial < 3 || none == 0 || differing < 3 {
		t.Errorf("progress: %d complete, %d partial, %d without evaluation, %d TPIs differing with notes", full, partial, none, differing)
	}
	results := map[string]int{}
	for _, s := range sums {
		for _, e := range s.Evaluations {
			results[e.Result]++
		}
	}
	t.Logf("demo results by predicate: %v", results)
	if len(results) < 2 {
		t.Errorf("every evaluation has the same result: %v", results)
	}
	if mg := byID["kankemenag-magelang"]; len(mg.Evaluations) != 4 || mg.Latest.Year != fixedNow.Year() || mg.Evaluations[0].Status != model.Final {
		t.Errorf("Magelang's rounds: %+v", mg.Evaluations)
	}
	if h, _ := db.History(HistoryFilter{Satker: "kankemenag-sinjai"}); len(h) < 100 {
		t.Errorf("Sinjai's history has %d entries", len(h))
	}
	checkDemoReks(t, db)
	mustCheckClean(t, db)
	if err := db.Demo(0, fixedNow); !errors.Is(err, ErrExists) {
		t.Errorf("second named demo: %v; want ErrExists", err)
	}
}

func TestDemoGenerated(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(30, fixedNow); err != nil {
		t.Fatal(err)
	}
	if err := db.Demo(5, fixedNow); err != nil {
		t.Fatal(err)
	}
	sums, _ := db.SatkerSummaries()
	if len(sums) != 35 || sums[34].Satker.ID != "uji-00035" {
		t.Fatalf("%d satkers, last %s", len(sums), sums[len(sums)-1].Satker.ID)
	}
	// About two recommendations a satker (one to three), every satker
	// some, in several statuses.
	list, err := db.RekomendasiList(RekFilter{})
	if err != nil {
		t.Fatal(err)
	}
	perSatker := map[string]int{}
	statuses := map[model.RekStatus]int{}
	for _, r := range list {
		perSatker[r.SatkerID]++
		statuses[r.Status]++
	}
	t.Logf("%d recommendations of 35 satkers: %v", len(list), statuses)
	if len(list) < 50 || len(list) > 90 || len(perSatker) != 35 || len(statuses) < 4 {
		t.Errorf("%d recommendations of %d satkers, statuses %v; want about 70 of all 35, in most statuses", len(list), len(perSatker), statuses)
	}
	for id, n := range perSatker {
		if n > 3 {
			t.Errorf("%s has %d recommendations; the plan gives at most 3", id, n)
		}
	}
	mustCheckClean(t, db)
}

// checkDemoReks checks the named demo's recommendations: the review screen
// and the carry-over have something real to show.
func checkDemoReks(t *testing.T, db *DB) {
	t.Helper()
	list, err := db.RekomendasiList(RekFilter{})
	if err != nil {
		t.Fatal(err)
	}
	planned := 0
	for _, p := range demoRekRounds {
		planned += len(p.outcomes)
	}
	if len(list) != planned || planned < 20 {
		t.Errorf("%d recommendations; the named demo plans %d", len(list), planned)
	}
	if st, err := db.Stats(); err != nil || st.Recommendations != len(list) {
		t.Errorf("Stats counts %d recommendations (%v); the list has %d", st.Recommendations, err, len(list))
	}
	statuses := map[model.RekStatus]int{}
	priorities := map[model.Priority]int{}
	satkers := map[string]bool{}
	overdue, past, future, followedUp, drafted, byHand := 0, 0, 0, 0, 0, 0
	for _, r := range list {
		statuses[r.Status]++
		priorities[r.Priority]++
		satkers[r.SatkerID] = true
		if r.Overdue(fixedNow) {
			overdue++
		}
		if r.Due.Before(model.Date(fixedNow)) {
			past++
		} else {
			future++
		}
		if len(r.FollowUps) > 0 {
			followedUp++
		}
		if strings.Contains(r.Text, "belum memenuhi syarat") {
			drafted++ // model.Drafts' wording
		} else {
			byHand++
		}
		if r.Status == model.RekDitolak && r.Reason == "" {
			t.Errorf("%s: ditolak without a reason", r.ID)
		}
		e, err := db.Evaluation(r.EvaluationID)
		if err != nil {
			t.Fatal(err)
		}
		// Given after the evaluation's last change, due at least a week
		// later, followed up in between; nothing after now.
		if !r.Created.After(e.Updated) || r.Created.After(fixedNow) || r.Updated.Before(r.Created) || r.Updated.After(fixedNow) {
			t.Errorf("%s: given %v, updated %v; its evaluation last changed %v", r.ID, r.Created, r.Updated, e.Updated)
		}
		if r.Due.Before(model.Date(r.Created).AddDate(0, 0, 7)) {
			t.Errorf("%s: due %v, less than a week after %v", r.ID, r.Due, r.Created)
		}
		for _, tl := range r.FollowUps {
			if tl.Date.Before(model.Date(r.Created)) || tl.Date.After(fixedNow) || tl.By == "" || len(tl.Evidence) == 0 {
				t.Errorf("%s: follow-up %+v", r.ID, tl)
			}
		}
		if r.CreatedBy == "" || !strings.HasPrefix(r.CreatedBy, "tpi.") && !strings.HasPrefix(r.CreatedBy, "pendamping.") {
			t.Errorf("%s: given by %q; want an evaluator", r.ID, r.CreatedBy)
		}
	}
	t.Logf("recommendations: %v, %v; %d overdue, %d drafted, %d by hand", statuses, priorities, overdue, drafted, byHand)
	for _, st := range model.RekStatuses {
		if statuses[st] == 0 {
			t.Errorf("no recommendation is %s: %v", st, statuses)
		}
	}
	if len(priorities) != len(model.Priorities) || overdue < 3 || past == 0 || future == 0 || followedUp < 5 ||
		drafted < 5 || byHand < 5 || len(satkers) < 6 {
		t.Errorf("priorities %v, %d overdue, due %d past and %d ahead, %d followed up, %d drafted and %d by hand, %d satkers",
			priorities, overdue, past, future, followedUp, drafted, byHand, len(satkers))
	}

	// Last year's round left open work for this year's to check first.
	open, err := db.OpenRekomendasi("kankemenag-magelang", fixedNow.Year())
	if err != nil {
		t.Fatal(err)
	}
	lastYear := fixedNow.AddDate(-1, 0, 0).Year()
	overdueOpen := 0
	for _, r := range open {
		if !strings.HasPrefix(r.EvaluationID, fmt.Sprintf("kankemenag-magelang/%d/", lastYear)) || !r.IsOpen() {
			t.Errorf("carried over: %s (%s)", r.ID, r.Status)
		}
		if r.Overdue(fixedNow) {
			overdueOpen++
		}
	}
	if len(open) < 2 || overdueOpen < 2 {
		t.Errorf("Magelang carries %d open recommendations over, %d overdue; want at least 2 of each", len(open), overdueOpen)
	}
	// Verified work was checked by the evaluator after the satker's
	// follow-up, and work sent back says why.
	hist, err := db.History(HistoryFilter{Satker: "kankemenag-magelang"})
	if err != nil {
		t.Fatal(err)
	}
	sentBack := false
	for i, c := range hist {
		if i > 0 && c.At.After(hist[i-1].At) {
			t.Errorf("history out of time order: #%d %v %s %s after #%d %v", c.Seq, c.At, c.Field, c.Question, hist[i-1].Seq, hist[i-1].At)
			break
		}
		sentBack = sentBack || c.Field == fieldRekStatus && c.Old == string(model.RekSelesai) && strings.HasPrefix(c.New, "dikerjakan: ")
	}
	if !sentBack {
		t.Error("no recommendation of Magelang's was sent back from selesai with a reason")
	}
}

// TestDemoIsDeterministic: the same now gives the same file contents, so
// a demo is a fixture.
func TestDemoIsDeterministic(t *testing.T) {
	a, _ := testDB(t)
	b, _ := testDB(t)
	for _, db := range []*DB{a, b} {
		if err := db.Demo(0, fixedNow); err != nil {
			t.Fatal(err)
		}
		if err := db.Demo(20, fixedNow); err != nil {
			t.Fatal(err)
		}
	}
	if x, y := dumpDB(t, a), dumpDB(t, b); x != y {
		t.Fatal("two demos with the same now differ")
	}
}
