package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// The side-by-side screen lines 2 to 4 evaluations up node by node —
// different satkers, or one satker across years — with each one's
// difference from the first and where they diverge most.

// sideMarks are the evaluations marked for a comparison on the dashboard
// or the chooser, in the order marked.
type sideMarks []string

// markKey marks an evaluation for the comparison, or unmarks it.
func markKey() key.Binding {
	return key.NewBinding(key.WithKeys("space"), key.WithHelp("spasi", "tandai"))
}

// toggle marks id, or unmarks it when it is marked; full when it cannot
// be marked, the comparison having model.MaxSideBySide already.
func (m *sideMarks) toggle(id string) (marked, full bool) {
	if i := slices.Index(*m, id); i >= 0 {
		*m = slices.Delete(*m, i, i+1)
		return false, false
	}
	if len(*m) >= model.MaxSideBySide {
		return false, true
	}
	*m = append(*m, id)
	return true, false
}

type sideKeys struct {
	Up, Down, HalfUp, HalfDown, Top, Bottom key.Binding
	Detail, Divergence, Back                key.Binding
}

func newSideKeys() sideKeys {
	up, down := scrollKeys()
	ends := listNavKeys()
	return sideKeys{
		Up:         up,
		Down:       down,
		HalfUp:     key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "½ halaman naik")),
		HalfDown:   key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "½ halaman turun")),
		Top:        ends.Top,
		Bottom:     ends.Bottom,
		Detail:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "semua komponen")),
		Divergence: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "urut selisih terbesar")),
		Back:       backKey(),
	}
}

// sideColumn is one compared evaluation.
type sideColumn struct {
	eval   model.Evaluation
	satker model.Satker
}

// sideLayout is how the columns fit the width: the widest form that
// leaves the node names room, then narrower ones.
type sideLayout struct {
	form                int // sideFull, sideNoMax or sideScoreOnly
	nameW               int
	colW                []int
	scoreW, maxW, diffW int
	spreadW             int // 0: no spread column
}

// The forms of a cell, widest first.
const (
	sideFull      = iota // 56,12/100,00 ✓ +7,82
	sideNoMax            // 56,12 ✓ +7,82
	sideScoreOnly        // 56,12 ✓
)

const (
	sideNameMin   = 18 // narrowest name column before the cells give up a part
	sideNameRoomy = 30 // wide enough for most areas; room beyond goes to the headers first
	sideNameMax   = 46
	sideGutter    = 2 // spaces before each evaluation's column
)

// sideScreen shows scorecards side by side.
type sideScreen struct {
	listBase // one page: loaded stays true on a failed load (pageDone)
	ids      []string
	keys     sideKeys

	cmp    model.SideBySide
	cols   []sideColumn
	titles map[string]string // node id → title, from the first instrument that has it
	depth  map[string]int

	all          bool // every node, not only components and areas
	byDivergence bool
	rows         []model.SideRow // shown below the total, in the chosen order
	hidden       int             // rows left out in divergence order: no difference

	lay       sideLayout
	measured  sideLayout // the widths of scores, maxima and differences, measured once per load
	glyphs    [3]string  // verdict glyphs: none, pass, fail
	look      int        // env.look the glyphs were drawn with
	renderedW int        // the width the viewport's rows were rendered for
	vp        viewport.Model
}

var _ screen = (*sideScreen)(nil)

type sideLoadedMsg struct {
	cmp    model.SideBySide
	cols   []sideColumn
	titles map[string]string
	depth  map[string]int
	err    error
}

// newSideBySide compares 2 to 4 evaluations, of any satkers and years.
func newSideBySide(e *env, evalIDs []string) *sideScreen {
	s := &sideScreen{listBase: newListBase(e), ids: evalIDs, keys: newSideKeys(), vp: viewport.New(),
		glyphs: [3]string{e.st.None.Render("·"), e.st.Pass.Render("✓"), e.st.Fail.Render("✗")}}
	s.updateKeys()
	return s
}

func (s *sideScreen) Init() tea.Cmd { return s.load }

// load scores every evaluation and reads the names the columns and rows
// show.
func (s *sideScreen) load() tea.Msg {
	db := s.env.db
	cmp, _, err := db.CompareEvaluations(s.ids...)
	if err != nil {
		return sideLoadedMsg{err: err}
	}
	msg := sideLoadedMsg{cmp: cmp, titles: map[string]string{}, depth: map[string]int{}}
	insts := map[string]*model.Instrument{}
	for _, id := range s.ids {
		ev, err := db.Evaluation(id)
		if err != nil {
			return sideLoadedMsg{err: err}
		}
		sk, err := db.Satker(ev.SatkerID)
		if err != nil {
			return sideLoadedMsg{err: err}
		}
		in := insts[ev.InstrumentHash]
		if in == nil {
			if in, err = db.Instrument(ev.InstrumentHash); err != nil {
				return sideLoadedMsg{err: err}
			}
			insts[ev.InstrumentHash] = in
		}
		msg.cols = append(msg.cols, sideColumn{ev, sk})
		for _, n := range in.AllNodes() {
			if _, ok := msg.titles[n.ID]; !ok {
				msg.titles[n.ID] = n.Title
				msg.depth[n.ID] = in.Depth(n.ID)
			}
		}
	}
	return msg
}

func (s *sideScreen) Title() string { return "Perbandingan" }

func (s *sideScreen) Capturing() bool { return false }

func (s *sideScreen) SetSize(width, height int) {
	s.width, s.height = width, height
	s.vp.SetHeight(max(1, height-4)) // headline, two header lines and the total above
	if width != s.renderedW || s.look != s.env.look {
		s.look = s.env.look
		st := s.env.st
		s.glyphs = [3]string{st.None.Render("·"), st.Pass.Render("✓"), st.Fail.Render("✗")}
		s.relayout()
	}
	s.vp.SetYOffset(s.vp.YOffset()) // a taller screen may show rows past the last
	s.dirty = true
}

func (s *sideScreen) updateKeys() {
	k := &s.keys
	ok := s.showing()
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.HalfUp, &k.HalfDown, &k.Top, &k.Bottom, &k.Detail, &k.Divergence} {
		b.SetEnabled(ok)
	}
	if s.all {
		k.Detail.SetHelp("i", "hanya area")
	} else {
		k.Detail.SetHelp("i", "semua komponen")
	}
	if s.byDivergence {
		k.Divergence.SetHelp("d", "urut pohon")
	} else {
		k.Divergence.SetHelp("d", "urut selisih terbesar")
	}
}

func (s *sideScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case sideLoadedMsg:
		if s.pageDone(msg.err, errorText) {
			s.cmp, s.cols, s.titles, s.depth = msg.cmp, msg.cols, msg.titles, msg.depth
			s.measure()
			s.pickRows()
			s.relayout()
		}
	case refreshMsg:
		return s.load
	case tea.KeyPressMsg:
		cmd = s.handleKey(msg)
	default:
		return nil
	}
	s.updateKeys()
	s.dirty = true
	return cmd
}

func (s *sideScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Back):
		return s.env.goBack()
	case !s.showing():
	case key.Matches(msg, k.Detail):
		s.all = !s.all
		s.pickRows()
		s.relayout()
		s.vp.GotoTop()
	case key.Matches(msg, k.Divergence):
		s.byDivergence = !s.byDivergence
		s.pickRows()
		s.relayout()
		s.vp.GotoTop()
	case key.Matches(msg, k.Up):
		s.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		s.vp.ScrollDown(1)
	case key.Matches(msg, k.HalfUp):
		s.vp.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		s.vp.HalfPageDown()
	case key.Matches(msg, k.Top):
		s.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		s.vp.GotoBottom()
	}
	return nil
}

func (s *sideScreen) Help() keyHelp {
	k := s.keys
	return keyHelp{
		short: bindings([]key.Binding{k.Detail, k.Divergence, k.Down, k.HalfDown, k.Back}),
		full:  [][]key.Binding{{k.Detail, k.Divergence}, {k.Up, k.Down, k.HalfUp, k.HalfDown, k.Top, k.Bottom}},
	}
}

// shows reports whether a node is listed: components and areas, or every
// node once asked for.
func (s *sideScreen) shows(id string) bool { return s.all || s.depth[id] <= 1 }

// pickRows lists the nodes below the total in the chosen order.
func (s *sideScreen) pickRows() {
	s.rows, s.hidden = s.rows[:0], 0
	if !s.byDivergence {
		for _, r := range s.cmp.Rows {
			if r.ID != model.TotalNode && s.shows(r.ID) {
				s.rows = append(s.rows, r)
			}
		}
		return
	}
	candidates := 0
	for _, r := range s.cmp.Rows {
		if r.ID != model.TotalNode && s.shows(r.ID) {
			candidates++
		}
	}
	for _, r := range s.cmp.Divergence() {
		if r.ID != model.TotalNode && s.shows(r.ID) {
			s.rows = append(s.rows, r)
		}
	}
	s.hidden = candidates - len(s.rows)
}
