package lke

import (
	"errors"
	"fmt"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Target finds the instrument a file of answers for this satker, stage and
// year is checked against, the way store.ImportAnswers picks the
// evaluation: an empty stage is PMPZI, year 0 the latest year with an
// evaluation of that stage; an evaluation that does not exist yet will be
// made with the default instrument.
func Target(db *store.DB, satkerID string, stage model.Stage, year int) (*model.Instrument, error) {
	if stage == "" {
		stage = model.StagePMPZI
	}
	e, err := FindEvaluation(db, satkerID, stage, year)
	if errors.Is(err, store.ErrNotFound) {
		if _, err := db.Satker(satkerID); err != nil {
			return nil, err
		}
		in, ok := model.Builtin(model.DefaultInstrument)
		if !ok {
			return nil, fmt.Errorf("instrumen bawaan %s tidak ada", model.DefaultInstrument)
		}
		return in, nil
	}
	if err != nil {
		return nil, err
	}
	return db.Instrument(e.InstrumentHash)
}

// Result is what Import did.
type Result struct {
	store.ImportStats
	Evaluation string // the evaluation the answers went into
	Notes      int    // notes written
}

// notes is the notes the file gives, by question id.
func (f File) notes() map[string]string {
	notes := map[string]string{}
	for _, e := range f.Entries {
		if e.HasNote {
			notes[e.Question] = e.Note
		}
	}
	return notes
}

// Import saves a file read by ReadCSV or ReadLKE into a satker's
// evaluation through store.ImportAnswersNoting: one transaction, answers
// and notes together, all or nothing, checked for the review level the
// person answers at. A problem the store finds is reported at the file's
// own line or cell. A file with refused values (f.Invalid) saves nothing;
// its rows that match no question (f.Skipped) are left out: the caller
// imports such a file only once the person has seen what is skipped.
func Import(db *store.DB, f File, satkerID string, stage model.Stage, year int, by string) (Result, error) {
	if e := f.otherSatker(satkerID); e != nil {
		return Result{}, Errors(append(model.FileErrors{*e}, f.Invalid...))
	}
	if len(f.Invalid) > 0 {
		return Result{}, Errors(f.Invalid)
	}
	if len(f.Entries) == 0 && len(f.Skipped) > 0 {
		return Result{}, nil // every row left out: nothing to write, not even the evaluation
	}
	if stage == "" {
		stage = model.StagePMPZI
	}
	data, lines := f.answersJSON()
	notes := f.notes()
	res := Result{}
	res.Evaluation, res.Notes = noteChanges(db, satkerID, stage, year, notes)
	stats, err := db.ImportAnswersNoting(f.Name, data, notes, satkerID, stage, year, by)
	res.ImportStats = stats
	if err != nil {
		return res, relocate(err, f, lines)
	}
	return res, nil
}

// noteChanges names the evaluation an import goes into and counts the
// notes that differ from what it holds (all of them when it is new).
func noteChanges(db *store.DB, satkerID string, stage model.Stage, year int, notes map[string]string) (string, int) {
	id, _ := db.ImportEvaluation(satkerID, stage, year) // on an error, the import itself reports why
	stored, _ := db.Answers(id)
	n := 0
	for q, note := range notes {
		if stored[q].Note != note {
			n++
		}
	}
	return id, n
}

// Changed reports whether the import wrote anything.
func (r Result) Changed() bool { return r.ImportStats.Changed() || r.Notes > 0 }

// relocate turns the lines of the JSON Import handed the store back into
// the file's own lines or cells.
func relocate(err error, f File, lines []*Entry) error {
	es, ok := model.AsFileErrors(err)
	if !ok {
		return err
	}
	out := make(model.FileErrors, 0, len(es))
	for _, e := range es {
		if e.File == f.Name && e.Line >= 2 && e.Line-2 < len(lines) {
			en := lines[e.Line-2]
			if en.Cell != "" {
				e.Line, e.Msg = 0, en.Cell+": "+e.Msg
			} else {
				e.Line = en.Line
			}
		} else if e.File == f.Name {
			e.Line = 0 // about the whole file
		}
		out = append(out, e)
	}
	return Errors(out)
}

func where(f File, e Entry) string {
	if e.Cell != "" {
		return f.Name + ": " + e.Cell
	}
	return fmt.Sprintf("%s:%d", f.Name, e.Line)
}

// Errors is every problem of a refused file; it is a store.ErrInvalid.
type Errors model.FileErrors

func (e Errors) Error() string   { return model.FileErrors(e).Error() }
func (e Errors) Unwrap() []error { return []error{store.ErrInvalid, model.FileErrors(e)} }
