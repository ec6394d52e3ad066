package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The gap screen is the conversation evaluators have on site: the
// satker's own answers (PMPZI) against theirs (TPI), question by question,
// the largest difference in points first, with both sides' notes.

func (g *gapScreen) Help() keyHelp {
	k := g.keys
	return keyHelp{
		short: bindings([]key.Binding{k.Walk, k.All, k.SortGap, k.SortOrder, k.DetailDown, k.Back}),
		full: [][]key.Binding{
			{k.Walk, k.All, k.SortGap, k.SortOrder},
			append(k.nav.bindings(), k.DetailUp, k.DetailDown),
		},
	}
}

// gapAreaCode is an area's short name in the list: "MP" for mp, "PRIMA"
// for hasil.prima.
func gapAreaCode(id string) string {
	if i := strings.LastIndex(id, "."); i >= 0 {
		id = id[i+1:]
	}
	return ansi.Truncate(strings.ToUpper(id), 6, "")
}

// gapAnswer is an answer as the list shows it: the option key or the
// number, a dash when there is none.
func gapAnswer(in *model.Instrument, qid string, v model.Value) string {
	if q, ok := in.Question(qid); ok {
		return format.Answer(q, v)
	}
	if v.IsZero() {
		return "–"
	}
	return v.String()
}

// gapSide says which side gave itself more, in words.
func gapSide(f float64, evalStage model.Stage) string {
	switch {
	case f >= 0.005:
		return "PMPZI lebih tinggi"
	case f <= -0.005:
		return string(evalStage) + " lebih tinggi"
	}
	return "sama"
}

func (g *gapScreen) View() string { return g.memo(g.render) }

func (g *gapScreen) render() string {
	st := g.env.st
	w := g.width
	if page, wait := g.pageWait(pageText{loading: "Membandingkan PMPZI dengan TPI…", failed: "Belum ada yang bisa dibandingkan: ",
		advice: "Perbandingan butuh evaluasi PMPZI dan TPI (atau TPI-lapangan) satker ini pada tahun yang sama. Tekan esc untuk kembali."}); wait {
		return page
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(g.headline(), w, "…")) + "\n")
	if areas := g.areaBlock(); areas != "" {
		b.WriteString(areas + "\n")
	}
	b.WriteString(st.Muted.Render(ansi.Truncate(g.statusLine(), w, "…")) + "\n")
	var list string
	if len(g.shown) == 0 {
		text := "Belum ada jawaban di kedua evaluasi."
		if len(g.gap.Report.Questions) > 0 {
			text = "PMPZI dan " + string(g.gap.Eval.Stage) + " menjawab sama di semua pertanyaan. Tekan a untuk melihat semuanya."
		}
		list = ansi.Wrap(text, w, "")
	} else {
		list = g.table.View()
	}
	b.WriteString(g.stack(st, w, list, g.detail.View()))
	return fit(b.String(), w, g.height)
}

// headline carries the totals first: when the line is cut, the name goes.
// Where the line is narrow the words on who is higher go first: the sign
// says it too.
func (g *gapScreen) headline() string {
	rep := g.gap.Report
	ev := g.gap.Eval
	totals := fmt.Sprintf("PMPZI %s · %s %s · selisih %s", model.Points(rep.SelfTotal), ev.Stage,
		model.Points(rep.EvalTotal), format.SignedPoints(rep.Gap))
	who := fmt.Sprintf(" · %s %d", shortSatkerName(g.gap.Satker.Name), ev.Year)
	if full := totals + " (" + gapSide(rep.Gap, ev.Stage) + ")" + who; ansi.StringWidth(full) <= g.width {
		return full
	}
	return totals + who
}

func (g *gapScreen) statusLine() string {
	total := len(g.gap.Report.Questions)
	order := "urut: selisih terbesar"
	if g.byOrder {
		order = "urut: instrumen"
	}
	if g.all {
		return fmt.Sprintf("Semua %d pertanyaan yang dijawab (%d berbeda) · %s", total, g.differ, order)
	}
	return fmt.Sprintf("%d pertanyaan berbeda dari %d yang dijawab · %s", g.differ, total, order)
}

// areaBlock is the gap per area: a table where the screen is tall, else a
// few lines of short names.
func (g *gapScreen) areaBlock() string {
	if !g.showing() || g.width <= 0 {
		return ""
	}
	areas := g.gap.Report.Areas
	if g.height >= 3*(len(areas)+1)+2 && g.width >= 56 {
		return g.areaTable()
	}
	limit := 3
	if g.height < 16 {
		limit = 1
	}
	items := []string{"Selisih per area:"}
	for _, a := range areas {
		items = append(items, gapAreaCode(a.Area)+" "+format.SignedPoints(a.Gap))
	}
	var lines []string
	cur := ""
	for i, it := range items {
		sep := " · "
		if i <= 1 {
			sep = " "
		}
		switch {
		case cur == "":
			cur = it
		case ansi.StringWidth(cur+sep+it) > g.width:
			lines = append(lines, cur)
			cur = it
		default:
			cur += sep + it
		}
	}
	lines = append(lines, cur)
	if len(lines) > limit {
		lines = lines[:limit]
		lines[limit-1] = ansi.Truncate(lines[limit-1]+" …", g.width, "…")
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], g.width, "…")
	}
	return strings.Join(lines, "\n")
}

func (g *gapScreen) areaTable() string {
	st := g.env.st
	stage := string(g.gap.Eval.Stage)
	numW := max(7, len(stage)) // "100,00" and the stage's name
	titleW := max(8, min(44, g.width-7-4*(numW+2)-2))
	line := func(code, title, self, eval, gap, differ string) string {
		title = ansi.Truncate(title, titleW, "…")
		return fmt.Sprintf("%-6s %s%s  %*s  %*s  %*s  %*s", code, title, strings.Repeat(" ", max(0, titleW-ansi.StringWidth(title))),
			numW, self, numW, eval, numW, gap, numW, differ)
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(line("AREA", "", "PMPZI", stage, "SELISIH", "BERBEDA"), g.width, "")))
	for _, a := range g.gap.Report.Areas {
		text := line(gapAreaCode(a.Area), nodeTitle(g.gap.Instrument, a.Area), model.Points(a.SelfPoints),
			model.Points(a.EvalPoints), format.SignedPoints(a.Gap), fmt.Sprint(a.Differing))
		b.WriteString("\n" + ansi.Truncate(text, g.width, "…"))
	}
	return b.String()
}

func (g *gapScreen) fillDetail() { fillPane(&g.listPanes, g.selected(), g.detailText) }

// detailText tells a question in full for the detail pane: its text,
// both answers with the criterion each chose, the points between them,
// and both sides' notes.
func (g *gapScreen) detailText(qg *model.QuestionGap) string {
	st := g.env.st
	w := max(10, g.width)
	in := g.gap.Instrument
	stage := string(g.gap.Eval.Stage)
	var b strings.Builder

	q, known := in.Question(qg.Question)
	var names []string
	for i, n := range in.Path(qg.Question) {
		if i > 0 || len(in.Path(qg.Question)) == 1 {
			names = append(names, n.Title)
		}
	}
	head := st.Header.Render(qg.Question)
	if known {
		head += st.Muted.Render(" · " + q.TypeName())
	}
	if len(names) > 0 {
		head += st.Muted.Render(" · " + strings.Join(names, " › "))
	}
	b.WriteString(ansi.Truncate(head, w, "…") + "\n")
	if known {
		b.WriteString(lipgloss.NewStyle().Width(w).Render(q.Text) + "\n")
	}

	labelW := max(lipgloss.Width("◇ PMPZI"), lipgloss.Width("● "+stage)) + 2
	side := func(label string, v model.Value, points float64) string {
		text := st.Muted.Render("belum dijawab")
		if !v.IsZero() {
			text = fmt.Sprintf("%s · %s poin", gapAnswer(in, qg.Question, v), model.Points(points))
			if known && q.Type.IsChoice() {
				if o, ok := q.Option(v.Choice); ok && o.Label != "" {
					text += " — " + o.Label
				}
			}
		}
		return labelled(label, text, labelW, w)
	}
	b.WriteString(side("◇ PMPZI", qg.Self.Value, qg.SelfPoints) + "\n")
	b.WriteString(side("● "+stage, qg.Eval.Value, qg.EvalPoints) + "\n")
	verdict := fmt.Sprintf("Selisih %s poin — %s", format.SignedPoints(qg.Gap), gapSide(qg.Gap, g.gap.Eval.Stage))
	if !qg.Differs() {
		verdict = "Jawaban sama"
	}
	b.WriteString(st.Warn.Render(verdict) + "\n")

	note := func(label, text string) string {
		if strings.TrimSpace(text) == "" {
			return st.Muted.Render(label + ": —")
		}
		return lipgloss.NewStyle().Width(w).Render(label + ": " + text)
	}
	b.WriteString(note("Catatan PMPZI", qg.Self.Note) + "\n")
	b.WriteString(note("Catatan "+stage, qg.Eval.Note))
	return b.String()
}
