package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// A note the store refuses — a teammate submitted the evaluation while it
// was being typed — is not lost: the editor stays open with the text and
// says why, naming the note, so the person can copy it or leave with esc.
func TestRefusedNoteKeepsItsText(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-catatan", "KUA Kecamatan Catatan", 100, 30)
	team := model.Team{{Name: "penguji", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	qid := w.question().ID
	h.keys("n")
	h.keys("SK tim belum ditandatangani")
	// The anggota's other session submits meanwhile.
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "penguji"); err != nil {
		t.Fatal(err)
	}
	h.keys("[esc]")
	if w.focus != focusNote || w.question().ID != qid {
		t.Fatalf("the refused note's editor closed (focus %v, question %s):\n%s", w.focus, w.question().ID, h.view())
	}
	if got := w.note.Value(); got != "SK tim belum ditandatangani" {
		t.Fatalf("the editor holds %q after the refusal", got)
	}
	h.mustSee("ubah catatan ditolak", "SK tim belum ditandatangani", "esc: tutup tanpa menyimpan")
	t.Log(h.view())
	if strings.Contains(h.view(), "ubah jawaban ditolak") {
		t.Errorf("the refusal of a note speaks of the answer:\n%s", h.view())
	}
	if a, _ := db.Answers(ev.ID); a[qid].Note != "" {
		t.Fatalf("the store took the note: %+v", a[qid])
	}
	// esc again is a deliberate leave: the editor closes.
	h.keys("[esc]")
	if w.focus != focusQuestion || w.pending != 0 {
		t.Fatalf("esc after the refusal: focus %v, %d pending:\n%s", w.focus, w.pending, h.view())
	}
}
