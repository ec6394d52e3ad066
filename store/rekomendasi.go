package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// RekFilter selects recommendations; empty fields match everything.
type RekFilter struct {
	Satker     string
	Evaluation string
	Status     []model.RekStatus // any of these
}

// CreateRekomendasi saves a new recommendation of an evaluation (a draft
// the evaluator accepted, or one written by hand). The store assigns the
// id (evaluation id + "/r" + the next number), the satker, the status baru
// and the stamps; the node must be an area, part or question of the
// evaluation's own instrument. Follow-ups are added afterwards with
// AddTindakLanjut.
func (db *DB) CreateRekomendasi(r model.Rekomendasi, by string) (model.Rekomendasi, error) {
	var out rekRec
	err := db.write(func(t txn) error {
		var err error
		out, err = t.createRek(r, by, db.stamp())
		return err
	})
	if err != nil {
		return model.Rekomendasi{}, err
	}
	return out.model(), nil
}

// createRek is CreateRekomendasi inside a transaction, stamped at.
func (t txn) createRek(r model.Rekomendasi, by string, at time.Time) (rekRec, error) {
	switch {
	case r.Status != "" && r.Status != model.RekBaru:
		return rekRec{}, invalid("rekomendasi", &model.FieldError{Field: "status", Value: string(r.Status),
			Msg: "rekomendasi baru berstatus baru; ubah statusnya sesudah disimpan"})
	case len(r.FollowUps) > 0:
		return rekRec{}, invalid("rekomendasi", &model.FieldError{Field: "tindak lanjut",
			Msg: "tambahkan tindak lanjut sesudah rekomendasi disimpan"})
	}
	r.Status, r.Reason = model.RekBaru, ""
	r.Due = model.Date(r.Due)
	if err := r.Validate(); err != nil {
		return rekRec{}, invalid("rekomendasi", err)
	}
	e, err := t.rekEvaluation(r.EvaluationID, r.Node)
	if err != nil {
		return rekRec{}, err
	}
	if r.SatkerID != "" && r.SatkerID != e.Satker {
		return rekRec{}, fmt.Errorf("rekomendasi %w: evaluasi %s milik satker %q, bukan %q", ErrInvalid, e.ID, e.Satker, r.SatkerID)
	}
	if r.ID, err = t.nextRekID(e.ID); err != nil {
		return rekRec{}, err
	}
	r.SatkerID = e.Satker
	r.CreatedBy, r.Created, r.UpdatedBy, r.Updated = by, at, by, at
	out := rekToRec(r)
	if err := t.putRek(out); err != nil {
		return rekRec{}, err
	}
	c := t.rekChange(out, by, fieldRek, "", out.Text)
	c.At = at
	_, err = t.record(c)
	return out, err
}

// nextRekID is the next free number among an evaluation's
// recommendations: its id.
func (t txn) nextRekID(evalID string) (string, error) {
	existing, err := t.reks(rekPrefix(evalID), nil)
	if err != nil {
		return "", err
	}
	next := 1
	for _, x := range existing {
		if n, ok := rekSeq(x.ID, evalID); ok && n >= next {
			next = n + 1
		}
	}
	return fmt.Sprintf("%s%s%d", evalID, rekIDInfix, next), nil
}

// rekEvaluation loads the evaluation a recommendation belongs to and
// checks the node is in its instrument.
func (t txn) rekEvaluation(evalID, node string) (evalRec, error) {
	e, in, err := t.evaluationIn(evalID)
	if err != nil {
		return e, err
	}
	if !nodeKnown(in, node) {
		return e, invalid("rekomendasi", &model.FieldError{Field: "komponen", Value: node,
			Msg: "tidak ada di instrumen " + in.ID + " evaluasi ini"})
	}
	return e, nil
}

func (t txn) rekChange(r rekRec, by, field, old, new string) changeRec {
	return changeRec{By: by, At: t.db.stamp(), Satker: r.Satker, Evaluation: r.Evaluation, Question: r.ID,
		Field: field, Old: old, New: new}
}

// UpdateRekomendasi changes a recommendation's text, priority, due date and
// node (its other fields have their own operations), with one history
// entry per changed field. A closed recommendation (diverifikasi, ditolak)
// is not edited: its record stays what was verified or refused.
func (db *DB) UpdateRekomendasi(r model.Rekomendasi, by string) (model.Rekomendasi, error) {
	return db.editRek(r.ID, by, func(t txn, old rekRec) (rekRec, []changeRec, error) {
		if !old.model().IsOpen() {
			return old, nil, closedRek(old)
		}
		next := old
		next.Text, next.Priority, next.Due, next.Node = r.Text, string(r.Priority), dateText(r.Due), r.Node
		if err := next.model().Validate(); err != nil {
			return old, nil, invalid("rekomendasi", err)
		}
		if next.Node != old.Node {
			if _, err := t.rekEvaluation(old.Evaluation, next.Node); err != nil {
				return old, nil, err
			}
		}
		return next, t.rekFieldChanges(old, next, by), nil
	})
}

// rekFieldChanges are the history entries of an edit of text, priority,
// due date and node.
func (t txn) rekFieldChanges(old, next rekRec, by string) []changeRec {
	var changes []changeRec
	was := old.fields()
	for i, f := range next.fields() {
		if f.name != fieldRekStatus && *was[i].v != *f.v {
			changes = append(changes, t.rekChange(old, by, f.name, *was[i].v, *f.v))
		}
	}
	return changes
}

func closedRek(r rekRec) error {
	return fmt.Errorf("rekomendasi %s sudah %s, tidak bisa diubah lagi (%w)", r.ID, r.Status, ErrInvalid)
}

// SetRekStatus moves a recommendation along its workflow
// (model.RekStatus.CanMoveTo); an illegal move is ErrInvalid wrapping the
// model's *FieldError. ditolak needs a reason, kept on the record; for the
// other moves a reason is only written to the history ("dikerjakan: bukti
// belum cukup"). Setting the status it already has changes nothing.
func (db *DB) SetRekStatus(id string, st model.RekStatus, reason, by string) (model.Rekomendasi, error) {
	return db.editRek(id, by, statusEdit(st, reason, by))
}

// statusEdit is the edit of SetRekStatus.
func statusEdit(st model.RekStatus, reason, by string) rekEdit {
	reason = strings.TrimSpace(reason)
	return func(t txn, old rekRec) (rekRec, []changeRec, error) {
		cur := model.RekStatus(old.Status)
		if cur == st {
			return old, nil, nil
		}
		if err := cur.CanMoveTo(st); err != nil {
			return old, nil, invalid("rekomendasi "+old.ID, err)
		}
		next := old
		next.Status, next.Reason = string(st), ""
		if st == model.RekDitolak {
			next.Reason = reason
		}
		if err := next.model().Validate(); err != nil {
			return old, nil, invalid("rekomendasi "+old.ID, err)
		}
		newText := next.Status
		if reason != "" {
			newText += ": " + reason
		}
		return next, []changeRec{t.rekChange(old, by, fieldRekStatus, old.Status, newText)}, nil
	}
}

// AddTindakLanjut appends a follow-up entry to an open recommendation. A
// zero date is today; an empty By is the one adding it.
func (db *DB) AddTindakLanjut(id string, tl model.TindakLanjut, by string) (model.Rekomendasi, error) {
	if tl.Date.IsZero() {
		tl.Date = db.stamp()
	}
	edit, err := followUpEdit(tl, by)
	if err != nil {
		return model.Rekomendasi{}, err
	}
	return db.editRek(id, by, edit)
}

// followUpEdit is the edit of AddTindakLanjut, once the entry is valid.
func followUpEdit(tl model.TindakLanjut, by string) (rekEdit, error) {
	tl.Date = model.Date(tl.Date)
	if strings.TrimSpace(tl.By) == "" {
		tl.By = by
	}
	if err := tl.Validate(); err != nil {
		return nil, invalid("tindak lanjut", err)
	}
	return func(t txn, old rekRec) (rekRec, []changeRec, error) {
		if !old.model().IsOpen() {
			return old, nil, closedRek(old)
		}
		next := old
		rec := tindakLanjutToRec(tl)
		next.FollowUps = append(append([]tindakLanjutRec(nil), old.FollowUps...), rec)
		return next, []changeRec{t.rekChange(old, by, fieldRekFollowUp, "", string(encode(rec)))}, nil
	}, nil
}

// rekEdit turns a recommendation's record into its next version with
// the history entries that say what changed; none means nothing to write.
type rekEdit func(t txn, old rekRec) (rekRec, []changeRec, error)

// editRek is the one write path of an existing recommendation.
func (db *DB) editRek(id, by string, edit rekEdit) (model.Rekomendasi, error) {
	var out rekRec
	err := db.write(func(t txn) error {
		old, err := t.rek(id)
		if err != nil {
			return err
		}
		out, err = t.applyRekEdit(old, edit, by, db.stamp())
		return err
	})
	if err != nil {
		return model.Rekomendasi{}, err
	}
	return out.model(), nil
}

// applyRekEdit writes an edit of old stamped at, with its history; an
// edit that changes nothing is errUnchanged.
func (t txn) applyRekEdit(old rekRec, edit rekEdit, by string, at time.Time) (rekRec, error) {
	next, changes, err := edit(t, old)
	if err != nil {
		return old, err
	}
	if len(changes) == 0 {
		return old, errUnchanged
	}
	next.UpdatedBy, next.Updated = by, at
	if err := t.putRek(next); err != nil {
		return old, err
	}
	for _, c := range changes {
		c.At = at
		if _, err := t.record(c); err != nil {
			return old, err
		}
	}
	return next, nil
}

// DeleteRekomendasi removes a recommendation; the history keeps it and an
// entry for the deletion.
func (db *DB) DeleteRekomendasi(id, by string) error {
	return db.write(func(t txn) error {
		r, err := t.rek(id)
		if err != nil {
			return err
		}
		if err := t.rekBucket().Delete([]byte(id)); err != nil {
			return err
		}
		_, err = t.record(t.rekChange(r, by, fieldRek, r.Text, ""))
		return err
	})
}

// Rekomendasi returns one recommendation.
func (db *DB) Rekomendasi(id string) (model.Rekomendasi, error) {
	r, err := viewed(db, func(t txn) (rekRec, error) { return t.rek(id) })
	if err != nil {
		return model.Rekomendasi{}, err
	}
	return r.model(), nil
}

// RekomendasiList returns the recommendations the filter selects, by
// satker, evaluation and number.
func (db *DB) RekomendasiList(f RekFilter) ([]model.Rekomendasi, error) {
	var prefix []byte
	switch {
	case f.Evaluation != "":
		prefix = rekPrefix(f.Evaluation)
	case f.Satker != "":
		prefix = evalPrefix(f.Satker)
	}
	recs, err := viewed(db, func(t txn) ([]rekRec, error) {
		return t.reks(prefix, func(r rekRec) bool {
			return (f.Satker == "" || r.Satker == f.Satker) && (f.Evaluation == "" || r.Evaluation == f.Evaluation) &&
				statusIn(model.RekStatus(r.Status), f.Status)
		})
	})
	if err != nil {
		return nil, err
	}
	return sortedReks(recs), nil
}

func statusIn(s model.RekStatus, list []model.RekStatus) bool {
	if len(list) == 0 {
		return true
	}
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sortedReks orders records by evaluation, then number (r2 before r10).
func sortedReks(recs []rekRec) []model.Rekomendasi {
	sort.SliceStable(recs, func(i, j int) bool {
		if recs[i].Evaluation != recs[j].Evaluation {
			return recs[i].Evaluation < recs[j].Evaluation
		}
		a, _ := rekSeq(recs[i].ID, recs[i].Evaluation)
		b, _ := rekSeq(recs[j].ID, recs[j].Evaluation)
		return a < b
	})
	out := make([]model.Rekomendasi, len(recs))
	for i, r := range recs {
		out[i] = r.model()
	}
	return out
}

// OpenRekomendasi returns a satker's open recommendations (see
// model.Rekomendasi.IsOpen) from evaluations of years before beforeYear:
// what a new round should check first (model.CarryOver groups them by
// area). 0 means every year.
func (db *DB) OpenRekomendasi(satkerID string, beforeYear int) ([]model.Rekomendasi, error) {
	return viewed(db, func(t txn) ([]model.Rekomendasi, error) { return t.openReks(satkerID, beforeYear) })
}

// openReks is the body of OpenRekomendasi, in the caller's transaction.
func (t txn) openReks(satkerID string, beforeYear int) ([]model.Rekomendasi, error) {
	if _, err := t.satker(satkerID); err != nil {
		return nil, err
	}
	evals, err := t.evaluationsOf(satkerID)
	if err != nil {
		return nil, err
	}
	years := map[string]int{}
	for _, e := range evals {
		years[e.ID] = e.Year
	}
	recs, err := t.reks(evalPrefix(satkerID), func(r rekRec) bool {
		y, ok := years[r.Evaluation]
		return ok && r.Satker == satkerID && (beforeYear == 0 || y < beforeYear) && r.model().IsOpen()
	})
	if err != nil {
		return nil, err
	}
	return sortedReks(recs), nil
}
