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
// with a PMPZI self-assessment at its own stage of progress and, for some,
// TPI evaluations whose answers differ, and recommendations in every
// status (some overdue, some carried over from last year's round); it
// refuses with ErrExists when that set is there already. n > 0 adds n
// generated satkers (uji-00001 …) for load tests, numbered after those
// already there, with two recommendations each on average. The data is the
// same for the same n and now.
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
	if n <= 0 {
		rng := rand.New(rand.NewPCG(2026, 5))
		rekRng := rand.New(rand.NewPCG(2026, 6))
		return db.update(func(tx *bolt.Tx) error {
			t := txn{db, tx}.bulk()
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
				if err := t.demoSatker(d, in, now, rng, reks, rekRng); err != nil {
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
			t := txn{db, tx}.bulk()
			for i := start; i < min(n, start+perTx); i++ {
				if err := t.demoSatker(generatedSatker(first+i, rng), in, now, rng, generatedRekPlan(rekRng), rekRng); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil { // the commit read pages too
			err = db.view(func(tx *bolt.Tx) error { txn{db, tx}.shed(); return nil })
		}
		if err != nil {
			return err
		}
	}
	return nil
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
	d.evals = []demoEval{{model.StagePMPZI, 0, done, quality, 0, done == 1 && rng.IntN(2) == 0, "pic." + d.id, []string{"Tim ZI " + d.name}}}
	if done == 1 && rng.IntN(3) == 0 {
		d.evals = append(d.evals, demoEval{model.StageTPI, 0, rng.Float64(), quality, 0.1 + 0.25*rng.Float64(), false, "tpi.uji", []string{"Evaluator Uji"}})
	}
	return d
}

// stageWindow is when, before a round's base date, an evaluation of each
// stage starts and how many days its answers take.
var stageWindow = map[model.Stage][2]int{
	model.StagePMPZI: {80, 45}, model.StageTPI: {30, 18}, model.StageTPILapangan: {14, 6}, model.StageTPN: {10, 6},
}

// demoSatker writes one satker with its evaluations, answers and history,
// and the recommendations reks plans for its rounds. rekRng drives only
// the recommendations, so adding them left the rest of the data as it was.
func (t txn) demoSatker(d demoSatker, in *model.Instrument, now time.Time, rng *rand.Rand, reks []demoRekRound, rekRng *rand.Rand) error {
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
	var round demoRound             // the round being written, for its recommendations
	for i, de := range d.evals {
		base := now.AddDate(-de.yearsAgo, 0, 0)
		w := stageWindow[de.stage]
		start := base.AddDate(0, 0, -w[0])
		e := evalRec{ID: model.EvaluationID(s.ID, base.Year(), de.stage), Satker: s.ID, Year: base.Year(),
			Stage: string(de.stage), Evaluators: de.evaluators, Instrument: in.ID, InstrumentHash: in.Hash,
			Status: string(model.Draft), Created: start, Updated: start}
		if _, err := t.record(changeRec{At: start, By: de.by, Satker: s.ID, Evaluation: e.ID, Field: fieldEvaluation, New: evalLabel(e)}); err != nil {
			return err
		}
		vals, answers, last, err := t.demoAnswers(e, de, in, prev[de.yearsAgo], start, w[1], rng)
		if err != nil {
			return err
		}
		prev[de.yearsAgo] = vals
		e.Updated = last
		if de.final {
			e.Status = string(model.Final)
			e.Updated = last.Add(time.Hour)
			if _, err := t.record(changeRec{At: e.Updated, By: de.by, Satker: s.ID, Evaluation: e.ID, Field: fieldStatus, Old: string(model.Draft), New: e.Status}); err != nil {
				return err
			}
		}
		if err := t.put(bucketEvaluations, e.ID, e); err != nil {
			return err
		}
		if err := t.putState(e, in, s.Target, vals, last); err != nil {
			return err
		}
		round.add(e, de, vals, answers)
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

// demoAnswers writes an evaluation's answers, with their history, and
// returns its values, its answers (for drafting recommendations) and when
// the last answer was given.
func (t txn) demoAnswers(e evalRec, de demoEval, in *model.Instrument, from model.Answers, start time.Time, days int, rng *rand.Rand) (model.Answers, map[string]model.Answer, time.Time, error) {
	qs := in.Questions()
	order := make([]int, len(qs))
	keys := make([]float64, len(qs))
	for i := range order {
		order[i], keys[i] = i, float64(i)/float64(len(qs))+0.5*rng.Float64()
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	count := int(math.Round(de.answered * float64(len(qs))))
	chosen := order[:count]
	sort.Ints(chosen) // answered in walking order
	vals := model.Answers{}
	answers := make(map[string]model.Answer, count)
	last := start
	for n, i := range chosen {
		q := qs[i]
		at := start.Add(time.Duration(float64(days*24) * float64(n+1) / float64(count+1) * float64(time.Hour))).Truncate(time.Second)
		r := answerRec{Evaluation: e.ID, Question: q.ID, By: de.by, At: at}
		if v, ok := from[q.ID]; ok && de.stage != model.StagePMPZI {
			r.Value = v
			if rng.Float64() < de.strictness {
				if lower, ok := markDown(q, v, rng); ok {
					r.Value = lower
					r.Note = demoFindings[rng.IntN(len(demoFindings))]
				}
			}
		} else {
			r.Value = demoValue(q, de.quality, rng)
			if rng.Float64() < 0.1 {
				r.Note = demoClaims[rng.IntN(len(demoClaims))]
			}
		}
		if rng.Float64() < 0.5 {
			r.Evidence = demoEvidence(e, q, de.stage != model.StagePMPZI && rng.Float64() < 0.7, rng)
		}
		if err := t.putAnswer(r); err != nil {
			return nil, nil, last, err
		}
		base := changeRec{At: at, By: de.by, Satker: e.Satker, Evaluation: e.ID, Question: q.ID}
		for _, f := range [][2]string{{fieldValue, r.Value.String()}, {fieldNote, r.Note}, {fieldEvidence, evidenceText(r.Evidence)}} {
			if f[1] == "" {
				continue
			}
			c := base
			c.Field, c.New = f[0], f[1]
			if _, err := t.record(c); err != nil {
				return nil, nil, last, err
			}
		}
		vals[q.ID] = r.Value
		answers[q.ID] = model.Answer{Question: q.ID, Value: r.Value, Note: r.Note, By: r.By, At: at}
		last = at
	}
	return vals, answers, last, nil
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

func demoEvidence(e evalRec, q *model.Question, checked bool, rng *rand.Rand) []evidenceRec {
	title := "Data dukung " + q.ID
	if g := strings.TrimSpace(q.Guide); g != "" {
		title = firstPhrase(g, 70)
	}
	area := strings.ToUpper(strings.SplitN(q.ID, ".", 2)[0])
	ev := []evidenceRec{{Title: title, Location: fmt.Sprintf("Eviden ZI %d/%s/%s.pdf", e.Year, area, q.ID), Checked: checked}}
	if rng.IntN(3) == 0 {
		ev = append(ev, evidenceRec{Title: "Surat keputusan terkait",
			Location: fmt.Sprintf("B-%d/Kk/OT.01.2/%02d/%d", 100+rng.IntN(900), 1+rng.IntN(12), e.Year), Checked: checked})
	}
	return ev
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
