package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// Undo reverts by's newest action on answers (value, note or evidence, or
// several of them saved together — on one question, or on every question
// an imported file changed) of the evaluation that has not been undone
// yet and still stands; the revert is itself an action in the history.
// Repeated calls walk further back. Another person's changes are never
// undone, nor overwritten: a field someone changed since stays as they
// left it (two anggota of one team share a level over the server).
// ErrNotFound when there is nothing left to undo.
func (db *DB) Undo(evalID, by string) (model.Change, error) {
	var out changeRec
	err := db.write(func(t txn) error {
		ev, err := t.evaluation(evalID)
		if err != nil {
			return err
		}
		step, err := db.decide(ev, model.ActEdit, by, "")
		if err != nil {
			return err
		}
		target, found, err := t.undoTarget(evalID, storedLevel(step.Level), by)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("tidak ada perubahan jawaban %s oleh %s di evaluasi %s yang bisa diurungkan: %w", step.Level, by, evalID, ErrNotFound)
		}
		action, err := t.actionOf(target)
		if err != nil {
			return err
		}
		// The question of the target first: its entry is what Undo returns.
		qids := []string{target.Question}
		byQuestion := map[string][]changeRec{}
		for _, c := range action {
			if _, seen := byQuestion[c.Question]; !seen && c.Question != target.Question {
				qids = append(qids, c.Question)
			}
			byQuestion[c.Question] = append(byQuestion[c.Question], c)
		}
		var group uint64 // the undo is one action too, however many questions it reverts
		for _, qid := range qids {
			r, err := t.undoQuestion(&group, evalID, qid, byQuestion[qid], target.Seq, by)
			if err != nil {
				return err
			}
			if qid == target.Question {
				out = r
			}
		}
		return nil
	})
	if err != nil {
		return model.Change{}, err
	}
	return out.model(), nil
}

// undoQuestion reverts the entries of one action on one question, in the
// undo's group (*group, set by the first question that finds it 0), and
// returns the undo entry written for the field of the entry seq (or of
// the first field, when seq is not among them).
func (t txn) undoQuestion(group *uint64, evalID, qid string, action []changeRec, seq uint64, by string) (changeRec, error) {
	var out changeRec
	e, in, q, lvl, err := t.editable(evalID, qid, by)
	if err != nil {
		return out, err
	}
	old, err := t.answer(evalID, qid, lvl)
	if err != nil {
		return out, err
	}
	// Only what still stands as the action left it goes back: a field
	// someone changed since keeps their change.
	action = slices.DeleteFunc(slices.Clone(action), func(c changeRec) bool { return fieldText(old, c.Field) != c.New })
	if len(action) == 0 {
		return out, nil
	}
	target := action[0]
	next := old
	undoes := map[string]uint64{}
	for _, c := range action {
		if err := revert(q, c, &next); err != nil {
			return out, err
		}
		undoes[c.Field] = c.Seq
		if c.Seq == seq {
			target = c
		}
	}
	if next.same(old) {
		// Already as it was (an import or a later edit put it back):
		// record the undo anyway so the next Undo moves on.
		if *group == 0 {
			*group = t.nextSeq()
		}
		for _, c := range action {
			r := changeRec{By: by, Satker: e.Satker, Evaluation: e.ID, Question: q.ID, Field: c.Field,
				Old: c.New, New: c.Old, Undoes: c.Seq, Group: *group, Level: c.Level}
			if r, err = t.record(r); err != nil {
				return out, err
			}
			if c.Seq == target.Seq {
				out = r
			}
		}
		return out, nil
	}
	if _, err := t.saveAnswerIn(group, e, in, old, next, by, undoes); err != nil {
		return out, err
	}
	// The entry just written for the target's field is the undo.
	err = t.walkHistory(HistoryFilter{Evaluation: evalID, Question: q.ID}, func(r changeRec) bool {
		if r.Undoes == target.Seq && r.Field == target.Field {
			out = r
			return false
		}
		return true
	})
	return out, err
}

// undoTarget finds by's newest answer change of an evaluation at one
// level (as stored) that is neither an undo nor undone, and that still
// stands: nobody changed the field since.
func (t txn) undoTarget(evalID string, level model.Level, by string) (changeRec, bool, error) {
	undone := map[uint64]bool{}
	var target changeRec
	found := false
	var ferr error
	err := t.walkHistory(HistoryFilter{Evaluation: evalID}, func(r changeRec) bool {
		switch {
		case r.Undoes != 0:
			undone[r.Undoes] = true
		case undone[r.Seq]:
		case r.Level != level:
		case !strings.EqualFold(r.By, by):
		case r.Question != "" && (r.Field == fieldValue || r.Field == fieldNote || r.Field == fieldEvidence || r.Field == fieldCarried):
			now, err := t.answer(evalID, r.Question, level)
			if err != nil {
				ferr = err
				return false
			}
			if fieldText(now, r.Field) == r.New {
				target, found = r, true
				return false
			}
		}
		return true
	})
	if err == nil {
		err = ferr
	}
	return target, found, err
}

// fieldText is one field of an answer as the history writes it.
func fieldText(a answerRec, field string) string {
	switch field {
	case fieldValue:
		return a.Value.String()
	case fieldNote:
		return a.Note
	case fieldEvidence:
		return evidenceText(a.Evidence)
	case fieldCarried:
		return carriedText(a.Carried)
	}
	return ""
}

// actionOf is every entry of the action target belongs to: the fields
// one user action changed together, on one question or (an import) on
// several.
func (t txn) actionOf(target changeRec) ([]changeRec, error) {
	if target.Group == 0 {
		return []changeRec{target}, nil
	}
	var out []changeRec
	err := t.walkHistory(HistoryFilter{Evaluation: target.Evaluation}, func(r changeRec) bool {
		if r.Seq < target.Group {
			return false // older than the action: the walk is newest first
		}
		if r.Group == target.Group && r.Undoes == 0 && r.Question != "" {
			out = append(out, r)
		}
		return true
	})
	return out, err
}

// revert puts back the old side of a change.
func revert(q *model.Question, c changeRec, a *answerRec) error {
	switch c.Field {
	case fieldValue:
		v, err := valueFromText(q, c.Old)
		if err != nil {
			return err
		}
		a.Value = v
	case fieldNote:
		a.Note = c.Old
	case fieldCarried:
		a.Carried = c.Old != ""
	case fieldEvidence:
		a.Evidence = nil
		if c.Old != "" {
			if err := decode([]byte(c.Old), &a.Evidence); err != nil {
				return fmt.Errorf("riwayat %d: eviden lama tidak terbaca: %w", c.Seq, ErrInvalid)
			}
		}
	}
	return nil
}

// valueFromText reads a value as history writes it (Value.String).
func valueFromText(q *model.Question, s string) (model.Value, error) {
	if s == "" {
		return model.Value{}, nil
	}
	if q.Type.IsChoice() {
		return checkValue(q, model.Letter(s))
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return model.Value{}, fmt.Errorf("nilai %q untuk %s %w", s, q.ID, ErrInvalid)
	}
	return checkValue(q, model.Num(f))
}
