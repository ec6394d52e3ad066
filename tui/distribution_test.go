package tui

import (
	"strings"
	"testing"
)

// The distribution scrolls as every list does: G to its end, g back to
// its start, and its help names the keys that work.
func TestDistributionGoesToItsEnds(t *testing.T) {
	h := newHarness(t, demoDB(t), 80, 24)
	h.keys("bd")
	h.mustSee("Sebaran", "g/G awal/akhir")
	top := h.view()
	h.keys("G")
	h.mustSee("Histogram: jumlah satker per rentang nilai")
	if h.view() == top {
		t.Fatal("G left the distribution where it was")
	}
	h.keys("g")
	if got := h.view(); got != top {
		t.Errorf("g did not go back to the start:\n%s", got)
	}
	if strings.Contains(top, "Histogram: jumlah satker") {
		t.Skip("the whole distribution fits at 80×24: nothing to scroll")
	}
}
