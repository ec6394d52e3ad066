package model

import "testing"

// A rule missed by less than half a hundredth must not read as met: the
// score that misses is rounded down where it would read as the rule's own
// number, and the shortfall up where it would read as nothing; any other
// is written as everywhere else.
func TestPointsNearAThreshold(t *testing.T) {
	for _, c := range []struct {
		have, need    float64
		below, kurang string
	}{
		{74.99599875, 75, "74,99", "0,01"},
		{84.9999999, 85, "84,99", "0,01"},
		{3.49, 3.5, "3,49", "0,01"},
		{67.2857, 75, "67,29", "7,71"}, // as the score is written elsewhere
		{60, 75, "60,00", "15,00"},
		{0.1 + 0.2, 0.5, "0,30", "0,20"},
	} {
		if got := PointsAgainst(c.have, c.need); got != c.below {
			t.Errorf("PointsAgainst(%v, %v) = %q; want %q", c.have, c.need, got, c.below)
		}
		if got := PointsShort(c.need - c.have); got != c.kurang {
			t.Errorf("PointsShort(%v) = %q; want %q", c.need-c.have, got, c.kurang)
		}
	}
}

// Points rounds a half away from zero, as the spreadsheet that shows the
// same score in ziwb's workbook does, also where the binary value lies
// just under the half.
func TestPointsRoundsHalfAwayFromZero(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{
		{6.625, "6,63"}, // exact in binary: %.2f gives 6,62
		{6.615, "6,62"}, // 6.6149999… in binary
		{1.005, "1,01"}, // 1.00499999… in binary
		{2.675, "2,68"}, // 2.67499999… in binary
		{0.125, "0,13"}, // a quarter of a half point
		{6.624, "6,62"}, // under the half
		{99.995, "100,00"},
		{0, "0,00"},
		{-6.625, "-6,63"},
		{-0.001, "0,00"}, // no "-0,00"
		{1234.5, "1234,50"},
	} {
		if got := Points(c.f); got != c.want {
			t.Errorf("Points(%v) = %q; want %q", c.f, got, c.want)
		}
	}
}
