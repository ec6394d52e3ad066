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
func (v Verdict) Glyph() string { return v.forms().glyph }

// Word is the verdict in words, as reports and spreadsheets write it:
// LULUS, TIDAK LULUS, or – when no rule judges the node.
func (v Verdict) Word() string { return v.forms().word }

// verdictForm is how a verdict is written: as a glyph and as words.
type verdictForm struct{ glyph, word string }

// verdictForms are the verdicts' forms; anything else reads as
// VerdictNone.
var verdictForms = map[Verdict]verdictForm{
	VerdictNone: {"·", "–"},
	Pass:        {"✓", "LULUS"},
	Fail:        {"✗", "TIDAK LULUS"},
}

func (v Verdict) forms() verdictForm {
	if f, ok := verdictForms[v]; ok {
		return f
	}
	return verdictForms[VerdictNone]
}
