package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// dashSort is one column the dashboard sorts by, in the order o walks
// them, with its natural direction.
type dashSort struct {
	column, name string
	desc         bool
}

// dashboardScreen is every satker in one look: total, result, progress,
// a cell per area coloured by verdict, and the change since the previous
// round; filtered, sorted and grouped by key.
type dashboardScreen struct {
	listBase
	keys dashboardKeys

	dash  model.Dashboard
	pick  model.RoundPick // the rounds shown
	want  model.RoundPick // the rounds asked for: pick, or a load on its way
	years []int           // years with an evaluation, newest first, for y
	provs []string

	filter   listFilter
	kind     int // 0: every kind, then model.SatkerKinds
	target   int // 0, WBK, WBBM
	result   int // 0, WBBM, WBK, none
	province int // 0: every province, then provs
	status   int // 0: every status, then model.Statuses
	sorts    []dashSort
	sortAt   int
	reverse  bool
	group    model.GroupBy
	marked   sideMarks

	shown  []*model.DashboardRow
	tally  model.Tally                             // of shown
	orders map[model.SortKey][]*model.DashboardRow // shown in each order asked for since the last filter
	lines  []dashLine                              // shown rows with group headings between them
	cursor int                                     // index into lines, always a row
	offset int                                     // first line on screen

	drawn dashDrawn // the table's parts as last drawn
}

// dashLine is a satker row, or a group's heading with its subtotals.
type dashLine struct {
	row   *model.DashboardRow
	group *model.DashboardGroup
}

func newDashboard(e *env) *dashboardScreen {
	d := &dashboardScreen{listBase: newListBase(e), keys: newDashboardKeys(), filter: newListFilter("nama, id, wilayah atau kepala satker")}
	d.updateKeys()
	return d
}

type dashboardLoadedMsg struct {
	dash model.Dashboard
	pick model.RoundPick
	err  error
}

func (d *dashboardScreen) Init() tea.Cmd { return d.load(d.pick) }

// load builds the dashboard for a pick of rounds from the compact
// per-satker records.
func (d *dashboardScreen) load(pick model.RoundPick) tea.Cmd {
	d.want = pick
	db := d.env.db
	return func() tea.Msg {
		dash, err := db.Dashboard(pick)
		return dashboardLoadedMsg{dash, pick, err}
	}
}

func (d *dashboardScreen) Title() string { return "Dasbor" }

func (d *dashboardScreen) Capturing() bool { return d.filter.Focused() }

func (d *dashboardScreen) SetSize(width, height int) {
	d.width, d.height = width, height
	fitField(&d.filter.Model, max(1, width-10))
	d.scroll()
	d.dirty = true
}

// setDashboard takes a fresh build, keeping the selected satker.
func (d *dashboardScreen) setDashboard(msg dashboardLoadedMsg) {
	keep := d.selectedID()
	d.dash, d.pick = msg.dash, msg.pick
	d.drawn = dashDrawn{} // rows of the old build
	d.years = d.dash.Years
	if msg.pick == (model.RoundPick{}) {
		// The provinces come from the unfiltered build.
		provs := map[string]bool{}
		d.provs = nil
		for i := range d.dash.Rows {
			if p := d.dash.Rows[i].Satker.Province; p != "" && !provs[p] {
				provs[p] = true
				d.provs = append(d.provs, p)
			}
		}
		slices.Sort(d.provs)
	}
	d.sorts = []dashSort{{"total", "total", true}, {"delta", "perubahan", true}, {"progress", "progres", true},
		{"name", "nama", false}, {"province", "provinsi", false}, {"result", "hasil", true}}
	for _, c := range d.dash.Columns {
		d.sorts = append(d.sorts, dashSort{c.ID, c.Title, true})
	}
	d.sortAt = min(d.sortAt, len(d.sorts)-1)
	d.refresh(keep)
}

// refresh filters, sorts and groups the rows, keeping keep selected when
// it is still shown.
func (d *dashboardScreen) refresh(keep string) {
	d.shown = d.dash.Filter(d.dashFilter())
	if st := d.statusPick(); st != "" {
		// The model's filter has no status: the rows carry it.
		d.shown = slices.DeleteFunc(d.shown, func(r *model.DashboardRow) bool { return !r.HasEval() || r.Status != st })
	}
	if d.pick != (model.RoundPick{}) {
		// A year or stage shows the satkers evaluated in that round.
		d.shown = slices.DeleteFunc(d.shown, func(r *model.DashboardRow) bool { return !r.HasEval() })
	}
	d.tally = model.TallyRows(d.shown)
	d.orders = nil
	d.reorder(keep)
}

// reorder sorts and groups the rows shown. A new sort needs no new
// filtering: the model's order is total (ties go by satker id), so the
// rows sort the same from any order, and an order already made for these
// rows is taken again rather than sorted again.
func (d *dashboardScreen) reorder(keep string) {
	s := d.sorts[d.sortAt]
	k := model.SortKey{Column: s.column, Desc: s.desc != d.reverse}
	if rows, ok := d.orders[k]; ok {
		copy(d.shown, rows)
	} else {
		d.dash.Sort(d.shown, k)
		if d.orders == nil {
			d.orders = map[model.SortKey][]*model.DashboardRow{}
		}
		d.orders[k] = slices.Clone(d.shown)
	}
	d.lines = d.lines[:0]
	for _, g := range model.GroupRows(d.shown, d.group) {
		if d.group != model.GroupNone {
			g := g
			d.lines = append(d.lines, dashLine{group: &g})
		}
		for _, r := range g.Rows {
			d.lines = append(d.lines, dashLine{row: r})
		}
	}
	d.cursor = d.firstRow(0, 1)
	for i, l := range d.lines {
		if l.row != nil && l.row.Satker.ID == keep {
			d.cursor = i
			break
		}
	}
	d.offset = 0
	d.scroll()
	d.updateKeys()
}

// firstRow finds the first satker line from i going in direction dir;
// -1 when there is none.
func (d *dashboardScreen) firstRow(i, dir int) int {
	for ; i >= 0 && i < len(d.lines); i += dir {
		if d.lines[i].row != nil {
			return i
		}
	}
	return -1
}

func (d *dashboardScreen) selected() *model.DashboardRow {
	if d.cursor < 0 || d.cursor >= len(d.lines) {
		return nil
	}
	return d.lines[d.cursor].row
}

func (d *dashboardScreen) selectedID() string {
	if r := d.selected(); r != nil {
		return r.Satker.ID
	}
	return ""
}

// move takes the cursor n satker rows down (up when negative).
func (d *dashboardScreen) move(n int) {
	if d.cursor < 0 {
		return
	}
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		next := d.firstRow(d.cursor+dir, dir)
		if next < 0 {
			break
		}
		d.cursor = next
	}
	d.scroll()
}

// listHeight is how many lines the table body gets.
func (d *dashboardScreen) listHeight() int { return max(1, d.height-4) } // headline, filter, table header, legend

// scroll keeps the cursor on screen, with its group heading when it can.
func (d *dashboardScreen) scroll() {
	h := d.listHeight()
	if d.cursor < 0 {
		d.offset = 0
		return
	}
	top := d.cursor
	if top > 0 && d.lines[top-1].group != nil {
		top--
	}
	if top < d.offset {
		d.offset = top
	}
	if d.cursor >= d.offset+h {
		d.offset = d.cursor - h + 1
	}
	d.offset = max(0, min(d.offset, len(d.lines)-h))
}

func (d *dashboardScreen) updateKeys() {
	k := &d.keys
	sel := d.selected() != nil
	k.ClearFilter.SetEnabled(d.filtered())
	k.Back.SetEnabled(!d.filtered())
	k.Open.SetEnabled(sel)
	k.Gap.SetEnabled(sel)
	k.Mark.SetEnabled(sel && d.selected().HasEval())
	k.Compare.SetEnabled(len(d.marked) >= 2)
	k.Distribution.SetEnabled(len(d.shown) > 0)
}

func (d *dashboardScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case dashboardLoadedMsg:
		if msg.pick != d.want {
			return nil // an earlier request, overtaken by a later key
		}
		if d.loadDone(msg.err) {
			d.setDashboard(msg)
		}
	case refreshMsg:
		return d.load(d.pick)
	case tea.KeyPressMsg:
		d.notice = ""
		cmd = d.handleKey(msg)
	case tea.PasteMsg:
		if !d.loaded {
			return nil
		}
		cmd = d.filter.paste(msg)
		d.refresh(d.selectedID())
	default:
		var changed bool
		if changed, cmd = d.filter.forward(msg); changed {
			d.refresh(d.selectedID())
		}
	}
	d.updateKeys()
	d.dirty = true
	return cmd
}

// toggleMark marks a row's evaluation for the side-by-side comparison,
// or unmarks it; at most model.MaxSideBySide.
func (d *dashboardScreen) toggleMark(r *model.DashboardRow) {
	switch marked, full := d.marked.toggle(r.Eval); {
	case full:
		d.say(fmt.Sprintf("Paling banyak %d evaluasi dibandingkan; lepas tanda yang lain dulu (spasi).", model.MaxSideBySide), true)
	case marked && len(d.marked) >= 2:
		d.say(fmt.Sprintf("%d ditandai · c bandingkan", len(d.marked)), false)
	}
}
