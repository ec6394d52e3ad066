package tui

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// A viewer's follow-up is refused by the store: at 80×24 the form says
// the whole of why, down to the role it needs, not a line cut at the
// screen's edge ("… tidak boleh mengubah data (perl").
func TestRefusedFollowUpSaysTheWholeReason(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PriorityTinggi, date(2027, 1, 1))
	h := newHarness(t, db.As(store.RoleViewer), 80, 24)
	h.keys("r")
	h.mustSee("r1 · ")
	h.keys("tRapat tim sudah digelar.")
	h.keys("[ctrl+s]")
	h.mustSee("Tidak tersimpan", "Rapat tim sudah digelar.", "(perlu peran evaluator)")
}

// The note editor does not open for someone whose every save of it would
// be refused — not their turn, or a viewer — so nobody types a note only
// to lose it: n says why at once, as a save would.
func TestNoteEditorSaysAtOnceWhenItWouldBeRefused(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-giliran", "KUA Kecamatan Giliran", 80, 24)
	tm, _ := model.ParseTeam("budi (anggota), sari (ketua)")
	if _, err := db.SetTeam(ev.ID, tm, "admin"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	h.keys("n")
	if w.focus != focusQuestion {
		t.Fatalf("the note editor opened for someone not on the team:\n%s", h.view())
	}
	h.mustSee("ubah catatan ditolak", "penguji bukan anggota tim")

	// A viewer, on an evaluation without a team.
	other := seedEvaluation(t, db, "kua-lihat", "KUA Kecamatan Lihat", model.StagePMPZI)
	h2, w2 := openWalk(t, db.As(store.RoleViewer), other.ID, 80, 24)
	h2.keys("n")
	if w2.focus != focusQuestion {
		t.Fatalf("the note editor opened for a viewer:\n%s", h2.view())
	}
	h2.mustSee("ubah catatan ditolak", "peran viewer")
}

// So does the evidence form: the pane opens, to read; a opens no form.
func TestEvidenceFormSaysAtOnceWhenItWouldBeRefused(t *testing.T) {
	db, _, _, _, _ := seededWalk(t, "kua-lihat", "KUA Kecamatan Lihat", 80, 24)
	ev := seedEvaluation(t, db, "kua-eviden", "KUA Kecamatan Eviden", model.StagePMPZI)
	h, w := openWalk(t, db.As(store.RoleViewer), ev.ID, 80, 24)
	h.keys("v")
	h.keys("a")
	if w.focus != focusEvidence {
		t.Fatalf("the evidence form opened for a viewer:\n%s", h.view())
	}
	h.mustSee("ubah eviden ditolak", "peran viewer")
}
