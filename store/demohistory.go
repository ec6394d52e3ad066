package store

import (
	"slices"
	"sort"
)

// The demo's history: each change to an evaluation's answers, gathered as
// the demo makes them up, then written in time order and grouped as
// saveAnswer groups them.

// demoEntry is a history entry to write; action numbers the entries one
// action wrote together (0: alone).
type demoEntry struct {
	c      changeRec
	action int
}

// demoWriter gathers an evaluation's history, then writes it in time order.
type demoWriter struct {
	e       *evalRec
	entries []demoEntry
	actions int
}

func (w *demoWriter) log(c changeRec) {
	c.Satker, c.Evaluation = w.e.Satker, w.e.ID
	w.entries = append(w.entries, demoEntry{c: c})
}

// change logs what saveAnswer would for old becoming next, as one action
// when grouped; next says who, when and at what level.
func (w *demoWriter) change(old, next answerRec, grouped bool) {
	action := 0
	if grouped {
		w.actions++
		action = w.actions
	}
	base := changeRec{At: next.At, By: next.By, Satker: w.e.Satker, Evaluation: w.e.ID, Question: next.Question,
		Level: storedLevel(next.Level)}
	oldEv, newEv := "", ""
	if !slices.Equal(old.Evidence, next.Evidence) { // encoded only when it changed
		oldEv, newEv = evidenceText(old.Evidence), evidenceText(next.Evidence)
	}
	for _, f := range [...]struct{ field, old, new string }{
		{fieldValue, old.Value.String(), next.Value.String()},
		{fieldNote, old.Note, next.Note},
		{fieldEvidence, oldEv, newEv},
		{fieldCarried, carriedText(old.Carried), carriedText(next.Carried)},
	} {
		if f.old != f.new {
			c := base
			c.Field, c.Old, c.New = f.field, f.old, f.new
			w.entries = append(w.entries, demoEntry{c: c, action: action})
		}
	}
}

// flush writes the history in time order; an action's entries get the
// seq of its first as their group, as saveAnswer gives them.
func (w *demoWriter) flush(t txn) error {
	sort.SliceStable(w.entries, func(i, j int) bool { return w.entries[i].c.At.Before(w.entries[j].c.At) })
	groups := make(map[int]uint64, w.actions)
	for _, en := range w.entries {
		c := en.c
		if en.action != 0 {
			g, ok := groups[en.action]
			if !ok {
				g = t.nextSeq()
				groups[en.action] = g
			}
			c.Group = g
		}
		if _, err := t.record(c); err != nil {
			return err
		}
	}
	return nil
}
