package tui

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestNewUserJourney goes the way a new evaluator does, by keys only: an
// empty database, a new satker, a new evaluation, answers of several
// kinds, a note and evidence, the scorecard, quit — and everything is
// there when ziwb opens the file again.
func TestNewUserJourney(t *testing.T) {
	db, path := testDB(t)
	h := newHarness(t, db, 80, 24)
	h.mustSee("Belum ada satker")

	h.keys("nKUA Kecamatan Borobudur[tab]")
	h.keys("[tab]Jawa Tengah[tab]Kabupaten Magelang[tab]H. Salim[tab][enter]")
	h.mustSee("✓ Satker baru disimpan: KUA Kecamatan Borobudur")

	h.keys("[enter]") // the satker's evaluations
	h.mustSee("Belum ada evaluasi")
	h.keys("n")
	h.mustSee("Evaluasi baru", "lke-zi-2021")
	h.keys("[enter][enter][enter][enter]") // year, stage, instrument, team: the defaults
	h.mustSee("Pertanyaan 1 dari 113", "mp.pemenuhan.1")

	h.keys("a") // rejected: a Ya/Tidak question
	h.mustSee(`"A" bukan jawaban pertanyaan ini — pilih Y, T.`)
	h.keys("y")  // answered; the cursor stays for review
	h.keys("jc") // next question, answered C
	h.keys("nRapat pemilihan tanpa notulen[esc]")
	h.keys("vaUndangan rapat[tab]arsip/2026/07[enter][space][esc]")
	h.keys("s")
	h.mustSee("Kartu nilai", "Manajemen Perubahan", "TIDAK LULUS")
	h.keys("[esc]")
	h.mustSee("✓ tersimpan")
	h.keys("[ctrl+c]")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}

	db = reopen(t, h, path)
	evs, err := db.Evaluations("kua-kecamatan-borobudur")
	if err != nil || len(evs) != 1 || evs[0].Stage != model.StagePMPZI {
		t.Fatalf("evaluations after reopening: %v, %v", evs, err)
	}
	answers, _ := db.Answers(evs[0].ID)
	if answers["mp.pemenuhan.1"].Value != model.Letter("Y") || answers["mp.pemenuhan.2"].Value != model.Letter("C") {
		t.Errorf("answers after reopening: %v / %v", answers["mp.pemenuhan.1"].Value, answers["mp.pemenuhan.2"].Value)
	}
	got := answers["mp.pemenuhan.2"]
	if got.Note != "Rapat pemilihan tanpa notulen" || len(got.Evidence) != 1 || !got.Evidence[0].Checked {
		t.Errorf("note and evidence after reopening: %+v", got)
	}
	s, _ := db.Satker("kua-kecamatan-borobudur")
	if s.Head != "H. Salim" || s.Regency != "Kabupaten Magelang" {
		t.Errorf("satker after reopening: %+v", s)
	}
}
