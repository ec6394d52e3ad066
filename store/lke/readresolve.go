package lke

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// From the rows read to the entries: the items of each indicator numbered,
// and each answer read, a percentage from its Jumlah rows when it has them.

// resolve numbers the items of each indicator and reads their answers.
func (r *lkeReader) resolve() []Entry {
	// Items of one indicator are numbered together: by the letters printed,
	// or by position when the printed letters are a shuffle of a, b, c …
	// (the worksheet prints 6.v as a, c, b) — unless the rows' Pilihan
	// Jawaban fit their letters better than their positions (a row moved).
	for i := 0; i < len(r.items); {
		j := i
		for j < len(r.items) && r.items[j].q == nil && r.items[j].prefix == r.items[i].prefix && r.items[i].q == nil {
			j++
		}
		if j == i {
			i++
			continue
		}
		group := r.items[i:j]
		var letters, dashes []*lkeItem
		for _, it := range group {
			if it.letter == "-" {
				dashes = append(dashes, it)
			} else {
				letters = append(letters, it)
			}
		}
		shuffled := len(letters) > 0
		seen := map[string]bool{}
		for _, it := range letters {
			if it.letter[0] < 'a' || int(it.letter[0]-'a') >= len(letters) || seen[it.letter] {
				shuffled = false
			}
			seen[it.letter] = true
		}
		if shuffled && r.fits(letters, false) > r.fits(letters, true) {
			shuffled = false
		}
		for k, it := range letters {
			l := it.letter
			if shuffled {
				l = string(rune('a' + k))
			}
			it.ordered = it.prefix + "." + l
			if r.numbers[strings.ToLower(it.ordered)] == nil && len(group) == 1 && r.numbers[strings.ToLower(it.prefix)] != nil {
				it.ordered = it.prefix
			}
		}
		for k, it := range dashes {
			if len(dashes) == 1 && r.numbers[strings.ToLower(it.prefix)] != nil {
				it.ordered = it.prefix
			} else {
				it.ordered = it.prefix + "." + string(rune('a'+k))
			}
		}
		i = j
	}
	var out []Entry
	first, blank := map[string]int{}, map[string]bool{}
	for _, it := range r.items {
		q := it.q
		if q == nil && it.prefix != "" {
			q = r.numbers[strings.ToLower(it.ordered)]
		}
		if q == nil {
			if it.answer != "" || it.hasCounts() {
				what := "baris ini"
				if it.prefix != "" {
					what = fmt.Sprintf("nomor %s", it.ordered)
				}
				r.unmatched(it.row, r.ansCol, "%s tidak cocok dengan pertanyaan mana pun di instrumen %s", what, r.in.ID)
			}
			continue
		}
		num := q.Number()
		// A row that gives nothing (an indicator's heading printing its one
		// question's numbering, R1.ii) is no duplicate of the one that does.
		empty := it.answer == "" && it.note == "" && !it.hasCounts()
		if row, dup := first[q.ID]; dup && (empty || !blank[q.ID]) {
			if !empty {
				r.failf(it.row, r.ansCol, "pertanyaan %s (%s) ganda: pertama di baris %d", num, q.ID, row)
			}
			continue
		}
		first[q.ID], blank[q.ID] = it.row, empty
		e := Entry{Question: q.ID, Number: num, Line: it.row, Cell: r.cell(r.ansCol, it.row)}
		var countsNote string
		switch v, note, ok := r.counts(it, q); {
		case !ok:
			continue
		case note != "":
			e.Answer, e.Value, countsNote = true, v, note
		case it.answer != "":
			if d, ok := r.date(it); ok {
				r.failf(it.row, r.ansCol, "%s: sel berisi tanggal %s, bukan jawaban (lembar kerja mengubah ketikan seperti 8/10 menjadi tanggal): tulis 80%% atau '8/10 dengan tanda petik di depan", num, d)
				continue
			}
			v, msg := parseAnswer(q, it.answer, r.share(q, it))
			if msg != "" {
				r.failf(it.row, r.ansCol, "%s: %s", num, msg)
				continue
			}
			e.Answer, e.Value = true, v
		}
		if fx := r.uncalculated(it); fx != "" && !e.Answer {
			r.failf(it.row, r.ansCol, "%s: sel berisi rumus =%s tanpa hasil tersimpan (berkas belum pernah dihitung spreadsheet): buka di Excel atau LibreOffice lalu simpan ulang", num, fx)
			continue
		}
		if col, text, head := r.misplaced(it, q); col >= 0 && !e.Answer {
			ans, _ := excelize.ColumnNumberToName(r.ansCol + 1)
			r.failf(it.row, col, "%s: %q ada di kolom %s; jawaban diisi di kolom %s (%s)", num, text, head, HeadAnswer, ans)
			continue
		}
		if n := strings.TrimSpace(strings.Join(nonEmpty(countsNote, it.note), "\n")); n != "" {
			e.Note, e.HasNote = n, true
		}
		if e.Answer || e.HasNote {
			out = append(out, e)
		}
	}
	return out
}

// fits counts the items whose Pilihan Jawaban is their question's kind of
// answer, the items numbered by position or by their letters.
func (r *lkeReader) fits(items []*lkeItem, byPosition bool) int {
	n := 0
	for k, it := range items {
		l := it.letter
		if byPosition {
			l = string(rune('a' + k))
		}
		if q := r.numbers[strings.ToLower(it.prefix+"."+l)]; q != nil && kindFits(it.kind, q) {
			n++
		}
	}
	return n
}

// kindFits reports whether a worksheet's Pilihan Jawaban ("Ya/Tidak",
// "A/B/C", "%", "Nilai (0-4)") names the question's kind of answer.
func kindFits(kind string, q *model.Question) bool {
	k := strings.ToLower(strings.ReplaceAll(kind, " ", ""))
	switch q.Type {
	case model.Percent:
		return k == "%" || strings.HasPrefix(k, "persen")
	case model.Number:
		return strings.HasPrefix(k, "nilai") || strings.HasPrefix(k, "angka")
	}
	return k != "" && k == strings.ToLower(strings.ReplaceAll(q.TypeName(), " ", ""))
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (it *lkeItem) hasCounts() bool {
	for _, j := range it.jumlah {
		if j.value != "" {
			return true
		}
	}
	return false
}

// share says how a bare number in a percentage cell reads: a cell
// formatted as a percentage holds a share (typing "80%" stores 0.8 so, in
// any workbook, ziwb's own too); otherwise ziwb's own export holds 0–100,
// and in any other worksheet a number up to 1 is a share.
func (r *lkeReader) share(q *model.Question, it *lkeItem) shareMode {
	if q.Type != model.Percent {
		return shareGuess
	}
	if id, custom := r.numFmt(it.row); id == 9 || id == 10 || strings.Contains(custom, "%") {
		return shareCell
	}
	if r.idCol >= 0 {
		return shareNever
	}
	return shareGuess
}

// misplaced finds an answer typed beside an empty Jawaban: over the
// Pilihan Jawaban (or Jenis Jawaban) cell, or into the Nilai cell of a
// question answered by a letter (a number there is a value). It gives the
// column, the text and the column's heading; col is -1 when there is none.
func (r *lkeReader) misplaced(it *lkeItem, q *model.Question) (col int, text, head string) {
	if it.answer != "" {
		return -1, "", ""
	}
	if _, msg := parseAnswer(q, it.kind, shareGuess); it.kind != "" && msg == "" {
		return r.kind, it.kind, r.kindHead
	}
	if _, msg := parseAnswer(q, it.value, shareGuess); it.value != "" && msg == "" && q.Type != model.Percent && q.Type != model.Number {
		return r.valCol, it.value, r.valHead
	}
	return -1, "", ""
}

// uncalculated is the formula of an item's empty answer cell when the
// cell holds no result though its formula gives one: a workbook written
// by a program and never calculated by a spreadsheet. A formula whose
// result is empty text (IF(…,"",…)), or one excelize cannot calculate,
// is not one.
func (r *lkeReader) uncalculated(it *lkeItem) string {
	if it.answer != "" {
		return ""
	}
	c, _ := excelize.CoordinatesToCellName(r.ansCol+1, it.row)
	fx, err := r.xf.GetCellFormula(r.sheet, c)
	if err != nil || fx == "" {
		return ""
	}
	if v, err := r.xf.CalcCellValue(r.sheet, c, excelize.Options{RawCellValue: true}); err != nil || cleanText(v) == "" {
		return ""
	}
	return fx
}

// numFmt is the number format of a row's answer cell: the built-in
// format's id, or the custom format's code.
func (r *lkeReader) numFmt(row int) (id int, custom string) {
	c, _ := excelize.CoordinatesToCellName(r.ansCol+1, row)
	sid, err := r.xf.GetCellStyle(r.sheet, c)
	if err != nil || sid <= 0 {
		return 0, ""
	}
	st, err := r.xf.GetStyle(sid)
	if err != nil || st == nil {
		return 0, ""
	}
	if st.CustomNumFmt != nil {
		return st.NumFmt, *st.CustomNumFmt
	}
	return st.NumFmt, ""
}

// dateCode finds the day and year of a date format once its quoted text
// and bracketed parts ([$-421], [Red]) are left out.
var (
	fmtLiteral = lazyRegexp(`"[^"]*"|\[[^\]]*\]|\\.`)
	dateCode   = lazyRegexp(`[dDyY]`)
)

// date is the date a spreadsheet made of what was typed into an item's
// answer cell (8/10 becomes the 10th of August), written dd-mm-yyyy.
func (r *lkeReader) date(it *lkeItem) (string, bool) {
	id, custom := r.numFmt(it.row)
	isDate := id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58 ||
		dateCode().MatchString(fmtLiteral().ReplaceAllString(custom, ""))
	f, ok := parseDecimal(it.answer)
	if !isDate || !ok || f <= 0 {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		return "", false
	}
	return t.Format("02-01-2006"), true
}

// countRoles says which "Jumlah" rows of a percentage item are its
// numerator and denominator, by words of their text.
var countRoles = map[string]struct {
	num, den string
	fall     bool // the percentage is the fall from den to num
	cap      bool // a ratio above 100% counts as 100% (lke-zi-2021 header)
}{
	"R1.i.a":   {num: "dibuat", den: "agen", cap: true},
	"R1.i.b":   {num: "integrasi", den: "dibuat"},
	"R3.iii.a": {num: "tahun ini", den: "sebelum", fall: true},
	"R4.i":     {num: "tercapai", den: "sasaran"},
	"R5.ii":    {num: "selesai", den: "harus"},
	"R5.iii.a": {num: "sudah", den: "harus"},
	"R5.iii.b": {num: "sudah", den: "harus"},
	"R6.i.b":   {num: "dipermudah", den: "terdata"},
}

// counts computes a percentage item's answer from its Jumlah rows. note is
// empty when the rows give no counts; ok is false when they are refused.
func (r *lkeReader) counts(it *lkeItem, q *model.Question) (v model.Value, note string, ok bool) {
	role, known := countRoles[q.Number()]
	if q.Type != model.Percent || !known || !it.hasCounts() {
		return model.Value{}, "", true
	}
	var num, den *jumlahRow
	for k := range it.jumlah {
		j := &it.jumlah[k]
		switch {
		case strings.Contains(j.text, role.num) && num == nil:
			num = j
		case strings.Contains(j.text, role.den) && den == nil:
			den = j
		}
	}
	read := func(j *jumlahRow, what string) (float64, bool) {
		if j == nil {
			r.failf(it.row, r.ansCol, "%s: baris Jumlah %s tidak ada di bawah butir ini", q.Number(), what)
			return 0, false
		}
		if j.value == "" {
			r.failf(j.row, r.ansCol, "%s: jumlah kosong (isi kedua jumlah, atau kosongkan keduanya dan isi persentasenya)", q.Number())
			return 0, false
		}
		f, good := parseDecimal(j.value)
		switch {
		case !good:
			r.failf(j.row, r.ansCol, "%s: %q bukan angka", q.Number(), j.value)
		case f < 0:
			r.failf(j.row, r.ansCol, "%s: jumlah %q tidak boleh negatif", q.Number(), j.value)
		default:
			return f, true
		}
		return 0, false
	}
	n, okN := read(num, "pembilang ("+role.num+")")
	d, okD := read(den, "penyebut ("+role.den+")")
	if !okN || !okD {
		return model.Value{}, "", false
	}
	if d == 0 {
		r.failf(den.row, r.ansCol, "%s: penyebut nol: persentase tidak dapat dihitung", q.Number())
		return model.Value{}, "", false
	}
	counts := fmt.Sprintf("%s/%s", model.PlainNumber(n), model.PlainNumber(d))
	extra := ""
	if role.fall {
		extra = fmt.Sprintf(" (tahun sebelumnya %s, tahun ini %s)", model.PlainNumber(d), model.PlainNumber(n))
		n = math.Max(0, d-n)
		counts = fmt.Sprintf("%s/%s", model.PlainNumber(n), model.PlainNumber(d))
	}
	pct := roundPct(n * 100 / d)
	if pct > 100 {
		if !role.cap {
			r.failf(num.row, r.ansCol, "%s: rasio %s melebihi 100%%", q.Number(), model.DecimalComma(model.PlainNumber(pct))+"%")
			return model.Value{}, "", false
		}
		extra, pct = " (dibatasi 100%)", 100
	}
	return model.Num(pct), fmt.Sprintf("Jumlah: %s = %s%%%s", counts, strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", pct), "0"), "."), extra), true
}
