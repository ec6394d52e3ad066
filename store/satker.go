package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// invalid wraps a validation error so errors.Is(err, ErrInvalid) holds and
// errors.As still reaches the model's *FieldError or *AnswerError.
func invalid(what string, err error) error {
	return fmt.Errorf("%s %w: %w", what, ErrInvalid, err)
}

// CreateSatker stores a new satker, stamping Created and Updated.
func (db *DB) CreateSatker(s model.Satker, by string) (model.Satker, error) {
	if err := db.may(RoleAdmin, "menambah satker"); err != nil {
		return model.Satker{}, err
	}
	if err := s.Validate(); err != nil {
		return model.Satker{}, invalid("satker", err)
	}
	now := db.stamp()
	s.Created, s.Updated = now, now
	err := db.write(func(t txn) error {
		if t.bucket(bucketSatkers).Get([]byte(s.ID)) != nil {
			return fmt.Errorf("satker %q %w", s.ID, ErrExists)
		}
		if err := t.putSatker(nil, satkerToRec(s)); err != nil {
			return err
		}
		if _, err := t.record(changeRec{By: by, Satker: s.ID, Field: fieldSatker, New: s.Name, At: now}); err != nil {
			return err
		}
		return t.rebuildSummary(s.ID)
	})
	if err != nil {
		return model.Satker{}, err
	}
	return s, nil
}

// UpdateSatker replaces a satker's fields (not its id or Created) and records
// one history entry per changed field. A new target rescores the verdicts
// of all its evaluations.
func (db *DB) UpdateSatker(s model.Satker, by string) (model.Satker, error) {
	if err := db.may(RoleAdmin, "mengubah satker"); err != nil {
		return model.Satker{}, err
	}
	if err := s.Validate(); err != nil {
		return model.Satker{}, invalid("satker", err)
	}
	err := db.write(func(t txn) error {
		old, err := t.satker(s.ID)
		if err != nil {
			return err
		}
		s.Created, s.Updated = old.Created, old.Updated
		changes := satkerChanges(old, satkerToRec(s))
		if len(changes) == 0 {
			return errUnchanged
		}
		now := db.stamp()
		s.Updated = now
		if err := t.putSatker(&old, satkerToRec(s)); err != nil {
			return err
		}
		for _, c := range changes {
			c.By, c.Satker, c.At = by, s.ID, now
			if _, err := t.record(c); err != nil {
				return err
			}
		}
		if old.Target != s.Target {
			if err := t.restateAll(s.ID, s.Target); err != nil {
				return err
			}
		}
		return t.rebuildSummary(s.ID)
	})
	if err != nil {
		return model.Satker{}, err
	}
	return db.Satker(s.ID)
}

// restateAll rescores every evaluation of a satker against its target.
func (t txn) restateAll(satkerID, target string) error {
	evals, err := t.evaluationsOf(satkerID)
	for _, e := range evals {
		if err == nil {
			err = t.restate(e, target)
		}
	}
	return err
}

// satkerChanges lists the fields that differ, as history entries.
func satkerChanges(old, s satkerRec) []changeRec {
	var out []changeRec
	was := old.fields()
	for i, f := range s.fields() {
		if *was[i].v != *f.v {
			out = append(out, changeRec{Field: fieldSatker + "." + f.name, Old: *was[i].v, New: *f.v})
		}
	}
	return out
}

// DeleteSatker removes a satker with its evaluations, answers and
// recommendations in one transaction. The history keeps every change made
// to them, and an entry for the deletion.
func (db *DB) DeleteSatker(id, by string) error {
	if err := db.may(RoleAdmin, "menghapus satker"); err != nil {
		return err
	}
	return db.write(func(t txn) error {
		s, err := t.satker(id)
		if err != nil {
			return err
		}
		evals, err := t.evaluationsOf(id)
		if err != nil {
			return err
		}
		for _, e := range evals {
			if err := t.deleteEvaluation(e); err != nil {
				return err
			}
		}
		if err := t.dropSatker(s); err != nil {
			return err
		}
		_, err = t.record(changeRec{By: by, Satker: id, Field: fieldSatker, Old: s.Name})
		return err
	})
}

// Satker returns one satker.
func (db *DB) Satker(id string) (model.Satker, error) {
	s, err := viewed(db, func(t txn) (satkerRec, error) { return t.satker(id) })
	if err != nil {
		return model.Satker{}, err
	}
	return s.model(), nil
}

// Satkers returns every satker in id order.
func (db *DB) Satkers() ([]model.Satker, error) {
	var out []model.Satker
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSatkers).ForEach(recordsOf(txn{db: db, tx: tx}, "satker", func(r satkerRec) { out = append(out, r.model()) }))
	})
	return out, err
}
