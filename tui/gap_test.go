package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// openGap pushes the gap screen the way the dashboard will, and waits for
// it to load.
func openGap(t testing.TB, db *store.DB, satkerID string, year, width, height int) (*harness, *gapScreen) {
	t.Helper()
	h := newHarness(t, db, width, height)
	g := newGap(h.app.env, satkerID, year)
	h.send(pushMsg{s: g})
	if !g.loaded {
		t.Fatalf("gap screen did not load:\n%s", h.view())
	}
	return h, g
}

// seedGap gives Kankemenag Magelang a PMPZI and a TPI of 2026 that
// disagree: the satker gave itself full marks, the evaluators failed
// Penguatan Pengawasan, marked the IPAK and one criterion down, and rated
// one SOP question higher than the satker did. Both sides wrote notes on
// the gratification question.
func seedGap(t testing.TB, db *store.DB) (self, eval model.Evaluation) {
	t.Helper()
	self = seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StagePMPZI)
	eval = seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	answerAllBut(t, db, self.ID, "none")
	answerAllBut(t, db, eval.ID, "pw")
	set := func(evalID, qid string, v model.Value) {
		if _, err := db.SetAnswer(evalID, qid, v, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	note := func(evalID, qid, text string) {
		if _, err := db.SetNote(evalID, qid, text, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	set(self.ID, "tl.pemenuhan.1", model.Letter("D"))
	set(eval.ID, "mp.pemenuhan.2", model.Letter("B"))
	set(eval.ID, "hasil.ipak", model.Num(3.2))
	note(self.ID, "pw.pemenuhan.1", "UPG sudah dibentuk, SK menyusul.")
	note(eval.ID, "pw.pemenuhan.1", "SK UPG belum ada; tidak ada laporan gratifikasi tahun ini.")
	note(eval.ID, "mp.pemenuhan.2", "Anggota tim ditunjuk tanpa seleksi untuk dua seksi.")
	return self, eval
}

func TestGapGoldens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, _ := clockDB(t)
		seedGap(t, db)
		h, g := openGap(t, db, "kankemenag-magelang", 0, size.w, size.h)
		golden(t, "gap_"+sizeName(size.w, size.h), h.view())
		h.keys("a2g")
		for i := 0; i < 120 && g.selectedID() != "pw.pemenuhan.1"; i++ {
			h.keys("j")
		}
		golden(t, "gap_all_"+sizeName(size.w, size.h), h.view())
	}
}

// TestGapScriptedSession goes through the conversation by keys: the
// largest gap first, the next one, every question in the instrument's
// order, into the walk at the question and back.
func TestGapScriptedSession(t *testing.T) {
	db, _ := testDB(t)
	_, eval := seedGap(t, db)
	h, g := openGap(t, db, "kankemenag-magelang", 2026, 80, 24)
	h.mustSee("Satker › PMPZI vs TPI", "PMPZI 99,67 · TPI 81,38 · selisih +18,29 · Kankemenag Kab. Magelang 2026",
		"Selisih per area:", "PW +15,00", "TL −", "pertanyaan berbeda dari 113 yang dijawab · urut: selisih terbesar")
	if got := g.selectedID(); got != "hasil.ipak" {
		t.Fatalf("first question: %s, want the largest gap hasil.ipak", got)
	}
	h.mustSee("◇ PMPZI  4 · 17,50 poin", "● TPI    3,2 · 14,00 poin", "Selisih +3,50 poin — PMPZI lebih tinggi")

	// The gratification question: both notes side by side.
	for i := 0; i < 30 && g.selectedID() != "pw.pemenuhan.1"; i++ {
		h.keys("j")
	}
	h.mustSee("pw.pemenuhan.1", "Catatan PMPZI: UPG sudah dibentuk, SK menyusul.", "Catatan TPI: SK UPG belum ada")

	// Gaps either way sort by size: the SOP question the evaluators rated
	// higher sits among the others.
	for i := 0; i < 30 && g.selectedID() != "tl.pemenuhan.1"; i++ {
		h.keys("j")
	}
	h.mustSee("tl.pemenuhan.1", "−0,33", "Selisih −0,33 poin — TPI lebih tinggi")

	// Every answered question, in the instrument's order; the selection stays.
	h.keys("a")
	h.mustSee("Semua 113 pertanyaan yang dijawab", "a hanya yang berbeda")
	h.keys("2")
	h.mustSee("urut: instrumen", "tl.pemenuhan.1")
	h.keys("g")
	if got := g.selectedID(); got != "mp.pemenuhan.1" {
		t.Fatalf("first in instrument order: %s", got)
	}
	h.mustSee("Jawaban sama")
	h.keys("j")
	h.mustSee("mp.pemenuhan.2", "Catatan TPI: Anggota tim ditunjuk tanpa seleksi")

	// Into the TPI's walk at that question, and back where we were.
	h.keys("[enter]")
	h.mustSee("2026 TPI", "mp.pemenuhan.2 · A/B/C")
	if top, ok := h.app.top().(*walkScreen); !ok || top.evalID != eval.ID {
		t.Fatalf("enter opened %T, want the walk of %s", h.app.top(), eval.ID)
	}
	h.keys("a") // the evaluators change their mind on site
	h.keys("[esc]")
	h.mustSee("PMPZI vs TPI", "urut: instrumen")
	if got := g.selectedID(); got != "mp.pemenuhan.2" {
		t.Fatalf("selection after the walk: %s", got)
	}
	h.mustSee("● TPI    A · ", "Jawaban sama")
	h.keys("a1")
	h.mustSee("urut: selisih terbesar")
	if strings.Contains(h.view(), "mp.pemenuhan.2") {
		t.Fatalf("a question answered alike is listed among the differing ones:\n%s", h.view())
	}
	h.keys("[esc]")
	h.mustSee("satker · urut")
}

// A satker without both rounds gets a message in place that names what it
// has, and esc goes back.
func TestGapNoRounds(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StagePMPZI)
	h, g := openGap(t, db, "kua-borobudur", 0, 80, 24)
	h.mustSee("✗ Belum ada yang bisa dibandingkan", "tidak ditemukan", "(yang ada:", "PMPZI 2026)", "Tekan esc untuk kembali")
	golden(t, "gap_norounds_80x24", h.view())
	v := h.view()
	h.keys("ja2[enter]")
	if h.view() != v {
		t.Fatalf("keys changed the message screen:\n%s", h.view())
	}
	if h.app.top() != screen(g) {
		t.Fatalf("a key left the message screen for %T", h.app.top())
	}
	h.keys("[esc]")
	h.mustSee("1 satker")

	// A year without the pair names the year.
	h2, _ := openGap(t, db, "kua-borobudur", 2025, 80, 24)
	h2.mustSee("pada tahun 2025")
}

// Both sides answered nothing differently: the list says so.
func TestGapNoDifference(t *testing.T) {
	db, _ := testDB(t)
	self := seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StagePMPZI)
	eval := seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StageTPI)
	answerAllBut(t, db, self.ID, "pw")
	answerAllBut(t, db, eval.ID, "pw")
	h, _ := openGap(t, db, "kua-borobudur", 0, 80, 24)
	h.mustSee("0 pertanyaan berbeda dari 113", "menjawab sama di semua pertanyaan", "selisih 0,00 (sama)")
	h.keys("[enter]") // nothing selected: stays
	h.mustSee("menjawab sama")
	h.keys("a")
	h.mustSee("Semua 113 pertanyaan", "Jawaban sama")
}

// TestGapSizeSweep: sizes from tiny to huge lay out without a panic and
// never draw more lines than the terminal has, nor lines wider than it.
func TestGapSizeSweep(t *testing.T) {
	db, _ := testDB(t)
	seedGap(t, db)
	seedEvaluation(t, db, "kua-sweep", "KUA Kecamatan Sapuan Panjang Sekali Namanya", model.StagePMPZI)
	for _, c := range []struct {
		satker string
		keys   string
	}{{"kankemenag-magelang", ""}, {"kankemenag-magelang", "a2G"}, {"kua-sweep", ""}} {
		h, g := openGap(t, db, c.satker, 0, 80, 24)
		h.keys(c.keys)
		sweepSizes(func(width, height int) {
			checkFits(t, h, g, width, height, c.satker+" "+c.keys)
		})
	}
}

// sweepSizes calls check on a grid of sizes from 1×1 to 200×60: every
// width at the heights that matter, every height at the widths that
// matter, and a coarse grid between.
func sweepSizes(check func(width, height int)) {
	for width := 1; width <= 200; width++ {
		for _, height := range []int{1, 13, 22, 38} {
			check(width, height)
		}
	}
	for height := 1; height <= 60; height++ {
		for _, width := range []int{1, 60, 80, 120} {
			check(width, height)
		}
	}
	for width := 1; width <= 200; width += 7 {
		for height := 1; height <= 60; height += 3 {
			check(width, height)
		}
	}
}

// checkFits sizes the app and checks the frame fits; below the app's
// minimum, where the app draws its own message, it sizes the screen alone
// and checks its view too.
func checkFits(t *testing.T, h *harness, s screen, width, height int, what string) {
	t.Helper()
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	v := h.view()
	if width < minWidth || height < minHeight {
		s.SetSize(width, height)
		v = s.View()
	}
	if n := strings.Count(v, "\n") + 1; v != "" && n > height {
		t.Fatalf("%s at %dx%d: %d lines:\n%s", what, width, height, n, v)
	}
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) > width {
			t.Fatalf("%s at %dx%d: a line of %d cells: %q", what, width, height, lipgloss.Width(l), l)
		}
	}
}

// With a field round, the gap is held against it and says so.
func TestGapFieldRound(t *testing.T) {
	db, _ := testDB(t)
	seedGap(t, db)
	field := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPILapangan)
	answerAllBut(t, db, field.ID, "tl")
	h, _ := openGap(t, db, "kankemenag-magelang", 0, 80, 24)
	h.mustSee("PMPZI vs TPI-lapangan", "TPI-lapangan", "TPI-lap ", "TL +")
	h.keys("[enter]")
	if top, ok := h.app.top().(*walkScreen); !ok || top.evalID != field.ID {
		t.Fatalf("enter opened %T, want the walk of %s", h.app.top(), field.ID)
	}
}
