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
	Changed    []Row // the file's answer or note differs from the stored one
	Unchanged  []Row // the file says what is stored already
	Skipped    model.FileErrors
	Invalid    model.FileErrors
}

// Row is one question a file answers, beside what the evaluation holds.
type Row struct {
	Entry
	From, To     string // the answer stored and the file's, as typed ("" for none)
	NoteFrom     string // the note stored, when the file changes it
	ValueChanged bool
	NoteChanged  bool
}

// Savable reports whether the file can be imported: no value is refused.
// Skipped rows are left out.
func (p Preview) Savable() bool { return len(p.Invalid) == 0 }

// PreviewImport compares a file read by ReadCSV or ReadLKE (refused or
// not) with what the evaluation holds, without writing. The stored answers
// are those that count, the ones the workbench shows; an import made at a
// review level of its own is compared with the same answers.
func PreviewImport(db *store.DB, f File, evalID string) (Preview, error) {
	ws, err := db.Worksheet(evalID)
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Evaluation: evalID, Skipped: f.Skipped, Invalid: f.Invalid}
	for _, e := range f.Entries {
		q, ok := ws.Instrument.Question(e.Question)
		if !ok { // read against another instrument: the store refuses it
			p.Skipped = append(p.Skipped, model.FileError{File: f.Name, Line: e.Line,
				Msg: e.Question + " bukan pertanyaan instrumen " + ws.Instrument.ID})
			continue
		}
		old := ws.Answers[e.Question]
		r := Row{Entry: e, From: valueText(q, old.Value), To: valueText(q, e.Value)}
		if !e.Answer {
			r.To = r.From // the file leaves the answer alone
		}
		r.ValueChanged = e.Answer && e.Value != old.Value
		r.NoteChanged = e.HasNote && e.Note != old.Note
		if r.NoteChanged {
			r.NoteFrom = old.Note
		}
		if r.ValueChanged || r.NoteChanged {
			p.Changed = append(p.Changed, r)
		} else {
			p.Unchanged = append(p.Unchanged, r)
		}
	}
	return p, nil
}

func valueText(q *model.Question, v model.Value) string {
	if v.IsZero() {
		return ""
	}
	return answerText(q, v)
}
