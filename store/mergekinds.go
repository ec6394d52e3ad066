package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// The merge of each kind of record, field by field.

func (m *merger) satker(s satkerRec) error {
	if err := s.model().Validate(); err != nil {
		return invalid("satker "+s.ID+" dari bundel", err)
	}
	ours, err := m.t.satker(s.ID)
	if isNotFound(err) {
		m.rep.Added++
		return m.t.putSatker(nil, s)
	}
	if err != nil {
		return err
	}
	var base satkerRec
	hasBase := m.base(satkerKey(s.ID), &base)
	c := Conflict{Record: satkerKey(s.ID), Kind: "satker", Satker: s.ID, OursAt: ours.Updated, TheirsAt: s.Updated}
	next := ours
	start := len(m.rep.Conflicts)
	m.fields(c, base.fields(), next.fields(), s.fields(), hasBase)
	if err := m.whoChanged(start, func(f string) string { return fieldSatker + "." + f }); err != nil {
		return err
	}
	if next == ours {
		return nil
	}
	next.Updated = later(ours.Updated, s.Updated)
	if next.sameAs(s) { // the bundle's record taken whole: its time too
		next.Updated = s.Updated
	}
	if err := m.t.putSatker(&ours, next); err != nil {
		return err
	}
	if next.Target != ours.Target {
		return m.t.restateAll(s.ID, next.Target)
	}
	return nil
}

// fields merges each of a record's fields (ours, changed in place) with
// the base's and the bundle's: lists of the same kind of record.
func (m *merger) fields(c Conflict, base, ours, theirs []recordField, hasBase bool) {
	for i, f := range ours {
		c.Field = f.name
		*f.v = m.field(c, *base[i].v, *f.v, *theirs[i].v, hasBase, true)
	}
}

func (m *merger) evaluation(e evalRec) error {
	if err := e.model().Validate(); err != nil {
		return invalid("evaluasi "+e.ID+" dari bundel", err)
	}
	ours, err := m.t.evaluation(e.ID)
	if isNotFound(err) {
		m.rep.Added++
		m.touched[e.ID] = true
		return m.t.put(bucketEvaluations, e.ID, e)
	}
	if err != nil {
		return err
	}
	if ours.Status == string(model.Final) {
		m.final[e.ID] = true
	}
	var base evalRec
	hasBase := m.base(evalKey(e.ID), &base)
	c := Conflict{Record: evalKey(e.ID), Kind: "evaluasi", Satker: e.Satker, Evaluation: e.ID, OursAt: ours.Updated, TheirsAt: e.Updated}
	next := ours
	start := len(m.rep.Conflicts)
	c.Field = fieldStatus
	next.Status = m.field(c, base.Status, ours.Status, e.Status, hasBase, true)
	c.Field = fieldTeam
	team := m.field(c, base.team().String(), ours.team().String(), e.team().String(), hasBase, true)
	if team != ours.team().String() {
		t, err := model.ParseTeam(team)
		if err != nil {
			return err
		}
		next.Team = teamToRecs(t)
	}
	if err := m.whoChanged(start, func(f string) string { return f }); err != nil {
		return err
	}
	if next.equal(ours) {
		return nil
	}
	next.Updated = later(ours.Updated, e.Updated)
	if next.sameAs(e) { // the bundle's record taken whole: its time too
		next.Updated = e.Updated
	}
	return m.t.put(bucketEvaluations, e.ID, next)
}

// whoChanged finds who changed each side of the conflicts from start on,
// and when: a satker's and an evaluation's records keep no author, their
// history does. Each side's is its latest change of the field (named in
// the history by historyField) to the side's value, here and in the
// bundle.
func (m *merger) whoChanged(start int, historyField func(string) string) error {
	for i := start; i < len(m.rep.Conflicts); i++ {
		c := &m.rep.Conflicts[i]
		to := func(r changeRec, v string) bool {
			return r.Satker == c.Satker && r.Evaluation == c.Evaluation && r.Question == "" &&
				r.Field == historyField(c.Field) && r.New == v
		}
		err := m.t.walkHistory(HistoryFilter{Satker: c.Satker, Evaluation: c.Evaluation}, func(r changeRec) bool {
			if to(r, c.Ours) {
				c.OursBy, c.OursAt = r.By, r.At
				return false
			}
			return true // newest first
		})
		if err != nil {
			return err
		}
		var found *changeRec
		for j, r := range m.b.history {
			if to(r, c.Theirs) && (found == nil || r.Seq > found.Seq) {
				found = &m.b.history[j]
			}
		}
		if found != nil {
			c.TheirsBy, c.TheirsAt = found.By, found.At
		}
	}
	return nil
}

// answers merges every answer of the bundle's evaluations, those only
// this side or only the base knows included (an answer cleared on one
// side is an answer that is no longer there).
func (m *merger) answers() error {
	theirs := map[string]answerRec{}
	for _, a := range m.b.answers {
		theirs[answerRecKey(a)] = a
	}
	for _, e := range m.b.evals {
		ours, err := m.t.answers(e.ID)
		if err != nil {
			return err
		}
		keys := map[string]answerRec{} // every answer any side has, by key: a blank of it
		for _, a := range ours {
			keys[answerRecKey(a)] = answerRec{Evaluation: a.Evaluation, Question: a.Question, Level: a.Level}
		}
		for k, a := range theirs {
			if a.Evaluation == e.ID {
				keys[k] = answerRec{Evaluation: a.Evaluation, Question: a.Question, Level: a.Level}
			}
		}
		prefix := "a:" + e.ID + "\x00"
		for k := range m.bases {
			if strings.HasPrefix(k, prefix) {
				parts := strings.Split(k[len(prefix):], "\x00")
				if len(parts) == 2 {
					l, _ := strconv.Atoi(parts[1])
					keys[k] = answerRec{Evaluation: e.ID, Question: parts[0], Level: model.Level(l)}
				}
			}
		}
		in, err := m.t.instrument(e.InstrumentHash)
		if err != nil {
			return err
		}
		// A final evaluation here takes no change unasked: what the
		// bundle changed in it is a conflict, for a person who reopens it.
		// Final here means before this merge: one that arrives final, or
		// becomes final with it, comes over whole.
		m.locked = m.final[e.ID]
		for k, blank := range keys {
			q, ok := in.Question(blank.Question)
			if !ok {
				return fmt.Errorf("jawaban %s %s: pertanyaan tidak ada di instrumen %s: %w", e.ID, blank.Question, in.ID, ErrInvalid)
			}
			if err := m.answer(k, blank, theirs, q); err != nil {
				return err
			}
		}
		m.locked = false
	}
	return nil
}

func (m *merger) answer(key string, blank answerRec, theirs map[string]answerRec, q *model.Question) error {
	ours, err := m.t.answer(blank.Evaluation, blank.Question, blank.Level)
	if err != nil {
		return err
	}
	their, ok := theirs[key]
	if !ok {
		their = blank
	}
	base := blank // no base: every side started from a blank answer
	m.base(key, &base)
	if _, err := checkValue(q, their.Value); err != nil {
		return fmt.Errorf("jawaban %s %s dari bundel: %w", blank.Evaluation, blank.Question, err)
	}
	c := Conflict{Record: key, Kind: "jawaban", Satker: satkerOfEval(blank.Evaluation), Evaluation: blank.Evaluation,
		Question: blank.Question, Level: max(blank.Level, model.Anggota), OursBy: ours.By, OursAt: ours.At,
		TheirsBy: their.By, TheirsAt: their.At}
	next := ours
	counted := [2]int{m.rep.Applied, m.rep.Same}
	const present = true // a blank answer is an answer too
	c.Field = fieldValue
	v := m.field(c, base.Value.String(), ours.Value.String(), their.Value.String(), present, present)
	if next.Value, err = valueFromText(q, v); err != nil {
		return err
	}
	c.Field = fieldNote
	next.Note = m.field(c, base.Note, ours.Note, their.Note, present, present)
	c.Field = fieldCarried
	next.Carried = m.field(c, carriedText(base.Carried), carriedText(ours.Carried), carriedText(their.Carried), present, present) != ""
	next.Evidence = m.evidence(c, base.Evidence, ours.Evidence, their.Evidence)
	if next.same(ours) {
		return nil
	}
	if their.By != "" {
		next.By, next.At = their.By, their.At // the change came with the bundle
	}
	if ours.empty() {
		// New here: one record added, not fields compared with nothing.
		m.rep.Applied, m.rep.Same = counted[0], counted[1]
		m.rep.Added++
	}
	m.touched[blank.Evaluation] = true
	return m.t.putAnswer(next)
}

func (m *merger) rekomendasi(r rekRec) error {
	if p := r.problem(); p != "" {
		return fmt.Errorf("rekomendasi %s dari bundel: %s: %w", r.ID, p, ErrInvalid)
	}
	ours, found, err := m.t.rekTwin(r)
	if err != nil {
		return err
	}
	if !found {
		if _, err := m.t.rek(r.ID); err == nil { // its number is taken here: the next one
			if r.ID, err = m.t.nextRekID(r.Evaluation); err != nil {
				return err
			}
		} else if !isNotFound(err) {
			return err
		}
		m.rep.Added++
		return m.t.putRek(r)
	}
	var base rekRec
	hasBase := m.base(rekKey(r), &base)
	c := Conflict{Record: rekKey(r), Kind: "rekomendasi", Satker: r.Satker, Evaluation: r.Evaluation, Rek: ours.ID,
		Question: r.Node, OursBy: ours.UpdatedBy, OursAt: ours.Updated, TheirsBy: r.UpdatedBy, TheirsAt: r.Updated}
	next := ours
	m.fields(c, base.fields(), next.fields(), r.fields(), hasBase)
	if next.Status == r.Status {
		next.Reason = r.Reason
	}
	// Follow-ups are a log: both sides' entries are kept, each once.
	seen := map[string]bool{}
	for _, tl := range ours.FollowUps {
		seen[tl.Date+"\x00"+tl.By+"\x00"+tl.Text] = true
	}
	for _, tl := range r.FollowUps {
		if k := tl.Date + "\x00" + tl.By + "\x00" + tl.Text; !seen[k] {
			seen[k] = true
			next.FollowUps = append(next.FollowUps, tl)
			m.rep.Applied++
		}
	}
	if next.equal(ours) {
		return nil
	}
	if r.Updated.After(next.Updated) || sameRek(next, r) {
		next.Updated, next.UpdatedBy = r.Updated, r.UpdatedBy
	}
	return m.t.putRek(next)
}

// history adds the bundle's history entries this database lacks, with
// its own seqs; the groups and undos they name follow them. Then the
// resolutions the policy made, and the conflicts kept for a person.
func (m *merger) history() error {
	// have is the seq here of each entry by its fingerprint: an entry of
	// the bundle this database already holds still gives its seq to the
	// undos and groups that name it.
	have := map[string]uint64{}
	for _, s := range m.b.satkers {
		if err := m.t.walkHistory(HistoryFilter{Satker: s.ID}, func(c changeRec) bool {
			have[fingerprint(c)] = c.Seq
			return true
		}); err != nil {
			return err
		}
	}
	renum := map[uint64]uint64{}
	for _, c := range m.b.history {
		fp := fingerprint(c)
		if seq, ok := have[fp]; ok {
			renum[c.Seq] = seq
			continue
		}
		renum[c.Seq] = m.t.nextSeq() // the first entry of a group names itself
		have[fp] = renum[c.Seq]
		c.Group, c.Undoes = renum[c.Group], renum[c.Undoes]
		if _, err := m.t.record(c); err != nil {
			return err
		}
		m.rep.History++
	}
	for _, c := range m.resolutions {
		if _, err := m.t.record(c); err != nil {
			return err
		}
	}
	if err := m.dropMoot(); err != nil {
		return err
	}
	if m.policy != MergeAsk || len(m.rep.Conflicts) == 0 {
		return nil
	}
	bk, err := m.t.tx.CreateBucketIfNotExists(bucketConflicts)
	if err != nil {
		return err
	}
	for _, c := range m.rep.Conflicts {
		var old Conflict
		if data := bk.Get([]byte(c.ID)); data != nil && decode(data, &old) == nil && old.Theirs == c.Theirs && old.Ours == c.Ours {
			continue // kept already, with whatever was chosen
		}
		if err := bk.Put([]byte(c.ID), encode(c)); err != nil {
			return err
		}
		m.kept++
	}
	return nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
