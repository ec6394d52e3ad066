package lke

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// File is what a CSV file or a filled LKE worksheet gives, already checked
// against the instrument of the evaluation it goes into: the answers (in
// the form of an answers file, for store.ImportAnswers), the notes, and
// where each came from.
type File struct {
	Name       string // the file as the person named it
	Instrument string // the instrument the entries were checked against
	// Satker is the satker the workbook is of, as ziwb's own export names
	// it in LKE ZI!A2; "" when it names none (the official worksheet).
	Satker  string
	Entries []Entry
	// The problems of a refused file, each at its line or cell: Skipped
	// is the rows that match no question (an import may leave them out
	// once the person has seen them), Invalid the rest — answers that are
	// not answers, duplicates — which no import accepts.
	Skipped, Invalid model.FileErrors
}

// Entry is one question's row of a file.
type Entry struct {
	Question string
	Number   string      // the regulation's numbering, "1.i.a"
	Answer   bool        // the file gives this question an answer (maybe empty: it clears)
	Value    model.Value // the answer; zero clears the stored one
	Note     string
	HasNote  bool   // the file gives this question a note (maybe empty: it clears)
	Line     int    // the CSV line, or the worksheet row
	Cell     string // "LKE ZI!K45" for a worksheet; empty for CSV
}

// AnswersFile is the file as model.ReadAnswersFile would read the
// equivalent JSON answers file.
func (f File) AnswersFile() model.AnswersFile {
	af := model.AnswersFile{Instrument: f.Instrument}
	for _, e := range f.Entries {
		if !e.Answer {
			continue
		}
		var raw any
		switch {
		case e.Value.Numeric:
			raw = e.Value.Number
		case e.Value.Choice != "":
			raw = e.Value.Choice
		}
		af.Entries = append(af.Entries, model.AnswerEntry{Question: e.Question, Raw: raw, Line: e.Line})
	}
	return af
}

// answersJSON writes the answers as the JSON answers file store.ImportAnswers
// reads, one entry per line: line i+2 holds the answer of lines[i], so a
// problem the store reports by line finds its entry again.
func (f File) answersJSON() (data []byte, lines []*Entry) {
	var b bytes.Buffer
	b.WriteString("{\"instrument\": ")
	b.WriteString(strconv.Quote(f.Instrument))
	b.WriteString(", \"answers\": {")
	for i := range f.Entries {
		e := &f.Entries[i]
		if !e.Answer {
			continue
		}
		if len(lines) > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		b.WriteString(strconv.Quote(e.Question))
		b.WriteString(": ")
		switch {
		case e.Value.Numeric:
			b.WriteString(strconv.FormatFloat(e.Value.Number, 'g', -1, 64))
		case e.Value.Choice != "":
			b.WriteString(strconv.Quote(e.Value.Choice))
		default:
			b.WriteString("null")
		}
		lines = append(lines, e)
	}
	b.WriteString("\n}}\n")
	return b.Bytes(), lines
}

// numbering maps every question's numbering, lower-cased, to the question.
func numbering(in *model.Instrument) map[string]*model.Question {
	m := make(map[string]*model.Question, len(in.Questions()))
	for _, q := range in.Questions() {
		n := strings.ToLower(q.Number())
		if _, dup := m[n]; !dup {
			m[n] = q
		}
	}
	return m
}

// cleanText trims a cell and folds its runs of white space (no-break
// spaces and line breaks included) to one space.
func cleanText(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// parseAnswer reads an answer as people type it into a worksheet or a CSV
// file: letters in any case, with a dot or parentheses ("A.", "(b)");
// "Ya"/"Tidak"/"Y"/"T" for Ya/Tidak; numbers with a decimal point or
// comma; percentages as 80, 80%, 0,8 (a number from 0 to 1 is a share,
// unless it ends with %) or two counts 8/10; share says how a bare number
// reads. The text is not empty. The message names what was typed and why
// it is refused.
func parseAnswer(q *model.Question, raw string, share shareMode) (model.Value, string) {
	s := cleanText(raw)
	switch q.Type {
	case model.Percent:
		return parsePercent(q, s, share)
	case model.Number:
		f, ok := parseDecimal(s)
		if !ok {
			return model.Value{}, fmt.Sprintf("%q bukan angka (yang diterima: %s)", s, q.Accepted())
		}
		if f < q.Range[0] || f > q.Range[1] {
			return model.Value{}, fmt.Sprintf("%q di luar rentang %s–%s", s, model.PlainNumber(q.Range[0]), model.PlainNumber(q.Range[1]))
		}
		return model.Num(f), ""
	}
	key := strings.TrimSpace(strings.Trim(s, "().:"))
	if q.Type == model.YesNo {
		switch strings.ToLower(key) {
		case "ya", "y":
			return model.Letter("Y"), ""
		case "tidak", "t", "tdk":
			return model.Letter("T"), ""
		}
		return model.Value{}, fmt.Sprintf("%q bukan jawaban Ya/Tidak", s)
	}
	if o, ok := q.Option(key); ok {
		return model.Letter(o.Key), ""
	}
	keys := make([]string, len(q.Options))
	for i, o := range q.Options {
		keys[i] = o.Key
	}
	return model.Value{}, fmt.Sprintf("%q bukan pilihan %s", s, strings.Join(keys, "/"))
}

// shareMode says how a bare number (no "%") answering a percentage reads.
type shareMode int

const (
	shareGuess shareMode = iota // from 0 to 1 a share (0,8 = 80%), above it a percentage
	shareCell                   // a share: the cell is formatted as a percentage
	shareNever                  // a percentage, 0–100
)

func parsePercent(q *model.Question, s string, share shareMode) (model.Value, string) {
	t := strings.ReplaceAll(s, " ", "")
	if strings.Contains(t, "/") {
		v, err := q.Parse(t)
		if ae, ok := err.(*model.AnswerError); ok {
			return model.Value{}, fmt.Sprintf("%q ditolak: %s", s, ae.Reason)
		}
		return v, ""
	}
	f, ok := 0.0, false
	switch {
	case strings.HasSuffix(t, "%"):
		f, ok = parseDecimal(strings.TrimSuffix(t, "%"))
	default:
		if f, ok = parseDecimal(t); ok && (share == shareCell || share == shareGuess && f >= 0 && f <= 1) {
			f = roundPct(f * 100)
		}
	}
	if !ok {
		return model.Value{}, fmt.Sprintf("%q bukan persentase (tulis 80, 80%%, 0,8 atau 8/10)", s)
	}
	if f < 0 || f > 100 {
		return model.Value{}, fmt.Sprintf("%q di luar 0–100%%", s)
	}
	return model.Num(f), ""
}

// roundPct drops the binary noise of a share times 100 (0.8×100 is
// 80.00000000000001).
func roundPct(f float64) float64 { return math.Round(f*1e9) / 1e9 }

// parseDecimal reads a number with a decimal point or an Indonesian
// decimal comma (3,41); nothing else (no hex, no exponent from a person,
// no separators).
func parseDecimal(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	if s == "" || strings.ContainsAny(s, "xXpP_") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
