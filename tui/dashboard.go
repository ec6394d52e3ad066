package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

type dashboardKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom            key.Binding
	Filter, ClearFilter, Year, Stage, Kind, Target     key.Binding
	Result, Province, Sort, Reverse, Group             key.Binding
	Open, Gap, Mark, Compare, Distribution, Back, Keep key.Binding
}

func newDashboardKeys() dashboardKeys {
	return dashboardKeys{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "halaman sebelum")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "halaman berikut")),
		Top:          key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "paling atas")),
		Bottom:       key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "paling bawah")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "saring")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan")),
		Year:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "tahun")),
		Stage:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "tahap")),
		Kind:         key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "jenis satker")),
		Target:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "target")),
		Result:       key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "hasil")),
		Province:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "provinsi")),
		Sort:         key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "urut")),
		Reverse:      key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "balik urutan")),
		Group:        key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "kelompok")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka")),
		Gap:          key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "PMPZI vs TPI")),
		Mark:         key.NewBinding(key.WithKeys("space"), key.WithHelp("spasi", "tandai")),
		Compare:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "bandingkan")),
		Distribution: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "sebaran")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
		Keep:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pakai saringan")),
	}
}

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
	env  *env
	keys dashboardKeys

	loaded  bool
	loadErr string
	dash    model.Dashboard
	pick    model.RoundPick // the rounds shown
	want    model.RoundPick // the rounds asked for: pick, or a load on its way
	years   []int           // years with an evaluation, newest first, for y
	provs   []string

	filter   textinput.Model
	kind     int // 0: every kind, then model.SatkerKinds
	target   int // 0, WBK, WBBM
	result   int // 0, WBBM, WBK, none
	province int // 0: every province, then provs
	sorts    []dashSort
	sortAt   int
	reverse  bool
	group    model.GroupBy
	marked   []string // evaluation ids, in the order marked

	shown  []*model.DashboardRow
	lines  []dashLine // shown rows with group headings between them
	cursor int        // index into lines, always a row
	offset int        // first line on screen
	notice string
	warn   bool

	width, height int
	view          string
	dirty         bool
}

// dashLine is a satker row, or a group's heading with its subtotals.
type dashLine struct {
	row   *model.DashboardRow
	group *model.DashboardGroup
}

func newDashboard(e *env) *dashboardScreen {
	f := newField("Saring: ", "nama, id, wilayah atau kepala satker", 80)
	d := &dashboardScreen{env: e, keys: newDashboardKeys(), filter: f, dirty: true}
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
	d.filter.SetWidth(max(1, width-10))
	d.scroll()
	d.dirty = true
}

// setDashboard takes a fresh build, keeping the selected satker.
func (d *dashboardScreen) setDashboard(msg dashboardLoadedMsg) {
	keep := d.selectedID()
	d.loaded, d.loadErr, d.dash, d.pick = true, "", msg.dash, msg.pick
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

// dashFilter is the filter the keys have set.
func (d *dashboardScreen) dashFilter() model.DashboardFilter {
	f := model.DashboardFilter{Text: d.filter.Value()}
	if d.kind > 0 {
		f.Kind = model.SatkerKinds[d.kind-1]
	}
	if d.target > 0 {
		f.Target = []string{model.WBK, model.WBBM}[d.target-1]
	}
	if d.result > 0 {
		f.Result = []string{model.WBBM, model.WBK, model.ResultNone}[d.result-1]
	}
	if d.province > 0 {
		f.Province = d.provs[d.province-1]
	}
	return f
}

// refresh filters, sorts and groups the rows, keeping keep selected when
// it is still shown.
func (d *dashboardScreen) refresh(keep string) {
	d.shown = d.dash.Filter(d.dashFilter())
	if d.pick != (model.RoundPick{}) {
		// A year or stage shows the satkers evaluated in that round.
		d.shown = slices.DeleteFunc(d.shown, func(r *model.DashboardRow) bool { return !r.HasEval() })
	}
	s := d.sorts[d.sortAt]
	d.dash.Sort(d.shown, model.SortKey{Column: s.column, Desc: s.desc != d.reverse})
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

func (d *dashboardScreen) filtered() bool {
	return d.filter.Value() != "" || d.kind != 0 || d.target != 0 || d.result != 0 ||
		d.province != 0 || d.want != (model.RoundPick{})
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
		if msg.err != nil {
			d.loadErr = errorText(msg.err)
		} else {
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
		cmd = pasteFilter(&d.filter, msg)
		d.refresh(d.selectedID())
	default:
		if d.filter.Focused() {
			d.filter, cmd = d.filter.Update(msg)
		}
	}
	d.updateKeys()
	d.dirty = true
	return cmd
}

func (d *dashboardScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := d.keys
	if d.filter.Focused() {
		change, cmd := editFilter(&d.filter, msg, func(up bool) {
			d.move(map[bool]int{true: -1, false: 1}[up])
		})
		if change != filterSame {
			d.refresh(d.selectedID())
		}
		return cmd
	}
	switch {
	case key.Matches(msg, k.ClearFilter):
		d.filter.SetValue("")
		d.kind, d.target, d.result, d.province = 0, 0, 0, 0
		if d.want != (model.RoundPick{}) {
			return d.load(model.RoundPick{})
		}
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Back):
		return d.env.goBack()
	case !d.loaded:
	case key.Matches(msg, k.Filter):
		d.filter.CursorEnd()
		return d.filter.Focus()
	case key.Matches(msg, k.Up):
		d.move(-1)
	case key.Matches(msg, k.Down):
		d.move(1)
	case key.Matches(msg, k.PageUp):
		d.move(-d.listHeight())
	case key.Matches(msg, k.PageDown):
		d.move(d.listHeight())
	case key.Matches(msg, k.Top):
		d.move(-len(d.lines))
	case key.Matches(msg, k.Bottom):
		d.move(len(d.lines))
	case key.Matches(msg, k.Year):
		next := model.RoundPick{Stage: d.want.Stage}
		if i := slices.Index(d.years, d.want.Year); i+1 < len(d.years) {
			next.Year = d.years[i+1]
		}
		return d.load(next)
	case key.Matches(msg, k.Stage):
		next := model.RoundPick{Year: d.want.Year}
		if i := slices.Index(model.Stages, d.want.Stage); i+1 < len(model.Stages) {
			next.Stage = model.Stages[i+1]
		}
		return d.load(next)
	case key.Matches(msg, k.Kind):
		d.kind = (d.kind + 1) % (len(model.SatkerKinds) + 1)
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Target):
		d.target = (d.target + 1) % 3
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Result):
		d.result = (d.result + 1) % 4
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Province):
		d.province = (d.province + 1) % (len(d.provs) + 1)
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Sort):
		d.sortAt, d.reverse = (d.sortAt+1)%len(d.sorts), false
		d.refresh("")
	case key.Matches(msg, k.Reverse):
		d.reverse = !d.reverse
		d.refresh("")
	case key.Matches(msg, k.Group):
		d.group = map[model.GroupBy]model.GroupBy{model.GroupNone: model.GroupRegion,
			model.GroupRegion: model.GroupKind, model.GroupKind: model.GroupNone}[d.group]
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Open):
		return d.env.open(newChooser(d.env, d.selectedID()))
	case key.Matches(msg, k.Gap):
		r := d.selected()
		return d.env.open(newGap(d.env, r.Satker.ID, r.Year))
	case key.Matches(msg, k.Mark):
		d.toggleMark(d.selected())
	case key.Matches(msg, k.Compare):
		return d.env.open(newSideBySide(d.env, slices.Clone(d.marked)))
	case key.Matches(msg, k.Distribution):
		return d.env.open(newDistribution(d.env, &d.dash, slices.Clone(d.shown), d.describe()))
	}
	return nil
}

// toggleMark marks a row's evaluation for the side-by-side comparison,
// or unmarks it; at most model.MaxSideBySide.
func (d *dashboardScreen) toggleMark(r *model.DashboardRow) {
	if i := slices.Index(d.marked, r.Eval); i >= 0 {
		d.marked = slices.Delete(d.marked, i, i+1)
		return
	}
	if len(d.marked) == model.MaxSideBySide {
		d.notice, d.warn = fmt.Sprintf("Paling banyak %d evaluasi dibandingkan; lepas tanda yang lain dulu (spasi).", model.MaxSideBySide), true
		return
	}
	d.marked = append(d.marked, r.Eval)
	if len(d.marked) >= 2 {
		d.notice, d.warn = fmt.Sprintf("%d ditandai · c bandingkan", len(d.marked)), false
	}
}

// describe says in words which satkers are shown: the filters in use.
func (d *dashboardScreen) describe() string {
	var parts []string
	if d.pick.Year != 0 {
		parts = append(parts, "tahun "+strconv.Itoa(d.pick.Year))
	}
	if d.pick.Stage != "" {
		parts = append(parts, "tahap "+string(d.pick.Stage))
	}
	f := d.dashFilter()
	if f.Text != "" {
		parts = append(parts, fmt.Sprintf("“%s”", f.Text))
	}
	if f.Kind != "" {
		parts = append(parts, string(f.Kind))
	}
	if f.Target != "" {
		parts = append(parts, "target "+f.Target)
	}
	if f.Result != "" {
		parts = append(parts, "hasil "+resultWord(f.Result))
	}
	if f.Province != "" {
		parts = append(parts, f.Province)
	}
	return strings.Join(parts, " · ")
}

func resultWord(r string) string {
	if r == model.ResultNone || r == "" {
		return "belum ada predikat"
	}
	return r
}

func (d *dashboardScreen) Help() keyHelp {
	k := d.keys
	if d.filter.Focused() {
		s := []key.Binding{k.Keep, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan"))}
		return keyHelp{short: s, full: [][]key.Binding{s}}
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.Gap, k.Mark, k.Compare, k.Distribution, k.Sort, k.Group, k.ClearFilter, k.Back}),
		full: [][]key.Binding{
			{k.Open, k.Gap, k.Mark, k.Compare, k.Distribution},
			{k.Filter, k.Year, k.Stage, k.Kind, k.Target, k.Result, k.Province, k.ClearFilter},
			{k.Sort, k.Reverse, k.Group},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		},
	}
}
