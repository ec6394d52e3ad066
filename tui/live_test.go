package tui

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// On a server, a teammate's save reaches a walk whose person is typing a
// note: the walk waits until the note is closed, then shows the save — it
// does not drop it and stay stale until the next commit.
func TestWalkShowsWhatChangedWhileANoteWasTyped(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kk-a", "Kantor Kemenag A", 100, 30)
	q2 := w.inst.Questions()[1]
	h.keys("n")
	if !w.Capturing() {
		t.Fatalf("n did not open the note:\n%s", h.view())
	}
	h.keys("catatan")
	if _, err := db.SetAnswer(ev.ID, q2.ID, q2.Best(), "budi"); err != nil {
		t.Fatal(err)
	}
	h.send(Changed{}) // the server's signal, while the note has focus
	if got := w.answers[q2.ID].Value; !got.IsZero() {
		t.Fatalf("the walk reloaded under the note being typed: %v", got)
	}
	h.keys("[esc]")
	if got := w.answers[q2.ID].Value; got != q2.Best() {
		t.Errorf("after the note was closed, budi's answer of %s shows as %v, want %v", q2.ID, got, q2.Best())
	}
	h.mustSee("1/")
	if n, _ := db.Answers(ev.ID); n[w.inst.Questions()[0].ID].Note != "catatan" {
		t.Errorf("the note typed meanwhile: %+v", n)
	}
	_ = model.Anggota
}
