package tui

import (
	"strings"
	"testing"
)

func TestWrapLinesKeepsWords(t *testing.T) {
	cmd := "Lewat server: jalankan ssh … report lhe --format html --satker kankemenag-minahasa-tenggara --year 2026 > lhe-kankemenag-minahasa-tenggara-2026-TPI.html"
	lines := wrapLines(cmd, 50, 10)
	if got := strings.Join(lines, " "); got != cmd {
		t.Errorf("joined back:\n%q\nwant\n%q", got, cmd)
	}
	for _, l := range lines {
		if len([]rune(l)) > 50 || strings.HasSuffix(l, "-") {
			t.Errorf("line %q: over 50 columns or broken at a hyphen", l)
		}
	}
	long := strings.Repeat("x", 25)
	if got := wrapLines(long, 10, 5); strings.Join(got, "") != long || len(got) != 3 {
		t.Errorf("a long word: %q", got)
	}
	if got := wrapLines("a b c d e f", 3, 2); len(got) != 2 || !strings.HasSuffix(got[1], "…") {
		t.Errorf("cut to 2 lines: %q", got)
	}
}
