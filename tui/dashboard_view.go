package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// levels draw a share of the maximum as one cell, so a screen of satkers
// reads like a heat map even without colour.
var levels = []rune(" ▁▂▃▄▅▆▇█")

func level(ratio float64) string {
	i := int(ratio*float64(len(levels)-1) + 0.5)
	return string(levels[min(len(levels)-1, max(0, i))])
}

func verdictGlyph(v model.Verdict) string {
	switch v {
	case model.Pass:
		return "✓"
	case model.Fail:
		return "✗"
	}
	return "·"
}

// dashLayout is how wide each column is at the current width.
type dashLayout struct {
	satker, region, eval int // 0: not shown
	delta, result        int
	area                 int // a component cell: 6 (score and glyph), 3 or 2 (level and glyph)
}

// Fixed columns: marker, progress, total.
const (
	dashMarkW  = 2
	dashProgW  = 4
	dashTotalW = 6
)

func (d *dashboardScreen) layoutFor(width int) dashLayout {
	n := len(d.dash.Columns)
	l := dashLayout{area: 6, delta: 7, result: 8}
	room := 0
	fit := func() {
		fixed := dashMarkW + dashProgW + dashTotalW + l.delta + l.result + 5 // a space after each
		room = width - fixed - n*(l.area+1) - 1
	}
	// Narrower cells, step by step, until the name has room.
	for _, step := range []func(){func() {}, func() { l.area = 3 }, func() { l.delta, l.result = 6, 5 },
		func() { l.area = 2 }} {
		step()
		if fit(); room >= 18 || (l.area < 6 && room >= 10) {
			break
		}
	}
	// The name first, then the round, the region, and the rest back to
	// the name.
	l.satker = min(28, max(8, room))
	room -= l.satker
	if room >= 11 {
		l.eval = 10
		room -= 11
	}
	if room >= 21 {
		l.region = min(30, room-1)
		room -= l.region + 1
	}
	l.satker += min(max(0, room), 40-l.satker)
	return l
}

func (d *dashboardScreen) View() string {
	if d.dirty {
		d.view = d.render()
		d.dirty = false
	}
	return d.view
}

func (d *dashboardScreen) render() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	st := d.env.st
	w := d.width
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(d.headline(), w, "…")) + "\n")
	b.WriteString(d.filterLine() + "\n")
	switch {
	case d.loadErr != "":
		b.WriteString(st.Error.Render(ansi.Wrap("✗ Dasbor tidak bisa dimuat: "+d.loadErr, w, "")))
		return fit(b.String(), w, d.height)
	case !d.loaded:
		b.WriteString(st.Muted.Render("Memuat dasbor…"))
		return fit(b.String(), w, d.height)
	case len(d.dash.Rows) == 0:
		b.WriteString(ansi.Wrap("Belum ada satker. Tambahkan satker di daftar satker, atau jalankan `ziwb demo`.", w, ""))
		return fit(b.String(), w, d.height)
	case len(d.lines) == 0:
		b.WriteString(ansi.Wrap("Tidak ada satker yang cocok dengan saringan. Tekan esc untuk menghapus saringan.", w, ""))
		return fit(b.String(), w, d.height)
	}
	b.WriteString(clip(d.table(), w, d.listHeight()+1) + "\n")
	foot := st.Muted.Render(ansi.Truncate(d.legend(), w, "…"))
	switch {
	case d.notice != "" && d.warn:
		foot = st.Error.Render(ansi.Truncate(d.notice, w, "…"))
	case d.notice != "":
		foot = st.Saved.Render(ansi.Truncate(d.notice, w, "…"))
	}
	b.WriteString(foot)
	return fit(b.String(), w, d.height)
}

func (d *dashboardScreen) headline() string {
	if !d.loaded {
		return "Dasbor"
	}
	t := model.TallyRows(d.shown)
	count := thousands(len(d.shown)) + " satker"
	if len(d.shown) != len(d.dash.Rows) {
		count = fmt.Sprintf("%s dari %s satker", thousands(len(d.shown)), thousands(len(d.dash.Rows)))
	}
	s := d.sorts[d.sortAt]
	arrow := "↑"
	if s.desc != d.reverse {
		arrow = "↓"
	}
	text := fmt.Sprintf("%s · WBBM %d · WBK %d · belum %d · urut: %s %s", count, t.WBBM, t.WBK, t.None, s.name, arrow)
	switch d.group {
	case model.GroupRegion:
		text += " · per provinsi"
	case model.GroupKind:
		text += " · per jenis"
	}
	return text
}

func (d *dashboardScreen) filterLine() string {
	st := d.env.st
	if d.filter.Focused() {
		return d.filter.View()
	}
	round := "putaran terbaru tiap satker"
	if d.pick.Year != 0 || d.pick.Stage != "" {
		round = "putaran: " + strings.TrimSpace(fmt.Sprintf("%s %s", yearText(d.pick.Year), d.pick.Stage))
	}
	text := round + " · / saring · y tahun · s tahap · i jenis · t target · h hasil · w provinsi"
	if desc := d.describe(); desc != "" {
		text = "Saringan: " + desc + " · esc hapus"
	}
	return st.Muted.Render(ansi.Truncate(text, d.width, "…"))
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

func (d *dashboardScreen) legend() string {
	if len(d.marked) > 0 {
		return fmt.Sprintf("%d evaluasi ditandai (+) · c bandingkan · spasi lepas", len(d.marked))
	}
	return "▁▃▅▇█ nilai terhadap bobot · ✓ lulus · ✗ tidak lulus · ▲▼ dibanding tahun sebelumnya"
}

// table renders the header and the lines on screen with lipgloss/table,
// whose style function colours each component cell by its verdict.
func (d *dashboardScreen) table() string {
	st := d.env.st
	l := d.layoutFor(d.width)
	headers := []string{"", "SATKER"}
	if l.region > 0 {
		headers = append(headers, "WILAYAH")
	}
	if l.eval > 0 {
		headers = append(headers, "EVALUASI")
	}
	result := "PREDIKAT"
	if l.result < len(result) {
		result = "PRED."
	}
	headers = append(headers, "PROG", "TOTAL", "Δ", result)
	firstArea := len(headers)
	for _, c := range d.dash.Columns {
		h := c.Short
		if l.area < 6 && len(h) > l.area {
			h = h[:1] + strings.Map(func(r rune) rune {
				if strings.ContainsRune("AIUEO", r) {
					return -1
				}
				return r
			}, h[1:])
		}
		headers = append(headers, ansi.Truncate(h, l.area, ""))
	}
	widths := []int{dashMarkW, l.satker}
	if l.region > 0 {
		widths = append(widths, l.region)
	}
	if l.eval > 0 {
		widths = append(widths, l.eval)
	}
	widths = append(widths, dashProgW, dashTotalW, l.delta, l.result)
	for range d.dash.Columns {
		widths = append(widths, l.area)
	}

	h := d.listHeight()
	end := min(len(d.lines), d.offset+h)
	var rows [][]string
	var headings []int // positions of group headings among the lines drawn
	type rowInfo struct {
		r        *model.DashboardRow
		selected bool
	}
	var info []rowInfo
	for i := d.offset; i < end; i++ {
		line := d.lines[i]
		if line.group != nil {
			headings = append(headings, i-d.offset)
			continue
		}
		r := line.row
		mark := " "
		if i == d.cursor {
			mark = "›"
		}
		if slices.Contains(d.marked, r.Eval) && r.HasEval() {
			mark += "+"
		}
		cells := []string{mark, shortSatkerName(r.Satker.Name)}
		if l.region > 0 {
			cells = append(cells, regionText(r.Satker))
		}
		if !r.HasEval() {
			if l.eval > 0 {
				cells = append(cells, "—")
			}
			cells = append(cells, "—", "—", "", "—")
			for range d.dash.Columns {
				cells = append(cells, "")
			}
		} else {
			if l.eval > 0 {
				cells = append(cells, fmt.Sprintf("%d %s", r.Year, r.Stage))
			}
			delta := ""
			if r.Delta.Has() {
				delta = r.Delta.Trend.Arrow() + model.Points(abs(r.Delta.Points))
			}
			result := r.Result
			if result == "" {
				result = "—"
			}
			cells = append(cells, fmt.Sprintf("%3.0f%%", r.Progress()*100), model.Points(r.Total), delta, result)
			for _, c := range r.Cells {
				if c.Max <= 0 {
					cells = append(cells, "")
					continue
				}
				if l.area < 6 {
					cells = append(cells, level(c.Ratio())+verdictGlyph(c.Verdict))
				} else {
					cells = append(cells, fmt.Sprintf("%5s%s", model.Points(c.Score), verdictGlyph(c.Verdict)))
				}
			}
		}
		for j := range cells {
			cells[j] = ansi.Truncate(cells[j], widths[j], "…")
		}
		rows = append(rows, cells)
		info = append(info, rowInfo{r, i == d.cursor})
	}
	totalCol := firstArea - 3
	deltaCol := firstArea - 2
	cell := lipgloss.NewStyle().PaddingRight(1)
	t := table.New().Headers(headers...).Rows(rows...).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(false).BorderRow(false).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := cell.Width(widths[col] + 1)
			if row == table.HeaderRow {
				return s.Inherit(st.Header)
			}
			ri := info[row]
			r := ri.r
			switch {
			case col >= firstArea && r.HasEval() && col-firstArea < len(r.Cells):
				return s.Inherit(verdictStyle(st, r.Cells[col-firstArea].Verdict))
			case col == totalCol && r.HasEval():
				return s.Inherit(verdictStyle(st, r.TotalVerdict))
			case col == deltaCol && r.Delta.Trend == model.Up:
				return s.Inherit(st.Pass)
			case col == deltaCol && r.Delta.Trend == model.Down:
				return s.Inherit(st.Fail)
			case ri.selected:
				return s.Inherit(st.Selected)
			}
			return s
		})
	out := strings.Split(t.String(), "\n")
	// Group headings go between the rows, across the whole width.
	for _, at := range headings {
		g := d.lines[d.offset+at].group
		line := st.Header.Render(ansi.Truncate(groupHeading(g), d.width, "…"))
		pos := at + 1 // after the table's header line
		out = slices.Insert(out, min(pos, len(out)), line)
	}
	return strings.Join(out, "\n")
}

func verdictStyle(st styles, v model.Verdict) lipgloss.Style {
	switch v {
	case model.Pass:
		return st.Pass
	case model.Fail:
		return st.Fail
	}
	return st.None
}

// groupHeading names a group with its subtotals.
func groupHeading(g *model.DashboardGroup) string {
	name := g.Key
	if name == "" {
		name = "(tanpa provinsi)"
	}
	t := g.Tally
	mean := ""
	if t.Evaluated > 0 {
		mean = " · rata-rata " + model.Points(t.MeanTotal)
	}
	return fmt.Sprintf("▾ %s — %d satker · WBBM %d · WBK %d · belum %d · sesuai target %d%s",
		name, t.Satkers, t.WBBM, t.WBK, t.None, t.OnTarget, mean)
}
