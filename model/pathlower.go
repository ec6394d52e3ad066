package model

import (
	"math"
	"slices"
	"strings"
)

// Lowering a path: each chosen question drops from its best answer to the
// lowest that keeps every rule holding.

// lower turns the chosen questions, each at its best answer, into steps
// that ask no more than needed: one at a time, each drops to the lowest
// answer that keeps every rule holding with the others as they stand.
// Outcomes go first, since a result is the hardest thing to raise.
func (s *pathSearch) lower(chosen []int) []PathStep {
	ix := &s.in.idx
	gain := make(map[int]float64, len(chosen))
	for _, qi := range chosen {
		gain[qi] = s.best[qi]
	}
	holder := func(qi int) int { return ix.qRef[ix.questions[qi].ID].node }
	slices.SortStableFunc(chosen, func(a, b int) int {
		oa, ob := s.isOutcome(holder(a)), s.isOutcome(holder(b))
		switch {
		case oa && !ob:
			return -1
		case ob && !oa:
			return 1
		}
		return a - b
	})
	// slack of every node with a rule: how far above its threshold it
	// stands with the current gains.
	slack := func(node int) float64 {
		sum := s.score[node]
		for qi, g := range gain {
			if s.under(holder(qi), node) {
				sum += g
			}
		}
		return sum - s.need[node]
	}
	steps := make([]PathStep, 0, len(chosen))
	for _, qi := range chosen {
		room := math.Inf(1)
		for node := holder(qi); ; node = s.up(node) {
			if !math.IsNaN(s.need[node]) {
				room = min(room, slack(node))
			}
			if node == s.root {
				break
			}
		}
		q := ix.questions[qi]
		to, g := s.needed(qi, max(gain[qi]-room, 0))
		gain[qi] = g
		steps = append(steps, PathStep{Question: q, From: s.answers[q.ID], To: to, Points: g, Outcome: s.isOutcome(holder(qi))})
	}
	slices.SortStableFunc(steps, func(a, b PathStep) int {
		switch {
		case a.Outcome != b.Outcome:
			if b.Outcome {
				return -1
			}
			return 1
		case a.Points > b.Points+scoreEpsilon:
			return -1
		case b.Points > a.Points+scoreEpsilon:
			return 1
		}
		return 0
	})
	return steps
}

// needed is the lowest answer to question qi that adds at least want
// points (and some points: a step never stays where it is), with what it
// adds.
func (s *pathSearch) needed(qi int, want float64) (Value, float64) {
	q := s.in.idx.questions[qi]
	c, cur := s.coef[qi], s.cur[qi]
	gainOf := func(v Value) float64 { return c * (q.Fraction(v) - cur) }
	if q.Type.IsChoice() {
		opts := slices.Clone(q.Options)
		slices.SortStableFunc(opts, func(a, b Option) int {
			switch {
			case a.Value < b.Value:
				return -1
			case a.Value > b.Value:
				return 1
			}
			return 0
		})
		for _, o := range opts {
			if g := gainOf(Letter(o.Key)); g > scoreEpsilon && g+scoreEpsilon >= want {
				return Letter(o.Key), g
			}
		}
		return q.Best(), s.best[qi]
	}
	// A number: the fraction it needs, rounded up to what an evaluator
	// writes (whole percents, an index to two decimals).
	frac := cur + want/c
	var v Value
	if q.Type == Percent {
		v = Num(min(100, math.Ceil(frac*100-1e-6)))
	} else {
		lo, hi := q.Range[0], q.Range[1]
		v = Num(min(hi, math.Ceil((lo+frac*(hi-lo))*100-1e-6)/100))
	}
	if g := gainOf(v); g+scoreEpsilon < want { // rounding fell short: one notch up
		step := 1.0
		if q.Type == Number {
			step = 0.01
		}
		v = Num(min(v.Number+step, q.Best().Number))
	}
	if g := gainOf(v); g > scoreEpsilon {
		return v, g
	}
	return q.Best(), s.best[qi]
}

func (s *pathSearch) up(node int) int {
	if node == s.root {
		return node
	}
	if p := s.in.idx.parent[node]; p >= 0 {
		return p
	}
	return s.root
}

// under reports whether node a lies in the subtree of node b.
func (s *pathSearch) under(a, b int) bool {
	for ; ; a = s.up(a) {
		if a == b {
			return true
		}
		if a == s.root {
			return false
		}
	}
}

func (s *pathSearch) isOutcome(node int) bool {
	for node != s.root {
		if p := s.up(node); p == s.root {
			return strings.EqualFold(s.in.idx.nodes[node].ID, outcomeNode)
		} else {
			node = p
		}
	}
	return false
}
