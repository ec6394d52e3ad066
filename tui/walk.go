package tui

import (
	"errors"
	"fmt"
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

// walkScreen is where evaluators live: the component tree, one question at
// a time with its guide and the satker's own answer, the note, the
// evidence, and the verdicts updating as answers are saved.
type walkScreen struct {
	env     *env
	evalID  string
	keys    walkKeys
	version uint64 // the evaluation's version when it was loaded

	// loaded once, then kept in step with every save
	loaded  bool
	eval    model.Evaluation
	satker  model.Satker
	inst    *model.Instrument
	answers map[string]model.Answer                 // the answers that count
	levels  map[string]map[model.Level]model.Answer // every question's answers per review level
	authors map[store.AnswerOf]store.Authorship     // beside levels: who gave each value, who wrote each note
	self    map[string]model.Answer                 // the satker's PMPZI answers, for a TPI walk
	prev    map[string]model.Answer                 // the previous round's answers
	round   *model.Evaluation                       // the previous round, when there is one
	last    *model.Change                           // the newest status step
	carry   map[string][]model.Rekomendasi          // earlier rounds' open recommendations, by area
	sc      model.Scorecard
	way     *model.Path // the fewest questions to the target (path.go), kept with sc
	// step is what the user may do to answers now: the level they edit
	// at, or why they may not (a final evaluation, another's turn).
	step    model.Step
	stepErr error
	reason  *pendingReason // a reviewer's answer waiting for its reason
	refused *noteDraft     // a note the store refused, back in its editor
	prompt  *stepPrompt    // a status step being chosen, at the foot

	treeLines map[treeKey]string // drawn tree nodes, until the scores change

	cur      int // index into inst.Questions()
	scroll   int // lines the question's pane is scrolled down, for question scrollAt
	scrollAt int
	start    string // a node or question to open at, instead of the first unanswered
	focus    walkFocus
	input    textinput.Model
	note     textarea.Model
	evCur    int
	evForm   [2]textinput.Model // title, location
	evIdx    int                // evidence being edited; -1 adds

	pending int               // saves not yet committed
	missed  bool              // a change of someone else's came while saves were pending
	ticket  uint64            // the last write asked for
	shownAt map[string]uint64 // per question, the write whose answer is shown
	allAt   uint64            // the write (an undo) that last gave every answer
	saved   time.Time
	problem string // why the last answer was refused, shown in place
	width   int
	height  int
	// stepNote is the problem when it is a step's notice, and the status
	// it describes: a load that finds another status says that one.
	stepNote struct {
		text   string
		status model.Status
	}
}

func newWalk(e *env, evalID string) screen {
	in := newField("› ", "", 32)
	note := newTextArea("Catatan evaluator untuk pertanyaan ini…")
	// A stored note may be longer than the typing limit (imported, or
	// set with the CLI): SetValue would cut it, and esc save it cut.
	note.CharLimit = 0
	title := newField("Judul:  ", "mis. SK Tim Pembangunan ZI", 0)
	loc := newField("Lokasi: ", "path, URL atau nomor dokumen", 0)
	return &walkScreen{env: e, evalID: evalID, keys: newWalkKeys(), input: in, note: note, evForm: [2]textinput.Model{title, loc},
		shownAt: map[string]uint64{}}
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
		ws    store.Worksheet
		carry map[string][]model.Rekomendasi
	}

	// answerSavedMsg and undoneMsg carry the ticket of the write: results
	// can arrive in another order than the writes were done in.
	answerSavedMsg struct {
		answer model.Answer
		ticket uint64
	}
	// saveFailedMsg is a write of the walk's that the store refused.
	saveFailedMsg struct {
		err    error
		undo   bool
		note   *noteDraft // a refused note, to keep
		reason string     // a refused answer's reason, to quote
	}
	undoneMsg struct {
		change  model.Change
		levels  map[string]map[model.Level]model.Answer
		authors map[store.AnswerOf]store.Authorship
		ticket  uint64
	}
)

func (w *walkScreen) Init() tea.Cmd { return w.load }

// load reads everything the walk shows: one command, one transaction.
func (w *walkScreen) load() tea.Msg {
	ws, err := w.env.db.Worksheet(w.evalID)
	if err != nil {
		return errMsg{err}
	}
	return walkLoadedMsg{ws, model.CarryOver(ws.Open, ws.Instrument)}
}

// live reads whether the evaluation changed since it was loaded — one
// seek, where a load reads every answer — and loads it only then.
func (w *walkScreen) live() tea.Cmd {
	if !w.loaded {
		return nil
	}
	if w.pending > 0 { // its own saves' results are on their way: after them
		w.missed = true
		return nil
	}
	shown := w.version
	return func() tea.Msg {
		if v, err := w.env.db.Version(w.evalID); err == nil && v == shown {
			return nil
		}
		return w.load()
	}
}

// writeDone counts one of the walk's own writes done; when the last is, a
// change of someone else's that came meanwhile is read.
func (w *walkScreen) writeDone() tea.Cmd {
	w.pending = max(0, w.pending-1)
	if w.pending > 0 || !w.missed {
		return nil
	}
	w.missed = false
	return w.live()
}

func (w *walkScreen) Title() string {
	if !w.loaded {
		return "Evaluasi"
	}
	return fmt.Sprintf("%d %s", w.eval.Year, w.eval.Stage) // the satker is the crumb before
}

func (w *walkScreen) Capturing() bool {
	return w.prompt != nil || (w.focus != focusQuestion && w.focus != focusEvidence)
}

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
	vals := w.values()
	w.sc, _ = model.Score(w.inst, vals, w.inst.TargetFor(w.satker.Target))
	w.way = pathFor(w.inst, vals, w.sc.Target)
}

func (w *walkScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case walkLoadedMsg:
		if w.loaded && w.pending > 0 {
			w.missed = true // read before a save of ours: read again after it
			return nil
		}
		first := !w.loaded
		w.loaded = true
		ws := msg.ws
		w.eval, w.satker, w.inst, w.answers, w.levels, w.self = ws.Evaluation, ws.Satker, ws.Instrument, ws.Answers, ws.Levels, ws.Self
		w.authors = ws.Authors
		w.prev, w.round, w.last = ws.Previous, ws.PreviousRound, ws.LastStep
		w.version = ws.Version
		w.carry = msg.carry
		w.step, w.stepErr = model.Decide(w.eval.Team, w.eval.Status, w.env.db.Actor(w.env.user), model.ActEdit, "")
		if w.problem != "" && w.problem == w.stepNote.text && w.stepNote.status != w.eval.Status {
			w.noteStatus(w.eval.Status) // others moved it on: the notice follows
		}
		w.rescore()
		switch {
		case !first: // back from another screen: stay where the evaluator was
			w.cur = min(w.cur, max(0, len(w.inst.Questions())-1))
		case w.start != "":
			if q, ok := w.inst.FirstQuestion(w.start); ok {
				w.jumpTo(q.ID)
			}
		default:
			w.cur = w.firstUnsettled()
		}
		return nil
	case answerSavedMsg:
		w.saved = time.Now()
		q := msg.answer.Question
		if msg.ticket < max(w.shownAt[q], w.allAt) {
			return w.writeDone() // a later write to it has been shown already
		}
		w.shownAt[q] = msg.ticket
		w.setAnswer(msg.answer)
		w.rescore()
		return w.writeDone()
	case undoneMsg:
		// Every answer as the undo left it, but those a later write has
		// shown already.
		for q, at := range w.shownAt {
			if at > msg.ticket {
				if a, ok := w.levels[q]; ok {
					msg.levels[q] = a
				} else {
					delete(msg.levels, q)
				}
				for _, l := range model.Levels {
					k := store.AnswerOf{Question: q, Level: l}
					if au, ok := w.authors[k]; ok {
						msg.authors[k] = au
					} else {
						delete(msg.authors, k)
					}
				}
			}
		}
		w.levels, w.authors, w.allAt = msg.levels, msg.authors, max(w.allAt, msg.ticket)
		w.answers = make(map[string]model.Answer, len(w.levels))
		for q := range w.levels {
			w.countAnswer(q)
		}
		w.saved = time.Now()
		w.rescore()
		w.problem = "Diurungkan"
		if msg.change.Question != "" {
			w.jumpTo(msg.change.Question)
			w.problem += ": " + describeUndo(w.question(), msg.change, w.mine(msg.change.Question))
		}
		return w.writeDone()
	case saveFailedMsg:
		// Refused (a final evaluation, nothing to undo) or failed: say so
		// here, and the status line no longer waits for it.
		w.problem = "Tidak tersimpan: " + errorText(msg.err)
		if errors.Is(msg.err, store.ErrNotFound) && msg.undo {
			w.problem = "Tidak ada lagi perubahan Anda yang bisa diurungkan di evaluasi ini."
		}
		// A refusal by level and status holds while the status does: a
		// load that finds another status says that one instead.
		if msg.reason != "" { // typed, and not to be lost with the answer
			w.problem += " Alasan yang ditolak: " + msg.reason
		} else if de := (*model.DecisionError)(nil); errors.As(msg.err, &de) && msg.note == nil {
			w.stepNote.text, w.stepNote.status = w.problem, de.Status
		}
		if msg.note != nil {
			return tea.Batch(w.keepRefusedNote(msg.note), w.writeDone())
		}
		return w.writeDone()
	case refreshMsg:
		if w.pending > 0 { // its own saves' results are on their way: after them
			w.missed = true
			return nil
		}
		return w.load
	case steppedMsg:
		w.pending = max(0, w.pending-1)
		cmd := w.Update(msg.loaded)
		w.noteStatus(msg.to)
		return cmd
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
	fields := []formField{focusInput: lineField{&w.input}, focusNote: areaField{&w.note}, focusEvidenceForm: lineField{&w.evForm[w.evField()]}}
	return forwardTo(fields, int(w.focus), msg)
}
