package store

import (
	"github.com/kemenag-ortala/ziwb/model"
)

// The writes of an import, record by record into the session's copy of
// the database.

func (im *importer) applyInstrument(in *model.Instrument) error {
	if im.t.bucket(bucketInstruments).Get([]byte(in.Hash)) != nil {
		im.stats.Instruments.Unchanged++
		return nil
	}
	im.stats.Instruments.Added++
	return im.t.putInstrument(in)
}

func (im *importer) applySatker(r satkerRec) error {
	t := im.t
	var old satkerRec
	ok, err := t.get(bucketSatkers, r.ID, &old)
	if err != nil || !im.stats.Satkers.weigh(ok, ok && old.equal(r), r.Updated.After(old.Updated)) {
		return err
	}
	var was *satkerRec
	if ok {
		for _, c := range satkerChanges(old, r) {
			c.By, c.Satker, c.At = im.by, r.ID, im.now
			im.changes = append(im.changes, c)
		}
		was = &old
	}
	im.touchedSatkers[r.ID] = true
	return t.putSatker(was, r)
}

func (im *importer) applyEvaluation(r evalRec) error {
	t := im.t
	var old evalRec
	ok, err := t.get(bucketEvaluations, r.ID, &old)
	if err != nil || !im.stats.Evaluations.weigh(ok, ok && old.equal(r), r.Updated.After(old.Updated)) {
		return err
	}
	if ok && old.Status != r.Status {
		im.changes = append(im.changes, changeRec{By: im.by, At: im.now, Satker: r.Satker, Evaluation: r.ID,
			Field: fieldStatus, Old: old.Status, New: r.Status})
	}
	im.touchedEvals[r.ID], im.touchedSatkers[r.Satker] = true, true
	return t.put(bucketEvaluations, r.ID, r)
}

func (im *importer) applyAnswer(r answerRec) error {
	t := im.t
	old, err := t.answer(r.Evaluation, r.Question, r.Level)
	if err != nil {
		return err
	}
	stored := !old.empty()
	if !im.stats.Answers.weigh(stored, stored && old.same(r), r.At.After(old.At)) {
		return nil
	}
	if stored {
		satker := satkerOfEval(r.Evaluation)
		if e, ok := im.evaluation(r.Evaluation); ok {
			satker = e.Satker
		}
		for _, f := range []struct{ field, old, new string }{
			{fieldValue, old.Value.String(), r.Value.String()},
			{fieldNote, old.Note, r.Note},
			{fieldEvidence, evidenceText(old.Evidence), evidenceText(r.Evidence)},
			{fieldCarried, carriedText(old.Carried), carriedText(r.Carried)},
		} {
			if f.old != f.new {
				im.changes = append(im.changes, changeRec{By: im.by, At: im.now, Satker: satker, Evaluation: r.Evaluation,
					Question: r.Question, Field: f.field, Old: f.old, New: f.new, Level: storedLevel(r.Level)})
			}
		}
	}
	im.touchedEvals[r.Evaluation] = true
	return t.putAnswer(r)
}

// applyChange appends a bundle's history entry unless this database has
// it already (the same change, by whom and when, on the same satker), with
// this database's sequence numbers.
func (im *importer) applyChange(r changeRec) error {
	t := im.t
	stored, scanned := im.scanned[r.Satker]
	if !scanned {
		if err := t.walkHistory(HistoryFilter{Satker: r.Satker}, func(s changeRec) bool {
			fp := fingerprint(s)
			im.existing[fp] = append(im.existing[fp], s.Seq)
			stored = true
			return true
		}); err != nil {
			return err
		}
		im.scanned[r.Satker] = stored
	}
	bundleSeq := r.Seq
	if stored { // else nothing here to find it among
		fp := fingerprint(r)
		if seqs := im.existing[fp]; len(seqs) > 0 {
			im.seqFound[bundleSeq] = seqs[len(seqs)-1]
			im.existing[fp] = seqs[:len(seqs)-1]
			im.stats.History.Unchanged++
			return nil
		}
	}
	// New entries keep the bundle's order and numbers, after this
	// database's own: into an empty database they keep their seqs.
	r.Seq = im.seqHere(bundleSeq)
	im.seqTop = max(im.seqTop, r.Seq)
	if r.Undoes != 0 {
		r.Undoes = im.seqHere(r.Undoes)
	}
	if r.Group != 0 {
		r.Group = im.seqHere(r.Group)
	}
	r.At = r.At.Round(0)
	im.stats.History.Added++
	return t.work().Put(changeKey(changeOwner(r), r.Seq), encodeChange(r))
}

// fingerprint is a history entry without the numbers of the file it was
// written in.
func fingerprint(r changeRec) string {
	undo := r.Undoes != 0
	r.Undoes, r.Group = 0, 0
	if undo {
		r.Undoes = 1
	}
	return changeOwner(r) + "\x00" + string(encodeChange(r))
}

// applyLate writes what waited for the whole file: answers in their
// normal form, the recommendations, what the import changed, and the
// states and list records of what it touched.
func (im *importer) applyLate() error {
	for _, p := range im.pending {
		e, _ := im.evaluation(p.eval)
		q, _ := im.instrument(e.InstrumentHash).Question(p.q)
		if v, _ := checkValue(q, p.value); v != p.value {
			a, err := im.t.answer(p.eval, p.q, p.level)
			if err != nil {
				return err
			}
			a.Value = v
			if err := im.t.putAnswer(a); err != nil {
				return err
			}
		}
	}
	if w := im.t.work(); im.seqTop > w.Sequence() {
		if err := w.SetSequence(im.seqTop); err != nil {
			return err
		}
	}
	if err := im.applyRekomendasi(); err != nil {
		return err
	}
	for _, c := range im.changes {
		if _, err := im.t.record(c); err != nil {
			return err
		}
	}
	for id := range im.touchedEvals {
		if e, ok := im.evaluation(id); ok {
			im.touchedSatkers[e.Satker] = true
		}
	}
	for id := range im.touchedSatkers {
		if err := im.derive(id); err != nil {
			return err
		}
		if im.tick(deriveWeight); im.failed != nil {
			return im.failed
		}
	}
	return nil
}

// deriveWeight counts deriving a satker as that many records: it reads
// all of its answers back.
const deriveWeight = 100

// derive rewrites a satker's evaluations' states (its target may be new)
// and its list record.
func (im *importer) derive(satkerID string) error {
	s, err := im.t.satker(satkerID)
	if err != nil {
		return err
	}
	return im.t.rederive(s)
}
