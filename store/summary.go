package store

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// SatkerSummary is one line of the home screen: a satker and the compact
// summaries of its evaluations, kept up to date by every save.
type SatkerSummary struct {
	Satker      model.Satker
	Latest      *EvalSummary  // nil when the satker has no evaluation; the latest by (year, stage order)
	Evaluations []EvalSummary // all, ordered by year then stage
}

// EvalSummary is what lists show of an evaluation without scoring it again.
type EvalSummary struct {
	ID           string
	Year         int
	Stage        model.Stage
	Status       model.Status
	Team         model.Team
	InstrumentID string
	Answered     int
	Questions    int
	Total        float64
	Result       string                   // highest predicate met; "" for none
	Verdicts     map[string]model.Verdict // top-level and area nodes with a verdict against the satker's target
	AreaScores   map[string]float64       // top-level and area nodes
}

// SatkerSummaries lists every satker with its evaluations' summaries, in
// id order: one compact list record per satker and one state record per
// evaluation.
func (db *DB) SatkerSummaries() ([]SatkerSummary, error) { return db.summaries(stateAreas) }

// SatkerList is SatkerSummaries without the per-area verdicts and scores
// (Verdicts and AreaScores are nil): what the satker list shows, read in
// a fraction of the time, so the workbench's first frame comes sooner.
func (db *DB) SatkerList() ([]SatkerSummary, error) { return db.summaries(stateList) }

// SatkerFirst is the first n satkers of the list's first order (by name,
// then id), as SatkerList gives them, and how many satkers there are: what
// the satker list's first frame shows, read before the rest.
func (db *DB) SatkerFirst(n int) ([]SatkerSummary, int, error) {
	var out []SatkerSummary
	total := 0
	err := db.read(func(t txn) error {
		names := t.bucket(bucketNames)
		total = names.Stats().KeyN // reads page headers, not records
		c := names.Cursor()
		for k, _ := c.First(); k != nil && len(out) < n; k, _ = c.Next() {
			id := k[bytes.LastIndexByte(k, sep)+1:]
			data := t.bucket(bucketSummaries).Get(id)
			if data == nil {
				return fmt.Errorf("%s: %w: satker %q tanpa ringkasan", db.path, ErrDamaged, id)
			}
			s, err := t.decodeSummary(data, stateList)
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		return nil
	})
	return out, total, err
}

// SatkerSummary is one satker's summary, read alone.
func (db *DB) SatkerSummary(id string) (SatkerSummary, error) {
	var s SatkerSummary
	err := db.read(func(t txn) error {
		data := t.bucket(bucketSummaries).Get([]byte(id))
		if data == nil {
			return fmt.Errorf("satker %q %w", id, ErrNotFound)
		}
		var err error
		s, err = t.decodeSummary(data, stateAreas)
		return err
	})
	return s, err
}

// summaries reads the list, or takes it from the last reader of the same
// commit: on a server every session shows the same list, and holds one
// slice of its own over the maps and evaluations they share. Callers must
// not change what the elements point to.
func (db *DB) summaries(parts int) ([]SatkerSummary, error) {
	var out []SatkerSummary
	err := db.view(func(tx *bolt.Tx) error {
		if out = db.lists.get(tx.ID(), parts); out != nil {
			return nil
		}
		t := txn{db: db, tx: tx}
		b := tx.Bucket(bucketSummaries)
		list := make([]SatkerSummary, 0, b.Stats().KeyN) // counting reads page headers only
		err := b.ForEach(func(k, v []byte) error {
			s, err := t.decodeSummary(v, parts)
			if err != nil {
				return err
			}
			list = append(list, s)
			return nil
		})
		if err == nil {
			out = db.lists.put(tx.ID(), parts, list)
		}
		return err
	})
	return out, err
}

// listCache holds the lists read at one commit, and the dashboards built
// from them.
type listCache struct {
	mu     sync.Mutex
	txid   int
	lists  map[int][]SatkerSummary // by parts
	dashes map[model.RoundPick]model.Dashboard
}

func (c *listCache) dashboard(txid int, pick model.RoundPick) (model.Dashboard, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.dashes[pick]
	return d, ok && c.txid == txid
}

func (c *listCache) keepDashboard(txid int, pick model.RoundPick, d model.Dashboard) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.txid != txid {
		c.txid, c.lists, c.dashes = txid, map[int][]SatkerSummary{}, nil
	}
	if c.dashes == nil {
		c.dashes = map[model.RoundPick]model.Dashboard{}
	}
	c.dashes[pick] = d
}

func (c *listCache) get(txid, parts int) []SatkerSummary {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.txid != txid || c.lists[parts] == nil {
		return nil
	}
	return slices.Clone(c.lists[parts])
}

func (c *listCache) put(txid, parts int, list []SatkerSummary) []SatkerSummary {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.txid != txid {
		c.txid, c.lists, c.dashes = txid, map[int][]SatkerSummary{}, nil
	}
	c.lists[parts] = list
	return slices.Clone(list)
}

// forget drops the lists: the file under them was replaced.
func (c *listCache) forget() {
	c.mu.Lock()
	c.txid, c.lists, c.dashes = -1, nil, nil
	c.mu.Unlock()
}

// decodeSummary reads a satker's list record and each of its
// evaluations' figures from their state.
func (t txn) decodeSummary(data []byte, parts int) (SatkerSummary, error) {
	s, err := decodeSummary(data)
	if err != nil {
		return s, fmt.Errorf("%s: %w: ringkasan satker: %v", t.db.path, ErrDamaged, err)
	}
	for i := range s.Evaluations {
		if err := t.figures(&s.Evaluations[i], parts); err != nil {
			return s, err
		}
	}
	return s, nil
}

// figures reads an evaluation's figures from its state.
func (t txn) figures(e *EvalSummary, parts int) error {
	raw := t.work().Get(stateKey(e.ID))
	if raw == nil {
		return fmt.Errorf("%s: %w: evaluasi %q tanpa rekaman keadaan", t.db.path, ErrDamaged, e.ID)
	}
	st, err := decodeState(raw, parts)
	if err != nil {
		return fmt.Errorf("%s: %w: keadaan evaluasi %q: %v", t.db.path, ErrDamaged, e.ID, err)
	}
	f := st.Figures
	e.Answered, e.Questions, e.Total, e.Result, e.Verdicts, e.AreaScores =
		f.Answered, f.Questions, f.Total, f.Result, f.Verdicts, f.AreaScores
	return nil
}

func stageOrder(s model.Stage) int {
	if i := slices.Index(model.Stages, s); i >= 0 {
		return i
	}
	return len(model.Stages)
}

func sortEvalSummaries(es []EvalSummary) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Year != es[j].Year {
			return es[i].Year < es[j].Year
		}
		return stageOrder(es[i].Stage) < stageOrder(es[j].Stage)
	})
}

// --- encoding: the satker and its evaluations' headers ---

// A list record names each evaluation's team from version 2 on; one
// without any team is written as version 1, as before teams.
const summaryTeams = 2

func encodeSummary(s SatkerSummary) []byte {
	b := make(wbuf, 0, 256+len(s.Evaluations)*64)
	version := byte(codecVersion)
	for _, e := range s.Evaluations {
		if len(e.Team) > 0 {
			version = summaryTeams
		}
	}
	b.byte(version)
	k := s.Satker
	for _, f := range []string{k.ID, k.Name, string(k.Kind), k.Province, k.Regency, k.Head, k.Target} {
		b.str(f)
	}
	b.time(k.Created)
	b.time(k.Updated)
	b.uint(uint64(len(s.Evaluations)))
	for _, e := range s.Evaluations {
		b.str(e.ID)
		b.int(int64(e.Year))
		b.str(string(e.Stage))
		b.str(string(e.Status))
		b.str(e.InstrumentID)
		if version == summaryTeams {
			b.uint(uint64(len(e.Team)))
			for _, m := range e.Team {
				b.str(m.Name)
				b.uint(uint64(m.Level))
			}
		}
	}
	return b
}

func decodeSummary(data []byte) (SatkerSummary, error) {
	r := newReader(data)
	version := r.byte()
	if version != codecVersion && version != summaryTeams {
		return SatkerSummary{}, errCodec
	}
	var s SatkerSummary
	k := &s.Satker
	k.ID, k.Name, k.Kind, k.Province = r.str(), r.str(), model.SatkerKind(r.str()), r.str()
	k.Regency, k.Head, k.Target = r.str(), r.str(), r.str()
	k.Created, k.Updated = r.time(), r.time()
	n := r.count()
	if n > 0 {
		s.Evaluations = make([]EvalSummary, n)
	}
	for i := 0; i < n && r.err == nil; i++ {
		e := &s.Evaluations[i]
		e.ID = r.str()
		e.Year = int(r.int())
		e.Stage, e.Status, e.InstrumentID = model.Stage(r.str()), model.Status(r.str()), r.str()
		if version == summaryTeams {
			if m := r.count(); m > 0 {
				e.Team = make(model.Team, m)
				for j := range e.Team {
					e.Team[j] = model.Member{Name: r.str(), Level: model.Level(r.uint())}
				}
			}
		}
	}
	if err := r.done(); err != nil {
		return SatkerSummary{}, err
	}
	if n > 0 {
		s.Latest = &s.Evaluations[n-1]
	}
	return s, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
