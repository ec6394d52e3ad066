package store

import (
	"fmt"

	"github.com/kemenag-ortala/ziwb/model"
)

// ImportAnswers loads an answers file (the format of the instrument
// contract) into a satker's evaluation of one stage and year, in one
// transaction: every problem in the file is reported with its line and
// nothing is written, or every answer is. A null answer clears the stored
// one; questions the file does not mention keep theirs.
//
// An empty stage means PMPZI; year 0 means the latest year the satker has
// an evaluation of that stage, else the year of the store's clock (see
// ImportEvaluation). When that evaluation does not exist yet it is
// created with the instrument the file names (a built-in one), or the
// default.
func (db *DB) ImportAnswers(name string, data []byte, satkerID string, stage model.Stage, year int, by string) (ImportStats, error) {
	return db.ImportAnswersNoting(name, data, nil, satkerID, stage, year, by)
}

// ImportAnswersNoting is ImportAnswers with the notes a spreadsheet
// carries beside its answers (by question id), saved in the same
// transaction: a worksheet is one action, its answers and notes together.
func (db *DB) ImportAnswersNoting(name string, data []byte, notes map[string]string, satkerID string, stage model.Stage, year int, by string) (ImportStats, error) {
	stats, _, err := db.importAnswers(name, data, notes, satkerID, stage, year, by, false)
	return stats, err
}

// AnswerPlan is what an answers file does to one question, decided as
// ImportAnswersNoting decides it: at the importing person's review level,
// a carried answer confirmed by a value as a change.
type AnswerPlan struct {
	Question string
	Old, New model.Answer // the importer's level's answer before and after
	Change   Change
}

// Change says how an import leaves one answer.
type Change int

const (
	Unchanged Change = iota
	Added
	Updated
)

// PlanAnswers is ImportAnswersNoting without writing, into an evaluation
// that exists: what it would do to every question the file names, in the
// file's order, with the same counts and the same refusals (a reviewer's
// change without a reason) as its error.
func (db *DB) PlanAnswers(name string, data []byte, notes map[string]string, satkerID string, stage model.Stage, year int, by string) ([]AnswerPlan, ImportStats, error) {
	stats, plan, err := db.importAnswers(name, data, notes, satkerID, stage, year, by, true)
	return plan, stats, err
}

// ImportEvaluation is the id of the evaluation ImportAnswers puts a
// file for satkerID, stage and year into: an empty stage is PMPZI, year 0
// the satker's latest year of that stage, else the year of the store's
// clock. The evaluation need not exist yet.
func (db *DB) ImportEvaluation(satkerID string, stage model.Stage, year int) (string, error) {
	if stage == "" {
		stage = model.StagePMPZI
	}
	year, err := viewed(db, func(t txn) (int, error) { return t.importYear(satkerID, stage, year) })
	return model.EvaluationID(satkerID, year, stage), err
}

// importYear is the year of ImportEvaluation's round, for a stage given.
func (t txn) importYear(satkerID string, stage model.Stage, year int) (int, error) {
	if year != 0 {
		return year, nil
	}
	recs, err := t.evaluationsOf(satkerID)
	if err != nil {
		return 0, err
	}
	evals := make([]model.Evaluation, len(recs))
	for i, r := range recs {
		evals[i] = r.model()
	}
	return model.ImportYear(evals, stage, t.db.stamp().Year()), nil
}

// importAnswers is ImportAnswersNoting; dry decides every question and
// writes nothing, the transaction rolled back.
func (db *DB) importAnswers(name string, data []byte, notes map[string]string, satkerID string, stage model.Stage, year int, by string, dry bool) (ImportStats, []AnswerPlan, error) {
	af, err := model.ReadAnswersFile(name, data)
	if err != nil {
		return ImportStats{}, nil, fileErrors(err)
	}
	if stage == "" {
		stage = model.StagePMPZI
	}
	var stats ImportStats
	var plan []AnswerPlan
	err = db.write(func(t txn) error {
		stats, plan = ImportStats{}, nil
		s, err := t.satker(satkerID)
		if err != nil {
			return err
		}
		if year, err = t.importYear(satkerID, stage, year); err != nil {
			return err
		}
		id := model.EvaluationID(satkerID, year, stage)
		e, err := t.evaluation(id)
		var in *model.Instrument
		switch {
		case isNotFound(err) && dry:
			return err
		case isNotFound(err):
			if e, in, err = t.createForImport(name, af, s, year, stage, by); err != nil {
				return err
			}
			stats.Evaluations.Added++
		case err != nil:
			return err
		default:
			if af.Instrument != "" && af.Instrument != e.Instrument {
				return importError{model.FileErrors{{File: name, Line: 1, Msg: fmt.Sprintf(
					"berkas berisi jawaban untuk instrumen %q, tetapi evaluasi %s memakai %q", af.Instrument, id, e.Instrument)}}}
			}
			if in, err = t.instrument(e.InstrumentHash); err != nil {
				return err
			}
		}
		step, err := db.decide(e, model.ActEdit, by, "")
		if err != nil {
			return err
		}
		vals, err := in.CheckAnswers(name, af)
		if err != nil {
			return fileErrors(err)
		}
		var unreasoned model.FileErrors
		var group uint64 // the file is one action: one undo reverts all of it
		entries := af.Entries
		for _, qid := range sortedKeys(notes) { // a note on a question the file does not answer
			if !mentions(af.Entries, qid) {
				entries = append(entries, model.AnswerEntry{Question: qid})
			}
		}
		for _, entry := range entries {
			others, err := t.questionAnswers(id, entry.Question)
			if err != nil {
				return err
			}
			old := answerRec{Evaluation: id, Question: entry.Question, Level: storedLevel(step.Level)}
			for _, r := range others {
				if r.level() == step.Level {
					old = r
				}
			}
			next := old
			if entry.Line > 0 || mentions(af.Entries, entry.Question) {
				next.Value = vals[entry.Question] // absent for null: clears
				next.Carried = false              // a value given confirms what an earlier round brought
			} else if _, ok := in.Question(entry.Question); !ok {
				return fmt.Errorf("catatan untuk pertanyaan %q %w di instrumen %s", entry.Question, ErrNotFound, in.ID)
			}
			if note, ok := notes[entry.Question]; ok {
				next.Note = note
			}
			if err := needsReason(others, next, step.Level); err != nil {
				unreasoned = append(unreasoned, model.FileError{File: name, Line: entry.Line, Msg: err.Error() +
					" (berkas jawaban tidak membawa catatan: tulis alasannya di meja kerja)"})
				continue
			}
			change := Updated
			switch {
			case next.same(old), agreesBelow(others, old, next, step.Level):
				change = Unchanged
				stats.Answers.Unchanged++
			case old.empty():
				change = Added
				stats.Answers.Added++
			default:
				stats.Answers.Updated++
			}
			plan = append(plan, AnswerPlan{Question: entry.Question, Old: old.model(), New: next.model(), Change: change})
			if change == Unchanged || dry {
				continue
			}
			if _, err := t.saveAnswerIn(&group, e, in, old, next, by, nil); err != nil {
				return err
			}
		}
		if len(unreasoned) > 0 { // all or nothing, as every refused file
			return importError{unreasoned}
		}
		if !stats.Changed() || dry {
			return errUnchanged
		}
		return nil
	})
	return stats, plan, err
}

// createForImport makes the evaluation an answers file goes into.
func (t txn) createForImport(name string, af model.AnswersFile, s satkerRec, year int, stage model.Stage, by string) (evalRec, *model.Instrument, error) {
	id := af.Instrument
	if id == "" {
		id = model.DefaultInstrument
	}
	in, ok := model.Builtin(id)
	if !ok {
		return evalRec{}, nil, importError{model.FileErrors{{File: name, Line: 1, Msg: fmt.Sprintf(
			"instrumen %q bukan instrumen bawaan; buat evaluasinya dulu dengan instrumen itu", id)}}}
	}
	ev, err := t.createEvaluation(model.Evaluation{SatkerID: s.ID, Year: year, Stage: stage}, in, by)
	if err != nil {
		return evalRec{}, nil, err
	}
	return evalToRec(ev), in, nil
}

// fileErrors marks a model's list of file problems as ErrInvalid.
func fileErrors(err error) error {
	if es, ok := model.AsFileErrors(err); ok {
		return importError{es}
	}
	return invalid("berkas", err)
}

// mentions reports whether an answers file names a question.
func mentions(entries []model.AnswerEntry, qid string) bool {
	for _, e := range entries {
		if e.Question == qid {
			return true
		}
	}
	return false
}

// agreesBelow reports a reviewer's file row that only repeats the answer
// that counts now: the reviewer has no answer of their own there and the
// row brings the same value and nothing else. Re-importing the workbook
// the evaluation was exported to must not copy every answer to the
// reviewer's level under their name; a value that differs is their
// answer, and asks for its reason as in the walk.
func agreesBelow(others []answerRec, old, next answerRec, lvl model.Level) bool {
	if lvl <= model.Anggota || !old.empty() || next.Note != "" || next.Value.IsZero() {
		return false
	}
	return effectiveValues(others)[next.Question] == next.Value
}
