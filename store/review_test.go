package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// One evaluation through the whole chain, the file reopened after every
// step: levels answer in their own columns, a reviewer's change needs a
// reason, steps back need one, the final evaluation is locked until it is
// reopened, and the history holds every step with who and why.
func TestReviewChain(t *testing.T) {
	db, path, in, e := seeded(t, "kk-a", model.StageTPI)
	reopen := func() {
		t.Helper()
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		var err error
		if db, err = Open(path, Options{Now: clock()}); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { db.Close() })
	team := model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}, {Name: "pri", Level: model.Pengendali}}
	if _, err := db.SetTeam(e.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	qs := in.Questions()
	q0, q1 := qs[0], qs[1]
	low, high := validValue(q0, 1), q0.Best()
	if low == high {
		t.Fatalf("question %s has one answer", q0.ID)
	}
	mustDo := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		reopen()
	}
	refused := func(what string, err error, says string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), says) {
			t.Fatalf("%s: %v; want a refusal saying %q", what, err, says)
		}
	}

	// People act through an evaluator's view: the owner of the file is an admin.
	ev := func() *DB { return db.As(RoleEvaluator) }
	_, err := ev().SetAnswer(e.ID, q0.ID, low, "ani")
	mustDo("anggota answers", err)
	_, err = ev().SetAnswer(e.ID, q1.ID, q1.Best(), "kus")
	refused("ketua answers a draft", err, "kus adalah ketua; pada status draft giliran anggota")
	_, err = ev().Act(e.ID, model.ActSubmit, "", "ani")
	mustDo("anggota submits", err)
	_, err = ev().SetAnswer(e.ID, q0.ID, high, "kus")
	refused("ketua changes without a reason", err, "alasan wajib")
	_, err = ev().SetAnswerNoting(e.ID, q0.ID, high, "eviden SK lengkap", "kus")
	mustDo("ketua changes with a reason", err)
	_, err = ev().Act(e.ID, model.ActReturn, "", "kus")
	refused("return without reason", err, "alasan wajib diisi")
	_, err = ev().Act(e.ID, model.ActReturn, "lengkapi q1", "kus")
	mustDo("ketua returns", err)
	_, err = ev().SetAnswer(e.ID, q1.ID, q1.Best(), "ani")
	mustDo("anggota fixes", err)
	_, err = ev().Act(e.ID, model.ActSubmit, "", "ani")
	mustDo("anggota submits again", err)
	_, err = ev().Act(e.ID, model.ActApprove, "", "kus")
	mustDo("ketua passes it on", err)
	_, err = ev().Act(e.ID, model.ActApprove, "", "pri")
	mustDo("pengendali signs off", err)
	_, err = ev().SetNote(e.ID, q0.ID, "terlambat", "pri")
	refused("edit after sign-off", err, "sudah final dan terkunci")
	_, err = ev().Act(e.ID, model.ActReopen, "salah ketik", "kus")
	refused("ketua reopens", err, "hanya pengendali teknis")
	_, err = ev().Act(e.ID, model.ActReopen, "salah ketik", "pri")
	mustDo("pengendali reopens", err)

	ws, err := db.Worksheet(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Evaluation.Status != model.Reviewed {
		t.Errorf("status after reopening %s", ws.Evaluation.Status)
	}
	lv := ws.Levels[q0.ID]
	if lv[model.Anggota].Value != low || lv[model.Ketua].Value != high || lv[model.Ketua].Note != "eviden SK lengkap" || lv[model.Ketua].By != "kus" {
		t.Errorf("levels of %s: %+v", q0.ID, lv)
	}
	if a := ws.Answers[q0.ID]; a.Value != high || a.Level != model.Ketua {
		t.Errorf("the answer that counts: %+v", a)
	}
	cards, _, err := db.LevelScorecards(e.ID)
	if err != nil || len(cards) != 2 || cards[model.Ketua].Total <= cards[model.Anggota].Total {
		t.Errorf("scorecards per level: %v %v", cards, err)
	}
	sc, _, _ := db.Scorecard(e.ID)
	if sc.Total != cards[model.Ketua].Total {
		t.Errorf("the scorecard (%v) is not the highest level's (%v)", sc.Total, cards[model.Ketua].Total)
	}

	var steps []string
	h, _ := db.History(HistoryFilter{Evaluation: e.ID})
	for i := len(h) - 1; i >= 0; i-- {
		c := h[i]
		if c.Field == fieldStatus {
			steps = append(steps, c.By+":"+c.Old+">"+c.New+":"+c.Reason)
		}
	}
	want := "ani:draft>diajukan: kus:diajukan>draft:lengkapi q1 ani:draft>diajukan: kus:diajukan>direviu: pri:direviu>final: pri:final>direviu:salah ketik"
	if got := strings.Join(steps, " "); got != want {
		t.Errorf("status history\n got %s\nwant %s", got, want)
	}
	for _, c := range h {
		if c.Question == q0.ID && c.By == "kus" && c.Level != model.Ketua {
			t.Errorf("the ketua's change is filed at level %v", c.Level)
		}
	}
	mustCheckClean(t, db)

	// Undo is per level: the pengendali has nothing to undo yet.
	if _, err := db.As(RoleEvaluator).Undo(e.ID, "pri"); !errors.Is(err, ErrNotFound) {
		t.Errorf("pengendali's undo: %v", err)
	}

	// The levels travel in the bundle and come back the same.
	data := exportJSON(t, db, "kk-a")
	if !strings.Contains(string(data), `"level":"ketua"`) || !strings.Contains(string(data), `"team":[{"name":"ani","level":"anggota"}`) {
		t.Errorf("bundle lacks levels or team")
	}
	other, _ := testDB(t)
	if _, err := other.Import("bundel", data, "penguji"); err != nil {
		t.Fatal(err)
	}
	ws2, err := other.Worksheet(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ws2.Levels[q0.ID][model.Ketua].Value != high || len(ws2.Evaluation.Team) != 3 || ws2.Evaluation.Status != model.Reviewed {
		t.Errorf("after import: %+v %+v", ws2.Levels[q0.ID], ws2.Evaluation)
	}
	mustCheckClean(t, other)
}

// A round started from the last one carries its answers until a level
// confirms or changes them; the queue shows whose turn it is.
func TestCarriedAndQueue(t *testing.T) {
	db, _, in, last := seeded(t, "kk-a", model.StageTPI)
	q := in.Questions()[0]
	mustAnswer(t, db, last.ID, q.ID, q.Best(), "ani")
	team := model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	next, n, err := db.CreateEvaluationFrom(model.Evaluation{SatkerID: "kk-a", Year: 2027, Stage: model.StageTPI, Team: team}, in, last.ID, "admin")
	if err != nil || n != 1 || next.From != last.ID {
		t.Fatalf("new round: %+v %d %v", next, n, err)
	}
	ws, _ := db.Worksheet(next.ID)
	if a := ws.Answers[q.ID]; !a.Carried || ws.PreviousRound == nil || ws.PreviousRound.ID != last.ID || ws.Previous[q.ID].Value != q.Best() {
		t.Fatalf("carried answer %+v, previous %v", a, ws.PreviousRound)
	}
	if _, err := db.SetAnswer(next.ID, q.ID, q.Best(), "ani"); err != nil {
		t.Fatalf("confirming: %v", err)
	}
	ws, _ = db.Worksheet(next.ID)
	if ws.Answers[q.ID].Carried {
		t.Error("still carried after the anggota confirmed it")
	}
	mustUndo(t, db, next.ID, "ani")
	if ws, _ = db.Worksheet(next.ID); !ws.Answers[q.ID].Carried {
		t.Error("undo of the confirmation did not bring the mark back")
	}
	for who, want := range map[string]int{"ani": 1, "kus": 0, "orang": 0} {
		if items, err := db.Queue(who); err != nil || len(items) != want {
			t.Errorf("queue of %s: %+v %v; want %d", who, items, err, want)
		}
	}
	if _, err := db.Act(next.ID, model.ActSubmit, "", "ani"); err != nil {
		t.Fatal(err)
	}
	if items, _ := db.Queue("kus"); len(items) != 1 || items[0].Level != model.Ketua || items[0].Evaluation.ID != next.ID {
		t.Errorf("ketua's queue after submit: %+v", items)
	}
	mustCheckClean(t, db)
}

// An answers file carries no notes: a reviewer's file that changes a
// lower level's value is refused, line by line, and nothing is applied.
func TestAnswersFileNeedsReasons(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StageTPI)
	ev := db.As(RoleEvaluator)
	q := in.Questions()[0]
	if _, err := db.SetTeam(e.ID, model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}, "admin"); err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, ev, e.ID, q.ID, validValue(q, 1), "ani")
	if _, err := ev.Act(e.ID, model.ActSubmit, "", "ani"); err != nil {
		t.Fatal(err)
	}
	before := dumpDB(t, db)
	file := `{"instrument": "` + in.ID + `", "answers": {"` + q.ID + `": "` + q.Best().Choice + `"}}`
	_, err := ev.ImportAnswers("ketua.json", []byte(file), "kk-a", model.StageTPI, 2026, "kus")
	if err == nil || !strings.Contains(err.Error(), "ketua.json:1") || !strings.Contains(err.Error(), "alasan wajib") {
		t.Fatalf("import without reasons: %v", err)
	}
	if dumpDB(t, db) != before {
		t.Error("a refused answers file changed the database")
	}
}

// On a server a team names the people of its users file.
func TestTeamNamesKnownPeople(t *testing.T) {
	db, _ := testDB(t)
	e := seed(t, db, "kk-a", model.StageTPI, testInstrument(t))
	db.SetPeople(map[string]Role{"Ani": RoleEvaluator, "kus": RoleAdmin})
	if _, err := db.SetTeam(e.ID, model.Team{{Name: "ani", Level: model.Anggota}, {Name: "tamu", Level: model.Ketua}}, "admin"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `"tamu": bukan pengguna server`) {
		t.Errorf("a stranger in the team: %v", err)
	}
	if _, err := db.SetTeam(e.ID, model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}, "admin"); err != nil {
		t.Errorf("known people: %v", err)
	}
	db.SetPeople(nil)
	if _, err := db.SetTeam(e.ID, model.Team{{Name: "tamu", Level: model.Ketua}}, "admin"); err != nil {
		t.Errorf("a laptop takes any name: %v", err)
	}
}

// A viewer of the users file cannot be put on a team, neither by setting
// the team nor with a new evaluation: the chain would wait at her turn,
// every step of hers refused.
func TestTeamRefusesAViewer(t *testing.T) {
	db, _ := testDB(t)
	in := testInstrument(t)
	e := seed(t, db, "kk-a", model.StageTPI, in)
	db.SetPeople(map[string]Role{"budi": RoleEvaluator, "sari": RoleViewer, "rahmat": RoleAdmin})
	team := model.Team{{Name: "budi", Level: model.Anggota}, {Name: "Sari", Level: model.Ketua}, {Name: "rahmat", Level: model.Pengendali}}
	const says = `tim "Sari": berperan viewer`
	before := dumpDB(t, db)
	if _, err := db.SetTeam(e.ID, team, "budi"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), says) {
		t.Errorf("a viewer as ketua: %v; want refused with %q", err, says)
	}
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2026, Stage: model.StagePMPZI, Team: team}, in, "budi"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), says) {
		t.Errorf("a new evaluation with a viewer on its team: %v; want refused with %q", err, says)
	}
	if dumpDB(t, db) != before {
		t.Error("a refused team changed the database")
	}
	if _, err := db.SetTeam(e.ID, team[:1:1], "budi"); err != nil {
		t.Errorf("an evaluator alone: %v", err)
	}
}

// The queue's evaluations come with their last status step: who sent one
// back, and why, also after edits that followed it.
func TestLastSteps(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StageTPI)
	q := in.Questions()[0]
	if _, err := db.SetTeam(e.ID, model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}, "admin"); err != nil {
		t.Fatal(err)
	}
	if steps, err := db.LastSteps([]string{e.ID}); err != nil || len(steps) != 0 {
		t.Fatalf("before any step: %+v %v", steps, err)
	}
	if _, err := db.Act(e.ID, model.ActSubmit, "", "ani"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(e.ID, model.ActReturn, "Lengkapi area MP", "kus"); err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, db, e.ID, q.ID, q.Best(), "ani")
	steps, err := db.LastSteps([]string{e.ID, "kk-a/2020/TPI"})
	if c, ok := steps[e.ID]; err != nil || !ok || c.By != "kus" || c.Reason != "Lengkapi area MP" || c.New != string(model.Draft) {
		t.Fatalf("last step: %+v %v", steps, err)
	}
	if _, ok := steps["kk-a/2020/TPI"]; ok || len(steps) != 1 {
		t.Errorf("an evaluation that is not there has a step: %+v", steps)
	}
}

// A ketua who imports the workbook the evaluation was exported to, her
// level still empty, repeats the anggota's answers: nothing is copied to
// her level under her name. A value of her own is her answer, and asks
// for its reason as in the walk.
func TestReviewerImportOfTheSameAnswersCopiesNothing(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StageTPI)
	if _, err := db.SetTeam(e.ID, model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}, "admin"); err != nil {
		t.Fatal(err)
	}
	qs := in.Questions()
	mustAnswer(t, db, e.ID, qs[0].ID, validValue(qs[0], 0), "ani")
	mustAnswer(t, db, e.ID, qs[1].ID, validValue(qs[1], 1), "ani")
	if _, err := db.Act(e.ID, model.ActSubmit, "", "ani"); err != nil {
		t.Fatal(err)
	}
	same := fmt.Sprintf(`{"answers": {%q: %s, %q: %s}}`, qs[0].ID, encode(validValue(qs[0], 0)), qs[1].ID, encode(validValue(qs[1], 1)))
	stats, err := db.ImportAnswers("lke.json", []byte(same), "kk-a", model.StageTPI, e.Year, "kus")
	if err != nil || stats.Changed() || stats.Answers.Unchanged != 2 {
		t.Fatalf("the same answers, imported by the ketua: %+v %v", stats, err)
	}
	w, err := db.Worksheet(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs[:2] {
		if a, ok := w.Levels[q.ID][model.Ketua]; ok && !a.Value.IsZero() {
			t.Errorf("%s: copied to the ketua's level: %+v", q.ID, a)
		}
	}
	other := fmt.Sprintf(`{"answers": {%q: %s}}`, qs[0].ID, encode(validValue(qs[0], 7)))
	if validValue(qs[0], 7) == validValue(qs[0], 0) {
		t.Skip("the first question has one valid value")
	}
	if _, err := db.ImportAnswers("lke.json", []byte(other), "kk-a", model.StageTPI, e.Year, "kus"); err == nil || !strings.Contains(err.Error(), "alasan wajib") {
		t.Errorf("a value of the ketua's own without a reason: %v", err)
	}
}
