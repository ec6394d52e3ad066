// Package lke reads and writes the official LKE ZI worksheet (Lembar Kerja
// Evaluasi Zona Integritas) as an Excel workbook: the write side lays an
// evaluation out as the regulation's worksheet reads, with live formulas so
// a value edited in Excel or LibreOffice recalculates to the numbers ziwb
// prints; the read side takes a filled worksheet back in.
//
// The workbook is made with excelize, so no OOXML is written by hand.
package lke

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Sheet names of the exported workbook.
const (
	SheetLKE         = "LKE ZI"
	SheetRekap       = "Rekap"
	SheetRekomendasi = "Rekomendasi"
)

// Number formats. The [$-421] prefix tags them Indonesian (LCID 0x0421):
// LibreOffice then shows comma decimals and dot thousands (1.234,56)
// whatever the reader's own locale; Excel shows the separators of the
// system, which on an Indonesian Windows are the same.
const (
	fmtPoints  = "[$-421]#,##0.00"
	fmtValue   = "[$-421]0.00"
	fmtPercent = "[$-421]0.00%"
	fmtDate    = "dd/mm/yyyy"
)

// scoreEpsilon is model.Score's tolerance when a score meets a threshold,
// written into the verdict formulas so Excel decides as ziwb does.
const scoreEpsilon = "1E-9"

// newWorkbook starts a workbook whose first sheet is the worksheet, set
// to recalculate every formula when opened: excelize writes formulas
// without their results.
func newWorkbook() (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", SheetLKE); err != nil {
		f.Close()
		return nil, err
	}
	on := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// xlSave writes the workbook to w and releases it.
func xlSave(f *excelize.File, w io.Writer) error {
	defer f.Close()
	_, err := f.WriteTo(w)
	return err
}

// WriteWorkbook writes one evaluation as an .xlsx workbook: the sheet
// "LKE ZI" as the official worksheet reads (numbering, question,
// criteria, answers, value, weight, score, note, evidence), with live
// subtotal and total formulas; "Rekap" with every component's score and
// verdict and each predicate's rules; and "Rekomendasi". sc is the
// evaluation's scorecard (db.Scorecard), levels the scorecards per review
// level (db.LevelScorecards; may be nil) and reks its recommendations.
func WriteWorkbook(w io.Writer, ws store.Worksheet, sc model.Scorecard, levels map[model.Level]model.Scorecard, reks []model.Rekomendasi) error {
	if ws.Instrument == nil {
		return fmt.Errorf("evaluasi %s: instrumen tidak ada", ws.Evaluation.ID)
	}
	f, err := newWorkbook()
	if err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return err
	}
	lay, err := writeLKE(f, st, ws)
	if err != nil {
		f.Close()
		return err
	}
	for _, step := range []func() error{
		func() error { return writeRekap(f, st, ws, sc, levels, lay) },
		func() error { return writeRekomendasi(f, st, ws, reks) },
	} {
		if err := step(); err != nil {
			f.Close()
			return err
		}
	}
	f.SetActiveSheet(0)
	return xlSave(f, w)
}

// styles are the cell styles the workbook uses, made once.
type styles struct {
	title, header, text, wrap, center                int
	value, points, percent, date                     int
	node                                             [3]int // title cells of node rows by depth (0 top)
	nodePoints, nodePercent                          [3]int
	total, totalPoints, totalPercent, pass, fail, na int
}

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	mk := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		if st.Border == nil {
			st.Border = border
		}
		*dst, err = f.NewStyle(st)
	}
	numFmt := func(s string) *string { return &s }
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	mk(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Border: []excelize.Border{}})
	mk(&s.header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("1F4E78"),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	mk(&s.text, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.wrap, &excelize.Style{Alignment: top})
	mk(&s.center, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	mk(&s.value, &excelize.Style{CustomNumFmt: numFmt(fmtValue), Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.points, &excelize.Style{CustomNumFmt: numFmt(fmtPoints), Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.percent, &excelize.Style{CustomNumFmt: numFmt(fmtPercent), Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.date, &excelize.Style{CustomNumFmt: numFmt(fmtDate), Alignment: &excelize.Alignment{Vertical: "top"}})
	for i, c := range []string{"BDD7EE", "DDEBF7", "F2F2F2"} {
		mk(&s.node[i], &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(c), Alignment: top})
		mk(&s.nodePoints[i], &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(c), CustomNumFmt: numFmt(fmtPoints), Alignment: top})
		mk(&s.nodePercent[i], &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(c), CustomNumFmt: numFmt(fmtPercent), Alignment: top})
	}
	mk(&s.total, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("1F4E78"), Alignment: top})
	mk(&s.totalPoints, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("1F4E78"), CustomNumFmt: numFmt(fmtPoints)})
	mk(&s.totalPercent, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("1F4E78"), CustomNumFmt: numFmt(fmtPercent)})
	mk(&s.pass, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "006100"}, Fill: fill("C6EFCE"), CustomNumFmt: numFmt(fmtPoints)})
	mk(&s.fail, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Fill: fill("FFC7CE"), CustomNumFmt: numFmt(fmtPoints)})
	mk(&s.na, &excelize.Style{Font: &excelize.Font{Color: "808080"}})
	return &s, err
}

// depthStyle caps a node's depth at the deepest node style.
func depthStyle(d int) int { return min(d, 2) }

// xlCell names a cell: xlCell("L", 7) is "L7".
func xlCell(col string, row int) string { return col + strconv.Itoa(row) }

// xlNum writes a float as a formula literal, shortest form that reads back
// the same.
func xlNum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// xlQuote writes a string as a formula literal.
func xlQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// sheetRef is a reference to a cell of another sheet.
func sheetRef(sheet, c string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + c }

// xlRow writes values from column A of row, with one style for all.
func xlRow(f *excelize.File, sheet string, row int, style int, values ...any) error {
	if err := f.SetSheetRow(sheet, xlCell("A", row), &values); err != nil {
		return err
	}
	last, err := excelize.ColumnNumberToName(len(values))
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, xlCell("A", row), xlCell(last, row), style)
}

// firstErr keeps the first error of a run of cell writes, so that a sheet
// is written in one go and checked once.
type firstErr struct{ err error }

func (e *firstErr) try(err error) {
	if e.err == nil {
		e.err = err
	}
}
