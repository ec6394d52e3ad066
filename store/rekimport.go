package store

// checkRekomendasi validates the bundle's recommendations: each on its
// own, then against its evaluation (in the bundle or the database) and
// that evaluation's instrument.
func (im *importer) checkRekomendasi() {
	seen := map[string]int{}
	for i := range im.b.reks {
		l := &im.b.reks[i]
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
// a stored one is replaced only by a newer one (Updated), with a history
// entry when its status changes.
func (im *importer) applyRekomendasi() error {
	t := im.t
	now := t.db.stamp()
	for _, l := range im.b.reks {
		r := l.rec
		old, err := t.rek(r.ID)
		found := err == nil
		switch {
		case err != nil && !isNotFound(err):
			return err
		case found && old.equal(r):
			im.stats.Recommendations.Unchanged++
			continue
		case found && !r.Updated.After(old.Updated):
			im.stats.Recommendations.Kept++
			continue
		case found:
			if old.Status != r.Status {
				c := t.rekChange(r, im.by, fieldRekStatus, old.Status, r.Status)
				c.At = now
				if _, err := t.record(c); err != nil {
					return err
				}
			}
			im.stats.Recommendations.Updated++
		default:
			im.stats.Recommendations.Added++
		}
		if err := t.putRek(r); err != nil {
			return err
		}
	}
	return nil
}
