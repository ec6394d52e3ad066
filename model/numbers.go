package model

import (
	"fmt"
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
// decimals with a decimal comma (1,25).
func Points(f float64) string { return DecimalComma(fmt.Sprintf("%.2f", f)) }
