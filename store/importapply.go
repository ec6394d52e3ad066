package store

import (
	"fmt"
	"sort"
)

// apply writes a checked bundle.
func (im *importer) apply() error {
	t := im.t
	touchedEvals := map[string]bool{}
	touchedSatkers := map[string]bool{}
	for _, l := range im.b.instruments {
		if t.bucket(bucketInstruments).Get([]byte(l.rec.Hash)) != nil {
			im.stats.Instruments.Unchanged++
			continue
		}
		if err := t.putInstrument(im.insts[l.rec.Hash]); err != nil {
			return err
		}
		im.stats.Instruments.Added++
	}
	if err := im.applyHistory(); err != nil {
		return err
	}
	now := t.db.stamp()
	for _, l := range im.b.satkers {
		r := l.rec
		var old satkerRec
		ok, err := t.get(bucketSatkers, r.ID, &old)
		switch {
		case err != nil:
			return err
		case ok && old.equal(r):
			im.stats.Satkers.Unchanged++
			continue
		case ok && !r.Updated.After(old.Updated):
			im.stats.Satkers.Kept++
			continue
		case ok:
			for _, c := range satkerChanges(old.model(), r.model()) {
				c.By, c.Satker, c.At = im.by, r.ID, now
				if _, err := t.record(c); err != nil {
					return err
				}
			}
			im.stats.Satkers.Updated++
		default:
			im.stats.Satkers.Added++
		}
		var was *satkerRec
		if ok {
			was = &old
		}
		if err := t.putSatker(was, r); err != nil {
			return err
		}
		touchedSatkers[r.ID] = true
	}
	for _, l := range im.b.evaluations {
		r := l.rec
		var old evalRec
		ok, err := t.get(bucketEvaluations, r.ID, &old)
		switch {
		case err != nil:
			return err
		case ok && old.equal(r):
			im.stats.Evaluations.Unchanged++
			continue
		case ok && !r.Updated.After(old.Updated):
			im.stats.Evaluations.Kept++
			continue
		case ok:
			if old.Status != r.Status {
				if _, err := t.record(changeRec{By: im.by, At: now, Satker: r.Satker, Evaluation: r.ID, Field: fieldStatus, Old: old.Status, New: r.Status}); err != nil {
					return err
				}
			}
			im.stats.Evaluations.Updated++
		default:
			im.stats.Evaluations.Added++
		}
		if err := t.put(bucketEvaluations, r.ID, r); err != nil {
			return err
		}
		touchedEvals[r.ID] = true
		touchedSatkers[r.Satker] = true
	}
	for _, l := range im.b.answers {
		r := l.rec
		old, err := t.answer(r.Evaluation, r.Question)
		if err != nil {
			return err
		}
		stored := !old.empty()
		switch {
		case stored && old.same(r):
			im.stats.Answers.Unchanged++
			continue
		case stored && !r.At.After(old.At):
			im.stats.Answers.Kept++
			continue
		case stored:
			e, _ := im.evaluation(r.Evaluation)
			for _, f := range []struct{ field, old, new string }{
				{fieldValue, old.Value.String(), r.Value.String()},
				{fieldNote, old.Note, r.Note},
				{fieldEvidence, evidenceText(old.Evidence), evidenceText(r.Evidence)},
			} {
				if f.old != f.new {
					c := changeRec{By: im.by, At: now, Satker: e.Satker, Evaluation: r.Evaluation, Question: r.Question, Field: f.field, Old: f.old, New: f.new}
					if _, err := t.record(c); err != nil {
						return err
					}
				}
			}
			im.stats.Answers.Updated++
		default:
			im.stats.Answers.Added++
		}
		if err := t.putAnswer(r); err != nil {
			return err
		}
		touchedEvals[r.Evaluation] = true
	}
	if err := im.applyRekomendasi(); err != nil {
		return err
	}
	for id := range touchedEvals {
		e, _ := im.evaluation(id)
		touchedSatkers[e.Satker] = true
	}
	for id := range touchedSatkers {
		s, err := t.satker(id)
		if err != nil {
			return err
		}
		evals, err := t.evaluationsOf(id)
		if err != nil {
			return err
		}
		for _, e := range evals { // all: the satker's target may be new
			if err := t.deriveState(e, s.Target); err != nil {
				return err
			}
		}
		if err := t.rebuildSummary(id); err != nil {
			return err
		}
	}
	return nil
}

// applyHistory appends the bundle's history entries that are not here yet,
// in their order, with this database's sequence numbers.
func (im *importer) applyHistory() error {
	t := im.t
	fingerprint := func(r changeRec) string {
		undo := r.Undoes != 0
		r.Seq, r.Undoes, r.Group = 0, 0, 0 // numbers of the file it was written in
		return fmt.Sprintf("%t|%s", undo, encode(r))
	}
	existing := map[string][]uint64{}
	scanned := map[string]bool{}
	for _, l := range im.b.history {
		s := l.rec.Satker
		if scanned[s] {
			continue
		}
		scanned[s] = true
		if err := t.walkHistory(HistoryFilter{Satker: s}, func(r changeRec) bool {
			fp := fingerprint(r)
			existing[fp] = append(existing[fp], r.Seq)
			return true
		}); err != nil {
			return err
		}
	}
	newSeq := map[uint64]uint64{} // bundle seq → seq here
	sort.SliceStable(im.b.history, func(i, j int) bool { return im.b.history[i].rec.Seq < im.b.history[j].rec.Seq })
	for _, l := range im.b.history {
		r := l.rec
		fp := fingerprint(r)
		if seqs := existing[fp]; len(seqs) > 0 {
			newSeq[r.Seq] = seqs[len(seqs)-1]
			existing[fp] = seqs[:len(seqs)-1]
			im.stats.History.Unchanged++
			continue
		}
		bundleSeq := r.Seq
		if r.Undoes != 0 {
			r.Undoes = newSeq[r.Undoes]
		}
		switch {
		case r.Group == bundleSeq: // the first entry of its action: the seq it gets here
			r.Group = t.nextSeq()
		case r.Group != 0:
			r.Group = newSeq[r.Group]
		}
		r.At = r.At.UTC().Round(0)
		rec, err := t.record(r)
		if err != nil {
			return err
		}
		newSeq[bundleSeq] = rec.Seq
		im.stats.History.Added++
	}
	return nil
}
