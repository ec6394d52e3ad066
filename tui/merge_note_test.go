package tui

import (
	"testing"
	"time"
)

// A note of more than one line cannot be edited in the merge screen's
// one-line field, which would join its lines into one and save it so:
// the screen says to take a side and edit the note in the walk instead.
func TestMergeKeepsAMultiLineNoteWhole(t *testing.T) {
	w := seedMergeNotes(t, "Notulen ada.\nBelum ditandatangani.", "Dicek di lokasi.\nDaftar hadir lengkap.")
	db := openMergeDB(t, w.path, time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC))
	h := newHarness(t, db, 100, 30)
	h.keys("m")
	m := mergeOf(t, h)
	for i := 0; i < len(m.conflicts) && m.selected().Field != "note"; i++ {
		h.keys("j")
	}
	if m.selected().Field != "note" {
		t.Fatalf("no note conflict among %d", len(m.conflicts))
	}
	h.keys("e")
	if m.Capturing() {
		t.Fatal("a note of two lines opened in a one-line field")
	}
	h.mustSee("lebih dari satu baris")
}
