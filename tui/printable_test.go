package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// A satker name with escape sequences in it (merged from someone's field
// bundle) reaches the terminal as its text: no sequence that clears the
// screen or retitles the window leaves the workbench.
func TestFrameCarriesNoStoredEscapes(t *testing.T) {
	db, _ := testDB(t)
	if _, err := db.CreateSatker(model.Satker{ID: "kua-uji", Name: "KUA Uji\x1b]0;dibajak\x07\x1b[2J", Kind: model.KUA,
		Province: "Jawa Tengah", Regency: "Kabupaten Magelang", Target: model.WBK}, "penguji"); err != nil {
		t.Skipf("the store refuses such a name already: %v", err)
	}
	h := newHarness(t, db, 80, 24)
	frame := h.app.View().Content
	if !strings.Contains(frame, "KUA Uji") {
		t.Fatalf("the satker is not listed:\n%s", frame)
	}
	for _, seq := range []string{"\x1b]", "\x07", "\x1b[2J"} {
		if strings.Contains(frame, seq) {
			t.Errorf("the frame carries %q from the stored name", seq)
		}
	}
}
