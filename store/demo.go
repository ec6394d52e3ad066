package store

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Demo fills the database with example data. n == 0 adds the named,
// realistic set (Kankemenag Magelang, Minahasa Tenggara and Sinjai, the
// Kanwils of Kalimantan Tengah and Bengkulu, KUAs, madrasahs, a PTKN), each
// with a PMPZI self-assessment at its own stage of progress; most with
// last year's TPI (some the year before's too), scored lower than now;
// TPIs by teams of the Biro Ortala at every step of the review chain
// (draft, diajukan, direviu, final, one returned, one reopened), with the
// ketua's and the pengendali's corrections and answers still carried from
// last year; and recommendations in every status (some overdue, some
// carried over from last year's round). It refuses with ErrExists when
// that set is there already. n > 0 adds n generated satkers (uji-00001 …)
// for load tests, numbered after those already there, a third of them
// with last year's TPI, with two recommendations each on average. The
// data is the same for the same n and now.
func (db *DB) Demo(n int, now time.Time) error {
	if err := db.may(RoleAdmin, "menambah data contoh"); err != nil {
		return err
	}
	in, ok := model.Builtin(model.DefaultInstrument)
	if !ok {
		if list := model.Builtins(); len(list) > 0 {
			in = list[0]
		} else {
			return fmt.Errorf("data demo: tidak ada instrumen bawaan")
		}
	}
	now = now.UTC().Truncate(time.Second)
	kit := newDemoKit(in)
	if n <= 0 {
		rekRng := rand.New(rand.NewPCG(2026, 6))
		return db.update(func(tx *bolt.Tx) error {
			t, err := txn{db: db, tx: tx}.bulk()
			if err != nil {
				return err
			}
			for _, d := range demoSatkers {
				if tx.Bucket(bucketSatkers).Get([]byte(d.id)) != nil {
					return fmt.Errorf("data demo %w: satker %s", ErrExists, d.id)
				}
			}
			for _, d := range demoSatkers {
				var reks []demoRekRound
				for _, p := range demoRekRounds {
					if p.satker == d.id {
						reks = append(reks, p)
					}
				}
				// Each satker draws from its own stream: a change to one
				// leaves the others' data as it was.
				rng := rand.New(rand.NewPCG(2026, demoSeed(d.id)))
				if err := t.demoSatker(d, kit, now, rng, reks, rekRng); err != nil {
					return err
				}
			}
			return nil
		})
	}
	first, err := db.nextDemoNumber()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(n), uint64(first)))
	rekRng := rand.New(rand.NewPCG(uint64(n), uint64(first)+1<<32))
	const perTx = 100
	for start := 0; start < n; start += perTx {
		err := db.update(func(tx *bolt.Tx) error {
			t, err := txn{db: db, tx: tx}.bulk()
			if err != nil {
				return err
			}
			for i := start; i < min(n, start+perTx); i++ {
				if err := t.demoSatker(generatedSatker(first+i, rng), kit, now, rng, generatedRekPlan(rekRng), rekRng); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil { // the commit read pages too
			err = db.read(func(t txn) error { t.shed(); return nil })
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// demoSeed is a named satker's own seed: FNV-1a of its id.
func demoSeed(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * 1099511628211
	}
	return h
}

// nextDemoNumber is one past the highest uji-NNNNN satker.
func (db *DB) nextDemoNumber() (int, error) {
	next := 1
	err := db.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSatkers).Cursor()
		prefix := []byte("uji-")
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if i, err := strconv.Atoi(string(k[len(prefix):])); err == nil && i >= next {
				next = i + 1
			}
		}
		return nil
	})
	return next, err
}

var generatedKinds = []struct {
	kind  model.SatkerKind
	label string
}{
	{model.Kankemenag, "Kantor Kemenag Uji"}, {model.KUA, "KUA Kecamatan Uji"}, {model.KUA, "KUA Kecamatan Uji"},
	{model.Madrasah, "Madrasah Uji"}, {model.Madrasah, "Madrasah Uji"}, {model.Kanwil, "Kanwil Kemenag Uji"},
	{model.PTKN, "PTKN Uji"}, {model.OtherKind, "Satker Uji"},
}

func generatedSatker(i int, rng *rand.Rand) demoSatker {
	k := generatedKinds[i%len(generatedKinds)]
	d := demoSatker{id: fmt.Sprintf("uji-%05d", i), name: fmt.Sprintf("%s %05d", k.label, i), kind: k.kind,
		province: demoProvinces[i%len(demoProvinces)], head: fmt.Sprintf("Kepala Satker Uji %05d", i), target: model.WBK}
	if i%10 == 0 {
		d.target = model.WBBM
	}
	done := rng.Float64()
	if rng.IntN(5) == 0 {
		done = 1
	}
	quality := 0.55 + 0.4*rng.Float64()
	if rng.IntN(3) == 0 { // a third were evaluated last year, less well
		team := generatedTeam(rng)
		d.evals = append(d.evals, demoEval{stage: model.StageTPI, yearsAgo: 1, answered: 1,
			quality: quality - 0.1 - 0.15*rng.Float64(), strictness: 0.1 + 0.25*rng.Float64(), status: model.Final,
			by: team.Names(model.Anggota)[0], team: team})
	}
	st := model.Draft
	if done == 1 && rng.IntN(2) == 0 {
		st = model.Final
	}
	d.evals = append(d.evals, demoEval{stage: model.StagePMPZI, answered: done, quality: quality, status: st,
		by: "pic." + d.id, evaluators: []string{"Tim ZI " + d.name}})
	if done == 1 && rng.IntN(3) == 0 {
		team := generatedTeam(rng)
		de := demoEval{stage: model.StageTPI, answered: rng.Float64(), quality: quality,
			strictness: 0.1 + 0.25*rng.Float64(), status: model.Draft, by: team.Names(model.Anggota)[0], team: team}
		switch x := rng.IntN(20); {
		case x < 4:
			de.status = model.Submitted
		case x < 7:
			de.status = model.Reviewed
		case x < 12:
			de.status, de.answered = model.Final, 1
		}
		if de.status != model.Draft && de.answered < 0.7 {
			de.answered = 0.7 + 0.3*rng.Float64()
		}
		d.evals = append(d.evals, de)
	}
	return d
}

// generatedTeam draws a team from the Biro Ortala's evaluators: one or
// two anggota, a ketua and a pengendali.
func generatedTeam(rng *rand.Rand) model.Team {
	a := rng.IntN(len(demoAnggota))
	team := model.Team{{Name: demoAnggota[a], Level: model.Anggota}}
	if rng.IntN(2) == 0 {
		team = append(team, model.Member{Name: demoAnggota[(a+1+rng.IntN(len(demoAnggota)-1))%len(demoAnggota)], Level: model.Anggota})
	}
	return append(team, model.Member{Name: demoKetua[rng.IntN(len(demoKetua))], Level: model.Ketua},
		model.Member{Name: demoPengendali[rng.IntN(len(demoPengendali))], Level: model.Pengendali})
}

// stageWindow is when, before a round's base date, an evaluation of each
// stage starts and how many days its answers take.
var stageWindow = map[model.Stage][2]int{
	model.StagePMPZI: {80, 45}, model.StageTPI: {30, 18}, model.StageTPILapangan: {14, 6}, model.StageTPN: {10, 6},
}

// demoSatker writes one satker with its evaluations, answers and history,
// and the recommendations reks plans for its rounds. rekRng drives only
// the recommendations, so adding them left the rest of the data as it was.
func (t txn) demoSatker(d demoSatker, kit *demoKit, now time.Time, rng *rand.Rand, reks []demoRekRound, rekRng *rand.Rand) error {
	created := now.AddDate(0, 0, -120)
	s := satkerRec{ID: d.id, Name: d.name, Kind: string(d.kind), Province: d.province, Regency: d.regency,
		Head: d.head, Target: d.target, Created: created, Updated: created}
	if len(d.evals) > 0 && d.evals[0].yearsAgo > 0 {
		s.Created = created.AddDate(-d.evals[0].yearsAgo, 0, 0)
		s.Updated = s.Created
	}
	if err := s.model().Validate(); err != nil {
		return fmt.Errorf("data demo %s: %w", d.id, err)
	}
	in := kit.in
	if err := t.putSatker(nil, s); err != nil {
		return err
	}
	if _, err := t.record(changeRec{At: s.Created, By: "demo", Satker: s.ID, Field: fieldSatker, New: s.Name}); err != nil {
		return err
	}
	if err := t.putInstrument(in); err != nil {
		return err
	}
	prev := map[int]model.Answers{} // per round (years ago): the latest stage's values, what the next stage starts from
	var earlier demoResult          // the satker's latest TPI so far: what its next TPI starts from
	var round demoRound             // the round being written, for its recommendations
	for i, de := range d.evals {
		base := now.AddDate(-de.yearsAgo, 0, 0)
		w := stageWindow[de.stage]
		start := base.AddDate(0, 0, -w[0])
		e := evalRec{ID: model.EvaluationID(s.ID, base.Year(), de.stage), Satker: s.ID, Year: base.Year(),
			Stage: string(de.stage), Evaluators: de.evaluators, Team: teamToRecs(de.team), Instrument: in.ID,
			InstrumentHash: in.Hash, Status: string(model.Draft), Created: start, Updated: start}
		var carry *demoResult
		if de.stage == model.StageTPI && earlier.id != "" {
			e.From, carry = earlier.id, &earlier
		}
		res, err := t.demoEvaluation(&e, de, kit, prev[de.yearsAgo], carry, start, w[1], rng)
		if err != nil {
			return err
		}
		prev[de.yearsAgo] = res.vals
		if de.stage == model.StageTPI {
			earlier = res
		}
		if err := t.put(bucketEvaluations, e.ID, e); err != nil {
			return err
		}
		if err := t.putState(e, in, s.Target, res.vals, res.last); err != nil {
			return err
		}
		round.add(e, de, res.vals, res.answers)
		if i+1 == len(d.evals) || d.evals[i+1].yearsAgo != de.yearsAgo {
			// A round's recommendations follow its last stage, before the
			// next round begins, so the history stays in time order.
			for _, p := range reks {
				if p.yearsAgo == de.yearsAgo {
					if err := t.demoReks(round, p, d, in, now, rekRng); err != nil {
						return err
					}
				}
			}
			round = demoRound{}
		}
	}
	return t.rebuildSummary(s.ID)
}

// demoValue claims the best answer with probability quality, else a worse
// one, nearer the best more often.
func demoValue(q *model.Question, quality float64, rng *rand.Rand) model.Value {
	switch q.Type {
	case model.Percent:
		return model.Num(math.Round(100 * min(1, quality*0.7+0.45*rng.Float64())))
	case model.Number:
		// Survey indices: a unit that claims well also surveys well.
		f := min(1, 0.8+0.18*quality+0.04*(2*rng.Float64()-1))
		return model.Num(math.Round((q.Range[0]+f*(q.Range[1]-q.Range[0]))*100) / 100)
	}
	opts := byValue(q)
	if rng.Float64() < quality || len(opts) == 1 {
		return model.Value{Choice: opts[0].Key}
	}
	i := 1 + min(rng.IntN(len(opts)-1), rng.IntN(len(opts)-1))
	return model.Value{Choice: opts[i].Key}
}

// markDown gives the next lower answer: what an evaluator allows when the
// evidence does not support the claim.
func markDown(q *model.Question, v model.Value, rng *rand.Rand) (model.Value, bool) {
	switch q.Type {
	case model.Number:
		return v, false // survey indices are what they are
	case model.Percent:
		return model.Num(math.Max(0, v.Number-float64(10+rng.IntN(30)))), true
	}
	opts := byValue(q)
	for i, o := range opts {
		if o.Key == v.Choice && i+1 < len(opts) {
			return model.Value{Choice: opts[i+1].Key}, true
		}
	}
	return v, false
}

func byValue(q *model.Question) []model.Option {
	opts := append([]model.Option(nil), q.Options...)
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].Value > opts[j].Value })
	return opts
}

// firstPhrase cuts a guide text at its first sentence or at n runes.
func firstPhrase(s string, n int) string {
	if i := strings.IndexAny(s, ".;\n"); i > 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > n {
		s = strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}
