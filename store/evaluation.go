package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// CreateEvaluation stores a new evaluation of a satker for one year and
// stage, with a copy of its instrument (stored once per content hash, so
// the evaluation stays scorable when the built-in instrument changes). An
// empty ID is filled in, an empty status is draft, and a nil instrument is
// the stored one e.InstrumentHash names or the built-in e.InstrumentID (or
// the default) names.
func (db *DB) CreateEvaluation(e model.Evaluation, in *model.Instrument, by string) (model.Evaluation, error) {
	err := db.write(func(t txn) error {
		var err error
		e, err = t.createEvaluation(e, in, by)
		return err
	})
	if err != nil {
		return model.Evaluation{}, err
	}
	return e, nil
}

// CreateEvaluationFrom creates an evaluation as CreateEvaluation does and
// pre-fills it from another as CopyAnswers does (a TPI from the satker's
// PMPZI), as one action: one transaction, all or nothing. It returns the
// evaluation and how many answers were copied.
func (db *DB) CreateEvaluationFrom(e model.Evaluation, in *model.Instrument, fromEvalID, by string) (model.Evaluation, int, error) {
	n := 0
	err := db.write(func(t txn) error {
		var err error
		e.From = fromEvalID
		if e, err = t.createEvaluation(e, in, by); err != nil {
			return err
		}
		n, err = t.copyAnswers(fromEvalID, e.ID, by, true)
		return err
	})
	if err != nil {
		return model.Evaluation{}, 0, err
	}
	return e, n, nil
}

// createEvaluation is the body of CreateEvaluation, in the caller's
// transaction.
func (t txn) createEvaluation(e model.Evaluation, in *model.Instrument, by string) (model.Evaluation, error) {
	if e.ID == "" {
		e.ID = model.EvaluationID(e.SatkerID, e.Year, e.Stage)
	}
	if e.Status == "" {
		e.Status = model.Draft
	}
	if err := e.Validate(); err != nil {
		return e, invalid("evaluasi", err)
	}
	now := t.db.stamp()
	e.Created, e.Updated = now, now
	e.Evaluators = cleanNames(e.Evaluators)
	if err := t.db.checkTeam(e.Team); err != nil {
		return e, err
	}
	s, err := t.satker(e.SatkerID)
	if err != nil {
		return e, err
	}
	if t.bucket(bucketEvaluations).Get([]byte(e.ID)) != nil {
		return e, fmt.Errorf("evaluasi %s %w", e.ID, ErrExists)
	}
	if in, err = t.resolveInstrument(e, in); err != nil {
		return e, err
	}
	e.InstrumentID, e.InstrumentHash = in.ID, in.Hash
	if err := t.putInstrument(in); err != nil {
		return e, err
	}
	rec := evalToRec(e)
	if err := t.put(bucketEvaluations, e.ID, rec); err != nil {
		return e, err
	}
	if err := t.putState(rec, in, s.Target, model.Answers{}, now); err != nil {
		return e, err
	}
	if _, err := t.record(changeRec{By: by, Satker: e.SatkerID, Evaluation: e.ID, Field: fieldEvaluation,
		New: evalLabel(rec), At: now}); err != nil {
		return e, err
	}
	return e, t.rebuildSummary(s.ID)
}

// resolveInstrument finds the instrument a new evaluation uses and checks
// that the evaluation's own id and hash, when given, agree with it.
func (t txn) resolveInstrument(e model.Evaluation, in *model.Instrument) (*model.Instrument, error) {
	if in == nil {
		var err error
		switch {
		case e.InstrumentHash != "":
			in, err = t.instrument(e.InstrumentHash)
		default:
			id := e.InstrumentID
			if id == "" {
				id = model.DefaultInstrument
			}
			var ok bool
			if in, ok = model.Builtin(id); !ok {
				err = fmt.Errorf("instrumen %q %w: bukan instrumen bawaan", id, ErrNotFound)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(in.Data)
	switch {
	case hex.EncodeToString(sum[:]) != in.Hash:
		return nil, fmt.Errorf("instrumen %s %w: sidik sha256 tidak cocok dengan isinya", in.ID, ErrInvalid)
	case e.InstrumentID != "" && e.InstrumentID != in.ID:
		return nil, fmt.Errorf("evaluasi %s %w: instrumen %q, tetapi yang diberikan %q", e.ID, ErrInvalid, e.InstrumentID, in.ID)
	case e.InstrumentHash != "" && e.InstrumentHash != in.Hash:
		return nil, fmt.Errorf("evaluasi %s %w: sidik instrumen %s, tetapi yang diberikan %s", e.ID, ErrInvalid, short(e.InstrumentHash), short(in.Hash))
	}
	return in, nil
}

func cleanNames(names []string) []string {
	var out []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// evalLabel is how history names an evaluation: "PMPZI 2026 (lke-zi-2021)".
func evalLabel(e evalRec) string { return fmt.Sprintf("%s %d (%s)", e.Stage, e.Year, e.Instrument) }

// Evaluation returns one evaluation.
func (db *DB) Evaluation(id string) (model.Evaluation, error) {
	e, err := viewed(db, func(t txn) (evalRec, error) {
		e, err := t.evaluation(id)
		if err != nil {
			return e, err
		}
		return t.lastChanged(e)
	})
	if err != nil {
		return model.Evaluation{}, err
	}
	return e.model(), nil
}

// lastChanged sets an evaluation's Updated to its last answer change when
// that is later than its record's: saves write the state, not the record.
func (t txn) lastChanged(e evalRec) (evalRec, error) {
	st, _, err := t.state(e.ID)
	if st.Updated.After(e.Updated) {
		e.Updated = st.Updated
	}
	return e, err
}

// Evaluations returns a satker's evaluations by year, then stage order.
func (db *DB) Evaluations(satkerID string) ([]model.Evaluation, error) {
	var out []model.Evaluation
	err := db.read(func(t txn) error {
		if _, err := t.satker(satkerID); err != nil {
			return err
		}
		recs, err := t.evaluationsOf(satkerID)
		for _, r := range recs {
			if err == nil {
				r, err = t.lastChanged(r)
			}
			out = append(out, r.model())
		}
		return err
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return stageOrder(out[i].Stage) < stageOrder(out[j].Stage)
	})
	return out, err
}

// DeleteEvaluation removes an evaluation, its answers and its
// recommendations; the history keeps them.
func (db *DB) DeleteEvaluation(id, by string) error {
	return db.write(func(t txn) error {
		e, err := t.evaluation(id)
		if err != nil {
			return err
		}
		if err := t.deleteEvaluation(e); err != nil {
			return err
		}
		if _, err := t.record(changeRec{By: by, Satker: e.Satker, Evaluation: id, Field: fieldEvaluation, Old: evalLabel(e)}); err != nil {
			return err
		}
		return t.rebuildSummary(e.Satker)
	})
}

// deleteEvaluation removes an evaluation's records, its recommendations
// included (not its history).
func (t txn) deleteEvaluation(e evalRec) error {
	if err := t.deleteReks(e.ID); err != nil {
		return err
	}
	if err := t.deleteWork(e.ID); err != nil {
		return err
	}
	return t.bucket(bucketEvaluations).Delete([]byte(e.ID))
}

// Instrument returns the stored instrument with this content hash, parsed
// once per open database.
func (db *DB) Instrument(hash string) (*model.Instrument, error) {
	return viewed(db, func(t txn) (*model.Instrument, error) { return db.instrumentIn(t.tx, hash) })
}

// evaluationIn reads an evaluation and the instrument it is answered in.
func (t txn) evaluationIn(id string) (evalRec, *model.Instrument, error) {
	e, err := t.evaluation(id)
	if err != nil {
		return e, nil, err
	}
	in, err := t.instrument(e.InstrumentHash)
	return e, in, err
}

// evaluationWith reads an evaluation with its satker and its instrument.
func (t txn) evaluationWith(evalID string) (evalRec, satkerRec, *model.Instrument, error) {
	e, err := t.evaluation(evalID)
	if err != nil {
		return e, satkerRec{}, nil, err
	}
	s, err := t.satker(e.Satker)
	if err != nil {
		return e, s, nil, err
	}
	in, err := t.instrument(e.InstrumentHash)
	return e, s, in, err
}

// Scorecard scores an evaluation's stored answers against its own
// instrument, with the satker's target deciding the verdicts.
func (db *DB) Scorecard(evalID string) (model.Scorecard, *model.Instrument, error) {
	var vals model.Answers
	in, target, err := db.scoring(evalID, func(t txn) (err error) {
		vals, err = t.values(evalID)
		return err
	})
	if err != nil {
		return model.Scorecard{}, nil, err
	}
	sc, err := model.Score(in, vals, in.TargetFor(target))
	return sc, in, err
}

// scoring reads what scoring an evaluation takes — its instrument and its
// satker's target — and what read reads of it, in one read transaction.
func (db *DB) scoring(evalID string, read func(txn) error) (*model.Instrument, string, error) {
	var (
		in     *model.Instrument
		target string
	)
	err := db.read(func(t txn) error {
		_, s, ein, err := t.evaluationWith(evalID)
		if err != nil {
			return err
		}
		in, target = ein, s.Target
		return read(t)
	})
	return in, target, err
}
