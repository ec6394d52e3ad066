package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The table of every list screen: bubbles/table, given only the rows on
// screen, each as one cell laid out once. bubbles/table draws every row
// within twice its height of the cursor on every key, a lipgloss render
// per cell; on a list of thousands that is most of what a key costs. So
// the list keeps all its rows and its scroll position, lays each row out
// in its columns once (plain text, cut with "…"), and hands the table the
// window the screen shows: a key draws one cell per visible row.

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
// moving the cursor touches no data. Rows are plain text.
type listTable struct {
	table.Model // bubbles/table, holding the rows on screen as one cell each
	env         *env
	keys        navKeys
	cols        []table.Column // the list's columns; width 0 is left out
	rows        []table.Row    // every row of the list
	laid        map[int]string // rows laid out in the columns, by index
	styles      table.Styles
	top, cursor int // the first row on screen; the selected row
	vh          int // rows under the header
}

func newListTable(e *env, keys navKeys, specs []colSpec) listTable {
	t := listTable{env: e, keys: keys, vh: 1, laid: map[int]string{},
		Model: table.New(table.WithFocused(true), table.WithKeyMap(table.KeyMap{}), table.WithHeight(2))}
	t.SetColumns(columnsOf(specs, make([]int, len(specs))))
	t.restyle()
	return t
}

// SetColumns lays the list out in new columns: the table's one column
// is their header, laid out as the rows are.
func (t *listTable) SetColumns(cols []table.Column) {
	t.cols = cols
	clear(t.laid)
	titles := make(table.Row, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	head := t.layout(titles)
	t.Model.SetColumns([]table.Column{{Title: head, Width: ansi.StringWidth(head)}})
	t.window(true)
}

// fitColumns lays the list out in specs fitted to width (layoutColumns)
// and returns the columns' widths.
func (t *listTable) fitColumns(specs []colSpec, drop []int, grow []growStep, width int) []int {
	w := layoutColumns(specs, drop, grow, width)
	t.SetColumns(columnsOf(specs, w))
	return w
}

// layout writes one row in the columns: each cell cut to its width with
// "…" and padded to it, one space between cells.
func (t *listTable) layout(cells table.Row) string {
	var b strings.Builder
	for i, c := range t.cols {
		if c.Width <= 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		v := ""
		if i < len(cells) {
			v = ansi.Truncate(cells[i], c.Width, "…")
		}
		b.WriteString(v)
		b.WriteString(strings.Repeat(" ", max(0, c.Width-ansi.StringWidth(v))))
	}
	return b.String()
}

// restyle takes the workbench's current styles (they follow the
// terminal's background).
func (t *listTable) restyle() {
	st := t.env.st
	t.styles = table.Styles{
		Header:   st.Header.PaddingRight(1),
		Cell:     lipgloss.NewStyle().PaddingRight(1),
		Selected: st.Selected.Transform(markSelected),
	}
	t.SetStyles(t.styles)
}

// markSelected writes the marker into the selected row's empty first
// cell. Cells are plain text, so the row starts with that cell's space.
func markSelected(row string) string {
	if strings.HasPrefix(row, " ") {
		return "›" + row[1:]
	}
	return row
}

// Cursor is the selected row's index in the whole list.
func (t *listTable) Cursor() int { return t.cursor }

// SetHeight sizes the table, its one-line header included.
func (t *listTable) SetHeight(h int) {
	t.vh = max(1, h-1)
	t.Model.SetHeight(t.vh + 1)
	t.window(true)
}

// window scrolls as little as keeps the cursor on screen and gives the
// table the rows it shows; moved is false when only the cursor moved
// within them.
func (t *listTable) window(moved bool) {
	t.cursor = min(max(0, t.cursor), max(0, len(t.rows)-1))
	top := min(max(0, t.top), max(0, len(t.rows)-t.vh))
	switch {
	case t.cursor < top:
		top = t.cursor
	case t.cursor >= top+t.vh:
		top = t.cursor - t.vh + 1
	}
	if moved || top != t.top {
		t.top = top
		window := make([]table.Row, 0, t.vh)
		for i := top; i < min(len(t.rows), top+t.vh); i++ {
			line, ok := t.laid[i]
			if !ok {
				line = t.layout(t.rows[i])
				t.laid[i] = line
			}
			window = append(window, table.Row{line})
		}
		// A new table draws its rows once, with the cursor on the first;
		// SetRows and SetCursor would each draw them all again.
		t.Model = table.New(table.WithColumns(t.Model.Columns()), table.WithStyles(t.styles), table.WithRows(window),
			table.WithHeight(t.vh+1), table.WithWidth(t.Model.Width()), table.WithFocused(true), table.WithKeyMap(table.KeyMap{}))
		if t.cursor == top {
			return
		}
	}
	t.Model.SetCursor(t.cursor - top)
}

func (t *listTable) move(n int) {
	t.cursor += n
	t.window(false)
}

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
		t.move(-1)
	case key.Matches(k, n.Down):
		t.move(1)
	case key.Matches(k, n.PageUp):
		t.move(-t.vh)
	case key.Matches(k, n.PageDown):
		t.move(t.vh)
	case key.Matches(k, n.HalfUp):
		t.move(-t.vh / 2)
	case key.Matches(k, n.HalfDown):
		t.move(t.vh / 2)
	case key.Matches(k, n.Top):
		t.move(-t.cursor)
	case key.Matches(k, n.Bottom):
		t.move(len(t.rows))
	default:
		return false
	}
	return true
}

// MoveDown moves the selection n rows down.
func (t *listTable) MoveDown(n int) { t.move(n) }

// show replaces the rows and selects row target (clamped), scrolled into
// view.
func (t *listTable) show(rows []table.Row, target int) {
	t.rows, t.cursor = rows, target
	clear(t.laid)
	t.window(true)
}

// resize gives the table its size (header included) and keeps the
// selection in view.
//
// Owners change their rows' cells in place when the width changes (a
// progress bar of another length), so what was laid out is laid out again.
func (t *listTable) resize(width, height int) {
	clear(t.laid)
	t.restyle()
	t.SetWidth(max(0, width))
	// Below a header and one row the owner shows no table, but the
	// table keeps a positive height, as bubbles/viewport needs.
	t.SetHeight(max(2, height))
}

// plainCell is text the cell styles only pad: no escape sequences, tabs
// or line breaks, and no space at its ends for wrapping to trim.
func plainCell(s string) bool {
	return !strings.ContainsAny(s, "\x1b\t\n\r") && strings.TrimSpace(s) == s
}
