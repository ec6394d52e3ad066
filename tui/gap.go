package tui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// The gap screen is the conversation evaluators have on site: the
// satker's own answers (PMPZI) against theirs (TPI), question by question,
// the largest difference in points first, with both sides' notes.

type gapKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, DetailUp, DetailDown key.Binding
	All, SortGap, SortOrder, Walk, Back                           key.Binding
}

func newGapKeys() gapKeys {
	return gapKeys{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		PageUp:     key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ halaman naik")),
		PageDown:   key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ halaman turun")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "paling atas")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "paling bawah")),
		DetailUp:   key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup/K", "gulir rincian")),
		DetailDown: key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn/J", "gulir rincian")),
		All:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "semua pertanyaan")),
		SortGap:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "urut selisih terbesar")),
		SortOrder:  key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "urut instrumen")),
		Walk:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka di evaluasi")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
	}
}

func (k gapKeys) tableKeys() table.KeyMap {
	return table.KeyMap{LineUp: k.Up, LineDown: k.Down, HalfPageUp: k.PageUp, HalfPageDown: k.PageDown,
		GotoTop: k.Top, GotoBottom: k.Bottom}
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
	env      *env
	satkerID string
	year     int
	keys     gapKeys

	loaded  bool
	loadErr string
	gap     store.Gap
	rows    []table.Row    // one per gap.Report.Questions
	walkPos map[string]int // question id → position in walking order
	differ  int            // questions answered differently

	all     bool // every answered question, not only differing ones
	byOrder bool // instrument order instead of the largest gap first
	shown   []int
	want    string // question to select after the next load

	specs  []colSpec
	table  pickTable
	detail viewport.Model

	width, height int
	tableH        int
	view          string
	dirty         bool
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
	g := &gapScreen{env: e, satkerID: satkerID, year: year, keys: k, specs: specs, dirty: true,
		table: newPickTable(e, k.tableKeys(), specs), detail: viewport.New()}
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
		g.table.SetColumns(columnsOf(g.specs, layoutColumns(g.specs, gapDrop, gapGrow, width)))
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
	if th == g.tableH && dh == g.detail.Height() && g.width == g.detail.Width() {
		return
	}
	g.tableH = th
	g.table.resize(g.width, th)
	g.detail.SetWidth(g.width)
	g.detail.SetHeight(dh)
	g.fillDetail()
}

func (g *gapScreen) setGap(gap store.Gap) {
	keep := g.want
	if keep == "" {
		keep = g.selectedID()
	}
	g.want = ""
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
		g.table.SetColumns(columnsOf(g.specs, layoutColumns(g.specs, gapDrop, gapGrow, g.width)))
	}
	g.differ = 0
	g.rows = make([]table.Row, len(gap.Report.Questions))
	for i, qg := range gap.Report.Questions {
		if gapDiffers(qg) {
			g.differ++
		}
		number, text := qg.Question, ""
		if q, ok := in.Question(qg.Question); ok {
			number, text = questionNumber(q), strings.Join(strings.Fields(q.Text), " ")
			text = strings.TrimSpace(strings.TrimPrefix(text, number))
		}
		g.rows[i] = table.Row{"", number, gapAreaCode(qg.Area), gapAnswer(in, qg.Question, qg.Self.Value),
			gapAnswer(in, qg.Question, qg.Eval.Value), fmt.Sprintf("%7s", gapSigned(qg.Gap)), text}
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
	target := 0
	for pos, i := range g.shown {
		rows[pos] = g.rows[i]
		if qs[i].Question == keep {
			target = pos
		}
	}
	g.table.show(rows, target)
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
	ok := g.loaded && g.loadErr == ""
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom,
		&k.DetailUp, &k.DetailDown, &k.All, &k.SortGap, &k.SortOrder} {
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
		if msg.err != nil {
			g.loaded, g.loadErr = true, gapLoadError(msg.err)
		} else {
			g.loaded, g.loadErr = true, ""
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
	case !g.loaded || g.loadErr != "":
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

func (g *gapScreen) Help() keyHelp {
	k := g.keys
	return keyHelp{
		short: bindings([]key.Binding{k.Walk, k.All, k.SortGap, k.SortOrder, k.DetailDown, k.Back}),
		full: [][]key.Binding{
			{k.Walk, k.All, k.SortGap, k.SortOrder},
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.DetailUp, k.DetailDown},
		},
	}
}

// gapAreaCode is an area's short name in the list: "MP" for mp, "PRIMA"
// for hasil.prima.
func gapAreaCode(id string) string {
	if i := strings.LastIndex(id, "."); i >= 0 {
		id = id[i+1:]
	}
	return ansi.Truncate(strings.ToUpper(id), 6, "")
}

// gapAnswer is an answer as the list shows it: the option key or the
// number, a dash when there is none.
func gapAnswer(in *model.Instrument, qid string, v model.Value) string {
	if v.IsZero() {
		return "–"
	}
	if q, ok := in.Question(qid); ok && !q.Type.IsChoice() {
		return numberText(q, v)
	}
	return v.String()
}

// gapSigned writes a difference in points with its sign: +1,25, −0,50;
// differences that round to nothing are 0,00.
func gapSigned(f float64) string {
	switch {
	case f >= 0.005:
		return "+" + model.Points(f)
	case f <= -0.005:
		return "−" + model.Points(-f)
	}
	return model.Points(0)
}

// gapSide says which side gave itself more, in words.
func gapSide(f float64, evalStage model.Stage) string {
	switch {
	case f >= 0.005:
		return "PMPZI lebih tinggi"
	case f <= -0.005:
		return string(evalStage) + " lebih tinggi"
	}
	return "sama"
}

func (g *gapScreen) View() string {
	if g.dirty {
		g.view = g.render()
		g.dirty = false
	}
	return g.view
}

func (g *gapScreen) render() string {
	if g.width <= 0 || g.height <= 0 {
		return ""
	}
	st := g.env.st
	w := g.width
	switch {
	case !g.loaded:
		return fit(st.Muted.Render("Membandingkan PMPZI dengan TPI…"), w, g.height)
	case g.loadErr != "":
		text := st.Error.Render(ansi.Wrap("✗ Belum ada yang bisa dibandingkan: "+g.loadErr, w, "")) + "\n\n" +
			ansi.Wrap("Perbandingan butuh evaluasi PMPZI dan TPI (atau TPI-lapangan) satker ini pada tahun yang sama. Tekan esc untuk kembali.", w, "")
		return fit(text, w, g.height)
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(g.headline(), w, "…")) + "\n")
	if areas := g.areaBlock(); areas != "" {
		b.WriteString(areas + "\n")
	}
	b.WriteString(st.Muted.Render(ansi.Truncate(g.statusLine(), w, "…")) + "\n")
	if len(g.shown) == 0 {
		text := "Belum ada jawaban di kedua evaluasi."
		if len(g.gap.Report.Questions) > 0 {
			text = "PMPZI dan " + string(g.gap.Eval.Stage) + " menjawab sama di semua pertanyaan. Tekan a untuk melihat semuanya."
		}
		b.WriteString(clip(ansi.Wrap(text, w, ""), w, g.tableH))
	} else {
		b.WriteString(clip(g.table.View(), w, g.tableH))
	}
	b.WriteString("\n" + st.Muted.Render(strings.Repeat("─", w)) + "\n")
	b.WriteString(clip(g.detail.View(), w, g.detail.Height()))
	return fit(b.String(), w, g.height)
}

// headline carries the totals first: when the line is cut, the name goes.
// Where the line is narrow the words on who is higher go first: the sign
// says it too.
func (g *gapScreen) headline() string {
	rep := g.gap.Report
	ev := g.gap.Eval
	totals := fmt.Sprintf("PMPZI %s · %s %s · selisih %s", model.Points(rep.SelfTotal), ev.Stage,
		model.Points(rep.EvalTotal), gapSigned(rep.Gap))
	who := fmt.Sprintf(" · %s %d", shortSatkerName(g.gap.Satker.Name), ev.Year)
	if full := totals + " (" + gapSide(rep.Gap, ev.Stage) + ")" + who; ansi.StringWidth(full) <= g.width {
		return full
	}
	return totals + who
}

func (g *gapScreen) statusLine() string {
	total := len(g.gap.Report.Questions)
	order := "urut: selisih terbesar"
	if g.byOrder {
		order = "urut: instrumen"
	}
	if g.all {
		return fmt.Sprintf("Semua %d pertanyaan yang dijawab (%d berbeda) · %s", total, g.differ, order)
	}
	return fmt.Sprintf("%d pertanyaan berbeda dari %d yang dijawab · %s", g.differ, total, order)
}

// areaBlock is the gap per area: a table where the screen is tall, else a
// few lines of short names.
func (g *gapScreen) areaBlock() string {
	if !g.loaded || g.loadErr != "" || g.width <= 0 {
		return ""
	}
	areas := g.gap.Report.Areas
	if g.height >= 3*(len(areas)+1)+2 && g.width >= 56 {
		return g.areaTable()
	}
	limit := 3
	if g.height < 16 {
		limit = 1
	}
	items := []string{"Selisih per area:"}
	for _, a := range areas {
		items = append(items, gapAreaCode(a.Area)+" "+gapSigned(a.Gap))
	}
	var lines []string
	cur := ""
	for i, it := range items {
		sep := " · "
		if i <= 1 {
			sep = " "
		}
		switch {
		case cur == "":
			cur = it
		case ansi.StringWidth(cur+sep+it) > g.width:
			lines = append(lines, cur)
			cur = it
		default:
			cur += sep + it
		}
	}
	lines = append(lines, cur)
	if len(lines) > limit {
		lines = lines[:limit]
		lines[limit-1] = ansi.Truncate(lines[limit-1]+" …", g.width, "…")
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], g.width, "…")
	}
	return strings.Join(lines, "\n")
}

func (g *gapScreen) areaTable() string {
	st := g.env.st
	stage := string(g.gap.Eval.Stage)
	numW := max(7, len(stage)) // "100,00" and the stage's name
	titleW := max(8, min(44, g.width-7-4*(numW+2)-2))
	line := func(code, title, self, eval, gap, differ string) string {
		title = ansi.Truncate(title, titleW, "…")
		return fmt.Sprintf("%-6s %s%s  %*s  %*s  %*s  %*s", code, title, strings.Repeat(" ", max(0, titleW-ansi.StringWidth(title))),
			numW, self, numW, eval, numW, gap, numW, differ)
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(line("AREA", "", "PMPZI", stage, "SELISIH", "BERBEDA"), g.width, "")))
	for _, a := range g.gap.Report.Areas {
		text := line(gapAreaCode(a.Area), nodeTitle(g.gap.Instrument, a.Area), model.Points(a.SelfPoints),
			model.Points(a.EvalPoints), gapSigned(a.Gap), fmt.Sprint(a.Differing))
		b.WriteString("\n" + ansi.Truncate(text, g.width, "…"))
	}
	return b.String()
}

// fillDetail writes the selected question into the detail pane: its text,
// both answers with the criterion each chose, the points between them,
// and both sides' notes.
func (g *gapScreen) fillDetail() {
	qg := g.selected()
	if qg == nil {
		g.detail.SetContent("")
		return
	}
	st := g.env.st
	w := max(10, g.width)
	in := g.gap.Instrument
	stage := string(g.gap.Eval.Stage)
	var b strings.Builder

	q, known := in.Question(qg.Question)
	var names []string
	for i, n := range in.Path(qg.Question) {
		if i > 0 || len(in.Path(qg.Question)) == 1 {
			names = append(names, n.Title)
		}
	}
	head := st.Header.Render(qg.Question)
	if known {
		head += st.Muted.Render(" · " + typeName(q))
	}
	if len(names) > 0 {
		head += st.Muted.Render(" · " + strings.Join(names, " › "))
	}
	b.WriteString(ansi.Truncate(head, w, "…") + "\n")
	if known {
		b.WriteString(lipgloss.NewStyle().Width(w).Render(q.Text) + "\n")
	}

	labelW := max(lipgloss.Width("◇ PMPZI"), lipgloss.Width("● "+stage)) + 2
	side := func(label string, v model.Value, points float64) string {
		prefix := label + strings.Repeat(" ", max(0, labelW-lipgloss.Width(label)))
		text := st.Muted.Render("belum dijawab")
		if !v.IsZero() {
			text = fmt.Sprintf("%s · %s poin", gapAnswer(in, qg.Question, v), model.Points(points))
			if known && q.Type.IsChoice() {
				if o, ok := q.Option(v.Choice); ok && o.Label != "" {
					text += " — " + o.Label
				}
			}
		}
		body := lipgloss.NewStyle().Width(max(8, w-labelW)).Render(text)
		return lipgloss.JoinHorizontal(lipgloss.Top, prefix, body)
	}
	b.WriteString(side("◇ PMPZI", qg.Self.Value, qg.SelfPoints) + "\n")
	b.WriteString(side("● "+stage, qg.Eval.Value, qg.EvalPoints) + "\n")
	verdict := fmt.Sprintf("Selisih %s poin — %s", gapSigned(qg.Gap), gapSide(qg.Gap, g.gap.Eval.Stage))
	if !qg.Differs() {
		verdict = "Jawaban sama"
	}
	b.WriteString(st.Warn.Render(verdict) + "\n")

	note := func(label, text string) string {
		if strings.TrimSpace(text) == "" {
			return st.Muted.Render(label + ": —")
		}
		return lipgloss.NewStyle().Width(w).Render(label + ": " + text)
	}
	b.WriteString(note("Catatan PMPZI", qg.Self.Note) + "\n")
	b.WriteString(note("Catatan "+stage, qg.Eval.Note))
	g.detail.SetContent(b.String())
}
