package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Columns of the evaluation table.
const (
	ccMark = iota
	ccYear
	ccStage
	ccStatus
	ccProgress
	ccScore
	ccResult
	ccVerdict
	ccInstrument
	ccCount
)

var (
	chooserColumns = []colSpec{
		ccMark:       {"", 1, 1, 0},
		ccYear:       {"TAHUN", 5, 5, 0},
		ccStage:      {"TAHAP", 12, 12, 0},
		ccStatus:     {"STATUS", 6, 8, 0}, // "diajukan"
		ccProgress:   {"PROGRES", 7, 30, 0},
		ccScore:      {"NILAI", 6, 6, 0},
		ccResult:     {"HASIL", 5, 6, 66},
		ccVerdict:    {"CAPAIAN", 7, 8, 0},
		ccInstrument: {"INSTRUMEN", 11, 16, 78},
	}
	chooserDrop = []int{ccInstrument, ccResult, ccStatus}
	chooserGrow = []growStep{{ccStatus, 8}, {ccProgress, 16}, {ccVerdict, 8}, {ccResult, 6}, {ccInstrument, 16}, {ccProgress, 30}}
)

// chooserScreen lists one satker's evaluations, newest first, and starts
// new ones.
type chooserScreen struct {
	listBase
	satkerID string
	keys     chooserKeys

	satker model.Satker
	evals  []model.Evaluation // newest first
	sums   map[string]store.EvalSummary
	rows   []table.Row
	table  listTable
	form   *evalForm
	team   *lineEdit // the selected evaluation's team being changed
	export exportMenu
	marked sideMarks // for the side-by-side comparison
	cols   []int
}

func newChooser(e *env, satkerID string) *chooserScreen {
	k := newChooserKeys()
	c := &chooserScreen{listBase: newListBase(e), satkerID: satkerID, keys: k,
		table: newListTable(e, k.nav, chooserColumns), export: exportMenu{env: e}}
	c.updateKeys()
	return c
}

// Messages of the chooser.
type (
	chooserLoadedMsg struct {
		satker model.Satker
		evals  []model.Evaluation
		sums   map[string]store.EvalSummary
		err    error
	}
	evalCreatedMsg struct {
		id     string
		copied int
		err    error
	}
)

func (c *chooserScreen) Init() tea.Cmd { return c.load }

func (c *chooserScreen) load() tea.Msg {
	db := c.env.db
	sk, err := db.Satker(c.satkerID)
	if err != nil {
		return chooserLoadedMsg{err: err}
	}
	evals, err := db.Evaluations(c.satkerID)
	if err != nil {
		return chooserLoadedMsg{err: err}
	}
	sums, err := evalSummaries(db, c.satkerID)
	if err != nil {
		return chooserLoadedMsg{err: err}
	}
	return chooserLoadedMsg{satker: sk, evals: evals, sums: sums}
}

// evalSummaries reads the progress and scores of one satker's evaluations.
func evalSummaries(db *store.DB, satkerID string) (map[string]store.EvalSummary, error) {
	s, err := db.SatkerSummary(satkerID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil // the satker was removed meanwhile: the chooser's load says so
	}
	if err != nil {
		return nil, err
	}
	out := map[string]store.EvalSummary{}
	for _, e := range s.Evaluations {
		out[e.ID] = e
	}
	return out, nil
}

func (c *chooserScreen) Title() string {
	if !c.loaded {
		return "Evaluasi"
	}
	return c.satker.Name
}

func (c *chooserScreen) Capturing() bool {
	return c.team != nil || c.export.isOpen() || c.form != nil && c.form.typing()
}

func (c *chooserScreen) SetSize(width, height int) {
	if width != c.width {
		c.cols = c.table.fitColumns(chooserColumns, chooserDrop, chooserGrow, width)
		c.width = width
		c.fillRows()
	}
	c.width, c.height = width, height
	c.table.resize(width, c.tableHeight())
	if c.form != nil {
		c.form.sizeTeam(width)
	}
	if c.team != nil {
		fitField(&c.team.field, max(10, width-8))
	}
	c.dirty = true
}

// The table sits under three header lines and above one notice line.
func (c *chooserScreen) tableHeight() int { return max(0, c.height-4) }

// stageRank orders stages within a year.
func stageRank(s model.Stage) int { return slices.Index(model.Stages, s) }

func (c *chooserScreen) setData(msg chooserLoadedMsg) {
	cur := ""
	if sel := c.selected(); sel != nil {
		cur = sel.ID
	}
	keep := c.keep(cur)
	c.satker, c.sums = msg.satker, msg.sums
	c.evals = slices.Clone(msg.evals)
	slices.SortFunc(c.evals, func(a, b model.Evaluation) int {
		if a.Year != b.Year {
			return b.Year - a.Year
		}
		return stageRank(b.Stage) - stageRank(a.Stage)
	})
	c.fillRows()
	c.table.show(c.rows, keepAt(c.evals, func(e model.Evaluation) string { return e.ID }, keep, 0))
	c.updateKeys()
}

// fillRows makes the table's plain cells; progress depends on the width.
func (c *chooserScreen) fillRows() {
	if len(c.cols) == 0 {
		return
	}
	bars := barSet(c.env.st, barWidth(c.cols[ccProgress]))
	c.rows = make([]table.Row, len(c.evals))
	for i, e := range c.evals {
		sum, ok := c.sums[e.ID]
		progress, score, result, verdict := "—", "—", "—", "—"
		if ok {
			progress = progressCell(bars, &sum)
			score = model.Points(sum.Total)
			if sum.Result != "" {
				result = sum.Result
			}
			verdict = verdictText(c.satker.Target, sum.Result)
		}
		year := strconv.Itoa(e.Year)
		if slices.Contains(c.marked, e.ID) {
			year += "+" // marked for comparison
		}
		c.rows[i] = table.Row{"", year, string(e.Stage), string(e.Status), progress, score, result, verdict, e.InstrumentID}
	}
	c.table.show(c.rows, c.table.Cursor())
}

func (c *chooserScreen) selected() *model.Evaluation {
	i := c.table.Cursor()
	if i < 0 || i >= len(c.evals) {
		return nil
	}
	return &c.evals[i]
}

func (c *chooserScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case chooserLoadedMsg:
		if c.loadDone(msg.err) {
			c.setData(msg)
		}
	case refreshMsg:
		c.opening = false
		return c.load
	case evalCreatedMsg:
		cmd = c.created(msg)
	case teamSetMsg:
		cmd = c.teamSet(msg)
	case exportedMsg:
		c.say(msg.notice())
	case tea.KeyPressMsg:
		if c.opening {
			return nil // keys typed before the walk arrives are not the list's
		}
		c.notice = ""
		if c.export.isOpen() {
			cmd = c.export.key(msg)
		} else if c.team != nil {
			cmd = c.teamKey(msg)
		} else if c.form != nil {
			cmd = c.formKey(msg)
		} else {
			cmd = c.listKey(msg)
		}
	default:
		if c.form == nil || !c.form.typing() {
			return nil
		}
		*c.form.field(), cmd = c.form.field().Update(msg) // a paste, a cursor
		c.validateForm()
	}
	c.updateKeys()
	c.dirty = true
	return cmd
}

// toggleMark marks an evaluation for the side-by-side comparison (the
// same satker across years and stages), or unmarks it.
func (c *chooserScreen) toggleMark(id string) {
	if _, full := c.marked.toggle(id); full {
		c.say(fmt.Sprintf("Paling banyak %d evaluasi dibandingkan.", model.MaxSideBySide), true)
		return
	}
	if len(c.marked) >= 2 {
		c.say(fmt.Sprintf("%d evaluasi ditandai · c bandingkan", len(c.marked)), false)
	}
	c.fillRows()
}

func (c *chooserScreen) View() string { return c.memo(c.render) }

func (c *chooserScreen) render() string {
	st := c.env.st
	w := c.width
	if line, waiting := c.loadLine(loadText{"✗ Evaluasi satker tidak bisa dimuat: ", "Memuat evaluasi…"}); waiting {
		return fit(line, w, c.height)
	}
	sk := c.satker
	var b strings.Builder
	b.WriteString(st.Header.Render(sk.Name) + "\n")
	// The target first: it is what a narrow screen must not cut.
	b.WriteString(st.Muted.Render(ansi.Truncate(fmt.Sprintf("target %s · %s · %s", sk.Target, sk.Kind, regionText(sk)), w, "…")) + "\n\n")
	switch {
	case c.form != nil:
		b.WriteString(c.formView())
	case len(c.evals) == 0:
		b.WriteString(ansi.Wrap("Belum ada evaluasi untuk satker ini. Tekan n untuk memulai evaluasi baru.", w, ""))
	case c.tableHeight() >= 2:
		b.WriteString(c.table.View())
	}
	if foot := c.foot(); foot != "" { // the foot takes the table's end
		room := max(1, c.height-strings.Count(foot, "\n")-1)
		return fit(shape(b.String(), w, room, true, false)+"\n"+foot, w, c.height)
	}
	return fit(b.String(), w, c.height)
}

// foot is the team field and its problem, or the export menu, at the
// bottom of the screen over the table's end; "" for neither.
func (c *chooserScreen) foot() string {
	switch {
	case c.team != nil:
		return c.teamView()
	case c.export.isOpen():
		return c.export.view(c.width)
	}
	return c.noticeBlock(3)
}
