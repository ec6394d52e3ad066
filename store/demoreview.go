package store

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// The demo's evaluations as the review chain leaves them: a team's anggota
// answers (confirming what an earlier round brought over), submits, the
// ketua corrects a few answers with a reason and passes it on, the
// pengendali corrects one or two and signs off; some go back on the way.
// Every step is written as the store's own write path writes it — the same
// records, the same history entries with their level, group and reason —
// only in bulk and at the demo's own times.

// demoResult is what writing an evaluation leaves for what follows it.
type demoResult struct {
	id      string
	year    int
	vals    model.Answers           // the values that count
	answers map[string]model.Answer // the answers that count, for drafting recommendations
	counts  map[string]answerRec    // the records that count, by question: what a later round carries over
	last    time.Time               // when an answer last changed
}

// demoLevels is one question's answers per level (index: the level).
type demoLevels [model.Pengendali + 1]answerRec

// demoEvaluation writes one evaluation's answers at every level, its
// history and its way along the review chain, and sets its status and
// last change. claims are the values the same round's previous stage
// gave (a TPI starts from the satker's PMPZI claims); carry is the
// earlier round e starts from, whose answers come over marked carried
// until the anggota confirms them.
func (t txn) demoEvaluation(e *evalRec, de demoEval, kit *demoKit, claims model.Answers, carry *demoResult, start time.Time, days int, rng *rand.Rand) (demoResult, error) {
	qs := kit.qs
	w := demoWriter{e: e, entries: kit.entries[:0]}
	defer func() { kit.entries = w.entries[:0] }() // the buffers serve the next evaluation
	w.log(changeRec{At: start, By: de.by, Field: fieldEvaluation, New: evalLabel(*e)})
	if len(kit.levels) != len(qs) {
		kit.levels = make([]demoLevels, len(qs))
	}
	levels := kit.levels // each answer's key fields are set where it is written
	clear(levels)
	if carry != nil {
		// Made from the earlier round, as CreateEvaluationFrom does.
		at := start.Add(time.Minute)
		for i, q := range qs {
			src, ok := carry.counts[q.ID]
			if !ok {
				continue
			}
			old := demoAnswer(e, q, model.Anggota, levels[i][model.Anggota])
			next := old
			next.Value, next.Carried, next.By, next.At = src.Value, true, de.by, at
			for _, ev := range src.Evidence {
				ev.Checked = false
				next.Evidence = append(next.Evidence, ev)
			}
			w.change(old, next, true)
			levels[i][model.Anggota] = next
		}
	}
	anggota := de.team.Names(model.Anggota)
	if len(anggota) == 0 {
		anggota = []string{de.by}
	}
	ketua, pengendali := de.by, de.by // one evaluator alone acts at every level
	if len(de.team) > 0 {
		ketua, pengendali = de.team.Names(model.Ketua)[0], de.team.Names(model.Pengendali)[0]
	}
	status := model.Draft
	step := func(at time.Time, by string, to model.Status, lvl model.Level, reason string) {
		w.log(changeRec{At: at, By: by, Field: fieldStatus, Old: string(status), New: string(to),
			Level: storedLevel(lvl), Reason: reason})
		status = to
	}

	// The anggota's work, in walking order.
	order := make([]int, len(qs))
	keys := make([]float64, len(qs))
	for i := range order {
		order[i], keys[i] = i, float64(i)/float64(len(qs))+0.5*rng.Float64()
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	count := int(math.Round(de.answered * float64(len(qs))))
	chosen := order[:count]
	sort.Ints(chosen)
	pause := -1 // submitted before this answer and returned; the work went on a day later
	if de.turn == turnReturned && len(de.team) > 0 && count > 2 {
		pause = count * 3 / 5
	}
	last := start
	for n, i := range chosen {
		q := qs[i]
		at := start.Add(time.Duration(float64(days*24) * float64(n+1) / float64(count+1) * float64(time.Hour))).Truncate(time.Second)
		if n == pause {
			reason := demoReturnPlain
			if carry != nil {
				reason = fmt.Sprintf(demoReturnCarried, carry.year)
			}
			step(last.Add(30*time.Minute), anggota[0], model.Submitted, model.Anggota, "")
			step(last.Add(3*time.Hour), ketua, model.Draft, model.Ketua, reason)
		}
		if pause >= 0 && n >= pause {
			at = at.Add(26 * time.Hour)
		}
		old := demoAnswer(e, q, model.Anggota, levels[i][model.Anggota])
		r := old
		r.By, r.At, r.Carried, r.Note = anggota[kit.areaNo[i]%len(anggota)], at, false, "" // two anggota share the work by area
		if claim, ok := claims[q.ID]; de.stage != model.StagePMPZI {
			if !ok {
				claim = demoValue(q, de.quality, rng)
			}
			r.Value = claim
			if rng.Float64() < de.strictness {
				if lower, ok := markDown(q, claim, rng); ok {
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
			r.Evidence = kit.evidence(*e, i, de.stage != model.StagePMPZI && rng.Float64() < 0.7, rng)
		}
		// The value (confirming a carried answer) is one action; the note
		// and the evidence are typed after it.
		mid := old
		mid.Value, mid.Carried, mid.By, mid.At = r.Value, false, r.By, at
		w.change(old, mid, true)
		noted := mid
		noted.Note = r.Note
		w.change(mid, noted, false)
		w.change(noted, r, false)
		levels[i][model.Anggota] = r
		last = at
	}

	// Along the chain.
	at := last
	switch {
	case de.status == model.Draft:
	case len(de.team) == 0: // one evaluator alone takes every step
		step(at.Add(time.Hour), de.by, model.Submitted, model.Anggota, "")
		step(at.Add(time.Hour+5*time.Minute), de.by, model.Reviewed, model.Ketua, "")
		step(at.Add(time.Hour+10*time.Minute), de.by, model.Final, model.Pengendali, "")
	default:
		at = at.Add(2 * time.Hour)
		step(at, anggota[0], model.Submitted, model.Anggota, "")
		for range 3 + rng.IntN(3) {
			at = at.Add(2*time.Hour + time.Duration(rng.IntN(60))*time.Minute)
			demoCorrect(&w, qs, levels, model.Ketua, ketua, at, "", rng)
		}
		if de.status == model.Submitted {
			break
		}
		at = at.Add(3 * time.Hour)
		step(at, ketua, model.Reviewed, model.Ketua, "")
		for range 1 + rng.IntN(2) {
			at = at.Add(2*time.Hour + time.Duration(rng.IntN(60))*time.Minute)
			demoCorrect(&w, qs, levels, model.Pengendali, pengendali, at, "", rng)
		}
		if de.status == model.Reviewed && de.turn != turnReopened {
			break
		}
		at = at.Add(3 * time.Hour)
		step(at, pengendali, model.Final, model.Pengendali, "")
		if de.turn == turnReopened {
			at = at.Add(20 * time.Hour)
			step(at, pengendali, model.Reviewed, model.Pengendali, demoReopen)
			at = at.Add(2 * time.Hour)
			demoCorrect(&w, qs, levels, model.Pengendali, pengendali, at, demoReopenNote, rng)
		}
	}
	if status != de.status {
		return demoResult{}, fmt.Errorf("data demo %s: berakhir %s, bukan %s", e.ID, status, de.status)
	}

	res := demoResult{id: e.ID, year: e.Year, vals: make(model.Answers, len(qs)), answers: make(map[string]model.Answer, len(qs)), last: start}
	if de.stage == model.StageTPI {
		res.counts = make(map[string]answerRec, len(qs))
	}
	for i, q := range qs {
		for l := model.Anggota; l <= model.Pengendali; l++ {
			r := levels[i][l]
			if r.empty() {
				continue
			}
			if err := t.putAnswer(r); err != nil {
				return res, err
			}
			if r.At.After(res.last) {
				res.last = r.At
			}
			if !r.Value.IsZero() { // a higher level comes later
				res.vals[q.ID] = r.Value
				if res.counts != nil {
					res.counts[q.ID] = r
				}
				res.answers[q.ID] = model.Answer{Question: q.ID, Value: r.Value, Note: r.Note, By: r.By, At: r.At, Level: r.level()}
			}
		}
	}
	e.Status, e.Updated = string(status), start
	for _, en := range w.entries {
		if en.c.At.After(e.Updated) {
			e.Updated = en.c.At
		}
	}
	return res, w.flush(t)
}

// demoCorrect is a reviewer's correction at level lvl: one answer the
// levels below gave, not corrected at lvl yet, moved one step — down
// mostly, up where the evidence turned out better — with the reason in
// the reviewer's note (note, or one of the level's usual ones).
func demoCorrect(w *demoWriter, qs []*model.Question, levels []demoLevels, lvl model.Level, by string, at time.Time, note string, rng *rand.Rand) {
	for range 40 {
		i := rng.IntN(len(qs))
		q := qs[i]
		if !levels[i][lvl].Value.IsZero() {
			continue
		}
		var below model.Value
		for l := lvl - 1; l >= model.Anggota; l-- {
			if v := levels[i][l].Value; !v.IsZero() {
				below = v
				break
			}
		}
		if below.IsZero() {
			continue
		}
		want := note != "" // the reason given says up
		up := want || rng.IntN(10) < 3
		v, ok := model.Value{}, false
		if up {
			v, ok = markUp(q, below, rng)
		}
		if !ok && !want {
			v, ok = markDown(q, below, rng)
			up = false
		}
		if !ok || v == below {
			continue
		}
		if note == "" {
			note = demoPick(rng, lvl, up)
		}
		old := demoAnswer(w.e, q, lvl, levels[i][lvl])
		next := old
		next.Value, next.Note, next.By, next.At = v, note, by, at
		w.change(old, next, true) // as SetAnswerNoting: the value and its reason together
		levels[i][lvl] = next
		return
	}
}

// demoPick is a reviewer's usual reason for a correction.
func demoPick(rng *rand.Rand, lvl model.Level, up bool) string {
	list := demoKetuaDown
	switch {
	case lvl == model.Ketua && up:
		list = demoKetuaUp
	case lvl == model.Pengendali && up:
		list = demoPengendaliUp
	case lvl == model.Pengendali:
		list = demoPengendaliDown
	}
	return list[rng.IntN(len(list))]
}

// markUp gives the next higher answer: what a reviewer allows when more
// evidence came in.
func markUp(q *model.Question, v model.Value, rng *rand.Rand) (model.Value, bool) {
	switch q.Type {
	case model.Number:
		return v, false
	case model.Percent:
		if v.Number >= 100 {
			return v, false
		}
		return model.Num(math.Min(100, v.Number+float64(10+rng.IntN(20)))), true
	}
	opts := byValue(q)
	for i, o := range opts {
		if o.Key == v.Choice && i > 0 {
			return model.Value{Choice: opts[i-1].Key}, true
		}
	}
	return v, false
}

// demoAnswer is r, one question's answer at one level, with its key
// fields set.
func demoAnswer(e *evalRec, q *model.Question, lvl model.Level, r answerRec) answerRec {
	r.Evaluation, r.Question, r.Level = e.ID, q.ID, storedLevel(lvl)
	return r
}

// demoKit is what every evaluation of a demo shares, worked out once per
// demo: the instrument's questions and, per question, its evidence's
// title and area and the place of its area; and the buffers an
// evaluation is written with, reused (a demo writes on one goroutine).
type demoKit struct {
	in     *model.Instrument
	qs     []*model.Question
	titles []string
	areas  []string // upper-case, as evidence locations name them
	areaNo []int    // two anggota share the work by area
	// What one evaluation is written with, kept for the next.
	levels  []demoLevels
	entries []demoEntry
}

func newDemoKit(in *model.Instrument) *demoKit {
	k := &demoKit{in: in, qs: in.Questions()}
	seen := map[string]int{}
	for _, q := range k.qs {
		title := "Data dukung " + q.ID
		if g := strings.TrimSpace(q.Guide); g != "" {
			title = firstPhrase(g, 70)
		}
		area := in.Area(q.ID)
		no, ok := seen[area]
		if !ok {
			no = len(seen)
			seen[area] = no
		}
		k.titles = append(k.titles, title)
		k.areas = append(k.areas, strings.ToUpper(strings.SplitN(q.ID, ".", 2)[0]))
		k.areaNo = append(k.areaNo, no)
	}
	return k
}

// evidence is what a satker uploads for question i: a document, and
// sometimes the decree behind it.
func (k *demoKit) evidence(e evalRec, i int, checked bool, rng *rand.Rand) []evidenceRec {
	q := k.qs[i]
	ev := []evidenceRec{{Title: k.titles[i], Location: fmt.Sprintf("Eviden ZI %d/%s/%s.pdf", e.Year, k.areas[i], q.ID), Checked: checked}}
	if rng.IntN(3) == 0 {
		ev = append(ev, evidenceRec{Title: "Surat keputusan terkait",
			Location: fmt.Sprintf("B-%d/Kk/OT.01.2/%02d/%d", 100+rng.IntN(900), 1+rng.IntN(12), e.Year), Checked: checked})
	}
	return ev
}
