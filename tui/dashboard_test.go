package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// demoDB is a fresh database with the named demo data, the same on every
// run.
func demoDB(t testing.TB) *store.DB {
	t.Helper()
	db, _ := clockDB(t)
	if err := db.Demo(0, reviewToday); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestDashboardGoldens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db := demoDB(t)
		h := newHarness(t, db, size.w, size.h)
		h.keys("b")
		golden(t, "dashboard_"+sizeName(size.w, size.h), h.view())
		h.keys("g")
		golden(t, "dashboard_grouped_"+sizeName(size.w, size.h), h.view())
		h.keys("d")
		golden(t, "distribution_"+sizeName(size.w, size.h), h.view())
	}
}

// The dashboard's numbers are the store's: every row shows its satker's
// latest evaluation with the total and result the summaries hold.
func TestDashboardRowsMatchTheStore(t *testing.T) {
	db := demoDB(t)
	h := newHarness(t, db, 200, 50)
	h.keys("b")
	d := h.app.top().(*dashboardScreen)
	sums, err := db.SatkerSummaries()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.shown) != len(sums) {
		t.Fatalf("%d rows for %d satkers", len(d.shown), len(sums))
	}
	for _, s := range sums {
		if s.Latest == nil {
			continue
		}
		sc, _, err := db.Scorecard(s.Latest.ID)
		if err != nil {
			t.Fatal(err)
		}
		line := ""
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.Contains(l, shortSatkerName(s.Satker.Name)) {
				line = l
			}
		}
		want := model.Points(sc.Total)
		if !strings.Contains(line, " "+want+" ") {
			t.Errorf("%s: the row lacks the total %s: %q", s.Satker.Name, want, line)
		}
	}
}

// TestDashboardScriptedSession: filter, sort, group, mark two rounds and
// compare them, open the gap view and jump to a question in the walk.
func TestDashboardScriptedSession(t *testing.T) {
	db := demoDB(t)
	h := newHarness(t, db, 120, 40)
	h.keys("b")
	h.mustSee("13 satker", "urut: total ↓")

	// Filter as you type, then by key.
	h.keys("/magelang")
	h.mustSee("3 dari 13 satker", "MAN 1 Magelang", "KUA Kec. Mertoyudan")
	h.keys("[enter]h")
	h.mustSee("1 dari 13 satker", "hasil WBBM")
	h.keys("[esc]")
	h.mustSee("13 satker")

	// Sort by the next column (the change since the previous round).
	h.keys("o")
	h.mustSee("urut: perubahan ↓")
	d := h.app.top().(*dashboardScreen)
	prev := 1e9
	for _, r := range d.shown {
		if !r.HasEval() || !r.Delta.Has() {
			continue
		}
		if r.Delta.Points > prev {
			t.Fatalf("not sorted by change: %v after %v", r.Delta.Points, prev)
		}
		prev = r.Delta.Points
	}
	h.keys("O")
	h.mustSee("urut: perubahan ↑")

	// A year shows that round of the satkers evaluated in it.
	h.keys("y")
	h.mustSee("tahun 2026")
	h.keys("y")
	h.mustSee("tahun 2025", "1 dari 13 satker", "Kankemenag Kab. Magelang")
	h.keys("[esc]")

	// Mark two rounds and compare them side by side.
	h.keys("/sinjai[enter]")
	h.keys("[space]j[space]")
	h.mustSee("2 ditandai · c bandingkan")
	h.keys("c")
	h.mustSee("Kankemenag Kab. Sinjai", "KUA Kec. Sinjai Utara")
	h.keys("[esc]")

	// The gap view of the selected satker, and the walk at its question.
	h.keys("[esc]/minahasa[enter]p")
	h.mustSee("PMPZI", "TPI")
	h.keys("[enter]")
	if _, ok := h.app.top().(*walkScreen); !ok {
		t.Fatalf("enter on the gap view did not open the walk:\n%s", h.view())
	}
}

func TestDashboardSizeSweep(t *testing.T) {
	db := demoDB(t)
	h := newHarness(t, db, 80, 24)
	h.keys("b")
	h.sweep([]string{"", "g", "d"}, func(keys string, width, height int, v string) {
		// From the smallest size on, every component column fits:
		// the last one, the hasil, is on the header line.
		if lines := strings.Split(v, "\n"); keys == "" && width >= minWidth && height >= minHeight {
			f := strings.Fields(lines[3])
			if len(f) == 0 || !strings.HasPrefix(f[len(f)-1], "H") {
				t.Fatalf("%dx%d: the header lacks the last column: %q", width, height, lines[3])
			}
		}
	})
}

// The dashboard follows the store: a change made elsewhere shows when it
// comes back into view.
func TestDashboardReloadsOnReturn(t *testing.T) {
	db := demoDB(t)
	h := newHarness(t, db, 120, 40)
	h.keys("b/tombatu[enter]")
	h.mustSee("KUA Kec. Tombatu", "10%")
	h.keys("[enter]") // its evaluations
	h.mustSee("TAHAP", "PMPZI")
	evs, _ := db.Evaluations("kua-tombatu")
	if len(evs) == 0 {
		t.Skip("the demo has no KUA Tombatu evaluation")
	}
	in, _ := model.Builtin(model.DefaultInstrument)
	for _, q := range in.Questions()[:30] {
		if _, err := db.SetAnswer(evs[0].ID, q.ID, q.Best(), "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	h.keys("[esc]")
	if strings.Contains(h.view(), " 10% ") {
		t.Fatalf("the dashboard did not reload:\n%s", h.view())
	}
}

// One satker across rounds: mark two of its evaluations in the chooser and
// see them side by side.
func TestChooserComparesRounds(t *testing.T) {
	db := demoDB(t)
	h := newHarness(t, db, 120, 40)
	h.keys("/kabupaten magelang[enter][enter]")
	h.mustSee("Kantor Kemenag Kabupaten Magelang", "2025  TPN")
	h.keys("[space]")
	h.mustSee("2026+")
	h.keys("j[space]")
	h.mustSee("2 evaluasi ditandai · c bandingkan")
	h.keys("c")
	h.mustSee("Perbandingan", "2026 PMPZI", "2025 TPN", "Nilai total")
}

// Keys pressed while a round is loading build on what was asked, and a
// load that a later key overtook is dropped, whatever order they end in.
func TestDashboardRoundKeysWhileLoading(t *testing.T) {
	db := demoDB(t)
	h := newHarness(t, db, 120, 40)
	h.keys("b")
	d := h.app.top().(*dashboardScreen)
	y := runeKey('y')
	first := d.Update(y)  // 2026
	second := d.Update(y) // 2025, asked before 2026 arrived
	late, early := first(), second()
	d.Update(early)
	d.Update(late) // overtaken: dropped
	if d.pick.Year != 2025 {
		t.Fatalf("showing %d; the last key asked for 2025", d.pick.Year)
	}
	h.mustSee("tahun 2025")
}
