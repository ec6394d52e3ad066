package model

import (
	"fmt"
	"sort"
	"strings"
)

// draftWeakest is how many of a failing node's weakest questions a draft
// lists: enough to point at the work, few enough to read.
const draftWeakest = 3

// Drafts proposes one recommendation for each node the scorecard marks as
// failing, in the scorecard's (walking) order. Each names the node, every
// rule it misses with the points it is short, and its weakest questions
// (unanswered first, then the lowest value) with the evaluator's notes.
// The drafts are new (status baru) and unsaved, without ids, satker or
// evaluation: the evaluator accepts, edits or discards each one, and the
// store fills those in when one is saved.
//
// Priority follows the largest shortfall against what a rule needs:
// tinggi when a rule is short by half of its need or more, sedang from a
// fifth, rendah below that.
func Drafts(in *Instrument, answers map[string]Answer, sc Scorecard) []Rekomendasi {
	var out []Rekomendasi
	for _, ns := range sc.Nodes {
		if ns.Verdict != Fail {
			continue
		}
		n, ok := in.Node(ns.ID)
		if !ok {
			continue
		}
		out = append(out, Rekomendasi{
			Node:     n.ID,
			Text:     draftText(in, n, ns, answers),
			Priority: draftPriority(ns.Missed),
			Status:   RekBaru,
		})
	}
	return out
}

// draftPriority grades the largest relative shortfall of a node's misses.
func draftPriority(missed []Miss) Priority {
	worst := 0.0
	for _, m := range missed {
		if m.Need > 0 {
			worst = max(worst, m.Short()/m.Need)
		}
	}
	switch {
	case worst >= 0.5:
		return PriorityTinggi
	case worst >= 0.2:
		return PrioritySedang
	}
	return PriorityRendah
}

func draftText(in *Instrument, n *Node, ns NodeScore, answers map[string]Answer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) belum memenuhi syarat:", n.Title, n.ID)
	for _, m := range ns.Missed {
		rule := "nilai minimal"
		if m.Rule == RuleMinRatio && ns.Max > 0 {
			rule = fmt.Sprintf("nilai minimal %s%% dari bobot %s", formatNumber(m.Need/ns.Max*100), Points(ns.Max))
		}
		fmt.Fprintf(&b, "\n- %s: %s perlu %s, tercapai %s, kurang %s poin.",
			m.Predicate, rule, Points(m.Need), Points(m.Have), Points(m.Short()))
	}
	weak := weakest(n, answers, draftWeakest)
	if len(weak) > 0 {
		b.WriteString("\nPertanyaan dengan jawaban terlemah:")
	}
	for _, q := range weak {
		a, ok := answers[q.ID]
		state := "belum dijawab"
		if ok && !a.Value.IsZero() {
			state = "jawaban " + a.Value.String()
		}
		fmt.Fprintf(&b, "\n- %s %s: %s", q.ID, q.Text, state)
		if ok && strings.TrimSpace(a.Note) != "" {
			fmt.Fprintf(&b, " (catatan: %s)", strings.TrimSpace(a.Note))
		}
	}
	return b.String()
}

// weakest returns up to limit questions under n that are not at full
// marks: unanswered ones first, then by ascending value, ties in walking
// order.
func weakest(n *Node, answers map[string]Answer, limit int) []*Question {
	type ranked struct {
		q    *Question
		rank float64 // -1: unanswered; else the answer's fraction
	}
	var all []ranked
	var walk func(*Node)
	walk = func(n *Node) {
		for _, q := range n.Questions {
			a, ok := answers[q.ID]
			if !ok || a.Value.IsZero() {
				all = append(all, ranked{q, -1})
				continue
			}
			if f := q.Fraction(a.Value); f < 1-scoreEpsilon {
				all = append(all, ranked{q, f})
			}
		}
		for _, c := range n.Nodes {
			walk(c)
		}
	}
	walk(n)
	sort.SliceStable(all, func(i, j int) bool { return all[i].rank < all[j].rank })
	out := make([]*Question, 0, min(limit, len(all)))
	for _, r := range all[:min(limit, len(all))] {
		out = append(out, r.q)
	}
	return out
}
