package tui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The gap screen is the conversation evaluators have on site: the
// satker's own answers (PMPZI) against theirs (TPI), question by question,
// the largest difference in points first, with both sides' notes.

// gapKeys is the gap screen's key map and its help. pgup and pgdown
// scroll the detail pane.
type gapKeys struct {
	nav                                 navKeys
	DetailUp, DetailDown                key.Binding
	All, SortGap, SortOrder, Walk, Back key.Binding
}

func newGapKeys() gapKeys {
	up, down := detailScrollKeys()
	return gapKeys{
		nav:        listNavKeys().withoutPages(),
		DetailUp:   up,
		DetailDown: down,
		All:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "semua pertanyaan")),
		SortGap:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "urut selisih terbesar")),
		SortOrder:  key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "urut instrumen")),
		Walk:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka di evaluasi")),
		Back:       backKey(),
	}
}

// Columns of the question table.
const (
	gcMark = iota
	gcNumber
	gcArea
	gcSelf
	gcEval
	gcGap
	gcText
	gcCount
)

var (
	gapColumns = []colSpec{
		gcMark:   {"", 1, 1, 0},
		gcNumber: {"NO", 6, 14, 0},
		gcArea:   {"AREA", 6, 6, 0},
		gcSelf:   {"PMPZI", 5, 6, 0},
		gcEval:   {"TPI", 5, 7, 0}, // the evaluators' stage, set per screen
		gcGap:    {"SELISIH", 7, 7, 0},
		gcText:   {"PERTANYAAN", 12, 200, 66},
	}
	gapDrop = []int{gcText, gcArea}
	gapGrow = []growStep{{gcNumber, 8}, {gcEval, 7}, {gcSelf, 6}, {gcText, 200}}
)

// gapScreen lists a satker's questions where its PMPZI and the TPI
// differ, with the detail of the selected one below.
type gapScreen struct {
	listBase // one page: loaded stays true on a failed load (pageDone)
	satkerID string
	year     int
	keys     gapKeys

	gap     store.Gap
	rows    []table.Row    // one per gap.Report.Questions
	walkPos map[string]int // question id → position in walking order
	differ  int            // questions answered differently

	all     bool // every answered question, not only differing ones
	byOrder bool // instrument order instead of the largest gap first
	shown   []int

	specs []colSpec
	listPanes
}

var _ screen = (*gapScreen)(nil)

type gapLoadedMsg struct {
	gap store.Gap
	err error
}

// newGap compares a satker's PMPZI with its TPI (or TPI-lapangan) of one
// year; year 0 takes the latest year that has both.
func newGap(e *env, satkerID string, year int) *gapScreen {
	k := newGapKeys()
	specs := slices.Clone(gapColumns)
	g := &gapScreen{listBase: newListBase(e), satkerID: satkerID, year: year, keys: k, specs: specs,
		listPanes: newListPanes(e, k.nav, specs)}
	g.updateKeys()
	return g
}

func (g *gapScreen) Init() tea.Cmd { return g.load }

func (g *gapScreen) load() tea.Msg {
	gap, err := g.env.db.AnswerGap(g.satkerID, g.year, "")
	return gapLoadedMsg{gap, err}
}

func (g *gapScreen) Title() string {
	if g.gap.Eval.Stage == "" {
		return "PMPZI vs TPI"
	}
	return "PMPZI vs " + string(g.gap.Eval.Stage)
}

func (g *gapScreen) Capturing() bool { return false }

func (g *gapScreen) SetSize(width, height int) {
	if width != g.width {
		g.table.fitColumns(g.specs, gapDrop, gapGrow, width)
	}
	g.width, g.height = width, height
	g.tableH = -1
	g.layout()
	g.dirty = true
}

// layout splits the body: totals and areas on top, the list, a rule and
// the detail pane below.
func (g *gapScreen) layout() {
	top := 2 + lipgloss.Height(g.areaBlock())
	avail := max(0, g.height-top)
	th := max(3, (avail-1)*45/100)
	dh := max(1, avail-th-1)
	if g.split(g.width, th, dh) {
		g.fillDetail()
	}
}

func (g *gapScreen) setGap(gap store.Gap) {
	keep := g.keep(g.selectedID())
	g.gap = gap
	in := gap.Instrument
	g.walkPos = make(map[string]int, len(in.Questions()))
	for i, q := range in.Questions() {
		g.walkPos[q.ID] = i
	}
	stage := string(gap.Eval.Stage)
	if gap.Eval.Stage == model.StageTPILapangan {
		stage = "TPI-lap" // the column is 7 cells at most
	}
	if stage != g.specs[gcEval].title {
		g.specs[gcEval].title = stage
		g.table.fitColumns(g.specs, gapDrop, gapGrow, g.width)
	}
	g.differ = 0
	g.rows = make([]table.Row, len(gap.Report.Questions))
	for i, qg := range gap.Report.Questions {
		if gapDiffers(qg) {
			g.differ++
		}
		number, text := qg.Question, ""
		if q, ok := in.Question(qg.Question); ok {
			number, text = q.Number(), strings.Join(strings.Fields(q.Text), " ")
			text = strings.TrimSpace(strings.TrimPrefix(text, number))
		}
		g.rows[i] = table.Row{"", number, gapAreaCode(qg.Area), gapAnswer(in, qg.Question, qg.Self.Value),
			gapAnswer(in, qg.Question, qg.Eval.Value), fmt.Sprintf("%7s", format.SignedPoints(qg.Gap)), text}
	}
	g.refilter(keep)
}

// gapDiffers is whether a question belongs in the default list: the sides
// answered differently, or their answers make different points.
func gapDiffers(q model.QuestionGap) bool {
	return q.Differs() || q.Gap >= 0.00005 || q.Gap <= -0.00005
}

// refilter shows the questions the mode lets through, in the chosen
// order, and selects keep when it is among them.
func (g *gapScreen) refilter(keep string) {
	qs := g.gap.Report.Questions
	g.shown = g.shown[:0]
	for i, qg := range qs {
		if g.all || gapDiffers(qg) {
			g.shown = append(g.shown, i)
		}
	}
	if g.byOrder {
		slices.SortStableFunc(g.shown, func(a, b int) int {
			return cmp.Compare(g.walkPos[qs[a].Question], g.walkPos[qs[b].Question])
		})
	}
	rows := make([]table.Row, len(g.shown))
	for pos, i := range g.shown {
		rows[pos] = g.rows[i]
	}
	g.table.show(rows, keepAt(g.shown, func(i int) string { return qs[i].Question }, keep, 0))
	g.detail.GotoTop()
	g.fillDetail()
	g.updateKeys()
}

func (g *gapScreen) selected() *model.QuestionGap {
	c := g.table.Cursor()
	if !g.loaded || c < 0 || c >= len(g.shown) {
		return nil
	}
	return &g.gap.Report.Questions[g.shown[c]]
}

func (g *gapScreen) selectedID() string {
	if q := g.selected(); q != nil {
		return q.Question
	}
	return ""
}

func (g *gapScreen) updateKeys() {
	k := &g.keys
	ok := g.showing()
	k.nav.setEnabled(ok)
	for _, b := range []*key.Binding{&k.DetailUp, &k.DetailDown, &k.All, &k.SortGap, &k.SortOrder} {
		b.SetEnabled(ok)
	}
	k.Walk.SetEnabled(ok && g.selected() != nil)
	k.SortGap.SetEnabled(ok && g.byOrder)
	k.SortOrder.SetEnabled(ok && !g.byOrder)
	if g.all {
		k.All.SetHelp("a", "hanya yang berbeda")
	} else {
		k.All.SetHelp("a", "semua pertanyaan")
	}
}

func (g *gapScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case gapLoadedMsg:
		if g.pageDone(msg.err, gapLoadError) {
			g.setGap(msg.gap)
		}
	case refreshMsg:
		// Back from the walk: the evaluators may have changed an answer.
		g.want = g.selectedID()
		return g.load
	case tea.KeyPressMsg:
		cmd = g.handleKey(msg)
	default:
		return nil
	}
	g.updateKeys()
	g.layout()
	g.dirty = true
	return cmd
}

func (g *gapScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	switch {
	case key.Matches(msg, k.Back):
		return g.env.goBack()
	case !g.showing():
		return nil
	case key.Matches(msg, k.All):
		g.all = !g.all
		g.refilter(g.selectedID())
	case key.Matches(msg, k.SortGap):
		g.byOrder = false
		g.refilter(g.selectedID())
	case key.Matches(msg, k.SortOrder):
		g.byOrder = true
		g.refilter(g.selectedID())
	case key.Matches(msg, k.DetailDown):
		g.detail.HalfPageDown()
	case key.Matches(msg, k.DetailUp):
		g.detail.HalfPageUp()
	case key.Matches(msg, k.Walk):
		if q := g.selected(); q != nil {
			return g.env.open(newWalkAt(g.env, g.gap.Eval.ID, q.Question))
		}
	default:
		before := g.table.Cursor()
		g.table.update(msg)
		if g.table.Cursor() != before {
			g.detail.GotoTop()
			g.fillDetail()
		}
	}
	return nil
}

// gapLoadError says why there is nothing to compare. A missing round's
// error already names what the satker has.
func gapLoadError(err error) string {
	if errors.Is(err, store.ErrNotFound) {
		return err.Error()
	}
	return errorText(err)
}
