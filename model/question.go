package model

import (
	"fmt"
	"strings"
)

// What a question says of itself: the answers it takes, its numbering
// and wording, its evidence guide, its options.

// Accepted describes the answers a question takes, for messages and hints.
func (q *Question) Accepted() string {
	switch q.Type {
	case Percent:
		return "angka 0 sampai 100 (atau dua bilangan, mis. 8/10)"
	case Number:
		return fmt.Sprintf("angka %s sampai %s", PlainNumber(q.Range[0]), PlainNumber(q.Range[1]))
	}
	keys := make([]string, len(q.Options))
	for i, o := range q.Options {
		keys[i] = o.Key
	}
	return strings.Join(keys, ", ")
}

// Number is the regulation's numbering that opens a question's text
// ("1.i.a", "R1.ii", "H.I.a"), or its id when the text has none: what
// the walk, the worksheet and the reports call the question by.
func (q *Question) Number() string {
	n, _ := q.split()
	return n
}

// Wording is the question's text without its numbering.
func (q *Question) Wording() string {
	_, w := q.split()
	return w
}

func (q *Question) split() (number, wording string) {
	f := strings.Fields(q.Text)
	if len(f) > 0 && strings.Contains(f[0], ".") && len(f[0]) <= 12 {
		return f[0], strings.Join(f[1:], " ")
	}
	return q.ID, strings.Join(f, " ")
}

// Evidence is the guide without the "Data dukung:" label the built-in
// guides open with, for screens and reports that write their own label.
func (q *Question) Evidence() string {
	g := strings.TrimSpace(q.Guide)
	if label := "data dukung:"; len(g) >= len(label) && strings.EqualFold(g[:len(label)], label) {
		g = strings.TrimSpace(g[len(label):])
	}
	return g
}

// Option returns the option with this key (case-insensitive).
func (q *Question) Option(key string) (Option, bool) {
	for _, o := range q.Options {
		if strings.EqualFold(o.Key, key) {
			return o, true
		}
	}
	return Option{}, false
}
