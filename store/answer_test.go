package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestSetAnswerNoteEvidence(t *testing.T) {
	db, path, in, e := seeded(t, "kk-a", model.StagePMPZI)
	var choice, numeric *model.Question
	for _, q := range in.Questions() {
		if q.Type.IsChoice() && choice == nil {
			choice = q
		}
		if !q.Type.IsChoice() && numeric == nil {
			numeric = q
		}
	}

	a, err := db.SetAnswer(e.ID, choice.ID, model.Letter(choice.Options[0].Key), "evaluator")
	if err != nil {
		t.Fatal(err)
	}
	if a.Question != choice.ID || a.Value.Choice != choice.Options[0].Key || a.By != "evaluator" || a.At.IsZero() {
		t.Errorf("saved %+v", a)
	}
	// Lower case is normalised; what is not accepted is refused with the
	// model's reason.
	lower := model.Value{Choice: "a"}
	if choice.Options[0].Key == "A" {
		if a, err := db.SetAnswer(e.ID, choice.ID, lower, "evaluator"); err != nil || a.Value != model.Letter("A") {
			t.Errorf("lower case: %+v %v", a, err)
		}
	}
	var ae *model.AnswerError
	if _, err := db.SetAnswer(e.ID, choice.ID, model.Letter("Q"), "evaluator"); !errors.Is(err, ErrInvalid) || !errors.As(err, &ae) || ae.Question != choice.ID {
		t.Errorf("invalid letter: %v; want ErrInvalid wrapping *model.AnswerError", err)
	}
	if _, err := db.SetAnswer(e.ID, choice.ID, model.Num(1), "evaluator"); !errors.Is(err, ErrInvalid) {
		t.Errorf("number for a letter question: %v", err)
	}
	if numeric != nil {
		if _, err := db.SetAnswer(e.ID, numeric.ID, model.Num(1e9), "evaluator"); !errors.Is(err, ErrInvalid) {
			t.Errorf("number out of range: %v", err)
		}
		v := validValue(numeric, 3)
		if a, err := db.SetAnswer(e.ID, numeric.ID, v, "evaluator"); err != nil || a.Value != v {
			t.Errorf("numeric answer: %+v %v", a, err)
		}
	}
	if _, err := db.SetAnswer(e.ID, "tidak.ada", model.Letter("A"), "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown question: %v", err)
	}
	if _, err := db.SetAnswer("kk-a/2026/TPN", choice.ID, model.Letter("A"), "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown evaluation: %v", err)
	}

	if a, err := db.SetNote(e.ID, choice.ID, "SK belum ditandatangani", "evaluator"); err != nil || a.Note != "SK belum ditandatangani" || a.Value.IsZero() {
		t.Errorf("note: %+v %v", a, err)
	}
	ev := []model.Evidence{{Title: "SK Tim ZI", Location: "B-123/Kk.11.08/OT.01.2/01/2026"}, {Title: "Foto", Location: "https://example.org/foto.jpg", Checked: true}}
	if a, err := db.SetEvidence(e.ID, choice.ID, ev, "evaluator"); err != nil || fmt.Sprint(a.Evidence) != fmt.Sprint(ev) {
		t.Errorf("evidence: %+v %v", a, err)
	}
	if _, err := db.SetEvidence(e.ID, choice.ID, []model.Evidence{{}}, "evaluator"); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty evidence: %v", err)
	}

	// Saving the same thing again writes nothing.
	before := dumpDB(t, db)
	db.SetAnswer(e.ID, choice.ID, model.Letter(choice.Options[0].Key), "evaluator")
	db.SetNote(e.ID, choice.ID, "SK belum ditandatangani", "evaluator")
	if dumpDB(t, db) != before {
		t.Error("an unchanged save wrote something")
	}

	// Everything is there after reopening the file.
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	as, err := db.Answers(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := as[choice.ID]
	if got.Value != model.Letter(choice.Options[0].Key) || got.Note != "SK belum ditandatangani" || len(got.Evidence) != 2 || !got.Evidence[1].Checked {
		t.Errorf("after reopening: %+v", got)
	}

	// Clearing value, note and evidence removes the record.
	db.SetAnswer(e.ID, choice.ID, model.Value{}, "x")
	db.SetNote(e.ID, choice.ID, "", "x")
	if a, err := db.SetEvidence(e.ID, choice.ID, nil, "x"); err != nil || !a.Value.IsZero() {
		t.Errorf("cleared: %+v %v", a, err)
	}
	if as, _ := db.Answers(e.ID); len(as) != map[bool]int{true: 1, false: 0}[numeric != nil] {
		t.Errorf("answers after clearing: %+v", as)
	}
	mustCheckClean(t, db)
}

func TestHistoryAndUndo(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StagePMPZI)
	qs := in.Questions()
	q1, q2 := qs[0], qs[1]
	v := func(q *model.Question, k int) model.Value {
		return model.Value{Choice: q.Options[k%len(q.Options)].Key}
	}
	if !q1.Type.IsChoice() || !q2.Type.IsChoice() {
		t.Skip("the first two questions are not letter questions")
	}
	db.SetAnswer(e.ID, q1.ID, v(q1, 0), "a")
	db.SetAnswer(e.ID, q1.ID, v(q1, 1), "a")
	db.SetNote(e.ID, q1.ID, "catatan", "a")
	db.SetAnswer(e.ID, q2.ID, v(q2, 0), "b")

	h, err := db.History(HistoryFilter{Evaluation: e.ID, Question: q1.ID})
	if err != nil || len(h) != 3 {
		t.Fatalf("question history %+v %v", h, err)
	}
	if h[0].Field != "note" || h[1].Old != v(q1, 0).String() || h[1].New != v(q1, 1).String() || h[2].Old != "" {
		t.Errorf("question history newest first: %+v", h)
	}
	if h, _ := db.History(HistoryFilter{Satker: "kk-a", Limit: 2}); len(h) != 2 || h[0].Question != q2.ID {
		t.Errorf("satker history with limit: %+v", h)
	}
	if h, _ := db.History(HistoryFilter{Question: q2.ID}); len(h) != 1 || h[0].By != "b" {
		t.Errorf("history by question only: %+v", h)
	}
	all, _ := db.History(HistoryFilter{})
	for i := 1; i < len(all); i++ {
		if all[i].Seq >= all[i-1].Seq {
			t.Fatalf("not newest first: %d then %d", all[i-1].Seq, all[i].Seq)
		}
	}

	undoBy := func(by string) model.Change {
		t.Helper()
		c, err := db.Undo(e.ID, by)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	undo := func() model.Change { t.Helper(); return undoBy("a") }
	answers := func() map[string]model.Answer { as, _ := db.Answers(e.ID); return as }
	// Each person undoes their own: q2 is b's.
	if c := undoBy("b"); c.Question != q2.ID || c.Field != "value" || c.New != "" {
		t.Errorf("first undo %+v", c)
	}
	if _, ok := answers()[q2.ID]; ok {
		t.Error("q2 still answered after undo")
	}
	if c := undo(); c.Field != "note" || c.New != "" {
		t.Errorf("second undo %+v", c)
	}
	if c := undo(); c.Field != "value" || c.New != v(q1, 0).String() {
		t.Errorf("third undo %+v", c)
	}
	if a := answers()[q1.ID]; a.Value != v(q1, 0) || a.Note != "" {
		t.Errorf("after three undos q1 = %+v", a)
	}
	undo()
	if _, err := db.Undo(e.ID, "a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo with nothing left: %v", err)
	}
	if len(answers()) != 0 {
		t.Errorf("after undoing everything: %+v", answers())
	}
	sums, _ := db.SatkerSummaries()
	if sums[0].Latest.Answered != 0 || sums[0].Latest.Total != 0 {
		t.Errorf("summary after undoing everything: %+v", sums[0].Latest)
	}
	// A new edit after undos is undone first.
	db.SetAnswer(e.ID, q2.ID, v(q2, 1), "b")
	if c := undoBy("b"); c.Question != q2.ID {
		t.Errorf("undo after a new edit: %+v", c)
	}
	db.SetEvidence(e.ID, q1.ID, []model.Evidence{{Title: "x", Location: "y"}}, "b")
	if c := undoBy("b"); c.Field != "evidence" {
		t.Errorf("undo of evidence: %+v", c)
	}
	if a, ok := answers()[q1.ID]; ok {
		t.Errorf("evidence undo left %+v", a)
	}
	mustCheckClean(t, db)
}

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
