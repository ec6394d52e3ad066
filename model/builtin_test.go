package model

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// The built-in instruments are checked against the regulations' own
// numbers (shared/domain/lke-zi.md and zi-reference.md §2, §4): weights,
// question counts per indicator, answer types and every threshold.

type indicatorSpec struct {
	id        string
	weight    float64
	questions int
}

func TestLKE2021AgainstRegulation(t *testing.T) {
	in, ok := Builtin("lke-zi-2021")
	if !ok {
		t.Fatal("lke-zi-2021 is not built in")
	}
	weights := map[string]float64{
		"pengungkit": 60, "hasil": 40,
		"mp": 8, "tl": 7, "sdm": 10, "ak": 10, "pw": 15, "pp": 10,
		"mp.pemenuhan": 4, "mp.reform": 4, "tl.pemenuhan": 3.5, "tl.reform": 3.5,
		"sdm.pemenuhan": 5, "sdm.reform": 5, "ak.pemenuhan": 5, "ak.reform": 5,
		"pw.pemenuhan": 7.5, "pw.reform": 7.5, "pp.pemenuhan": 5, "pp.reform": 5,
		"hasil.bersih": 22.5, "hasil.bersih.ipak": 17.5, "hasil.bersih.kinerja": 5, "hasil.prima": 17.5,
	}
	for id, w := range weights {
		checkWeight(t, in, id, w)
	}
	// Lampiran III: indicator weights with their number of scored questions.
	indicators := []indicatorSpec{
		{"mp.pemenuhan.i", 0.5, 2}, {"mp.pemenuhan.ii", 1, 3}, {"mp.pemenuhan.iii", 1, 3}, {"mp.pemenuhan.iv", 1.5, 4},
		{"tl.pemenuhan.i", 1, 3}, {"tl.pemenuhan.ii", 2, 4}, {"tl.pemenuhan.iii", 0.5, 2},
		{"sdm.pemenuhan.i", 0.25, 3}, {"sdm.pemenuhan.ii", 0.5, 3}, {"sdm.pemenuhan.iii", 1.25, 6},
		{"sdm.pemenuhan.iv", 2, 4}, {"sdm.pemenuhan.v", 0.75, 1}, {"sdm.pemenuhan.vi", 0.25, 1},
		{"ak.pemenuhan.i", 2.5, 3}, {"ak.pemenuhan.ii", 2.5, 8},
		{"pw.pemenuhan.i", 1.5, 2}, {"pw.pemenuhan.ii", 1.5, 4}, {"pw.pemenuhan.iii", 1.5, 4},
		{"pw.pemenuhan.iv", 1.5, 3}, {"pw.pemenuhan.v", 1.5, 5},
		{"pp.pemenuhan.i", 1, 4}, {"pp.pemenuhan.ii", 1, 6}, {"pp.pemenuhan.iii", 1, 3},
		{"pp.pemenuhan.iv", 1, 3}, {"pp.pemenuhan.v", 1, 3},
		{"mp.reform.i", 2, 2}, {"mp.reform.ii", 1, 1}, {"mp.reform.iii", 1, 1},
		{"tl.reform.i", 0.5, 1}, {"tl.reform.ii", 1, 2}, {"tl.reform.iii", 2, 3},
		{"sdm.reform.i", 1.5, 1}, {"sdm.reform.ii", 1.5, 1}, {"sdm.reform.iii", 2, 1},
		{"ak.reform.i", 2, 1}, {"ak.reform.ii", 1.5, 1}, {"ak.reform.iii", 1.5, 1},
		{"pw.reform.i", 2.5, 1}, {"pw.reform.ii", 3, 1}, {"pw.reform.iii", 2, 2},
		{"pp.reform.i", 2.5, 2}, {"pp.reform.ii", 2.5, 1},
	}
	checkIndicators(t, in, indicators)
	for _, area := range []string{"mp", "tl", "sdm", "ak", "pw", "pp"} {
		for _, part := range []string{"pemenuhan", "reform"} {
			n, _ := in.Node(area + "." + part)
			if n == nil {
				continue
			}
			counted := 0
			for _, spec := range indicators {
				if parent := in.Parent(spec.id); parent != nil && parent.ID == n.ID {
					counted++
				}
			}
			if counted != len(n.Nodes) {
				t.Errorf("%s has %d indicators; the regulation has %d", n.ID, len(n.Nodes), counted)
			}
		}
	}

	types := func(part string) map[AnswerType]int {
		c := map[AnswerType]int{}
		for _, q := range in.Questions() {
			if p := in.Path(q.ID); len(p) > 2 && p[2].ID == p[1].ID+"."+part {
				c[q.Type]++
			}
		}
		return c
	}
	checkCounts(t, "Pemenuhan", types("pemenuhan"), map[AnswerType]int{YesNo: 17, ABC: 32, ABCD: 27, ABCDE: 11})
	checkCounts(t, "Reform", types("reform"), map[AnswerType]int{Percent: 8, ABC: 4, ABCD: 6, ABCDE: 5})
	if n := len(in.Questions()); n != 113 {
		t.Errorf("%d questions; the LKE scores 87 + 23 + 3 = 113", n)
	}
	for _, hq := range []struct {
		id  string
		typ AnswerType
	}{{"hasil.ipak", Number}, {"hasil.kinerja", ABCDE}, {"hasil.ipkp", Number}} {
		q, ok := in.Question(hq.id)
		if !ok || q.Type != hq.typ || (q.Type == Number && q.Range != [2]float64{0, 4}) {
			t.Errorf("hasil question %s: %+v; want type %s (survey range 0–4)", hq.id, q, hq.typ)
		}
	}
	checkEveryQuestionDocumented(t, in)

	// Tabel 6: every threshold of both predicates.
	checkRules(t, in, "WBK", "", []Rule{
		{Node: TotalNode, Kind: RuleMin, Value: 75}, {Node: "pengungkit", Kind: RuleMin, Value: 40},
		{Each: "pengungkit", Kind: RuleMinRatio, Value: 0.6}, {Node: "hasil.bersih", Kind: RuleMin, Value: 18.25},
		{Node: "hasil.bersih.ipak", Kind: RuleMin, Value: 15.75}, {Node: "hasil.bersih.kinerja", Kind: RuleMin, Value: 2.5},
		{Node: "hasil.prima", Kind: RuleMin, Value: 14},
	})
	checkRules(t, in, "WBBM", "WBK", []Rule{
		{Node: TotalNode, Kind: RuleMin, Value: 85}, {Node: "pengungkit", Kind: RuleMin, Value: 48},
		{Each: "pengungkit", Kind: RuleMinRatio, Value: 0.75}, {Node: "hasil.bersih", Kind: RuleMin, Value: 19.5},
		{Node: "hasil.bersih.ipak", Kind: RuleMin, Value: 15.75}, {Node: "hasil.bersih.kinerja", Kind: RuleMin, Value: 3.75},
		{Node: "hasil.prima", Kind: RuleMin, Value: 15.75},
	})
	// The survey thresholds are the regulation's indices: 3.60 → 15.75, 3.20 → 14.00.
	for _, c := range []struct {
		qid   string
		index float64
		node  string
		want  float64
	}{{"hasil.ipak", 3.6, "hasil.bersih.ipak", 15.75}, {"hasil.ipkp", 3.2, "hasil.prima", 14}, {"hasil.ipkp", 3.6, "hasil.prima", 15.75}} {
		sc, _ := Score(in, Answers{c.qid: Num(c.index)}, "")
		if ns, _ := sc.Node(c.node); math.Abs(ns.Score-c.want) > 1e-9 {
			t.Errorf("%s = %v gives %s %v; want %v", c.qid, c.index, c.node, ns.Score, c.want)
		}
	}
}

func TestLKE2014AgainstRegulation(t *testing.T) {
	in, ok := Builtin("lke-zi-2014")
	if !ok {
		t.Fatal("lke-zi-2014 is not built in")
	}
	for id, w := range map[string]float64{
		"pengungkit": 60, "hasil": 40, "mp": 5, "tl": 5, "sdm": 15, "ak": 10, "pw": 15, "pp": 10,
		"hasil.bersih": 20, "hasil.bersih.ipak": 15, "hasil.bersih.tlhp": 5, "hasil.pelayanan": 20,
	} {
		checkWeight(t, in, id, w)
	}
	// Indicator weights: each area's weight in the proportions 90/2021 gives
	// its Pemenuhan indicators (the Decision of lke-zi.md §2).
	for _, area := range []struct {
		id     string
		weight float64
		shares []float64
	}{
		{"mp", 5, []float64{0.5, 1, 1, 1.5}},
		{"sdm", 15, []float64{0.25, 0.5, 1.25, 2, 0.75, 0.25}},
		{"ak", 10, []float64{2.5, 2.5}},
		{"pw", 15, []float64{1.5, 1.5, 1.5, 1.5, 1.5}},
	} {
		n, _ := in.Node(area.id)
		if n == nil || len(n.Nodes) != len(area.shares) {
			t.Errorf("%s: want %d indicators", area.id, len(area.shares))
			continue
		}
		sum := 0.0
		for _, s := range area.shares {
			sum += s
		}
		for i, c := range n.Nodes {
			if want := area.weight * area.shares[i] / sum; math.Abs(c.Weight-want) > 1e-6 {
				t.Errorf("%s weight %v; want %v", c.ID, c.Weight, want)
			}
		}
	}
	checkEveryQuestionDocumented(t, in)
	checkRules(t, in, "WBK", "", []Rule{
		{Node: TotalNode, Kind: RuleMin, Value: 75}, {Node: "hasil.bersih", Kind: RuleMin, Value: 18},
		{Node: "hasil.bersih.ipak", Kind: RuleMin, Value: 13.5}, {Node: "hasil.bersih.tlhp", Kind: RuleMin, Value: 3.5},
	})
	checkRules(t, in, "WBBM", "WBK", []Rule{
		{Node: TotalNode, Kind: RuleMin, Value: 85}, {Node: "hasil.pelayanan", Kind: RuleMin, Value: 16},
	})
}

// TestBuiltinsScoreEnds: best answers give the full score and the highest
// predicate; worst give 0 and none; one weak area fails that area (and so
// the predicate) while every other area passes.
func TestBuiltinsScoreEnds(t *testing.T) {
	for _, in := range Builtins() {
		t.Run(in.ID, func(t *testing.T) {
			top := in.Predicates[len(in.Predicates)-1].ID
			best, _ := Score(in, answerAll(in, true), top)
			if math.Abs(best.Total-100) > 1e-9 || best.Result != top || best.Answered != len(in.Questions()) {
				t.Errorf("best answers: total %v, result %q; want 100 and %s", best.Total, best.Result, top)
			}
			for _, n := range best.Nodes {
				if n.Verdict == Fail || math.Abs(n.Score-n.Max) > 1e-9 {
					t.Errorf("best answers: %s %v/%v %s", n.ID, n.Score, n.Max, n.Verdict)
				}
			}
			worst, _ := Score(in, answerAll(in, false), top)
			if worst.Total != 0 || worst.Result != "" {
				t.Errorf("worst answers: total %v, result %q; want 0 and none", worst.Total, worst.Result)
			}
			for _, p := range worst.Predicates {
				if p.Met {
					t.Errorf("worst answers meet %s", p.ID)
				}
			}

			pengungkit, _ := in.Node("pengungkit")
			for _, area := range pengungkit.Nodes {
				answers := answerAll(in, true)
				for _, q := range in.Questions() {
					if path := in.Path(q.ID); len(path) > 1 && path[1].ID == area.ID {
						answers[q.ID] = q.Worst()
					}
				}
				sc, _ := Score(in, answers, in.Predicates[0].ID)
				if in.ID == "lke-zi-2014" {
					// 52/2014 has no per-area rule: a weak area only costs points.
					if ns, _ := sc.Node(area.ID); ns.Score != 0 || ns.Verdict != VerdictNone {
						t.Errorf("weak %s: %v %s; want 0 and no verdict", area.ID, ns.Score, ns.Verdict)
					}
					continue
				}
				for _, other := range pengungkit.Nodes {
					want := Pass
					if other.ID == area.ID {
						want = Fail
					}
					if ns, _ := sc.Node(other.ID); ns.Verdict != want {
						t.Errorf("weak %s: %s is %q; want %q", area.ID, other.ID, ns.Verdict, want)
					}
				}
				if wbk, _ := sc.Predicate("WBK"); wbk.Met {
					t.Errorf("weak %s: WBK still met", area.ID)
				}
			}
		})
	}
}

func TestBuiltinsRoundTripThroughYAML(t *testing.T) {
	for _, in := range Builtins() {
		out, err := in.YAML()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(in.ID+".yaml", out)
		if err != nil {
			t.Fatalf("%s: --yaml output does not validate:\n%v", in.ID, err)
		}
		for _, best := range []bool{true, false} {
			a, _ := Score(in, answerAll(in, best), "")
			b, _ := Score(back, answerAll(back, best), "")
			ja, _ := a.MarshalJSON()
			jb, _ := b.MarshalJSON()
			if string(ja) != string(jb) {
				t.Errorf("%s scores differently after --yaml", in.ID)
			}
		}
		if len(back.Questions()) != len(in.Questions()) {
			t.Errorf("%s: %d questions after --yaml; want %d", in.ID, len(back.Questions()), len(in.Questions()))
		}
	}
}

func checkWeight(t *testing.T, in *Instrument, id string, want float64) {
	t.Helper()
	n, ok := in.Node(id)
	if !ok {
		t.Errorf("%s: no node %s", in.ID, id)
	} else if math.Abs(n.Weight-want) > 1e-9 {
		t.Errorf("%s: weight of %s is %v; the regulation gives %v", in.ID, id, n.Weight, want)
	}
}

func checkIndicators(t *testing.T, in *Instrument, specs []indicatorSpec) {
	t.Helper()
	for _, s := range specs {
		n, ok := in.Node(s.id)
		switch {
		case !ok:
			t.Errorf("no indicator %s", s.id)
		case math.Abs(n.Weight-s.weight) > 1e-9:
			t.Errorf("%s (%s) weight %v; want %v", s.id, n.Title, n.Weight, s.weight)
		case len(n.Questions) != s.questions:
			t.Errorf("%s (%s) has %d questions; want %d", s.id, n.Title, len(n.Questions), s.questions)
		}
	}
}

func checkCounts(t *testing.T, what string, got, want map[AnswerType]int) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s answer types: %v; the regulation has %v", what, got, want)
	}
}

func checkEveryQuestionDocumented(t *testing.T, in *Instrument) {
	t.Helper()
	for _, q := range in.Questions() {
		if q.Guide == "" {
			t.Errorf("%s: %s has no guide (data dukung)", in.ID, q.ID)
		}
		if q.Type.IsChoice() {
			for _, o := range q.Options {
				if o.Label == "" {
					t.Errorf("%s: %s option %s has no criterion", in.ID, q.ID, o.Key)
				}
			}
		}
	}
}

func checkRules(t *testing.T, in *Instrument, id, requires string, want []Rule) {
	t.Helper()
	p, ok := in.Predicate(id)
	if !ok {
		t.Fatalf("%s: no predicate %s", in.ID, id)
	}
	if p.Requires != requires {
		t.Errorf("%s requires %q; want %q", id, p.Requires, requires)
	}
	if len(p.Rules) != len(want) {
		t.Errorf("%s has %d rules; want %d", id, len(p.Rules), len(want))
	}
	for i := range min(len(p.Rules), len(want)) {
		got := p.Rules[i]
		// Every built-in rule names the clause it comes from.
		if !strings.HasPrefix(got.Source, "PermenPANRB ") {
			t.Errorf("%s rule %d %v names no clause of the regulation: %q", id, i+1, got, got.Source)
		}
		got.Line, got.Source = 0, ""
		if got != want[i] {
			t.Errorf("%s rule %d: %v; want %v", id, i+1, got, want[i])
		}
	}
}
