package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// reviewNow is the clock overdue is judged by and follow-ups are dated
// with; tests pin it.
var reviewNow = time.Now

type reviewKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, DetailUp, DetailDown key.Binding
	Filter, ClearFilter, Status, Priority, Area, Overdue          key.Binding
	Sort, SortDue, SortPriority, SortSatker                       key.Binding
	ChangeStatus, FollowUp, Edit, Walk, Drafts, Back              key.Binding
	KeepFilter, DropFilter                                        key.Binding
}

func newReviewKeys() reviewKeys {
	return reviewKeys{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		PageUp:       key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ halaman naik")),
		PageDown:     key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ halaman turun")),
		Top:          key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "paling atas")),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "paling bawah")),
		DetailUp:     key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup/K", "gulir rincian")),
		DetailDown:   key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn/J", "gulir rincian")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "saring")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan")),
		Status:       key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "saring status")),
		Priority:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "saring prioritas")),
		Area:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "saring area")),
		Overdue:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "hanya lewat tenggat")),
		Sort:         key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1–3", "urut")),
		SortDue:      key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "urut tenggat (lagi: balik)")),
		SortPriority: key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "urut prioritas (lagi: balik)")),
		SortSatker:   key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "urut satker (lagi: balik)")),
		ChangeStatus: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status")),
		FollowUp:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tindak lanjut")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "ubah")),
		Walk:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka pertanyaan")),
		Drafts:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "draf")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
		KeepFilter:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pakai saringan")),
		DropFilter:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "hapus saringan")),
	}
}

func (k reviewKeys) tableKeys() table.KeyMap {
	return table.KeyMap{LineUp: k.Up, LineDown: k.Down, HalfPageUp: k.PageUp, HalfPageDown: k.PageDown,
		GotoTop: k.Top, GotoBottom: k.Bottom}
}

// Columns of the recommendation table.
const (
	rcMark = iota
	rcSatker
	rcEval
	rcArea
	rcPriority
	rcStatus
	rcDue
	rcLast
	rcText
	rcCount
)

var (
	reviewColumns = []colSpec{
		rcMark:     {"", 1, 1, 0},
		rcSatker:   {"SATKER", 14, 40, 0},
		rcEval:     {"EVALUASI", 10, 17, 110},
		rcArea:     {"AREA", 16, 30, 0},
		rcPriority: {"PRIO", 6, 6, 0},
		rcStatus:   {"STATUS", 12, 12, 0},
		rcDue:      {"TENGGAT", 13, 13, 0},
		rcLast:     {"TL TERAKHIR", 11, 11, 0},
		rcText:     {"REKOMENDASI", 20, 200, 130},
	}
	reviewDrop = []int{rcText, rcEval, rcLast, rcArea}
	reviewGrow = []growStep{{rcSatker, 24}, {rcArea, 20}, {rcSatker, 34}, {rcArea, 26}, {rcEval, 17},
		{rcSatker, 40}, {rcArea, 30}, {rcText, 200}}
)

type reviewSort int

const (
	reviewByDue reviewSort = iota
	reviewByPriority
	reviewBySatker
)

var reviewSortNames = [...][2]string{
	reviewByDue:      {"tenggat terdekat", "tenggat terjauh"},
	reviewByPriority: {"prioritas tertinggi", "prioritas terendah"},
	reviewBySatker:   {"satker A–Z", "satker Z–A"},
}

// reviewScope is what the screen lists: everything (from home), one
// satker's recommendations of every round (from the chooser and the walk),
// or one evaluation's. draftsFor is the evaluation drafts are made from,
// when opened from its walk.
type reviewScope struct {
	satkerID, evalID, draftsFor string
}

// reviewItem is one recommendation with what the list needs precomputed,
// so a filter keystroke touches no store.
type reviewItem struct {
	rek     model.Rekomendasi
	satker  string // the satker's name
	eval    store.EvalSummary
	inst    *model.Instrument
	areaID  string
	area    string // the area's title
	node    string // the node's title, or the question's text
	hay     string // lower-case: what the text filter searches
	prio    int    // 0 tinggi … 2 rendah
	overdue bool
	row     table.Row
}

// reviewScreen lists recommendations with a detail pane, and changes
// their status, adds follow-ups and edits them.
type reviewScreen struct {
	env   *env
	scope reviewScope
	keys  reviewKeys

	loaded  bool
	loadErr string
	items   []reviewItem
	order   []int
	shown   []int
	rows    []table.Row
	areas   []string // area ids present, for the area filter, in instrument order
	titles  map[string]string

	sortBy   reviewSort
	reverse  bool
	filter   textinput.Model
	status   int // 0: every status, 1: open ones, then model.RekStatuses
	priority int // 0: every priority, then model.Priorities
	area     int // 0: every area, then areas
	overdue  bool

	steps []filterStep // the text filter's results as it was typed, for narrowing and backspace

	table  pickTable
	detail viewport.Model
	cards  map[string]*evalState // scorecards and answers by evaluation, read when first shown

	prompt   *statusPrompt
	editor   *rekEditor
	followUp *followUpForm
	notice   string
	warn     bool
	want     string // recommendation to select after the next load
	opening  bool
	saving   bool // a change is on its way to the store

	width, height int
	tableH        int
	cols          []int
	view          string
	dirty         bool
}

// evalState is what the detail pane shows of an evaluation now.
type evalState struct {
	sc      model.Scorecard
	answers map[string]model.Answer
	err     error
}

func newReview(e *env, scope reviewScope) *reviewScreen {
	k := newReviewKeys()
	f := newField("Saring: ", "satker, area, komponen atau teks", 80)
	r := &reviewScreen{env: e, scope: scope, keys: k, filter: f, dirty: true, cards: map[string]*evalState{},
		table: newPickTable(e, k.tableKeys(), reviewColumns), detail: viewport.New()}
	r.updateKeys()
	return r
}

// Messages of the review screen.
type (
	reviewLoadedMsg struct {
		items []reviewItem
		err   error
	}
	evalStateMsg struct {
		evalID string
		state  *evalState
	}
	rekSavedMsg struct {
		rek    model.Rekomendasi
		notice string
		err    error
	}
)

func (r *reviewScreen) Init() tea.Cmd { return r.load }

// load reads the recommendations of the scope with the names, summaries
// and instruments the list shows.
func (r *reviewScreen) load() tea.Msg {
	db := r.env.db
	reks, err := db.RekomendasiList(store.RekFilter{Satker: r.scope.satkerID, Evaluation: r.scope.evalID})
	if err != nil {
		return reviewLoadedMsg{err: err}
	}
	sums, err := db.SatkerSummaries()
	if err != nil {
		return reviewLoadedMsg{err: err}
	}
	names := map[string]string{}
	evals := map[string]store.EvalSummary{}
	for _, s := range sums {
		names[s.Satker.ID] = s.Satker.Name
		for _, e := range s.Evaluations {
			evals[e.ID] = e
		}
	}
	insts := map[string]*model.Instrument{} // by evaluation
	byHash := map[string]*model.Instrument{}
	today := model.Date(reviewNow())
	items := make([]reviewItem, 0, len(reks))
	for _, rk := range reks {
		in, ok := insts[rk.EvaluationID]
		if !ok {
			ev, err := db.Evaluation(rk.EvaluationID)
			if err != nil {
				return reviewLoadedMsg{err: err}
			}
			if in = byHash[ev.InstrumentHash]; in == nil {
				if in, err = db.Instrument(ev.InstrumentHash); err != nil {
					return reviewLoadedMsg{err: err}
				}
				byHash[ev.InstrumentHash] = in
			}
			insts[rk.EvaluationID] = in
		}
		items = append(items, newReviewItem(rk, names[rk.SatkerID], evals[rk.EvaluationID], in, today))
	}
	return reviewLoadedMsg{items: items}
}

func newReviewItem(rk model.Rekomendasi, satker string, ev store.EvalSummary, in *model.Instrument, today time.Time) reviewItem {
	it := reviewItem{rek: rk, satker: satker, eval: ev, inst: in, areaID: in.Area(rk.Node),
		prio: slices.Index(model.Priorities, rk.Priority), overdue: rk.Overdue(today)}
	it.area = nodeTitle(in, it.areaID)
	it.node = nodeTitle(in, rk.Node)
	it.hay = strings.ToLower(strings.Join([]string{satker, it.area, rk.Node, it.node, rk.Text, string(rk.Status),
		string(rk.Priority), rk.ID}, "\x00"))
	it.row = it.cells()
	return it
}

// cells are the item's plain table cells.
func (it *reviewItem) cells() table.Row {
	rk := it.rek
	due := "—"
	if !rk.Due.IsZero() {
		due = shortDate(rk.Due)
		if it.overdue {
			due = "! " + due
		}
	}
	last := "—"
	if n := len(rk.FollowUps); n > 0 {
		last = shortDate(rk.FollowUps[n-1].Date)
	}
	evalText := "—"
	if it.eval.ID != "" {
		evalText = fmt.Sprintf("%d %s", it.eval.Year, it.eval.Stage)
	}
	text, _, _ := strings.Cut(rk.Text, "\n")
	return table.Row{"", shortSatkerName(it.satker), evalText, it.area, string(rk.Priority), string(rk.Status), due, last, text}
}

// satkerAbbrev are the abbreviations Kemenag itself writes in lists.
var satkerAbbrev = strings.NewReplacer(
	"Kantor Kementerian Agama ", "Kankemenag ", "Kantor Kemenag ", "Kankemenag ",
	"Kantor Wilayah Kementerian Agama ", "Kanwil ", "Kanwil Kemenag ", "Kanwil ",
	"Kabupaten ", "Kab. ", "Provinsi ", "Prov. ", "Kecamatan ", "Kec. ")

// shortSatkerName fits a satker's name into a table cell: "Kankemenag
// Kab. Magelang" for "Kantor Kemenag Kabupaten Magelang".
func shortSatkerName(name string) string { return satkerAbbrev.Replace(name) }

// nodeTitle names a node or a question: its title, or the question's
// number and text; the id when the instrument lacks it.
func nodeTitle(in *model.Instrument, id string) string {
	if n, ok := in.Node(id); ok {
		return n.Title
	}
	if q, ok := in.Question(id); ok {
		return questionNumber(q) + " " + q.Text
	}
	return id
}

var bulanPendek = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

// shortDate writes a date the Indonesian way: 5 Nov 2026.
func shortDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), bulanPendek[t.Month()-1], t.Year())
}

func (r *reviewScreen) Title() string { return "Rekomendasi" }

func (r *reviewScreen) Capturing() bool {
	return r.filter.Focused() || r.prompt != nil || r.editor != nil || r.followUp != nil
}

func (r *reviewScreen) SetSize(width, height int) {
	if width != r.width {
		r.cols = layoutColumns(reviewColumns, reviewDrop, reviewGrow, width)
		r.table.SetColumns(columnsOf(reviewColumns, r.cols))
	}
	r.width, r.height = width, height
	r.filter.SetWidth(max(1, width-lipgloss.Width(r.filter.Prompt)-1))
	r.tableH = -1
	r.layout()
	r.dirty = true
}

// layout splits the body: the list above, the detail pane (or a form)
// below, the prompt or notice at the foot.
func (r *reviewScreen) layout() {
	foot := 1
	if f := r.foot(); f != "" {
		foot = lipgloss.Height(f)
	}
	avail := max(0, r.height-2-foot) // headline and filter line above
	th := max(3, (avail-1)*45/100)
	dh := max(1, avail-th-1) // the rule above the pane
	if th == r.tableH && dh == r.detail.Height() && r.width == r.detail.Width() {
		return
	}
	r.tableH = th
	r.table.resize(r.width, th)
	r.detail.SetWidth(r.width)
	r.detail.SetHeight(dh)
	if r.editor != nil {
		r.editor.setSize(r.width, dh)
	}
	if r.followUp != nil {
		r.followUp.setSize(r.width, dh)
	}
	r.fillDetail()
}

func (r *reviewScreen) setItems(items []reviewItem) {
	keep := r.want
	if keep == "" {
		if it := r.selected(); it != nil {
			keep = it.rek.ID
		}
	}
	r.want = ""
	r.items = items
	r.order = make([]int, len(items))
	seen := map[string]bool{}
	r.areas = r.areas[:0]
	r.titles = map[string]string{}
	for i := range items {
		r.order[i] = i
		if a := items[i].areaID; !seen[a] {
			seen[a] = true
			r.areas = append(r.areas, a)
			r.titles[a] = items[i].area
		}
	}
	// Areas in instrument order: mp before pp, whatever came first.
	if len(items) > 0 {
		pos := map[string]int{}
		for i, n := range items[0].inst.AllNodes() {
			pos[n.ID] = i
		}
		slices.SortStableFunc(r.areas, func(a, b string) int { return cmp.Compare(pos[a], pos[b]) })
	}
	if r.area > len(r.areas) {
		r.area = 0
	}
	r.sortItems()
	r.refilter(keep)
}

func (r *reviewScreen) sortItems() {
	r.steps = nil // cached results follow the order
	slices.SortStableFunc(r.order, func(x, y int) int {
		a, b := &r.items[x], &r.items[y]
		var c int
		switch r.sortBy {
		case reviewByPriority:
			c = cmp.Compare(a.prio, b.prio)
		case reviewBySatker:
			c = cmp.Compare(strings.ToLower(a.satker), strings.ToLower(b.satker))
		default:
			// No due date sorts after every date, in either direction.
			if a.rek.Due.IsZero() != b.rek.Due.IsZero() {
				if a.rek.Due.IsZero() {
					return 1
				}
				return -1
			}
			c = a.rek.Due.Compare(b.rek.Due)
		}
		if r.reverse {
			c = -c
		}
		if c == 0 {
			c = a.rek.Due.Compare(b.rek.Due)
		}
		if c == 0 {
			c = cmp.Compare(a.prio, b.prio)
		}
		if c == 0 {
			c = strings.Compare(a.rek.ID, b.rek.ID)
		}
		return c
	})
}

// keeps reports whether the key filters (status, priority, area,
// overdue) let it through.
func (r *reviewScreen) keeps(it *reviewItem) bool {
	switch {
	case r.status == 1 && !it.rek.IsOpen():
		return false
	case r.status > 1 && it.rek.Status != model.RekStatuses[r.status-2]:
		return false
	case r.priority > 0 && it.rek.Priority != model.Priorities[r.priority-1]:
		return false
	case r.area > 0 && it.areaID != r.areas[r.area-1]:
		return false
	case r.overdue && !it.overdue:
		return false
	}
	return true
}

// filterStep is the rows a filter text shows.
type filterStep struct {
	text  string
	shown []int
}

// refilter shows the items the filters let through, in the current order,
// and selects keep when it is among them. Typing one more character only
// narrows what the last text showed, and backspace goes back to a result
// already known, so a keystroke rarely scans the whole list.
func (r *reviewScreen) refilter(keep string) {
	text := strings.ToLower(r.filter.Value())
	for len(r.steps) > 0 && !strings.HasPrefix(text, r.steps[len(r.steps)-1].text) {
		r.steps = r.steps[:len(r.steps)-1]
	}
	var shown []int
	if n := len(r.steps); n > 0 && r.steps[n-1].text == text {
		shown = r.steps[n-1].shown
	} else {
		from := r.order
		if n > 0 {
			from = r.steps[n-1].shown // a longer text matches a subset
		}
		terms := strings.Fields(text)
		for _, i := range from {
			it := &r.items[i]
			if (n > 0 || r.keeps(it)) && matchesAll(it.hay, terms) {
				shown = append(shown, i)
			}
		}
		r.steps = append(r.steps, filterStep{text, shown})
	}
	r.shown = shown
	target := 0
	for pos, i := range shown {
		if r.items[i].rek.ID == keep {
			target = pos
			break
		}
	}
	r.rows = r.rows[:0]
	for _, i := range r.shown {
		r.rows = append(r.rows, r.items[i].row)
	}
	r.table.show(r.rows, target)
	r.selectionMoved()
}

func (r *reviewScreen) filtered() bool {
	return r.filter.Value() != "" || r.status != 0 || r.priority != 0 || r.area != 0 || r.overdue
}

func (r *reviewScreen) selected() *reviewItem {
	c := r.table.Cursor()
	if c < 0 || c >= len(r.shown) {
		return nil
	}
	return &r.items[r.shown[c]]
}

// selectionMoved refreshes the detail pane and keys for the new
// selection.
func (r *reviewScreen) selectionMoved() {
	r.detail.GotoTop()
	r.fillDetail()
	r.updateKeys()
}

// needState reads the selected recommendation's evaluation (scorecard and
// answers) the first time it is shown.
func (r *reviewScreen) needState() tea.Cmd {
	it := r.selected()
	if it == nil {
		return nil
	}
	id := it.rek.EvaluationID
	if _, ok := r.cards[id]; ok {
		return nil
	}
	r.cards[id] = nil // asked for; nil until it arrives
	db := r.env.db
	return func() tea.Msg {
		st := &evalState{}
		st.sc, _, st.err = db.Scorecard(id)
		if st.err == nil {
			st.answers, st.err = db.Answers(id)
		}
		return evalStateMsg{id, st}
	}
}

func (r *reviewScreen) updateKeys() {
	k := &r.keys
	sel := r.selected()
	busy := r.prompt != nil || r.editor != nil || r.followUp != nil
	k.ClearFilter.SetEnabled(r.filtered())
	k.Back.SetEnabled(!r.filtered())
	open := sel != nil && sel.rek.IsOpen()
	k.ChangeStatus.SetEnabled(!busy && sel != nil && len(sel.rek.Status.Moves()) > 0)
	k.FollowUp.SetEnabled(!busy && open)
	k.Edit.SetEnabled(!busy && open)
	k.Walk.SetEnabled(!busy && sel != nil)
	k.Drafts.SetEnabled(!busy && r.scope.draftsFor != "")
	for _, b := range []*key.Binding{&k.Filter, &k.Status, &k.Priority, &k.Area, &k.Overdue, &k.Sort,
		&k.SortDue, &k.SortPriority, &k.SortSatker} {
		b.SetEnabled(!busy && len(r.items) > 0)
	}
}

func (r *reviewScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case reviewLoadedMsg:
		if msg.err != nil {
			r.loadErr = errorText(msg.err)
		} else {
			r.loaded, r.loadErr = true, ""
			r.setItems(msg.items)
			cmd = r.needState()
		}
	case evalStateMsg:
		r.cards[msg.evalID] = msg.state
		r.fillDetail()
	case refreshMsg:
		// Back from the walk or the drafts: answers and recommendations
		// may have changed.
		r.opening = false
		r.cards = map[string]*evalState{}
		return r.load
	case rekSavedMsg:
		r.saved(msg)
		cmd = r.needState()
	case tea.KeyPressMsg:
		if r.opening || r.saving {
			return nil
		}
		r.notice = ""
		cmd = tea.Batch(r.handleKey(msg), r.needState())
	case tea.PasteMsg:
		switch {
		case r.opening || r.saving || !r.loaded:
			return nil
		case r.editor != nil || r.followUp != nil || r.prompt != nil:
			cmd = r.forward(msg)
		default:
			cmd = tea.Batch(pasteFilter(&r.filter, msg), r.needState())
			r.refilter("")
		}
	default:
		cmd = r.forward(msg)
	}
	r.updateKeys()
	r.layout()
	r.dirty = true
	return cmd
}

// forward hands other messages to the open field.
func (r *reviewScreen) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case r.editor != nil:
		cmd = r.editor.forward(msg)
	case r.followUp != nil:
		cmd = r.followUp.forward(msg)
	case r.prompt != nil && r.prompt.reason != nil:
		*r.prompt.reason, cmd = r.prompt.reason.Update(msg)
	case r.filter.Focused():
		r.filter, cmd = r.filter.Update(msg)
	}
	return cmd
}

func (r *reviewScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case r.prompt != nil:
		return r.promptKey(msg)
	case r.editor != nil:
		return r.editorKey(msg)
	case r.followUp != nil:
		return r.followUpKey(msg)
	case r.filter.Focused():
		return r.filterKey(msg)
	}
	k := r.keys
	switch {
	case key.Matches(msg, k.ClearFilter):
		r.filter.SetValue("")
		r.status, r.priority, r.area, r.overdue = 0, 0, 0, false
		r.steps = nil
		r.refilter(r.selectedID())
		return nil
	case key.Matches(msg, k.Back):
		return r.env.goBack()
	case !r.loaded:
		return nil
	case key.Matches(msg, k.Filter):
		r.filter.CursorEnd()
		return r.filter.Focus()
	case key.Matches(msg, k.Status):
		r.status = (r.status + 1) % (len(model.RekStatuses) + 2)
		r.steps = nil
		r.refilter(r.selectedID())
	case key.Matches(msg, k.Priority):
		r.priority = (r.priority + 1) % (len(model.Priorities) + 1)
		r.steps = nil
		r.refilter(r.selectedID())
	case key.Matches(msg, k.Area):
		r.area = (r.area + 1) % (len(r.areas) + 1)
		r.steps = nil
		r.refilter(r.selectedID())
	case key.Matches(msg, k.Overdue):
		r.overdue = !r.overdue
		r.steps = nil
		r.refilter(r.selectedID())
	case key.Matches(msg, k.SortDue):
		r.sortOn(reviewByDue)
	case key.Matches(msg, k.SortPriority):
		r.sortOn(reviewByPriority)
	case key.Matches(msg, k.SortSatker):
		r.sortOn(reviewBySatker)
	case key.Matches(msg, k.DetailDown):
		r.detail.HalfPageDown()
	case key.Matches(msg, k.DetailUp):
		r.detail.HalfPageUp()
	case key.Matches(msg, k.ChangeStatus):
		r.prompt = newStatusPrompt(r.selected().rek)
	case key.Matches(msg, k.FollowUp):
		r.followUp = newFollowUpForm(r.selected().rek, reviewNow())
		r.followUp.setSize(r.detail.Width(), r.detail.Height())
		return r.followUp.focusField(0)
	case key.Matches(msg, k.Edit):
		r.editor = newRekEditor(r.selected().rek)
		r.editor.setSize(r.detail.Width(), r.detail.Height())
		return r.editor.focusField(0)
	case key.Matches(msg, k.Walk):
		it := r.selected()
		r.opening = true
		return r.env.open(newWalkAt(r.env, it.rek.EvaluationID, it.rek.Node))
	case key.Matches(msg, k.Drafts):
		r.opening = true
		return r.env.open(newDrafts(r.env, r.scope.draftsFor))
	default:
		before := r.table.Cursor()
		r.table.update(msg)
		if r.table.Cursor() != before {
			r.selectionMoved()
		}
	}
	return nil
}

func (r *reviewScreen) selectedID() string {
	if it := r.selected(); it != nil {
		return it.rek.ID
	}
	return ""
}

func (r *reviewScreen) sortOn(s reviewSort) {
	if r.sortBy == s {
		r.reverse = !r.reverse
	} else {
		r.sortBy, r.reverse = s, false
	}
	r.sortItems()
	r.refilter("")
}

func (r *reviewScreen) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	change, cmd := editFilter(&r.filter, msg, func(bool) {
		r.table.update(msg)
		r.selectionMoved()
	})
	switch change {
	case filterTyped:
		r.refilter("")
	case filterDropped:
		r.refilter(r.selectedID())
	}
	return cmd
}

// promptKey answers the status question: a number picks the status;
// ditolak asks for the reason first.
func (r *reviewScreen) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := r.prompt
	if p.reason != nil {
		switch msg.Code {
		case tea.KeyEscape:
			r.prompt = nil
		case tea.KeyEnter:
			reason := strings.TrimSpace(p.reason.Value())
			if reason == "" {
				p.problem = "Alasan wajib diisi bila rekomendasi ditolak."
				return nil
			}
			r.prompt = nil
			return r.setStatus(p.rek, model.RekDitolak, reason)
		default:
			var cmd tea.Cmd
			*p.reason, cmd = p.reason.Update(msg)
			return cmd
		}
		return nil
	}
	if msg.Code == tea.KeyEscape {
		r.prompt = nil
		return nil
	}
	r1, ok := typedRune(msg)
	if !ok {
		return nil
	}
	n := int(r1 - '1')
	if n < 0 || n >= len(p.moves) {
		p.problem = fmt.Sprintf("Pilih 1–%d, atau esc untuk batal.", len(p.moves))
		return nil
	}
	to := p.moves[n]
	if to == model.RekDitolak {
		in := newField("Alasan ditolak: ", "", 500)
		in.SetWidth(max(10, r.width-lipgloss.Width(in.Prompt)-2))
		p.reason, p.problem = &in, ""
		return in.Focus()
	}
	r.prompt = nil
	return r.setStatus(p.rek, to, "")
}

func (r *reviewScreen) setStatus(rk model.Rekomendasi, to model.RekStatus, reason string) tea.Cmd {
	r.saving = true
	e := r.env
	from := rk.Status
	return e.write(r, func() tea.Msg {
		saved, err := e.db.SetRekStatus(rk.ID, to, reason, e.user)
		return rekSavedMsg{saved, fmt.Sprintf("✓ Status %s diubah: %s → %s", shortRekID(rk), from, to), err}
	})
}

// The forms stay open until the store has answered, so a refusal is
// shown beside what was typed and nothing typed is lost; keys wait
// meanwhile (saving).

func (r *reviewScreen) editorKey(msg tea.KeyPressMsg) tea.Cmd {
	rk, done, ok, cmd := r.editor.submit(msg)
	switch {
	case !done:
		return cmd
	case !ok:
		r.editor = nil
		return nil
	}
	r.saving = true
	e := r.env
	return e.write(r, func() tea.Msg {
		saved, err := e.db.UpdateRekomendasi(rk, e.user)
		return rekSavedMsg{saved, "✓ Rekomendasi " + shortRekID(rk) + " disimpan", err}
	})
}

func (r *reviewScreen) followUpKey(msg tea.KeyPressMsg) tea.Cmd {
	done, save, cmd := r.followUp.key(msg)
	if !done {
		return cmd
	}
	f := r.followUp
	if !save {
		r.followUp = nil
		return nil
	}
	tl, err := f.value(r.env.user)
	if err != nil {
		f.problem = errorText(err)
		return nil
	}
	r.saving = true
	rk := f.rek
	e := r.env
	return e.write(r, func() tea.Msg {
		saved, err := e.db.AddTindakLanjut(rk.ID, tl, e.user)
		return rekSavedMsg{saved, "✓ Tindak lanjut " + shortRekID(rk) + " disimpan", err}
	})
}

// saved puts a recommendation the store has just committed back in the
// list; only then does the screen say saved.
func (r *reviewScreen) saved(msg rekSavedMsg) {
	r.saving = false
	if msg.err != nil {
		problem := "Tidak tersimpan: " + errorText(msg.err)
		switch {
		case r.editor != nil:
			r.editor.problem = problem
		case r.followUp != nil:
			r.followUp.problem = problem
		default:
			r.notice, r.warn = "✗ "+problem, true
		}
		return
	}
	r.editor, r.followUp = nil, nil
	r.notice, r.warn = msg.notice, false
	for i := range r.items {
		if r.items[i].rek.ID == msg.rek.ID {
			it := &r.items[i]
			*it = newReviewItem(msg.rek, it.satker, it.eval, it.inst, model.Date(reviewNow()))
			break
		}
	}
	// The row may now sort or filter elsewhere; it stays selected while
	// the filters still show it.
	r.sortItems()
	r.refilter(msg.rek.ID)
}

// shortRekID is the recommendation's number within its evaluation: r3.
func shortRekID(rk model.Rekomendasi) string {
	if i := strings.LastIndex(rk.ID, "/"); i >= 0 {
		return rk.ID[i+1:]
	}
	return rk.ID
}

func (r *reviewScreen) Help() keyHelp {
	k := r.keys
	switch {
	case r.prompt != nil && r.prompt.reason != nil:
		return keyHelp{short: []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "simpan")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "batal"))}}
	case r.prompt != nil:
		return keyHelp{short: []key.Binding{key.NewBinding(key.WithKeys("1"), key.WithHelp(fmt.Sprintf("1–%d", len(r.prompt.moves)), "pilih status")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "batal"))}}
	case r.editor != nil:
		return keyHelp{short: r.editor.help()}
	case r.followUp != nil:
		return keyHelp{short: r.followUp.help()}
	case r.filter.Focused():
		s := []key.Binding{k.KeepFilter, k.DropFilter, key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "pilih"))}
		return keyHelp{short: s, full: [][]key.Binding{s}}
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Walk, k.ChangeStatus, k.FollowUp, k.Drafts, k.ClearFilter, k.Back}),
		full: [][]key.Binding{
			{k.Walk, k.ChangeStatus, k.FollowUp, k.Edit, k.Drafts},
			{k.Filter, k.Status, k.Priority, k.Area, k.Overdue, k.ClearFilter},
			{k.SortDue, k.SortPriority, k.SortSatker},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.DetailUp, k.DetailDown},
		},
	}
}

// statusPrompt asks which status a recommendation moves to.
type statusPrompt struct {
	rek     model.Rekomendasi
	moves   []model.RekStatus
	reason  *textinput.Model // asked once ditolak is chosen
	problem string
}

func newStatusPrompt(rk model.Rekomendasi) *statusPrompt {
	return &statusPrompt{rek: rk, moves: rk.Status.Moves()}
}

func (p *statusPrompt) View(st styles, width int) string {
	if p.reason != nil {
		line := p.reason.View()
		if p.problem != "" {
			line += "\n" + st.Error.Render(p.problem)
		}
		return line
	}
	opts := make([]string, len(p.moves))
	for i, m := range p.moves {
		opts[i] = fmt.Sprintf("%s %s", st.Key.Render(fmt.Sprint(i+1)), m)
	}
	text := fmt.Sprintf("Ubah status %s (%s) ke: %s · esc batal", shortRekID(p.rek), p.rek.Status, strings.Join(opts, " · "))
	if p.problem != "" {
		text += "\n" + st.Error.Render(p.problem)
	}
	return st.Warn.Render(ansi.Wrap(text, width, ""))
}
