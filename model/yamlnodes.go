package model

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Reading YAML nodes with their lines: the helpers the instrument loader
// reads every field through, so each problem names its line.

// ymap is a YAML mapping with the line of each key.
type ymap struct {
	line     int
	keys     []string
	vals     map[string]ast.Node
	keyLines map[string]int
}

func (m *ymap) get(key string) (ast.Node, int) {
	v, ok := m.vals[key]
	if !ok {
		return nil, 0
	}
	if v == nil || isNull(v) {
		return nil, m.keyLines[key]
	}
	return v, m.keyLines[key]
}

func (m *ymap) keyLine(key string) int {
	if l, ok := m.keyLines[key]; ok {
		return l
	}
	return m.line
}

// only reports every key that is not in allowed.
func (m *ymap) only(l *loader, allowed ...string) {
	for _, k := range m.keys {
		ok := false
		for _, a := range allowed {
			ok = ok || k == a
		}
		if !ok {
			l.errf(m.keyLines[k], "kunci tidak dikenal %q (yang dikenal di sini: %s)", k, strings.Join(allowed, ", "))
		}
	}
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		default:
			return n
		}
	}
}

func isNull(n ast.Node) bool {
	_, ok := unwrap(n).(*ast.NullNode)
	return ok
}

func line(n ast.Node) int {
	if n == nil || n.GetToken() == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

func (l *loader) mapping(n ast.Node, what string) (*ymap, bool) {
	n = unwrap(n)
	if _, ok := n.(*ast.AliasNode); ok {
		l.errf(line(n), "%s: alias YAML (*nama) tidak didukung; tulis isinya langsung", what)
		return nil, false
	}
	var values []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		values = v.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{v}
	default:
		l.errf(line(n), "%s harus berupa pemetaan (kunci: nilai), bukan %s", what, describe(n))
		return nil, false
	}
	m := &ymap{line: line(n), vals: map[string]ast.Node{}, keyLines: map[string]int{}}
	for i, kv := range values {
		key := ""
		if kv.Key != nil {
			key = kv.Key.GetToken().Value
		}
		kl := line(kv.Key)
		if i == 0 && kl > 0 {
			m.line = kl
		}
		if _, ok := kv.Key.(*ast.MergeKeyNode); ok {
			l.errf(kl, "%s: kunci gabungan YAML (<<) tidak didukung", what)
			continue
		}
		if _, dup := m.vals[key]; dup {
			l.errf(kl, "kunci %q ganda (pertama di baris %d)", key, m.keyLines[key])
			continue
		}
		m.keys = append(m.keys, key)
		m.vals[key] = kv.Value
		m.keyLines[key] = kl
	}
	return m, true
}

func (l *loader) sequence(n ast.Node, what string, keyLine int) []ast.Node {
	n = unwrap(n)
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		l.errf(keyLine, "%q harus berupa daftar (- ...), bukan %s", what, describe(n))
		return nil
	}
	if len(seq.Values) == 0 {
		l.errf(keyLine, "%q kosong", what)
	}
	return seq.Values
}

// scalarText returns a scalar's text, whatever YAML typed it as.
func scalarText(n ast.Node) (string, bool) {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	}
	return "", false
}

func (l *loader) text(m *ymap, key string, required bool) string {
	v, kl := m.get(key)
	if v == nil {
		if required {
			l.errf(m.keyLine(key), "%q wajib diisi", key)
		}
		return ""
	}
	s, ok := scalarText(v)
	if !ok {
		l.errf(kl, "%q harus berupa teks, bukan %s", key, describe(v))
		return ""
	}
	s = strings.TrimSpace(s)
	if required && s == "" {
		l.errf(kl, "%q wajib diisi", key)
	}
	return s
}

func (l *loader) id(m *ymap, key, what string, pattern *regexp.Regexp) string {
	id := l.text(m, key, true)
	if id == "" {
		return ""
	}
	kl := m.keyLine(key)
	if !pattern.MatchString(id) {
		l.errf(kl, "id %s %q tidak sah: pakai huruf kecil, angka, titik dan tanda hubung", what, id)
	}
	if what == "predikat" {
		return id
	}
	if id == TotalNode {
		l.errf(kl, "id %q dicadangkan untuk nilai total; pilih id lain", id)
	}
	if first, dup := l.ids[id]; dup {
		l.errf(kl, "id %q ganda (pertama dipakai di baris %d)", id, first)
	} else {
		l.ids[id] = kl
	}
	return id
}

func (l *loader) weight(m *ymap, required bool) float64 {
	v, kl := m.get("weight")
	if v == nil {
		if required {
			l.errf(m.keyLine("weight"), "\"weight\" wajib diisi")
		}
		return 0
	}
	w, ok := l.number(v, kl, "weight")
	if ok && w <= 0 {
		l.errf(kl, "bobot harus positif, bukan %s", PlainNumber(w))
	}
	return w
}

func (l *loader) number(n ast.Node, keyLine int, what string) (float64, bool) {
	n = unwrap(n)
	at := line(n)
	if at == 0 {
		at = keyLine
	}
	switch v := n.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.GetToken().Value, "_", ""), 64)
		if err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, true
		}
		if s, ok := v.(ast.ScalarNode); ok {
			switch x := s.GetValue().(type) {
			case int64:
				return float64(x), true
			case uint64:
				return float64(x), true
			case float64:
				return x, true
			}
		}
	}
	text, _ := scalarText(n)
	if text == "" {
		text = describe(n)
	}
	l.errf(at, "%q harus berupa angka, bukan %q", what, text)
	return 0, false
}

func describe(n ast.Node) string {
	switch unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "pemetaan"
	case *ast.SequenceNode:
		return "daftar"
	case *ast.NullNode, nil:
		return "kosong"
	case *ast.StringNode, *ast.LiteralNode:
		return "teks"
	}
	return "nilai tunggal"
}

func joinTypes() string {
	s := make([]string, len(AnswerTypes))
	for i, t := range AnswerTypes {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
