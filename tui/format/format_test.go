package format

import (
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestFormat(t *testing.T) {
	for _, c := range []struct{ name, got, want string }{
		{"pass", Verdict(model.Pass), "✓ LULUS"},
		{"fail", Verdict(model.Fail), "✗ TIDAK LULUS"},
		{"none", Verdict(model.VerdictNone), "·"},
		{"word none", VerdictWord(model.VerdictNone), "–"},
		{"plus", SignedPoints(1.234), "+1,23"},
		{"minus", SignedPoints(-0.5), "−0,50"},
		{"tiny", SignedPoints(-0.004), "0,00"},
		{"date", Date(time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)), "30 Juni 2026"},
		{"no date", Date(time.Time{}), "-"},
		{"short date", ShortDate(time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC)), "5 Agu 2026"},
		{"thousands", Thousands(1234567), "1.234.567"},
		{"small", Thousands(999), "999"},
		{"decimal", Decimal(87.6), "87.6"},
		{"minus zero", Decimal(-0.00001), "0"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q; want %q", c.name, c.got, c.want)
		}
	}
}

func TestAnswer(t *testing.T) {
	yesno := &model.Question{Type: model.YesNo}
	pct := &model.Question{Type: model.Percent}
	idx := &model.Question{Type: model.Number, Range: [2]float64{0, 4}}
	for _, c := range []struct {
		q    *model.Question
		v    model.Value
		want string
	}{
		{yesno, model.Value{}, "–"},
		{yesno, model.Letter("y"), "Y"},
		{pct, model.Num(68.5), "68,5%"},
		{pct, model.Num(100), "100%"},
		{idx, model.Num(3.6), "3,6"},
		{idx, model.Num(3), "3"},
		// A percentage typed as counts (1/3, 2/3) is stored in full; it is
		// written as every other number is, with at most four decimals.
		{pct, model.Num(1.0 / 3 * 100), "33,3333%"},
		{pct, model.Num(2.0 / 3 * 100), "66,6667%"},
		{idx, model.Num(3.599), "3,599"},
	} {
		if got := Answer(c.q, c.v); got != c.want {
			t.Errorf("Answer(%s, %v) = %q, want %q", c.q.Type, c.v, got, c.want)
		}
	}
}
