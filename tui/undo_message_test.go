package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// The line after "u" says what the question holds now, in Indonesian: an
// answer undone on an empty question went back to empty, not to the
// answer just taken back, and an answer given over a carried one went
// back to the carried answer.
func TestUndoSaysWhatCameBack(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-urung", "KUA Kecamatan Urung", 100, 30)
	goTo(t, h, w, "mp.pemenuhan.6")
	h.keys("b")
	h.keys("u")
	h.mustSee("Diurungkan: jawaban mp.pemenuhan.6 kembali ke kosong")

	// A TPI carrying the PMPZI's answers: the answer typed over a carried
	// one goes back to it, still carried.
	h.keys("a")
	tpi := seedEvaluation(t, db, "kua-urung", "KUA Kecamatan Urung", model.StageTPI)
	if _, err := db.CopyAnswers(ev.ID, tpi.ID, "penguji"); err != nil {
		t.Fatal(err)
	}
	h, w = openWalk(t, db, tpi.ID, 100, 30)
	goTo(t, h, w, "mp.pemenuhan.6")
	h.keys("c")
	h.keys("u")
	h.mustSee("Diurungkan: jawaban mp.pemenuhan.6 kembali ke A (dibawa)")
	if v := h.view(); strings.Contains(v, "carried") {
		t.Fatalf("the walk speaks English:\n%s", v)
	}
}
