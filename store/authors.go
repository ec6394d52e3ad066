package store

import (
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// Authorship is who gave one level's answer its value and who last
// changed its note, and when. An answer record's own By and At name
// whoever last touched any part of it — a note added to someone else's
// value makes them its By — so a screen that says who answered reads
// this, which the history has per field.
type Authorship struct {
	ValueBy string
	ValueAt time.Time
	NoteBy  string
	NoteAt  time.Time
}

// authorKey is one level's answer to one question, the level as stored.
type authorKey struct {
	question string
	level    model.Level
}

// authorFinder works out the authorship of an evaluation's answers from
// its history, handed to see newest first (one backward scan, in the
// transaction that read the answers). A field's author is the newest
// entry of it that is neither an undo nor undone and that leaves the
// field as the answer holds it now: an undo gives the field back to who
// set what it restores. For the value, a carried mark's entry counts
// too: whoever brought an answer from an earlier round, or confirmed it
// since, answers for its value. A field no entry explains (a file
// from before the history, a bundle without it) keeps the record's By
// and At.
type authorFinder struct {
	answers map[authorKey]answerRec
	found   map[authorKey]*Authorship
	undone  map[uint64]bool
	left    int // fields still without their entry
}

func newAuthorFinder(recs []answerRec) *authorFinder {
	f := &authorFinder{answers: make(map[authorKey]answerRec, len(recs)), found: make(map[authorKey]*Authorship, len(recs)),
		undone: map[uint64]bool{}}
	for _, r := range recs {
		k := authorKey{r.Question, storedLevel(r.Level)}
		f.answers[k], f.found[k] = r, &Authorship{}
		if !r.Value.IsZero() {
			f.left++
		}
		if r.Note != "" {
			f.left++
		}
	}
	return f
}

// see takes the next entry, newest first; it reports whether a field
// still waits for its entry.
func (f *authorFinder) see(c changeRec) bool {
	switch {
	case c.Undoes != 0:
		f.undone[c.Undoes] = true
		return f.left > 0
	case f.undone[c.Seq] || c.Question == "":
		return f.left > 0
	}
	k := authorKey{c.Question, storedLevel(c.Level)}
	r, ok := f.answers[k]
	if !ok {
		return f.left > 0
	}
	a := f.found[k]
	switch c.Field {
	case fieldValue, fieldCarried:
		if a.ValueBy == "" && !r.Value.IsZero() && c.New == fieldText(r, c.Field) {
			a.ValueBy, a.ValueAt = c.By, c.At
			f.left--
		}
	case fieldNote:
		if a.NoteBy == "" && r.Note != "" && c.New == r.Note {
			a.NoteBy, a.NoteAt = c.By, c.At
			f.left--
		}
	}
	return f.left > 0
}

// authors is the authorship of every answer, by question and level (as
// model.Answer's Level says it), the record's By and At where the
// history did not tell.
func (f *authorFinder) authors() map[string]map[model.Level]Authorship {
	out := make(map[string]map[model.Level]Authorship, len(f.answers))
	for k, r := range f.answers {
		a := *f.found[k]
		if a.ValueBy == "" && !r.Value.IsZero() {
			a.ValueBy, a.ValueAt = r.By, r.At
		}
		if a.NoteBy == "" && r.Note != "" {
			a.NoteBy, a.NoteAt = r.By, r.At
		}
		if out[r.Question] == nil {
			out[r.Question] = make(map[model.Level]Authorship, 1)
		}
		out[r.Question][r.level()] = a
	}
	return out
}
