package lke

import (
	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Preview is what importing a file into an evaluation would do, read
// before anything is written: which questions it changes and which it
// leaves as they are, the rows that match no question (left out) and the
// values that are refused (nothing can be saved while there are any).
type Preview struct {
	Evaluation string
	Changed    []Row // the import writes these: a new answer, a changed one or note, a carried one confirmed
	Unchanged  []Row // the file says what is stored already
	Skipped    model.FileErrors
	Invalid    model.FileErrors
	// Refusal is why the store would refuse the import whatever the file
	// says (a final evaluation, a person outside the team); nil when none.
	Refusal error
}

// Row is one question a file answers, beside what the evaluation holds.
type Row struct {
	Entry
	From, To     string // the answer stored and the file's, as the screens write it (80,5%; "" for none)
	NoteFrom     string // the note stored, when the file changes it
	ValueChanged bool
	NoteChanged  bool
}

// Savable reports whether the file can be imported: no value is refused
// and the store would take it. Skipped rows are left out.
func (p Preview) Savable() bool { return len(p.Invalid) == 0 && p.Refusal == nil }

// PreviewImport is what Import would do with a file read by ReadCSV or
// ReadLKE (refused or not) in an existing evaluation, for the person by,
// decided by the store exactly as the import decides it (at by's review
// level, a carried answer confirmed counting as a change) in a
// transaction it rolls back. A reviewer's change that needs a reason is
// among Invalid, at its cell.
func PreviewImport(db *store.DB, f File, evalID, by string) (Preview, error) {
	ev, err := db.Evaluation(evalID)
	if err != nil {
		return Preview{}, err
	}
	in, err := db.Instrument(ev.InstrumentHash)
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Evaluation: evalID, Skipped: f.Skipped, Invalid: f.Invalid}
	if e := f.otherSatker(ev.SatkerID); e != nil {
		p.Invalid = append(model.FileErrors{*e}, p.Invalid...)
	}
	good := File{Name: f.Name, Instrument: f.Instrument}
	for _, e := range f.Entries {
		if _, ok := in.Question(e.Question); !ok { // read against another instrument: the store refuses it
			p.Skipped = append(p.Skipped, model.FileError{File: f.Name, Line: e.Line,
				Msg: e.Question + " bukan pertanyaan instrumen " + in.ID})
			continue
		}
		good.Entries = append(good.Entries, e)
	}
	data, lines := good.answersJSON()
	plan, _, err := db.PlanAnswers(good.Name, data, good.notes(), ev.SatkerID, ev.Stage, ev.Year, by)
	if err != nil {
		err = relocate(err, good, lines)
		if es, ok := model.AsFileErrors(err); ok {
			p.Invalid = append(p.Invalid, es...)
		} else {
			p.Refusal = err
		}
	}
	planned := make(map[string]store.AnswerPlan, len(plan))
	for _, a := range plan {
		planned[a.Question] = a
	}
	for _, e := range good.Entries {
		q, _ := in.Question(e.Question)
		a, ok := planned[e.Question]
		if !ok {
			continue // refused: among Invalid
		}
		r := Row{Entry: e, From: valueText(q, a.Old.Value), To: valueText(q, a.New.Value)}
		r.ValueChanged = a.Old.Value != a.New.Value
		r.NoteChanged = a.Old.Note != a.New.Note
		if r.NoteChanged {
			r.NoteFrom = a.Old.Note
		}
		if a.Change == store.Unchanged {
			p.Unchanged = append(p.Unchanged, r)
		} else {
			p.Changed = append(p.Changed, r)
		}
	}
	return p, nil
}

func valueText(q *model.Question, v model.Value) string {
	if v.IsZero() {
		return ""
	}
	return model.DecimalComma(answerText(q, v))
}
