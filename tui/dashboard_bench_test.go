package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/store"
)

// openBig opens the workbench on the 5,000-satker database.
func openBig(b *testing.B) *harness {
	db, err := store.Open(bigDB(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return newHarness(b, db, 120, 40)
}

// loopKeys is the benchmark loop of a key: each round sends the next of
// keys to the workbench's Update, as the program does, and draws it.
func (h *harness) loopKeys(b *testing.B, keys ...tea.KeyPressMsg) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		h.app.Update(keys[i%len(keys)])
		_ = h.app.View()
		i++
	}
}

// BenchmarkDashboardFirstFrame5000: from the key that opens the dashboard
// to its first frame, the store read included.
func BenchmarkDashboardFirstFrame5000(b *testing.B) {
	h := openBig(b)
	b.ReportAllocs()
	for b.Loop() {
		d := newDashboard(h.app.env)
		d.SetSize(h.app.bodySize())
		d.Update(d.Init()())
		if v := d.View(); !strings.Contains(v, "5.0") {
			b.Fatalf("first frame lacks the satkers:\n%s", v)
		}
	}
}

// BenchmarkDashboardSortKey5000: o (sort by the next column), Update +
// View, over 5,000 satkers.
func BenchmarkDashboardSortKey5000(b *testing.B) {
	h := openBig(b)
	h.keys("b")
	h.loopKeys(b, runeKey('o'))
}

// BenchmarkDashboardFilterKey5000: one character typed into the filter and
// taken back, Update + View, over 5,000 satkers.
func BenchmarkDashboardFilterKey5000(b *testing.B) {
	h := openBig(b)
	h.keys("b/uji-0")
	h.loopKeys(b, runeKey('1'), tea.KeyPressMsg{Code: tea.KeyBackspace})
}

// BenchmarkDashboardGroupKey5000: g (group by province, by kind, none),
// Update + View.
func BenchmarkDashboardGroupKey5000(b *testing.B) {
	h := openBig(b)
	h.keys("b")
	h.loopKeys(b, runeKey('g'))
}
