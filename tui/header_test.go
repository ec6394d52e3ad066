package tui

import (
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
