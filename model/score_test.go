package model

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreNodes(t *testing.T) {
	in := mini(t)
	tests := []struct {
		name     string
		answers  Answers
		node     string
		score    float64
		answered int
	}{
		{"weighted average Y + B", Answers{"a1.1": Letter("Y"), "a1.2": Letter("B")}, "a1", 20 * (1 + 3*0.5) / 4, 2},
		{"weighted average T + A", Answers{"a1.1": Letter("T"), "a1.2": Letter("A")}, "a1", 15, 2},
		{"unanswered count zero", Answers{"a2.1": Letter("A")}, "a2", 10, 1},
		{"abcd rounding as the LKE", Answers{"a2.1": Letter("B"), "a2.2": Letter("A"), "a2.3": Num(100), "a2.4": Letter("X")}, "a2", 40 * 3.67 / 4, 4},
		{"choice values from the file", Answers{"a2.4": Letter("Y")}, "a2", 40 * 0.6 / 4, 1},
		{"number scales over its range", Answers{"h.1": Num(3.6)}, "h", 36, 1},
		{"parent sums children", Answers{"a1.1": Letter("Y"), "a2.3": Num(50)}, "p", 5 + 5, 2},
		{"nothing answered", Answers{}, "p", 0, 0},
		{"answers to unknown questions are ignored", Answers{"zz": Letter("A")}, "p", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := Score(in, tt.answers, "")
			if err != nil {
				t.Fatal(err)
			}
			ns, _ := sc.Node(tt.node)
			if !near(ns.Score, tt.score) || ns.Answered != tt.answered {
				t.Fatalf("%s = %v (%d answered); want %v (%d)", tt.node, ns.Score, ns.Answered, tt.score, tt.answered)
			}
		})
	}
}

// answerAll answers every question with best or worst.
func answerAll(in *Instrument, best bool) Answers {
	a := Answers{}
	for _, q := range in.Questions() {
		if best {
			a[q.ID] = q.Best()
		} else {
			a[q.ID] = q.Worst()
		}
	}
	return a
}

func TestScoreVerdictsAndPredicates(t *testing.T) {
	in := mini(t)
	full := answerAll(in, true)
	with := func(changes Answers) Answers {
		a := Answers{}
		for k, v := range full {
			a[k] = v
		}
		for k, v := range changes {
			if v.IsZero() {
				delete(a, k)
			} else {
				a[k] = v
			}
		}
		return a
	}
	weakA2 := with(Answers{"a2.2": {}, "a2.3": {}, "a2.4": {}}) // a2 = 10 of 40
	tests := []struct {
		name     string
		answers  Answers
		target   string
		result   string
		verdicts map[string]Verdict
		missed   map[string][]Miss
		failed   map[string][]Failure
	}{
		{
			name: "everything best", answers: full, target: "WBBM", result: "WBBM",
			verdicts: map[string]Verdict{"p": Pass, "a1": Pass, "a2": Pass, "h": Pass},
		},
		{
			name: "everything worst", answers: answerAll(in, false), target: "WBK", result: "",
			verdicts: map[string]Verdict{"p": VerdictNone, "a1": Fail, "a2": Fail, "h": Fail},
			missed: map[string][]Miss{
				"a1": {{"WBK", RuleMinRatio, 10, 0, ""}},
				"h":  {{"WBK", RuleMin, 20, 0, ""}},
			},
			failed: map[string][]Failure{"WBK": {
				{"WBK", TotalNode, RuleMin, 50, 0, ""}, {"WBK", "a1", RuleMinRatio, 10, 0, ""},
				{"WBK", "a2", RuleMinRatio, 20, 0, ""}, {"WBK", "h", RuleMin, 20, 0, ""},
			}},
		},
		{
			name: "one weak area fails it and the predicate", answers: weakA2, target: "WBK", result: "",
			verdicts: map[string]Verdict{"a1": Pass, "a2": Fail, "h": Pass},
			missed:   map[string][]Miss{"a2": {{"WBK", RuleMinRatio, 20, 10, ""}}},
			failed:   map[string][]Failure{"WBK": {{"WBK", "a2", RuleMinRatio, 20, 10, ""}}},
		},
		{
			name: "target WBBM names the pengungkit and inherits WBK's rules", answers: weakA2, target: "WBBM", result: "",
			verdicts: map[string]Verdict{"p": Fail, "a1": Pass, "a2": Fail, "h": Pass},
			missed: map[string][]Miss{
				"p":  {{"WBBM", RuleMin, 50, 30, ""}},
				"a2": {{"WBK", RuleMinRatio, 20, 10, ""}},
			},
			failed: map[string][]Failure{"WBBM": {
				{"WBBM", TotalNode, RuleMinRatio, 80, 70, ""}, {"WBBM", "p", RuleMin, 50, 30, ""}, {"WBK", "a2", RuleMinRatio, 20, 10, ""},
			}},
		},
		{
			name:    "a score exactly at the threshold passes",
			answers: with(Answers{"a2.2": Letter("C"), "a2.3": Num(50), "a2.4": Letter("Z")}), target: "WBK", result: "WBK",
			verdicts: map[string]Verdict{"a2": Pass},
		},
		{
			name: "WBK met, WBBM short on the total", answers: with(Answers{"h.1": Num(2), "a1.1": Letter("T")}), target: "WBBM", result: "WBK",
			verdicts: map[string]Verdict{"p": Pass, "h": Pass, "a1": Pass},
			failed:   map[string][]Failure{"WBBM": {{"WBBM", TotalNode, RuleMinRatio, 80, 75, ""}}, "WBK": nil},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := Score(in, tt.answers, tt.target)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Result != tt.result {
				t.Errorf("result = %q; want %q", sc.Result, tt.result)
			}
			for id, want := range tt.verdicts {
				if ns, _ := sc.Node(id); ns.Verdict != want {
					t.Errorf("verdict of %s = %q; want %q (missed %v)", id, ns.Verdict, want, ns.Missed)
				}
			}
			for id, want := range tt.missed {
				if ns, _ := sc.Node(id); !reflect.DeepEqual(ns.Missed, want) {
					t.Errorf("missed of %s = %v; want %v", id, ns.Missed, want)
				}
			}
			for id, want := range tt.failed {
				p, _ := sc.Predicate(id)
				if !reflect.DeepEqual(p.Failed, want) || p.Met != (len(want) == 0) {
					t.Errorf("%s: met %v, failed %v; want %v", id, p.Met, p.Failed, want)
				}
			}
		})
	}
}

func TestScoreRequiresAddsTheLowerPredicate(t *testing.T) {
	text := strings.NewReplacer("{node: total, min: 5}", "{node: total, min: 9}").Replace(validBase)
	in := mustParse(t, text)
	// WBBM's own rule (each area ≥ 50%) holds, WBK's total ≥ 9 does not.
	sc, err := Score(in, Answers{"p.a.1": Letter("B"), "p.b.1": Num(2)}, "WBBM")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := sc.Predicate("WBBM")
	want := []Failure{{"WBK", TotalNode, RuleMin, 9, 5, ""}}
	if p.Met || !reflect.DeepEqual(p.Failed, want) || sc.Result != "" {
		t.Fatalf("WBBM met=%v failed=%v result=%q; want not met with %v", p.Met, p.Failed, sc.Result, want)
	}
}

func TestScoreTarget(t *testing.T) {
	in := mini(t)
	if sc, _ := Score(in, nil, ""); sc.Target != "WBK" {
		t.Errorf("default target = %q; want the lowest, WBK", sc.Target)
	}
	if sc, _ := Score(in, nil, "wbbm"); sc.Target != "WBBM" {
		t.Errorf("target is case-insensitive: got %q", sc.Target)
	}
	if _, err := Score(in, nil, "WBX"); err == nil || !strings.Contains(err.Error(), "WBK, WBBM") {
		t.Errorf("unknown target: %v", err)
	}
}

func TestScorecardJSONShape(t *testing.T) {
	in := mini(t)
	sc, _ := Score(in, Answers{"a1.1": Letter("Y"), "h.1": Num(3.41)}, "WBK")
	b, err := json.Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Instrument string  `json:"instrument"`
		Total      float64 `json:"total"`
		Max        float64 `json:"max"`
		Result     *string `json:"result"`
		Target     string  `json:"target"`
		Nodes      map[string]struct {
			Score, Max          float64
			Answered, Questions int
			Verdict             *string
			Missed              []map[string]any
		} `json:"nodes"`
		Predicates map[string]struct {
			Met    bool
			Failed []map[string]any
		} `json:"predicates"`
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if got.Instrument != "mini" || got.Max != 100 || got.Result != nil || got.Target != "WBK" || !near(got.Total, 5+34.1) {
		t.Errorf("header wrong: %s", b)
	}
	if len(got.Nodes) != len(in.AllNodes()) {
		t.Errorf("nodes holds %d entries; want every node (%d)", len(got.Nodes), len(in.AllNodes()))
	}
	if n := got.Nodes["p"]; n.Verdict != nil || n.Questions != 6 || n.Answered != 1 {
		t.Errorf("p = %+v; want verdict null, 1 of 6 answered", n)
	}
	if n := got.Nodes["a1"]; n.Verdict == nil || *n.Verdict != "fail" || len(n.Missed) != 1 || n.Missed[0]["rule"] != "min_ratio" || n.Missed[0]["need"] != 10.0 {
		t.Errorf("a1 = %+v", n)
	}
	if p := got.Predicates["WBBM"]; p.Met || len(p.Failed) == 0 || p.Failed[0]["node"] != "total" {
		t.Errorf("WBBM = %+v", p)
	}
	for _, key := range []string{`"verdict": null`, `"missed": []`, `"failed": [`} {
		if !strings.Contains(strings.ReplaceAll(string(b), `":`, `": `), strings.ReplaceAll(key, `": `, `": `)) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
}

// WBBM requires WBK, and both ask IPAK 3,6: a score under it misses one
// rule, said once, not once per predicate; rules that ask differently
// stay apart.
func TestDistinctFailures(t *testing.T) {
	ipak := func(pred string, need float64) Failure {
		return Failure{Predicate: pred, Node: "hasil.bersih.ipak", Rule: RuleMin, Need: need, Have: 15.31}
	}
	total := Failure{Predicate: "WBBM", Node: TotalNode, Rule: RuleMin, Need: 85, Have: 80}
	for _, c := range []struct {
		name   string
		failed []Failure
		want   int
	}{
		{"the same rule twice", []Failure{ipak("WBBM", 15.75), ipak("WBK", 15.75)}, 1},
		{"the same node asked more", []Failure{ipak("WBBM", 16), ipak("WBK", 15.75)}, 2},
		{"other nodes", []Failure{total, ipak("WBBM", 15.75), ipak("WBK", 15.75)}, 2},
		{"none", nil, 0},
	} {
		got := PredicateResult{ID: "WBBM", Failed: c.failed}.Distinct()
		if len(got) != c.want {
			t.Errorf("%s: %d distinct of %v; want %d", c.name, len(got), c.failed, c.want)
		}
		if len(got) > 0 && got[0] != c.failed[0] {
			t.Errorf("%s: the first failure is %+v; want the predicate's own %+v", c.name, got[0], c.failed[0])
		}
	}
}

// TestScoreValuesIsScore scores random answer sets of every built-in
// instrument both ways, by question id and by position, and expects the
// same scorecard, also when the values stop short of the last question
// and when the scorecard is scored into again.
func TestScoreValuesIsScore(t *testing.T) {
	for _, in := range Builtins() {
		qs := in.Questions()
		rng := rand.New(rand.NewPCG(1, uint64(len(qs))))
		var room Rescorer
		for range 50 {
			cut := rng.IntN(len(qs) + 1)
			answers := Answers{}
			at := make([]Value, cut)
			for i, q := range qs[:cut] {
				if rng.IntN(3) == 0 {
					continue // unanswered
				}
				v := q.Best()
				if rng.IntN(2) == 0 {
					v = q.Worst()
				}
				answers[q.ID], at[i] = v, v
			}
			target := in.Predicates[rng.IntN(len(in.Predicates))].ID
			want, err := Score(in, answers, target)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ScoreValues(in, at, target)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, %d of %d questions given: ScoreValues %+v; Score %+v", in.ID, cut, len(qs), got, want)
			}
			again, err := room.Score(in, at, target) // in the last round's room
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*again, want) {
				t.Fatalf("%s, %d of %d questions given: Rescorer %+v; Score %+v", in.ID, cut, len(qs), *again, want)
			}
		}
	}
}
