package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The sections of the report, each built from the worksheet: components,
// failing rules, the gap, the areas with notes and recommendations, the
// conclusion and who signs.

// components lists the top components and their parts (the areas), and
// any deeper component a rule of the target judges.
func (v *lheView) components(in *model.Instrument, sc model.Scorecard) {
	for _, n := range in.AllNodes() {
		depth := in.Depth(n.ID)
		ns, _ := sc.Node(n.ID)
		if depth > 1 && ns.Verdict == model.VerdictNone {
			continue
		}
		v.Components = append(v.Components, lheComponent{ID: n.ID, Title: n.Title, Depth: depth,
			Score: model.Points(ns.Score), Max: model.Points(ns.Max), Percent: percentText(ns.Score, ns.Max),
			Verdict: format.VerdictWord(ns.Verdict), Fail: ns.Verdict == model.Fail})
	}
	v.Total = lheComponent{ID: model.TotalNode, Title: "Nilai total", Score: model.Points(sc.Total), Max: model.Points(sc.Max),
		Percent: percentText(sc.Total, sc.Max), Verdict: "–"}
	if p, ok := sc.Predicate(sc.Target); ok {
		v.Total.Verdict = format.VerdictWord(model.Pass)
		for _, f := range p.Failed {
			if f.Node == model.TotalNode {
				v.Total.Verdict, v.Total.Fail = format.VerdictWord(model.Fail), true
			}
		}
	}
}

// failures are the rules of the target (and of what it requires) that do
// not hold, with the points short.
func (v *lheView) failures(in *model.Instrument, sc model.Scorecard) {
	p, ok := sc.Predicate(sc.Target)
	if !ok {
		return
	}
	for _, f := range p.Distinct() {
		name := "Nilai total"
		if n, ok := in.Node(f.Node); ok {
			name = n.Title
		}
		rule := "minimal " + model.Points(f.Need)
		if f.Rule == model.RuleMinRatio {
			if n, ok := in.Node(f.Node); ok && n.Weight > 0 {
				rule = fmt.Sprintf("minimal %s%% dari bobot %s", model.DecimalComma(model.PlainNumber(f.Need/n.Weight*100)), model.Points(n.Weight))
			}
		}
		if f.Source != "" {
			rule += " (" + f.Source + ")"
		}
		v.Failed = append(v.Failed, lheFailure{Predicate: f.Predicate, Component: name, Have: model.PointsAgainst(f.Have, f.Need),
			Need: model.Points(f.Need), Rule: rule, Short: model.PointsShort(f.Need - f.Have)})
	}
}

func gapSection(g *store.Gap) *lheGap {
	out := &lheGap{Self: evalText(g.Self), Eval: evalText(g.Eval), SelfStage: string(g.Self.Stage), EvalStage: string(g.Eval.Stage)}
	differing := 0
	for _, a := range g.Report.Areas {
		title := a.Area
		if n, ok := g.Instrument.Node(a.Area); ok {
			title = n.Title
		}
		differing += a.Differing
		out.Rows = append(out.Rows, lheGapRow{Area: title, Self: model.Points(a.SelfPoints), Eval: model.Points(a.EvalPoints),
			Gap: format.SignedPoints(a.Gap), Differing: strconv.Itoa(a.Differing)})
	}
	out.Total = lheGapRow{Area: "Jumlah", Self: model.Points(g.Report.SelfTotal), Eval: model.Points(g.Report.EvalTotal),
		Gap: format.SignedPoints(g.Report.Gap), Differing: strconv.Itoa(differing)}
	return out
}

// answerCell writes an answer as the LKE does: Ya/Tidak, a letter, a
// percentage or an index with a decimal comma.
func answerCell(q *model.Question, a model.Answer) string {
	if v := a.Value; q.Type == model.YesNo && !v.Numeric {
		switch v.Choice {
		case "Y":
			return "Ya"
		case "T":
			return "Tidak"
		}
	}
	return format.Answer(q, a.Value)
}

var priorityRank = map[model.Priority]int{model.PriorityTinggi: 0, model.PrioritySedang: 1, model.PriorityRendah: 2}

// areas gathers, per area in walking order, the evaluators' notes on the
// answers that count and the recommendations.
func (v *lheView) areas(w store.Worksheet, reks []RekRow) {
	in := w.Instrument
	idx := map[string]int{}
	var all []lheArea
	area := func(id string) *lheArea {
		i, ok := idx[id]
		if !ok {
			title := id
			if n, ok := in.Node(id); ok {
				title = n.Title
			}
			if id == "" {
				title = "Lainnya"
			}
			i = len(all)
			idx[id] = i
			all = append(all, lheArea{ID: id, Title: title})
		}
		return &all[i]
	}
	for _, q := range in.Questions() {
		a := area(in.Area(q.ID))
		ans := w.Answers[q.ID]
		note := strings.Join(strings.Fields(ans.Note), " ")
		if note == "" {
			continue
		}
		num, text := q.Number(), q.Wording()
		a.Findings = append(a.Findings, lheFinding{Number: num, Text: text, Answer: answerCell(q, ans), Note: note})
	}
	sorted := slices.Clone(reks)
	slices.SortStableFunc(sorted, func(a, b RekRow) int { return priorityRank[a.Priority] - priorityRank[b.Priority] })
	for _, r := range sorted {
		a := area(r.AreaID)
		comp := r.Node
		if q, ok := in.Question(r.Node); ok {
			num, text := q.Number(), q.Wording()
			comp = num + " " + shorten(text, 90)
		} else if r.NodeTitle != "" {
			comp = r.NodeTitle
		}
		due := "-"
		if !r.Due.IsZero() {
			due = format.Date(r.Due)
		}
		origin := ""
		if r.Eval.ID != w.Evaluation.ID {
			origin = fmt.Sprintf("%s %d", r.Eval.Stage, r.Eval.Year)
		}
		a.Reks = append(a.Reks, lheRek{Text: strings.TrimSpace(r.Text), Component: comp, Priority: string(r.Priority),
			Due: due, Status: string(r.Status), Origin: origin})
	}
	var quiet []string
	for _, a := range all {
		if len(a.Findings) == 0 && len(a.Reks) == 0 {
			quiet = append(quiet, a.Title)
			continue
		}
		v.Areas = append(v.Areas, a)
	}
	v.Quiet = strings.Join(quiet, "; ")
	v.NoFinds = len(v.Areas) == 0
}

// conclusionText says whether the team recommends proposing the satker
// for its target predicate.
func conclusionText(w store.Worksheet, sc model.Scorecard) lheConclusion {
	in, s := w.Instrument, w.Satker
	basis := fmt.Sprintf("Berdasarkan hasil %s tahun %d", w.Evaluation.Stage, w.Evaluation.Year)
	act := "diusulkan memperoleh predikat"
	if w.Evaluation.Stage == model.StageTPN {
		act = "ditetapkan memperoleh predikat"
	}
	if sc.Target == "" {
		return lheConclusion{Before: basis + fmt.Sprintf(", instrumen %s tidak memuat predikat yang dapat dinilai.", in.ID)}
	}
	target := predicateText(in, sc.Target)
	before := fmt.Sprintf("%s, %s", basis, s.Name)
	if targetMet(sc) {
		return lheConclusion{before, "direkomendasikan", fmt.Sprintf("untuk %s %s.", act, target)}
	}
	after := fmt.Sprintf("untuk %s %s", act, target)
	if sc.Result != "" {
		after += fmt.Sprintf("; nilainya telah memenuhi syarat predikat %s", predicateText(in, sc.Result))
	}
	return lheConclusion{before, "belum direkomendasikan", after + ". Satker perlu memenuhi syarat nilai yang belum terpenuhi dan menindaklanjuti rekomendasi di atas sebelum evaluasi berikutnya."}
}

// signers are the team by level, the highest first; an evaluation
// without a team is signed by its evaluators, or by a blank line.
func signers(e model.Evaluation) []lheSigner {
	var out []lheSigner
	for _, l := range []model.Level{model.Pengendali, model.Ketua, model.Anggota} {
		for _, n := range e.Team.Names(l) {
			out = append(out, lheSigner{l.Title(), n})
		}
	}
	if len(out) == 0 {
		for _, n := range e.Evaluators {
			out = append(out, lheSigner{"Evaluator", n})
		}
	}
	if len(out) == 0 {
		out = append(out, lheSigner{"Evaluator", ""})
	}
	return out
}
