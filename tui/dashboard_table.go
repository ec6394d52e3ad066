package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The dashboard's table: its columns at a width, and each row drawn once
// and kept, so a key that moves the cursor draws two rows.

// dashGeom is the table's columns at one width.
type dashGeom struct {
	l         dashLayout
	headers   []string
	widths    []int
	firstArea int
}

// dashDrawn keeps what the table drew: the columns for a width and look,
// and each row as drawn, so a key that moves the cursor draws two rows.
// A new build of the dashboard starts it afresh.
type dashDrawn struct {
	width, look int
	geom        *dashGeom
	header      string
	rows        map[dashRowKey]string
	cells       map[dashCellKey]string // styled cells: verdict glyphs and levels repeat
}

// dashCellKey is a cell as drawn in its column.
type dashCellKey struct {
	col, style int // style: dashPlain, dashSelected, or a verdict or trend
	text       string
}

// The styles of a cell.
const (
	dashPlain = iota
	dashSelected
	dashPass
	dashFail
	dashNone
	dashUp
	dashDown
)

// dashRowKey is a row as drawn: selected and marked change its cells.
type dashRowKey struct {
	r              *model.DashboardRow
	selected, mark bool
}

func (d *dashboardScreen) geom() *dashGeom {
	dr := &d.drawn
	if dr.geom != nil && dr.width == d.width && dr.look == d.env.look {
		return dr.geom
	}
	l := d.layoutFor(d.width)
	headers := []string{"", "SATKER"}
	if l.region > 0 {
		headers = append(headers, "WILAYAH")
	}
	if l.eval > 0 {
		headers = append(headers, "EVALUASI")
	}
	if l.status > 0 {
		headers = append(headers, "STATUS")
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
	if l.status > 0 {
		widths = append(widths, l.status)
	}
	widths = append(widths, dashProgW, dashTotalW, l.delta, l.result)
	for range d.dash.Columns {
		widths = append(widths, l.area)
	}
	g := &dashGeom{l: l, headers: headers, widths: widths, firstArea: firstArea}
	st := d.env.st
	cells := make([]string, len(headers))
	for col, h := range headers {
		w := widths[col] + 1
		cells[col] = dashCell.Width(w).Inherit(st.Header).Height(1).Width(w).Render(h)
	}
	*dr = dashDrawn{width: d.width, look: d.env.look, geom: g, header: lipgloss.JoinHorizontal(lipgloss.Top, cells...),
		rows: map[dashRowKey]string{}, cells: map[dashCellKey]string{}}
	return g
}

// dashCell is every cell: a space after it.
var dashCell = lipgloss.NewStyle().PaddingRight(1)

// table draws the header and the lines on screen: each component cell
// coloured by its verdict, group headings across the whole width. The
// cells are laid out as lipgloss/table lays them out (the goldens were
// drawn with it); drawing only these lines, and each row once, is what
// keeps a key cheap on thousands of satkers.
func (d *dashboardScreen) table() string {
	g := d.geom()
	h := d.listHeight()
	end := min(len(d.lines), d.offset+h)
	out := make([]string, 0, end-d.offset+1)
	out = append(out, d.drawn.header)
	for i := d.offset; i < end; i++ {
		if grp := d.lines[i].group; grp != nil {
			out = append(out, d.env.st.Header.Render(ansi.Truncate(groupHeading(grp), d.width, "…")))
			continue
		}
		r := d.lines[i].row
		k := dashRowKey{r, i == d.cursor, r.HasEval() && slices.Contains(d.marked, r.Eval)}
		line, ok := d.drawn.rows[k]
		if !ok {
			line = d.drawRow(g, k)
			d.drawn.rows[k] = line
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// drawRow draws one satker row.
func (d *dashboardScreen) drawRow(g *dashGeom, k dashRowKey) string {
	st := d.env.st
	l, widths, r := g.l, g.widths, k.r
	mark := " "
	if k.selected {
		mark = "›"
	}
	if k.mark {
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
		if l.status > 0 {
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
		if l.status > 0 {
			cells = append(cells, string(r.Status))
		}
		delta := ""
		if r.Delta.Has() {
			delta = r.Delta.Trend.Arrow() + model.Points(math.Abs(r.Delta.Points))
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
				cells = append(cells, level(c.Ratio())+format.VerdictGlyph(c.Verdict))
			} else {
				cells = append(cells, fmt.Sprintf("%5s%s", model.Points(c.Score), format.VerdictGlyph(c.Verdict)))
			}
		}
	}
	totalCol := g.firstArea - 3
	deltaCol := g.firstArea - 2
	var b strings.Builder
	for col := range cells {
		cell := ansi.Truncate(cells[col], widths[col], "…")
		w := widths[col] + 1
		style := dashPlain
		switch {
		case col >= g.firstArea && r.HasEval() && col-g.firstArea < len(r.Cells):
			style = verdictCell(r.Cells[col-g.firstArea].Verdict)
		case col == totalCol && r.HasEval():
			style = verdictCell(r.TotalVerdict)
		case col == deltaCol && r.Delta.Trend == model.Up:
			style = dashUp
		case col == deltaCol && r.Delta.Trend == model.Down:
			style = dashDown
		case k.selected:
			style = dashSelected
		}
		if style == dashPlain && plainCell(cell) {
			// What the padding style makes of plain text, without its cost.
			b.WriteString(cell + strings.Repeat(" ", max(0, w-ansi.StringWidth(cell))))
			continue
		}
		ck := dashCellKey{col, style, cell}
		drawn, ok := d.drawn.cells[ck]
		if !ok {
			s := dashCell.Width(w)
			switch style {
			case dashSelected:
				s = s.Inherit(st.Selected)
			case dashPass, dashUp:
				s = s.Inherit(st.Pass)
			case dashFail, dashDown:
				s = s.Inherit(st.Fail)
			case dashNone:
				s = s.Inherit(st.None)
			}
			drawn = s.Height(1).MaxHeight(1).Width(w).MaxWidth(w).Render(cell)
			d.drawn.cells[ck] = drawn
		}
		b.WriteString(drawn)
	}
	return b.String()
}

// verdictCell is the style of a cell coloured by its verdict.
func verdictCell(v model.Verdict) int {
	switch v {
	case model.Pass:
		return dashPass
	case model.Fail:
		return dashFail
	}
	return dashNone
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
