package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

type homeKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom  key.Binding
	Open, Filter, ClearFilter, New, Edit, Delete, Review, Quit key.Binding
	Dashboard                                                  key.Binding
	Sort, SortName, SortScore, SortProgress, SortRegion        key.Binding
	// while the filter field has focus
	KeepFilter, DropFilter key.Binding
}

func newHomeKeys() homeKeys {
	return homeKeys{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "halaman sebelum")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "halaman berikut")),
		HalfUp:       key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ halaman naik")),
		HalfDown:     key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ halaman turun")),
		Top:          key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "paling atas")),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "paling bawah")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka evaluasi")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "saring")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan")),
		New:          key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "satker baru")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "ubah")),
		Delete:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "hapus")),
		Review:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rekomendasi")),
		Dashboard:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "dasbor")),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "keluar")),
		Sort:         key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "urut")),
		SortName:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "urut nama (lagi: balik)")),
		SortScore:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "urut nilai (lagi: balik)")),
		SortProgress: key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "urut progres (lagi: balik)")),
		SortRegion:   key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "urut wilayah (lagi: balik)")),
		KeepFilter:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pakai saringan")),
		DropFilter:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan")),
	}
}

// tableKeys hands the list navigation to bubbles/table. Its defaults also
// bind d, u, b, f and space, which mean other things here.
func (k homeKeys) tableKeys() table.KeyMap {
	return table.KeyMap{LineUp: k.Up, LineDown: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfUp, HalfPageDown: k.HalfDown, GotoTop: k.Top, GotoBottom: k.Bottom}
}

type sortKey int

const (
	sortByName sortKey = iota
	sortByScore
	sortByProgress
	sortByRegion
)

// sortNames is how the header names each sort: natural direction, reversed.
var sortNames = [...][2]string{
	sortByName:     {"nama A–Z", "nama Z–A"},
	sortByScore:    {"nilai tertinggi", "nilai terendah"},
	sortByProgress: {"progres terbanyak", "progres tersedikit"},
	sortByRegion:   {"wilayah A–Z", "wilayah Z–A"},
}

// Columns of the satker table. The first holds the selection marker.
const (
	hcMark = iota
	hcName
	hcKind
	hcRegion
	hcTarget
	hcLatest
	hcProgress
	hcScore
	hcResult
	hcVerdict
	hcCount
)

var (
	homeColumns = []colSpec{
		hcMark:     {"", 1, 1, 0},
		hcName:     {"SATKER", 20, 60, 0},
		hcKind:     {"JENIS", 10, 10, 110},
		hcRegion:   {"WILAYAH", 10, 34, 70},
		hcTarget:   {"TARGET", 6, 6, 90},
		hcLatest:   {"TERAKHIR", 10, 17, 0}, // "2026 PMPZI"
		hcProgress: {"PROGRES", 7, 24, 0},
		hcScore:    {"NILAI", 6, 6, 0},
		hcResult:   {"HASIL", 5, 6, 110},
		hcVerdict:  {"CAPAIAN", 7, 8, 0},
	}
	homeDrop = []int{hcResult, hcKind, hcTarget, hcRegion, hcLatest, hcProgress}
	// The name identifies a satker: it grows first, then the region
	// enough for "Kab. Magelang", then a bar of a few cells.
	homeGrow = []growStep{{hcName, 24}, {hcRegion, 13}, {hcProgress, 12}, {hcLatest, 17}, {hcName, 30},
		{hcProgress, 14}, {hcRegion, 26}, {hcVerdict, 8}, {hcName, 44}, {hcProgress, 24}, {hcRegion, 34},
		{hcResult, 6}, {hcName, 60}}
)

// homeItem is one satker with everything the list needs precomputed, so a
// keystroke in the filter or a new sort touches no store and decodes
// nothing: it only picks rows.
type homeItem struct {
	sum    store.SatkerSummary
	hay    string // lower-case name, id, kind and region: what the filter searches
	name   string // lower-case, for sorting
	region string // lower-case province then regency, for sorting
	score  float64
	frac   float64
	evals  bool      // has a latest evaluation
	row    table.Row // plain cells (bubbles/table truncation does not understand ANSI); the first is the marker column
	place  string    // the region cell where it is narrow: the regency alone
	where  string    // the region cell where there is room: regency, province
}

// homeScreen is the list of satkers: where every session starts.
type homeScreen struct {
	env  *env
	keys homeKeys

	loaded  bool
	loadErr string
	items   []homeItem
	byID    map[string]int
	order   []int // items in the current sort
	shown   []int // order less what the filter hides: the table's rows
	rows    []table.Row
	sortBy  sortKey
	reverse bool
	filter  textinput.Model
	table   pickTable
	ask     *confirm
	notice  string
	warn    bool   // notice is a failure
	want    string // satker to select after the next load
	opening bool   // a pushed screen has not arrived yet (cleared by its refreshMsg on return)

	width, height int
	tableH        int
	cols          []int
	barW          int
	bars          []string // bars[k]: a bar with k of barW cells filled

	view  string
	dirty bool
}

func newHome(e *env) *homeScreen {
	k := newHomeKeys()
	f := newField("Saring: ", "nama, id, jenis atau wilayah", 80)
	h := &homeScreen{env: e, keys: k, filter: f, table: newPickTable(e, k.tableKeys(), homeColumns), dirty: true}
	h.updateKeys()
	return h
}

// Messages of the home screen.
type (
	homeLoadedMsg struct {
		list []store.SatkerSummary
		err  error
	}
	satkerDeletedMsg struct {
		name  string
		evals int
		err   error
	}
)

func (h *homeScreen) Init() tea.Cmd { return h.load }

func (h *homeScreen) load() tea.Msg {
	list, err := h.env.db.SatkerSummaries()
	return homeLoadedMsg{list, err}
}

func (h *homeScreen) Title() string { return "Satker" }

func (h *homeScreen) Capturing() bool { return h.filter.Focused() || h.ask != nil }

func (h *homeScreen) SetSize(width, height int) {
	if width != h.width {
		h.cols = layoutColumns(homeColumns, homeDrop, homeGrow, width)
		h.table.SetColumns(columnsOf(homeColumns, h.cols))
		if bw := barWidth(h.cols[hcProgress]); bw != h.barW || h.bars == nil {
			h.barW = bw
			h.bars = barSet(h.env.st, bw)
		}
		h.fillCells()
	}
	h.width, h.height = width, height
	h.filter.SetWidth(max(1, width-lipgloss.Width(h.filter.Prompt)-1))
	h.tableH = -1 // force a layout
	h.layout()
	h.dirty = true
}

// layout sizes the table to what the header and the bottom lines leave.
func (h *homeScreen) layout() {
	bl := 0
	if b := h.bottom(); b != "" {
		bl = lipgloss.Height(b)
	}
	th := max(0, h.height-2-bl)
	if th != h.tableH {
		h.tableH = th
		h.table.resize(h.width, th)
	}
}

// setList replaces the list with a fresh read, keeping the selection (or
// selecting the satker just saved).
func (h *homeScreen) setList(list []store.SatkerSummary) {
	keep := h.want
	if keep == "" {
		keep = h.selectedID()
	}
	h.want = ""
	h.items = make([]homeItem, len(list))
	h.byID = make(map[string]int, len(list))
	h.order = make([]int, len(list))
	for i, s := range list {
		h.items[i] = newHomeItem(s)
		h.byID[s.Satker.ID] = i
		h.order[i] = i
	}
	h.fillCells()
	h.sortItems()
	if i, ok := h.byID[keep]; ok && h.filter.Value() != "" &&
		!matchesAll(h.items[i].hay, strings.Fields(strings.ToLower(h.filter.Value()))) {
		// The satker just saved would hide behind the filter.
		h.filter.SetValue("")
	}
	h.refilter(keep)
}

func newHomeItem(s store.SatkerSummary) homeItem {
	sk := s.Satker
	it := homeItem{
		sum:    s,
		name:   strings.ToLower(sk.Name),
		region: strings.ToLower(sk.Province + "\x00" + sk.Regency),
		hay: strings.ToLower(strings.Join([]string{sk.Name, sk.ID, string(sk.Kind), kindShort(sk.Kind),
			sk.Province, sk.Regency}, "\x00")),
	}
	latest, score, result, verdict := "—", "—", "—", "—"
	if l := s.Latest; l != nil {
		it.evals = true
		it.score = l.Total
		if l.Questions > 0 {
			it.frac = float64(l.Answered) / float64(l.Questions)
		}
		latest = fmt.Sprintf("%d %s", l.Year, l.Stage)
		score = model.Points(l.Total)
		if l.Result != "" {
			result = l.Result
		}
		verdict = verdictText(sk.Target, l.Result)
	}
	it.where, it.place = regionText(sk), sk.Province
	if sk.Regency != "" {
		it.place = shortRegency(sk.Regency)
	}
	it.row = table.Row{"", sk.Name, kindShort(sk.Kind), it.where, sk.Target, latest, "", score, result, verdict}
	return it
}

// fillCells writes the cells that depend on the column widths. Bars
// come from a small set (one per filled count), so 5,000 rows cost 5,000
// concatenations, not 5,000 bar renders.
func (h *homeScreen) fillCells() {
	wide := len(h.cols) > hcRegion && h.cols[hcRegion] >= 24
	for i := range h.items {
		it := &h.items[i]
		it.row[hcProgress] = progressCell(h.bars, it.sum.Latest)
		it.row[hcRegion] = it.place
		if wide {
			it.row[hcRegion] = it.where
		}
	}
}

func progressCell(bars []string, l *store.EvalSummary) string {
	if l == nil {
		return "—"
	}
	counts := fmt.Sprintf("%d/%d", l.Answered, l.Questions)
	if len(bars) < 2 {
		return counts
	}
	frac := 0.0
	if l.Questions > 0 {
		frac = float64(l.Answered) / float64(l.Questions)
	}
	k := int(float64(len(bars)-1)*min(1, max(0, frac)) + 0.5)
	return bars[k] + " " + fmt.Sprintf("%7s", counts)
}

// barWidth is how much of a progress column of width w the bar gets,
// leaving room for " 113/113"; 0 when only the counts fit.
func barWidth(w int) int {
	if w < 8+3 {
		return 0
	}
	return w - 8
}

// barSet draws the width+1 bars a column of this width can show.
func barSet(st styles, width int) []string {
	if width <= 0 {
		return nil
	}
	bars := make([]string, width+1)
	for k := range bars {
		bars[k] = st.progressBar(float64(k)/float64(width), width)
	}
	return bars
}

// verdictText says in words whether the latest result reaches the target.
func verdictText(target, result string) string {
	if model.MeetsTarget(result, target) {
		return "✓ " + target
	}
	return "✗ belum"
}

// kindShort is the kind as a table cell: the long one is abbreviated the
// way Kemenag writes it.
func kindShort(k model.SatkerKind) string {
	if k == model.Kankemenag {
		return "Kankemenag"
	}
	return string(k)
}

func regionText(s model.Satker) string {
	if s.Regency == "" {
		return s.Province
	}
	return shortRegency(s.Regency) + ", " + s.Province
}

// shortRegency writes "Kabupaten" the way lists do: "Kab. Magelang".
func shortRegency(r string) string {
	if rest, ok := strings.CutPrefix(r, "Kabupaten "); ok {
		return "Kab. " + rest
	}
	return r
}

func (h *homeScreen) sortItems() {
	slices.SortStableFunc(h.order, func(x, y int) int {
		a, b := &h.items[x], &h.items[y]
		var c int
		switch h.sortBy {
		case sortByScore, sortByProgress:
			// Satkers without an evaluation have no score to rank: last
			// in either direction.
			if a.evals != b.evals {
				if a.evals {
					return -1
				}
				return 1
			}
			if h.sortBy == sortByScore {
				c = cmp.Compare(b.score, a.score)
			} else {
				c = cmp.Compare(b.frac, a.frac)
			}
		case sortByRegion:
			c = strings.Compare(a.region, b.region)
		default:
			c = strings.Compare(a.name, b.name)
		}
		if h.reverse {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(a.name, b.name)
		}
		if c == 0 {
			c = strings.Compare(a.sum.Satker.ID, b.sum.Satker.ID)
		}
		return c
	})
}

// refilter applies the filter to the sorted list and selects keep when it
// is still shown, else the first row. Only row references move.
func (h *homeScreen) refilter(keep string) {
	terms := strings.Fields(strings.ToLower(h.filter.Value()))
	h.shown = h.shown[:0]
	target := 0
	for _, i := range h.order {
		if matchesAll(h.items[i].hay, terms) {
			if h.items[i].sum.Satker.ID == keep {
				target = len(h.shown)
			}
			h.shown = append(h.shown, i)
		}
	}
	h.rows = h.rows[:0]
	for _, i := range h.shown {
		h.rows = append(h.rows, h.items[i].row)
	}
	h.table.show(h.rows, target)
	h.updateKeys()
}

func matchesAll(hay string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}

func (h *homeScreen) selected() *homeItem {
	c := h.table.Cursor()
	if c < 0 || c >= len(h.shown) {
		return nil
	}
	return &h.items[h.shown[c]]
}

func (h *homeScreen) selectedID() string {
	if it := h.selected(); it != nil {
		return it.sum.Satker.ID
	}
	return ""
}

func (h *homeScreen) updateKeys() {
	sel := h.selected() != nil
	h.keys.Open.SetEnabled(sel)
	h.keys.Edit.SetEnabled(sel)
	h.keys.Delete.SetEnabled(sel)
	h.keys.ClearFilter.SetEnabled(h.filter.Value() != "")
	for _, b := range []*key.Binding{&h.keys.Filter, &h.keys.Sort, &h.keys.SortName, &h.keys.SortScore,
		&h.keys.SortProgress, &h.keys.SortRegion} {
		b.SetEnabled(len(h.items) > 0)
	}
}

func (h *homeScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case homeLoadedMsg:
		if msg.err != nil {
			h.loadErr = errorText(msg.err)
		} else {
			h.loaded, h.loadErr = true, ""
			h.setList(msg.list)
		}
	case refreshMsg:
		h.opening = false
		return h.load
	case satkerDeletedMsg:
		if msg.err != nil {
			h.notice, h.warn = fmt.Sprintf("✗ %s tidak terhapus: %s", msg.name, errorText(msg.err)), true
		} else {
			h.notice, h.warn = fmt.Sprintf("✓ Dihapus: %s beserta %d evaluasi.", msg.name, msg.evals), false
			cmd = h.load
		}
	case confirmMsg:
		h.ask = nil
		if id, ok := msg.tag.(string); ok && msg.yes {
			cmd = h.delete(id)
		}
	case tea.KeyPressMsg:
		if h.opening {
			// A screen is on its way: keys typed meanwhile belong to it,
			// not here. Dropping them beats acting on the wrong screen.
			return nil
		}
		h.notice = ""
		cmd = h.handleKey(msg)
	case tea.PasteMsg:
		if h.opening || h.ask != nil || !h.loaded {
			return nil
		}
		cmd = pasteFilter(&h.filter, msg)
		h.refilter("")
		h.updateKeys()
	default:
		if !h.filter.Focused() {
			return nil
		}
		h.filter, cmd = h.filter.Update(msg)
	}
	h.layout()
	h.dirty = true
	return cmd
}

func (h *homeScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if h.ask != nil {
		return h.ask.Update(msg)
	}
	k := h.keys
	if h.filter.Focused() {
		// Arrows move the selection while typing; letters are typed.
		change, cmd := editFilter(&h.filter, msg, func(bool) { h.table.update(msg) })
		switch change {
		case filterTyped:
			h.refilter("")
		case filterDropped:
			h.refilter(h.selectedID())
		}
		h.updateKeys()
		return cmd
	}
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if !h.loaded {
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		h.filter.CursorEnd()
		return h.filter.Focus()
	case key.Matches(msg, k.ClearFilter):
		h.filter.SetValue("")
		h.refilter(h.selectedID())
	case key.Matches(msg, k.SortName):
		h.sortOn(sortByName)
	case key.Matches(msg, k.SortScore):
		h.sortOn(sortByScore)
	case key.Matches(msg, k.SortProgress):
		h.sortOn(sortByProgress)
	case key.Matches(msg, k.SortRegion):
		h.sortOn(sortByRegion)
	case key.Matches(msg, k.New):
		return h.open(newSatkerForm(h.env, nil, h.taken, h.saved))
	case key.Matches(msg, k.Edit):
		s := h.selected().sum.Satker
		return h.open(newSatkerForm(h.env, &s, h.taken, h.saved))
	case key.Matches(msg, k.Delete):
		it := h.selected()
		name, n := it.sum.Satker.Name, len(it.sum.Evaluations)
		prompt := fmt.Sprintf("Hapus %s beserta %d evaluasi dan semua jawabannya?", name, n)
		if n == 0 {
			prompt = fmt.Sprintf("Hapus %s? Satker ini belum punya evaluasi.", name)
		}
		h.ask = newConfirm(prompt, it.sum.Satker.ID)
	case key.Matches(msg, k.Open):
		return h.open(newChooser(h.env, h.selectedID()))
	case key.Matches(msg, k.Review):
		return h.open(newReview(h.env, reviewScope{}))
	case key.Matches(msg, k.Dashboard):
		return h.open(newDashboard(h.env))
	default:
		h.table.update(msg)
		h.updateKeys()
	}
	return nil
}

// open pushes s. The push is a message: until the root has handled it,
// keys still arrive here.
func (h *homeScreen) open(s screen) tea.Cmd {
	h.opening = true
	return h.env.open(s)
}

// sortOn sorts by s; asking for the current sort again reverses it. The
// selection goes to the top: a new order is read from its start.
func (h *homeScreen) sortOn(s sortKey) {
	if h.sortBy == s {
		h.reverse = !h.reverse
	} else {
		h.sortBy, h.reverse = s, false
	}
	h.sortItems()
	h.refilter("")
}

func (h *homeScreen) delete(id string) tea.Cmd {
	i, ok := h.byID[id]
	if !ok {
		return nil
	}
	sum := h.items[i].sum
	e := h.env
	return e.write(h, func() tea.Msg {
		err := e.db.DeleteSatker(id, e.user)
		return satkerDeletedMsg{sum.Satker.Name, len(sum.Evaluations), err}
	})
}

// taken tells the form whether a new id is already in use. It is called
// from the form's Update, on the program's goroutine.
func (h *homeScreen) taken(id string) bool {
	_, ok := h.byID[id]
	return ok
}

// saved is the form's report once the store has the satker: the list
// selects it after the reload that follows.
func (h *homeScreen) saved(s model.Satker, created bool) {
	h.want = s.ID
	if created {
		h.notice = "✓ Satker baru disimpan: " + s.Name
	} else {
		h.notice = "✓ Perubahan disimpan: " + s.Name
	}
	h.warn = false
	h.dirty = true
}

func (h *homeScreen) Help() keyHelp {
	k := h.keys
	switch {
	case h.ask != nil:
		return keyHelp{short: h.ask.Help()}
	case h.filter.Focused():
		s := []key.Binding{k.KeepFilter, k.DropFilter,
			key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "pilih"))}
		return keyHelp{short: s, full: [][]key.Binding{s}}
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.Filter, k.ClearFilter, k.New, k.Edit, k.Delete, k.Sort, k.Review, k.Dashboard, k.Quit}),
		full: [][]key.Binding{
			{k.Open, k.New, k.Edit, k.Delete, k.Review, k.Dashboard},
			{k.Filter, k.ClearFilter, k.SortName, k.SortScore, k.SortProgress, k.SortRegion},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
			{k.Quit},
		},
	}
}

func (h *homeScreen) View() string {
	if h.dirty {
		h.view = h.render()
		h.dirty = false
	}
	return h.view
}

// bottom is what sits under the table: the delete question or the last
// notice.
func (h *homeScreen) bottom() string {
	st := h.env.st
	switch {
	case h.ask != nil:
		return h.ask.View(st, h.width)
	case h.notice != "" && h.warn:
		return st.Error.Render(ansi.Truncate(h.notice, max(0, h.width), "…"))
	case h.notice != "":
		return st.Saved.Render(ansi.Truncate(h.notice, max(0, h.width), "…"))
	}
	return ""
}

func (h *homeScreen) render() string {
	if h.width <= 0 || h.height <= 0 {
		return ""
	}
	st := h.env.st
	w := h.width
	var b strings.Builder
	b.WriteString(st.Header.Render(h.headline()) + "\n")
	b.WriteString(h.filterLine() + "\n")
	switch {
	case h.loadErr != "":
		b.WriteString(st.Error.Render(ansi.Wrap("✗ Daftar satker tidak bisa dimuat: "+h.loadErr, w, "")))
	case !h.loaded:
		b.WriteString(st.Muted.Render("Memuat daftar satker…"))
	case len(h.items) == 0:
		b.WriteString(ansi.Wrap("Belum ada satker. Tekan n untuk menambah satker, atau jalankan `ziwb demo` untuk data contoh.", w, ""))
	case len(h.shown) == 0:
		b.WriteString(ansi.Wrap(fmt.Sprintf("Tidak ada satker yang cocok dengan “%s”. Tekan esc untuk menghapus saringan.",
			h.filter.Value()), w, ""))
	case h.tableH >= 2:
		b.WriteString(h.table.View())
	}
	if bottom := h.bottom(); bottom != "" {
		// The question stays at the foot of the screen, under the table.
		used := strings.Count(b.String(), "\n") + 1
		pad := max(0, h.height-used-lipgloss.Height(bottom))
		b.WriteString(strings.Repeat("\n", pad+1) + bottom)
	}
	return fit(b.String(), w, h.height)
}

func (h *homeScreen) headline() string {
	if !h.loaded {
		return "Satker"
	}
	count := thousands(len(h.items)) + " satker"
	if h.filter.Value() != "" {
		count = fmt.Sprintf("%s dari %s satker", thousands(len(h.shown)), thousands(len(h.items)))
	}
	dir := 0
	if h.reverse {
		dir = 1
	}
	return count + " · urut: " + sortNames[h.sortBy][dir]
}

func (h *homeScreen) filterLine() string {
	st := h.env.st
	switch {
	case h.filter.Focused():
		return h.filter.View()
	case h.filter.Value() != "":
		return st.Muted.Render(ansi.Truncate(fmt.Sprintf("Saringan: “%s” · / ubah · esc hapus", h.filter.Value()), max(0, h.width), "…"))
	}
	return ""
}

// thousands writes n with Indonesian digit grouping: 5.000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

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
// out gets width 0, which bubbles/table skips. Each column is followed by
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

// pickTable is a bubbles/table whose selected row starts with "›": bold
// and colour vanish under NO_COLOR, the glyph does not. The first column
// is an empty one-cell column that the selected-row style overwrites, so
// moving the cursor renders the rows once and touches no data.
type pickTable struct {
	table.Model
	env  *env
	rows []table.Row
}

func newPickTable(e *env, keys table.KeyMap, specs []colSpec) pickTable {
	t := table.New(table.WithColumns(columnsOf(specs, make([]int, len(specs)))), table.WithFocused(true),
		table.WithKeyMap(keys), table.WithHeight(2))
	p := pickTable{Model: t, env: e}
	p.restyle()
	return p
}

// restyle takes the workbench's current styles (they follow the
// terminal's background).
func (p *pickTable) restyle() {
	st := p.env.st
	p.SetStyles(table.Styles{
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

// show replaces the rows and selects row target (clamped), scrolled into
// view. The table renders only the rows around the cursor.
func (p *pickTable) show(rows []table.Row, target int) {
	p.rows = rows
	if len(rows) == 0 {
		p.SetRows(nil)
		return
	}
	// Reset the cursor and scroll offset on a one-row table (cheap), then
	// walk down to the target so the table scrolls it into view.
	p.SetRows(rows[:1])
	p.GotoTop()
	p.SetRows(rows)
	if target = min(max(0, target), len(rows)-1); target > 0 {
		p.MoveDown(target)
	}
}

// update passes a key to the table.
func (p *pickTable) update(msg tea.Msg) {
	p.Model, _ = p.Model.Update(msg)
}

// resize gives the table its size (header included) and keeps the
// selection in view.
func (p *pickTable) resize(width, height int) {
	p.restyle()
	p.SetWidth(max(0, width))
	// Below a header and one row the owner shows no table, but the
	// viewport must keep a positive height: a negative one panics in
	// bubbles/viewport once it scrolls.
	p.SetHeight(max(2, height))
	p.show(p.rows, p.Cursor())
}
