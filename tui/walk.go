package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// walkFocus is the part of the walk screen that takes keys.
type walkFocus int

const (
	focusQuestion     walkFocus = iota // answer keys, navigation
	focusInput                         // typing a number or any answer
	focusNote                          // the note editor
	focusEvidence                      // the evidence list
	focusEvidenceForm                  // adding or editing one evidence
)

type walkKeys struct {
	Next, Prev, NextGap, PrevGap, NextPart, PrevPart     key.Binding
	Answer, Type, Clear, Undo, Note, Evidence, Scorecard key.Binding
	Review, Back                                         key.Binding
	// evidence list
	EvAdd, EvEdit, EvRemove, EvCheck, EvUp, EvDown key.Binding
	// fields
	Save, Cancel key.Binding
}

func newWalkKeys() walkKeys {
	return walkKeys{
		Next:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "pertanyaan berikut")),
		Prev:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "pertanyaan sebelum")),
		NextGap:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "belum dijawab berikut")),
		PrevGap:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", "belum dijawab sebelum")),
		NextPart:  key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn/J", "indikator berikut")),
		PrevPart:  key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup/K", "indikator sebelum")),
		Answer:    key.NewBinding(key.WithKeys("y", "t", "a", "b", "c", "d", "e"), key.WithHelp("y/t a–e", "jawab")),
		Type:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ketik jawaban")),
		Clear:     key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "hapus jawaban")),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "urungkan")),
		Note:      key.NewBinding(key.WithKeys("n", "tab"), key.WithHelp("n/tab", "catatan")),
		Evidence:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "eviden")),
		Scorecard: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "kartu nilai")),
		Review:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rekomendasi")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
		EvAdd:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "tambah eviden")),
		EvEdit:    key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "ubah eviden")),
		EvRemove:  key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "hapus eviden")),
		EvCheck:   key.NewBinding(key.WithKeys("space"), key.WithHelp("spasi", "tandai diperiksa")),
		EvUp:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		EvDown:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "simpan")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "selesai")),
	}
}

// walkScreen is where evaluators live: the component tree, one question at
// a time with its guide and the satker's own answer, the note, the
// evidence, and the verdicts updating as answers are saved.
type walkScreen struct {
	env    *env
	evalID string
	keys   walkKeys

	// loaded once, then kept in step with every save
	loaded  bool
	eval    model.Evaluation
	satker  model.Satker
	inst    *model.Instrument
	answers map[string]model.Answer
	self    map[string]model.Answer        // the satker's PMPZI answers, for a TPI walk
	carry   map[string][]model.Rekomendasi // earlier rounds' open recommendations, by area
	sc      model.Scorecard

	treeLines map[treeKey]string // drawn tree nodes, until the scores change

	cur    int    // index into inst.Questions()
	start  string // a node or question to open at, instead of the first unanswered
	focus  walkFocus
	input  textinput.Model
	note   textarea.Model
	evCur  int
	evForm [2]textinput.Model // title, location
	evIdx  int                // evidence being edited; -1 adds

	pending int // saves not yet committed
	saved   time.Time
	problem string // why the last answer was refused, shown in place
	width   int
	height  int
}

func newWalk(e *env, evalID string) screen {
	in := newField("› ", "", 32)
	note := newTextArea("Catatan evaluator untuk pertanyaan ini…")
	title := newField("Judul:  ", "mis. SK Tim Pembangunan ZI", 0)
	loc := newField("Lokasi: ", "path, URL atau nomor dokumen", 0)
	return &walkScreen{env: e, evalID: evalID, keys: newWalkKeys(), input: in, note: note, evForm: [2]textinput.Model{title, loc}}
}

// newWalkAt opens the walk at a question, or at the first question of a
// node: where a recommendation points.
func newWalkAt(e *env, evalID, nodeOrQuestion string) screen {
	w := newWalk(e, evalID).(*walkScreen)
	w.start = nodeOrQuestion
	return w
}

// Messages of the walk screen.
type (
	walkLoadedMsg struct {
		eval    model.Evaluation
		satker  model.Satker
		inst    *model.Instrument
		answers map[string]model.Answer
		self    map[string]model.Answer
		carry   map[string][]model.Rekomendasi
	}
	answerSavedMsg struct {
		answer model.Answer
	}
	// saveFailedMsg is a write of the walk's that the store refused.
	saveFailedMsg struct {
		err  error
		undo bool
	}
	undoneMsg struct {
		change  model.Change
		answers map[string]model.Answer
	}
)

func (w *walkScreen) Init() tea.Cmd { return w.load }

// load reads everything the walk shows: one command, one transaction.
func (w *walkScreen) load() tea.Msg {
	ws, err := w.env.db.Worksheet(w.evalID)
	if err != nil {
		return errMsg{err}
	}
	return walkLoadedMsg{ws.Evaluation, ws.Satker, ws.Instrument, ws.Answers, ws.Self, model.CarryOver(ws.Open, ws.Instrument)}
}

func (w *walkScreen) Title() string {
	if !w.loaded {
		return "Evaluasi"
	}
	return fmt.Sprintf("%d %s", w.eval.Year, w.eval.Stage) // the satker is the crumb before
}

func (w *walkScreen) Capturing() bool { return w.focus != focusQuestion && w.focus != focusEvidence }

func (w *walkScreen) SetSize(width, height int) {
	w.width, w.height = width, height
	w.treeLines = nil // drawn with the styles of the time
	w.layoutEditors()
}

func (w *walkScreen) question() *model.Question {
	if !w.loaded || len(w.inst.Questions()) == 0 {
		return nil
	}
	return w.inst.Questions()[w.cur]
}

// values is the answers as the scoring engine takes them.
func (w *walkScreen) values() model.Answers {
	a := make(model.Answers, len(w.answers))
	for id, ans := range w.answers {
		a[id] = ans.Value
	}
	return a
}

func (w *walkScreen) rescore() {
	w.treeLines = nil
	w.sc, _ = model.Score(w.inst, w.values(), w.inst.TargetFor(w.satker.Target))
}

func (w *walkScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case walkLoadedMsg:
		first := !w.loaded
		w.loaded = true
		w.eval, w.satker, w.inst, w.answers, w.self = msg.eval, msg.satker, msg.inst, msg.answers, msg.self
		w.carry = msg.carry
		w.rescore()
		switch {
		case !first: // back from another screen: stay where the evaluator was
			w.cur = min(w.cur, max(0, len(w.inst.Questions())-1))
		case w.start != "":
			if q, ok := w.inst.FirstQuestion(w.start); ok {
				w.jumpTo(q.ID)
			}
		default:
			w.cur = w.firstUnanswered()
		}
		return nil
	case answerSavedMsg:
		w.pending = max(0, w.pending-1)
		w.answers[msg.answer.Question] = msg.answer
		if msg.answer.Value.IsZero() && msg.answer.Note == "" && len(msg.answer.Evidence) == 0 {
			delete(w.answers, msg.answer.Question)
		}
		w.saved = time.Now()
		w.rescore()
		return nil
	case undoneMsg:
		w.pending = max(0, w.pending-1)
		w.answers = msg.answers
		w.saved = time.Now()
		w.rescore()
		if msg.change.Question != "" {
			w.jumpTo(msg.change.Question)
		}
		w.problem = "Diurungkan: " + describeChange(w.inst, msg.change)
		return nil
	case saveFailedMsg:
		// Refused (a final evaluation, nothing to undo) or failed: say so
		// here, and the status line no longer waits for it.
		w.pending = max(0, w.pending-1)
		w.problem = "Tidak tersimpan: " + errorText(msg.err)
		if errors.Is(msg.err, store.ErrNotFound) && msg.undo {
			w.problem = "Tidak ada lagi yang bisa diurungkan di evaluasi ini."
		}
		return nil
	case refreshMsg:
		return w.load
	case tea.KeyPressMsg:
		if !w.loaded {
			if key.Matches(msg, w.keys.Back) {
				return w.env.goBack()
			}
			return nil
		}
		return w.handleKey(msg)
	case tea.PasteMsg:
		if w.loaded && w.focus == focusQuestion {
			w.problem = ""
			return w.openInput(msg.Content) // a pasted value is an answer to check, never keys
		}
	}
	return w.forward(msg)
}

// forward passes other messages (cursor blinks) to the focused field.
func (w *walkScreen) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch w.focus {
	case focusInput:
		w.input, cmd = w.input.Update(msg)
	case focusNote:
		w.note, cmd = w.note.Update(msg)
	case focusEvidenceForm:
		for i := range w.evForm {
			var c tea.Cmd
			w.evForm[i], c = w.evForm[i].Update(msg)
			cmd = tea.Batch(cmd, c)
		}
	}
	return cmd
}

func (w *walkScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch w.focus {
	case focusInput:
		return w.inputKey(msg)
	case focusNote:
		return w.noteKey(msg)
	case focusEvidence:
		return w.evidenceKey(msg)
	case focusEvidenceForm:
		return w.evidenceFormKey(msg)
	}
	k := w.keys
	w.problem = ""
	q := w.question()
	switch {
	case key.Matches(msg, k.Back):
		return w.env.goBack()
	case key.Matches(msg, k.Next):
		w.move(1)
	case key.Matches(msg, k.Prev):
		w.move(-1)
	case key.Matches(msg, k.NextGap):
		w.gap(1)
	case key.Matches(msg, k.PrevGap):
		w.gap(-1)
	case key.Matches(msg, k.NextPart):
		w.part(1)
	case key.Matches(msg, k.PrevPart):
		w.part(-1)
	case key.Matches(msg, k.Undo):
		return w.undo()
	case key.Matches(msg, k.Scorecard):
		return w.env.open(newScorecard(w.env, w.evalID))
	case key.Matches(msg, k.Review):
		return w.env.open(newReview(w.env, reviewScope{satkerID: w.eval.SatkerID, draftsFor: w.evalID}))
	case key.Matches(msg, k.Note):
		w.focus = focusNote
		w.note.SetValue(w.answers[q.ID].Note)
		return w.note.Focus()
	case key.Matches(msg, k.Evidence):
		w.focus = focusEvidence
		w.evCur = 0
	case key.Matches(msg, k.Clear):
		if _, ok := w.answers[q.ID]; ok && !w.answers[q.ID].Value.IsZero() {
			return w.saveAnswer(q, model.Value{}, "")
		}
	case key.Matches(msg, k.Type):
		return w.openInput("")
	case isTyped(msg):
		r := msg.Text
		if !q.Type.IsChoice() {
			if strings.ContainsAny(r, "0123456789.,") {
				return w.openInput(r)
			}
			w.problem = fmt.Sprintf("Pertanyaan ini dijawab dengan angka (%s): tekan enter atau ketik angkanya.", q.Accepted())
			return nil
		}
		v, err := q.Parse(r)
		if err != nil {
			w.problem = refusal(q, r)
			return nil
		}
		return w.saveAnswer(q, v, "")
	}
	return nil
}

// refusal says, in place, why a key is not an answer to q.
func refusal(q *model.Question, typed string) string {
	return fmt.Sprintf("%q bukan jawaban pertanyaan ini — pilih %s.", strings.ToUpper(typed), q.Accepted())
}

func (w *walkScreen) openInput(initial string) tea.Cmd {
	w.focus = focusInput
	w.input.SetValue(initial)
	w.input.CursorEnd()
	w.input.Placeholder = w.question().Accepted()
	return w.input.Focus()
}

func (w *walkScreen) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case msg.Code == tea.KeyEscape:
		w.focus = focusQuestion
		w.input.Blur()
		w.problem = ""
		return nil
	case msg.Code == tea.KeyEnter:
		q := w.question()
		typed := strings.TrimSpace(w.input.Value())
		v, err := q.Parse(typed)
		if err != nil {
			var ae *model.AnswerError
			if errors.As(err, &ae) && ae.Reason != "" {
				w.problem = fmt.Sprintf("%q ditolak: %s. Yang diterima: %s.", typed, ae.Reason, ae.Accepted)
			} else {
				w.problem = refusal(q, typed)
			}
			return nil // the field keeps what was typed, to correct it
		}
		w.focus = focusQuestion
		w.input.Blur()
		w.problem = ""
		counts := ""
		if q.Type == model.Percent && strings.Contains(typed, "/") {
			counts = typed
		}
		return w.saveAnswer(q, v, counts)
	}
	var cmd tea.Cmd
	w.input, cmd = w.input.Update(msg)
	return cmd
}

// saveAnswer writes one answer through the store; the screen shows it only
// once the transaction has committed. counts, when typed as "8/10", go
// into the note as the decision on percentage items asks.
func (w *walkScreen) saveAnswer(q *model.Question, v model.Value, counts string) tea.Cmd {
	db, evalID, user := w.env.db, w.evalID, w.env.user
	if counts == "" {
		return w.write(func() (model.Answer, error) { return db.SetAnswer(evalID, q.ID, v, user) })
	}
	note := fmt.Sprintf("Jumlah: %s = %s%%", counts, strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v.Number), "0"), "."))
	if old := w.answers[q.ID].Note; old != "" {
		note = old + "\n" + note
	}
	// The value and its counts are one action: one commit, one undo.
	return w.write(func() (model.Answer, error) { return db.SetAnswerWithNote(evalID, q.ID, v, note, user) })
}

// write queues one change of an answer; the walk waits for it ("…
// menyimpan") until the store has committed it or refused it.
func (w *walkScreen) write(save func() (model.Answer, error)) tea.Cmd {
	w.pending++
	return w.env.write(w, func() tea.Msg {
		ans, err := save()
		if err != nil {
			return saveFailedMsg{err: err}
		}
		return answerSavedMsg{ans}
	})
}

// undo reverts the evaluation's last action, in the order of the writes.
func (w *walkScreen) undo() tea.Cmd {
	w.pending++
	db, evalID, user := w.env.db, w.evalID, w.env.user
	return w.env.write(w, func() tea.Msg {
		ch, err := db.Undo(evalID, user)
		if err != nil {
			return saveFailedMsg{err, true}
		}
		answers, err := db.Answers(evalID)
		if err != nil {
			return saveFailedMsg{err, true}
		}
		return undoneMsg{ch, answers}
	})
}

func (w *walkScreen) noteKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.Code == tea.KeyEscape || msg.Code == tea.KeyTab || key.Matches(msg, w.keys.Save) {
		w.note.Blur()
		w.focus = focusQuestion
		if msg.Code == tea.KeyTab {
			w.focus = focusEvidence
		}
		q := w.question()
		text := strings.TrimRight(w.note.Value(), " \n")
		if text == w.answers[q.ID].Note {
			return nil
		}
		db, evalID, user := w.env.db, w.evalID, w.env.user
		return w.write(func() (model.Answer, error) { return db.SetNote(evalID, q.ID, text, user) })
	}
	var cmd tea.Cmd
	w.note, cmd = w.note.Update(msg)
	return cmd
}

func (w *walkScreen) evidence() []model.Evidence { return w.answers[w.question().ID].Evidence }

func (w *walkScreen) evidenceKey(msg tea.KeyPressMsg) tea.Cmd {
	k := w.keys
	ev := w.evidence()
	switch {
	case msg.Code == tea.KeyEscape || msg.Code == tea.KeyTab:
		w.focus = focusQuestion
	case key.Matches(msg, k.EvUp):
		w.evCur = max(0, w.evCur-1)
	case key.Matches(msg, k.EvDown):
		w.evCur = max(0, min(len(ev)-1, w.evCur+1))
	case key.Matches(msg, k.EvAdd):
		return w.openEvidenceForm(-1)
	case key.Matches(msg, k.EvEdit) && len(ev) > 0:
		return w.openEvidenceForm(w.evCur)
	case key.Matches(msg, k.EvRemove) && len(ev) > 0:
		next := append(append([]model.Evidence{}, ev[:w.evCur]...), ev[w.evCur+1:]...)
		w.evCur = max(0, min(w.evCur, len(next)-1))
		return w.saveEvidence(next)
	case key.Matches(msg, k.EvCheck) && len(ev) > 0:
		next := append([]model.Evidence{}, ev...)
		next[w.evCur].Checked = !next[w.evCur].Checked
		return w.saveEvidence(next)
	}
	return nil
}

func (w *walkScreen) openEvidenceForm(idx int) tea.Cmd {
	w.focus = focusEvidenceForm
	w.evIdx = idx
	title, loc := "", ""
	if idx >= 0 {
		e := w.evidence()[idx]
		title, loc = e.Title, e.Location
	}
	w.evForm[0].SetValue(title)
	w.evForm[1].SetValue(loc)
	w.evForm[1].Blur()
	return w.evForm[0].Focus()
}

func (w *walkScreen) evidenceFormKey(msg tea.KeyPressMsg) tea.Cmd {
	field := 0
	if w.evForm[1].Focused() {
		field = 1
	}
	switch {
	case msg.Code == tea.KeyEscape:
		w.evForm[field].Blur()
		w.focus = focusEvidence
		w.problem = ""
		return nil
	case msg.Code == tea.KeyTab || msg.String() == "shift+tab" || (msg.Code == tea.KeyEnter && field == 0):
		w.evForm[field].Blur()
		return w.evForm[1-field].Focus()
	case msg.Code == tea.KeyEnter || key.Matches(msg, w.keys.Save):
		title := strings.TrimSpace(w.evForm[0].Value())
		loc := strings.TrimSpace(w.evForm[1].Value())
		if title == "" {
			w.problem = "Judul eviden wajib diisi."
			w.evForm[1].Blur()
			return w.evForm[0].Focus()
		}
		next := append([]model.Evidence{}, w.evidence()...)
		if w.evIdx >= 0 && w.evIdx < len(next) {
			next[w.evIdx].Title, next[w.evIdx].Location = title, loc
		} else {
			next = append(next, model.Evidence{Title: title, Location: loc})
			w.evCur = len(next) - 1
		}
		w.evForm[field].Blur()
		w.focus = focusEvidence
		w.problem = ""
		return w.saveEvidence(next)
	}
	var cmd tea.Cmd
	w.evForm[field], cmd = w.evForm[field].Update(msg)
	return cmd
}

func (w *walkScreen) saveEvidence(ev []model.Evidence) tea.Cmd {
	db, evalID, qid, user := w.env.db, w.evalID, w.question().ID, w.env.user
	return w.write(func() (model.Answer, error) { return db.SetEvidence(evalID, qid, ev, user) })
}

// --- navigation ---

func (w *walkScreen) move(d int) {
	n := len(w.inst.Questions())
	w.cur = max(0, min(n-1, w.cur+d))
}

func (w *walkScreen) answered(i int) bool {
	a, ok := w.answers[w.inst.Questions()[i].ID]
	return ok && !a.Value.IsZero()
}

func (w *walkScreen) firstUnanswered() int {
	for i := range w.inst.Questions() {
		if !w.answered(i) {
			return i
		}
	}
	return 0
}

// gap moves to the next (d=1) or previous (d=-1) unanswered question,
// wrapping around; it says so when there is none.
func (w *walkScreen) gap(d int) {
	n := len(w.inst.Questions())
	for step := 1; step <= n; step++ {
		i := ((w.cur+d*step)%n + n) % n
		if !w.answered(i) {
			w.cur = i
			return
		}
	}
	w.problem = "Semua pertanyaan sudah dijawab."
}

// part moves to the first question of the next or previous node.
func (w *walkScreen) part(d int) {
	qs := w.inst.Questions()
	parent := w.inst.Parent(qs[w.cur].ID)
	i := w.cur
	for i >= 0 && i < len(qs) && w.inst.Parent(qs[i].ID) == parent {
		i += d
	}
	if i < 0 || i >= len(qs) {
		return
	}
	if d < 0 { // to the first question of that previous node
		p := w.inst.Parent(qs[i].ID)
		for i > 0 && w.inst.Parent(qs[i-1].ID) == p {
			i--
		}
	}
	w.cur = i
}

func (w *walkScreen) jumpTo(qid string) {
	for i, q := range w.inst.Questions() {
		if q.ID == qid {
			w.cur = i
			return
		}
	}
}

func (w *walkScreen) Help() keyHelp {
	k := w.keys
	switch w.focus {
	case focusInput:
		return keyHelp{short: []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "simpan")), k.Cancel}}
	case focusNote:
		return keyHelp{short: []key.Binding{k.Cancel, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "simpan, ke eviden"))}}
	case focusEvidence:
		s := []key.Binding{k.EvAdd, k.EvEdit, k.EvCheck, k.EvRemove, k.Cancel}
		return keyHelp{short: s, full: [][]key.Binding{s, {k.EvUp, k.EvDown}}}
	case focusEvidenceForm:
		return keyHelp{short: []key.Binding{
			key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "kolom berikut")),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "simpan")), k.Cancel}}
	}
	return keyHelp{
		short: []key.Binding{k.Answer, k.Next, k.NextGap, k.Note, k.Undo, k.Scorecard, k.Review, k.Back},
		full: [][]key.Binding{
			{k.Answer, k.Type, k.Clear, k.Undo},
			{k.Next, k.Prev, k.NextGap, k.PrevGap, k.NextPart, k.PrevPart},
			{k.Note, k.Evidence, k.Scorecard, k.Review},
		},
	}
}

// describeChange says in words what an undone change was.
func describeChange(in *model.Instrument, c model.Change) string {
	what := map[string]string{"value": "jawaban", "note": "catatan", "evidence": "eviden"}[c.Field]
	if what == "" {
		what = c.Field
	}
	old := c.Old
	if old == "" {
		old = "kosong"
	}
	return fmt.Sprintf("%s %s kembali ke %s", what, c.Question, old)
}
