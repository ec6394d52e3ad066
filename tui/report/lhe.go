package report

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// "ziwb report lhe": the Laporan Hasil Evaluasi of one evaluation, as
// Markdown to paste into a longer report or as one HTML file to print on
// A4 or open in Word. Both formats are filled from the same view by the
// standard library's templates.

//go:embed lhe.md.tmpl lhe.html.tmpl
var lheFiles embed.FS

var (
	lheMarkdown = texttemplate.Must(texttemplate.New("lhe.md.tmpl").Funcs(texttemplate.FuncMap{"cell": mdCell, "indent": mdIndent, "pad": mdPad, "num": num}).
			ParseFS(lheFiles, "lhe.md.tmpl"))
	lheHTML = htmltemplate.Must(htmltemplate.New("lhe.html.tmpl").Funcs(htmltemplate.FuncMap{"num": num}).
		ParseFS(lheFiles, "lhe.html.tmpl"))
)

// LHEInput is what the command reads for a Laporan Hasil Evaluasi.
type LHEInput struct {
	Worksheet store.Worksheet
	Scorecard model.Scorecard // of the worksheet's answers, verdicts by the satker's target
	// Gap is the satker's PMPZI against this round, for a TPI; nil
	// otherwise. GapNote says why a TPI has none.
	Gap     *store.Gap
	GapNote string
	// Reks are this evaluation's recommendations and those of earlier
	// rounds still open.
	Reks []RekRow
}

// LHE writes the Laporan Hasil Evaluasi in format md or html.
func LHE(fmtName string, in LHEInput) ([]byte, error) {
	v := newLHEView(in)
	var b bytes.Buffer
	var err error
	if fmtName == "html" {
		err = lheHTML.Execute(&b, v)
	} else {
		err = lheMarkdown.Execute(&b, v)
	}
	return b.Bytes(), err
}

// lheView is the report with every number already written the Indonesian
// way, so the templates only place text.
type lheView struct {
	Title      string
	Satker     model.Satker
	Region     string // regency and province
	TargetText string // "Menuju Wilayah Bebas dari Korupsi (WBK)"
	Stage      string // the stage in words
	Eval       model.Evaluation
	Instrument string
	Started    string
	Updated    string
	LastStep   string // the last status step in words; "" when none
	Team       []lheTeamRow
	Draft      string // a warning when the evaluation is not final

	Summary    string
	Components []lheComponent
	Total      lheComponent
	Failed     []lheFailure
	TargetID   string

	Gap     *lheGap
	GapNote string

	Areas   []lheArea // areas with findings or recommendations
	Quiet   string    // the areas with neither, listed
	NoFinds bool      // no finding and no recommendation at all

	Conclusion lheConclusion
	Path       *lhePath // the closing advice: the way to the target; nil when met
	TeamName   string   // who signs
	Signers    []lheSigner
}

type lheTeamRow struct{ Level, Names string }

type lheComponent struct {
	ID, Title                    string
	Depth                        int
	Score, Max, Percent, Verdict string
	Fail                         bool
}

type lheFailure struct{ Predicate, Component, Have, Need, Rule, Short string }

type lheGap struct {
	Self, Eval string // the rounds' labels: "PMPZI 2026 (final)"
	SelfStage  string
	EvalStage  string
	Rows       []lheGapRow
	Total      lheGapRow
}

type lheGapRow struct{ Area, Self, Eval, Gap, Differing string }

type lheArea struct {
	ID, Title string
	Findings  []lheFinding
	Reks      []lheRek
}

type lheFinding struct{ Number, Text, Answer, Note string }

type lheRek struct {
	Text, Component, Priority, Due, Status, Origin string
}

type lheSigner struct{ Role, Name string }

// lheConclusion is the conclusion's sentence around its verdict, which
// both formats set in bold.
type lheConclusion struct{ Before, Verdict, After string }

func newLHEView(in LHEInput) lheView {
	w, sc := in.Worksheet, in.Scorecard
	inst := w.Instrument
	v := lheView{
		Title:      "Laporan Hasil Evaluasi Zona Integritas",
		Satker:     w.Satker,
		Region:     joinNonEmpty(", ", w.Satker.Regency, w.Satker.Province),
		TargetText: predicateText(inst, w.Satker.Target),
		Stage:      stageText(w.Evaluation.Stage),
		Eval:       w.Evaluation,
		Instrument: fmt.Sprintf("%s — %s (%s)", inst.ID, inst.Title, inst.Source),
		Started:    format.Date(w.Evaluation.Created),
		Updated:    format.Date(w.Evaluation.Updated),
		TargetID:   sc.Target,
		TeamName:   teamName(w.Evaluation.Stage),
		GapNote:    in.GapNote,
	}
	if s := w.LastStep; s != nil {
		v.LastStep = fmt.Sprintf("%s → %s oleh %s, %s", s.Old, s.New, s.By, format.Date(s.At))
		if r := strings.TrimSpace(s.Reason); r != "" {
			v.LastStep += " (alasan: " + r + ")"
		}
	}
	for _, l := range []model.Level{model.Pengendali, model.Ketua, model.Anggota} {
		if names := w.Evaluation.Team.Names(l); len(names) > 0 {
			v.Team = append(v.Team, lheTeamRow{l.Title(), strings.Join(names, ", ")})
		}
	}
	if len(v.Team) == 0 && len(w.Evaluation.Evaluators) > 0 {
		v.Team = append(v.Team, lheTeamRow{"Evaluator", strings.Join(w.Evaluation.Evaluators, ", ")})
	}
	if w.Evaluation.Status != model.Final {
		v.Draft = fmt.Sprintf("Evaluasi ini berstatus %s, belum final: nilai dan temuan dalam laporan ini masih dapat berubah.", w.Evaluation.Status)
	}
	v.Summary = summaryText(w, sc)
	v.components(inst, sc)
	v.failures(inst, sc)
	if in.Gap != nil {
		v.Gap = gapSection(in.Gap)
	}
	v.areas(w, in.Reks)
	v.Conclusion = conclusionText(w, sc)
	v.Path = pathAdvice(w, sc)
	v.Signers = signers(w.Evaluation)
	return v
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// predicateText names a predicate with its title: "Menuju Wilayah Bebas
// dari Korupsi (WBK)".
func predicateText(in *model.Instrument, id string) string {
	if p, ok := in.Predicate(id); ok && p.Title != "" {
		return fmt.Sprintf("%s (%s)", p.Title, p.ID)
	}
	return id
}

func stageText(s model.Stage) string {
	switch s {
	case model.StagePMPZI:
		return "Penilaian Mandiri Pembangunan Zona Integritas (PMPZI)"
	case model.StageTPI:
		return "Evaluasi dokumen oleh Tim Penilai Internal (TPI)"
	case model.StageTPILapangan:
		return "Evaluasi lapangan oleh Tim Penilai Internal (TPI)"
	case model.StageTPN:
		return "Evaluasi oleh Tim Penilai Nasional (TPN)"
	}
	return string(s)
}

func teamName(s model.Stage) string {
	switch s {
	case model.StagePMPZI:
		return "Tim Kerja Zona Integritas"
	case model.StageTPN:
		return "Tim Penilai Nasional"
	}
	return "Tim Penilai Internal"
}

func percentText(score, max float64) string {
	if max <= 0 {
		return "–"
	}
	return model.Points(score/max*100) + "%"
}

// summaryText is the result in one sentence: total, predicate reached,
// target met or not.
func summaryText(w store.Worksheet, sc model.Scorecard) string {
	in := w.Instrument
	s := fmt.Sprintf("Pada %s tahun %d, %s memperoleh nilai total %s dari %s",
		w.Evaluation.Stage, w.Evaluation.Year, w.Satker.Name, model.Points(sc.Total), model.Points(sc.Max))
	if sc.Answered < sc.Questions {
		s += fmt.Sprintf(" (%d dari %d pertanyaan dijawab)", sc.Answered, sc.Questions)
	}
	if sc.Result == "" {
		s += " dan belum mencapai predikat apa pun"
	} else {
		s += " dan mencapai syarat nilai predikat " + predicateText(in, sc.Result)
	}
	switch {
	case sc.Target == "":
		return s + "."
	case targetMet(sc):
		return s + fmt.Sprintf("; target satker, %s, terpenuhi.", sc.Target)
	}
	n := 0
	if p, ok := sc.Predicate(sc.Target); ok {
		n = len(p.Failed)
	}
	return s + fmt.Sprintf("; target satker, %s, belum terpenuhi (%d syarat nilai belum terpenuhi).", sc.Target, n)
}

func targetMet(sc model.Scorecard) bool {
	p, ok := sc.Predicate(sc.Target)
	return ok && p.Met
}

// components lists the top components and their parts (the areas), and
// any deeper component a rule of the target judges.
func (v *lheView) components(in *model.Instrument, sc model.Scorecard) {
	depth := map[string]int{}
	for _, n := range in.AllNodes() {
		if p := in.Parent(n.ID); p != nil {
			depth[n.ID] = depth[p.ID] + 1
		}
		ns, _ := sc.Node(n.ID)
		if depth[n.ID] > 1 && ns.Verdict == model.VerdictNone {
			continue
		}
		v.Components = append(v.Components, lheComponent{ID: n.ID, Title: n.Title, Depth: depth[n.ID],
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
	for _, f := range p.Failed {
		name := "Nilai total"
		if n, ok := in.Node(f.Node); ok {
			name = n.Title
		}
		rule := "minimal " + model.Points(f.Need)
		if f.Rule == model.RuleMinRatio {
			if n, ok := in.Node(f.Node); ok && n.Weight > 0 {
				rule = fmt.Sprintf("minimal %s%% dari bobot %s", strconv.FormatFloat(f.Need/n.Weight*100, 'f', -1, 64), model.Points(n.Weight))
			}
		}
		if f.Source != "" {
			rule += " (" + f.Source + ")"
		}
		v.Failed = append(v.Failed, lheFailure{Predicate: f.Predicate, Component: name, Have: model.Points(f.Have),
			Need: model.Points(f.Need), Rule: rule, Short: model.Points(f.Need - f.Have)})
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

// answerText writes an answer as the LKE does: Ya/Tidak, a letter, a
// percentage or an index with a decimal comma.
func answerCell(q *model.Question, a model.Answer) string {
	val := a.Value
	switch {
	case val.IsZero():
		return "–"
	case val.Numeric:
		s := strings.Replace(strconv.FormatFloat(val.Number, 'f', -1, 64), ".", ",", 1)
		if q.Type == model.Percent {
			s += "%"
		}
		return s
	case q.Type == model.YesNo && val.Choice == "Y":
		return "Ya"
	case q.Type == model.YesNo && val.Choice == "T":
		return "Tidak"
	}
	return val.Choice
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

// num numbers a list from 1.
func num(i int) int { return i + 1 }

// mdPad is the indent that continues item i (from 0) of a numbered list.
func mdPad(i int) string { return strings.Repeat(" ", len(strconv.Itoa(i+1))+2) }

// mdIndent continues a multi-line item i of a numbered list under its
// first line.
func mdIndent(i int, s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n"+mdPad(i))
}
