package lke

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// A filled official worksheet goes into a satker's evaluation; one with
// errors changes nothing.
func TestImportLKE(t *testing.T) {
	db := demoDB(t)
	src := richestEval(t, db)
	newSatker(t, db, src.SatkerID, "salinan-lke")
	before := bundleOf(t, db)
	rows, want, notes := filledRows()
	bad := append([]lkeRow(nil), rows...)
	bad[4].answer = "Ya ya"
	if _, err := importFile(t, db, "isi.xlsx", officialWorkbook(t, bad), "salinan-lke", "", 2026, ReadLKE); err == nil {
		t.Fatal("a worksheet with an error was imported")
	}
	if !bytes.Equal(before, bundleOf(t, db)) {
		t.Fatal("a refused worksheet changed the database")
	}
	res, err := importFile(t, db, "isi.xlsx", officialWorkbook(t, rows), "salinan-lke", "", 2026, ReadLKE)
	if err != nil {
		t.Fatal(err)
	}
	if res.Answers.Added != len(want) || res.Evaluation != "salinan-lke/2026/PMPZI" {
		t.Errorf("result %+v", res)
	}
	got, _ := db.Answers(res.Evaluation)
	in, _ := model.Builtin("lke-zi-2021")
	byNumber := numbering(in)
	for n, w := range want {
		q := byNumber[strings.ToLower(n)]
		if a := got[q.ID]; a.Value != w || a.Note != notes[n] {
			t.Errorf("%s: %v %q, want %v %q", n, a.Value, a.Note, w, notes[n])
		}
	}
}

// ziwb's own workbook reads back to the answers and notes it was written from.
func TestReadLKEOwnExport(t *testing.T) {
	db := demoDB(t)
	src := richestEval(t, db)
	ws, err := db.Worksheet(src.ID)
	if err != nil {
		t.Fatal(err)
	}
	sc, _, err := db.Scorecard(src.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteWorkbook(&b, ws, sc, nil, nil); err != nil {
		t.Fatal(err)
	}
	f, err := ReadLKE("ekspor.xlsx", b.Bytes(), ws.Instrument)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range f.Entries {
		a := ws.Answers[e.Question]
		if e.Value != a.Value || e.Note != a.Note {
			t.Errorf("%s: %v %q, want %v %q", e.Question, e.Value, e.Note, a.Value, a.Note)
		}
		if e.Answer {
			seen++
		}
	}
	answered := 0
	for _, a := range ws.Answers {
		if !a.Value.IsZero() {
			answered++
		}
	}
	if seen != answered {
		t.Errorf("%d answers read, %d written", seen, answered)
	}
}

// An import that names no year goes into the round of the store's clock,
// and its result names that round and counts the notes against it, also
// when the store's clock is in another year than the computer's.
func TestImportYearFromStoreClock(t *testing.T) {
	now := time.Now().AddDate(-3, 0, 0)
	db := demoDBAt(t, now)
	newSatker(t, db, richestEval(t, db).SatkerID, "jam-toko")
	data := "id,jawaban,catatan\nmp.pemenuhan.1,Y,sudah ada SK\nmp.pemenuhan.2,A,\n"
	res, err := importFile(t, db, "j.csv", []byte(data), "jam-toko", "", 0, ReadCSV)
	if err != nil {
		t.Fatal(err)
	}
	want := model.EvaluationID("jam-toko", now.Year(), model.StagePMPZI)
	if res.Evaluation != want || res.Notes != 1 || res.Evaluations.Added != 1 {
		t.Errorf("result %+v, want evaluation %s with 1 note", res, want)
	}
	if got, err := db.Answers(want); err != nil || got["mp.pemenuhan.1"].Note != "sudah ada SK" {
		t.Errorf("answers of %s: %v %v", want, got, err)
	}
}
