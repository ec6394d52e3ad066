package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// scoreEpsilon absorbs floating-point noise when comparing a score with a
// threshold: 0.6 × 8 must pass at 4.8 however the sum was reached.
const scoreEpsilon = 1e-9

// Miss is one rule a node falls short of.
type Miss struct {
	Predicate string
	Rule      RuleKind
	Need      float64 // points the rule needs
	Have      float64 // points the node has
	Source    string  // the clause the rule comes from; "" when the instrument names none
}

// Short is how many points are missing.
func (m Miss) Short() float64 { return m.Need - m.Have }

// NodeScore is one node's line of the scorecard.
type NodeScore struct {
	ID        string
	Score     float64
	Max       float64
	Answered  int
	Questions int
	Verdict   Verdict
	Missed    []Miss
}

// Failure is one rule of a predicate that does not hold.
type Failure struct {
	Predicate string
	Node      string // a node id or TotalNode
	Rule      RuleKind
	Need      float64
	Have      float64
	Source    string // the clause the rule comes from; "" when the instrument names none
}

// PredicateResult says whether a predicate is met, and if not, why.
type PredicateResult struct {
	ID     string
	Met    bool
	Failed []Failure // its own rules' failures and those of what it requires
}

// Distinct is Failed with each rule once: WBBM's IPAK minimum and the WBK
// one it requires are the same rule when they ask the same, and people
// count and add up what is short by rule, not by predicate.
func (p PredicateResult) Distinct() []Failure {
	out := make([]Failure, 0, len(p.Failed))
	for _, f := range p.Failed {
		if !slices.ContainsFunc(out, func(g Failure) bool { return g.Node == f.Node && g.Rule == f.Rule && g.Need == f.Need }) {
			out = append(out, f)
		}
	}
	return out
}

// Scorecard is the outcome of scoring one set of answers.
type Scorecard struct {
	Instrument string
	Target     string
	Total      float64
	Max        float64
	Answered   int
	Questions  int
	Result     string            // the highest predicate met, "" for none
	Nodes      []NodeScore       // every node, in walking order
	Predicates []PredicateResult // in the instrument's (ascending) order

	nodeIdx map[string]int
}

// Node returns one node's score.
func (s *Scorecard) Node(id string) (NodeScore, bool) {
	i, ok := s.nodeIdx[id]
	if !ok {
		return NodeScore{}, false
	}
	return s.Nodes[i], true
}

// Predicate returns one predicate's result.
func (s *Scorecard) Predicate(id string) (PredicateResult, bool) {
	for _, p := range s.Predicates {
		if strings.EqualFold(p.ID, id) {
			return p, true
		}
	}
	return PredicateResult{}, false
}

// Score turns answers into a scorecard. target is the predicate the satker
// aims for ("" means the lowest); it decides the verdicts. Answers to
// questions the instrument does not have are ignored; an unanswered
// question counts 0.
func Score(in *Instrument, answers Answers, target string) (Scorecard, error) {
	return score(in, answers, nil, target, nil)
}

// grown is room emptied, or a new slice when room holds fewer than n.
// What the last score left past the new length names only the
// instrument's own nodes and rules, which outlive it anyway.
func grown(room []Failure, n int) []Failure {
	if cap(room) < n {
		return make([]Failure, 0, n)
	}
	return room[:0]
}

// ScoreValues is Score for values by position: vals[i] answers
// in.Questions()[i], and the zero Value none. It spares a caller that
// keeps values so every lookup by question id.
func ScoreValues(in *Instrument, vals []Value, target string) (Scorecard, error) {
	return score(in, nil, vals, target, nil)
}

// Rescorer scores values by position again and again in the same room:
// the node scores and failures of the 2021 LKE take some 20 KB a score,
// which a caller that keeps no scorecard past the next need not allocate
// every time. The zero Rescorer is ready; it is not safe for concurrent use.
type Rescorer struct {
	sc       Scorecard
	own, all []Failure
}

// Score is ScoreValues. The scorecard it returns is good until the next
// call.
func (r *Rescorer) Score(in *Instrument, vals []Value, target string) (*Scorecard, error) {
	sc, err := score(in, nil, vals, target, r)
	if err != nil {
		return nil, err
	}
	r.sc = sc
	return &r.sc, nil
}

// score is Score of the answers, or of vals by position when answers is
// nil, in r's room when r is not nil.
func score(in *Instrument, answers Answers, vals []Value, target string, r *Rescorer) (Scorecard, error) {
	if target == "" && len(in.Predicates) > 0 {
		target = in.Predicates[0].ID
	}
	if target != "" {
		p, ok := in.Predicate(target)
		if !ok {
			return Scorecard{}, fmt.Errorf("target %q tidak dikenal untuk instrumen %s (yang ada: %s)", target, in.ID, in.predicateIDs())
		}
		target = p.ID
	}
	ix := &in.idx
	if r == nil {
		r = &Rescorer{} // room of its own, made to measure below
	}
	sc := Scorecard{
		Instrument: in.ID,
		Target:     target,
		Max:        ix.max,
		Nodes:      r.sc.Nodes[:0],
		Predicates: r.sc.Predicates[:0],
		nodeIdx:    ix.nodeByID,
	}
	if n := len(ix.nodes); cap(sc.Nodes) < n {
		sc.Nodes = make([]NodeScore, n)
	} else {
		sc.Nodes = sc.Nodes[:n]
		clear(sc.Nodes)
	}
	// Walk the answers once rather than look each question up: a
	// dashboard scores thousands of answer sets, and the instrument's
	// index stays in cache while each set's map does not. The values are
	// summed in question order afterwards, so a score never depends on
	// map order down to the last bit.
	var buf [256]float64
	weighted := buf[:0]
	if n := len(ix.questions); n <= len(buf) {
		weighted = buf[:n]
	} else {
		weighted = make([]float64, n)
	}
	for qid, v := range answers {
		ref, ok := ix.qRef[qid]
		if !ok || v.IsZero() {
			continue
		}
		sc.Nodes[ref.node].Answered++
		weighted[ref.pos] = ref.q.Weight * ref.q.Fraction(v)
	}
	for i, v := range vals[:min(len(vals), len(ix.questions))] {
		if v.IsZero() {
			continue
		}
		q := ix.questions[i]
		sc.Nodes[ix.qNodeAt[i]].Answered++
		weighted[i] = q.Weight * q.Fraction(v)
	}
	for i, n := range ix.nodes {
		ns := &sc.Nodes[i]
		ns.ID, ns.Max = n.ID, n.Weight
		if len(n.Questions) == 0 {
			continue
		}
		sum := 0.0
		for _, x := range weighted[ix.qStart[i] : ix.qStart[i]+len(n.Questions)] {
			sum += x
		}
		ns.Questions = len(n.Questions)
		ns.Score = n.Weight * sum / ix.sumW[i]
	}
	// Children follow their parent in pre-order, so walking backwards
	// finishes every subtree before adding it to its parent.
	for i := len(ix.nodes) - 1; i >= 0; i-- {
		ns := &sc.Nodes[i]
		if p := ix.parent[i]; p >= 0 {
			sc.Nodes[p].Score += ns.Score
			sc.Nodes[p].Answered += ns.Answered
			sc.Nodes[p].Questions += ns.Questions
		} else {
			sc.Total += ns.Score
			sc.Answered += ns.Answered
			sc.Questions += ns.Questions
		}
	}

	// Each rule is checked once per predicate; every list the scorecard
	// holds is cut from one backing array, since scoring runs thousands of
	// times for a dashboard.
	nChecks := 0
	for _, checks := range ix.checks {
		nChecks += len(checks)
	}
	own := grown(r.own, nChecks)
	bounds := make([][2]int, len(in.Predicates))
	for pi, checks := range ix.checks {
		bounds[pi][0] = len(own)
		for _, c := range checks {
			if need, have, ok := sc.holds(c); !ok {
				own = append(own, Failure{Predicate: in.Predicates[pi].ID, Node: sc.nodeID(c.node), Rule: c.kind, Need: need, Have: have, Source: c.source})
			}
		}
		bounds[pi][1] = len(own)
	}
	total := 0
	for pi := range in.Predicates {
		for _, q := range ix.chains[pi] {
			total += bounds[q][1] - bounds[q][0]
		}
	}
	all := grown(r.all, total)
	if cap(sc.Predicates) < len(in.Predicates) {
		sc.Predicates = make([]PredicateResult, len(in.Predicates))
	}
	sc.Predicates = sc.Predicates[:len(in.Predicates)]
	r.own, r.all = own, all
	for pi, p := range in.Predicates {
		from := len(all)
		for _, q := range ix.chains[pi] {
			all = append(all, own[bounds[q][0]:bounds[q][1]]...)
		}
		res := PredicateResult{ID: p.ID, Met: len(all) == from}
		if !res.Met {
			res.Failed = all[from:len(all):len(all)]
		}
		if res.Met {
			sc.Result = p.ID
		}
		sc.Predicates[pi] = res
	}
	if target != "" {
		sc.verdicts(in, target)
	}
	return sc, nil
}

// verdicts marks each node the target's rules name as pass or fail, with
// what it misses.
func (sc *Scorecard) verdicts(in *Instrument, target string) {
	ix := &in.idx
	ti := 0
	for i, p := range in.Predicates {
		if p.ID == target {
			ti = i
		}
	}
	type nodeMiss struct {
		node int
		miss Miss
	}
	var buf [32]nodeMiss
	misses := buf[:0]
	for _, pi := range ix.chains[ti] {
		for _, c := range ix.checks[pi] {
			if c.node < 0 {
				continue
			}
			ns := &sc.Nodes[c.node]
			if need, have, ok := sc.holds(c); !ok {
				ns.Verdict = Fail
				misses = append(misses, nodeMiss{c.node, Miss{Predicate: in.Predicates[pi].ID, Rule: c.kind, Need: need, Have: have, Source: c.source}})
			} else if ns.Verdict == VerdictNone {
				ns.Verdict = Pass
			}
		}
	}
	if len(misses) == 0 {
		return
	}
	backing := make([]Miss, len(misses))
	n := 0
	for i := range misses {
		node := misses[i].node
		if sc.Nodes[node].Missed != nil {
			continue // already gathered with an earlier miss of this node
		}
		from := n
		for _, m := range misses[i:] {
			if m.node == node {
				backing[n] = m.miss
				n++
			}
		}
		sc.Nodes[node].Missed = backing[from:n:n]
	}
}

// holds applies one rule check to the scores.
func (sc *Scorecard) holds(c ruleCheck) (need, have float64, ok bool) {
	limit := sc.Max
	have = sc.Total
	if c.node >= 0 {
		have, limit = sc.Nodes[c.node].Score, sc.Nodes[c.node].Max
	}
	need = c.value
	if c.kind == RuleMinRatio {
		need = c.value * limit
	}
	return need, have, have+scoreEpsilon >= need
}

func (sc *Scorecard) nodeID(i int) string {
	if i < 0 {
		return TotalNode
	}
	return sc.Nodes[i].ID
}

func (in *Instrument) predicateIDs() string {
	ids := make([]string, len(in.Predicates))
	for i, p := range in.Predicates {
		ids[i] = p.ID
	}
	if len(ids) == 0 {
		return "tidak ada"
	}
	return strings.Join(ids, ", ")
}

// --- JSON: exactly the shape of the format contract ---

type missJSON struct {
	Rule   RuleKind `json:"rule"`
	Need   float64  `json:"need"`
	Have   float64  `json:"have"`
	Source string   `json:"source,omitempty"`
}

type nodeJSON struct {
	Score     float64    `json:"score"`
	Max       float64    `json:"max"`
	Answered  int        `json:"answered"`
	Questions int        `json:"questions"`
	Verdict   *Verdict   `json:"verdict"`
	Missed    []missJSON `json:"missed"`
}

type failureJSON struct {
	Node   string   `json:"node"`
	Rule   RuleKind `json:"rule"`
	Need   float64  `json:"need"`
	Have   float64  `json:"have"`
	Source string   `json:"source,omitempty"`
}

type predicateJSON struct {
	Met    bool          `json:"met"`
	Failed []failureJSON `json:"failed"`
}

// MarshalJSON writes the scorecard as the contract's JSON, nodes and
// predicates in the instrument's order.
func (s Scorecard) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	field := func(name string, v any) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%q: %s", name, j)
		return nil
	}
	var result, target *string
	if s.Result != "" {
		result = &s.Result
	}
	if s.Target != "" {
		target = &s.Target
	}
	b.WriteString("{")
	for i, f := range []struct {
		name string
		v    any
	}{{"instrument", s.Instrument}, {"total", s.Total}, {"max", s.Max}, {"result", result}, {"target", target}} {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := field(f.name, f.v); err != nil {
			return nil, err
		}
	}
	b.WriteString(`, "nodes": {`)
	for i, n := range s.Nodes {
		if i > 0 {
			b.WriteString(", ")
		}
		nj := nodeJSON{Score: n.Score, Max: n.Max, Answered: n.Answered, Questions: n.Questions, Missed: []missJSON{}}
		if n.Verdict != VerdictNone {
			v := n.Verdict
			nj.Verdict = &v
		}
		for _, m := range n.Missed {
			nj.Missed = append(nj.Missed, missJSON{m.Rule, m.Need, m.Have, m.Source})
		}
		if err := field(n.ID, nj); err != nil {
			return nil, err
		}
	}
	b.WriteString(`}, "predicates": {`)
	for i, p := range s.Predicates {
		if i > 0 {
			b.WriteString(", ")
		}
		pj := predicateJSON{Met: p.Met, Failed: []failureJSON{}}
		for _, f := range p.Failed {
			pj.Failed = append(pj.Failed, failureJSON{f.Node, f.Rule, f.Need, f.Have, f.Source})
		}
		if err := field(p.ID, pj); err != nil {
			return nil, err
		}
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}
