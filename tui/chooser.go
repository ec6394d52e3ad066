package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// chooserNow is the clock the new-evaluation form takes its default year
// from; tests pin it.
var chooserNow = time.Now

type chooserKeys struct {
	Up, Down, Top, Bottom, Open, New, Review, Back key.Binding
	Mark, Compare                                  key.Binding
	// the new-evaluation form
	Next, Prev, Left, Right, Submit, Save, Cancel key.Binding
}

func newChooserKeys() chooserKeys {
	return chooserKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		Top:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "paling atas")),
		Bottom:  key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "paling bawah")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka")),
		New:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "evaluasi baru")),
		Review:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rekomendasi")),
		Mark:    key.NewBinding(key.WithKeys("space"), key.WithHelp("spasi", "tandai")),
		Compare: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "bandingkan yang ditandai")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
		Next:    key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "kolom berikut")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "kolom sebelum")),
		Left:    key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "pilihan sebelum")),
		Right:   key.NewBinding(key.WithKeys("right", "space"), key.WithHelp("→/spasi", "pilihan berikut")),
		Submit:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "kolom berikut / buat")),
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "buat")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "batal")),
	}
}

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
		ccStatus:     {"STATUS", 6, 6, 0},
		ccProgress:   {"PROGRES", 7, 30, 0},
		ccScore:      {"NILAI", 6, 6, 0},
		ccResult:     {"HASIL", 5, 6, 66},
		ccVerdict:    {"CAPAIAN", 7, 8, 0},
		ccInstrument: {"INSTRUMEN", 11, 16, 78},
	}
	chooserDrop = []int{ccInstrument, ccResult, ccStatus}
	chooserGrow = []growStep{{ccProgress, 16}, {ccVerdict, 8}, {ccResult, 6}, {ccInstrument, 16}, {ccProgress, 30}}
)

// Fields of the new-evaluation form.
const (
	efYear = iota
	efStage
	efInstrument
	efPrefill // offered only when there is a PMPZI to start from
	efCount
)

// evalForm is the small form that starts an evaluation.
type evalForm struct {
	year    textinput.Model
	stage   int // index into model.Stages
	inst    int // index into model.Builtins()
	prefill bool
	focus   int
	problem [efCount]string
	formErr string
	saving  bool
}

// chooserScreen lists one satker's evaluations, newest first, and starts
// new ones.
type chooserScreen struct {
	env      *env
	satkerID string
	keys     chooserKeys

	loaded  bool
	loadErr string
	satker  model.Satker
	evals   []model.Evaluation // newest first
	sums    map[string]store.EvalSummary
	rows    []table.Row
	table   pickTable
	form    *evalForm
	notice  string
	warn    bool
	want    string   // evaluation to select after the next load
	opening bool     // the walk has been pushed but not yet arrived
	marked  []string // evaluations marked for the side-by-side comparison

	width, height int
	cols          []int
	view          string
	dirty         bool
}

func newChooser(e *env, satkerID string) *chooserScreen {
	k := newChooserKeys()
	c := &chooserScreen{env: e, satkerID: satkerID, keys: k, dirty: true,
		table: newPickTable(e, table.KeyMap{LineUp: k.Up, LineDown: k.Down, GotoTop: k.Top, GotoBottom: k.Bottom}, chooserColumns)}
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
	all, err := db.SatkerSummaries()
	if err != nil {
		return nil, err
	}
	out := map[string]store.EvalSummary{}
	for _, s := range all {
		if s.Satker.ID == satkerID {
			for _, e := range s.Evaluations {
				out[e.ID] = e
			}
		}
	}
	return out, nil
}

func (c *chooserScreen) Title() string {
	if !c.loaded {
		return "Evaluasi"
	}
	return c.satker.Name
}

func (c *chooserScreen) Capturing() bool { return c.form != nil && c.form.focus == efYear }

func (c *chooserScreen) SetSize(width, height int) {
	if width != c.width {
		c.cols = layoutColumns(chooserColumns, chooserDrop, chooserGrow, width)
		c.table.SetColumns(columnsOf(chooserColumns, c.cols))
		c.width = width
		c.fillRows()
	}
	c.width, c.height = width, height
	c.table.resize(width, c.tableHeight())
	c.dirty = true
}

// The table sits under three header lines and above one notice line.
func (c *chooserScreen) tableHeight() int { return max(0, c.height-4) }

// stageRank orders stages within a year.
func stageRank(s model.Stage) int { return slices.Index(model.Stages, s) }

func (c *chooserScreen) setData(msg chooserLoadedMsg) {
	keep := c.want
	if cur := c.selected(); keep == "" && cur != nil {
		keep = cur.ID
	}
	c.want = ""
	c.loaded, c.loadErr = true, ""
	c.satker, c.sums = msg.satker, msg.sums
	c.evals = slices.Clone(msg.evals)
	slices.SortFunc(c.evals, func(a, b model.Evaluation) int {
		if a.Year != b.Year {
			return b.Year - a.Year
		}
		return stageRank(b.Stage) - stageRank(a.Stage)
	})
	c.fillRows()
	target := 0
	for i, e := range c.evals {
		if e.ID == keep {
			target = i
		}
	}
	c.table.show(c.rows, target)
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

func (c *chooserScreen) updateKeys() {
	k := &c.keys
	inForm := c.form != nil
	k.Back.SetEnabled(!inForm)
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Top, &k.Bottom} {
		b.SetEnabled(!inForm && len(c.evals) > 1)
	}
	k.Open.SetEnabled(!inForm && c.selected() != nil)
	k.New.SetEnabled(!inForm && c.loaded)
	k.Review.SetEnabled(!inForm && c.loaded)
	k.Mark.SetEnabled(!inForm && c.selected() != nil)
	k.Compare.SetEnabled(!inForm && len(c.marked) >= 2)
	for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Submit, &k.Save, &k.Cancel} {
		b.SetEnabled(inForm)
	}
	choice := inForm && c.form.focus != efYear
	k.Left.SetEnabled(choice)
	k.Right.SetEnabled(choice)
}

func (c *chooserScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case chooserLoadedMsg:
		if msg.err != nil {
			c.loadErr = errorText(msg.err)
		} else {
			c.setData(msg)
		}
	case refreshMsg:
		c.opening = false
		return c.load
	case evalCreatedMsg:
		cmd = c.created(msg)
	case tea.KeyPressMsg:
		if c.opening {
			return nil // keys typed before the walk arrives are not the list's
		}
		c.notice = ""
		if c.form != nil {
			cmd = c.formKey(msg)
		} else {
			cmd = c.listKey(msg)
		}
	default:
		if c.form == nil || c.form.focus != efYear {
			return nil
		}
		c.form.year, cmd = c.form.year.Update(msg) // a paste, a cursor
		c.validateForm()
	}
	c.updateKeys()
	c.dirty = true
	return cmd
}

func (c *chooserScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := c.keys
	switch {
	case key.Matches(msg, k.Back):
		return c.env.goBack()
	case !c.loaded:
		return nil
	case key.Matches(msg, k.New):
		return c.openForm()
	case key.Matches(msg, k.Mark):
		c.toggleMark(c.selected().ID)
		return nil
	case key.Matches(msg, k.Compare):
		c.opening = true
		return c.env.open(newSideBySide(c.env, slices.Clone(c.marked)))
	case key.Matches(msg, k.Review):
		c.opening = true
		return c.env.open(newReview(c.env, reviewScope{satkerID: c.satkerID}))
	case key.Matches(msg, k.Open):
		c.opening = true
		return c.env.open(newWalk(c.env, c.selected().ID))
	}
	c.table.update(msg)
	return nil
}

// toggleMark marks an evaluation for the side-by-side comparison (the
// same satker across years and stages), or unmarks it.
func (c *chooserScreen) toggleMark(id string) {
	if i := slices.Index(c.marked, id); i >= 0 {
		c.marked = slices.Delete(c.marked, i, i+1)
	} else if len(c.marked) < model.MaxSideBySide {
		c.marked = append(c.marked, id)
	} else {
		c.notice, c.warn = fmt.Sprintf("Paling banyak %d evaluasi dibandingkan.", model.MaxSideBySide), true
		return
	}
	if len(c.marked) >= 2 {
		c.notice, c.warn = fmt.Sprintf("%d evaluasi ditandai · c bandingkan", len(c.marked)), false
	}
	c.fillRows()
}

// exists reports whether this satker already has the evaluation.
func (c *chooserScreen) exists(year int, stage model.Stage) *model.Evaluation {
	id := model.EvaluationID(c.satkerID, year, stage)
	for i := range c.evals {
		if c.evals[i].ID == id {
			return &c.evals[i]
		}
	}
	return nil
}

func (c *chooserScreen) openForm() tea.Cmd {
	year := chooserNow().Year()
	y := newField("", "", 4)
	y.SetWidth(6)
	y.SetValue(strconv.Itoa(year))
	f := &evalForm{year: y, prefill: true}
	// Start at the first stage this year still lacks: after the satker's
	// PMPZI, the evaluator's own round.
	for i, s := range model.Stages {
		if c.exists(year, s) == nil {
			f.stage = i
			break
		}
	}
	for i, in := range model.Builtins() {
		if in.ID == model.DefaultInstrument {
			f.inst = i
		}
	}
	c.form = f
	c.validateForm()
	return c.formFocus(efYear)
}

// pmpzi is the satker's self-assessment of the form's year, if any.
func (c *chooserScreen) pmpzi() *model.Evaluation {
	year, err := strconv.Atoi(strings.TrimSpace(c.form.year.Value()))
	if err != nil {
		return nil
	}
	return c.exists(year, model.StagePMPZI)
}

// canPrefill: the new evaluation is not the PMPZI itself, a PMPZI of the
// same year exists, and it uses the same instrument, so answers carry over.
func (c *chooserScreen) canPrefill() bool {
	p := c.pmpzi()
	return model.Stages[c.form.stage] != model.StagePMPZI && p != nil &&
		p.InstrumentID == model.Builtins()[c.form.inst].ID
}

func (c *chooserScreen) lastField() int {
	if c.canPrefill() {
		return efPrefill
	}
	return efInstrument
}

// formEval is the evaluation the form describes; ok is false when the
// year is not a number.
func (c *chooserScreen) formEval() (model.Evaluation, bool) {
	f := c.form
	year, err := strconv.Atoi(strings.TrimSpace(f.year.Value()))
	stage := model.Stages[f.stage]
	in := model.Builtins()[f.inst]
	ev := model.Evaluation{ID: model.EvaluationID(c.satkerID, year, stage), SatkerID: c.satkerID, Year: year,
		Stage: stage, InstrumentID: in.ID, InstrumentHash: in.Hash, Status: model.Draft}
	return ev, err == nil
}

func (c *chooserScreen) validateForm() {
	f := c.form
	f.problem = [efCount]string{}
	ev, ok := c.formEval()
	if !ok {
		f.problem[efYear] = "tahun ditulis dengan angka, mis. " + strconv.Itoa(chooserNow().Year())
		return
	}
	var fe *model.FieldError
	if err := ev.Validate(); errors.As(err, &fe) {
		switch fe.Field {
		case "tahun":
			f.problem[efYear] = fe.Msg
		case "tahap":
			f.problem[efStage] = fe.Msg
		default:
			f.formErr = fe.Error()
		}
		return
	}
	if c.exists(ev.Year, ev.Stage) != nil {
		f.problem[efStage] = fmt.Sprintf("evaluasi %d %s sudah ada", ev.Year, ev.Stage)
	}
	if f.focus > c.lastField() {
		f.focus = c.lastField()
	}
}

func (c *chooserScreen) formFocus(i int) tea.Cmd {
	f := c.form
	f.focus = i
	if i == efYear {
		f.year.CursorEnd()
		return f.year.Focus()
	}
	f.year.Blur()
	return nil
}

func (c *chooserScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := c.form
	if f.saving {
		return nil
	}
	k := c.keys
	f.formErr = ""
	n := c.lastField() + 1
	switch {
	case key.Matches(msg, k.Cancel):
		c.form = nil
		return nil
	case key.Matches(msg, k.Save):
		return c.create()
	case key.Matches(msg, k.Submit):
		if f.focus == c.lastField() {
			return c.create()
		}
		return c.formFocus(f.focus + 1)
	case key.Matches(msg, k.Next):
		return c.formFocus((f.focus + 1) % n)
	case key.Matches(msg, k.Prev):
		return c.formFocus((f.focus - 1 + n) % n)
	case f.focus == efYear:
		var cmd tea.Cmd
		f.year, cmd = f.year.Update(msg)
		c.validateForm()
		return cmd
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		d := 1
		if key.Matches(msg, k.Left) {
			d = -1
		}
		switch f.focus {
		case efStage:
			f.stage = (f.stage + d + len(model.Stages)) % len(model.Stages)
		case efInstrument:
			f.inst = (f.inst + d + len(model.Builtins())) % len(model.Builtins())
		case efPrefill:
			f.prefill = !f.prefill
		}
		c.validateForm()
	}
	return nil
}

// create makes the evaluation in a command, copies the PMPZI answers when
// asked, then opens the walk on it.
func (c *chooserScreen) create() tea.Cmd {
	f := c.form
	c.validateForm()
	for i, p := range f.problem {
		if p != "" {
			return c.formFocus(min(i, efInstrument))
		}
	}
	ev, _ := c.formEval()
	in := model.Builtins()[f.inst]
	from := ""
	if c.canPrefill() && f.prefill {
		from = c.pmpzi().ID
	}
	f.saving = true
	e := c.env
	return e.write(c, func() tea.Msg {
		// One action: created with its copied answers, or not at all.
		if from == "" {
			made, err := e.db.CreateEvaluation(ev, in, e.user)
			return evalCreatedMsg{id: made.ID, err: err}
		}
		made, n, err := e.db.CreateEvaluationFrom(ev, in, from, e.user)
		return evalCreatedMsg{id: made.ID, copied: n, err: err}
	})
}

func (c *chooserScreen) created(msg evalCreatedMsg) tea.Cmd {
	f := c.form
	if f != nil {
		f.saving = false
	}
	switch {
	case msg.err == nil:
		c.form = nil
		c.want = msg.id
		c.notice, c.warn = "✓ Evaluasi dibuat: "+msg.id, false
		if msg.copied > 0 {
			c.notice += fmt.Sprintf(" · %d jawaban PMPZI disalin sebagai isi awal", msg.copied)
		}
		c.opening = true
		return push(newWalk(c.env, msg.id))
	case errors.Is(msg.err, store.ErrExists) && f != nil:
		ev, _ := c.formEval()
		f.problem[efStage] = fmt.Sprintf("evaluasi %d %s sudah ada", ev.Year, ev.Stage)
		f.focus = efStage
		f.year.Blur()
	case f != nil:
		f.formErr = "Belum dibuat: " + errorText(msg.err)
	}
	return nil
}

func (c *chooserScreen) Help() keyHelp {
	k := c.keys
	if c.form != nil {
		s := bindings([]key.Binding{k.Next, k.Left, k.Right, k.Submit, k.Cancel})
		return keyHelp{short: s, full: [][]key.Binding{{k.Next, k.Prev, k.Left, k.Right}, {k.Submit, k.Save, k.Cancel}}}
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.New, k.Review, k.Compare, k.Back}),
		full:  [][]key.Binding{{k.Open, k.New, k.Review, k.Back}, {k.Mark, k.Compare}, {k.Up, k.Down, k.Top, k.Bottom}},
	}
}

func (c *chooserScreen) View() string {
	if c.dirty {
		c.view = c.render()
		c.dirty = false
	}
	return c.view
}

func (c *chooserScreen) render() string {
	if c.width <= 0 || c.height <= 0 {
		return ""
	}
	st := c.env.st
	w := c.width
	switch {
	case c.loadErr != "":
		return fit(st.Error.Render(ansi.Wrap("✗ Evaluasi satker tidak bisa dimuat: "+c.loadErr, w, "")), w, c.height)
	case !c.loaded:
		return st.Muted.Render("Memuat evaluasi…")
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
	if c.notice != "" {
		style := st.Saved
		if c.warn {
			style = st.Error
		}
		used := strings.Count(b.String(), "\n") + 1
		b.WriteString(strings.Repeat("\n", max(1, c.height-used)) + style.Render(ansi.Truncate(c.notice, w, "…")))
	}
	return fit(b.String(), w, c.height)
}

func (c *chooserScreen) formView() string {
	st := c.env.st
	f := c.form
	w := c.width
	inputW := 16 // "‹ TPI-lapangan ›"
	line := func(i int, label, val string) string {
		marker := "  "
		lab := st.Muted.Render(padRight(label, formLabelW))
		if f.focus == i {
			marker = st.Focus.Render("› ")
			lab = st.Focus.Render(padRight(label, formLabelW))
		}
		out := marker + lab + padRight(val, inputW)
		if p := f.problem[i]; p != "" {
			msg := "✗ " + p
			if lipgloss.Width(out)+2+lipgloss.Width(msg) <= w {
				return out + "  " + st.Error.Render(msg)
			}
			indent := 2 + formLabelW
			return out + "\n" + strings.Repeat(" ", indent) + st.Error.Render(ansi.Wrap(msg, max(1, w-indent), ""))
		}
		return out
	}
	in := model.Builtins()[f.inst]
	indent := strings.Repeat(" ", 2+formLabelW+2)
	hintW := max(0, w-2-formLabelW-2)
	type part struct {
		text     string
		optional bool // dropped first when the window is short
	}
	parts := []part{
		{st.Header.Render("Evaluasi baru"), false},
		{line(efYear, "Tahun", f.year.View()), false},
		{line(efStage, "Tahap", choiceText(string(model.Stages[f.stage]), f.focus == efStage)), false},
		{line(efInstrument, "Instrumen", choiceText(in.ID, f.focus == efInstrument)), false},
	}
	if in.Title != "" {
		parts = append(parts, part{indent + st.Muted.Render(ansi.Truncate(in.Title, hintW, "…")), true})
	}
	switch p := c.pmpzi(); {
	case c.canPrefill():
		yes := "tidak"
		if f.prefill {
			yes = "ya"
		}
		parts = append(parts, part{line(efPrefill, "Isi awal PMPZI", choiceText(yes, f.focus == efPrefill)), false},
			part{indent + st.Muted.Render(ansi.Truncate("isi awal dari jawaban PMPZI "+p.ID, hintW, "…")), true})
	case p != nil && model.Stages[f.stage] != model.StagePMPZI:
		parts = append(parts, part{st.Muted.Render(ansi.Wrap(fmt.Sprintf("PMPZI %d memakai instrumen %s: jawabannya tidak bisa jadi isi awal.", p.Year, p.InstrumentID), w, "")), true})
	}
	parts = append(parts, part{"", true})
	switch {
	case f.saving:
		parts = append(parts, part{st.Muted.Render("Membuat evaluasi…"), false})
	case f.formErr != "":
		parts = append(parts, part{st.Error.Render(ansi.Wrap(f.formErr, w, "")), false})
	default:
		parts = append(parts, part{st.Muted.Render(ansi.Wrap("enter di kolom terakhir atau ctrl+s membuat evaluasi dan membukanya · esc batal", w, "")), true})
	}
	total := 0
	for _, p := range parts {
		total += lipgloss.Height(p.text)
	}
	room := c.height - 3 // under the satker's header lines
	var lines []string
	for _, p := range parts {
		if p.optional && total > room {
			total -= lipgloss.Height(p.text)
			continue
		}
		lines = append(lines, p.text)
	}
	return strings.Join(lines, "\n")
}
