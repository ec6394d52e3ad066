package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// A value and a note saved together are one action: one history group,
// undone at once; an action saved alone before it stays.
func TestOneActionIsOneUndo(t *testing.T) {
	db, _, in, e := seeded(t, "kk-aksi", model.StagePMPZI)
	q := in.Questions()[0]
	first, second := validValue(q, 0), validValue(q, 1)
	mustAnswer(t, db, e.ID, q.ID, first, "a")
	if _, err := db.SetAnswerNoting(e.ID, q.ID, second, "hitungan", "a"); err != nil {
		t.Fatal(err)
	}
	h, _ := db.History(HistoryFilter{Evaluation: e.ID, Question: q.ID})
	if len(h) != 3 || h[0].Group != h[1].Group || h[1].Group == h[2].Group {
		t.Fatalf("want the value and the note in one group, the first answer in another: %+v", h)
	}
	mustUndo(t, db, e.ID, "a")
	a, _ := db.Answers(e.ID)
	if got := a[q.ID]; got.Value != first || got.Note != "" {
		t.Fatalf("after one undo: %+v; want the first answer without a note", got)
	}
	mustUndo(t, db, e.ID, "a")
	if a, _ := db.Answers(e.ID); len(a) != 0 {
		t.Fatalf("after two undos: %+v; want nothing", a)
	}
	if _, err := db.Undo(e.ID, "a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a third undo: %v; want ErrNotFound", err)
	}
}

// An imported file is one action: every answer and note it changed is one
// history group, undone at once; what was saved before it stays.
func TestImportIsOneUndo(t *testing.T) {
	db, _, in, e := seeded(t, "kk-impor", model.StagePMPZI)
	qs := in.Questions()
	before := validValue(qs[0], 0)
	mustAnswer(t, db, e.ID, qs[0].ID, before, "a")
	file := fmt.Sprintf(`{"answers": {%q: %s, %q: %s, %q: %s}}`, qs[0].ID, encode(validValue(qs[0], 1)),
		qs[1].ID, encode(validValue(qs[1], 0)), qs[2].ID, encode(validValue(qs[2], 1)))
	notes := map[string]string{qs[1].ID: "dari berkas"}
	stats, err := db.ImportAnswersNoting("isi.json", []byte(file), notes, e.SatkerID, e.Stage, e.Year, "a")
	if err != nil || stats.Answers.Updated != 1 || stats.Answers.Added != 2 {
		t.Fatalf("import: %+v %v", stats, err)
	}
	h, _ := db.History(HistoryFilter{Evaluation: e.ID})
	groups := map[uint64]int{}
	for _, c := range h {
		if c.Question != "" {
			groups[c.Group]++
		}
	}
	if len(groups) != 2 {
		t.Fatalf("want the import in one group and the first answer in another: %+v", h)
	}
	mustUndo(t, db, e.ID, "a")
	a, _ := db.Answers(e.ID)
	if len(a) != 1 || a[qs[0].ID].Value != before {
		t.Fatalf("after one undo: %+v; want the answer saved before the import alone", a)
	}
	// The undo is one action too: its entries, on three questions, add
	// one group to the two there were.
	h, _ = db.History(HistoryFilter{Evaluation: e.ID})
	clear(groups)
	for _, c := range h {
		if c.Question != "" {
			groups[c.Group]++
		}
	}
	if len(groups) != 3 {
		t.Fatalf("after the undo of one import: %d groups, want 3 (an answer, the import, its undo): %+v", len(groups), h)
	}
	mustUndo(t, db, e.ID, "a")
	if a, _ := db.Answers(e.ID); len(a) != 0 {
		t.Fatalf("after two undos: %+v; want nothing", a)
	}
}

// Creating an evaluation from another is all or nothing: when the copy
// cannot be made, the new evaluation is not there either.
func TestCreateEvaluationFromIsOneTransaction(t *testing.T) {
	db, _, in, self := seeded(t, "kk-salin", model.StagePMPZI)
	q := in.Questions()[0]
	mustAnswer(t, db, self.ID, q.ID, validValue(q, 0), "a")
	tpi := model.Evaluation{SatkerID: "kk-salin", Year: self.Year, Stage: model.StageTPI}
	if _, _, err := db.CreateEvaluationFrom(tpi, in, "tidak-ada/2026/PMPZI", "a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("from a missing evaluation: %v; want ErrNotFound", err)
	}
	if evs, _ := db.Evaluations("kk-salin"); len(evs) != 1 {
		t.Fatalf("a failed create-and-copy left %d evaluations; want the PMPZI alone", len(evs))
	}
	made, n, err := db.CreateEvaluationFrom(tpi, in, self.ID, "a")
	if err != nil || n != 1 {
		t.Fatalf("create from the PMPZI: %d copied, %v", n, err)
	}
	if a, _ := db.Answers(made.ID); a[q.ID].Value != validValue(q, 0) {
		t.Fatalf("the copy holds %+v", a)
	}
}

// The worksheet is the walk's view of an evaluation: its satker, its
// instrument, its answers and, beside a TPI, the satker's own PMPZI.
func TestWorksheet(t *testing.T) {
	db, _, in, self := seeded(t, "kk-lembar", model.StagePMPZI)
	q := in.Questions()[0]
	mustAnswer(t, db, self.ID, q.ID, validValue(q, 0), "a")
	tpi, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-lembar", Year: self.Year, Stage: model.StageTPI}, in, "a")
	if err != nil {
		t.Fatal(err)
	}
	ws, err := db.Worksheet(tpi.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Satker.ID != "kk-lembar" || ws.Instrument.Hash != in.Hash || len(ws.Answers) != 0 || ws.Self[q.ID].Value != validValue(q, 0) {
		t.Fatalf("worksheet %+v", ws)
	}
	if ws, _ := db.Worksheet(self.ID); ws.Self != nil {
		t.Fatalf("a PMPZI has no self-assessment beside it: %+v", ws.Self)
	}
	if _, err := db.Worksheet("tidak/ada"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a missing evaluation: %v", err)
	}
}

// An action keeps being one action through a bundle: imported into a file
// whose history numbers differ, its entries are one group there, and one
// undo takes it back; importing the bundle again adds nothing.
func TestActionSurvivesImport(t *testing.T) {
	src, _, in, other := seeded(t, "kk-lain", model.StagePMPZI)
	q := in.Questions()[0]
	for i := range 30 { // history numbers the target will not have
		if _, err := src.SetNote(other.ID, q.ID, fmt.Sprint("catatan ", i), "a"); err != nil {
			t.Fatal(err)
		}
	}
	e := seed(t, src, "kk-bawa", model.StagePMPZI, in)
	if _, err := src.SetAnswerNoting(e.ID, q.ID, validValue(q, 0), "hitungan", "a"); err != nil {
		t.Fatal(err)
	}
	b, err := src.Export("kk-bawa")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := b.JSON()
	dst, _ := testDB(t)
	if _, err := dst.Import("bawa.json", data, "b"); err != nil {
		t.Fatal(err)
	}
	if st, err := dst.Import("bawa.json", data, "b"); err != nil || st.Changed() {
		t.Fatalf("a second import changed %+v (%v)", st, err)
	}
	h, _ := dst.History(HistoryFilter{Evaluation: e.ID, Question: q.ID})
	if len(h) != 2 || h[0].Group != h[1].Group || h[1].Seq != h[1].Group {
		t.Fatalf("imported action: %+v; want two entries grouped under the first", h)
	}
	mustUndo(t, dst, e.ID, "a") // the action's own author's undo
	if a, _ := dst.Answers(e.ID); len(a) != 0 {
		t.Fatalf("one undo after import left %+v", a)
	}
}
