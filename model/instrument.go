package model

import (
	"fmt"
	"strings"
)

// AnswerType names how a question is answered and how its answer becomes a
// value between 0 and 1.
type AnswerType string

const (
	YesNo   AnswerType = "yesno"
	ABC     AnswerType = "abc"
	ABCD    AnswerType = "abcd"
	ABCDE   AnswerType = "abcde"
	Choice  AnswerType = "choice"
	Percent AnswerType = "percent"
	Number  AnswerType = "number"
)

// AnswerTypes lists every type in the order the format documents them.
var AnswerTypes = []AnswerType{YesNo, ABC, ABCD, ABCDE, Choice, Percent, Number}

// letterValues holds the fixed values of the letter types, as the LKE
// spreadsheet and the evaluators' tools round them.
var letterValues = map[AnswerType][]Option{
	YesNo: {{Key: "Y", Value: 1}, {Key: "T", Value: 0}},
	ABC:   {{Key: "A", Value: 1}, {Key: "B", Value: 0.5}, {Key: "C", Value: 0}},
	ABCD:  {{Key: "A", Value: 1}, {Key: "B", Value: 0.67}, {Key: "C", Value: 0.33}, {Key: "D", Value: 0}},
	ABCDE: {{Key: "A", Value: 1}, {Key: "B", Value: 0.75}, {Key: "C", Value: 0.5}, {Key: "D", Value: 0.25}, {Key: "E", Value: 0}},
}

// IsChoice reports whether answers of this type are option keys rather than numbers.
func (t AnswerType) IsChoice() bool { return t != Percent && t != Number }

// Option is one accepted answer of a choice question.
type Option struct {
	Key   string  // upper-case: "A", "Y", …
	Value float64 // 0..1
	Label string  // the criterion of this option; may be empty
}

// Question is a leaf of the instrument: something the evaluator answers.
type Question struct {
	ID     string
	Text   string
	Guide  string // the evidence (data dukung) to look for
	Type   AnswerType
	Weight float64    // weight inside its node's average; 1 when the file omits it
	Range  [2]float64 // lo, hi: number type only
	// Options lists the accepted answers of choice and letter types in order,
	// with their values; for letter types the values are fixed by the type.
	Options []Option
	Line    int // line in the source file, 0 when built in code

	weightSet bool // the file gave a weight (kept so --yaml writes it back)
	labelled  bool // the file gave options (kept so --yaml writes them back)
}

// Node is a component of the instrument: either child nodes or questions.
type Node struct {
	ID        string
	Title     string
	Weight    float64
	Nodes     []*Node
	Questions []*Question
	Line      int
}

// RuleKind says how a rule compares a score.
type RuleKind string

const (
	RuleMin      RuleKind = "min"       // score ≥ Value points
	RuleMinRatio RuleKind = "min_ratio" // score ≥ Value × the node's maximum
)

// TotalNode is the pseudo node id a rule uses for the instrument's total.
const TotalNode = "total"

// Rule is one condition of a predicate.
type Rule struct {
	Node   string // a node id or TotalNode; empty when Each is set
	Each   string // apply to every direct child of this node
	Kind   RuleKind
	Value  float64
	Source string // the clause of the regulation the rule comes from; "" when not given
	Line   int
}

func (r Rule) String() string {
	target := "node: " + r.Node
	if r.Each != "" {
		target = "each: " + r.Each
	}
	return fmt.Sprintf("{%s, %s: %s}", target, r.Kind, PlainNumber(r.Value))
}

// Predicate is a rank a satker can reach (WBK, WBBM), in ascending order.
type Predicate struct {
	ID       string
	Title    string
	Requires string // another predicate whose rules also apply
	Rules    []Rule
	Line     int

	requiresLine int
}

// Instrument is an evaluation worksheet: the tree an evaluator walks and
// the predicates its scores decide. Build one with Parse; treat it as
// read-only afterwards.
type Instrument struct {
	ID         string
	Title      string
	Source     string
	Nodes      []*Node
	Predicates []Predicate

	// Hash identifies the content: the hex SHA-256 of the source file, so a
	// stored evaluation can find the exact instrument it was scored with.
	Hash string
	// Data is the source file the instrument was parsed from.
	Data []byte

	idx index
}

// index is the flat form scoring walks: nodes in pre-order with parents.
type index struct {
	nodes     []*Node
	parent    []int // parent index; -1 for top-level nodes
	nodeByID  map[string]int
	questions []*Question
	qByID     map[string]*Question
	qNode     map[string]int // question id → index of the node that holds it
	qNodeAt   []int          // per question, in order: the index of the node that holds it
	qRef      map[string]questionRef
	sumW      []float64 // per node: the sum of its questions' weights
	qStart    []int     // per node: index of its first question in questions
	max       float64
	checks    [][]ruleCheck // per predicate: its own rules, expanded to nodes
	chains    [][]int       // per predicate: itself and what it requires, as indexes
}

// questionRef is what scoring needs of a question, found with one lookup.
type questionRef struct {
	q    *Question
	node int
	pos  int // index in questions
}

// ruleCheck is one rule applied to one node (-1: the total), so scoring
// needs no lookups.
type ruleCheck struct {
	node   int
	kind   RuleKind
	value  float64
	source string
}

func (in *Instrument) buildIndex() {
	ix := index{nodeByID: map[string]int{}, qByID: map[string]*Question{}, qNode: map[string]int{}, qRef: map[string]questionRef{}}
	var walk func(n *Node, parent int)
	walk = func(n *Node, parent int) {
		i := len(ix.nodes)
		ix.nodes = append(ix.nodes, n)
		ix.parent = append(ix.parent, parent)
		ix.nodeByID[n.ID] = i
		ix.sumW = append(ix.sumW, 0)
		ix.qStart = append(ix.qStart, len(ix.questions))
		for _, q := range n.Questions {
			ix.qRef[q.ID] = questionRef{q, i, len(ix.questions)}
			ix.questions = append(ix.questions, q)
			ix.qByID[q.ID] = q
			ix.qNode[q.ID] = i
			ix.qNodeAt = append(ix.qNodeAt, i)
			ix.sumW[i] += q.Weight
		}
		for _, c := range n.Nodes {
			walk(c, i)
		}
	}
	for _, n := range in.Nodes {
		walk(n, -1)
		ix.max += n.Weight
	}
	predIdx := map[string]int{}
	for i, p := range in.Predicates {
		predIdx[strings.ToUpper(p.ID)] = i
	}
	for _, p := range in.Predicates {
		var checks []ruleCheck
		for _, r := range p.Rules {
			switch {
			case r.Node == TotalNode:
				checks = append(checks, ruleCheck{-1, r.Kind, r.Value, r.Source})
			case r.Node != "":
				checks = append(checks, ruleCheck{ix.nodeByID[r.Node], r.Kind, r.Value, r.Source})
			default:
				for _, c := range ix.nodes[ix.nodeByID[r.Each]].Nodes {
					checks = append(checks, ruleCheck{ix.nodeByID[c.ID], r.Kind, r.Value, r.Source})
				}
			}
		}
		ix.checks = append(ix.checks, checks)
		var chain []int
		for cur, ok := predIdx[strings.ToUpper(p.ID)]; ok && len(chain) <= len(in.Predicates); cur, ok = predIdx[strings.ToUpper(in.Predicates[cur].Requires)] {
			chain = append(chain, cur) // validated acyclic; the length guards anyway
		}
		ix.chains = append(ix.chains, chain)
	}
	in.idx = ix
}

// AllNodes returns every node in walking (pre-) order.
func (in *Instrument) AllNodes() []*Node { return in.idx.nodes }

// Questions returns every question in walking order.
func (in *Instrument) Questions() []*Question { return in.idx.questions }

// QuestionIndex is where the question with this id is in Questions.
func (in *Instrument) QuestionIndex(id string) (int, bool) {
	ref, ok := in.idx.qRef[id]
	return ref.pos, ok
}

// Question returns the question with this id.
func (in *Instrument) Question(id string) (*Question, bool) {
	q, ok := in.idx.qByID[id]
	return q, ok
}

// Node returns the node with this id.
func (in *Instrument) Node(id string) (*Node, bool) {
	i, ok := in.idx.nodeByID[id]
	if !ok {
		return nil, false
	}
	return in.idx.nodes[i], true
}

// Parent returns the node that holds a node or a question, or nil at the top.
func (in *Instrument) Parent(id string) *Node {
	if i, ok := in.idx.qNode[id]; ok {
		return in.idx.nodes[i]
	}
	if i, ok := in.idx.nodeByID[id]; ok && in.idx.parent[i] >= 0 {
		return in.idx.nodes[in.idx.parent[i]]
	}
	return nil
}

// Path returns the nodes from the top down to the one holding id (a node or
// a question), including that node when id is a node.
func (in *Instrument) Path(id string) []*Node {
	i, ok := in.holder(id)
	if !ok {
		return nil
	}
	var path []*Node
	for ; i >= 0; i = in.idx.parent[i] {
		path = append([]*Node{in.idx.nodes[i]}, path...)
	}
	return path
}

// Depth is len(in.Path(id)) - 1 without building the path: 0 for a
// component at the top, 1 for its parts and so on; -1 for an unknown id.
func (in *Instrument) Depth(id string) int {
	i, ok := in.holder(id)
	if !ok {
		return -1
	}
	d := 0
	for i = in.idx.parent[i]; i >= 0; i = in.idx.parent[i] {
		d++
	}
	return d
}

// holder is the index of the node id names, or of the node holding the
// question id names.
func (in *Instrument) holder(id string) (int, bool) {
	if i, ok := in.idx.nodeByID[id]; ok {
		return i, true
	}
	i, ok := in.idx.qNode[id]
	return i, ok
}

// FirstQuestion returns the question id names, or the first question (in
// walking order) under the node id names.
func (in *Instrument) FirstQuestion(id string) (*Question, bool) {
	if q, ok := in.idx.qByID[id]; ok {
		return q, true
	}
	n, ok := in.Node(id)
	if !ok {
		return nil, false
	}
	if len(n.Questions) > 0 {
		return n.Questions[0], true
	}
	for _, c := range n.Nodes {
		if q, ok := in.FirstQuestion(c.ID); ok {
			return q, true
		}
	}
	return nil, false
}

// Max is the highest total the instrument can give.
func (in *Instrument) Max() float64 { return in.idx.max }

// Predicate returns the predicate with this id.
func (in *Instrument) Predicate(id string) (Predicate, bool) {
	for _, p := range in.Predicates {
		if strings.EqualFold(p.ID, id) {
			return p, true
		}
	}
	return Predicate{}, false
}

// CountQuestions counts the questions below a node.
func (n *Node) CountQuestions() int {
	c := len(n.Questions)
	for _, k := range n.Nodes {
		c += k.CountQuestions()
	}
	return c
}

// Caption is what a node or question id names: the node's title or the
// question's text; "" for an id the instrument does not have.
func (in *Instrument) Caption(id string) string {
	if n, ok := in.Node(id); ok {
		return n.Title
	}
	if q, ok := in.Question(id); ok {
		return q.Text
	}
	return ""
}

// NodeCaption is Caption, naming the total (TotalNode) "Nilai total".
func (in *Instrument) NodeCaption(id string) string {
	if id == TotalNode {
		return "Nilai total"
	}
	return in.Caption(id)
}
