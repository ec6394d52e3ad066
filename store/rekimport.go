package store

// checkRekomendasi validates the bundle's recommendations: each on its
// own, then against its evaluation (in the bundle or the database) and
// that evaluation's instrument.
func (im *importer) checkRekomendasi() {
	seen := map[string]int{}
	for i := range im.reks {
		l := &im.reks[i]
		r := &l.rec
		r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC()
		if badID(r.ID) || badID(r.Evaluation) {
			im.errf(l.line, "rekomendasi: id %q atau evaluasi %q tidak sah", r.ID, r.Evaluation)
			continue
		}
		if dup(im, seen, r.ID, l.line, "rekomendasi") {
			continue
		}
		if p := r.problem(); p != "" {
			im.errf(l.line, "rekomendasi %s: %s", r.ID, p)
			continue
		}
		if r.Created.IsZero() || r.Updated.IsZero() {
			im.errf(l.line, "rekomendasi %s: \"created\" dan \"updated\" wajib diisi", r.ID)
		}
		e, ok := im.evaluation(r.Evaluation)
		if !ok {
			im.errf(l.line, "rekomendasi %s: evaluasi %q tidak ada di bundel maupun di basis data", r.ID, r.Evaluation)
			continue
		}
		if e.Satker != r.Satker {
			im.errf(l.line, "rekomendasi %s: satker %q, padahal evaluasinya milik %q", r.ID, r.Satker, e.Satker)
			continue
		}
		in := im.instrument(e.InstrumentHash)
		if in == nil {
			continue // reported with the evaluation
		}
		if !nodeKnown(in, r.Node) {
			im.errf(l.line, "rekomendasi %s: komponen %q tidak ada di instrumen %s", r.ID, r.Node, in.ID)
		}
	}
}

// applyRekomendasi writes the checked recommendations: new ones are added,
// a stored one is replaced only by a newer version of itself (Updated),
// with history entries for what changed. Each database numbers its own
// recommendations, so an id can name a different one elsewhere: a
// recommendation is recognised by where, by whom and when it was made,
// and one whose number is taken here gets the next free one.
func (im *importer) applyRekomendasi() error {
	t := im.t
	now := t.db.stamp()
	for _, l := range im.reks {
		r := l.rec
		old, found, err := t.rekTwin(r)
		if err != nil {
			return err
		}
		if found {
			r.ID = old.ID
		} else if _, err := t.rek(r.ID); err == nil {
			if r.ID, err = t.nextRekID(r.Evaluation); err != nil {
				return err
			}
		} else if !isNotFound(err) {
			return err
		}
		if !im.stats.Recommendations.weigh(found, found && old.equal(r), r.Updated.After(old.Updated)) {
			continue
		}
		if found {
			changes := t.rekFieldChanges(old, r, im.by)
			if old.Status != r.Status {
				changes = append(changes, t.rekChange(r, im.by, fieldRekStatus, old.Status, r.Status))
			}
			for _, c := range changes {
				c.At = now
				if _, err := t.record(c); err != nil {
					return err
				}
			}
		}
		if err := t.putRek(r); err != nil {
			return err
		}
	}
	return nil
}

// sameOrigin reports whether two records are versions of one
// recommendation: made in the same evaluation by the same person at the
// same moment.
func sameOrigin(a, b rekRec) bool {
	return a.Evaluation == b.Evaluation && a.CreatedBy == b.CreatedBy && a.Created.Equal(b.Created)
}

// rekTwin finds the stored version of r: under r's id when that is the
// same recommendation, else among its evaluation's (an earlier import may
// have given it another number).
func (t txn) rekTwin(r rekRec) (rekRec, bool, error) {
	old, err := t.rek(r.ID)
	switch {
	case err == nil && sameOrigin(old, r):
		return old, true, nil
	case err != nil && !isNotFound(err):
		return rekRec{}, false, err
	}
	twins, err := t.reks(rekPrefix(r.Evaluation), func(x rekRec) bool { return sameOrigin(x, r) })
	if err != nil || len(twins) == 0 {
		return rekRec{}, false, err
	}
	return twins[0], true, nil
}
