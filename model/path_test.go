package model

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// pathBase has two areas under p (each question worth 2 points at its
// best) and one result item worth 10. Each case appends its predicates.
const pathBase = `id: jalur
title: Jalur
nodes:
  - id: p
    title: Pengungkit
    weight: 10
    nodes:
      - id: p.a
        title: A
        weight: 6
        questions:
          - {id: a1, text: Satu, type: yesno}
          - {id: a2, text: Dua, type: yesno}
          - {id: a3, text: Tiga, type: abc}
      - id: p.b
        title: B
        weight: 4
        questions:
          - {id: b1, text: Empat, type: percent}
          - {id: b2, text: Lima, type: abcd}
  - id: hasil
    title: Hasil
    weight: 10
    questions:
      - {id: h1, text: Indeks, type: number, range: [0, 4]}
predicates:
`

// pathAnswers: p.a 0 of 6, p.b 1 of 4 (b1 at 50%), hasil 5 of 10; total 6.
func pathAnswers() Answers {
	return Answers{"a1": Letter("T"), "a2": Letter("T"), "a3": Letter("C"), "b1": Num(50), "b2": Letter("D"), "h1": Num(2)}
}

type wantStep struct {
	id, to  string
	points  float64
	outcome bool
}

func TestPathTo(t *testing.T) {
	cases := []struct {
		name       string
		predicates string
		target     string
		answers    Answers
		want       []wantStep
		met        bool
		blocked    []string // node:need of the unreachable rules
	}{
		{
			// Six points short of 12: the index alone adds at most 5, so
			// two questions; the index and a 2-point question add the
			// most (7), and the index is then needed only up to 3,60.
			name: "total only, outcome lowered to what it needs",
			predicates: `  - id: WBK
    title: WBK
    rules:
      - {node: total, min: 12}
`,
			target: "WBK",
			want:   []wantStep{{"a1", "Y", 2, false}, {"h1", "3.6", 4, true}},
		},
		{
			// Each area at half its weight and the total at 11: p.a needs
			// two questions, p.b one; the largest such set takes b2, which
			// then needs only B.
			name: "area minimums and the total at once",
			predicates: `  - id: WBK
    title: WBK
    rules:
      - {each: p, min_ratio: 0.5}
  - id: WBBM
    title: WBBM
    requires: WBK
    rules:
      - {node: total, min: 11}
`,
			target: "WBBM",
			want:   []wantStep{{"a1", "Y", 2, false}, {"a2", "Y", 2, false}, {"b2", "B", 0.67 * 2, false}},
		},
		{
			// One point short in p.b: b1 to 100% and b2 to B both close
			// it alone; b2 can add the most (2 against 1), and needs B.
			name: "ties between single questions broken by points",
			predicates: `  - id: WBK
    title: WBK
    rules:
      - {node: p.b, min: 2}
`,
			target: "WBK",
			want:   []wantStep{{"b2", "B", 0.67 * 2, false}},
		},
		{
			name: "a percentage needs only whole percents",
			predicates: `  - id: WBK
    title: WBK
    rules:
      - {node: p.b, min: 2.72}
`,
			target:  "WBK",
			answers: Answers{"b1": Num(50), "b2": Letter("B")},
			// 0,38 short: b1 can add the most (1 against b2's 0,66) and
			// needs 69%.
			want: []wantStep{{"b1", "69", 0.38, false}},
		},
		{
			name: "already met",
			predicates: `  - id: WBK
    title: WBK
    rules:
      - {node: total, min: 6}
`,
			target: "WBK",
			met:    true,
		},
		{
			name: "a rule no answer can meet",
			predicates: `  - id: WBK
    title: WBK
    rules:
      - {node: total, min: 12}
      - {node: hasil, min: 11}
`,
			target:  "WBK",
			blocked: []string{"hasil:11"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := mustParse(t, pathBase+c.predicates)
			answers := c.answers
			if answers == nil {
				answers = pathAnswers()
			}
			p, err := PathTo(in, answers, c.target)
			if err != nil {
				t.Fatal(err)
			}
			if p.Met != c.met {
				t.Errorf("Met = %v, want %v", p.Met, c.met)
			}
			var blocked []string
			for _, f := range p.Unreachable {
				blocked = append(blocked, fmt.Sprintf("%s:%s", f.Node, PlainNumber(f.Need)))
				if f.Have != 10 {
					t.Errorf("unreachable %s: Have = %v, want the best reachable 10", f.Node, f.Have)
				}
			}
			if fmt.Sprint(blocked) != fmt.Sprint(c.blocked) {
				t.Errorf("unreachable = %v, want %v", blocked, c.blocked)
			}
			var got []wantStep
			for _, s := range p.Steps {
				got = append(got, wantStep{s.Question.ID, s.To.String(), math.Round(s.Points*100) / 100, s.Outcome})
			}
			for i := range c.want {
				c.want[i].points = math.Round(c.want[i].points*100) / 100
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("steps = %v\nwant    %v", got, c.want)
			}
			if len(p.Steps) > 0 {
				assertPathMeets(t, in, answers, p)
			}
		})
	}
}

func TestPathToUnknownTarget(t *testing.T) {
	in := mustParse(t, pathBase+"  - {id: WBK, title: WBK, rules: [{node: total, min: 1}]}\n")
	if _, err := PathTo(in, pathAnswers(), "WBBM"); err == nil || !strings.Contains(err.Error(), "WBBM") {
		t.Fatalf("err = %v, want one naming the unknown target", err)
	}
}

// TestPathToBuiltin: on the built-in LKE with every answer at its worst
// but one, the path reaches both predicates and no step is wasted.
func TestPathToBuiltin(t *testing.T) {
	in, _ := Builtin("lke-zi-2021")
	answers := Answers{}
	for i, q := range in.Questions() {
		answers[q.ID] = q.Worst()
		if i%3 == 0 {
			answers[q.ID] = q.Best()
		}
	}
	for _, target := range []string{"WBK", "WBBM"} {
		p, err := PathTo(in, answers, target)
		if err != nil || !p.Reachable() || len(p.Steps) == 0 {
			t.Fatalf("%s: path %+v, err %v", target, p, err)
		}
		assertPathMeets(t, in, answers, p)
		// Minimal: dropping any one step leaves the target unmet.
		for i := range p.Steps {
			without := applyPath(answers, p.Steps[:i], p.Steps[i+1:])
			sc, _ := Score(in, without, target)
			if met, _ := sc.Predicate(target); met.Met {
				t.Errorf("%s: the target holds without step %s", target, p.Steps[i].Question.ID)
			}
		}
	}
}

func applyPath(answers Answers, steps ...[]PathStep) Answers {
	out := Answers{}
	for k, v := range answers {
		out[k] = v
	}
	for _, ss := range steps {
		for _, s := range ss {
			out[s.Question.ID] = s.To
		}
	}
	return out
}

// assertPathMeets checks that the path's answers make the target hold and
// that each step adds the points it says.
func assertPathMeets(t *testing.T, in *Instrument, answers Answers, p Path) {
	t.Helper()
	before, _ := Score(in, answers, p.Target)
	after, err := Score(in, applyPath(answers, p.Steps), p.Target)
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := after.Predicate(p.Target); !res.Met {
		t.Fatalf("after the path %s is not met: %+v", p.Target, res.Failed)
	}
	if d := after.Total - before.Total; math.Abs(d-p.Gain) > 1e-6 {
		t.Errorf("the path adds %v to the total, says %v", d, p.Gain)
	}
	for _, s := range p.Steps {
		if s.Question.Fraction(s.To) <= s.Question.Fraction(s.From) {
			t.Errorf("step %s does not raise the answer: %v → %v", s.Question.ID, s.From, s.To)
		}
	}
}

// TestPathToAgainstExhaustiveSearch compares the path with every subset
// of questions on small generated instruments (genInstrument): the path's
// set is as small as the smallest feasible subset and adds as many points
// at best as the best subset of that size; its answers make the target
// hold, each raises its question to an answer the question takes, and
// none could go one notch lower with the target still met.
func TestPathToAgainstExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 77))
	var paths, blocked, met int
	defer func() {
		t.Logf("%d paths, %d unreachable, %d already met", paths, blocked, met)
		if paths < 1000 || blocked == 0 || met == 0 {
			t.Errorf("the generator no longer covers every outcome: %d paths, %d unreachable, %d met", paths, blocked, met)
		}
	}()
	for round := range 2000 {
		src := genInstrument(rng)
		in, err := Parse("gen.yaml", []byte(src))
		if err != nil {
			t.Fatalf("round %d: generated instrument does not parse: %v\n%s", round, err, src)
		}
		answers := genAnswers(rng, in)
		for _, target := range []string{"WBK", "WBBM"} {
			p, err := PathTo(in, answers, target)
			if err != nil {
				t.Fatal(err)
			}
			size, gain, reachable := exhaustive(in, answers, target)
			where := fmt.Sprintf("round %d, %s\n%s\nanswers %v", round, target, src, answers)
			switch {
			case !reachable:
				if p.Reachable() {
					t.Fatalf("%s: exhaustive search finds no way, the path %+v", where, p)
				}
				blocked++
				continue
			case !p.Reachable():
				t.Fatalf("%s: unreachable %+v, but %d questions suffice", where, p.Unreachable, size)
			case len(p.Steps) != size:
				t.Fatalf("%s: %d steps, the smallest set has %d", where, len(p.Steps), size)
			case size == 0:
				if !p.Met {
					t.Fatalf("%s: no steps but not Met", where)
				}
				met++
				continue
			}
			paths++
			assertPathMeets(t, in, answers, p)
			assertNoNotchLower(t, where, in, answers, p)
			best := Answers{}
			for k, v := range answers {
				best[k] = v
			}
			for _, s := range p.Steps {
				best[s.Question.ID] = s.Question.Best()
			}
			before, _ := Score(in, answers, target)
			after, _ := Score(in, best, target)
			if got := after.Total - before.Total; got+1e-6 < gain {
				t.Fatalf("%s: the path's set adds %v at best, another set of %d adds %v", where, got, size, gain)
			}
		}
	}
}

// exhaustive tries every subset of questions raised to their best: the
// smallest size that meets the target and the most points a set of that
// size adds.
func exhaustive(in *Instrument, answers Answers, target string) (size int, gain float64, ok bool) {
	qs := in.Questions()
	base, _ := Score(in, answers, target)
	size, gain = math.MaxInt, math.Inf(-1)
	trial := Answers{}
	for mask := uint(0); mask < 1<<len(qs); mask++ {
		n := bits.OnesCount(mask)
		if n > size {
			continue
		}
		clear(trial)
		for k, v := range answers {
			trial[k] = v
		}
		for i, q := range qs {
			if mask&(1<<i) != 0 {
				trial[q.ID] = q.Best()
			}
		}
		sc, _ := Score(in, trial, target)
		if res, _ := sc.Predicate(target); !res.Met {
			continue
		}
		g := sc.Total - base.Total
		if n < size || g > gain {
			size, gain = n, g
		}
		ok = true
	}
	return size, gain, ok
}

// BenchmarkPathTo finds the way to WBBM on a full LKE; the baseline is
// scoring the same answers once, and ratio is the path's cost in scores.
func BenchmarkPathTo(b *testing.B) {
	in, _ := Builtin("lke-zi-2021")
	answers := Answers{}
	for i, q := range in.Questions() {
		if i%4 != 0 {
			answers[q.ID] = q.Worst()
		}
	}
	var score, path float64
	for range 3 {
		score += timePerOp(b, func() { _, _ = Score(in, answers, "WBBM") })
		path += timePerOp(b, func() { _, _ = PathTo(in, answers, "WBBM") })
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := PathTo(in, answers, "WBBM"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(path/score, "path/score")
}

// timePerOp measures f in nanoseconds per call over about 20 ms.
func timePerOp(b *testing.B, f func()) float64 {
	b.Helper()
	n, start := 0, time.Now()
	for time.Since(start) < 20*time.Millisecond {
		f()
		n++
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

func TestQuestionEvidence(t *testing.T) {
	for guide, want := range map[string]string{
		"Data dukung: SK tim.": "SK tim.",
		"data dukung:SK tim.":  "SK tim.",
		"SK tim.":              "SK tim.",
		"  ":                   "",
	} {
		if got := (&Question{Guide: guide}).Evidence(); got != want {
			t.Errorf("Evidence of %q = %q, want %q", guide, got, want)
		}
	}
}
