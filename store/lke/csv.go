package lke

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// The CSV form of an evaluation's answers: RFC 4180 (comma-separated,
// CRLF, fields quoted when needed), UTF-8 without a byte-order mark, one
// header row and then one row per question in the order of the walk:
//
//	id,nomor,jawaban,nilai,skor,catatan
//	mp.pemenuhan.1,1.i.a,Y,1,0.25,SK tim ada
//	mp.reform.1,R1.i.a,80%,0.8,0.4,Jumlah: 8/10 = 80%
//
// id is the question's id, nomor the regulation's numbering (as the walk
// shows it), jawaban the answer as typed (a letter; a percentage with its
// "%"; a number with a decimal point), nilai its value from 0 to 1, skor the
// points it adds to the total, catatan the note. An unanswered question
// has empty jawaban, nilai and skor. Numbers use a decimal point.
//
// Reading it back (ReadCSV) takes the header's names in any order and case
// (English ones too: question, number, answer, value, score, note), a
// semicolon or tab instead of the comma (what Excel writes where the comma
// is the decimal sign, or the one a first line "sep=;" names), and a
// byte-order mark; text that is not UTF-8 (or UTF-16) is refused. Only id
// (or, without it, nomor), jawaban and catatan are read: nilai and skor are computed. Other
// columns are ignored. An empty jawaban clears the stored answer; without
// a catatan column notes are left alone.
var csvHeader = []string{"id", "nomor", "jawaban", "nilai", "skor", "catatan"}

// csvColumns maps every accepted header name to its column.
var csvColumns = map[string]string{
	"id": "id", "kode": "id", "question": "id",
	"nomor": "nomor", "no": "nomor", "number": "nomor", "numbering": "nomor",
	"jawaban": "jawaban", "answer": "jawaban",
	"nilai": "nilai", "value": "nilai",
	"skor": "skor", "score": "skor",
	"catatan": "catatan", "note": "catatan",
}

// WriteCSV writes an evaluation's answers (those that count) as CSV, one
// row per question of its instrument.
func WriteCSV(w io.Writer, in *model.Instrument, answers map[string]model.Answer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, q := range in.Questions() {
		a := answers[q.ID]
		row := []string{q.ID, q.Number(), "", "", "", a.Note}
		if !a.Value.IsZero() {
			row[2] = answerText(q, a.Value)
			frac := q.Fraction(a.Value)
			row[3] = model.PlainNumber(frac)
			row[4] = model.PlainNumber(questionPoints(in, q, frac))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// answerText writes an answer so that reading it back gives the same
// value: a percentage keeps its "%" (a bare 0.5 would read as a share).
func answerText(q *model.Question, v model.Value) string {
	if !v.Numeric {
		return v.Choice
	}
	s := strconv.FormatFloat(v.Number, 'f', -1, 64)
	if q.Type == model.Percent {
		s += "%"
	}
	return s
}

// questionPoints is what a question's value adds to the total: its share
// of the weight of the node that holds it.
func questionPoints(in *model.Instrument, q *model.Question, frac float64) float64 {
	n := in.Parent(q.ID)
	if n == nil {
		return 0
	}
	sum := 0.0
	for _, o := range n.Questions {
		sum += o.Weight
	}
	if sum == 0 {
		return 0
	}
	return n.Weight * q.Weight * frac / sum
}

// ReadCSV reads answers in the CSV form WriteCSV writes, checked against
// the instrument they go into. Every problem comes back at once as
// model.FileErrors, each with its line. A refused file still gives what it
// read, as ReadLKE does: the good rows, the problems sorted into Skipped
// and Invalid; one whose header is refused gives neither.
func ReadCSV(name string, data []byte, in *model.Instrument) (File, error) {
	f := File{Name: name, Instrument: in.ID}
	var errs model.FileErrors
	fail := func(line int, format string, args ...any) {
		errs = append(errs, model.FileError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
		f.Invalid = append(f.Invalid, errs[len(errs)-1])
	}
	unmatched := func(line int, format string, args ...any) {
		errs = append(errs, model.FileError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
		f.Skipped = append(f.Skipped, errs[len(errs)-1])
	}
	data = model.UTF8(data)
	if len(bytes.TrimSpace(data)) == 0 {
		fail(1, "berkas kosong: tidak ada baris judul (%s)", strings.Join(csvHeader, ","))
		return File{}, errs
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		fail(0, "ini lembar kerja (.xlsx atau .ods), bukan CSV: impor lembar kerja LKE ZI dengan --lke")
		return File{}, errs
	}
	if bad := model.NotUTF8(name, data, `berkas CSV dari Excel: simpan ulang sebagai "CSV UTF-8 (Comma delimited)"; dari LibreOffice: set karakter Unicode (UTF-8)`); bad != nil {
		// Excel's "CSV (Comma delimited)" writes the Windows code page:
		// read as it is, its dashes and curly quotes would be stored as �.
		return File{}, bad
	}
	comma := delimiter(data)
	if first, _, _ := bytes.Cut(data, []byte("\n")); sepLine().Match(bytes.TrimSpace(first)) {
		// Excel's "sep=;": the separator, on a line of its own. Its line
		// break stays, a blank line, so the next lines keep their numbers.
		comma = rune(bytes.TrimSpace(first)[4])
		data = data[len(first):]
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		fail(csvErrLine(err, 1), "baris judul tidak terbaca: %s", csvErrText(err))
		return File{}, errs
	}
	col := map[string]int{}
	for i, h := range header {
		name, ok := csvColumns[strings.ToLower(cleanText(h))]
		if !ok {
			continue // another column: ignored
		}
		if _, dup := col[name]; dup {
			fail(1, "kolom %q ganda di baris judul", cleanText(h))
			continue
		}
		col[name] = i
	}
	_, hasID := col["id"]
	_, hasNo := col["nomor"]
	if _, ok := col["jawaban"]; !ok {
		fail(1, "baris judul tidak punya kolom \"jawaban\" (judul yang diharapkan: %s)", strings.Join(csvHeader, ","))
	}
	if !hasID && !hasNo {
		fail(1, "baris judul tidak punya kolom \"id\" atau \"nomor\" (judul yang diharapkan: %s)", strings.Join(csvHeader, ","))
	}
	if len(errs) > 0 {
		return File{}, errs
	}
	_, hasNote := col["catatan"]
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	numbers := numbering(in)
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(csvErrLine(err, 0), "CSV tidak terbaca: %s", csvErrText(err))
			break // the rest of the file cannot be trusted
		}
		line, _ := r.FieldPos(0)
		id, no := cleanText(field(rec, "id")), cleanText(field(rec, "nomor"))
		ans, note := field(rec, "jawaban"), field(rec, "catatan")
		var q *model.Question
		switch {
		case id != "":
			var ok bool
			if q, ok = in.Question(id); !ok {
				unmatched(line, "pertanyaan %q tidak ada di instrumen %s", id, in.ID)
				continue
			}
			if no != "" && !strings.EqualFold(no, q.Number()) {
				fail(line, "nomor %q tidak cocok dengan pertanyaan %s (nomornya %s)", no, id, q.Number())
				continue
			}
		case no != "":
			if q = numbers[strings.ToLower(no)]; q == nil {
				unmatched(line, "nomor %q tidak cocok dengan pertanyaan mana pun di instrumen %s", no, in.ID)
				continue
			}
		default:
			if strings.TrimSpace(strings.Join(rec, "")) == "" {
				continue // a blank row
			}
			unmatched(line, "baris tanpa id dan nomor pertanyaan")
			continue
		}
		if first, dup := seen[q.ID]; dup {
			fail(line, "pertanyaan %s (%s) ganda: pertama di baris %d", q.ID, q.Number(), first)
			continue
		}
		seen[q.ID] = line
		e := Entry{Question: q.ID, Number: q.Number(), Answer: true, Line: line, Note: note, HasNote: hasNote}
		if cleanText(ans) != "" {
			v, msg := parseAnswer(q, ans, shareGuess)
			if msg != "" {
				fail(line, "pertanyaan %s (%s): %s", q.ID, q.Number(), msg)
				continue
			}
			e.Value = v
		}
		f.Entries = append(f.Entries, e)
	}
	if len(errs) > 0 {
		return f, errs
	}
	return f, nil
}

var sepLine = lazyRegexp(`^(?i)sep=[,;\t|]$`)

// delimiter guesses the separator from the header line: a comma, or the
// semicolon or tab a spreadsheet writes where the comma is the decimal sign.
func delimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	best, n := ',', bytes.Count(first, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(first, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

func csvErrLine(err error, def int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.Line > 0 {
		return pe.Line
	}
	return def
}

func csvErrText(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return "tanda kutip tidak berpasangan (isi yang memuat koma, kutip atau baris baru ditulis di antara dua tanda kutip, kutip di dalamnya ditulis dua kali)"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// FindEvaluation is the evaluation of a satker at a stage and year: an
// empty stage is PMPZI, year 0 the latest year with an evaluation of
// that stage.
func FindEvaluation(db *store.DB, satkerID string, stage model.Stage, year int) (model.Evaluation, error) {
	if stage == "" {
		stage = model.StagePMPZI
	}
	evals, err := db.Evaluations(satkerID)
	if err != nil {
		return model.Evaluation{}, err
	}
	var pick *model.Evaluation
	for i, e := range evals {
		if e.Stage == stage && (e.Year == year || year == 0 && (pick == nil || e.Year > pick.Year)) {
			pick = &evals[i]
		}
	}
	if pick == nil {
		if year == 0 {
			return model.Evaluation{}, fmt.Errorf("satker %s belum punya evaluasi tahap %s: %w", satkerID, stage, store.ErrNotFound)
		}
		return model.Evaluation{}, fmt.Errorf("satker %s tidak punya evaluasi %s %d: %w", satkerID, stage, year, store.ErrNotFound)
	}
	return *pick, nil
}

// ExportCSV writes an evaluation's answers as CSV (see WriteCSV).
func ExportCSV(db *store.DB, w io.Writer, evalID string) error {
	ws, err := db.Worksheet(evalID)
	if err != nil {
		return err
	}
	return WriteCSV(w, ws.Instrument, ws.Answers)
}
