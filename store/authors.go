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

// AnswerOf names one level's answer to one question.
type AnswerOf struct {
	Question string
	Level    model.Level // as model.Answer's Level: the anggota's is model.Anggota
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
	recs   []answerRec
	found  []Authorship // beside recs
	index  map[AnswerOf]int
	undone map[uint64]bool
	left   int // fields still without their entry
}

func newAuthorFinder(recs []answerRec) *authorFinder {
	f := &authorFinder{recs: recs, found: make([]Authorship, len(recs)), index: make(map[AnswerOf]int, len(recs)),
		undone: map[uint64]bool{}}
	for i, r := range recs {
		f.index[AnswerOf{r.Question, r.level()}] = i
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
	i, ok := f.index[AnswerOf{c.Question, max(c.Level, model.Anggota)}]
	if !ok {
		return f.left > 0
	}
	r, a := f.recs[i], &f.found[i]
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

// authors is the authorship of every answer, the record's By and At
// where the history did not tell.
func (f *authorFinder) authors() map[AnswerOf]Authorship {
	out := make(map[AnswerOf]Authorship, len(f.recs))
	for i, r := range f.recs {
		a := f.found[i]
		if a.ValueBy == "" && !r.Value.IsZero() {
			a.ValueBy, a.ValueAt = r.By, r.At
		}
		if a.NoteBy == "" && r.Note != "" {
			a.NoteBy, a.NoteAt = r.By, r.At
		}
		out[AnswerOf{r.Question, r.level()}] = a
	}
	return out
}
