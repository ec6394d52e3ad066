package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// draftDue is how far ahead a draft's due date is proposed: about the
// time to the next round's desk evaluation. The evaluator changes it.
const draftDueDays = 90

type draftKeys struct {
	Next, Prev, Accept, Edit, Discard, Scroll, Back key.Binding
	ScrollDown, ScrollUp                            key.Binding // what Scroll's help stands for
}

// draftState is what the evaluator did with a draft.
type draftState int

const (
	draftPending draftState = iota
	draftSaved
	draftDiscarded
)

type draft struct {
	rek      model.Rekomendasi
	state    draftState
	savedAs  string // the recommendation's id once saved
	existing string // an earlier recommendation of this evaluation on the same node
}

// draftsScreen proposes recommendations for an evaluation short of its
// target (model.Drafts): the steps of the path to the target, then the
// failing areas' weakest questions. Each draft is about one question,
// shown above its text with its numbering; the text itself names none.
// Nothing is saved until the evaluator accepts a draft, as it is or
// edited.
type draftsScreen struct {
	env    *env
	evalID string
	keys   draftKeys

	loaded bool
	eval   model.Evaluation
	inst   *model.Instrument
	drafts []draft
	cur    int
	editor *rekEditor
	vp     viewport.Model
	notice string
	warn   bool
	busy   bool // a save is on its way

	width, height int
}

func newDrafts(e *env, evalID string) *draftsScreen {
	return &draftsScreen{env: e, evalID: evalID, vp: viewport.New(), keys: draftKeys{
		Next:       key.NewBinding(key.WithKeys("right", "l", "down", "j"), key.WithHelp("→/j", "draf berikut")),
		Prev:       key.NewBinding(key.WithKeys("left", "h", "up", "k"), key.WithHelp("←/k", "draf sebelum")),
		Accept:     key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a/enter", "terima")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "ubah lalu terima")),
		Discard:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "buang")),
		Scroll:     key.NewBinding(key.WithKeys("pgdown", "pgup"), key.WithHelp("pgup/pgdn", "gulir")),
		ScrollDown: key.NewBinding(key.WithKeys("pgdown")),
		ScrollUp:   key.NewBinding(key.WithKeys("pgup")),
		Back:       backKey(),
	}}
}

type (
	draftsLoadedMsg struct {
		eval   model.Evaluation
		inst   *model.Instrument
		drafts []draft
		err    error
	}
	draftSavedMsg struct {
		index int
		rek   model.Rekomendasi
		err   error
	}
)

func (d *draftsScreen) Init() tea.Cmd { return d.load }

func (d *draftsScreen) load() tea.Msg {
	db := d.env.db
	ev, err := db.Evaluation(d.evalID)
	if err != nil {
		return draftsLoadedMsg{err: err}
	}
	sk, err := db.Satker(ev.SatkerID)
	if err != nil {
		return draftsLoadedMsg{err: err}
	}
	in, err := db.Instrument(ev.InstrumentHash)
	if err != nil {
		return draftsLoadedMsg{err: err}
	}
	answers, err := db.Answers(ev.ID)
	if err != nil {
		return draftsLoadedMsg{err: err}
	}
	vals := make(model.Answers, len(answers))
	for id, a := range answers {
		vals[id] = a.Value
	}
	sc, err := model.Score(in, vals, sk.Target)
	if err != nil {
		sc, _ = model.Score(in, vals, "")
	}
	have, err := db.RekomendasiList(store.RekFilter{Evaluation: ev.ID})
	if err != nil {
		return draftsLoadedMsg{err: err}
	}
	onNode := map[string]string{}
	for _, r := range have {
		onNode[r.Node] = shortRekID(r)
	}
	due := model.Date(reviewNow()).AddDate(0, 0, draftDueDays)
	var out []draft
	for _, r := range model.Drafts(in, answers, sc) {
		r.EvaluationID, r.SatkerID, r.Due = ev.ID, ev.SatkerID, due
		out = append(out, draft{rek: r, existing: onNode[r.Node]})
	}
	return draftsLoadedMsg{eval: ev, inst: in, drafts: out}
}

func (d *draftsScreen) Title() string   { return "Draf" }
func (d *draftsScreen) Capturing() bool { return d.editor != nil }

func (d *draftsScreen) SetSize(width, height int) {
	d.width, d.height = width, height
	d.vp.SetWidth(width)
	d.vp.SetHeight(max(1, height-4))
	if d.editor != nil {
		d.editor.setSize(width, height-4)
	}
	d.fill()
}

func (d *draftsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case draftsLoadedMsg:
		if msg.err != nil {
			return func() tea.Msg { return errMsg{msg.err} }
		}
		d.loaded, d.eval, d.inst, d.drafts = true, msg.eval, msg.inst, msg.drafts
		// Without drafts only esc does anything: the help offers no more.
		k := &d.keys
		for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Accept, &k.Edit, &k.Discard, &k.Scroll} {
			b.SetEnabled(len(d.drafts) > 0)
		}
		d.fill()
	case draftSavedMsg:
		d.busy = false
		if msg.err != nil {
			d.notice, d.warn = "✗ Tidak tersimpan: "+errorText(msg.err), true
			break
		}
		dr := &d.drafts[msg.index]
		dr.state, dr.savedAs = draftSaved, shortRekID(msg.rek)
		d.notice, d.warn = fmt.Sprintf("✓ Disimpan sebagai %s: %s", dr.savedAs, nodeTitle(d.inst, dr.rek.Node)), false
		d.advance()
	case refreshMsg:
		return nil
	case tea.KeyPressMsg:
		if d.busy {
			return nil // the draft on screen is being saved
		}
		return d.handleKey(msg)
	default:
		if d.editor != nil {
			return d.editor.forward(msg)
		}
	}
	return nil
}

func (d *draftsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if d.editor != nil {
		rk, done, ok, cmd := d.editor.submit(msg)
		if !done {
			return cmd
		}
		d.editor = nil
		if !ok {
			return nil
		}
		d.drafts[d.cur].rek = rk
		return d.accept()
	}
	k := d.keys
	d.notice = ""
	switch {
	case key.Matches(msg, k.Back):
		return d.env.goBack()
	case !d.loaded || len(d.drafts) == 0:
	case key.Matches(msg, k.Next):
		d.cur = min(d.cur+1, len(d.drafts)-1)
		d.fill()
	case key.Matches(msg, k.Prev):
		d.cur = max(d.cur-1, 0)
		d.fill()
	case key.Matches(msg, k.ScrollDown):
		d.vp.HalfPageDown()
	case key.Matches(msg, k.ScrollUp):
		d.vp.HalfPageUp()
	case d.drafts[d.cur].state != draftPending:
		d.notice, d.warn = "Draf ini sudah ditangani; pindah ke draf lain dengan →/j.", true
	case key.Matches(msg, k.Accept):
		return d.accept()
	case key.Matches(msg, k.Edit):
		d.editor = newRekEditor(d.drafts[d.cur].rek)
		d.editor.setSize(d.width, d.height-4)
		return d.editor.focusField(reText)
	case key.Matches(msg, k.Discard):
		d.drafts[d.cur].state = draftDiscarded
		d.notice, d.warn = "Draf dibuang: "+nodeTitle(d.inst, d.drafts[d.cur].rek.Node), false
		d.advance()
	}
	return nil
}

// accept saves the current draft; the screen marks it saved when the
// store has committed it.
func (d *draftsScreen) accept() tea.Cmd {
	d.busy = true
	i, rk, e := d.cur, d.drafts[d.cur].rek, d.env
	return e.write(d, func() tea.Msg {
		saved, err := e.db.CreateRekomendasi(rk, e.user)
		return draftSavedMsg{i, saved, err}
	})
}

// advance moves to the next draft still pending, if any.
func (d *draftsScreen) advance() {
	for i := 1; i <= len(d.drafts); i++ {
		j := (d.cur + i) % len(d.drafts)
		if d.drafts[j].state == draftPending {
			d.cur = j
			break
		}
	}
	d.fill()
}

func (d *draftsScreen) pending() int {
	n := 0
	for _, dr := range d.drafts {
		if dr.state == draftPending {
			n++
		}
	}
	return n
}

// fill writes the current draft into the viewport.
func (d *draftsScreen) fill() {
	if !d.loaded || len(d.drafts) == 0 {
		return
	}
	st := d.env.st
	dr := d.drafts[d.cur]
	wrap := lipgloss.NewStyle().Width(max(10, d.width))
	var b strings.Builder
	due := "tanpa tenggat"
	if !dr.rek.Due.IsZero() {
		due = "tenggat " + format.ShortDate(dr.rek.Due)
	}
	left := fmt.Sprintf("%d belum ditangani", d.pending())
	if d.pending() == 0 {
		left = "semua draf sudah ditangani — esc kembali ke daftar rekomendasi"
	}
	b.WriteString(wrap.Render(fmt.Sprintf("Prioritas %s · %s · %s", dr.rek.Priority, due, left)) + "\n")
	switch dr.state {
	case draftSaved:
		b.WriteString(st.Saved.Render("✓ Diterima dan disimpan sebagai "+dr.savedAs) + "\n")
	case draftDiscarded:
		b.WriteString(st.Muted.Render("Dibuang (tidak disimpan)") + "\n")
	}
	if dr.existing != "" && dr.state == draftPending {
		what := "komponen"
		if _, ok := d.inst.Question(dr.rek.Node); ok {
			what = "pertanyaan"
		}
		b.WriteString(st.Warn.Render(wrap.Render(fmt.Sprintf("! Evaluasi ini sudah punya rekomendasi untuk %s ini (%s).", what, dr.existing))) + "\n")
	}
	// The line that says the draft is a step towards the target, and what
	// it is worth, stands apart under the text.
	text, step := dr.rek.Text, ""
	if i := strings.LastIndex(text, "\nLangkah menuju "); i >= 0 {
		text, step = text[:i], text[i+1:]
	}
	b.WriteString("\n" + wrap.Render(text))
	if step != "" {
		b.WriteString("\n\n" + st.Header.Render(wrap.Render("→ "+step)))
	}
	d.vp.SetContent(b.String())
	d.vp.GotoTop()
}

func (d *draftsScreen) Help() keyHelp {
	k := d.keys
	if d.editor != nil {
		return keyHelp{short: d.editor.help()}
	}
	s := bindings([]key.Binding{k.Accept, k.Edit, k.Discard, k.Next, k.Prev, k.Back})
	return keyHelp{short: s, full: [][]key.Binding{s, {k.Scroll}}}
}

func (d *draftsScreen) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	st := d.env.st
	w := d.width
	switch {
	case !d.loaded:
		return st.Muted.Render("Menyusun draf…")
	case len(d.drafts) == 0:
		return ansi.Wrap(fmt.Sprintf("Semua komponen evaluasi %d %s lulus terhadap target: tidak ada draf rekomendasi. Tekan esc untuk kembali.",
			d.eval.Year, d.eval.Stage), w, "")
	}
	dr := d.drafts[d.cur]
	area := d.inst.Area(dr.rek.Node)
	if area == "" {
		area = dr.rek.Node
	}
	head := fmt.Sprintf("Draf %d dari %d · %s", d.cur+1, len(d.drafts), nodeTitle(d.inst, area))
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(head, w, "…")) + "\n")
	// The question the draft is about, by its numbering and text: the
	// link the draft's own text leaves out.
	b.WriteString(st.Muted.Render(ansi.Truncate(shortTitle(d.inst, dr.rek.Node), w, "…")) + "\n")
	if d.editor != nil {
		b.WriteString(d.editor.View(st, w, d.height-4))
	} else {
		b.WriteString(d.vp.View())
	}
	foot := ""
	switch {
	case d.notice != "" && d.warn:
		foot = st.Error.Render(ansi.Truncate(d.notice, w, "…"))
	case d.notice != "":
		foot = st.Saved.Render(ansi.Truncate(d.notice, w, "…"))
	case d.busy:
		foot = st.Muted.Render("menyimpan…")
	}
	return clip(b.String(), w, d.height-1) + "\n" + foot
}

// shortTitle names a node, or a question by its numbering and its text up
// to the question mark, without how a percentage is counted.
func shortTitle(in *model.Instrument, id string) string {
	t := nodeTitle(in, id)
	if _, ok := in.Question(id); ok {
		if i := strings.Index(t, "?"); i >= 0 {
			t = t[:i+1]
		}
	}
	return t
}
