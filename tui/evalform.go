package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// The form that starts an evaluation, shown by the chooser in place of
// its table.

// Fields of the new-evaluation form.
const (
	efYear = iota
	efStage
	efInstrument
	efTeam
	efPrefill // offered only when there is a round to start from
	efCount
)

// chooserNow is the clock the new-evaluation form takes its default year
// from; tests pin it.
var chooserNow = time.Now

// evalForm is the small form that starts an evaluation.
type evalForm struct {
	year    textinput.Model
	team    textinput.Model
	stage   int // index into model.Stages
	inst    int // index into model.Builtins()
	prefill int // index into sources(), or len(sources()): start blank
	focus   int
	problem [efCount]string
	formErr string
	saving  bool
	discard bool // esc was pressed once over a typed team: the next one drops it
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

// teamHint is the Tim field's placeholder.
const teamHint = "nama (anggota), nama (ketua), nama (pengendali)"

// sizeTeam fits the Tim field to a window width columns wide; its
// placeholder, where it does not fit, is cut with "…".
func (f *evalForm) sizeTeam(width int) {
	w := max(16, width-formLabelW-6)
	fitField(&f.team, w)
	f.team.Placeholder = ansi.Truncate(teamHint, w, "…")
}

func (c *chooserScreen) openForm() tea.Cmd {
	year := chooserNow().Year()
	y := newField("", "", 4)
	y.SetWidth(6)
	y.SetValue(strconv.Itoa(year))
	f := &evalForm{year: y, team: newField("", teamHint, 300)}
	f.sizeTeam(c.width)
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

// sources are the rounds the new evaluation may start from, with the
// same instrument so the answers carry over: the previous round (last
// year's, or the TPI before a TPI-lapangan), then the satker's PMPZI of
// the same year. The answers come over marked carried until confirmed.
func (c *chooserScreen) sources() []model.Evaluation {
	ev, ok := c.formEval()
	if !ok {
		return nil
	}
	in := model.Builtins()[c.form.inst]
	var out []model.Evaluation
	if prev, ok := model.PreviousRound(ev, c.evals); ok && prev.InstrumentID == in.ID {
		out = append(out, prev)
	}
	if p := c.exists(ev.Year, model.StagePMPZI); p != nil && ev.Stage != model.StagePMPZI &&
		p.InstrumentID == in.ID && (len(out) == 0 || out[0].ID != p.ID) {
		out = append(out, *p)
	}
	return out
}

// source is the round the form starts from; nil to start blank.
func (c *chooserScreen) source() *model.Evaluation {
	srcs := c.sources()
	if c.form.prefill < len(srcs) {
		return &srcs[c.form.prefill]
	}
	return nil
}

func (c *chooserScreen) lastField() int {
	if len(c.sources()) > 0 {
		return efPrefill
	}
	return efTeam
}

// formEval is the evaluation the form describes; ok is false when the
// year is not a number.
func (c *chooserScreen) formEval() (model.Evaluation, bool) {
	f := c.form
	year, err := strconv.Atoi(strings.TrimSpace(f.year.Value()))
	stage := model.Stages[f.stage]
	in := model.Builtins()[f.inst]
	team, _ := model.ParseTeam(f.team.Value())
	ev := model.Evaluation{ID: model.EvaluationID(c.satkerID, year, stage), SatkerID: c.satkerID, Year: year,
		Stage: stage, InstrumentID: in.ID, InstrumentHash: in.Hash, Status: model.Draft, Team: team}
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
	if _, err := model.ParseTeam(f.team.Value()); errors.As(err, &fe) {
		f.problem[efTeam] = fe.Error()
	}
	f.prefill = min(f.prefill, len(c.sources()))
	if f.focus > c.lastField() {
		f.focus = c.lastField()
	}
}

func (c *chooserScreen) formFocus(i int) tea.Cmd {
	f := c.form
	f.focus = i
	f.year.Blur()
	f.team.Blur()
	switch i {
	case efYear:
		f.year.CursorEnd()
		return f.year.Focus()
	case efTeam:
		f.team.CursorEnd()
		return f.team.Focus()
	}
	return nil
}

// typing reports whether the form's focus is a text field.
func (f *evalForm) typing() bool { return f.focus == efYear || f.focus == efTeam }

// field is the text field in focus.
func (f *evalForm) field() *textinput.Model {
	if f.focus == efTeam {
		return &f.team
	}
	return &f.year
}

func (c *chooserScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := c.form
	if f.saving {
		return nil
	}
	k := c.keys
	armed := f.discard
	f.discard = false
	f.formErr = ""
	n := c.lastField() + 1
	switch {
	case key.Matches(msg, k.Cancel):
		// A team takes a while to type: one esc does not lose it, as
		// one does not lose the satker form's changes.
		if strings.TrimSpace(f.team.Value()) != "" && !armed {
			f.discard = true
			f.formErr = "Tim belum disimpan. Tekan esc lagi untuk membuang, atau ctrl+s untuk membuat evaluasi."
			return nil
		}
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
	case f.typing():
		var cmd tea.Cmd
		*f.field(), cmd = f.field().Update(msg)
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
			n := len(c.sources()) + 1
			f.prefill = (f.prefill + d + n) % n
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
			return c.formFocus(min(i, efTeam))
		}
	}
	ev, _ := c.formEval()
	in := model.Builtins()[f.inst]
	from := ""
	if src := c.source(); src != nil {
		from = src.ID
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
		notice := "✓ Evaluasi dibuat: " + msg.id
		if msg.copied > 0 {
			notice += fmt.Sprintf(" · %d jawaban dibawa sebagai isi awal (= mengonfirmasi)", msg.copied)
		}
		c.say(notice, false)
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
	parts = append(parts, part{line(efTeam, "Tim", f.team.View()), false})
	if len(f.team.Value()) == 0 {
		parts = append(parts, part{indent + st.Muted.Render(ansi.Truncate("kosong: satu evaluator mengerjakan semua tingkat", hintW, "…")), true})
	}
	if srcs := c.sources(); len(srcs) > 0 {
		val, hint := "kosong", "mulai tanpa jawaban"
		if src := c.source(); src != nil {
			val = fmt.Sprintf("%d %s", src.Year, src.Stage)
			// The round's id where it fits; else what carrying does in
			// full, val naming the round beside it.
			for _, h := range []string{"jawaban " + src.ID + " dibawa, ditandai sampai dikonfirmasi",
				"jawabannya dibawa, ditandai sampai dikonfirmasi", "dibawa, ditandai sampai dikonfirmasi"} {
				if hint = h; lipgloss.Width(h) <= hintW {
					break
				}
			}
		}
		parts = append(parts, part{line(efPrefill, "Isi awal", choiceText(val, f.focus == efPrefill)), false},
			part{indent + st.Muted.Render(ansi.Truncate(hint, hintW, "…")), true})
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
