package store

import (
	"fmt"
	"slices"
	"sort"

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
	InstrumentID string
	Answered     int
	Questions    int
	Total        float64
	Result       string                   // highest predicate met; "" for none
	Verdicts     map[string]model.Verdict // top-level and area nodes with a verdict against the satker's target
	AreaScores   map[string]float64       // top-level and area nodes
}

// SatkerSummaries lists every satker with its evaluations' summaries, in
// id order. It reads one compact record per satker.
func (db *DB) SatkerSummaries() ([]SatkerSummary, error) { return db.summaries(true) }

// SatkerList is SatkerSummaries without the per-area verdicts and scores
// (Verdicts and AreaScores are nil): what the satker list shows, read in
// a fraction of the time, so the workbench's first frame comes sooner.
func (db *DB) SatkerList() ([]SatkerSummary, error) { return db.summaries(false) }

// SatkerSummary is one satker's summary, read alone.
func (db *DB) SatkerSummary(id string) (SatkerSummary, error) {
	var s SatkerSummary
	err := db.view(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		if s, ok, err = (txn{db, tx}).summary(id); err == nil && !ok {
			err = fmt.Errorf("satker %q %w", id, ErrNotFound)
		}
		return err
	})
	return s, err
}

func (db *DB) summaries(areas bool) ([]SatkerSummary, error) {
	var out []SatkerSummary
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSummaries).ForEach(func(k, v []byte) error {
			s, err := decodeSummary(v, areas)
			if err != nil {
				return fmt.Errorf("%s: %w: ringkasan satker %q: %v", db.path, ErrDamaged, k, err)
			}
			out = append(out, s)
			return nil
		})
	})
	return out, err
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

// summarize scores an evaluation's values into its compact summary.
func summarize(e evalRec, in *model.Instrument, vals model.Answers, target string) (EvalSummary, error) {
	sc, err := model.Score(in, vals, in.TargetFor(target))
	if err != nil {
		return EvalSummary{}, err
	}
	s := EvalSummary{ID: e.ID, Year: e.Year, Stage: model.Stage(e.Stage), Status: model.Status(e.Status),
		InstrumentID: e.Instrument, Answered: sc.Answered, Questions: sc.Questions, Total: sc.Total, Result: sc.Result,
		Verdicts: map[string]model.Verdict{}, AreaScores: map[string]float64{}}
	add := func(n *model.Node) {
		ns, _ := sc.Node(n.ID)
		s.AreaScores[n.ID] = ns.Score
		if ns.Verdict != model.VerdictNone {
			s.Verdicts[n.ID] = ns.Verdict
		}
	}
	for _, top := range in.Nodes {
		add(top)
		for _, area := range top.Nodes {
			add(area)
		}
	}
	return s, nil
}

// --- encoding ---

func encodeSummary(s SatkerSummary) []byte {
	b := make(wbuf, 0, 256+len(s.Evaluations)*512)
	b.byte(codecVersion)
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
		b.uint(uint64(e.Answered))
		b.uint(uint64(e.Questions))
		b.float(e.Total)
		b.str(e.Result)
		ids := sortedKeys(e.Verdicts)
		b.uint(uint64(len(ids)))
		for _, id := range ids {
			b.str(id)
			b.str(string(e.Verdicts[id]))
		}
		ids = sortedKeys(e.AreaScores)
		b.uint(uint64(len(ids)))
		for _, id := range ids {
			b.str(id)
			b.float(e.AreaScores[id])
		}
	}
	return b
}

// decodeSummary reads a summary; without areas it steps over the per-area
// verdicts and scores instead of building their maps.
func decodeSummary(data []byte, areas bool) (SatkerSummary, error) {
	r := newReader(data)
	if r.byte() != codecVersion {
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
		e.Answered, e.Questions = int(r.uint()), int(r.uint())
		e.Total = r.float()
		e.Result = r.str()
		nv := r.count()
		if areas {
			e.Verdicts = make(map[string]model.Verdict, nv)
		}
		for j := 0; j < nv && r.err == nil; j++ {
			id, v := r.str(), r.str()
			if areas {
				e.Verdicts[id] = model.Verdict(v)
			}
		}
		na := r.count()
		if areas {
			e.AreaScores = make(map[string]float64, na)
		}
		for j := 0; j < na && r.err == nil; j++ {
			id, f := r.str(), r.float()
			if areas {
				e.AreaScores[id] = f
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
