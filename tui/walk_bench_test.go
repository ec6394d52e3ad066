package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestWalkSizeSweep: every size from tiny to huge lays out without a
// panic and never draws more lines than the terminal has.
func TestWalkSizeSweep(t *testing.T) {
	_, _, _, h, _ := seededWalk(t, "kua-sweep", "KUA Kecamatan Sapuan Panjang Sekali Namanya", 80, 24)
	h.sweep([]string{"", "n", "[esc]v", "a"}, nil)
	h.send(tea.WindowSizeMsg{Width: 59, Height: 20})
	h.mustSee("Jendela terlalu kecil (59×20)", "60×15")
	h.keys("s")
	for width := 1; width <= 200; width += 9 {
		for height := 1; height <= 60; height += 4 {
			h.send(tea.WindowSizeMsg{Width: width, Height: height})
			if n := strings.Count(h.view(), "\n") + 1; n > height {
				t.Fatalf("scorecard %dx%d: %d lines", width, height, n)
			}
		}
	}
}

// BenchmarkWalkAnswerKey: one answer key on the walk, Update + View,
// including the committed store write its command makes.
func BenchmarkWalkAnswerKey(b *testing.B) {
	db, _ := testDB(b)
	ev := seedEvaluation(b, db, "kankemenag-bench", "Kantor Kemenag Bench", model.StagePMPZI)
	h, w := openWalk(b, db, ev.ID, 120, 40)
	goTo(b, h, w, "mp.pemenuhan.2") // an A/B/C question
	keys := []tea.KeyPressMsg{runeKey('a'), runeKey('b')}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		h.send(keys[i%2]) // the store write included, as Bubble Tea would run it
		_ = h.app.View()
		i++
	}
	if w.answers["mp.pemenuhan.2"].Value.IsZero() {
		b.Fatal("nothing was saved")
	}
}

// BenchmarkWalkNavigateKey: a pure navigation key, Update + View.
func BenchmarkWalkNavigateKey(b *testing.B) {
	db, _ := testDB(b)
	ev := seedEvaluation(b, db, "kankemenag-bench", "Kantor Kemenag Bench", model.StagePMPZI)
	h, w := openWalk(b, db, ev.ID, 120, 40)
	keys := []tea.KeyPressMsg{runeKey('j'), runeKey('k')}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w.Update(keys[i%2])
		_ = h.app.View()
		i++
	}
}
