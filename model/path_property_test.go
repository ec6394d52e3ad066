package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// genInstrument writes a random instrument of at most ten questions for
// the property tests of PathTo: one to three top-level nodes (the last may
// be "hasil"), each with questions or child nodes; choice questions with
// their own (unordered, repeated, decimal) values, number ranges that do
// not start at 0 or hold decimals or negatives, fractional percents; WBK
// and WBBM rules on the total, on nodes and on each child of a node, some
// with thresholds that some answers reach exactly (so ties land on the
// epsilon) and now and then one nothing can meet.

var genRanges = [][2]float64{{0, 4}, {1, 4}, {1, 5}, {0.5, 2.75}, {-1, 1}, {0, 0.3}, {2.5, 3.7}, {0, 100}}

func genInstrument(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString("id: gen\ntitle: Gen\nnodes:\n")
	types := []string{"yesno", "abc", "abcd", "abcde", "percent", "number", "choice"}
	qn := 0
	var nodeIDs []string
	leaf := func(id, indent string) int {
		w := 1 + rng.IntN(5)
		fmt.Fprintf(&b, "%s- id: %s\n%s  title: %s\n%s  weight: %d\n%s  questions:\n", indent, id, indent, id, indent, w, indent)
		for range 1 + rng.IntN(3) {
			qn++
			typ := types[rng.IntN(len(types))]
			extra := ""
			switch typ {
			case "number":
				r := genRanges[rng.IntN(len(genRanges))]
				extra = fmt.Sprintf(", range: [%v, %v]", r[0], r[1])
			case "choice":
				vals := []float64{0, 0.1, 0.2, 0.3, 0.33, 0.5, 0.67, 0.7, 1}
				var opts []string
				for k := range 2 + rng.IntN(3) {
					opts = append(opts, fmt.Sprintf("%c: {value: %v}", 'A'+k, vals[rng.IntN(len(vals))]))
				}
				extra = ", options: {" + strings.Join(opts, ", ") + "}"
			}
			if rng.IntN(3) == 0 {
				extra += fmt.Sprintf(", weight: %v", []float64{0.5, 1, 2, 3, 0.1}[rng.IntN(5)])
			}
			fmt.Fprintf(&b, "%s    - {id: q%d, text: Q%d, type: %s%s}\n", indent, qn, qn, typ, extra)
		}
		nodeIDs = append(nodeIDs, id)
		return w
	}
	tops := 1 + rng.IntN(3)
	for i := range tops {
		id := fmt.Sprintf("n%d", i)
		if i == tops-1 && i > 0 {
			id = "hasil"
		}
		if qn >= 7 || rng.IntN(2) == 0 {
			leaf(id, "  ")
			continue
		}
		saved := b.String()
		b.Reset()
		sum := 0
		for j := range 1 + rng.IntN(2) {
			if qn >= 8 {
				break
			}
			sum += leaf(fmt.Sprintf("%s.%d", id, j), "      ")
		}
		children := b.String()
		b.Reset()
		b.WriteString(saved)
		if sum == 0 {
			leaf(id, "  ")
			continue
		}
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    weight: %d\n    nodes:\n%s", id, id, sum, children)
		nodeIDs = append(nodeIDs, id)
	}
	in, err := Parse("gen.yaml", []byte(b.String()+"predicates: [{id: X, title: X, rules: [{node: total, min: 0}]}]\n"))
	if err != nil {
		panic(fmt.Sprintf("%v\n%s", err, b.String()))
	}
	// A threshold that some answers reach exactly.
	exact := func() (Scorecard, bool) {
		sc, _ := Score(in, genAnswers(rng, in), "")
		return sc, sc.Total > 0
	}
	g := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	rule := func() string {
		switch rng.IntN(5) {
		case 0:
			return fmt.Sprintf("{node: total, min: %.2f}", in.Max()*(0.3+0.6*rng.Float64()))
		case 1:
			return fmt.Sprintf("{node: %s, min_ratio: %.2f}", nodeIDs[rng.IntN(len(nodeIDs))], 0.2+0.8*rng.Float64())
		case 2:
			if sc, ok := exact(); ok {
				return fmt.Sprintf("{node: total, min: %s}", g(sc.Total))
			}
		case 3:
			if sc, ok := exact(); ok {
				id := nodeIDs[rng.IntN(len(nodeIDs))]
				ns, _ := sc.Node(id)
				if ns.Score > 0 {
					if rng.IntN(2) == 0 {
						return fmt.Sprintf("{node: %s, min: %s}", id, g(ns.Score))
					}
					if r := ns.Score / ns.Max; r > 0 && r <= 1 {
						return fmt.Sprintf("{node: %s, min_ratio: %s}", id, g(r))
					}
				}
			}
		}
		for _, n := range in.AllNodes() {
			if len(n.Nodes) > 0 && rng.IntN(2) == 0 {
				return fmt.Sprintf("{each: %s, min_ratio: %.2f}", n.ID, 0.2+0.8*rng.Float64())
			}
		}
		return fmt.Sprintf("{node: total, min: %.2f}", in.Max()*(0.3+0.6*rng.Float64()))
	}
	fmt.Fprintf(&b, "predicates:\n  - id: WBK\n    title: WBK\n    rules: [%s]\n", rule())
	fmt.Fprintf(&b, "  - id: WBBM\n    title: WBBM\n    requires: WBK\n    rules: [%s, %s]\n", rule(), rule())
	return b.String()
}

func genAnswers(rng *rand.Rand, in *Instrument) Answers {
	a := Answers{}
	for _, q := range in.Questions() {
		switch {
		case rng.IntN(4) == 0: // unanswered
		case q.Type == Percent:
			if rng.IntN(3) == 0 {
				n := 1 + rng.IntN(9)
				a[q.ID] = Num(float64(rng.IntN(n+1)) / float64(n) * 100)
			} else {
				a[q.ID] = Num(float64(rng.IntN(101)))
			}
		case q.Type == Number:
			lo, hi := q.Range[0], q.Range[1]
			steps := int(math.Round((hi - lo) * 100))
			a[q.ID] = Num(lo + float64(rng.IntN(steps+1))/100)
		default:
			a[q.ID] = Letter(q.Options[rng.IntN(len(q.Options))].Key)
		}
	}
	return a
}

// lowerNotch is the next answer below v that an evaluator could write and
// that still raises from: the next lower option value, one percent, one
// hundredth. ok is false when there is none.
func lowerNotch(q *Question, from, v Value) (Value, bool) {
	fv, ff := q.Fraction(v), q.Fraction(from)
	if q.Type.IsChoice() {
		var best Value
		bestF := math.Inf(-1)
		for _, o := range q.Options {
			if o.Value < fv && o.Value > ff && o.Value > bestF {
				best, bestF = Letter(o.Key), o.Value
			}
		}
		return best, !math.IsInf(bestF, -1)
	}
	step := 1.0
	if q.Type == Number {
		step = 0.01
	}
	// Writable values are whole percents and hundredths; a lower one.
	w := Num(math.Round((v.Number-step)*100) / 100)
	if q.Type == Percent {
		w = Num(math.Ceil(v.Number) - 1)
	}
	if q.Fraction(w) <= ff {
		return Value{}, false
	}
	return w, true
}

// assertNoNotchLower checks that every step takes an answer its question
// accepts and asks no more than needed: one notch lower on any step, the
// others kept, misses the target.
func assertNoNotchLower(t *testing.T, where string, in *Instrument, answers Answers, p Path) {
	t.Helper()
	for i, s := range p.Steps {
		q := s.Question
		if _, err := q.Check(jsonOf(s.To)); err != nil {
			t.Fatalf("%s\nstep %s: To %v is not an answer the question takes: %v", where, q.ID, s.To, err)
		}
		lower, ok := lowerNotch(q, s.From, s.To)
		if !ok {
			continue
		}
		trial := applyPath(answers, p.Steps)
		trial[q.ID] = lower
		sc, _ := Score(in, trial, p.Target)
		if res, _ := sc.Predicate(p.Target); res.Met {
			t.Fatalf("%s\nstep %d %s asks %v; %v is enough", where, i, q.ID, s.To, lower)
		}
	}
}

func jsonOf(v Value) any {
	if v.Numeric {
		return v.Number
	}
	return v.Choice
}

// On the built-in LKE with random answers: the path meets the target,
// raises every step, and no step can go one notch lower.
func TestPathToBuiltinRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, in := range Builtins() {
		id := in.ID
		for round := range 150 {
			answers := genAnswers(rng, in)
			for _, target := range []string{"WBK", "WBBM"} {
				p, err := PathTo(in, answers, target)
				if err != nil || !p.Reachable() || p.Met {
					continue
				}
				sc, _ := Score(in, applyPath(answers, p.Steps), target)
				if res, _ := sc.Predicate(target); !res.Met {
					t.Fatalf("%s round %d %s: misses %+v", id, round, target, res.Failed)
				}
				for _, s := range p.Steps {
					q := s.Question
					if q.Fraction(s.To) <= q.Fraction(s.From) {
						t.Fatalf("step %s does not raise", q.ID)
					}
					if lower, ok := lowerNotch(q, s.From, s.To); ok {
						trial := applyPath(answers, p.Steps)
						trial[q.ID] = lower
						sc, _ := Score(in, trial, target)
						if res, _ := sc.Predicate(target); res.Met {
							t.Errorf("%s round %d %s: step %s asks %v; %v is enough", id, round, target, q.ID, s.To, lower)
						}
					}
				}
			}
		}
	}
}
