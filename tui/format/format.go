// Package format writes the domain's values the way ziwb shows them, on
// the screens and in the reports alike: verdicts as words and glyphs
// (never as colour alone), points with a sign, dates and digit grouping
// the Indonesian way. It draws nothing and styles nothing.
package format

import (
	"fmt"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// Verdict is a verdict as the screens write it: "✓ LULUS", "✗ TIDAK
// LULUS", or "·" when no rule judges the component.
func Verdict(v model.Verdict) string {
	if v == model.VerdictNone {
		return "·"
	}
	return VerdictGlyph(v) + " " + VerdictWord(v)
}

// VerdictWord is the verdict in words alone, as reports write it; "–"
// when no rule judges the component.
func VerdictWord(v model.Verdict) string { return v.Word() }

// VerdictGlyph is the verdict as one cell: ✓, ✗ or ·.
func VerdictGlyph(v model.Verdict) string { return v.Glyph() }

// SignedPoints writes a difference in points with its sign (a true minus
// sign), and 0,00 for less than half a hundredth either way.
func SignedPoints(f float64) string {
	switch {
	case f >= 0.005:
		return "+" + model.Points(f)
	case f <= -0.005:
		return "−" + model.Points(-f)
	}
	return model.Points(0)
}

var (
	months      = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	shortMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
)

// Date writes a date as Indonesian reports do: 30 Juni 2026; "-" for none.
func Date(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// ShortDate writes a date where room is short: 30 Jun 2026; "-" for none.
func ShortDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return fmt.Sprintf("%d %s %d", t.Day(), shortMonths[t.Month()-1], t.Year())
}

// Thousands writes a count with Indonesian digit grouping: 5.000.
func Thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// Decimal writes a number for spreadsheets and programs: a decimal point,
// at most four decimals, no trailing zeros.
func Decimal(f float64) string {
	s := model.PlainNumber(f)
	if s == "-0" {
		return "0"
	}
	return s
}

// Answer writes an answer as the screens and reports list it: the option
// key, a number with a decimal comma and at most four decimals (a
// percentage typed as 1/3 is stored in full but written 33,3333%), a
// percentage with its sign; "–" for none.
func Answer(q *model.Question, v model.Value) string {
	switch {
	case v.IsZero():
		return "–"
	case !v.Numeric:
		return v.Choice
	case q.Type == model.Percent:
		return model.DecimalComma(Decimal(v.Number)) + "%"
	}
	return model.DecimalComma(Decimal(v.Number))
}

// OneLine puts a multi-line text on one line, for a table cell: line
// breaks become " / ", runs of space one space.
func OneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " / ")), " ")
}
