package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// A note with escape sequences in it (stored before satker texts were
// checked, or merged from someone's field bundle) reaches the terminal as
// its text: no sequence that clears the screen or retitles the window
// leaves the workbench.
func TestFrameCarriesNoStoredEscapes(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-uji", "KUA Uji", model.StagePMPZI)
	if _, err := db.SetNote(ev.ID, "mp.pemenuhan.1", "Catatan\x1b]0;dibajak\x07\x1b[2J uji", "penguji"); err != nil {
		t.Fatal(err)
	}
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	frame := h.app.View().Content
	if !strings.Contains(frame, "Catatan") {
		t.Fatalf("the note is not shown:\n%s", frame)
	}
	for _, seq := range []string{"\x1b]", "\x07", "\x1b[2J"} {
		if strings.Contains(frame, seq) {
			t.Errorf("the frame carries %q from the stored note", seq)
		}
	}
}
