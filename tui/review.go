package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// reviewNow is the clock overdue is judged by and follow-ups are dated
// with; tests pin it.
var reviewNow = time.Now

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

// The review's sorts (sortState.by).
const (
	reviewByDue = iota
	reviewByPriority
	reviewBySatker
)

var reviewSortNames = [...][2]string{
	reviewByDue:      {"tenggat terdekat", "tenggat terjauh"},
	reviewByPriority: {"prioritas tertinggi", "prioritas terendah"},
	reviewBySatker:   {"satker A–Z", "satker Z–A"},
}

// reviewKey opens the recommendations from home, the chooser and the
// walk.
func reviewKey() key.Binding {
	return key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rekomendasi"))
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
	listBase
	scope reviewScope
	keys  reviewKeys

	items  []reviewItem
	facets []reviewFacet // beside items, for the key filters
	order  []int
	shown  []int
	rows   []table.Row
	areas  []string // area ids present, for the area filter, in instrument order
	titles map[string]string

	sort     sortState
	filter   listFilter
	status   int // 0: every status, 1: open ones, then model.RekStatuses
	priority int // 0: every priority, then model.Priorities
	area     int // 0: every area, then areas
	overdue  bool
	evalSt   int // 0: every evaluation status, then model.Statuses

	steps filterSteps // the text filter's results as it was typed

	listPanes
	cards map[string]*evalState // scorecards and answers by evaluation, read when first shown

	prompt   *statusPrompt
	editor   *rekEditor
	followUp *followUpForm
	saving   bool // a change is on its way to the store

	cols []int
}

// evalState is what the detail pane shows of an evaluation now.
type evalState struct {
	sc      model.Scorecard
	answers map[string]model.Answer
	err     error
}

func newReview(e *env, scope reviewScope) *reviewScreen {
	k := newReviewKeys()
	r := &reviewScreen{listBase: newListBase(e), scope: scope, keys: k, filter: newListFilter("satker, area, komponen atau teks"),
		cards: map[string]*evalState{}, listPanes: newListPanes(e, k.nav, reviewColumns)}
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

func (r *reviewScreen) Title() string { return "Rekomendasi" }

func (r *reviewScreen) Capturing() bool {
	return r.filter.Focused() || r.prompt != nil || r.editor != nil || r.followUp != nil
}

func (r *reviewScreen) SetSize(width, height int) {
	if width != r.width {
		r.cols = r.table.fitColumns(reviewColumns, reviewDrop, reviewGrow, width)
	}
	r.width, r.height = width, height
	r.filter.fit(width)
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
	if !r.split(r.width, th, dh) {
		return
	}
	if r.editor != nil {
		r.editor.setSize(r.width, dh)
	}
	if r.followUp != nil {
		r.followUp.setSize(r.width, dh)
	}
	if r.prompt != nil && r.prompt.reason != nil {
		in := r.prompt.reason
		fitField(in, max(10, r.width-lipgloss.Width(in.Prompt)-2))
	}
	r.fillDetail()
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
	for _, b := range []*key.Binding{&k.Filter, &k.Status, &k.EvalStatus, &k.Priority, &k.Area, &k.Overdue} {
		b.SetEnabled(!busy && len(r.items) > 0)
	}
	k.Sort.setEnabled(!busy && len(r.items) > 0)
}

func (r *reviewScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case reviewLoadedMsg:
		if r.loadDone(msg.err) {
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
			cmd = tea.Batch(r.filter.paste(msg), r.needState())
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
		var changed bool
		if changed, cmd = r.filter.forward(msg); changed {
			r.refilter("")
		}
	}
	return cmd
}

func (r *reviewScreen) selectedID() string {
	if it := r.selected(); it != nil {
		return it.rek.ID
	}
	return ""
}

func (r *reviewScreen) sortOn(s int) {
	r.sort.on(s)
	r.sortItems()
	r.refilter("")
}
