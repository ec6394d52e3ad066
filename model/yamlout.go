package model

import (
	"bytes"
	"fmt"

	"github.com/goccy/go-yaml"
)

// The file format's shape, for writing an instrument back out.
type (
	instrumentYAML struct {
		ID         string          `yaml:"id"`
		Title      string          `yaml:"title"`
		Source     string          `yaml:"source,omitempty"`
		Nodes      []nodeYAML      `yaml:"nodes"`
		Predicates []predicateYAML `yaml:"predicates,omitempty"`
	}
	nodeYAML struct {
		ID        string         `yaml:"id"`
		Title     string         `yaml:"title"`
		Weight    float64        `yaml:"weight"`
		Nodes     []nodeYAML     `yaml:"nodes,omitempty"`
		Questions []questionYAML `yaml:"questions,omitempty"`
	}
	questionYAML struct {
		ID      string        `yaml:"id"`
		Text    string        `yaml:"text"`
		Type    AnswerType    `yaml:"type"`
		Guide   string        `yaml:"guide,omitempty"`
		Weight  float64       `yaml:"weight,omitempty"`
		Range   []float64     `yaml:"range,omitempty,flow"`
		Options yaml.MapSlice `yaml:"options,omitempty"`
	}
	optionYAML struct {
		Value *float64 `yaml:"value,omitempty"`
		Label string   `yaml:"label,omitempty"`
	}
	predicateYAML struct {
		ID       string     `yaml:"id"`
		Title    string     `yaml:"title"`
		Requires string     `yaml:"requires,omitempty"`
		Rules    []ruleYAML `yaml:"rules"`
	}
	ruleYAML struct {
		Node     string   `yaml:"node,omitempty"`
		Each     string   `yaml:"each,omitempty"`
		Min      *float64 `yaml:"min,omitempty"`
		MinRatio *float64 `yaml:"min_ratio,omitempty"`
		Source   string   `yaml:"source,omitempty"`
	}
)

// YAML writes the instrument in the file format. What it writes parses
// back to an instrument that validates and scores the same.
func (in *Instrument) YAML() ([]byte, error) {
	out := instrumentYAML{ID: in.ID, Title: in.Title, Source: in.Source}
	for _, n := range in.Nodes {
		out.Nodes = append(out.Nodes, nodeToYAML(n))
	}
	for _, p := range in.Predicates {
		py := predicateYAML{ID: p.ID, Title: p.Title, Requires: p.Requires}
		for _, r := range p.Rules {
			v := r.Value
			ry := ruleYAML{Node: r.Node, Each: r.Each, Source: r.Source}
			if r.Kind == RuleMin {
				ry.Min = &v
			} else {
				ry.MinRatio = &v
			}
			py.Rules = append(py.Rules, ry)
		}
		out.Predicates = append(out.Predicates, py)
	}
	body, err := yaml.MarshalWithOptions(out, yaml.Indent(2), yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("tulis YAML instrumen %s: %w", in.ID, err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s (%s)\n# Ditulis oleh `ziwb instrument show --yaml`; salin dan ubah untuk instrumen baru.\n", in.Title, in.ID)
	b.Write(body)
	return b.Bytes(), nil
}

func nodeToYAML(n *Node) nodeYAML {
	ny := nodeYAML{ID: n.ID, Title: n.Title, Weight: n.Weight}
	for _, c := range n.Nodes {
		ny.Nodes = append(ny.Nodes, nodeToYAML(c))
	}
	for _, q := range n.Questions {
		qy := questionYAML{ID: q.ID, Text: q.Text, Type: q.Type, Guide: q.Guide}
		if q.weightSet {
			qy.Weight = q.Weight
		}
		if q.Type == Number {
			qy.Range = []float64{q.Range[0], q.Range[1]}
		}
		if q.labelled {
			for _, o := range q.Options {
				oy := optionYAML{Label: o.Label}
				if q.Type == Choice {
					v := o.Value
					oy.Value = &v
				}
				qy.Options = append(qy.Options, yaml.MapItem{Key: o.Key, Value: oy})
			}
		}
		ny.Questions = append(ny.Questions, qy)
	}
	return ny
}
