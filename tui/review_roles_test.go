package tui

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// A follow-up the store refuses (another session closed the
// recommendation meanwhile): at 80×24 the form says the whole of why,
// not a line cut at the screen's edge.
func TestRefusedFollowUpSaysTheWholeReason(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	rk := addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PriorityTinggi, date(2027, 1, 1))
	h := newHarness(t, db, 80, 24)
	h.keys("r")
	h.mustSee("r1 · ")
	h.keys("tRapat tim sudah digelar.")
	if _, err := db.SetRekStatus(rk.ID, model.RekDitolak, "Ditangani Kanwil", "kus"); err != nil {
		t.Fatal(err)
	}
	h.keys("[ctrl+s]")
	h.mustSee("Tidak tersimpan", "Rapat tim sudah digelar.", "bisa diubah lagi (tidak sah)")
}

// A viewer is told at once that recommendations are not hers to change:
// no status prompt, no form to type into only to be refused.
func TestViewerIsToldAtOnceOnRecommendations(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PriorityTinggi, date(2027, 1, 1))
	h := newHarness(t, db.As(store.RoleViewer), 80, 24)
	h.keys("r")
	h.mustSee("r1 · ")
	r := h.app.top().(*reviewScreen)
	for _, k := range []string{"s", "t", "e"} {
		h.keys(k)
		if r.prompt != nil || r.followUp != nil || r.editor != nil {
			t.Fatalf("%s opened a prompt or a form for a viewer:\n%s", k, h.view())
		}
		h.mustSee("Peran viewer hanya boleh melihat")
	}
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
	h.mustSee("Catatan tidak bisa ditulis: penguji bukan anggota tim")

	// A viewer, on an evaluation without a team.
	other := seedEvaluation(t, db, "kua-lihat", "KUA Kecamatan Lihat", model.StagePMPZI)
	h2, w2 := openWalk(t, db.As(store.RoleViewer), other.ID, 80, 24)
	h2.keys("n")
	if w2.focus != focusQuestion {
		t.Fatalf("the note editor opened for a viewer:\n%s", h2.view())
	}
	h2.mustSee("Catatan tidak bisa ditulis: peran viewer")
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
	h.mustSee("Eviden tidak bisa diubah: peran viewer")
}

// A reason typed for changing the anggota's answer is not lost when the
// store refuses the change (another session passed the evaluation on
// meanwhile): the refusal quotes it, as a refused note's does.
func TestRefusedReasonIsQuoted(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-alasan", "KUA Kecamatan Alasan", 100, 30)
	tm, _ := model.ParseTeam("budi (anggota), penguji (ketua), rahmat (pengendali)")
	if _, err := db.SetTeam(ev.ID, tm, "admin"); err != nil {
		t.Fatal(err)
	}
	q := w.question()
	if _, err := db.SetAnswer(ev.ID, q.ID, model.Letter("Y"), "budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "budi"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	h.keys("t")
	h.mustSee("Alasan ketua mengubah jawaban anggota Y → T")
	h.keys("SK tim belum ditandatangani")
	if _, err := db.Act(ev.ID, model.ActApprove, "", "penguji"); err != nil { // the ketua's other session
		t.Fatal(err)
	}
	h.keys("[esc]")
	h.mustSee("Tidak tersimpan", "Alasan yang ditolak: SK tim belum ditandatangani")
	h.send(Changed{}) // the reload that finds the new status keeps it too
	h.mustSee("Alasan yang ditolak: SK tim belum ditandatangani")
}
