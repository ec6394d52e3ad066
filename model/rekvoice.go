package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The evaluator's voice: a recommendation says what the satker should
// do, phrased from the written criterion of the answer it needs, what
// stands now, and the evidence that will show the work. The LKE's option
// labels describe a state ("Tim pembangunan ZI sudah dibentuk di dalam
// unit kerja."); an instruction is that state asked for ("Pastikan tim
// pembangunan ZI dibentuk di dalam unit kerja."). Where a question has no
// labels (percentages, survey indices, instruments without criteria),
// its text is turned into the instruction instead. No question id or
// numbering appears in the text: the recommendation's Node links it.

// DraftLines is what a recommendation on one question says, in the
// evaluator's voice and in this order: the instruction that raises q to
// the answer to, what stands now (a, with its note; answered false when
// q has no answer), and the data dukung, left out when q has no guide.
// Drafts adds why (a step of the path, a failing node); an evaluator
// writing about one finding adds what was found.
func DraftLines(q *Question, a Answer, answered bool, to Value) []string {
	lines := []string{advice(q, to), condition(q, a, answered)}
	if e := evidence(q); e != "" {
		lines = append(lines, e)
	}
	return lines
}

// advice is the instruction that raises q to the answer to.
func advice(q *Question, to Value) string {
	best := q.Best()
	if q.Type.IsChoice() {
		want, okW := q.Option(to.Choice)
		full, okF := q.Option(best.Choice)
		if okW && strings.TrimSpace(want.Label) != "" {
			if to.Choice == best.Choice || !okF || strings.TrimSpace(full.Label) == "" {
				return "Pastikan " + criterionClause(want.Label) + "."
			}
			s := "Paling sedikit, pastikan " + criterionClause(want.Label)
			if negative(want.Label) {
				// A lower criterion that still names what is missing reads
				// wrongly as an instruction; it is quoted instead.
				s = "Naikkan paling sedikit ke kriteria jawaban " + to.Choice + " (" + strings.TrimRight(strings.TrimSpace(want.Label), ".") + ")"
			}
			return s + "; nilai penuh bila " + criterionClause(full.Label) + "."
		}
		s := questionInstruction(q)
		if to.Choice != best.Choice {
			return s + " (paling sedikit jawaban " + to.Choice + ")."
		}
		return s + "."
	}
	// A number: what it must reach, in the question's own terms.
	reach := "paling sedikit " + numberText(q, to)
	if to == best {
		reach = numberText(q, to)
	}
	if q.Type == Percent {
		reach = "capaian " + reach
	}
	body := questionBody(q)
	for _, p := range [][2]string{{"berapa persen ", "persentase "}, {"berapa ", ""}} {
		if rest, ok := cutPrefixFold(body, p[0]); ok {
			if strings.Contains(rest, ",") {
				rest += ","
			}
			return "Naikkan " + p[1] + rest + " menjadi " + strings.TrimPrefix(reach, "capaian ") + "."
		}
	}
	return questionInstruction(q) + " (" + reach + ")."
}

// numberText writes a number answer as a report does: 69%, 3,60.
func numberText(q *Question, v Value) string {
	if q.Type == Percent {
		return DecimalComma(PlainNumber(v.Number)) + "%"
	}
	return strings.Replace(Points(v.Number), ",00", "", 1)
}

// condition is what stands now: the criterion of the current answer (or
// the answer itself where there is none), and the note written with it.
func condition(q *Question, a Answer, answered bool) string {
	var s string
	switch {
	case !answered || a.Value.IsZero():
		s = "Saat ini belum dijawab."
	case q.Type.IsChoice():
		if o, ok := q.Option(a.Value.Choice); ok && strings.TrimSpace(o.Label) != "" {
			s = "Saat ini: " + sentence(o.Label)
		} else {
			s = "Saat ini: jawaban " + a.Value.Choice + "."
		}
	default:
		s = "Saat ini: " + numberText(q, a.Value) + "."
	}
	if note := strings.TrimSpace(a.Note); answered && note != "" {
		s += " Catatan: " + sentence(note)
	}
	return s
}

// evidence is the data dukung of q, its guide's first sentence (what
// follows is advice to the evaluator on entering the answer), or "".
func evidence(q *Question) string {
	g := strings.Join(strings.Fields(q.Evidence()), " ")
	if g == "" {
		return ""
	}
	for i := 0; i+2 < len(g); i++ {
		if g[i] == '.' && g[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(g[i+2:]); unicode.IsUpper(r) {
				g = g[:i+1]
				break
			}
		}
	}
	if !strings.HasSuffix(g, ".") {
		g += "."
	}
	return "Data dukung: " + g
}

// negative reports whether a criterion describes what is still missing.
func negative(label string) bool {
	l := " " + strings.ToLower(label) + " "
	for _, w := range []string{" tidak ", " tanpa ", " belum "} {
		if strings.Contains(l, w) && !strings.Contains(l, ", tetapi ") {
			return true
		}
	}
	return false
}

// criterionClause turns an option label into a clause that can follow
// "pastikan": without a leading letter or "Jika", without "sudah", and
// where the label describes a shortfall ("…, tetapi belum …") without it.
func criterionClause(label string) string {
	s := strings.Join(strings.Fields(label), " ")
	s = strings.TrimRight(s, ".;: ")
	// Leading enumerations: "a. ", "a) ", "(a) ".
	if f := strings.Fields(s); len(f) > 1 {
		w := strings.Trim(f[0], "()")
		if len(w) == 1 && (strings.HasSuffix(f[0], ".") || strings.HasSuffix(f[0], ")")) {
			s = strings.TrimSpace(s[len(f[0]):])
		} else if len(w) == 2 && strings.HasSuffix(w, ".") {
			s = strings.TrimSpace(s[len(f[0]):])
		}
	}
	for _, p := range []string{"jika ", "apabila ", "bila "} {
		if rest, ok := cutPrefixFold(s, p); ok {
			s = rest
		}
	}
	// A criterion built on a lower one: the lower one goes after.
	var also string
	if rest, ok := cutPrefixFold(s, "kriteria "); ok {
		if key, tail, ok := strings.Cut(rest, " terpenuhi, dan "); ok && len(key) <= 2 {
			s, also = tail, " (kriteria jawaban "+key+" juga terpenuhi)"
		}
	}
	if i := strings.Index(s, ", tetapi "); i > 0 {
		s = s[:i]
	}
	for _, p := range []string{"baru ", "hanya "} {
		if rest, ok := cutPrefixFold(s, p); ok {
			s = strings.Replace(rest, " yang ", " ", 1)
		}
	}
	for _, p := range []string{"sudah ", "telah "} {
		if rest, ok := cutPrefixFold(s, p); ok {
			s = rest
		}
	}
	for _, w := range []string{" sudah ", " telah ", " baru "} {
		s = strings.ReplaceAll(s, w, " ")
	}
	return lowerFirst(s) + also
}

// questionBody is q's text without its numbering and without what follows
// the question mark (how a percentage is counted).
func questionBody(q *Question) string {
	s := q.Wording()
	if i := strings.Index(s, "?"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// questionInstruction turns a question into an instruction, without the
// closing full stop: "Apakah unit kerja sudah membentuk tim …?" becomes
// "Pastikan unit kerja membentuk tim …".
func questionInstruction(q *Question) string {
	s := questionBody(q)
	for _, p := range []string{"apakah ", "sejauh mana "} {
		if rest, ok := cutPrefixFold(s, p); ok {
			s = rest
		}
	}
	s = strings.ReplaceAll(s, " sudah ", " ")
	if rest, ok := cutPrefixFold(s, "sudah "); ok {
		s = rest
	}
	return "Pastikan " + lowerFirst(s)
}

// lowerFirst lowers the first letter of a clause that opens a sentence,
// unless the first word is an acronym (SKM, SPBE) or the clause opens
// with a name of three capitalised words (Training Need Analysis).
func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	if upperCount(f[0]) > 1 {
		return s
	}
	if len(f) >= 3 && capitalised(f[1]) && capitalised(f[2]) && upperCount(f[1]) == 1 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func upperCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sentence closes s with a full stop and opens it with a capital.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
