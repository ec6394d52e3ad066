package lke

import (
	"archive/zip"
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
	f, err := x.read(t, "diketik.xlsx")
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
	q := firstOfType(t, x.ws.Instrument, model.Percent)
	date, _ := x.f.NewStyle(&excelize.Style{NumFmt: 14})
	cell := xlCell(x.cols[HeadAnswer], x.rows[q.ID])
	if err := x.f.SetCellFloat(SheetLKE, cell, 46244, -1, 64); err != nil {
		t.Fatal(err)
	}
	if err := x.f.SetCellStyle(SheetLKE, cell, cell, date); err != nil {
		t.Fatal(err)
	}
	_, err := x.read(t, "diketik.xlsx")
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

// A person who moves a row of the official worksheet (1.i.b above 1.i.a)
// keeps its letter: the Pilihan Jawaban column says which question each
// row answers, so the rows are numbered by their letters. The
// worksheet's own misprint (6.v printed a, c, b) is still numbered by
// position, which is what its Pilihan Jawaban column agrees with.
func TestReadLKERowsMoved(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	rows := []lkeRow{
		{mark: "A.", text: "PENGUNGKIT"},
		{mark: "I.", text: "PEMENUHAN"},
		{mark: "1.", text: "MANAJEMEN PERUBAHAN"},
		{mark: "i.", text: "Penyusunan Tim Kerja"},
		{mark: "b.", text: "Penentuan anggota Tim", kind: "A/B/C", answer: "B"},
		{mark: "a.", text: "Unit kerja telah membentuk tim", kind: "Ya/Tidak", answer: "Ya"},
		{mark: "6.", text: "PENINGKATAN KUALITAS PELAYANAN PUBLIK"},
		{mark: "v.", text: "Pemanfaatan Teknologi Informasi"},
		{mark: "a.", text: "Telah menerapkan teknologi informasi", kind: "A/B/C/D", answer: "A"},
		{mark: "c.", text: "Telah membangun database pelayanan terintegrasi", kind: "Ya/Tidak", answer: "Tidak"},
		{mark: "b.", text: "Telah melakukan perbaikan secara terus menerus", kind: "A/B/C", answer: "b"},
	}
	f, err := ReadLKE("isi.xlsx", officialWorkbook(t, rows), in)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Value{}
	for _, e := range f.Entries {
		got[e.Number] = e.Value
	}
	want := map[string]model.Value{
		"1.i.a": model.Letter("Y"), "1.i.b": model.Letter("B"),
		"6.v.a": model.Letter("A"), "6.v.b": model.Letter("T"), "6.v.c": model.Letter("B"),
	}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s = %v, want %v", n, got[n], w)
		}
	}
}

// An answer typed over the Pilihan Jawaban (official) or Jenis Jawaban
// (ziwb's export) cell, with the Jawaban cell left empty, is not left out
// in silence: the error names the cell and the column the answer goes in.
func TestReadLKEAnswerInKindColumn(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	rows := []lkeRow{
		{mark: "A.", text: "PENGUNGKIT"},
		{mark: "I.", text: "PEMENUHAN"},
		{mark: "1.", text: "MANAJEMEN PERUBAHAN"},
		{mark: "i.", text: "Penyusunan Tim Kerja"},
		{mark: "a.", text: "Unit kerja telah membentuk tim", kind: "Ya/Tidak", answer: "Ya"},
		{mark: "b.", text: "Penentuan anggota Tim", kind: "B"},
	}
	_, err := ReadLKE("isi.xlsx", officialWorkbook(t, rows), in)
	if err == nil || !strings.Contains(err.Error(), `LKE ZI!E10: 1.i.b: "B" ada di kolom Pilihan Jawaban`) || !strings.Contains(err.Error(), "kolom Jawaban (F)") {
		t.Errorf("official layout: %v", err)
	}

	db := demoDB(t)
	x := xlExport(t, db, richestEval(t, db).ID)
	q := firstOfType(t, x.ws.Instrument, model.ABCD)
	r := x.rows[q.ID]
	x.f.SetCellStr(SheetLKE, xlCell(x.cols[HeadAnswer], r), "")
	x.f.SetCellStr(SheetLKE, xlCell("D", r), "c")
	_, err = x.read(t, "ekspor.xlsx")
	want := SheetLKE + "!" + xlCell("D", r) + ": " + q.Number() + `: "c" ada di kolom Jenis Jawaban`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("ziwb's layout: %v, want %q", err, want)
	}
}

// LibreOffice saves its own format (.ods) unless told otherwise: such a
// file is refused saying what it is and how to save it as .xlsx, not with
// excelize's "EOF".
func TestReadLKEOpenDocument(t *testing.T) {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = z.Create("content.xml")
	w.Write([]byte("<office:document-content/>"))
	z.Close()
	in, _ := model.Builtin("lke-zi-2021")
	_, err := ReadLKE("isi.ods", b.Bytes(), in)
	if err == nil || !strings.Contains(err.Error(), "OpenDocument") || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("an .ods file: %v", err)
	}
}

// ziwb's own workbook without its "ID ziwb" column (deleted as technical,
// or the visible columns copied into another workbook) reads by the
// numbering in column No.: an indicator with one question prints the
// same numbering on its heading row and on its question's row (R1.ii),
// and the empty heading row is no duplicate of the question.
func TestReadLKEOwnExportWithoutIDs(t *testing.T) {
	db := demoDB(t)
	x := xlExport(t, db, richestEval(t, db).ID)
	if err := x.f.RemoveCol(SheetLKE, x.cols[HeadID]); err != nil {
		t.Fatal(err)
	}
	f, err := x.read(t, "tanpa-id.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range f.Entries {
		if a := x.ws.Answers[e.Question]; e.Answer && e.Value != a.Value && !(a.Value.Numeric && a.Value.Number <= 1) {
			t.Errorf("%s: %v, want %v", e.Number, e.Value, a.Value)
		}
		if e.Answer {
			n++
		}
	}
	if n == 0 {
		t.Error("no answers read")
	}
}

// A workbook written by a program (excelize, openpyxl) holds formulas
// without their results until a spreadsheet has calculated and saved it:
// an answer cell with such a formula is refused at its cell rather than
// read as empty, which would leave the answer alone in silence.
func TestReadLKEFormulaWithoutResult(t *testing.T) {
	db := demoDB(t)
	x := xlExport(t, db, richestEval(t, db).ID)
	q := firstOfType(t, x.ws.Instrument, model.YesNo)
	cell := xlCell(x.cols[HeadAnswer], x.rows[q.ID])
	if err := x.f.SetCellValue(SheetLKE, cell, nil); err != nil {
		t.Fatal(err)
	}
	if err := x.f.SetCellFormula(SheetLKE, cell, `IF(1=1,"Y","T")`); err != nil {
		t.Fatal(err)
	}
	_, err := x.read(t, "program.xlsx")
	want := SheetLKE + "!" + cell + ": " + q.Number() + `: sel berisi rumus =IF(1=1,"Y","T") tanpa hasil tersimpan`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%v, want %q", err, want)
	}
}

// The same for an answer typed into the Nilai column (over ziwb's
// formula, or the official worksheet's), for the questions answered by a
// letter: a number there is a value, a letter is an answer in the wrong
// place.
func TestReadLKEAnswerInValueColumn(t *testing.T) {
	db := demoDB(t)
	x := xlExport(t, db, richestEval(t, db).ID)
	q := firstOfType(t, x.ws.Instrument, model.ABC)
	r := x.rows[q.ID]
	x.f.SetCellValue(SheetLKE, xlCell(x.cols[HeadAnswer], r), nil)
	x.f.SetCellValue(SheetLKE, xlCell(x.cols[HeadValue], r), nil)
	x.f.SetCellStr(SheetLKE, xlCell(x.cols[HeadValue], r), "b")
	_, err := x.read(t, "ekspor.xlsx")
	want := SheetLKE + "!" + xlCell(x.cols[HeadValue], r) + ": " + q.Number() + `: "b" ada di kolom ` + HeadValue
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%v, want %q", err, want)
	}
}

// An old Excel workbook (.xls) — or an .xlsx protected by a password,
// which Excel also wraps in a compound file — is refused saying so, not
// with excelize's "unsupported workbook file format".
func TestReadLKEOldExcel(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	_, err := ReadLKE("lama.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 600)), in)
	if err == nil || !strings.Contains(err.Error(), "simpan ulang sebagai .xlsx") || strings.Contains(err.Error(), "unsupported") {
		t.Errorf("an .xls file: %v", err)
	}
}

// firstOfType is the instrument's first question answered as typ.
func firstOfType(t *testing.T, in *model.Instrument, typ model.AnswerType) *model.Question {
	t.Helper()
	for _, q := range in.Questions() {
		if q.Type == typ {
			return q
		}
	}
	t.Fatalf("no %s question in %s", typ, in.ID)
	return nil
}
