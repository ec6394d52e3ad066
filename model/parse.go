package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

var (
	idPattern        = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)
	predicatePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]*$`)
	optionKeyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]*$`)
)

// weightTolerance is how far children's weights may stray from their parent's.
const weightTolerance = 0.001

// Parse reads an instrument file (YAML, see the format contract) and
// validates it completely. name is used in messages. On failure the error is
// a FileErrors holding every problem found, each with its line.
func Parse(name string, data []byte) (*Instrument, error) {
	data = UTF8(data) // the same instrument, and hash, whatever Windows saved it as
	p := &loader{file: name, ids: map[string]int{}}
	in := p.parse(data)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	sum := sha256.Sum256(data)
	in.Hash = hex.EncodeToString(sum[:])
	in.Data = data
	in.buildIndex()
	return in, nil
}

// ParseFile is Parse for a file a person gives: one that is no UTF-8
// (Notepad's "ANSI") is refused at each such line rather than loaded with
// its dashes and signs turned into U+FFFD. Instruments already stored are
// read with Parse, as they were stored.
func ParseFile(name string, data []byte) (*Instrument, error) {
	if errs := NotUTF8(name, UTF8(data), "simpan ulang berkas sebagai UTF-8, mis. di Notepad: Simpan Sebagai → Encoding UTF-8"); errs != nil {
		return nil, errs
	}
	return Parse(name, data)
}

type loader struct {
	file string
	errs FileErrors
	ids  map[string]int // id → line of first use
}

func (l *loader) errf(line int, format string, args ...any) {
	l.errs = append(l.errs, FileError{File: l.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) parse(data []byte) *Instrument {
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		l.syntaxError(err)
		return nil
	}
	var docs []ast.Node
	for _, d := range file.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	if len(docs) == 0 {
		l.errf(0, "berkas kosong: tidak ada instrumen")
		return nil
	}
	if len(docs) > 1 {
		l.errf(line(docs[1]), "berkas berisi lebih dari satu dokumen YAML; satu instrumen per berkas")
	}
	top, ok := l.mapping(docs[0], "instrumen")
	if !ok {
		return nil
	}
	top.only(l, "id", "title", "source", "nodes", "predicates")
	in := &Instrument{
		ID:     l.id(top, "id", "instrumen", idPattern),
		Title:  l.text(top, "title", true),
		Source: l.text(top, "source", false),
	}
	nodes, nline := top.get("nodes")
	if nodes == nil {
		l.errf(top.line, "instrumen tidak punya \"nodes\" (komponen)")
	} else {
		for _, n := range l.sequence(nodes, "nodes", nline) {
			if node := l.node(n); node != nil {
				in.Nodes = append(in.Nodes, node)
			}
		}
	}
	if preds, pline := top.get("predicates"); preds != nil {
		for _, p := range l.sequence(preds, "predicates", pline) {
			if pred, ok := l.predicate(p); ok {
				in.Predicates = append(in.Predicates, pred)
			}
		}
	}
	l.checkPredicates(in)
	return in
}

func (l *loader) node(n ast.Node) *Node {
	m, ok := l.mapping(n, "komponen")
	if !ok {
		return nil
	}
	m.only(l, "id", "title", "weight", "nodes", "questions")
	node := &Node{Line: m.line}
	node.ID = l.id(m, "id", "komponen", idPattern)
	node.Title = l.text(m, "title", true)
	node.Weight = l.weight(m, true)
	children, cline := m.get("nodes")
	questions, qline := m.get("questions")
	switch {
	case children != nil && questions != nil:
		l.errf(m.line, "komponen %q punya \"nodes\" dan \"questions\" sekaligus; pilih salah satu", node.ID)
	case children == nil && questions == nil:
		l.errf(m.line, "komponen %q tidak punya \"nodes\" maupun \"questions\"", node.ID)
	}
	if children != nil {
		for _, c := range l.sequence(children, "nodes", cline) {
			if child := l.node(c); child != nil {
				node.Nodes = append(node.Nodes, child)
			}
		}
		l.checkWeights(node)
	}
	if questions != nil {
		for _, q := range l.sequence(questions, "questions", qline) {
			if question := l.question(q); question != nil {
				node.Questions = append(node.Questions, question)
			}
		}
	}
	return node
}

func (l *loader) checkWeights(n *Node) {
	if len(n.Nodes) == 0 || n.Weight <= 0 {
		return
	}
	sum := 0.0
	for _, c := range n.Nodes {
		if c.Weight <= 0 {
			return // already reported; a sum would only add noise
		}
		sum += c.Weight
	}
	if math.Abs(sum-n.Weight) > weightTolerance {
		l.errf(n.Line, "bobot %q adalah %s, tetapi bobot anak-anaknya berjumlah %s",
			n.ID, PlainNumber(n.Weight), PlainNumber(sum))
	}
}

func (l *loader) question(n ast.Node) *Question {
	m, ok := l.mapping(n, "pertanyaan")
	if !ok {
		return nil
	}
	m.only(l, "id", "text", "type", "guide", "weight", "options", "range")
	q := &Question{Line: m.line, Weight: 1}
	q.ID = l.id(m, "id", "pertanyaan", idPattern)
	q.Text = l.text(m, "text", true)
	q.Guide = l.text(m, "guide", false)
	if _, wl := m.get("weight"); wl > 0 {
		q.Weight = l.weight(m, false)
		q.weightSet = true
	}
	typ := l.text(m, "type", true)
	q.Type = AnswerType(strings.ToLower(typ))
	known := false
	for _, t := range AnswerTypes {
		known = known || t == q.Type
	}
	if typ != "" && !known {
		l.errf(m.keyLine("type"), "pertanyaan %q: jenis jawaban %q tidak dikenal (yang dikenal: %s)", q.ID, typ, joinTypes())
		return q
	}
	opts, oline := m.get("options")
	rng, rline := m.get("range")
	switch q.Type {
	case Number:
		if rng == nil {
			l.errf(m.line, "pertanyaan %q berjenis number tetapi tidak punya \"range: [lo, hi]\"", q.ID)
		} else {
			q.Range = l.rangeOf(rng, rline, q.ID)
		}
	default:
		if rng != nil {
			l.errf(rline, "pertanyaan %q: \"range\" hanya untuk jenis number", q.ID)
		}
	}
	switch q.Type {
	case Choice:
		if opts == nil {
			l.errf(m.line, "pertanyaan %q berjenis choice tetapi tidak punya \"options\"", q.ID)
		} else {
			q.Options = l.choiceOptions(opts, oline, q.ID)
		}
		q.labelled = true
	case Percent, Number:
		if opts != nil {
			l.errf(oline, "pertanyaan %q: \"options\" tidak berlaku untuk jenis %s", q.ID, q.Type)
		}
	case "":
	default:
		q.Options = append([]Option(nil), letterValues[q.Type]...)
		if opts != nil {
			l.letterLabels(q, opts, oline)
			q.labelled = true
		}
	}
	return q
}

// choiceOptions reads the options of a choice question: key → {value, label}.
func (l *loader) choiceOptions(n ast.Node, line int, qid string) []Option {
	m, ok := l.mapping(n, "options")
	if !ok {
		return nil
	}
	if len(m.keys) == 0 {
		l.errf(line, "pertanyaan %q: \"options\" kosong", qid)
	}
	var out []Option
	seen := map[string]bool{}
	for _, key := range m.keys {
		kl := m.keyLines[key]
		upper := strings.ToUpper(key)
		if !optionKeyPattern.MatchString(key) {
			l.errf(kl, "pertanyaan %q: kunci pilihan %q tidak sah (huruf, angka, titik atau tanda hubung)", qid, key)
		}
		if seen[upper] {
			l.errf(kl, "pertanyaan %q: pilihan %q ganda (huruf besar dan kecil dianggap sama)", qid, key)
		}
		seen[upper] = true
		om, ok := l.mapping(m.vals[key], "pilihan "+key)
		if !ok {
			continue
		}
		om.only(l, "value", "label")
		o := Option{Key: upper, Label: l.text(om, "label", false)}
		if v, vl := om.get("value"); v == nil {
			l.errf(om.line, "pertanyaan %q: pilihan %q tidak punya \"value\"", qid, key)
		} else if f, ok := l.number(v, vl, "value"); ok {
			if f < 0 || f > 1 {
				l.errf(vl, "pertanyaan %q: nilai pilihan %q adalah %s; harus antara 0 dan 1", qid, key, PlainNumber(f))
			}
			o.Value = f
		}
		out = append(out, o)
	}
	return out
}

// letterLabels reads the criteria of a letter question's fixed options.
func (l *loader) letterLabels(q *Question, n ast.Node, line int) {
	m, ok := l.mapping(n, "options")
	if !ok {
		return
	}
	for _, key := range m.keys {
		kl := m.keyLines[key]
		i := -1
		for j, o := range q.Options {
			if strings.EqualFold(o.Key, key) {
				i = j
			}
		}
		if i < 0 {
			l.errf(kl, "pertanyaan %q: pilihan %q tidak ada pada jenis %s (yang ada: %s)", q.ID, key, q.Type, q.Accepted())
			continue
		}
		om, ok := l.mapping(m.vals[key], "pilihan "+key)
		if !ok {
			continue
		}
		om.only(l, "label", "value")
		if _, vl := om.get("value"); vl > 0 {
			l.errf(vl, "pertanyaan %q: nilai pilihan %q ditentukan oleh jenis %s; hapus \"value\" atau pakai jenis choice", q.ID, key, q.Type)
		}
		q.Options[i].Label = l.text(om, "label", false)
	}
}

func (l *loader) rangeOf(n ast.Node, line int, qid string) [2]float64 {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok || len(seq.Values) != 2 {
		l.errf(line, "pertanyaan %q: \"range\" harus berupa [lo, hi]", qid)
		return [2]float64{}
	}
	lo, ok1 := l.number(seq.Values[0], line, "range")
	hi, ok2 := l.number(seq.Values[1], line, "range")
	if ok1 && ok2 && lo >= hi {
		l.errf(line, "pertanyaan %q: \"range\" [%s, %s] kosong; lo harus lebih kecil dari hi", qid, PlainNumber(lo), PlainNumber(hi))
	}
	return [2]float64{lo, hi}
}

func (l *loader) predicate(n ast.Node) (Predicate, bool) {
	m, ok := l.mapping(n, "predikat")
	if !ok {
		return Predicate{}, false
	}
	m.only(l, "id", "title", "requires", "rules")
	p := Predicate{Line: m.line}
	p.ID = l.id(m, "id", "predikat", predicatePattern)
	p.Title = l.text(m, "title", true)
	p.Requires = l.text(m, "requires", false)
	p.requiresLine = m.keyLine("requires")
	rules, rline := m.get("rules")
	if rules == nil {
		l.errf(m.line, "predikat %q tidak punya \"rules\"", p.ID)
	} else {
		for _, r := range l.sequence(rules, "rules", rline) {
			if rule, ok := l.rule(r, p.ID); ok {
				p.Rules = append(p.Rules, rule)
			}
		}
	}
	return p, true
}

func (l *loader) rule(n ast.Node, pid string) (Rule, bool) {
	m, ok := l.mapping(n, "aturan")
	if !ok {
		return Rule{}, false
	}
	m.only(l, "node", "each", "min", "min_ratio", "source")
	r := Rule{Line: m.line, Node: l.text(m, "node", false), Each: l.text(m, "each", false), Source: l.text(m, "source", false)}
	if (r.Node == "") == (r.Each == "") {
		l.errf(m.line, "aturan predikat %q harus punya tepat satu dari \"node\" atau \"each\"", pid)
		return r, false
	}
	minN, minL := m.get("min")
	ratioN, ratioL := m.get("min_ratio")
	if (minN == nil) == (ratioN == nil) {
		l.errf(m.line, "aturan predikat %q harus punya tepat satu dari \"min\" atau \"min_ratio\"", pid)
		return r, false
	}
	if minN != nil {
		r.Kind = RuleMin
		r.Value, ok = l.number(minN, minL, "min")
		if ok && r.Value < 0 {
			l.errf(minL, "aturan predikat %q: min %s tidak boleh negatif", pid, PlainNumber(r.Value))
		}
	} else {
		r.Kind = RuleMinRatio
		r.Value, ok = l.number(ratioN, ratioL, "min_ratio")
		if ok && (r.Value <= 0 || r.Value > 1) {
			l.errf(ratioL, "aturan predikat %q: min_ratio %s harus di atas 0 dan paling besar 1", pid, PlainNumber(r.Value))
		}
	}
	return r, ok
}

// checkPredicates checks what needs the whole tree: rule targets and requires.
func (l *loader) checkPredicates(in *Instrument) {
	nodes := map[string]*Node{}
	var walk func(ns []*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			nodes[n.ID] = n
			walk(n.Nodes)
		}
	}
	walk(in.Nodes)
	byID := map[string]Predicate{}
	for _, p := range in.Predicates {
		if _, dup := byID[strings.ToUpper(p.ID)]; dup && p.ID != "" {
			l.errf(p.Line, "predikat %q ganda", p.ID)
		}
		byID[strings.ToUpper(p.ID)] = p
		for _, r := range p.Rules {
			switch {
			case r.Node == TotalNode:
			case r.Node != "":
				if nodes[r.Node] == nil {
					l.errf(r.Line, "aturan predikat %q menyebut komponen %q yang tidak ada", p.ID, r.Node)
				}
			default:
				if n := nodes[r.Each]; n == nil {
					l.errf(r.Line, "aturan predikat %q menyebut komponen %q yang tidak ada", p.ID, r.Each)
				} else if len(n.Nodes) == 0 {
					l.errf(r.Line, "aturan predikat %q: \"each: %s\" butuh komponen yang punya sub-komponen", p.ID, r.Each)
				}
			}
		}
	}
	for _, p := range in.Predicates {
		if p.Requires == "" {
			continue
		}
		if _, ok := byID[strings.ToUpper(p.Requires)]; !ok {
			l.errf(p.requiresLine, "predikat %q mensyaratkan predikat %q yang tidak ada", p.ID, p.Requires)
			continue
		}
		seen := map[string]bool{strings.ToUpper(p.ID): true}
		for cur := p.Requires; cur != ""; cur = byID[strings.ToUpper(cur)].Requires {
			if seen[strings.ToUpper(cur)] {
				l.errf(p.Line, "predikat %q: \"requires\" membentuk lingkaran", p.ID)
				break
			}
			seen[strings.ToUpper(cur)] = true
		}
	}
}
