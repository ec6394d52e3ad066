package model

// Verdict is a node's standing against the target predicate's rules.
type Verdict string

const (
	VerdictNone Verdict = ""     // no rule of the target names this node
	Pass        Verdict = "pass" // every rule naming it holds
	Fail        Verdict = "fail" // some rule naming it does not
)

// Glyph is the verdict as one cell: ✓, ✗, or · when no rule judges the
// node.
func (v Verdict) Glyph() string { return formOf(verdictForms, v, VerdictNone).glyph }

// Word is the verdict in words, as reports and spreadsheets write it:
// LULUS, TIDAK LULUS, or – when no rule judges the node.
func (v Verdict) Word() string { return formOf(verdictForms, v, VerdictNone).word }

// verdictForms are the verdicts' forms; anything else reads as
// VerdictNone.
var verdictForms = map[Verdict]form{
	VerdictNone: {"·", "–"},
	Pass:        {"✓", "LULUS"},
	Fail:        {"✗", "TIDAK LULUS"},
}

// form is how a value of a small set (a verdict, a trend) is written: as
// a glyph and in words.
type form struct{ glyph, word string }

// formOf is the form forms gives k; anything it does not name reads as
// none.
func formOf[K comparable](forms map[K]form, k, none K) form {
	if f, ok := forms[k]; ok {
		return f
	}
	return forms[none]
}
