package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestDemoNamedSet(t *testing.T) {
	db := demoDB(t, 0)
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
	if mg := byID["kankemenag-magelang"]; len(mg.Evaluations) != 5 || mg.Latest.Year != fixedNow.Year() ||
		mg.Evaluations[0].Year != fixedNow.Year()-2 || mg.Evaluations[0].Status != model.Final {
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
	db := demoDB(t, 30)
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
	// A third were evaluated last year; every TPI has a team and a
	// history the review chain allows.
	earlier, tpis := 0, map[model.Status]int{}
	for _, s := range sums {
		if s.Evaluations[0].Year < fixedNow.Year() {
			earlier++
		}
		for _, es := range s.Evaluations {
			e, err := db.Evaluation(es.ID)
			if err != nil {
				t.Fatal(err)
			}
			if (e.Stage == model.StageTPI) != (len(e.Team) > 0) {
				t.Errorf("%s: team %q", e.ID, e.Team)
			}
			if e.Stage == model.StageTPI && e.Year == fixedNow.Year() {
				tpis[e.Status]++
			}
			replayReview(t, db, e)
		}
	}
	t.Logf("%d of 35 evaluated last year; this year's TPIs: %v", earlier, tpis)
	if earlier < 6 || earlier > 20 {
		t.Errorf("%d of 35 satkers evaluated last year; want about a third", earlier)
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
		if strings.Contains(r.Text, "Langkah menuju") || strings.Contains(r.Text, "belum memenuhi syarat") {
			drafted++ // model.Drafts' wording: a step of the path, or a failing area's
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
		in, err := db.Instrument(e.InstrumentHash)
		if err != nil {
			t.Fatal(err)
		}
		// Written as an evaluator writes: no question id in the text, the
		// link is the node.
		if _, ok := in.Question(r.Node); !ok {
			t.Errorf("%s: linked to %q, not a question", r.ID, r.Node)
		}
		for _, q := range in.Questions() {
			if strings.Contains(r.Text, q.ID+" ") || strings.Contains(r.Text, q.ID+":") {
				t.Errorf("%s: the text names %s:\n%s", r.ID, q.ID, r.Text)
				break
			}
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
	sentBack := false
	for _, d := range demoSatkers {
		hist, err := db.History(HistoryFilter{Satker: d.id})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range hist {
			if i > 0 && c.At.After(hist[i-1].At) {
				t.Errorf("%s: history out of time order: #%d %v %s %s after #%d %v", d.id, c.Seq, c.At, c.Field, c.Question, hist[i-1].Seq, hist[i-1].At)
				break
			}
			if c.At.After(fixedNow) {
				t.Errorf("%s: history #%d at %v, after now", d.id, c.Seq, c.At)
				break
			}
			sentBack = sentBack || d.id == "kankemenag-magelang" && c.Field == fieldRekStatus && c.Old == string(model.RekSelesai) && strings.HasPrefix(c.New, "dikerjakan: ")
		}
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

// TestDemoReviewWorld: the named demo shows the review chain — teams on
// every TPI, evaluations in every status, one return and one reopening
// with their reasons, the ketua's and the pengendali's corrections with
// theirs, rounds started from last year's with answers still carried —
// and every step in its history is one the store itself would have
// allowed, at the level it allows it.
func TestDemoReviewWorld(t *testing.T) {
	db := demoDB(t, 0)
	mustCheckClean(t, db)
	sums, err := db.SatkerSummaries()
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[model.Status][]string{}
	var returns, reopenings []model.Change
	ketuaNotes, pengendaliNotes, carried, started := 0, 0, 0, 0
	for _, s := range sums {
		for _, es := range s.Evaluations {
			e, err := db.Evaluation(es.ID)
			if err != nil {
				t.Fatal(err)
			}
			statuses[e.Status] = append(statuses[e.Status], e.ID)
			teamed := e.Stage == model.StageTPI || e.Stage == model.StageTPILapangan
			if teamed != (len(e.Team) > 0) {
				t.Errorf("%s: team %q", e.ID, e.Team)
			}
			if teamed && (len(e.Team.Names(model.Ketua)) != 1 || len(e.Team.Names(model.Pengendali)) != 1 || len(e.Team.Names(model.Anggota)) == 0) {
				t.Errorf("%s: team %q; want anggota, one ketua, one pengendali", e.ID, e.Team)
			}
			if e.From != "" {
				started++
				from, err := db.Evaluation(e.From)
				if err != nil || from.SatkerID != e.SatkerID || from.Year >= e.Year || from.Stage != model.StageTPI || from.Status != model.Final {
					t.Errorf("%s starts from %s: %+v (%v)", e.ID, e.From, from, err)
				}
			}
			w, err := db.Worksheet(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			for qid, byLevel := range w.Levels {
				for l, a := range byLevel {
					if a.Carried {
						carried++
						if e.From == "" || l != model.Anggota {
							t.Errorf("%s %s: carried at %s, from %q", e.ID, qid, l, e.From)
						}
					}
					if l > model.Anggota && a.Note != "" {
						if l == model.Ketua {
							ketuaNotes++
						} else {
							pengendaliNotes++
						}
					}
					if l > model.Anggota && len(e.Team) > 0 && e.Team.LevelOf(a.By) != l {
						t.Errorf("%s %s: the %s's answer is by %s", e.ID, qid, l, a.By)
					}
					below := maps.Clone(byLevel)
					delete(below, l)
					if _, need := model.NeedsReason(below, l, a.Value); need && a.Note == "" {
						t.Errorf("%s %s: the %s changed the answer below without a reason", e.ID, qid, l)
					}
				}
				if eff, _ := model.Effective(byLevel); w.Answers[qid].Value != eff.Value {
					t.Errorf("%s %s: counts %v; the highest level says %v", e.ID, qid, w.Answers[qid].Value, eff.Value)
				}
			}
			r, tr := replayReview(t, db, e)
			returns, reopenings = append(returns, r...), append(reopenings, tr...)
		}
	}
	for _, st := range model.Statuses {
		t.Logf("%s: %v", st, statuses[st])
		if len(statuses[st]) == 0 {
			t.Errorf("no evaluation is %s", st)
		}
	}
	t.Logf("%d ketua's and %d pengendali's corrections, %d carried answers, %d rounds started from another", ketuaNotes, pengendaliNotes, carried, started)
	if len(reopenings) != 1 || reopenings[0].Evaluation != "kankemenag-sinjai/2026/TPI" {
		t.Errorf("reopenings: %+v; want Sinjai's TPI, once", reopenings)
	}
	if len(returns) == 0 {
		t.Error("no evaluation was returned")
	}
	if ketuaNotes < 15 || pengendaliNotes < 5 || carried < 20 || started < 8 {
		t.Error("too little of the review to show")
	}
	for _, name := range []string{"tpi.yusuf", "tpi.bambang", "tpi.fajar"} {
		q, err := db.Queue(name)
		if err != nil || len(q) == 0 {
			t.Errorf("%s's queue: %v, %v", name, q, err)
		}
		for _, it := range q {
			t.Logf("%s waits on %s (%s)", it.Evaluation.ID, name, it.Level)
		}
	}

	// Year on year, this round against last year's: every named satker
	// evaluated before shows a change, and a TPI shows progress.
	d, err := db.Dashboard(model.RoundPick{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Rows {
		t.Logf("%-32s %s %-6s %6.2f (%d) %+6.2f", r.Satker.ID, r.Eval, r.Stage, r.Total, r.Delta.PrevYear, r.Delta.Points)
		if r.Eval == "" || r.Satker.ID == "kua-tombatu" {
			continue
		}
		if r.Delta.Prev == "" || r.Delta.PrevYear != fixedNow.Year()-1 || r.Delta.Points == 0 {
			t.Errorf("%s: no change from last year: %+v", r.Satker.ID, r.Delta)
		}
		if r.Stage == model.StageTPI && r.Delta.Trend != model.Up {
			t.Errorf("%s: the TPI shows no progress: %+v", r.Satker.ID, r.Delta)
		}
	}
}

// replayReview walks an evaluation's history from the start and checks
// every status step and every answer change with model.Decide, as the
// store would have at the time: allowed, to the status written, at the
// level written. It returns the returns and the reopenings.
func replayReview(t *testing.T, db *DB, e model.Evaluation) (returns, reopenings []model.Change) {
	t.Helper()
	hist, err := db.History(HistoryFilter{Evaluation: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(hist)
	st := model.Draft
	for _, c := range hist {
		who := model.Actor{Name: c.By}
		switch {
		case c.Field == fieldStatus:
			var act model.Action
			switch {
			case c.Old == string(model.Final):
				act = model.ActReopen
				reopenings = append(reopenings, c)
			case slices.Index(model.Statuses, model.Status(c.New)) < slices.Index(model.Statuses, model.Status(c.Old)):
				act = model.ActReturn
				returns = append(returns, c)
			case c.Old == string(model.Draft):
				act = model.ActSubmit
			default:
				act = model.ActApprove
			}
			step, err := model.Decide(e.Team, st, who, act, c.Reason)
			if err != nil || c.Old != string(st) || string(step.To) != c.New || storedLevel(step.Level) != c.Level {
				t.Errorf("%s #%d: %s %s→%s by %s (level %d, %q): %v, %+v", e.ID, c.Seq, act, c.Old, c.New, c.By, c.Level, c.Reason, err, step)
			}
			if (act == model.ActReturn || act == model.ActReopen) && c.Reason == "" {
				t.Errorf("%s #%d: %s without a reason", e.ID, c.Seq, act)
			}
			st = model.Status(c.New)
		case c.Field == fieldValue || c.Field == fieldNote || c.Field == fieldEvidence || c.Field == fieldCarried:
			step, err := model.Decide(e.Team, st, who, model.ActEdit, "")
			if err != nil || storedLevel(step.Level) != c.Level {
				t.Errorf("%s #%d: %s of %s by %s at level %d in %s: %v", e.ID, c.Seq, c.Field, c.Question, c.By, c.Level, st, err)
			}
		}
	}
	if st != e.Status {
		t.Errorf("%s: the history ends %s; the evaluation is %s", e.ID, st, e.Status)
	}
	return returns, reopenings
}
