package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// openSideBySide pushes the side-by-side screen the way the dashboard
// will, and waits for it to load.
func openSideBySide(t testing.TB, db *store.DB, ids []string, width, height int) (*harness, *sideScreen) {
	t.Helper()
	h := newHarness(t, db, width, height)
	s := newSideBySide(h.app.env, ids)
	h.send(pushMsg{s: s})
	if !s.loaded {
		t.Fatalf("side by side did not load:\n%s", h.view())
	}
	return h, s
}

// seedSideBySide stores four answered evaluations: Magelang's TPI of 2026
// (Penguatan Pengawasan fails) and of 2025 (SDM fails), Borobudur's TPI of
// 2026 (Manajemen Perubahan fails) and its PMPZI of 2026 (full marks).
func seedSideBySide(t testing.TB, db *store.DB) []string {
	t.Helper()
	now := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	answerAllBut(t, db, now.ID, "pw")
	in, _ := model.Builtin(model.DefaultInstrument)
	prev := createRound(t, db, in, "kankemenag-magelang", 2025, model.StageTPI, model.Draft)
	answerAllBut(t, db, prev.ID, "sdm")
	kua := seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StageTPI)
	answerAllBut(t, db, kua.ID, "mp")
	self := seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StagePMPZI)
	answerAllBut(t, db, self.ID, "none")
	return []string{now.ID, prev.ID, kua.ID, self.ID}
}

func TestSideBySideGoldens(t *testing.T) {
	db, _ := clockDB(t)
	ids := seedSideBySide(t, db)
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		h, _ := openSideBySide(t, db, ids[:3], size.w, size.h)
		golden(t, "sidebyside_"+sizeName(size.w, size.h), h.view())
		h.keys("d")
		golden(t, "sidebyside_divergence_"+sizeName(size.w, size.h), h.view())
		h.keys("di")
		golden(t, "sidebyside_all_"+sizeName(size.w, size.h), h.view())
	}
	// Four columns: narrower cells, never a line too many or too wide.
	for _, size := range []struct{ w, h int }{{60, 15}, {80, 24}, {120, 40}} {
		h, _ := openSideBySide(t, db, ids, size.w, size.h)
		golden(t, "sidebyside_4_"+sizeName(size.w, size.h), h.view())
	}
}

// TestSideBySideSession: the keys change what is listed and in which
// order; the columns name each evaluation and the differences are against
// the first.
func TestSideBySideSession(t *testing.T) {
	db, _ := testDB(t)
	ids := seedSideBySide(t, db)
	h, s := openSideBySide(t, db, ids[:3], 120, 40)
	h.mustSee("Satker › Perbandingan", "3 evaluasi · tampil: area · urut: pohon · selisih terhadap kolom pertama",
		"Kankemenag Kab. Magelang", "KUA Kec. Borobudur", "2026 TPI", "2025 TPI", "KOMPONEN", "Nilai total",
		"Penguatan Pengawasan", "✓", "✗")
	if strings.Contains(h.view(), "Pengendalian Gratifikasi") {
		t.Fatalf("indicators are listed before i:\n%s", h.view())
	}
	// Penguatan Pengawasan: 0 of 15 in the first, full in the others.
	if !strings.Contains(lineWith(h.view(), "  Penguatan Pengawasan"), "+15,00") {
		t.Fatalf("the difference against the first column:\n%s", lineWith(h.view(), "Penguatan Pengawasan"))
	}

	h.keys("d")
	h.mustSee("urut: selisih terbesar", "sama disembunyikan")
	rows := s.rows
	if len(rows) == 0 || rows[0].ID != "pw" {
		t.Fatalf("divergence order starts with %v, want pw", rows)
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Spread > rows[i-1].Spread {
			t.Fatalf("divergence order: %s (%v) after %s (%v)", rows[i].ID, rows[i].Spread, rows[i-1].ID, rows[i-1].Spread)
		}
	}
	h.keys("i")
	h.mustSee("tampil: semua komponen", "Pengendalian Gratifikasi")
	h.keys("d")
	h.mustSee("urut: pohon", "baris 1–")
	h.keys("G")
	h.mustSee("Pelayanan Publik yang Prima")
	h.keys("g")
	h.mustSee("Manajemen Perubahan")
	h.keys("[esc]")
	h.mustSee("satker · urut")
}

// One evaluation is not a comparison: the screen says so in place.
func TestSideBySideTooFew(t *testing.T) {
	db, _ := testDB(t)
	ids := seedSideBySide(t, db)
	h, _ := openSideBySide(t, db, ids[:1], 80, 24)
	h.mustSee("✗ Evaluasi tidak bisa dibandingkan", "pilih 2 sampai 4", "(dipilih 1)", "Tekan esc untuk kembali")
	h.keys("[esc]")
	h.mustSee("2 satker")
}

// Evaluations on different instruments compare on the nodes they share;
// a node one of them lacks reads — in its column.
func TestSideBySideInstruments(t *testing.T) {
	db, _ := testDB(t)
	ids := seedSideBySide(t, db)
	old, ok := model.Builtin("lke-zi-2014")
	if !ok {
		t.Skip("no 2014 instrument built in")
	}
	ev := createRound(t, db, old, "kua-borobudur", 2019, model.StageTPI, model.Draft)
	h, s := openSideBySide(t, db, []string{ids[0], ev.ID}, 120, 40)
	h.keys("i")
	h.mustSee("2019 TPI", "—")
	var only string // a node the 2014 instrument has and 2021 lacks
	for _, r := range s.cmp.Rows {
		if !r.Present[0] && r.Present[1] {
			only = r.ID
			break
		}
	}
	if only == "" {
		t.Skip("the instruments share every node")
	}
	h.keys("G")
	h.mustSee(s.titles[only])
}

func TestSideBySideSizeSweep(t *testing.T) {
	db, _ := testDB(t)
	ids := seedSideBySide(t, db)
	for _, c := range []struct {
		n    int
		keys string
	}{{4, ""}, {4, "id"}, {2, "G"}, {1, ""}} {
		h, s := openSideBySide(t, db, ids[:c.n], 80, 24)
		h.keys(c.keys)
		sweepSizes(func(width, height int) {
			checkFits(t, h, s, width, height, "side by side "+c.keys)
		})
	}
}

// lineWith returns the first line of v that contains s.
func lineWith(v, s string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
