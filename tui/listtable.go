package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The table of every list screen. It draws what bubbles/table draws —
// the same cells, the same scrolling, byte for byte (listtable_test.go
// holds it to that) — but only the rows on screen, each drawn once and
// kept: bubbles/table draws twice its height of rows on every key, which
// on a list of thousands is most of what a key costs.

// colSpec is one column of a table laid out by layoutColumns: shown from
// a terminal width of from cells, at least min and at most max wide.
type colSpec struct {
	title    string
	min, max int
	from     int
}

// growStep gives column col room up to width upTo, in the order listed.
type growStep struct{ col, upTo int }

// layoutColumns fits columns into width: a column shows from its from
// width on, and if the minimums still do not fit, columns go in drop
// order. The spare cells are then handed out step by step. A column left
// out gets width 0, which the table skips. Each column is followed by
// one space.
func layoutColumns(specs []colSpec, drop []int, grow []growStep, width int) []int {
	on := make([]bool, len(specs))
	for i, s := range specs {
		on[i] = width >= s.from
	}
	used := func() int {
		n := 0
		for i, s := range specs {
			if on[i] {
				n += s.min + 1
			}
		}
		return n
	}
	for _, c := range drop {
		if used() <= width {
			break
		}
		on[c] = false
	}
	w := make([]int, len(specs))
	for i, s := range specs {
		if on[i] {
			w[i] = s.min
		}
	}
	extra := width - used()
	for _, g := range grow {
		if extra <= 0 {
			break
		}
		if !on[g.col] {
			continue
		}
		if add := min(extra, min(g.upTo, specs[g.col].max)-w[g.col]); add > 0 {
			w[g.col] += add
			extra -= add
		}
	}
	return w
}

func columnsOf(specs []colSpec, widths []int) []table.Column {
	cols := make([]table.Column, len(specs))
	for i, s := range specs {
		cols[i] = table.Column{Title: s.title, Width: widths[i]}
	}
	return cols
}

// listTable is a table whose selected row starts with "›": bold and
// colour vanish under NO_COLOR, the glyph does not. The first column is
// an empty one-cell column that the selected-row style overwrites, so
// moving the cursor draws two rows and touches no data. Rows are plain
// text (truncation does not understand ANSI).
type listTable struct {
	env    *env
	keys   navKeys
	cols   []table.Column
	styles table.Styles
	rows   []table.Row

	// The scrolling state of bubbles/table and of its viewport: rows
	// start to end are the viewport's content, yoff its first line shown.
	cursor, start, end, yoff int
	width, vh                int // vh: the rows under the header

	header     string         // drawn header; "" when stale
	drawn      map[int]string // rows drawn unselected, by index in rows
	plainCells bool           // the cell style only pads: plain text is drawn without it
}

func newListTable(e *env, keys navKeys, specs []colSpec) listTable {
	t := listTable{env: e, keys: keys, cols: columnsOf(specs, make([]int, len(specs))), vh: 20, drawn: map[int]string{}}
	t.restyle()
	t.SetHeight(2)
	return t
}

// restyle takes the workbench's current styles (they follow the
// terminal's background).
func (t *listTable) restyle() {
	st := t.env.st
	t.SetStyles(table.Styles{
		Header:   st.Header.PaddingRight(1),
		Cell:     lipgloss.NewStyle().PaddingRight(1),
		Selected: st.Selected.Transform(markSelected),
	})
}

// markSelected writes the marker into the selected row's empty first
// cell. Cells are plain text, so the row starts with that cell's space.
func markSelected(row string) string {
	if strings.HasPrefix(row, " ") {
		return "›" + row[1:]
	}
	return row
}

func (t *listTable) SetStyles(s table.Styles) {
	t.styles = s
	// The cells' own style is the padding after each cell alone (the
	// workbench's); another one is drawn by lipgloss.
	t.plainCells = sameStyle(s.Cell, lipgloss.NewStyle().PaddingRight(1))
	t.stale()
	t.updateViewport()
}

func sameStyle(a, b lipgloss.Style) bool { return a.Render("x") == b.Render("x") }
func (t *listTable) SetColumns(c []table.Column) {
	t.cols = c
	t.stale()
	t.updateViewport()
}
func (t *listTable) SetWidth(w int)  { t.width = w; t.updateViewport() }
func (t *listTable) SetHeight(h int) { t.vh = h - 1; t.updateViewport() } // under a one-line header
func (t *listTable) Cursor() int     { return t.cursor }

func (t *listTable) SetRows(r []table.Row) {
	t.rows = r
	clear(t.drawn)
	if t.cursor > len(t.rows)-1 {
		t.cursor = len(t.rows) - 1
	}
	t.updateViewport()
}

// stale forgets everything drawn: the columns or styles changed.
func (t *listTable) stale() {
	t.header = ""
	clear(t.drawn)
}

// updateViewport is bubbles/table's: the content is the rows within a
// viewport's height of the cursor. Only its extent is kept; rows are
// drawn when shown.
func (t *listTable) updateViewport() {
	if t.cursor >= 0 {
		t.start = tclamp(t.cursor-t.vh, 0, t.cursor)
	} else {
		t.start = 0
	}
	t.end = tclamp(t.cursor+t.vh, t.cursor, len(t.rows))
	if t.yoff > t.maxYOffset() {
		t.yoff = t.maxYOffset()
	}
}

func (t *listTable) maxYOffset() int { return max(0, t.end-t.start-max(0, t.vh)) }

// setYOffset is the viewport's, clamped to its content.
func (t *listTable) setYOffset(n int) { t.yoff = vclamp(n, 0, t.maxYOffset()) }

func (t *listTable) MoveUp(n int) {
	t.cursor = tclamp(t.cursor-n, 0, len(t.rows)-1)
	offset := t.yoff
	switch {
	case t.start == 0:
		offset = tclamp(offset, 0, t.cursor)
	case t.start < t.vh:
		offset = tclamp(tclamp(offset+n, 0, t.cursor), 0, t.vh)
	case offset >= 1:
		offset = tclamp(offset+n, 1, t.vh)
	}
	t.setYOffset(offset)
	t.updateViewport()
}

func (t *listTable) MoveDown(n int) {
	t.cursor = tclamp(t.cursor+n, 0, len(t.rows)-1)
	t.updateViewport()
	offset := t.yoff
	switch {
	case t.end == len(t.rows) && offset > 0:
		offset = tclamp(offset-n, 1, t.vh)
	case t.cursor > (t.end-t.start)/2 && offset > 0:
		offset = tclamp(offset-n, 1, t.cursor)
	case offset > 1:
	case t.cursor > offset+t.vh-1:
		offset = tclamp(offset+1, 0, 1)
	}
	t.setYOffset(offset)
}

func (t *listTable) GotoTop()    { t.MoveUp(t.cursor) }
func (t *listTable) GotoBottom() { t.MoveDown(len(t.rows)) }

// update moves the selection by a navigation key; it reports whether the
// key was one.
func (t *listTable) update(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	n := t.keys
	switch {
	case key.Matches(k, n.Up):
		t.MoveUp(1)
	case key.Matches(k, n.Down):
		t.MoveDown(1)
	case key.Matches(k, n.PageUp):
		t.MoveUp(t.vh)
	case key.Matches(k, n.PageDown):
		t.MoveDown(t.vh)
	case key.Matches(k, n.HalfUp):
		t.MoveUp(t.vh / 2)
	case key.Matches(k, n.HalfDown):
		t.MoveDown(t.vh / 2)
	case key.Matches(k, n.Top):
		t.GotoTop()
	case key.Matches(k, n.Bottom):
		t.GotoBottom()
	default:
		return false
	}
	return true
}

// show replaces the rows and selects row target (clamped), scrolled into
// view.
func (t *listTable) show(rows []table.Row, target int) {
	if len(rows) == 0 {
		t.SetRows(nil)
		return
	}
	// Reset the cursor and scroll offset on a one-row table, then walk
	// down to the target so the table scrolls it into view.
	t.SetRows(rows[:1])
	t.GotoTop()
	t.SetRows(rows)
	if target = min(max(0, target), len(rows)-1); target > 0 {
		t.MoveDown(target)
	}
}

// resize gives the table its size (header included) and keeps the
// selection in view.
func (t *listTable) resize(width, height int) {
	t.restyle()
	t.SetWidth(max(0, width))
	// Below a header and one row the owner shows no table, but the
	// viewport keeps a positive height, as bubbles/viewport needs.
	t.SetHeight(max(2, height))
	t.show(t.rows, t.Cursor())
}

// row draws row i, unselected ones once.
func (t *listTable) row(i int) string {
	if i == t.cursor {
		return t.styles.Selected.Render(t.plain(i))
	}
	return t.plain(i)
}

func (t *listTable) plain(i int) string {
	if s, ok := t.drawn[i]; ok {
		return s
	}
	var b strings.Builder
	for c, value := range t.rows[i] {
		w := t.cols[c].Width
		if w <= 0 {
			continue
		}
		if plainCell(value) && t.plainCells {
			// What the styles below make of plain text, without their
			// cost: lipgloss takes microseconds a cell.
			v := ansi.Truncate(value, w, "…")
			b.WriteString(v)
			b.WriteString(strings.Repeat(" ", max(0, w-ansi.StringWidth(v))+1))
			continue
		}
		style := lipgloss.NewStyle().Width(w).MaxWidth(w).Inline(true)
		b.WriteString(t.styles.Cell.Render(style.Render(ansi.Truncate(value, w, "…"))))
	}
	s := b.String()
	t.drawn[i] = s
	return s
}

// plainCell is text the cell styles only pad: no escape sequences, tabs
// or line breaks, and no space at its ends for wrapping to trim.
func plainCell(s string) bool {
	return !strings.ContainsAny(s, "\x1b\t\n\r") && strings.TrimSpace(s) == s
}

func (t *listTable) headerView() string {
	if t.header != "" {
		return t.header
	}
	cells := make([]string, 0, len(t.cols))
	for _, col := range t.cols {
		if col.Width <= 0 {
			continue
		}
		style := lipgloss.NewStyle().Width(col.Width).MaxWidth(col.Width).Inline(true)
		cells = append(cells, t.styles.Header.Render(style.Render(ansi.Truncate(col.Title, col.Width, "…"))))
	}
	t.header = lipgloss.JoinHorizontal(lipgloss.Top, cells...)
	return t.header
}

// View is the header and the rows the viewport shows, padded as
// bubbles/viewport pads them.
func (t *listTable) View() string {
	head := t.headerView() + "\n"
	w, h := t.width, t.vh
	if w <= 0 || h <= 0 {
		return head
	}
	var lines []string
	if n := t.end - t.start; n > 0 {
		from := t.start + min(t.yoff, n)
		to := tclamp(from+h, from, t.end)
		lines = make([]string, 0, to-from)
		for i := from; i < to; i++ {
			lines = append(lines, t.row(i))
		}
		// Every row is as wide as the columns; the viewport cuts them
		// all when that is wider than itself.
		if ansi.StringWidth(t.plain(t.start)) > w {
			for i := range lines {
				lines[i] = ansi.Cut(lines[i], 0, w)
			}
		}
	}
	contents := lipgloss.NewStyle().Width(w).Height(h).Render(strings.Join(lines, "\n"))
	return head + lipgloss.NewStyle().Render(contents)
}

// tclamp is bubbles/table's clamp; vclamp bubbles/viewport's, which
// swaps bounds given the wrong way round.
func tclamp(v, low, high int) int { return min(max(v, low), high) }

func vclamp(v, low, high int) int {
	if high < low {
		low, high = high, low
	}
	return min(high, max(low, v))
}
