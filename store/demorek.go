package store

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// demoRound is what a round's recommendations are drawn from: its TPI
// (the evaluators' desk evaluation), else its latest stage.
type demoRound struct {
	pick      evalRec
	evaluator string // who answered the pick
	pic       string // the satker's PIC: who answered its PMPZI
	vals      model.Answers
	answers   map[string]model.Answer
	last      time.Time // the round's last change
}

func (r *demoRound) add(e evalRec, de demoEval, vals model.Answers, answers map[string]model.Answer) {
	if de.stage == model.StagePMPZI && r.pic == "" {
		r.pic = de.by
	}
	if r.pick.ID == "" || model.Stage(r.pick.Stage) != model.StageTPI {
		r.pick, r.evaluator, r.vals, r.answers = e, de.by, vals, answers
	}
	if e.Updated.After(r.last) {
		r.last = e.Updated
	}
}

// demoReks gives a round the recommendations p plans: the drafts of its
// failing areas first, then the weakest answers an evaluator writes about
// by hand; each is then moved along the workflow to its planned status,
// with follow-ups, between the day after the round and until (now, or
// before the next round for an earlier year).
func (t txn) demoReks(round demoRound, p demoRekRound, d demoSatker, in *model.Instrument, now time.Time, rng *rand.Rand) error {
	if round.pick.ID == "" || len(p.outcomes) == 0 {
		return nil
	}
	until := now
	if p.yearsAgo > 0 {
		until = now.AddDate(-(p.yearsAgo - 1), 0, -121)
	}
	created := round.last.Add(24*time.Hour + time.Duration(rng.IntN(8*60))*time.Minute).Truncate(time.Second)
	if !created.Before(until) {
		return nil
	}
	sc, err := model.Score(in, round.vals, in.TargetFor(d.target))
	if err != nil {
		return fmt.Errorf("data demo %s: %w", round.pick.ID, err)
	}
	cands := demoRekCandidates(in, round.answers, sc, model.Stage(round.pick.Stage), len(p.outcomes))
	by, pic := cmp.Or(p.by, round.evaluator), cmp.Or(round.pic, "pic."+d.id)
	// Plan every recommendation's steps, then write them all in time
	// order, so the history reads as it happened.
	type event struct {
		at   time.Time
		i    int
		step *demoStep // nil: the recommendation is given
	}
	var events []event
	var recs []rekRec
	for i, o := range p.outcomes[:min(len(p.outcomes), len(cands))] {
		at := created.Add(time.Duration(i) * 9 * time.Minute)
		if !at.Before(until) {
			break
		}
		cands[i].EvaluationID = round.pick.ID
		cands[i].Due = now.AddDate(0, 0, o.due)
		if earliest := at.AddDate(0, 0, 7); cands[i].Due.Before(earliest) {
			cands[i].Due = earliest
		}
		recs = append(recs, rekRec{})
		events = append(events, event{at: at, i: i})
		steps := o.steps()
		slot := until.Sub(at) / time.Duration(len(steps)+1) // each step in its own slot of the time left
		for j := range steps {
			when := at.Add(slot*time.Duration(j+1) + time.Duration(rng.Float64()*float64(slot)/2)).Truncate(time.Second)
			events = append(events, event{at: when, i: i, step: &steps[j]})
		}
	}
	sort.SliceStable(events, func(a, b int) bool { return events[a].at.Before(events[b].at) })
	said := rng.IntN(len(demoFollowUps)) // a round's follow-ups each say something else
	for _, ev := range events {
		var err error
		rec, st := recs[ev.i], ev.step
		switch {
		case st == nil:
			rec, err = t.createRek(cands[ev.i], by, ev.at)
		case st.followUp:
			said++
			tl := model.TindakLanjut{Date: ev.at, By: pic, Text: demoFollowUps[said%len(demoFollowUps)],
				Evidence: []model.Evidence{{Title: "Laporan tindak lanjut",
					Location: fmt.Sprintf("Eviden ZI %d/TL/%s.pdf", round.pick.Year, strings.ReplaceAll(rec.ID, "/", "-"))}}}
			rec, err = t.demoFollowUp(rec, tl, pic, ev.at)
		case st.status == model.RekDikerjakan && model.RekStatus(rec.Status) == model.RekBaru, st.status == model.RekSelesai:
			rec, err = t.applyRekEdit(rec, statusEdit(st.status, "", pic), pic, ev.at) // the satker's moves
		default: // the evaluator's: verify, reject, send back
			rec, err = t.applyRekEdit(rec, statusEdit(st.status, st.reason(rng), by), by, ev.at)
		}
		if err != nil {
			return err
		}
		recs[ev.i] = rec
	}
	return nil
}

// demoStep is one move of a recommendation: a status, or a follow-up.
type demoStep struct {
	status   model.RekStatus
	followUp bool
}

func (s demoStep) reason(rng *rand.Rand) string {
	switch s.status {
	case model.RekDitolak:
		return demoRejections[rng.IntN(len(demoRejections))]
	case model.RekDikerjakan:
		return demoSendBacks[rng.IntN(len(demoSendBacks))]
	}
	return ""
}

// steps is the way from baru to the outcome's status.
func (o demoRekOutcome) steps() []demoStep {
	work := []demoStep{{status: model.RekDikerjakan}, {followUp: true}}
	switch o.status {
	case model.RekDikerjakan:
		if o.reopened {
			return append(work, demoStep{status: model.RekSelesai}, demoStep{status: model.RekDikerjakan}, demoStep{followUp: true})
		}
		return work
	case model.RekSelesai:
		return append(work, demoStep{status: model.RekSelesai})
	case model.RekDiverifikasi:
		return append(work, demoStep{status: model.RekSelesai}, demoStep{status: model.RekDiverifikasi})
	case model.RekDitolak:
		return []demoStep{{status: model.RekDitolak}}
	}
	return nil
}

// demoRekCandidates proposes up to n recommendations, as an evaluator
// writes them: first the drafts (model.Drafts: the steps of the path to
// the target, then the failing areas' weakest questions), about half of
// them; then, written by hand, the answered questions short of full
// marks that no draft covers, those with a note first, the weakest next;
// and drafts again when those run out.
func demoRekCandidates(in *model.Instrument, answers map[string]model.Answer, sc model.Scorecard, stage model.Stage, n int) []model.Rekomendasi {
	drafts := model.Drafts(in, answers, sc)
	onPath := map[string]bool{}
	vals := make(model.Answers, len(answers))
	for id, a := range answers {
		vals[id] = a.Value
	}
	if p, err := model.PathTo(in, vals, sc.Target); err == nil {
		for _, st := range p.Steps {
			onPath[st.Question.ID] = true
		}
	}
	take := min(len(drafts), max(1, (n+1)/2))
	out := append([]model.Rekomendasi(nil), drafts[:take]...)
	drafted := map[string]bool{}
	for _, d := range drafts[:take] {
		drafted[d.Node] = true
	}
	type weak struct {
		q    *model.Question
		a    model.Answer
		rank float64
	}
	var ws []weak
	for _, q := range in.Questions() {
		a, ok := answers[q.ID]
		if !ok || a.Value.IsZero() || drafted[q.ID] {
			continue
		}
		if f := q.Fraction(a.Value); f < 0.999 {
			if a.Note != "" {
				f--
			}
			ws = append(ws, weak{q, a, f})
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].rank < ws[j].rank })
	for _, w := range ws[:min(len(ws), max(0, n-len(out)))] {
		out = append(out, demoFinding(w.q, w.a, stage, onPath[w.q.ID]))
		drafted[w.q.ID] = true
	}
	for _, d := range drafts[take:] {
		if len(out) >= n {
			break
		}
		if !drafted[d.Node] {
			out = append(out, d)
		}
	}
	return out
}

// demoFinding is a recommendation an evaluator writes about one answer:
// what to do for full marks, what stands now, what was found, and the
// evidence to show. It is tinggi when the question is on the path to the
// target, as the drafts' steps are; else sedang for a weak answer (under
// a third of full marks), rendah for one nearer full marks.
func demoFinding(q *model.Question, a model.Answer, stage model.Stage, onPath bool) model.Rekomendasi {
	p := model.PriorityRendah
	switch {
	case onPath:
		p = model.PriorityTinggi
	case q.Fraction(a.Value) < 1.0/3:
		p = model.PrioritySedang
	}
	lines := model.DraftLines(q, model.Answer{Value: a.Value}, true, q.Best())
	if note := strings.TrimSpace(a.Note); note != "" {
		label := "Temuan evaluator"
		if stage == model.StagePMPZI {
			label = "Catatan satker"
		}
		lines = slices.Insert(lines, 2, label+": "+note)
	}
	lines = append(lines, "Laporkan tindak lanjutnya sebelum evaluasi berikutnya.")
	return model.Rekomendasi{Node: q.ID, Text: strings.Join(lines, "\n"), Priority: p, Status: model.RekBaru}
}

// generatedRekPlan plans a generated satker's recommendations: one to
// three (two on average) on its current round, in every status, due from
// a month ago to four months ahead.
func generatedRekPlan(rng *rand.Rand) []demoRekRound {
	outs := make([]demoRekOutcome, 1+rng.IntN(3))
	for i := range outs {
		o := demoRekOutcome{due: -30 + rng.IntN(150)}
		switch x := rng.IntN(100); {
		case x < 35:
			o.status = model.RekBaru
		case x < 60:
			o.status, o.reopened = model.RekDikerjakan, rng.IntN(6) == 0
		case x < 75:
			o.status = model.RekSelesai
		case x < 92:
			o.status = model.RekDiverifikasi
		default:
			o.status = model.RekDitolak
		}
		outs[i] = o
	}
	return []demoRekRound{{by: "tpi.uji", outcomes: outs}}
}

// demoFollowUp adds a follow-up the way AddTindakLanjut does, at the
// demo's own time.
func (t txn) demoFollowUp(old rekRec, tl model.TindakLanjut, by string, at time.Time) (rekRec, error) {
	edit, err := followUpEdit(tl, by)
	if err != nil {
		return old, err
	}
	return t.applyRekEdit(old, edit, by, at)
}
