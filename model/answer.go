package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Value is a validated answer: an option key for choice and letter types,
// or a number for percent and number types. The zero Value is no answer.
type Value struct {
	Choice  string  // upper-case option key; empty for numeric answers
	Number  float64 // the number typed, for percent (0–100) and number types
	Numeric bool
}

// Letter returns a choice answer.
func Letter(key string) Value { return Value{Choice: strings.ToUpper(key)} }

// Num returns a numeric answer.
func Num(f float64) Value { return Value{Number: f, Numeric: true} }

// IsZero reports whether v holds no answer.
func (v Value) IsZero() bool { return v.Choice == "" && !v.Numeric }

// String shows the answer as an evaluator typed it.
func (v Value) String() string {
	switch {
	case v.Numeric:
		return strconv.FormatFloat(v.Number, 'f', -1, 64)
	case v.Choice != "":
		return v.Choice
	}
	return ""
}

// MarshalJSON writes a choice as a string and a number as a number, the
// shape of the answers file.
func (v Value) MarshalJSON() ([]byte, error) {
	switch {
	case v.Numeric:
		return json.Marshal(v.Number)
	case v.Choice != "":
		return json.Marshal(v.Choice)
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads what MarshalJSON wrote; it does not validate against a
// question (Question.Check does).
func (v *Value) UnmarshalJSON(b []byte) error {
	var raw any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	switch x := raw.(type) {
	case nil:
		*v = Value{}
	case string:
		*v = Letter(x)
	case float64:
		*v = Num(x)
	default:
		return fmt.Errorf("jawaban harus berupa huruf atau angka, bukan %s", b)
	}
	return nil
}

// Answers maps question ids to validated answers.
type Answers map[string]Value

// AnswerError says why an answer is not accepted for a question.
type AnswerError struct {
	Question string
	Value    string // what was given, as text
	Accepted string // what the question accepts
	Reason   string // set when the shape was right but the value is not
}

func (e *AnswerError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("pertanyaan %s: jawaban %q ditolak: %s (yang diterima: %s)", e.Question, e.Value, e.Reason, e.Accepted)
	}
	return fmt.Sprintf("pertanyaan %s: jawaban %q tidak diterima (yang diterima: %s)", e.Question, e.Value, e.Accepted)
}

func (q *Question) reject(given, reason string) *AnswerError {
	return &AnswerError{Question: q.ID, Value: given, Accepted: q.Accepted(), Reason: reason}
}

// Parse validates an answer typed by a person: a letter (any case) for
// choice types; for numbers a decimal point or comma, and for percent also
// a trailing "%" or two counts "8/10" (settled ÷ received) that give the
// percentage. Nothing is clipped or guessed.
func (q *Question) Parse(s string) (Value, error) {
	s = strings.TrimSpace(s)
	if q.Type.IsChoice() {
		return q.choice(s)
	}
	if q.Type == Percent {
		if num, den, ok := strings.Cut(s, "/"); ok {
			return q.ratio(s, num, den)
		}
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	f, err := parseDecimal(s)
	if err != nil {
		return Value{}, q.reject(s, "bukan angka")
	}
	return q.number(s, f)
}

// Check validates an answer read from JSON: a string for choice types, a
// number for numeric ones.
func (q *Question) Check(raw any) (Value, error) {
	switch x := raw.(type) {
	case string:
		if !q.Type.IsChoice() {
			e := q.reject(x, "harus berupa angka, bukan teks")
			if q.Type == Percent { // counts are typed, in the walk or a sheet; a JSON file holds the percentage
				e.Accepted = "angka 0 sampai 100; dua bilangan seperti 8/10 hanya di meja kerja, CSV dan lembar kerja"
			}
			return Value{}, e
		}
		return q.choice(strings.TrimSpace(x))
	case float64:
		given := strconv.FormatFloat(x, 'f', -1, 64)
		if q.Type.IsChoice() {
			return Value{}, q.reject(given, "harus berupa huruf pilihan, bukan angka")
		}
		return q.number(given, x)
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return Value{}, q.reject(x.String(), "bukan angka")
		}
		return q.Check(f)
	case nil:
		return Value{}, q.reject("null", "jawaban kosong")
	}
	return Value{}, q.reject(fmt.Sprint(raw), "harus berupa huruf atau angka")
}

func (q *Question) choice(s string) (Value, error) {
	if o, ok := q.Option(s); ok {
		return Value{Choice: o.Key}, nil
	}
	return Value{}, q.reject(s, "")
}

func (q *Question) number(given string, f float64) (Value, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Value{}, q.reject(given, "bukan angka")
	}
	lo, hi := 0.0, 100.0
	if q.Type == Number {
		lo, hi = q.Range[0], q.Range[1]
	}
	if f < lo || f > hi {
		return Value{}, q.reject(given, fmt.Sprintf("di luar rentang %s–%s", PlainNumber(lo), PlainNumber(hi)))
	}
	return Num(f), nil
}

// ratio turns two counts into a percentage: the LKE computes its % items
// from "Jumlah" rows, and evaluators often have the counts, not the share.
func (q *Question) ratio(given, num, den string) (Value, error) {
	n, err1 := parseDecimal(num)
	d, err2 := parseDecimal(den)
	switch {
	case err1 != nil || err2 != nil:
		return Value{}, q.reject(given, "tulis dua bilangan, mis. 8/10")
	case n < 0 || d < 0:
		return Value{}, q.reject(given, "jumlah tidak boleh negatif")
	case d == 0:
		return Value{}, q.reject(given, "penyebut nol")
	case n > d:
		return Value{}, q.reject(given, fmt.Sprintf("rasio %s%% melebihi 100%%", PlainNumber(n/d*100)))
	}
	return Num(n / d * 100), nil
}

func parseDecimal(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1) // Indonesian decimal comma: 3,41
	}
	if s == "" || strings.ContainsAny(s, "xXpP_") { // no hex, no separators
		return 0, strconv.ErrSyntax
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, strconv.ErrSyntax
	}
	return f, nil
}

// Fraction is the answer's value between 0 and 1; 0 for no answer or an
// answer this question does not accept.
func (q *Question) Fraction(v Value) float64 {
	if v.Numeric {
		switch q.Type {
		case Percent:
			return v.Number / 100
		case Number:
			return (v.Number - q.Range[0]) / (q.Range[1] - q.Range[0])
		}
		return 0
	}
	if v.Choice == "" {
		return 0
	}
	for _, o := range q.Options {
		if o.Key == v.Choice {
			return o.Value
		}
	}
	return 0
}

// Best and Worst return the answers with the highest and lowest value, for
// tests and demo data.
func (q *Question) Best() Value  { return q.extreme(true) }
func (q *Question) Worst() Value { return q.extreme(false) }

func (q *Question) extreme(best bool) Value {
	switch q.Type {
	case Percent:
		return Num(map[bool]float64{true: 100, false: 0}[best])
	case Number:
		return Num(map[bool]float64{true: q.Range[1], false: q.Range[0]}[best])
	}
	pick := q.Options[0]
	for _, o := range q.Options[1:] {
		if (best && o.Value > pick.Value) || (!best && o.Value < pick.Value) {
			pick = o
		}
	}
	return Value{Choice: pick.Key}
}

// TypeName names the question's answer type as screens and worksheets
// write it: "Ya/Tidak", "A/B/C", "Persentase", "Angka 0–4" (a range's
// ends as typed, with a decimal comma).
func (q *Question) TypeName() string {
	switch q.Type {
	case YesNo:
		return "Ya/Tidak"
	case ABC:
		return "A/B/C"
	case ABCD:
		return "A/B/C/D"
	case ABCDE:
		return "A/B/C/D/E"
	case Percent:
		return "Persentase"
	case Number:
		comma := func(f float64) string { return DecimalComma(PlainNumber(f)) }
		return fmt.Sprintf("Angka %s–%s", comma(q.Range[0]), comma(q.Range[1]))
	}
	keys := make([]string, len(q.Options))
	for i, o := range q.Options {
		keys[i] = o.Key
	}
	return "Pilihan " + strings.Join(keys, "/")
}
