package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestEvaluationLifecycle(t *testing.T) {
	db, _ := testDB(t)
	in := testInstrument(t)
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: "tidak-ada", Year: 2026, Stage: model.StagePMPZI}, in, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("evaluation of a missing satker: %v", err)
	}
	e := seed(t, db, "kk-a", model.StagePMPZI, in)
	if e.ID != "kk-a/2026/PMPZI" || e.Status != model.Draft || e.InstrumentID != in.ID || e.InstrumentHash != in.Hash || e.Created.IsZero() {
		t.Errorf("created %+v", e)
	}
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2026, Stage: model.StagePMPZI}, in, "x"); !errors.Is(err, ErrExists) {
		t.Errorf("duplicate round: %v; want ErrExists", err)
	}
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 1999, Stage: model.StageTPI}, in, "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("year 1999: %v; want ErrInvalid", err)
	}
	other := miniInstrument(t)
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2026, Stage: model.StageTPI, InstrumentID: "lain"}, other, "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("instrument id that disagrees: %v; want ErrInvalid", err)
	}
	got, err := db.Evaluation(e.ID)
	if err != nil || got.ID != e.ID || !got.Created.Equal(e.Created) {
		t.Fatalf("Evaluation = %+v, %v", got, err)
	}
	// A nil instrument is the stored one the hash names.
	tpi, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2026, Stage: model.StageTPI,
		InstrumentHash: in.Hash, Evaluators: []string{" Rahmat ", "", "Nur"}}, nil, "tpi")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(tpi.Evaluators, ",") != "Rahmat,Nur" {
		t.Errorf("evaluators %q", tpi.Evaluators)
	}
	// An evaluation with another instrument keeps its own.
	old, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2025, Stage: model.StagePMPZI}, other, "x")
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.Evaluations("kk-a")
	if err != nil || len(list) != 3 || list[0].ID != old.ID || list[1].ID != e.ID || list[2].ID != tpi.ID {
		t.Fatalf("Evaluations = %+v, %v", list, err)
	}
	if _, err := db.Evaluations("tidak-ada"); !errors.Is(err, ErrNotFound) {
		t.Errorf("evaluations of a missing satker: %v", err)
	}
	stored, err := db.Instrument(old.InstrumentHash)
	if err != nil || stored.ID != other.ID || stored.Hash != other.Hash {
		t.Fatalf("Instrument = %v, %v", stored, err)
	}
	if _, err := db.Instrument("0000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing instrument: %v", err)
	}

	// Alone (no team), one evaluator takes every step.
	for _, act := range []model.Action{model.ActSubmit, model.ActApprove, model.ActApprove} {
		if _, err := db.Act(e.ID, act, "", "x"); err != nil {
			t.Fatalf("%s: %v", act, err)
		}
	}
	q := in.Questions()[0]
	if _, err := db.SetAnswer(e.ID, q.ID, q.Best(), "x"); !errors.Is(err, ErrForbidden) || !strings.Contains(err.Error(), "final") {
		t.Errorf("answer on a final evaluation: %v", err)
	}
	if _, err := db.Act(e.ID, model.ActReopen, " ", "x"); !errors.Is(err, ErrForbidden) || !strings.Contains(err.Error(), "alasan") {
		t.Errorf("reopen without a reason: %v", err)
	}
	if _, err := db.Act(e.ID, model.ActReopen, "salah hitung", "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetAnswer(e.ID, q.ID, q.Best(), "x"); err != nil {
		t.Errorf("answer on a reopened evaluation: %v", err)
	}
	sums, _ := db.SatkerSummaries()
	if sums[0].Evaluations[1].Status != model.Reviewed || sums[0].Evaluations[1].Answered != 1 {
		t.Errorf("summary after status changes: %+v", sums[0].Evaluations[1])
	}
	if h, _ := db.History(HistoryFilter{Evaluation: e.ID}); len(h) < 3 || h[1].Field != "status" || h[1].New != "direviu" || h[1].Reason != "salah hitung" {
		t.Errorf("status changes not in history: %+v", h)
	}

	if err := db.DeleteEvaluation(e.ID, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Evaluation(e.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if as, err := db.Answers(e.ID); !errors.Is(err, ErrNotFound) || as != nil {
		t.Errorf("answers after delete: %v %v", as, err)
	}
	if err := db.DeleteEvaluation(e.ID, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	sums, _ = db.SatkerSummaries()
	if len(sums[0].Evaluations) != 2 {
		t.Errorf("summary after deleting an evaluation: %+v", sums[0].Evaluations)
	}
	mustCheckClean(t, db)
}

func TestCopyAnswers(t *testing.T) {
	db, _, in, pm := seeded(t, "kk-a", model.StagePMPZI)
	tpi := seed(t, db, "kk-a", model.StageTPI, in)
	qs := in.Questions()
	for i, q := range qs[:6] {
		db.SetAnswer(pm.ID, q.ID, validValue(q, i), "satker")
	}
	db.SetNote(pm.ID, qs[0].ID, "catatan satker", "satker")
	db.SetEvidence(pm.ID, qs[0].ID, []model.Evidence{{Title: "SK Tim", Location: "eviden/sk.pdf", Checked: true}}, "satker")
	db.SetAnswer(pm.ID, qs[7].ID, model.Value{}, "satker")      // nothing to copy
	db.SetAnswer(tpi.ID, qs[1].ID, validValue(qs[1], 3), "tpi") // already answered: kept

	n, err := db.CopyAnswers(pm.ID, tpi.ID, "tpi")
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("copied %d; want 5 (six answered, one already there)", n)
	}
	got, _ := db.Answers(tpi.ID)
	src, _ := db.Answers(pm.ID)
	if got[qs[1].ID].Value != validValue(qs[1], 3) {
		t.Errorf("an answer the TPI had was overwritten")
	}
	a := got[qs[0].ID]
	if a.Value != src[qs[0].ID].Value || a.Note != "" || len(a.Evidence) != 1 || a.Evidence[0].Checked || a.By != "tpi" {
		t.Errorf("copied answer %+v", a)
	}
	if n, err := db.CopyAnswers(pm.ID, tpi.ID, "tpi"); err != nil || n != 0 {
		t.Errorf("second copy: %d, %v", n, err)
	}
	if _, err := db.CopyAnswers("tidak/2026/PMPZI", tpi.ID, "tpi"); !errors.Is(err, ErrNotFound) {
		t.Errorf("copy from a missing evaluation: %v", err)
	}

	// Only what the target's instrument takes is copied.
	mini := miniInstrument(t)
	other, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2026, Stage: model.StageTPN}, mini, "x")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.CopyAnswers(pm.ID, other.ID, "x"); err != nil || (in.ID != mini.ID && n != 0) {
		t.Errorf("copy across instruments: %d, %v", n, err)
	}
	mustCheckClean(t, db)
}
