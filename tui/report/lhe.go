package report

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"strconv"
	"strings"
	"sync"
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

// The templates are parsed when a report is first written, not when the
// program starts: the workbench's first frame does not wait for them.
var (
	lheMarkdown = sync.OnceValue(func() *texttemplate.Template {
		return texttemplate.Must(texttemplate.New("lhe.md.tmpl").Funcs(texttemplate.FuncMap{"cell": mdCell, "indent": mdIndent, "pad": mdPad, "num": num}).
			ParseFS(lheFiles, "lhe.md.tmpl"))
	})
	lheHTML = sync.OnceValue(func() *htmltemplate.Template {
		return htmltemplate.Must(htmltemplate.New("lhe.html.tmpl").Funcs(htmltemplate.FuncMap{"num": num}).
			ParseFS(lheFiles, "lhe.html.tmpl"))
	})
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
		err = lheHTML().Execute(&b, v)
	} else {
		err = lheMarkdown().Execute(&b, v)
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

// stages are what the LHE says of each stage: the round in full and the
// team that evaluates in it.
var stages = map[model.Stage]struct{ text, team string }{
	model.StagePMPZI:       {"Penilaian Mandiri Pembangunan Zona Integritas (PMPZI)", "Tim Kerja Zona Integritas"},
	model.StageTPI:         {"Evaluasi dokumen oleh Tim Penilai Internal (TPI)", "Tim Penilai Internal"},
	model.StageTPILapangan: {"Evaluasi lapangan oleh Tim Penilai Internal (TPI)", "Tim Penilai Internal"},
	model.StageTPN:         {"Evaluasi oleh Tim Penilai Nasional (TPN)", "Tim Penilai Nasional"},
}

func stageText(s model.Stage) string {
	if st, ok := stages[s]; ok {
		return st.text
	}
	return string(s)
}

func teamName(s model.Stage) string {
	if st, ok := stages[s]; ok {
		return st.team
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
		n = len(p.Distinct())
	}
	return s + fmt.Sprintf("; target satker, %s, belum terpenuhi (%d syarat nilai belum terpenuhi).", sc.Target, n)
}

func targetMet(sc model.Scorecard) bool {
	p, ok := sc.Predicate(sc.Target)
	return ok && p.Met
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
