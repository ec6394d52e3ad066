package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// "ziwb compare --satker ID --gap": the satker's PMPZI answers against
// the TPI's, for the conversation on site and the report after it.

// Gap writes a satker's PMPZI–TPI gap in format (md, csv or json): the
// questions answered differently, or all of them when q.All; shown is how
// many questions it lists.
func Gap(fmtName string, q Query, g store.Gap) (data []byte, shown int, err error) {
	v := gapView{q: q, g: g}
	for _, qg := range g.Report.Questions {
		if q.All || qg.Differs() || !nearZero(qg.Gap) {
			v.questions = append(v.questions, qg)
		} else {
			v.same++
		}
	}
	data, err = render(fmtName, &v)
	return data, len(v.questions), err
}

// gapView is a gap report as the command prints it.
type gapView struct {
	q         Query
	g         store.Gap
	questions []model.QuestionGap // those printed
	same      int                 // questions answered alike, left out without --all
}

func nearZero(f float64) bool { return f > -0.00005 && f < 0.00005 }

func (v *gapView) areaTitle(id string) string {
	if n, ok := v.g.Instrument.Node(id); ok {
		return n.Title
	}
	return id
}

func (v *gapView) questionText(id string) string {
	if q, ok := v.g.Instrument.Question(id); ok {
		return q.Text
	}
	return ""
}

func evalText(e model.Evaluation) string {
	return fmt.Sprintf("%s %d (%s)", e.Stage, e.Year, e.Status)
}

// shorten cuts text to n runes for a table cell.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func answerText(a model.Answer) string {
	if a.Value.IsZero() {
		return "–"
	}
	return a.Value.String()
}

func (v *gapView) markdown() []byte {
	var b bytes.Buffer
	g, rep := v.g, v.g.Report
	fmt.Fprintf(&b, "# Selisih PMPZI dan %s — %s (%s)\n\n", g.Eval.Stage, g.Satker.Name, g.Satker.ID)
	fmt.Fprintf(&b, "Penilaian mandiri %s: %s poin. Evaluasi %s: %s poin. Selisih %s poin (instrumen %s).\n",
		evalText(g.Self), model.Points(rep.SelfTotal), evalText(g.Eval), model.Points(rep.EvalTotal), format.SignedPoints(rep.Gap), rep.Instrument)
	b.WriteString("Selisih positif: penilaian mandiri lebih tinggi daripada penilaian evaluator.\n")

	b.WriteString("\n## Selisih per area\n\n| Area | PMPZI | " + string(g.Eval.Stage) + " | Selisih | Jawaban berbeda |\n| --- | --- | --- | --- | --- |\n")
	differing := 0
	for _, a := range rep.Areas {
		differing += a.Differing
		fmt.Fprintf(&b, "| %s (%s) | %s | %s | %s | %d |\n", mdCell(v.areaTitle(a.Area)), a.Area, model.Points(a.SelfPoints),
			model.Points(a.EvalPoints), format.SignedPoints(a.Gap), a.Differing)
	}
	fmt.Fprintf(&b, "| **Jumlah** | %s | %s | %s | %d |\n", model.Points(rep.SelfTotal), model.Points(rep.EvalTotal), format.SignedPoints(rep.Gap), differing)

	b.WriteString("\n## Per pertanyaan, selisih terbesar dahulu\n\n")
	b.WriteString("| Pertanyaan | PMPZI | " + string(g.Eval.Stage) + " | Selisih poin | Catatan PMPZI | Catatan " + string(g.Eval.Stage) + " |\n| --- | --- | --- | --- | --- | --- |\n")
	if len(v.questions) == 0 {
		b.WriteString("| Tidak ada jawaban yang berbeda | | | | | |\n")
	}
	for _, q := range v.questions {
		fmt.Fprintf(&b, "| %s %s | %s | %s | %s | %s | %s |\n", q.Question, mdCell(shorten(v.questionText(q.Question), 70)),
			answerText(q.Self), answerText(q.Eval), format.SignedPoints(q.Gap), mdCell(q.Self.Note), mdCell(q.Eval.Note))
	}
	if v.same > 0 {
		fmt.Fprintf(&b, "\n%d pertanyaan lain dijawab sama (tampilkan dengan --all).\n", v.same)
	}
	return b.Bytes()
}

func (v *gapView) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"baris", "area", "pertanyaan", "teks", "jawaban PMPZI", "jawaban " + string(v.g.Eval.Stage),
		"poin PMPZI", "poin " + string(v.g.Eval.Stage), "selisih", "berbeda", "catatan PMPZI", "catatan " + string(v.g.Eval.Stage)})
	for _, q := range v.questions {
		differs := "tidak"
		if q.Differs() {
			differs = "ya"
		}
		w.Write([]string{"pertanyaan", q.Area, q.Question, v.questionText(q.Question), q.Self.Value.String(), q.Eval.Value.String(),
			format.Decimal(q.SelfPoints), format.Decimal(q.EvalPoints), format.Decimal(q.Gap), differs, q.Self.Note, q.Eval.Note})
	}
	rep := v.g.Report
	differing := 0
	for _, a := range rep.Areas {
		differing += a.Differing
		w.Write([]string{"area", a.Area, "", v.areaTitle(a.Area), "", "", format.Decimal(a.SelfPoints), format.Decimal(a.EvalPoints),
			format.Decimal(a.Gap), fmt.Sprint(a.Differing), "", ""})
	}
	w.Write([]string{"total", "", "", "Nilai total", "", "", format.Decimal(rep.SelfTotal), format.Decimal(rep.EvalTotal),
		format.Decimal(rep.Gap), fmt.Sprint(differing), "", ""})
	w.Flush()
	return b.Bytes(), w.Error()
}

func (v *gapView) json() ([]byte, error) {
	type round struct {
		Evaluation string       `json:"evaluation"`
		Year       int          `json:"year"`
		Stage      model.Stage  `json:"stage"`
		Status     model.Status `json:"status"`
		Total      float64      `json:"total"`
	}
	type side struct {
		Answer *model.Value `json:"answer"`
		Note   string       `json:"note"`
		Points float64      `json:"points"`
	}
	type question struct {
		ID      string  `json:"id"`
		Area    string  `json:"area"`
		Text    string  `json:"text"`
		Self    side    `json:"self"`
		Eval    side    `json:"eval"`
		Gap     float64 `json:"gap"`
		Differs bool    `json:"differs"`
	}
	type area struct {
		ID         string  `json:"id"`
		Title      string  `json:"title"`
		SelfPoints float64 `json:"self_points"`
		EvalPoints float64 `json:"eval_points"`
		Gap        float64 `json:"gap"`
		Differing  int     `json:"differing"`
	}
	g, rep := v.g, v.g.Report
	out := struct {
		Satker     string     `json:"satker"`
		Name       string     `json:"name"`
		Instrument string     `json:"instrument"`
		Self       round      `json:"self"`
		Eval       round      `json:"eval"`
		Gap        float64    `json:"gap"`
		Areas      []area     `json:"areas"`
		Questions  []question `json:"questions"`
		Same       int        `json:"same_left_out"`
	}{Satker: g.Satker.ID, Name: g.Satker.Name, Instrument: rep.Instrument,
		Self: round{g.Self.ID, g.Self.Year, g.Self.Stage, g.Self.Status, rep.SelfTotal},
		Eval: round{g.Eval.ID, g.Eval.Year, g.Eval.Stage, g.Eval.Status, rep.EvalTotal},
		Gap:  rep.Gap, Areas: []area{}, Questions: []question{}, Same: v.same}
	for _, a := range rep.Areas {
		out.Areas = append(out.Areas, area{a.Area, v.areaTitle(a.Area), a.SelfPoints, a.EvalPoints, a.Gap, a.Differing})
	}
	sideOf := func(a model.Answer, pts float64) side {
		s := side{Note: a.Note, Points: pts}
		if !a.Value.IsZero() {
			val := a.Value
			s.Answer = &val
		}
		return s
	}
	for _, q := range v.questions {
		out.Questions = append(out.Questions, question{q.Question, q.Area, v.questionText(q.Question),
			sideOf(q.Self, q.SelfPoints), sideOf(q.Eval, q.EvalPoints), q.Gap, q.Differs()})
	}
	var b bytes.Buffer
	err := WriteJSON(&b, out)
	return b.Bytes(), err
}
