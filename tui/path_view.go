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

// The path screen's drawing: a headline with the totals, the steps as a
// table, and the selected step in full below.

func (p *pathScreen) Help() keyHelp {
	k := p.keys
	return keyHelp{
		short: bindings([]key.Binding{k.Walk, k.Target, k.DetailDown, k.Back}),
		full: [][]key.Binding{
			{k.Walk, k.Target},
			append(k.nav.bindings(), k.DetailUp, k.DetailDown),
		},
	}
}

func (p *pathScreen) View() string { return p.memo(p.render) }

// headH is how many lines the headline and the legend take.
func (p *pathScreen) headH() int {
	if p.height < 18 {
		return 1
	}
	return 2
}

// layout splits the body: the headline, the list, a rule and the
// detail pane.
func (p *pathScreen) layout() {
	avail := max(0, p.height-p.headH())
	th := min(max(3, (avail-1)/2), len(p.way.Steps)+1)
	th = max(th, min(3, avail))
	dh := max(1, avail-th-1)
	if p.split(p.width, th, dh) {
		p.fillDetail()
	}
}

func (p *pathScreen) render() string {
	st := p.env.st
	w := p.width
	line, waiting := p.loadLine(loadText{"✗ Jalur tidak bisa dihitung: ", "Menghitung jalur…"})
	if waiting {
		return fit(line, w, p.height)
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(p.headline(), w, "…")) + "\n")
	switch {
	case !p.way.Reachable():
		b.WriteString(p.unreachable())
		return fit(b.String(), w, p.height)
	case p.way.Met:
		b.WriteString(p.met())
		return fit(b.String(), w, p.height)
	}
	if p.headH() > 1 {
		b.WriteString(st.Muted.Render(ansi.Truncate(p.legend(), w, "…")) + "\n")
	}
	b.WriteString(p.stack(st, w, p.table.View(), p.detail.View()))
	return fit(b.String(), w, p.height)
}

// headline carries the count and the points first: where the line is
// cut, the score after goes.
func (p *pathScreen) headline() string {
	way := p.way
	switch {
	case !way.Reachable():
		return way.Target + " tidak tercapai dengan jawaban saja"
	case way.Met:
		return way.Target + " sudah tercapai"
	}
	return fmt.Sprintf("Jalur ke %s: %d pertanyaan · %s poin · nilai %s → %s · hasil: %s", way.Target, len(way.Steps),
		format.SignedPoints(way.Gain), model.Points(p.now.Total), model.Points(p.after.Total), resultText(p.after.Result))
}

// legend says whose target it is and what the mark means.
func (p *pathScreen) legend() string {
	outcomes := 0
	for _, s := range p.way.Steps {
		if s.Outcome {
			outcomes++
		}
	}
	text := "sasaran satker: " + resultText(p.data.in.TargetFor(p.data.target))
	if outcomes > 0 {
		text += fmt.Sprintf(" · %s %d hasil: dicapai lewat kinerja, bukan dokumen", outcomeMark, outcomes)
	}
	return text
}

// met says the target holds already.
func (p *pathScreen) met() string {
	text := fmt.Sprintf("Dengan jawaban yang berlaku (nilai %s dari %s), semua syarat %s terpenuhi: tidak ada pertanyaan yang perlu ditingkatkan.",
		model.Points(p.now.Total), model.Points(p.now.Max), p.way.Target)
	if next := p.nextTarget(); next != "" && next != p.way.Target {
		text += " Tekan w untuk jalur ke " + next + "."
	}
	return "\n" + ansi.Wrap(text, p.width, "")
}

// unreachable says which rules no answers can meet, each with the most
// it can reach.
func (p *pathScreen) unreachable() string {
	st := p.env.st
	w := p.width
	var b strings.Builder
	b.WriteString("\n" + ansi.Wrap(fmt.Sprintf("Bahkan dengan jawaban terbaik di setiap pertanyaan, syarat %s berikut tidak terpenuhi — perlu perubahan di luar jawaban (mis. instrumen atau ketentuan lain):", p.way.Target), w, "") + "\n")
	cited := ""
	for _, f := range p.way.Unreachable {
		b.WriteString(st.Fail.Render(hangingWrap(fmt.Sprintf("✗ %s: perlu %s, paling tinggi %s (kurang %s poin)",
			p.data.in.NodeCaption(f.Node), model.Points(f.Need), model.PointsAgainst(f.Have, f.Need), model.PointsShort(f.Need-f.Have)), 2, w)) + "\n")
		if f.Source != "" && f.Source != cited {
			b.WriteString(st.Muted.Render(hangingWrap("  dasar: "+f.Source, 4, w)) + "\n")
			cited = f.Source
		}
	}
	return b.String()
}

func (p *pathScreen) fillDetail() { fillPane(&p.listPanes, p.selected(), p.detailText) }

// detailText tells a step in full for the detail pane: the question, its
// answer now and the one it needs with the criterion, the points and the
// evidence to prepare.
func (p *pathScreen) detailText(s *model.PathStep) string {
	st := p.env.st
	w := max(10, p.width)
	in := p.data.in
	q := s.Question
	var names []string
	for i, n := range in.Path(q.ID) {
		if i > 0 {
			names = append(names, n.Title)
		}
	}
	head := st.Header.Render(q.Number()) + st.Muted.Render(" · "+q.ID+" · "+q.TypeName())
	if len(names) > 0 {
		head += st.Muted.Render(" · " + strings.Join(names, " › "))
	}
	var b strings.Builder
	b.WriteString(ansi.Truncate(head, w, "…") + "\n")
	b.WriteString(lipgloss.NewStyle().Width(w).Render(q.Wording()) + "\n")

	labelW := lipgloss.Width("Sekarang") + 2
	side := func(label, text string) string { return labelled(label, text, labelW, w) }
	now := "belum dijawab"
	if !s.From.IsZero() {
		now = gapAnswer(in, q.ID, s.From)
		if o, ok := q.Option(s.From.Choice); ok && q.Type.IsChoice() && o.Label != "" {
			now += " — " + o.Label
		}
	}
	b.WriteString(side("Sekarang", now) + "\n")
	// A number's criterion says the number ("paling sedikit 80%").
	need := s.Criterion()
	if q.Type.IsChoice() && need != "" {
		need = gapAnswer(in, q.ID, s.To) + " — " + need
	} else if need == "" {
		need = gapAnswer(in, q.ID, s.To)
	}
	b.WriteString(st.Selected.Render(side("Perlu", need)) + "\n")
	b.WriteString(st.Warn.Render(fmt.Sprintf("Menambah %s poin ke nilai total", format.SignedPoints(s.Points))) + "\n")
	if s.Outcome {
		b.WriteString(st.Warn.Render(lipgloss.NewStyle().Width(w).Render(outcomeMark+" Hasil: dicapai lewat kinerja satker (survei, capaian), tidak cukup dengan melengkapi dokumen.")) + "\n")
	}
	if ev := q.Evidence(); ev != "" {
		b.WriteString(lipgloss.NewStyle().Width(w).Render("Data dukung: "+ev) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
