package lke

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// ReadLKE reads a filled LKE ZI workbook, checked against the instrument
// the answers go into. It reads the sheet "LKE ZI" in two layouts:
//
//   - the official worksheet (PermenPANRB 90/2021 Lampiran III): the
//     column headed "Jawaban" is found in the first rows; each row is
//     known by its numbering under the headings above it — "A. PENGUNGKIT"
//     / "B. HASIL", "I. PEMENUHAN" / "II. REFORM", the area "1.", the
//     indicator "i." and the item "a." (or "-", for the Reform items the
//     worksheet does not letter) — in separate cells or opening the text.
//     The numbering is the instrument's ("1.i.a", "R1.ii", "H.I.a"). The
//     "Jumlah" rows below a percentage item give its counts: the
//     percentage is computed from them (and kept in the note, "Jumlah:
//     8/10 = 80%"); without them the item's own Jawaban is read.
//   - ziwb's own export (WriteWorkbook): rows carry the question id in the
//     column "ID ziwb" (and the numbering in "No."); percentages there are
//     0–100 as typed.
//
// An empty Jawaban leaves the stored answer alone; a Catatan/Keterangan
// column, where there is one, gives the notes (empty ones leave them
// alone). Every problem comes back at once, each at its cell
// ("LKE ZI!K45"), and rows that carry an answer but match no question are
// among them. A refused worksheet still gives what it read: the answers
// that are good, and its problems sorted into Skipped and Invalid (see
// File); one that could not be read at all gives neither.
func ReadLKE(name string, data []byte, in *model.Instrument) (f File, err error) {
	defer func() {
		if p := recover(); p != nil { // a damaged workbook must not take the program down
			f, err = File{}, model.FileErrors{{File: name, Msg: fmt.Sprintf("berkas Excel rusak: %v", p)}}
		}
	}()
	if bytes.Contains(data[:min(len(data), 100)], []byte("application/vnd.oasis.opendocument")) { // its first entry names the kind
		return File{}, model.FileErrors{{File: name, Msg: "berkas OpenDocument (.ods) dari LibreOffice, bukan Excel (.xlsx): simpan ulang dengan Simpan Sebagai → Excel 2007-365 (.xlsx)"}}
	}
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) { // a compound file, not a zip
		return File{}, model.FileErrors{{File: name, Msg: "berkas Excel lama (.xls) atau .xlsx berkata sandi, bukan .xlsx yang terbaca: simpan ulang sebagai .xlsx tanpa kata sandi"}}
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if errors.Is(err, zip.ErrFormat) { // a CSV, a PDF or an old .xls renamed
		return File{}, model.FileErrors{{File: name, Msg: "bukan berkas Excel (.xlsx): isinya bukan arsip zip (berkas .xls lama: simpan ulang sebagai .xlsx)"}}
	}
	if err != nil {
		return File{}, model.FileErrors{{File: name, Msg: fmt.Sprintf("bukan berkas Excel (.xlsx) yang terbaca: %v", err)}}
	}
	defer xf.Close()
	r := &lkeReader{name: name, in: in, xf: xf, numbers: numbering(in)}
	for _, s := range xf.GetSheetList() {
		if strings.EqualFold(cleanText(s), SheetLKE) {
			r.sheet = s
		}
	}
	if r.sheet == "" {
		return File{}, model.FileErrors{{File: name, Msg: fmt.Sprintf("lembar %q tidak ada (lembar yang ada: %s)", SheetLKE, strings.Join(xf.GetSheetList(), ", "))}}
	}
	rows, err := xf.GetRows(r.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return File{}, model.FileErrors{{File: name, Msg: fmt.Sprintf("lembar %q tidak terbaca: %v", r.sheet, err)}}
	}
	if !r.header(rows) {
		return File{}, model.FileErrors{{File: name, Msg: fmt.Sprintf("%s: kolom berjudul %q tidak ada di %d baris pertama", r.sheet, HeadAnswer, headerScan)}}
	}
	r.walk(rows)
	entries := r.resolve()
	of := exportedSatker(rows)
	if len(r.errs) > 0 {
		sort.SliceStable(r.errs, func(i, j int) bool { return r.errs[i].row < r.errs[j].row })
		f := File{Name: name, Instrument: in.ID, Satker: of, Entries: entries}
		es := make(model.FileErrors, len(r.errs))
		for i, e := range r.errs {
			es[i] = model.FileError{File: name, Msg: e.msg}
			if e.skip {
				f.Skipped = append(f.Skipped, es[i])
			} else {
				f.Invalid = append(f.Invalid, es[i])
			}
		}
		return f, es
	}
	return File{Name: name, Instrument: in.ID, Satker: of, Entries: entries}, nil
}

// satkerLine is the line ziwb's export writes in LKE ZI!A2:
// "Satker: NAME (ID) · STAGE YEAR · status … · target …".
var satkerLine = lazyRegexp(`^Satker: .* \(([^()\s]+)\) · \S+ \d+ · status `)

// exportedSatker is the id of the satker a workbook of ziwb's own export
// is of, "" for any other workbook.
func exportedSatker(rows [][]string) string {
	if len(rows) < 2 || len(rows[1]) == 0 {
		return ""
	}
	if m := satkerLine().FindStringSubmatch(strings.TrimSpace(rows[1][0])); m != nil {
		return m[1]
	}
	return ""
}

// otherSatker is the refusal of a workbook exported from another satker
// than satkerID, whose answers would go into the wrong evaluation; nil
// when it is this satker's, or names none.
func (f File) otherSatker(satkerID string) *model.FileError {
	if f.Satker == "" || f.Satker == satkerID {
		return nil
	}
	return &model.FileError{File: f.Name, Msg: fmt.Sprintf("%s!A2: buku kerja ini LKE satker %s, bukan %s; bila isinya memang untuk %s, hapus baris \"Satker:\" di A2 lalu impor lagi",
		SheetLKE, f.Satker, satkerID, satkerID)}
}

// headerScan is how many rows ReadLKE looks in for the column headings.
const headerScan = 30

type lkeReader struct {
	name    string
	in      *model.Instrument
	xf      *excelize.File
	sheet   string
	numbers map[string]*model.Question

	headRow                      int    // 0-based
	ansCol, idCol, noteCol, kind int    // 0-based; -1 when absent
	kindHead                     string // the heading of the kind column ("Pilihan Jawaban")
	valCol                       int    // the value column ("Nilai"), 0-based; -1 when absent
	valHead                      string
	lead                         int // the numbering and text are left of this column

	items []*lkeItem
	errs  []cellError
}

type cellError struct {
	row  int
	msg  string
	skip bool // a row that matches no question: it can be left out
}

// lkeItem is a row that answers (or may answer) a question.
type lkeItem struct {
	q       *model.Question // known from the id or a full numbering
	prefix  string          // "1.i", "R1.ii", "H.I": the indicator it is under
	letter  string          // "a" …, or "-"
	kind    string          // the row's Pilihan Jawaban ("A/B/C", "%"), when the sheet has the column
	value   string          // the row's Nilai cell, as it holds it
	row     int             // 1-based
	answer  string
	note    string
	jumlah  []jumlahRow
	ordered string // the numbering once resolved
}

type jumlahRow struct {
	text, value string
	row         int
}

func (r *lkeReader) failf(row int, col int, format string, args ...any) {
	r.errs = append(r.errs, cellError{row, r.cell(col, row) + ": " + fmt.Sprintf(format, args...), false})
}

// unmatched is failf for a row that answers no question of the instrument.
func (r *lkeReader) unmatched(row int, col int, format string, args ...any) {
	r.errs = append(r.errs, cellError{row, r.cell(col, row) + ": " + fmt.Sprintf(format, args...), true})
}

func (r *lkeReader) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col+1, row)
	return r.sheet + "!" + c
}

func get(cells []string, col int) string {
	if col < 0 || col >= len(cells) {
		return ""
	}
	return cells[col]
}

// header finds the row of the column headings and the columns ReadLKE reads.
func (r *lkeReader) header(rows [][]string) bool {
	for i := 0; i < len(rows) && i < headerScan; i++ {
		ans := -1
		for c, v := range rows[i] {
			if strings.EqualFold(cleanText(v), HeadAnswer) {
				ans = c
				break
			}
		}
		if ans < 0 {
			continue
		}
		r.headRow, r.ansCol, r.idCol, r.noteCol, r.kind, r.valCol, r.lead = i, ans, -1, -1, -1, -1, ans
		for c, v := range rows[i] {
			h := strings.ToLower(cleanText(v))
			switch {
			case h == strings.ToLower(HeadID) || h == "id":
				r.idCol = c
			case strings.HasPrefix(h, "catatan") || strings.HasPrefix(h, "keterangan"):
				if r.noteCol < 0 {
					r.noteCol = c
				}
			case h == "pilihan jawaban" || h == "jenis jawaban":
				r.kind, r.kindHead = c, cleanText(v)
			case strings.HasPrefix(h, "nilai") && r.valCol < 0 && c > ans:
				r.valCol, r.valHead = c, cleanText(v)
			}
			for _, p := range []string{"bobot", "penjelasan", "kriteria", "pilihan", "jenis", "jawaban", "nilai", "skor", "%", "catatan"} {
				if strings.HasPrefix(h, p) && c < r.lead && c > 0 {
					r.lead = c
				}
			}
		}
		return true
	}
	return false
}

var (
	wholeMarker = lazyRegexp(`^(-|[0-9]{1,2}|[A-Za-z]{1,4})[.)]?$`)
	leadMarker  = lazyRegexp(`^(?:(-)|([0-9]{1,2})[.)]|([ivxIVX]{1,4}|[A-Za-z])[.)]|([a-z])\s)\s*`)
)

// lazyRegexp compiles an expression when it is first used: every start of
// the binary runs the package's initialisers, and most never read a file.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var romans = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}

// markers splits the numbering cells of a row into its markers ("A", "I",
// "1", "i", "a", "-") and the text after them.
func markers(cells []string) (toks []string, text string) {
	for _, c := range cells {
		c = cleanText(c)
		if c == "" {
			continue
		}
		if m := wholeMarker().FindStringSubmatch(c); m != nil && (m[1] == "-" || len(m[1]) == 1 || romans[strings.ToLower(m[1])] > 0 || m[1][0] >= '0' && m[1][0] <= '9') {
			toks = append(toks, m[1])
			continue
		}
		for {
			m := leadMarker().FindStringSubmatch(c)
			if m == nil {
				break
			}
			toks = append(toks, m[1]+m[2]+m[3]+m[4])
			c = c[len(m[0]):]
		}
		return toks, c
	}
	return toks, ""
}

// walk reads the rows below the headings into items.
func (r *lkeReader) walk(rows [][]string) {
	var comp, part, area, ind, group string
	indOrd := 0
	var last *lkeItem
	prefix := func() string {
		if comp == "H" {
			if group == "" {
				return ""
			}
			return "H." + group
		}
		if area == "" || ind == "" {
			return ""
		}
		if part == "reform" {
			return "R" + area + "." + ind
		}
		return area + "." + ind
	}
	for i := r.headRow + 1; i < len(rows); i++ {
		cells, row := rows[i], i+1
		answer, note := cleanText(get(cells, r.ansCol)), strings.TrimSpace(get(cells, r.noteCol))
		kind, value := cleanText(get(cells, r.kind)), cleanText(get(cells, r.valCol))
		if id := cleanText(get(cells, r.idCol)); id != "" {
			if q, ok := r.in.Question(id); ok {
				last = &lkeItem{q: q, row: row, answer: answer, note: note, kind: kind, value: value}
				r.items = append(r.items, last)
			} else if answer != "" && !strings.Contains(id, ":") {
				if _, node := r.in.Node(id); !node && id != TotalID {
					r.unmatched(row, r.idCol, "%q bukan pertanyaan instrumen %s", id, r.in.ID)
				}
			}
			continue
		}
		lead := cells[:min(len(cells), r.lead)]
		if len(lead) > 0 {
			if q := r.numbers[strings.ToLower(cleanText(lead[0]))]; q != nil {
				last = &lkeItem{q: q, row: row, answer: answer, note: note, kind: kind, value: value}
				r.items = append(r.items, last)
				continue
			}
		}
		toks, text := markers(lead)
		upper := strings.ToUpper(text)
		isJumlah := strings.HasPrefix(strings.ToLower(text), "jumlah") || strings.EqualFold(kind, "jumlah")
		item := false
		for _, t := range toks {
			lt := strings.ToLower(t)
			ord := romans[lt]
			switch {
			case t == "-":
				item = !isJumlah
				if item {
					last = &lkeItem{prefix: prefix(), letter: "-", row: row, answer: answer, note: note, kind: kind, value: value}
				}
			case t[0] >= '0' && t[0] <= '9':
				area, ind, indOrd = strings.TrimLeft(t, "0"), "", 0
			case ord > 0 && t == strings.ToUpper(t):
				switch {
				case comp == "H":
					group, ind = t, ""
				case strings.Contains(upper, "REFORM") || (t == "II" && !strings.Contains(upper, "PEMENUHAN")):
					part, area, ind, indOrd = "reform", "", "", 0
				default:
					part, area, ind, indOrd = "pemenuhan", "", "", 0
				}
			case ord > indOrd && t == lt:
				ind, indOrd = lt, ord
			case len(t) == 1 && (strings.Contains(upper, "PENGUNGKIT") || strings.Contains(upper, "HASIL")) && t == strings.ToUpper(t):
				if strings.Contains(upper, "HASIL") {
					comp = "H"
				} else {
					comp = "P"
				}
				part, area, ind, group, indOrd = "", "", "", "", 0
			case len(t) == 1:
				item = true
				last = &lkeItem{prefix: prefix(), letter: lt, row: row, answer: answer, note: note, kind: kind, value: value}
			default: // a sub-heading inside an indicator ("i." under iii.)
			}
		}
		switch {
		case item:
			r.items = append(r.items, last)
		case isJumlah && last != nil && last.q == nil && last.prefix == prefix():
			last.jumlah = append(last.jumlah, jumlahRow{text: strings.ToLower(text), value: answer, row: row})
		case answer != "" && !isJumlah:
			r.unmatched(row, r.ansCol, "baris ini berisi jawaban tetapi tidak cocok dengan pertanyaan mana pun (tidak bernomor)")
		}
	}
}
