package model

import (
	"fmt"
	"math"
	"slices"
)

// The way to a predicate: the fewest questions whose better answers make
// every failing rule of the target hold, each raised only as far as it
// must be.
//
// Every rule compares a node's score (or the total) with a threshold, and
// a node's score is the sum of what its questions add, so raising a
// question helps every rule on the nodes above it and hurts none. The
// nodes form a tree, so the search is a knapsack over the tree: for each
// node and each count k, the most points k raised questions below it can
// add while every rule inside it holds. A parent's rules see only that
// sum, so keeping the best sum per count is exact, and the root's
// smallest feasible count is the smallest set; among the sets of that
// size it is the one that adds the most points. It costs the square of
// the question count, well under a millisecond for the LKE.

// PathStep is one question on a path: the answer it has and the answer it needs.
type PathStep struct {
	Question *Question
	From     Value   // the answer now; zero when unanswered
	To       Value   // the lowest answer that, with the other steps, makes the target hold
	Points   float64 // what To adds to the total (and to every node above the question)
	// Outcome marks a result item (komponen hasil: a survey index or the
	// performance achieved), which the satker reaches by its results
	// rather than by preparing documents.
	Outcome bool
}

// Criterion is the written criterion of the needed answer, or for a
// number what it must reach.
func (s PathStep) Criterion() string {
	q := s.Question
	if q.Type.IsChoice() {
		if o, ok := q.Option(s.To.Choice); ok {
			return o.Label
		}
		return ""
	}
	if q.Type == Percent {
		return "paling sedikit " + PlainNumber(s.To.Number) + "%"
	}
	return "paling sedikit " + DecimalComma(PlainNumber(s.To.Number))
}

// Path is the way from an evaluation's answers to a target predicate.
type Path struct {
	Target string
	Met    bool       // the target already holds; Steps is empty
	Steps  []PathStep // documented improvements by points, most first; outcomes last
	Gain   float64
	// Unreachable lists the rules that not even the best answer to every
	// question meets, each with the most it could reach as Have; the
	// path is then empty.
	Unreachable []Failure
}

// Reachable reports whether answers alone can make the target hold.
func (p Path) Reachable() bool { return len(p.Unreachable) == 0 }

// outcomeNode is the id of the instruments' result component.
const outcomeNode = "hasil"

// PathTo finds the way from answers to the target predicate (WBK, WBBM);
// its rules and those of what it requires must all hold at the end.
func PathTo(in *Instrument, answers Answers, target string) (Path, error) {
	p, ok := in.Predicate(target)
	if !ok {
		return Path{}, fmt.Errorf("target %q tidak dikenal untuk instrumen %s (yang ada: %s)", target, in.ID, in.predicateIDs())
	}
	s := newPathSearch(in, answers, p.ID)
	path := Path{Target: p.ID}
	if path.Unreachable = s.unreachable(); len(path.Unreachable) > 0 {
		return path, nil
	}
	chosen := s.solve()
	if len(chosen) == 0 {
		path.Met = true
		return path, nil
	}
	path.Steps = s.lower(chosen)
	for _, st := range path.Steps {
		path.Gain += st.Points
	}
	return path, nil
}

// pathSearch holds the instrument's tree as the search needs it. Node
// index len(ix.nodes) stands for the total, the root above the top-level
// nodes.
type pathSearch struct {
	in      *Instrument
	answers Answers
	coef    []float64 // per question: points per unit of its fraction
	cur     []float64 // per question: its fraction now
	best    []float64 // per question: the points its best answer adds
	score   []float64 // per node and the total: its score now
	need    []float64 // per node and the total: the largest threshold its rules set; NaN for none
	rules   [][]Failure
	kids    [][]int // per node and the total: child nodes
	root    int
}

func newPathSearch(in *Instrument, answers Answers, target string) *pathSearch {
	ix := &in.idx
	n := len(ix.nodes)
	s := &pathSearch{
		in: in, answers: answers, root: n,
		coef: make([]float64, len(ix.questions)), cur: make([]float64, len(ix.questions)), best: make([]float64, len(ix.questions)),
		score: make([]float64, n+1), need: make([]float64, n+1), rules: make([][]Failure, n+1), kids: make([][]int, n+1),
	}
	for i, node := range ix.nodes {
		parent := ix.parent[i]
		if parent < 0 {
			parent = n
		}
		s.kids[parent] = append(s.kids[parent], i)
		for j, q := range node.Questions {
			qi := ix.qStart[i] + j
			s.coef[qi] = node.Weight * q.Weight / ix.sumW[i]
			s.cur[qi] = q.Fraction(answers[q.ID])
			s.best[qi] = max(0, s.coef[qi]*(q.Fraction(q.Best())-s.cur[qi]))
		}
	}
	sc, _ := Score(in, answers, target) // target was found by the caller
	for i := range s.need {
		s.need[i] = math.NaN()
	}
	for i := range ix.nodes {
		s.score[i] = sc.Nodes[i].Score
	}
	s.score[n] = sc.Total
	ti := slices.IndexFunc(in.Predicates, func(p Predicate) bool { return p.ID == target })
	for _, pi := range ix.chains[ti] {
		for _, c := range ix.checks[pi] {
			at, limit := c.node, ix.max
			if at < 0 {
				at = n
			} else {
				limit = ix.nodes[at].Weight
			}
			need := c.value
			if c.kind == RuleMinRatio {
				need *= limit
			}
			if math.IsNaN(s.need[at]) || need > s.need[at] {
				s.need[at] = need
			}
			s.rules[at] = append(s.rules[at], Failure{Predicate: in.Predicates[pi].ID, Node: sc.nodeID(c.node), Rule: c.kind, Need: need, Source: c.source})
		}
	}
	return s
}

// unreachable lists the rules that fail even with every answer at its best.
func (s *pathSearch) unreachable() []Failure {
	gain := make([]float64, len(s.score))
	s.sumBest(s.root, gain)
	var out []Failure
	for i, rules := range s.rules {
		for _, r := range rules {
			if have := s.score[i] + gain[i]; have+scoreEpsilon < r.Need {
				r.Have = have
				out = append(out, r)
			}
		}
	}
	return out
}

func (s *pathSearch) sumBest(i int, gain []float64) float64 {
	if i < s.root {
		ix := &s.in.idx
		for j := range ix.nodes[i].Questions {
			gain[i] += s.best[ix.qStart[i]+j]
		}
	}
	for _, k := range s.kids[i] {
		gain[i] += s.sumBest(k, gain)
	}
	return gain[i]
}

// table is one node's knapsack: best[k] is the most points k raised
// questions below the node add with every rule inside it holding
// (-Inf when no k questions manage), and pick rebuilds the k questions.
type table struct {
	best []float64
	pick func(k int, out []int) []int
}

var infeasible = math.Inf(-1)

func (s *pathSearch) solve() []int {
	t := s.table(s.root)
	for k, v := range t.best {
		if !math.IsInf(v, -1) {
			return t.pick(k, nil)
		}
	}
	return nil // unreachable() has ruled this out
}

func (s *pathSearch) table(i int) table {
	var t table
	if i < s.root && len(s.in.idx.nodes[i].Questions) > 0 {
		t = s.leafTable(i)
	} else {
		t = table{best: []float64{0}, pick: func(_ int, out []int) []int { return out }}
		for _, k := range s.kids[i] {
			t = merge(t, s.table(k))
		}
	}
	if need := s.need[i]; !math.IsNaN(need) {
		for k, v := range t.best {
			if s.score[i]+v+scoreEpsilon < need {
				t.best[k] = infeasible
			}
		}
	}
	return t
}

// leafTable: a node of questions adds most with its k largest gains.
func (s *pathSearch) leafTable(i int) table {
	ix := &s.in.idx
	var order []int
	for j := range ix.nodes[i].Questions {
		if qi := ix.qStart[i] + j; s.best[qi] > scoreEpsilon {
			order = append(order, qi)
		}
	}
	// Largest gain first; equal gains in walking order, so the result
	// does not depend on sorting.
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case s.best[a] > s.best[b]:
			return -1
		case s.best[a] < s.best[b]:
			return 1
		}
		return 0
	})
	best := make([]float64, len(order)+1)
	for k, qi := range order {
		best[k+1] = best[k] + s.best[qi]
	}
	return table{best: best, pick: func(k int, out []int) []int { return append(out, order[:k]...) }}
}

// merge combines two siblings' tables: the best split of k between them.
func merge(a, b table) table {
	best := make([]float64, len(a.best)+len(b.best)-1)
	split := make([]int, len(best)) // how many of k go to b
	for k := range best {
		best[k] = infeasible
	}
	// Walking a's counts downwards keeps, among equal sums, the split that
	// takes most from the earlier sibling: questions in walking order.
	for i := len(a.best) - 1; i >= 0; i-- {
		x := a.best[i]
		if math.IsInf(x, -1) {
			continue
		}
		for j, y := range b.best {
			if math.IsInf(y, -1) {
				continue
			}
			if v := x + y; v > best[i+j]+scoreEpsilon || math.IsInf(best[i+j], -1) {
				best[i+j], split[i+j] = v, j
			}
		}
	}
	return table{best: best, pick: func(k int, out []int) []int {
		return b.pick(split[k], a.pick(k-split[k], out))
	}}
}
