package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/store"
)

// BenchmarkStartFirstFrame5000: from opening a 5,000-satker database to
// the first frame of the home screen, as `ziwb` does at start.
func BenchmarkStartFirstFrame5000(b *testing.B) {
	path := bigDB(b)
	b.ReportAllocs()
	for b.Loop() {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		h := newHarness(b, db, 120, 40) // Init and its load, as the program runs them
		if v := h.view(); !strings.Contains(v, "5000 satker") && !strings.Contains(v, "5.000 satker") {
			b.Fatalf("first frame lacks the satkers:\n%s", v)
		}
		db.Close()
	}
}
