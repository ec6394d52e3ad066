package lke

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// Typing "80%" into a cell of ziwb's own workbook makes Excel and
// LibreOffice store 0.8 and format the cell as a percentage, as they do
// in any workbook: the cell shows 80%, and that is what it answers. A
// bare number in an unformatted cell stays 0–100, as the export wrote it.
func TestReadLKEOwnExportPercentTyped(t *testing.T) {
	db := demoDB(t)
	x := xlExport(t, db, richestEval(t, db).ID)
	var pcts []*model.Question
	for _, q := range x.ws.Instrument.Questions() {
		if q.Type == model.Percent {
			pcts = append(pcts, q)
		}
	}
	if len(pcts) < 4 {
		t.Fatalf("%d percentage questions", len(pcts))
	}
	builtin, _ := x.f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	custom := "0.00%"                                       // what LibreOffice writes for 80%
	lo, _ := x.f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	cells := []struct {
		value float64
		style int
		want  float64
	}{
		{0.8, builtin, 80},
		{0.455, lo, 45.5},
		{45, 0, 45},   // as exported: 0–100
		{0.5, 0, 0.5}, // as exported: half a percent
	}
	for i, c := range cells {
		cell := xlCell(x.cols[HeadAnswer], x.rows[pcts[i].ID])
		if err := x.f.SetCellFloat(SheetLKE, cell, c.value, -1, 64); err != nil {
			t.Fatal(err)
		}
		if c.style != 0 {
			if err := x.f.SetCellStyle(SheetLKE, cell, cell, c.style); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if _, err := x.f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	f, err := ReadLKE("diketik.xlsx", b.Bytes(), x.ws.Instrument)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Entry{}
	for _, e := range f.Entries {
		got[e.Question] = e
	}
	for i, c := range cells {
		if e := got[pcts[i].ID]; !e.Answer || e.Value != model.Num(c.want) {
			t.Errorf("%s (%s) typed %v: read %v, want %v", pcts[i].Number(), e.Cell, c.value, e.Value, c.want)
		}
	}
}
