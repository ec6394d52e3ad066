package model

import (
	"fmt"
	"sort"
	"strings"
)

// draftWeakest is how many of a failing node's weakest questions, beyond
// those on the path, get a draft: enough to point at more work, few
// enough to read.
const draftWeakest = 3

// Drafts proposes recommendations for an evaluation short of its target
// (the scorecard's), one per question, written as an evaluator writes
// them: what the satker should do, phrased from the criterion of the
// answer the question needs, what stands now, and the evidence (data
// dukung) that will show it. The text carries no question id or
// numbering; Node links the question.
//
// The questions on the path to the target (PathTo) come first, in its
// order, each saying that it is a step towards the target and how many
// points it adds. They are all tinggi: the path is the smallest set that
// makes the target hold, so leaving out any one of them leaves the
// target out of reach. Then, for each node the scorecard marks as
// failing (the deepest first, in walking order), up to draftWeakest of
// its weakest questions not yet drafted (unanswered first, then the
// lowest value), raised to their best answer, graded by the node's
// shortfall (draftPriority). When the target cannot be reached by
// answers alone, only these are offered.
//
// The drafts are new (status baru) and unsaved, without ids, satker or
// evaluation: the evaluator accepts, edits or discards each one, and the
// store fills those in when one is saved.
func Drafts(in *Instrument, answers map[string]Answer, sc Scorecard) []Rekomendasi {
	var out []Rekomendasi
	done := map[string]bool{}
	if sc.Target != "" {
		vals := make(Answers, len(answers))
		for id, a := range answers {
			vals[id] = a.Value
		}
		if p, err := PathTo(in, vals, sc.Target); err == nil {
			for _, st := range p.Steps {
				out = append(out, Rekomendasi{
					Node:     st.Question.ID,
					Text:     stepText(st, answers, p.Target),
					Priority: PriorityTinggi,
					Status:   RekBaru,
				})
				done[st.Question.ID] = true
			}
		}
	}
	var failing []NodeScore
	for _, ns := range sc.Nodes {
		if ns.Verdict == Fail {
			failing = append(failing, ns)
		}
	}
	sort.SliceStable(failing, func(i, j int) bool { return len(in.Path(failing[i].ID)) > len(in.Path(failing[j].ID)) })
	for _, ns := range failing {
		n, ok := in.Node(ns.ID)
		if !ok {
			continue
		}
		for _, q := range weakest(n, answers, done, draftWeakest) {
			out = append(out, Rekomendasi{
				Node:     q.ID,
				Text:     weakText(in, q, answers, n, ns),
				Priority: draftPriority(ns.Missed),
				Status:   RekBaru,
			})
			done[q.ID] = true
		}
	}
	return out
}

// draftPriority grades the largest relative shortfall of a node's misses:
// tinggi when a rule is short by half of its need or more, sedang from a
// fifth, rendah below that.
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

// outcomeLine marks a result item (komponen hasil), which the satker
// raises by its results rather than by preparing documents.
const outcomeLine = "Nilai ini hasil yang diukur, bukan kelengkapan dokumen: ia naik bila perbaikan layanan dan kinerja benar-benar dirasakan."

// stepText is the draft of one step on the path to target.
func stepText(st PathStep, answers map[string]Answer, target string) string {
	q := st.Question
	a, ok := answers[q.ID]
	lines := DraftLines(q, a, ok, st.To)
	if st.Outcome {
		lines = append(lines, outcomeLine)
	}
	lines = append(lines, fmt.Sprintf("Langkah menuju %s: menambah %s poin.", target, Points(st.Points)))
	return strings.Join(lines, "\n")
}

// weakText is the draft of one weak question under the failing node n.
func weakText(in *Instrument, q *Question, answers map[string]Answer, n *Node, ns NodeScore) string {
	a, ok := answers[q.ID]
	lines := DraftLines(q, a, ok, q.Best())
	if p := in.Path(q.ID); len(p) > 0 && strings.EqualFold(p[0].ID, outcomeNode) {
		lines = append(lines, outcomeLine)
	}
	var worst Miss
	for _, m := range ns.Missed {
		if m.Short() > worst.Short() {
			worst = m
		}
	}
	gain := 0.0
	if top, ok := in.QuestionMax(q.ID); ok {
		now, _ := in.QuestionPoints(q.ID, a.Value)
		gain = top - now
	}
	why := n.Title + " belum memenuhi syarat"
	if worst.Predicate != "" {
		why += fmt.Sprintf(" %s (kurang %s poin)", worst.Predicate, PointsShort(worst.Short()))
	}
	lines = append(lines, fmt.Sprintf("%s; perbaikan ini menambah paling banyak %s poin.", why, Points(gain)))
	return strings.Join(lines, "\n")
}

// weakest returns up to limit questions under n that are not at full
// marks and not in skip: unanswered ones first, then by ascending value,
// ties in walking order.
func weakest(n *Node, answers map[string]Answer, skip map[string]bool, limit int) []*Question {
	type ranked struct {
		q    *Question
		rank float64 // -1: unanswered; else the answer's fraction
	}
	var all []ranked
	var walk func(*Node)
	walk = func(n *Node) {
		for _, q := range n.Questions {
			if skip[q.ID] {
				continue
			}
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
