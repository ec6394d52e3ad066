package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Comparisons of whole evaluations: scorecards side by side, and a
// satker's own answers (PMPZI) against the evaluators' (TPI), question by
// question, in the points each difference makes.

// TargetFor is the predicate verdicts are judged against: the satker's
// target when the instrument knows it, else "" (the instrument's lowest).
func (in *Instrument) TargetFor(target string) string {
	if _, ok := in.Predicate(target); ok {
		return target
	}
	return ""
}

// QuestionMax is how many points of the total a question gives at its best
// answer: its node's weight, shared among the node's questions by weight.
func (in *Instrument) QuestionMax(qid string) (float64, bool) {
	ref, ok := in.idx.qRef[qid]
	if !ok {
		return 0, false
	}
	return in.idx.nodes[ref.node].Weight * ref.q.Weight / in.idx.sumW[ref.node], true
}

// QuestionPoints is what an answer to one question adds to the total,
// computed as Score computes it: a scorecard with this one answer has
// exactly this total, and a question's points over all questions add up to
// the total (to the last bits of rounding). 0 for no answer or an answer
// the question does not accept; false for an unknown question.
func (in *Instrument) QuestionPoints(qid string, v Value) (float64, bool) {
	ref, ok := in.idx.qRef[qid]
	if !ok {
		return 0, false
	}
	if v.IsZero() {
		return 0, true
	}
	return in.idx.nodes[ref.node].Weight * (ref.q.Weight * ref.q.Fraction(v)) / in.idx.sumW[ref.node], true
}

// SideRow is one node of scorecards side by side.
type SideRow struct {
	ID       string    // node id, or TotalNode
	Present  []bool    // per scorecard: it has this node
	Scores   []float64 // per scorecard; 0 where absent
	Max      []float64
	Verdicts []Verdict
	Diffs    []float64 // per scorecard: score − the first's; 0 where either is absent
	Spread   float64   // highest − lowest score among the scorecards that have the node
}

// SideBySide is 2 to 4 scorecards compared node by node.
type SideBySide struct {
	Cards int
	Rows  []SideRow // the total first, then the nodes in the first scorecard's order, then nodes only later ones have
}

// MaxSideBySide is how many scorecards a comparison holds.
const MaxSideBySide = 4

// CompareScorecards lines 2 to 4 scorecards up node by node (matched by
// node id, so scorecards of different instruments compare on what they
// share), with each one's difference from the first.
func CompareScorecards(cards ...Scorecard) (SideBySide, error) {
	n := len(cards)
	if n < 2 || n > MaxSideBySide {
		return SideBySide{}, fmt.Errorf("pilih 2 sampai %d evaluasi untuk dibandingkan (dipilih %d)", MaxSideBySide, n)
	}
	var ids []string
	seen := map[string]bool{}
	index := make([]map[string]int, n)
	for c, sc := range cards {
		index[c] = make(map[string]int, len(sc.Nodes))
		for i, ns := range sc.Nodes {
			index[c][ns.ID] = i
			if !seen[ns.ID] {
				seen[ns.ID] = true
				ids = append(ids, ns.ID)
			}
		}
	}
	out := SideBySide{Cards: n, Rows: make([]SideRow, 0, len(ids)+1)}
	newRow := func(id string) SideRow {
		return SideRow{ID: id, Present: make([]bool, n), Scores: make([]float64, n), Max: make([]float64, n),
			Verdicts: make([]Verdict, n), Diffs: make([]float64, n)}
	}
	total := newRow(TotalNode)
	for c, sc := range cards {
		total.Present[c], total.Scores[c], total.Max[c] = true, sc.Total, sc.Max
		total.Verdicts[c] = totalVerdictOf(sc)
	}
	out.Rows = append(out.Rows, finishSide(total))
	for _, id := range ids {
		row := newRow(id)
		for c, sc := range cards {
			if i, ok := index[c][id]; ok {
				ns := sc.Nodes[i]
				row.Present[c], row.Scores[c], row.Max[c], row.Verdicts[c] = true, ns.Score, ns.Max, ns.Verdict
			}
		}
		out.Rows = append(out.Rows, finishSide(row))
	}
	return out, nil
}

// totalVerdictOf is the total's verdict in a scorecard: fail when the
// target's rules on the total fail, pass when the target's predicate is
// met or it fails elsewhere only, none without a target.
func totalVerdictOf(sc Scorecard) Verdict {
	p, ok := sc.Predicate(sc.Target)
	if !ok {
		return VerdictNone
	}
	for _, f := range p.Failed {
		if f.Node == TotalNode {
			return Fail
		}
	}
	return Pass
}

func finishSide(r SideRow) SideRow {
	lo, hi, any := math.Inf(1), math.Inf(-1), false
	for c := range r.Scores {
		if !r.Present[c] {
			continue
		}
		any = true
		lo, hi = min(lo, r.Scores[c]), max(hi, r.Scores[c])
		if c > 0 && r.Present[0] {
			r.Diffs[c] = r.Scores[c] - r.Scores[0]
		}
	}
	if any {
		r.Spread = hi - lo
	}
	return r
}

// Divergence returns the rows where the scorecards differ, largest spread
// first (ties in the comparison's order); rows without a spread are left out.
func (s SideBySide) Divergence() []SideRow {
	var out []SideRow
	for _, r := range s.Rows {
		if r.Spread > scoreEpsilon {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b SideRow) int { return cmp.Compare(b.Spread, a.Spread) })
	return out
}

// QuestionGap is one question's answers by the satker (PMPZI) and the
// evaluators (TPI), and the points between them.
type QuestionGap struct {
	Question   string
	Area       string // the area it belongs to (Instrument.Area)
	Self       Answer // the satker's own; the zero Answer when missing
	Eval       Answer // the evaluators'
	SelfPoints float64
	EvalPoints float64
	Gap        float64 // SelfPoints − EvalPoints: how much more the satker gave itself
}

// Differs reports whether the two sides answered differently.
func (g QuestionGap) Differs() bool { return g.Self.Value != g.Eval.Value }

// AreaGap is the points of one area by each side.
type AreaGap struct {
	Area       string
	SelfPoints float64
	EvalPoints float64
	Gap        float64
	Differing  int // questions answered differently
}

// GapReport is a satker's self-assessment against the evaluators' round.
type GapReport struct {
	Instrument string
	// Questions holds every question either side answered or wrote a note
	// on: the largest gap (either way) first, then in walking order.
	Questions []QuestionGap
	Areas     []AreaGap // every area of the instrument, in walking order
	SelfTotal float64
	EvalTotal float64
	Gap       float64
}

// AnswerGaps compares the satker's answers (self) with the evaluators'
// (eval) on one instrument, in points of the total. Answers to questions
// the instrument does not have are left out.
func AnswerGaps(in *Instrument, self, eval map[string]Answer) GapReport {
	rep := GapReport{Instrument: in.ID}
	areaIdx := map[string]int{}
	for _, q := range in.Questions() {
		area := in.Area(q.ID)
		ai, ok := areaIdx[area]
		if !ok {
			ai = len(rep.Areas)
			areaIdx[area] = ai
			rep.Areas = append(rep.Areas, AreaGap{Area: area})
		}
		s, e := self[q.ID], eval[q.ID]
		if s.Value.IsZero() && e.Value.IsZero() && s.Note == "" && e.Note == "" {
			continue
		}
		g := QuestionGap{Question: q.ID, Area: area, Self: s, Eval: e}
		g.SelfPoints, _ = in.QuestionPoints(q.ID, s.Value)
		g.EvalPoints, _ = in.QuestionPoints(q.ID, e.Value)
		g.Gap = g.SelfPoints - g.EvalPoints
		rep.Questions = append(rep.Questions, g)
		a := &rep.Areas[ai]
		a.SelfPoints += g.SelfPoints
		a.EvalPoints += g.EvalPoints
		if g.Differs() {
			a.Differing++
		}
	}
	for i := range rep.Areas {
		a := &rep.Areas[i]
		a.Gap = a.SelfPoints - a.EvalPoints
		rep.SelfTotal += a.SelfPoints
		rep.EvalTotal += a.EvalPoints
	}
	rep.Gap = rep.SelfTotal - rep.EvalTotal
	// Compare gaps rounded far below what reports show, so sums reached
	// in different orders tie and keep the walking order.
	size := func(g QuestionGap) float64 { return math.Round(math.Abs(g.Gap) / scoreEpsilon) }
	slices.SortStableFunc(rep.Questions, func(a, b QuestionGap) int { return cmp.Compare(size(b), size(a)) })
	return rep
}
