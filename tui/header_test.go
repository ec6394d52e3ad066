package tui

import (
	tea "charm.land/bubbletea/v2"
	"strings"
	"testing"
)

// A trail of screens wider than the window ends in "…" on the header
// line: a cut name (or a screen's title cut to "20") is said to be cut.
func TestHeaderCutSaysSo(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-panjang", "KUA Kecamatan 中文名字 😀 Tombatu Timur Raya Sekali Panjang", "PMPZI")
	h := newHarness(t, db, 60, 15)
	h.keys("[enter][enter]") // its evaluations, then the walk
	h.mustSee("Pertanyaan 1 dari 113")
	header, _, _ := strings.Cut(h.view(), "\n")
	if !strings.HasSuffix(header, "…") {
		t.Fatalf("the header is cut without …: %q", header)
	}
}

// A help line one item too long for the window ends in "…": bubbles'
// help adds that item whole when its "…" does not fit either, and the
// frame cut it to "esc kembali ·" (the chooser at 60 columns).
func TestHelpLineCutSaysSo(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-bantu", "KUA Kecamatan Bantu", "PMPZI")
	h := newHarness(t, db, 60, 15)
	h.keys("[enter]") // its evaluations
	h.mustSee("Kecamatan Bantu", "2026")
	for w := 60; w <= 90; w++ {
		h.send(tea.WindowSizeMsg{Width: w, Height: 15})
		v := h.view()
		foot := v[strings.LastIndex(v, "\n")+1:]
		if f := strings.TrimSpace(foot); !strings.HasSuffix(f, "…") && !strings.HasSuffix(f, "? semua tombol") {
			t.Fatalf("%d columns: the help line is cut unsaid: %q", w, foot)
		}
	}
}
