package report

import (
	"fmt"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// The LHE's closing advice: when the satker's target is not met, the
// fewest questions whose better answers reach it (model.PathTo), each with
// the answer it needs and the points it adds, so the report ends with
// what to fix first rather than only with what is short.

type lhePath struct {
	Target  string
	Summary string
	Steps   []lheStep
	Blocked []string // rules no answer can meet; the path is then empty
}

type lheStep struct {
	Number, Text, Area, From, To, Criterion, Evidence, Points string
	Outcome                                                   bool
}

// pathAdvice is the path to the scorecard's target, or nil when the target
// holds or the instrument has none.
func pathAdvice(w store.Worksheet, sc model.Scorecard) *lhePath {
	if sc.Target == "" || targetMet(sc) {
		return nil
	}
	in := w.Instrument
	vals := make(model.Answers, len(w.Answers))
	for id, a := range w.Answers {
		vals[id] = a.Value
	}
	p, err := model.PathTo(in, vals, sc.Target)
	if err != nil {
		return nil
	}
	out := &lhePath{Target: p.Target}
	if !p.Reachable() {
		out.Summary = fmt.Sprintf("Predikat %s tidak dapat dicapai dengan memperbaiki jawaban saja:", p.Target)
		for _, f := range p.Unreachable {
			out.Blocked = append(out.Blocked, fmt.Sprintf("%s perlu %s, paling tinggi %s.", in.NodeCaption(f.Node), model.Points(f.Need), model.Points(f.Have)))
		}
		return out
	}
	outcomes := 0
	for _, st := range p.Steps {
		q := st.Question
		step := lheStep{
			Number: q.Number(), Text: q.Wording(), Area: in.Caption(in.Area(q.ID)),
			From: answerCell(q, model.Answer{Value: st.From}), To: answerCell(q, model.Answer{Value: st.To}),
			Evidence: q.Evidence(), Points: "+" + model.Points(st.Points), Outcome: st.Outcome,
		}
		if q.Type.IsChoice() { // a number's criterion only repeats it
			step.Criterion = strings.TrimSpace(st.Criterion())
		}
		out.Steps = append(out.Steps, step)
		if st.Outcome {
			outcomes++
		}
	}
	out.Summary = fmt.Sprintf("Jalur terpendek menuju %s: %d pertanyaan yang perlu diperbaiki, menambah %s poin sehingga nilai total menjadi %s. Setiap pertanyaan cukup dinaikkan sampai jawaban yang tertulis; urutan mendahulukan yang menambah poin terbanyak.",
		p.Target, len(p.Steps), model.Points(p.Gain), model.Points(sc.Total+p.Gain))
	if outcomes > 0 {
		out.Summary += " Butir bertanda ◆ adalah hasil (indeks survei, capaian kinerja) yang dicapai lewat kinerja, bukan dengan melengkapi dokumen."
	}
	return out
}
