package store

import (
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// authorOf reads one level's authorship the way the walk does: through
// the worksheet.
func authorOf(t *testing.T, db *DB, evalID, qid string, l model.Level) (Authorship, model.Answer) {
	t.Helper()
	w, err := db.Worksheet(evalID)
	if err != nil {
		t.Fatal(err)
	}
	return w.Authors[AnswerOf{qid, l}], w.Levels[qid][l]
}

// A note added to someone else's value does not make its writer the one
// who answered: the value stays budi's, the note is rahmat's.
func TestAuthorsValueAndNoteApart(t *testing.T) {
	db, _ := testDB(t)
	in := miniInstrument(t)
	e := seed(t, db, "kk-a", model.StagePMPZI, in)
	q := in.Questions()[0]
	mustAnswer(t, db, e.ID, q.ID, validValue(q, 1), "budi")
	valueAt, ans := authorOf(t, db, e.ID, q.ID, model.Anggota)
	if valueAt.ValueBy != "budi" || !valueAt.ValueAt.Equal(ans.At) || valueAt.NoteBy != "" {
		t.Fatalf("after budi's answer: %+v", valueAt)
	}
	if _, err := db.SetNote(e.ID, q.ID, "bukti belum lengkap", "rahmat"); err != nil {
		t.Fatal(err)
	}
	a, ans := authorOf(t, db, e.ID, q.ID, model.Anggota)
	if ans.By != "rahmat" {
		t.Fatalf("the record's last editor is %q; the test assumes rahmat", ans.By)
	}
	if a.ValueBy != "budi" || !a.ValueAt.Equal(valueAt.ValueAt) {
		t.Errorf("value by %q at %v; want budi at %v", a.ValueBy, a.ValueAt, valueAt.ValueAt)
	}
	if a.NoteBy != "rahmat" || !a.NoteAt.Equal(ans.At) {
		t.Errorf("note by %q at %v; want rahmat at %v", a.NoteBy, a.NoteAt, ans.At)
	}

	// rahmat changes the value and takes it back: it is budi's again.
	mustAnswer(t, db, e.ID, q.ID, validValue(q, 2), "rahmat")
	if a, _ := authorOf(t, db, e.ID, q.ID, model.Anggota); a.ValueBy != "rahmat" {
		t.Errorf("after rahmat's change: value by %q", a.ValueBy)
	}
	mustUndo(t, db, e.ID, "rahmat")
	if a, _ := authorOf(t, db, e.ID, q.ID, model.Anggota); a.ValueBy != "budi" || !a.ValueAt.Equal(valueAt.ValueAt) || a.NoteBy != "rahmat" {
		t.Errorf("after rahmat's undo: %+v; want the value budi's again, the note still rahmat's", a)
	}
	// budi rewrites the note: the note is his, the value still his.
	if _, err := db.SetNote(e.ID, q.ID, "sudah lengkap", "budi"); err != nil {
		t.Fatal(err)
	}
	if a, _ := authorOf(t, db, e.ID, q.ID, model.Anggota); a.ValueBy != "budi" || a.NoteBy != "budi" {
		t.Errorf("after budi's note: %+v", a)
	}
	mustCheckClean(t, db)
}

// A carried answer is whoever brought it until a level confirms it; then
// the confirmer's.
func TestAuthorsCarried(t *testing.T) {
	db, _ := testDB(t)
	in := miniInstrument(t)
	from := seed(t, db, "kk-a", model.StagePMPZI, in)
	q := in.Questions()[0]
	mustAnswer(t, db, from.ID, q.ID, validValue(q, 1), "budi")
	if _, err := db.SetNote(from.ID, q.ID, "catatan PMPZI", "budi"); err != nil {
		t.Fatal(err)
	}
	to := seed(t, db, "kk-a", model.StageTPI, in)
	if n, err := db.CopyAnswers(from.ID, to.ID, "sari"); err != nil || n == 0 {
		t.Fatalf("copy: %d %v", n, err)
	}
	a, ans := authorOf(t, db, to.ID, q.ID, model.Anggota)
	if !ans.Carried || a.ValueBy != "sari" || a.NoteBy != "" {
		t.Errorf("carried: %+v (answer %+v); want the value sari's, no note", a, ans)
	}
	if _, err := db.SetNote(to.ID, q.ID, "dicek ulang", "rahmat"); err != nil {
		t.Fatal(err)
	}
	// The note confirms the carried answer (any edit does): rahmat's now.
	if a, _ := authorOf(t, db, to.ID, q.ID, model.Anggota); a.ValueBy != "rahmat" || a.NoteBy != "rahmat" {
		t.Errorf("confirmed by a note: %+v", a)
	}
}

// Without history entries (a file from before the history kept fields,
// a bundle without its history) an answer keeps its record's By and At;
// an entry that leaves the field otherwise than it stands is not its
// author.
func TestAuthorsFallBackToTheRecord(t *testing.T) {
	at := fixedNow
	r := answerRec{Evaluation: "kk-a/2026/PMPZI", Question: "q1", Value: model.Letter("A"), Note: "n", By: "ani", At: at}
	f := newAuthorFinder([]answerRec{r})
	f.see(changeRec{Seq: 3, By: "dewi", At: at.Add(time.Hour), Question: "q1", Field: fieldValue, Old: "A", New: "B"})
	a := f.authors()[AnswerOf{"q1", model.Anggota}]
	if a.ValueBy != "ani" || !a.ValueAt.Equal(at) || a.NoteBy != "ani" || !a.NoteAt.Equal(at) {
		t.Errorf("%+v; want ani at %v for both", a, at)
	}
}
