package lke

import (
	"bytes"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

var xlDemoNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// xlExported is one evaluation written as a workbook and read back.
type xlExported struct {
	ws   store.Worksheet
	sc   model.Scorecard
	reks []model.Rekomendasi
	f    *excelize.File
	cols map[string]string // heading → column letter on the sheet LKE ZI
	rows map[string]int    // "ID ziwb" → row on the sheet LKE ZI
}

func xlExport(t *testing.T, db *store.DB, evalID string) *xlExported {
	t.Helper()
	ws, err := db.Worksheet(evalID)
	if err != nil {
		t.Fatal(err)
	}
	sc, _, err := db.Scorecard(evalID)
	if err != nil {
		t.Fatal(err)
	}
	levels, _, err := db.LevelScorecards(evalID)
	if err != nil {
		t.Fatal(err)
	}
	reks, err := db.RekomendasiList(store.RekFilter{Evaluation: evalID})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, ws, sc, levels, reks); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	x := &xlExported{ws: ws, sc: sc, reks: reks, f: f, cols: map[string]string{}, rows: map[string]int{}}
	rows, err := f.GetRows(SheetLKE)
	if err != nil {
		t.Fatal(err)
	}
	idCol := -1
	for i, h := range rows[HeaderRow-1] {
		name, _ := excelize.ColumnNumberToName(i + 1)
		x.cols[h] = name
		if h == HeadID {
			idCol = i
		}
	}
	if idCol < 0 {
		t.Fatalf("no %q column in %v", HeadID, rows[HeaderRow-1])
	}
	for i, r := range rows[HeaderRow:] {
		if idCol < len(r) && r[idCol] != "" {
			x.rows[r[idCol]] = HeaderRow + 1 + i
		}
	}
	return x
}

// calc evaluates a cell the way a spreadsheet would.
// read writes the workbook, as edited, and reads it back as an import
// of a file called name would.
func (x *xlExported) read(t *testing.T, name string) (File, error) {
	t.Helper()
	var b bytes.Buffer
	if _, err := x.f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return ReadLKE(name, b.Bytes(), x.ws.Instrument)
}

func (x *xlExported) calc(t *testing.T, sheet, c string) float64 {
	t.Helper()
	s, err := x.f.CalcCellValue(sheet, c, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, c, err)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheet, c, s, err)
	}
	return v
}

func (x *xlExported) calcText(t *testing.T, sheet, c string) string {
	t.Helper()
	s, err := x.f.CalcCellValue(sheet, c)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, c, err)
	}
	return s
}

// score is the spreadsheet's score of a node id (or "total").
func (x *xlExported) score(t *testing.T, id string) float64 {
	t.Helper()
	r, ok := x.rows[id]
	if !ok {
		t.Fatalf("no row for %s", id)
	}
	return x.calc(t, SheetLKE, xlCell(x.cols[HeadScore], r))
}

// sameScores checks every node's subtotal and the total: each is a
// formula, and it evaluates to the scorecard's number.
func (x *xlExported) sameScores(t *testing.T, sc model.Scorecard, what string) {
	t.Helper()
	for _, n := range sc.Nodes {
		c := xlCell(x.cols[HeadScore], x.rows[n.ID])
		if formula, err := x.f.GetCellFormula(SheetLKE, c); err != nil || formula == "" {
			t.Fatalf("%s: %s (%s) has no formula (%v)", what, c, n.ID, err)
		}
		if got := x.score(t, n.ID); math.Abs(got-n.Score) > 1e-9 {
			t.Errorf("%s: %s = %v in the workbook, ziwb %v", what, n.ID, got, n.Score)
		}
	}
	if got := x.score(t, TotalID); math.Abs(got-sc.Total) > 1e-9 || model.Points(got) != model.Points(sc.Total) {
		t.Errorf("%s: total = %v in the workbook, ziwb %v", what, got, sc.Total)
	}
}

func xlValues(answers map[string]model.Answer) model.Answers {
	out := model.Answers{}
	for id, a := range answers {
		out[id] = a.Value
	}
	return out
}

func TestWorkbookFormulasMatchScore(t *testing.T) {
	db := demoDBAt(t, xlDemoNow)
	n := 0
	for _, e := range allEvals(t, db) {
		x := xlExport(t, db, e.ID)
		x.sameScores(t, x.sc, e.ID)
		x.sameVerdicts(t, x.sc, e.ID)
		n++
	}
	if n < 5 {
		t.Fatalf("only %d demo evaluations", n)
	}
}

// sameVerdicts checks the sheet Rekap against the scorecard: each
// predicate met or not, and the predicate reached.
func (x *xlExported) sameVerdicts(t *testing.T, sc model.Scorecard, what string) {
	t.Helper()
	rows, err := x.f.GetRows(SheetRekap)
	if err != nil {
		t.Fatal(err)
	}
	in := x.ws.Instrument
	found := 0
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		row := i + 1
		for _, p := range sc.Predicates {
			pred, _ := in.Predicate(p.ID)
			if r[0] == p.ID+" — "+pred.Title {
				found++
				want := WordNotMet
				if p.Met {
					want = WordMet
				}
				if got := x.calcText(t, SheetRekap, xlCell("G", row)); got != want {
					t.Errorf("%s: Rekap %s = %q, ziwb met=%v", what, p.ID, got, p.Met)
				}
			}
		}
		if r[0] == "Predikat tercapai" {
			want := sc.Result
			if want == "" {
				want = "belum"
			}
			if got := x.calcText(t, SheetRekap, xlCell("B", row)); got != want {
				t.Errorf("%s: predikat tercapai %q, ziwb %q", what, got, want)
			}
		}
		if len(r) > 1 {
			if ns, ok := sc.Node(r[1]); ok && ns.Verdict != model.VerdictNone {
				want := ns.Verdict.Word()
				if got := x.calcText(t, SheetRekap, xlCell("G", row)); got != want {
					t.Errorf("%s: Rekap verdict of %s = %q, ziwb %q", what, r[1], got, want)
				}
			}
		}
	}
	if found != len(sc.Predicates) {
		t.Errorf("%s: %d predicates on Rekap, want %d", what, found, len(sc.Predicates))
	}
}

// TestWorkbookRecalculatesAnEditedAnswer changes answers in the workbook
// the way an evaluator would in Excel, and checks the recalculated
// subtotals against model.Score of the changed answers.
func TestWorkbookRecalculatesAnEditedAnswer(t *testing.T) {
	db := demoDBAt(t, xlDemoNow)
	e := xlPickEval(t, db, func(e model.Evaluation) bool { return e.Stage != model.StagePMPZI && len(e.Team) > 0 })
	x := xlExport(t, db, e.ID)
	in := x.ws.Instrument
	answers := xlValues(x.ws.Answers)
	if sc, err := model.Score(in, answers, x.sc.Target); err != nil || math.Abs(sc.Total-x.sc.Total) > 1e-9 {
		t.Fatalf("the worksheet's answers score %v, the scorecard %v (%v)", sc.Total, x.sc.Total, err)
	}
	ansCol, valCol := x.cols[HeadAnswer], x.cols[HeadValue]
	var letter, percent *model.Question
	for _, q := range in.Questions() {
		if letter == nil && q.Type == model.ABCD && answers[q.ID].Choice != "D" {
			letter = q
		}
		if percent == nil && q.Type == model.Percent {
			percent = q
		}
	}
	if letter == nil || percent == nil {
		t.Fatal("no abcd or percent question to edit")
	}

	// A letter typed in lower case, as people do.
	if err := x.f.SetCellStr(SheetLKE, xlCell(ansCol, x.rows[letter.ID]), "d"); err != nil {
		t.Fatal(err)
	}
	answers[letter.ID] = model.Letter("D")
	want, err := model.Score(in, answers, x.sc.Target)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(want.Total-x.sc.Total) < 0.01 {
		t.Fatalf("the edit does not move the total (%v)", want.Total)
	}
	x.sameScores(t, want, "jawaban "+letter.ID+" = d")

	// A value typed over the value formula: 0,4 is 40%.
	if err := x.f.SetCellFloat(SheetLKE, xlCell(valCol, x.rows[percent.ID]), 0.4, -1, 64); err != nil {
		t.Fatal(err)
	}
	answers[percent.ID] = model.Num(40)
	if want, err = model.Score(in, answers, x.sc.Target); err != nil {
		t.Fatal(err)
	}
	x.sameScores(t, want, "nilai "+percent.ID+" = 0,4")
	x.sameVerdicts(t, want, "after edits")
}

func xlPickEval(t *testing.T, db *store.DB, ok func(model.Evaluation) bool) model.Evaluation {
	t.Helper()
	for _, e := range allEvals(t, db) {
		if ok(e) {
			return e
		}
	}
	t.Fatal("no such evaluation in the demo data")
	return model.Evaluation{}
}

// TestWorkbookColumnsAndSheets checks the layout: a TPI shows the
// satker's PMPZI answers and each review level's, numbering and criteria
// as the worksheet reads, and the recommendations.
func TestWorkbookColumnsAndSheets(t *testing.T) {
	db := demoDBAt(t, xlDemoNow)
	e := xlPickEval(t, db, func(e model.Evaluation) bool { return e.Stage == model.StageTPI && len(e.Team) > 0 })
	x := xlExport(t, db, e.ID)
	for _, h := range []string{HeadNumber, "Kriteria (Penjelasan)", "Jenis Jawaban", "Jawaban Anggota", "Jawaban Ketua", "Jawaban Pengendali", HeadAnswer, HeadValue, HeadWeight, HeadScore, "Catatan", "Eviden", HeadID} {
		if x.cols[h] == "" {
			t.Errorf("no column %q", h)
		}
	}
	if x.ws.Self != nil && x.cols["Jawaban PMPZI (Satker)"] == "" {
		t.Error("a TPI beside a PMPZI has no PMPZI column")
	}
	get := func(sheet, c string) string {
		v, err := x.f.GetCellValue(sheet, c)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for id, want := range map[string]string{"mp.pemenuhan.1": "1.i.a", "mp.pemenuhan.i": "1.i", "mp.reform": "R1", "mp": "1", "pengungkit": "A", "hasil": "B", "hasil.prima": "H.II", "mp.pemenuhan": "1", "hasil.bersih": "H.I", "hasil.bersih.ipak": "H.I.a"} {
		if got := get(SheetLKE, xlCell("A", x.rows[id])); got != want {
			t.Errorf("numbering of %s = %q, want %q", id, got, want)
		}
	}
	if got := get(SheetLKE, xlCell("C", x.rows["mp.pemenuhan.2"])); got == "" || got[:1] != "A" {
		t.Errorf("criteria of mp.pemenuhan.2 = %q", got)
	}
	if len(x.reks) > 0 {
		if got := get(SheetRekomendasi, "J2"); got != x.reks[0].ID {
			t.Errorf("first recommendation row holds %q, want %q", got, x.reks[0].ID)
		}
	}
	if style, err := x.f.GetCellStyle(SheetLKE, xlCell(x.cols[HeadScore], x.rows[TotalID])); err != nil {
		t.Fatal(err)
	} else if st, err := x.f.GetStyle(style); err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != fmtPoints {
		t.Errorf("total's number format: %+v (%v)", st, err)
	}
}
