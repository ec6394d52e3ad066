package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Numbers as ziwb writes them: plain for files and messages, with a
// decimal comma for people.

// PlainNumber writes a number with a decimal point, at most four decimals
// and no trailing zeros: 0.625, 80. Messages, formulas and files use it.
func PlainNumber(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", f), "0"), ".")
}

// DecimalComma writes a number's decimal point as Indonesian text does:
// "0.625" as 0,625.
func DecimalComma(s string) string { return strings.Replace(s, ".", ",", 1) }

// Points formats a score the way Indonesian reports write it: two
// decimals with a decimal comma (1,25), a half rounded away from zero as
// a spreadsheet shows it (6,625 reads 6,63, as in the workbook ziwb
// exports; Go's %.2f would give 6,62).
func Points(f float64) string { return DecimalComma(twoDecimals(f)) }

// twoDecimals rounds f to hundredths, halves away from zero, on its
// decimal form to nine places rather than on its binary value: 1.005,
// stored as 1.00499999…, is a half as a person typed it.
func twoDecimals(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e9 {
		return fmt.Sprintf("%.2f", f)
	}
	digits := strings.Replace(strconv.FormatFloat(math.Abs(f), 'f', 9, 64), ".", "", 1)
	n, _ := strconv.ParseUint(digits, 10, 64)
	hundredths := (n + 5_000_000) / 10_000_000
	sign := ""
	if f < 0 && hundredths > 0 {
		sign = "-"
	}
	return fmt.Sprintf("%s%d.%02d", sign, hundredths/100, hundredths%100)
}

// PointsShort writes a shortfall as Points does, but a rule missed by
// less than half a hundredth reads "kurang 0,01", never 0,00.
func PointsShort(short float64) string {
	if s := Points(short); s != Points(0) || short <= 0 {
		return s
	}
	return Points(0.01)
}

// PointsAgainst writes a score that misses need as Points does, but
// rounded down where rounding would show it as need itself: a total of
// 74,996 that misses 75 reads 74,99, not 75,00.
func PointsAgainst(have, need float64) string {
	if s := Points(have); s != Points(need) || have >= need {
		return s
	}
	return Points(math.Floor(have*100+1e-6) / 100)
}
