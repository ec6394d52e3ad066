package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// mergeBundle is a field bundle read whole: it carries a few satkers.
type mergeBundle struct {
	origin  Origin
	insts   []instrumentRec
	satkers []satkerRec
	evals   []evalRec
	answers []answerRec
	history []changeRec
	reks    []rekRec
	bases   []baseRec
}

func readMergeBundle(name string, src io.Reader) (mergeBundle, error) {
	var b mergeBundle
	r := newBundleReader(name, src, func(_ int, rec any) {
		switch v := rec.(type) {
		case Origin:
			b.origin = v
		case instrumentRec:
			b.insts = append(b.insts, v)
		case satkerRec:
			b.satkers = append(b.satkers, v)
		case evalRec:
			b.evals = append(b.evals, v)
		case answerRec:
			v.Level = storedLevel(v.Level)
			b.answers = append(b.answers, v)
		case changeRec:
			b.history = append(b.history, v)
		case rekRec:
			b.reks = append(b.reks, v)
		case baseRec:
			b.bases = append(b.bases, v)
		}
	})
	r.read()
	if len(r.errs) > 0 {
		return b, importError{r.errs}
	}
	if b.origin.Database == "" {
		return b, importError{model.FileErrors{{File: name, Line: 1, Msg: "bundel lapangan tanpa asal (origin.database)"}}}
	}
	return b, nil
}

// Record keys name a record the same way on every database: its base and
// its conflicts are filed under them. A recommendation is named by where
// and when it was made, as its number may differ between databases.
func satkerKey(id string) string { return "s:" + id }
func evalKey(id string) string   { return "e:" + id }
func answerRecKey(a answerRec) string {
	return fmt.Sprintf("a:%s\x00%s\x00%d", a.Evaluation, a.Question, storedLevel(a.Level))
}
func rekKey(r rekRec) string {
	return "r:" + r.Evaluation + "\x00" + r.CreatedBy + "\x00" + r.Created.UTC().Format(time.RFC3339Nano)
}

// merger merges one field bundle in one write transaction.
type merger struct {
	t       txn
	b       *mergeBundle
	me, by  string
	policy  MergePolicy
	rep     *MergeReport
	now     time.Time
	bases   map[string]json.RawMessage // record key → base
	touched map[string]bool            // evaluations whose state is derived again
	// conflicted records kept for a person keep their old base (the
	// bundle's record waits as their pending base); resolutions are what
	// the policy decided, recorded after the bundle's history.
	conflicted  map[string]bool
	resolutions []changeRec
	// agreed are the conflict ids of fields merged without a conflict: a
	// conflict kept for them from the sender is moot (dropMoot).
	agreed   []string
	dropped  int
	kept     int             // conflicts kept anew (not kept already)
	newBases int             // records shared with the sender for the first time, or anew
	locked   bool            // the answers being merged are of a final evaluation here
	final    map[string]bool // evaluations final here before the merge
}

// Merge merges a field bundle (one with an origin) into the database, as
// one transaction: what only the bundle changed is applied, what both
// changed differently is a conflict — kept for the merge screen
// (MergeAsk), decided for this side (MergeOurs) or the bundle's
// (MergeTheirs), or only reported (MergeList). History entries of both
// sides are kept; a second merge of the same bundle changes nothing.
func (db *DB) Merge(name string, src io.Reader, by string, policy MergePolicy) (MergeReport, error) {
	rep := MergeReport{Policy: policy}
	if err := db.may(RoleEvaluator, "menggabungkan bundel"); err != nil {
		return rep, err
	}
	b, err := readMergeBundle(name, src)
	if err != nil {
		return rep, err
	}
	rep.From = b.origin
	me, err := db.Identity()
	if err != nil {
		return rep, err
	}
	if b.origin.Database == me {
		return rep, fmt.Errorf("%s berasal dari basis data ini sendiri (%s): tidak ada yang digabung: %w", name, me, ErrInvalid)
	}
	for _, s := range b.satkers {
		rep.Satkers = append(rep.Satkers, s.ID)
	}
	err = db.update(func(tx *bolt.Tx) error {
		m := &merger{t: txn{db: db, tx: tx}, b: &b, me: me, by: by, policy: policy, rep: &rep, now: db.stamp(),
			touched: map[string]bool{}, conflicted: map[string]bool{}, final: map[string]bool{}}
		if err := m.staleBundle(); err != nil {
			return err
		}
		if err := m.run(); err != nil {
			return err
		}
		if policy == MergeList || (!rep.Changed() && m.dropped == 0 && m.newBases == 0) {
			return errUnchanged // nothing written: the file keeps its bytes
		}
		return m.keepCounts()
	})
	return rep, err
}

func (m *merger) run() error {
	if err := m.loadBases(); err != nil {
		return err
	}
	for _, r := range m.b.insts {
		in, err := parseStored(r.Hash, []byte(r.Source))
		if err != nil {
			return err
		}
		if m.t.bucket(bucketInstruments).Get([]byte(r.Hash)) == nil {
			if err := m.t.putInstrument(in); err != nil {
				return err
			}
		}
	}
	for _, s := range m.b.satkers {
		if err := m.satker(s); err != nil {
			return err
		}
	}
	for _, e := range m.b.evals {
		if err := m.evaluation(e); err != nil {
			return err
		}
	}
	if err := m.answers(); err != nil {
		return err
	}
	for _, r := range m.b.reks {
		if err := m.rekomendasi(r); err != nil {
			return err
		}
	}
	if err := m.history(); err != nil {
		return err
	}
	if err := m.t.rederiveEvals(m.touched); err != nil {
		return err
	}
	for _, s := range m.b.satkers {
		if err := m.t.rebuildSummary(s.ID); err != nil {
			return err
		}
	}
	return m.keepBases()
}

// loadBases finds each record's base: the sender's record of what it
// last had from this database, else this database's record of what it
// last had from the sender.
//
// The sender's is the later of the two when it pushes what it pulled,
// and this database's own when it pulls what it pushed: the later wins,
// the other fills in. Which is later, bundleBasesWin tells.
func (m *merger) loadBases() error {
	m.bases = map[string]json.RawMessage{}
	bundleWins := m.bundleBasesWin()
	if !bundleWins {
		for _, b := range m.b.bases {
			if b.Peer == m.me {
				m.bases[b.Key] = b.Record
			}
		}
	}
	if bk := m.t.bucket(bucketBases); bk != nil {
		for _, s := range m.b.satkers {
			prefix := []byte(s.ID + "\x00" + m.b.origin.Database + "\x00")
			c := bk.Cursor()
			for k, v := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, v = c.Next() {
				m.bases[string(k[len(prefix):])] = append(json.RawMessage(nil), v...)
			}
		}
	}
	for _, b := range m.b.bases {
		if b.Peer == m.me && bundleWins {
			m.bases[b.Key] = b.Record
		}
	}
	return nil
}

// bucketPendingBases holds, by satker \0 peer \0 record key, the peer's
// record of a conflict kept for a person: its base once decided.
var bucketPendingBases = []byte("pendingbases")

// keepBases files the bundle's records as what this database now shares
// with the sender. A record with a conflict kept for a person keeps its
// old base; the bundle's record is its pending base, which becomes its
// base once every conflict of the record is decided (AcceptMerge).
func (m *merger) keepBases() error {
	bk, err := m.t.tx.CreateBucketIfNotExists(bucketBases)
	if err != nil {
		return err
	}
	pending, err := m.t.tx.CreateBucketIfNotExists(bucketPendingBases)
	if err != nil {
		return err
	}
	pended := map[string]bool{}
	put := func(satker, key string, rec any) error {
		k := []byte(satker + "\x00" + m.b.origin.Database + "\x00" + key)
		if m.conflicted[key] {
			pended[string(k)] = true
			return pending.Put(k, encode(rec))
		}
		v := encode(rec)
		if bytes.Equal(bk.Get(k), v) {
			return nil
		}
		m.newBases++ // shared now: a merge that changes nothing else still keeps it
		return bk.Put(k, v)
	}
	for _, s := range m.b.satkers {
		if err := put(s.ID, satkerKey(s.ID), s); err != nil {
			return err
		}
	}
	for _, e := range m.b.evals {
		if err := put(e.Satker, evalKey(e.ID), e); err != nil {
			return err
		}
	}
	for _, a := range m.b.answers {
		if err := put(satkerOfEval(a.Evaluation), answerRecKey(a), a); err != nil {
			return err
		}
	}
	for _, r := range m.b.reks {
		if err := put(r.Satker, rekKey(r), r); err != nil {
			return err
		}
	}
	// A conflicted answer the bundle does not carry is blank there: no
	// base once decided, whatever an earlier bundle left pending.
	for _, c := range m.rep.Conflicts {
		k := []byte(c.Satker + "\x00" + m.b.origin.Database + "\x00" + c.Record)
		if m.conflicted[c.Record] && !pended[string(k)] {
			if err := pending.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// base decodes a record's base into v; false when there is none.
func (m *merger) base(key string, v any) bool {
	raw, ok := m.bases[key]
	return ok && json.Unmarshal(raw, v) == nil
}

// field merges one text field of a record: it returns the value to keep
// and records a conflict (or its resolution by the policy).
func (m *merger) field(c Conflict, base, ours, theirs string, hasBase, hasOurs bool) string {
	b := model.Side[string]{Value: base, Present: hasBase}
	if !hasBase {
		b = model.Side[string]{}
	}
	o := model.Side[string]{Value: ours, Present: hasOurs}
	outcome := model.Merge3(b, o, model.Have(theirs))
	if outcome == model.TakeTheirs && m.locked {
		outcome = model.Conflict
	}
	switch outcome {
	case model.TakeTheirs:
		m.rep.Applied++
		m.agreed = append(m.agreed, conflictID(c))
		return theirs
	case model.Conflict:
		c.HasBase, c.Base, c.Ours, c.Theirs, c.From = hasBase, base, ours, theirs, m.b.origin
		c.ID = conflictID(c)
		m.rep.Conflicts = append(m.rep.Conflicts, c)
		if m.policy == MergeAsk || m.policy == MergeList {
			m.conflicted[c.Record] = true // decided by the policy: the bundle's record is the base
		}
		if m.policy == MergeOurs || m.policy == MergeTheirs {
			m.agreed = append(m.agreed, c.ID) // decided: one kept before is moot
		}
		switch m.policy {
		case MergeTheirs:
			m.rep.Resolved++
			m.resolution(c, ours, theirs, "ambil milik "+m.b.origin.Database)
			return theirs
		case MergeOurs:
			m.rep.Resolved++
			m.resolution(c, ours, ours, "tetap milik sendiri; milik "+m.b.origin.Database+": "+theirs)
		}
		return ours
	}
	m.rep.Same++
	m.agreed = append(m.agreed, conflictID(c))
	return ours
}

// dropMoot removes the undecided conflicts kept from the sender on fields
// the two sides no longer disagree on (decided on the other side, or
// changed here to the other's value), or that --conflicts ours or theirs
// has just decided. A choice a person made stays, for AcceptMerge.
func (m *merger) dropMoot() error {
	bk := m.t.bucket(bucketConflicts)
	if bk == nil {
		return nil
	}
	for _, id := range m.agreed {
		var old Conflict
		if data := bk.Get([]byte(id)); data == nil || decode(data, &old) != nil || old.From.Database != m.b.origin.Database || old.Choice != ChooseNone {
			continue
		}
		if err := bk.Delete([]byte(id)); err != nil {
			return err
		}
		m.dropped++
	}
	return nil
}

// resolution records a conflict decided by the policy: both sides' values
// stay in the history.
func (m *merger) resolution(c Conflict, ours, chosen, why string) {
	m.resolutions = append(m.resolutions, changeRec{By: m.by, At: m.now, Satker: c.Satker,
		Evaluation: c.Evaluation, Question: c.Question, Field: c.Field, Old: ours, New: chosen, Level: c.Level,
		Reason: "gabung: " + why})
}
