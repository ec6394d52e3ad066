package lke

import (
	"bytes"
	"strings"
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
	if len(pcts) < 5 {
		t.Fatalf("%d percentage questions", len(pcts))
	}
	builtin, _ := x.f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	custom := "0.00%"                                       // what LibreOffice writes for 80%
	lo, _ := x.f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	redCode := "[Red]0.00;[Blue]-0.00" // "d" and "e" in brackets: no date
	red, _ := x.f.NewStyle(&excelize.Style{CustomNumFmt: &redCode})
	cells := []struct {
		value float64
		style int
		want  float64
	}{
		{0.8, builtin, 80},
		{0.455, lo, 45.5},
		{45, 0, 45},   // as exported: 0–100
		{0.5, 0, 0.5}, // as exported: half a percent
		{62.5, red, 62.5},
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

// Typing 8/10 into a cell makes Excel and LibreOffice store a date (the
// serial number 46244 formatted as a date): the error says the cell
// became a date and how to type the counts, not that "46244" is out of
// range.
func TestReadLKEDateTyped(t *testing.T) {
	db := demoDB(t)
	x := xlExport(t, db, richestEval(t, db).ID)
	var q *model.Question
	for _, p := range x.ws.Instrument.Questions() {
		if p.Type == model.Percent {
			q = p
			break
		}
	}
	date, _ := x.f.NewStyle(&excelize.Style{NumFmt: 14})
	cell := xlCell(x.cols[HeadAnswer], x.rows[q.ID])
	if err := x.f.SetCellFloat(SheetLKE, cell, 46244, -1, 64); err != nil {
		t.Fatal(err)
	}
	if err := x.f.SetCellStyle(SheetLKE, cell, cell, date); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := x.f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	_, err := ReadLKE("diketik.xlsx", b.Bytes(), x.ws.Instrument)
	if err == nil {
		t.Fatal("a date was read as an answer")
	}
	msg := err.Error()
	for _, want := range []string{SheetLKE + "!" + cell, q.Number(), "tanggal 10-08-2026", "'8/10"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error does not say %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "46244") {
		t.Errorf("the error names the serial number no one typed: %s", msg)
	}
}
