package store

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// The conflicts a merge kept, and what a person decides about them: a
// choice is saved as it is made (an interrupted merge resumes where it
// stopped) and nothing changes until the merge is accepted.

// IsFieldBundle peeks at a bundle's start: a field bundle, with an
// origin, is merged (Merge); any other is imported (ImportFrom).
func IsFieldBundle(r *bufio.Reader) bool { return hasOrigin(r) }

// Conflicts lists the conflicts waiting for a person, by record.
func (db *DB) Conflicts() ([]Conflict, error) {
	var out []Conflict
	err := db.view(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketConflicts)
		if bk == nil {
			return nil
		}
		return bk.ForEach(recordsOf(txn{db: db, tx: tx}, "konflik", func(c Conflict) { out = append(out, c) }))
	})
	sortConflicts(out)
	return out, err
}

// Choose saves a person's decision on one conflict: ours, theirs, or a
// value they typed (edit). ChooseNone takes a decision back.
func (db *DB) Choose(id string, choice Choice, edited string) (Conflict, error) {
	var c Conflict
	err := db.update(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketConflicts)
		if bk == nil || bk.Get([]byte(id)) == nil {
			return fmt.Errorf("konflik %q %w", id, ErrNotFound)
		}
		if err := decode(bk.Get([]byte(id)), &c); err != nil {
			return err
		}
		if choice == ChooseEdit {
			var err error
			if edited, err = (txn{db: db, tx: tx}).checkResolution(c, edited); err != nil {
				return err
			}
		}
		c.Choice, c.Edited = choice, edited
		return bk.Put([]byte(id), encode(c))
	})
	return c, err
}

// AcceptMerge applies every decided conflict, as one action: each value
// written with a history entry that keeps both sides' values, the
// conflicts removed, the scores derived again. Undecided conflicts stay.
// It returns how many were applied.
func (db *DB) AcceptMerge(by string) (int, error) {
	n := 0
	err := db.write(func(t txn) error {
		bk := t.bucket(bucketConflicts)
		if bk == nil {
			return errUnchanged
		}
		var decided []Conflict
		if err := bk.ForEach(func(k, v []byte) error {
			var c Conflict
			if err := decode(v, &c); err != nil {
				return err
			}
			if _, ok := c.Resolved(); ok {
				decided = append(decided, c)
			}
			return nil
		}); err != nil {
			return err
		}
		if len(decided) == 0 {
			return errUnchanged
		}
		touched, satkers := map[string]bool{}, map[string]bool{}
		for _, c := range decided {
			v, _ := c.Resolved()
			if err := t.applyResolution(c, v); err != nil {
				return fmt.Errorf("konflik %s %s: %w", c.Record, c.Field, err)
			}
			if _, err := t.record(changeRec{By: by, Satker: c.Satker, Evaluation: c.Evaluation, Question: c.Question,
				Field: c.Field, Old: c.Ours, New: v, Level: storedLevel(c.Level),
				Reason: fmt.Sprintf("gabung: %s; milik %s (%s): %q", choiceText(c.Choice), c.From.Database, c.TheirsBy, c.Theirs)}); err != nil {
				return err
			}
			if err := bk.Delete([]byte(c.ID)); err != nil {
				return err
			}
			if c.Evaluation != "" {
				touched[c.Evaluation] = true
			}
			satkers[c.Satker] = true
			n++
		}
		// A record's base is settled once: the first settling moves the
		// pending base, and a second would find none and blank it.
		settled := map[string]bool{}
		for _, c := range decided {
			key := c.From.Database + "\x00" + c.Record
			if settled[key] {
				continue
			}
			settled[key] = true
			if err := t.settleBase(bk, c); err != nil {
				return err
			}
		}
		if err := t.rederiveEvals(touched); err != nil {
			return err
		}
		for id := range satkers {
			if err := t.rebuildSummary(id); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// settleBase makes the peer's record of a decided conflict its base,
// once no conflict of the record waits: the next merge with the peer
// sees the peer's value as seen, not as a change to weigh again.
func (t txn) settleBase(conflicts *bolt.Bucket, c Conflict) error {
	prefix := []byte(c.Record + "\x00")
	cur := conflicts.Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		var other Conflict
		if decode(v, &other) == nil && other.Record == c.Record && other.From.Database == c.From.Database {
			return nil // still waiting: the old base stays
		}
	}
	key := []byte(c.Satker + "\x00" + c.From.Database + "\x00" + c.Record)
	bases, err := t.tx.CreateBucketIfNotExists(bucketBases)
	if err != nil {
		return err
	}
	pending := t.tx.Bucket(bucketPendingBases)
	if pending == nil || pending.Get(key) == nil {
		return bases.Delete(key) // blank on the peer's side
	}
	if err := bases.Put(key, append([]byte(nil), pending.Get(key)...)); err != nil {
		return err
	}
	return pending.Delete(key)
}

func choiceText(c Choice) string {
	switch c {
	case ChooseOurs:
		return "tetap milik sendiri"
	case ChooseTheirs:
		return "ambil milik mereka"
	}
	return "nilai baru"
}

// checkResolution refuses a typed value the field cannot hold, and
// returns it in the form the store keeps ("72,5" → "72.5", "b" → "B").
func (t txn) checkResolution(c Conflict, v string) (string, error) {
	if c.Kind == "jawaban" && c.Field == fieldValue {
		_, in, err := t.evaluationIn(c.Evaluation)
		if err != nil {
			return v, err
		}
		q, ok := in.Question(c.Question)
		if !ok {
			return v, fmt.Errorf("pertanyaan %s %w", c.Question, ErrNotFound)
		}
		if strings.TrimSpace(v) == "" {
			return "", nil
		}
		pv, err := q.Parse(v)
		if err != nil {
			return v, invalid("jawaban", err)
		}
		nv, err := checkValue(q, pv)
		return nv.String(), err
	}
	if c.Kind == "evaluasi" && c.Field == fieldStatus {
		st, err := model.ParseStatus(v)
		if err != nil {
			return v, invalid("status", err)
		}
		return string(st), nil
	}
	return v, nil
}

// peerRecord decodes into v the record the conflict's peer sent (its
// pending base): a resolution that makes this record the peer's takes
// its time and author too, so both sides hold the same record.
func (t txn) peerRecord(c Conflict, v any) bool {
	pending := t.tx.Bucket(bucketPendingBases)
	if pending == nil {
		return false
	}
	data := pending.Get([]byte(c.Satker + "\x00" + c.From.Database + "\x00" + c.Record))
	return data != nil && decode(data, v) == nil
}

// sameAs: the two hold the same evaluation, whenever last changed.
func (r evalRec) sameAs(o evalRec) bool {
	r.Updated = o.Updated
	return r.equal(o)
}

// sameAs: the two hold the same satker, whenever last changed.
func (r satkerRec) sameAs(o satkerRec) bool {
	r.Updated = o.Updated
	return r == o
}

// sameRek: the two hold the same recommendation, whatever its number
// here and there and whoever last changed it when.
func sameRek(r, o rekRec) bool {
	r.ID, r.Updated, r.UpdatedBy = o.ID, o.Updated, o.UpdatedBy
	return r.equal(o)
}

// setField sets the field of this name to v.
func setField(fields []recordField, name, v string) {
	for _, f := range fields {
		if f.name == name {
			*f.v = v
		}
	}
}

// applyResolution writes a decided value into its record.
func (t txn) applyResolution(c Conflict, v string) error {
	switch c.Kind {
	case "jawaban":
		if e, err := t.evaluation(c.Evaluation); err == nil && e.Status == string(model.Final) && v != c.Ours {
			return fmt.Errorf("evaluasi %s sudah final dan terkunci: buka dulu dengan alasan, lalu terima lagi: %w", c.Evaluation, ErrForbidden)
		}
		a, err := t.answer(c.Evaluation, c.Question, c.Level)
		if err != nil {
			return err
		}
		switch c.Field {
		case fieldValue:
			_, in, err := t.evaluationIn(c.Evaluation)
			if err != nil {
				return err
			}
			q, _ := in.Question(c.Question)
			if a.Value, err = valueFromText(q, v); err != nil {
				return err
			}
		case fieldNote:
			a.Note = v
		case fieldCarried:
			a.Carried = v != ""
		case fieldEvidence:
			title, loc, _ := strings.Cut(c.Item, "\x00")
			name := c.Item
			if c.Choice == ChooseTheirs && c.TheirsItem != "" {
				name = c.TheirsItem
			}
			var kept []evidenceRec
			found := false
			for _, e := range a.Evidence {
				if e.Title == title && e.Location == loc && !found {
					found = true
					if v == "" {
						continue
					}
					e.Title, e.Location, _ = strings.Cut(name, "\x00")
					e.Checked = evidenceChecked(v)
				}
				kept = append(kept, e)
			}
			if !found && v != "" {
				e := evidenceRec{Checked: evidenceChecked(v)}
				e.Title, e.Location, _ = strings.Cut(name, "\x00")
				kept = append(kept, e)
			}
			a.Evidence = kept
		}
		a.At = t.db.stamp()
		var p answerRec
		if t.peerRecord(c, &p) && a.same(p) { // theirs whole: who and when too
			a.By, a.At = p.By, p.At
		}
		return t.putAnswer(a)
	case "evaluasi":
		e, err := t.evaluation(c.Evaluation)
		if err != nil {
			return err
		}
		switch c.Field {
		case fieldStatus:
			e.Status = v
		case fieldTeam:
			team, err := model.ParseTeam(v)
			if err != nil {
				return invalid("tim", err)
			}
			e.Team = teamToRecs(team)
		}
		e.Updated = t.db.stamp()
		var p evalRec
		if t.peerRecord(c, &p) && e.sameAs(p) {
			e.Updated = p.Updated
		}
		return t.put(bucketEvaluations, e.ID, e)
	case "satker":
		s, err := t.satker(c.Satker)
		if err != nil {
			return err
		}
		next := s
		setField(next.fields(), c.Field, v)
		next.Updated = t.db.stamp()
		var p satkerRec
		if t.peerRecord(c, &p) && next.sameAs(p) {
			next.Updated = p.Updated
		}
		if err := t.putSatker(&s, next); err != nil {
			return err
		}
		if next.Target != s.Target {
			return t.restateAll(s.ID, next.Target)
		}
		return nil
	case "rekomendasi":
		r, err := t.rek(c.Rek)
		if err != nil {
			return err
		}
		setField(r.fields(), c.Field, v)
		r.Updated = t.db.stamp()
		var p rekRec
		if t.peerRecord(c, &p) && sameRek(r, p) {
			r.Updated, r.UpdatedBy = p.Updated, p.UpdatedBy
		}
		return t.putRek(r)
	}
	return fmt.Errorf("jenis %q %w", c.Kind, ErrInvalid)
}
