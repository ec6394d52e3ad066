package tui

import (
	"fmt"
	"maps"
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The path screen answers the question a satker's team asks during
// pendampingan: what must we fix, first, to reach WBK? It lists the
// fewest questions whose better answers make the target hold
// (model.PathTo), each with the answer it needs, its criterion, the
// evidence to prepare and the points; enter goes to the question.

// pathKey opens the path from the walk and the scorecard.
func pathKey() key.Binding {
	return key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "jalur ke WBK/WBBM"))
}

// pathKeys is the path screen's key map and its help. pgup and pgdown
// scroll the detail pane.
type pathKeys struct {
	nav                  navKeys
	DetailUp, DetailDown key.Binding
	Target, Walk, Back   key.Binding
}

func newPathKeys() pathKeys {
	up, down := detailScrollKeys()
	return pathKeys{
		nav:        listNavKeys().withoutPages(),
		DetailUp:   up,
		DetailDown: down,
		Target:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "ganti WBK/WBBM")),
		Walk:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ke pertanyaan")),
		Back:       backKey(),
	}
}

// Columns of the step table.
const (
	pcMark = iota
	pcOutcome
	pcNumber
	pcArea
	pcNow
	pcNeed
	pcPoints
	pcText
)

var (
	pathColumns = []colSpec{
		pcMark:    {"", 1, 1, 0},
		pcOutcome: {"", 1, 1, 0}, // ◆ marks a result (hasil) item
		pcNumber:  {"NO", 6, 14, 0},
		pcArea:    {"AREA", 6, 6, 0},
		pcNow:     {"KINI", 5, 6, 0},
		pcNeed:    {"PERLU", 5, 6, 0},
		pcPoints:  {"POIN", 6, 6, 0},
		pcText:    {"PERTANYAAN", 12, 200, 0},
	}
	pathDrop = []int{pcArea, pcText}
	pathGrow = []growStep{{pcNumber, 8}, {pcNow, 6}, {pcNeed, 6}, {pcText, 200}}
)

// outcomeMark marks a result item in the list and the detail.
const outcomeMark = "◆"

// pathData is what a path is computed from: the instrument, the answers
// that count and the satker's target.
type pathData struct {
	in     *model.Instrument
	values model.Answers
	target string
}

type pathLoadedMsg struct {
	data pathData
	err  error
}

// pathScreen shows the way from an evaluation's answers to WBK or WBBM.
type pathScreen struct {
	listBase
	evalID string
	keys   pathKeys
	// pick takes enter's question back to the walk that opened the
	// screen; without it enter opens the walk on the question.
	pick func(qid string)

	data  pathData
	shown string          // the predicate the path leads to
	way   model.Path      // the path to shown
	now   model.Scorecard // the answers as they are, scored for shown
	after model.Scorecard // with every step taken
	rows  []table.Row
	listPanes
}

var _ screen = (*pathScreen)(nil)

// newPath opens the path of an evaluation, read from the store.
func newPath(e *env, evalID string) *pathScreen {
	k := newPathKeys()
	p := &pathScreen{listBase: newListBase(e), evalID: evalID, keys: k,
		listPanes: newListPanes(e, k.nav, pathColumns)}
	p.updateKeys()
	return p
}

// newPathFrom opens the path from the walk; enter goes back to the walk
// through pick, positioned on the question. It reads the store like
// newPath, after the walk's saves still on their way.
func newPathFrom(e *env, evalID string, pick func(qid string)) *pathScreen {
	p := newPath(e, evalID)
	p.pick = pick
	return p
}

// Init reads the answers behind the writes already queued, so an answer
// typed just before w is on the path.
func (p *pathScreen) Init() tea.Cmd { return p.env.write(p, p.load) }

func (p *pathScreen) load() tea.Msg {
	in, target, vals, err := p.env.db.Values(p.evalID)
	return pathLoadedMsg{pathData{in, vals, target}, err}
}

func (p *pathScreen) Title() string {
	if p.shown == "" {
		return "Jalur"
	}
	return "Jalur ke " + p.shown
}

func (p *pathScreen) Capturing() bool { return false }

func (p *pathScreen) SetSize(width, height int) {
	if width != p.width {
		p.table.fitColumns(pathColumns, pathDrop, pathGrow, width)
	}
	p.width, p.height = width, height
	p.tableH = -1
	p.layout()
	p.dirty = true
}

// setData takes fresh answers: the path is computed again for the
// predicate shown, or the satker's target the first time.
func (p *pathScreen) setData(d pathData) {
	keep := p.keep(p.selectedID())
	p.loaded, p.loadErr = true, ""
	p.data = d
	if _, ok := d.in.Predicate(p.shown); !ok {
		p.shown = d.in.TargetFor(d.target)
		if p.shown == "" && len(d.in.Predicates) > 0 {
			p.shown = d.in.Predicates[0].ID
		}
	}
	p.compute(keep)
}

// compute finds the path to the predicate shown and lays out its steps,
// selecting keep when it is among them.
func (p *pathScreen) compute(keep string) {
	d := p.data
	way, err := model.PathTo(d.in, d.values, p.shown)
	if err != nil {
		p.loadErr = errorText(err)
		p.way, p.rows = model.Path{}, nil
		p.table.show(nil, 0)
		return
	}
	p.way, p.loadErr = way, "" // a path found clears a refusal of the predicate shown before
	p.now, _ = model.Score(d.in, d.values, p.shown)
	after := maps.Clone(d.values)
	if after == nil {
		after = model.Answers{}
	}
	for _, s := range way.Steps {
		after[s.Question.ID] = s.To
	}
	p.after, _ = model.Score(d.in, after, p.shown)
	p.rows = make([]table.Row, len(way.Steps))
	for i, s := range way.Steps {
		q := s.Question
		mark := ""
		if s.Outcome {
			mark = outcomeMark
		}
		area := ""
		if path := d.in.Path(q.ID); len(path) > 1 {
			area = gapAreaCode(path[1].ID)
		}
		p.rows[i] = table.Row{"", mark, q.Number(), area, gapAnswer(d.in, q.ID, s.From), gapAnswer(d.in, q.ID, s.To),
			fmt.Sprintf("%6s", format.SignedPoints(s.Points)), q.Wording()}
	}
	p.table.show(p.rows, keepAt(way.Steps, func(s model.PathStep) string { return s.Question.ID }, keep, 0))
	p.detail.GotoTop()
	p.fillDetail()
}

func (p *pathScreen) selected() *model.PathStep {
	c := p.table.Cursor()
	if !p.loaded || c < 0 || c >= len(p.way.Steps) {
		return nil
	}
	return &p.way.Steps[c]
}

func (p *pathScreen) selectedID() string {
	if s := p.selected(); s != nil {
		return s.Question.ID
	}
	return ""
}

func (p *pathScreen) updateKeys() {
	k := &p.keys
	ok := p.showing()
	k.nav.setEnabled(ok && len(p.way.Steps) > 0)
	k.DetailUp.SetEnabled(ok && len(p.way.Steps) > 0)
	k.DetailDown.SetEnabled(ok && len(p.way.Steps) > 0)
	k.Walk.SetEnabled(ok && p.selected() != nil)
	k.Target.SetEnabled(p.loaded && len(p.data.in.Predicates) > 1)
	if next := p.nextTarget(); next != "" {
		k.Target.SetHelp("w", "jalur ke "+next)
	}
	if p.pick != nil {
		k.Walk.SetHelp("enter", "kembali ke pertanyaan ini")
	} else {
		k.Walk.SetHelp("enter", "buka di evaluasi")
	}
}

// nextTarget is the predicate w switches to: the next of the
// instrument's, round to the first.
func (p *pathScreen) nextTarget() string {
	if !p.loaded {
		return ""
	}
	preds := p.data.in.Predicates
	i := slices.IndexFunc(preds, func(pr model.Predicate) bool { return pr.ID == p.shown })
	if len(preds) < 2 {
		return ""
	}
	return preds[(i+1)%len(preds)].ID
}

func (p *pathScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case pathLoadedMsg:
		if p.loadDone(msg.err) {
			p.setData(msg.data)
		}
	case refreshMsg:
		// Back from the walk, or someone else's change: answers may
		// have moved.
		p.opening = false
		p.want = p.selectedID()
		return p.load
	case tea.KeyPressMsg:
		if p.opening {
			return nil
		}
		cmd = p.handleKey(msg)
	default:
		return nil
	}
	p.updateKeys()
	p.layout()
	p.dirty = true
	return cmd
}

func (p *pathScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Back):
		return p.env.goBack()
	case !p.loaded:
		return nil
	case key.Matches(msg, k.Target):
		p.shown = p.nextTarget()
		p.tableH = -1 // the header may take another number of lines
		p.compute(p.selectedID())
	case p.loadErr != "":
		return nil
	case key.Matches(msg, k.DetailDown):
		p.detail.HalfPageDown()
	case key.Matches(msg, k.DetailUp):
		p.detail.HalfPageUp()
	case key.Matches(msg, k.Walk):
		s := p.selected()
		if s == nil {
			return nil
		}
		if p.pick != nil {
			p.pick(s.Question.ID)
			return p.env.goBack()
		}
		return p.open(newWalkAt(p.env, p.evalID, s.Question.ID))
	default:
		before := p.table.Cursor()
		p.table.update(msg)
		if p.table.Cursor() != before {
			p.detail.GotoTop()
			p.fillDetail()
		}
	}
	return nil
}

// pathFor is the walk's path to its target, for the status line; nil
// when the instrument has no such predicate.
func pathFor(in *model.Instrument, vals model.Answers, target string) *model.Path {
	if target == "" {
		return nil
	}
	way, err := model.PathTo(in, vals, target)
	if err != nil {
		return nil
	}
	return &way
}

// pathStatus says in a few words how far the target is: "WBK: 7
// pertanyaan lagi".
func pathStatus(way model.Path) string {
	switch {
	case !way.Reachable():
		return way.Target + ": tidak tercapai dengan jawaban saja"
	case way.Met:
		return way.Target + " tercapai"
	}
	return fmt.Sprintf("%s: %d pertanyaan lagi", way.Target, len(way.Steps))
}
