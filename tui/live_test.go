package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// On a server, a teammate's save reaches a walk whose person is typing a
// note: the walk waits until the note is closed, then shows the save — it
// does not drop it and stay stale until the next commit.
func TestWalkShowsWhatChangedWhileANoteWasTyped(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kk-a", "Kantor Kemenag A", 100, 30)
	q2 := w.inst.Questions()[1]
	h.keys("n")
	if !w.Capturing() {
		t.Fatalf("n did not open the note:\n%s", h.view())
	}
	h.keys("catatan")
	if _, err := db.SetAnswer(ev.ID, q2.ID, q2.Best(), "budi"); err != nil {
		t.Fatal(err)
	}
	h.send(Changed{}) // the server's signal, while the note has focus
	if got := w.answers[q2.ID].Value; !got.IsZero() {
		t.Fatalf("the walk reloaded under the note being typed: %v", got)
	}
	h.keys("[esc]")
	if got := w.answers[q2.ID].Value; got != q2.Best() {
		t.Errorf("after the note was closed, budi's answer of %s shows as %v, want %v", q2.ID, got, q2.Best())
	}
	h.mustSee("1/")
	if n, _ := db.Answers(ev.ID); n[w.inst.Questions()[0].ID].Note != "catatan" {
		t.Errorf("the note typed meanwhile: %+v", n)
	}
}

// The notice a step leaves ("Status sekarang diajukan. Giliran Ketua
// Tim.") does not outlive the status it describes: when a live reload
// shows that others moved the evaluation on, the notice says the status
// now, as the header does.
func TestWalkStatusNoticeFollowsTheStatus(t *testing.T) {
	db, _, ev, h, _ := seededWalk(t, "kua-basi", "KUA Kecamatan Basi", 100, 30)
	h.keys("p")
	h.mustSee("1 ajukan ke ketua tim")
	h.keys("1")
	h.mustSee("Status sekarang diajukan. Giliran Ketua Tim.")
	// Others approve it twice, from another session: it is final.
	for range 2 {
		if _, err := db.Act(ev.ID, model.ActApprove, "", "kus"); err != nil {
			t.Fatal(err)
		}
	}
	h.send(Changed{}) // the live reload
	h.mustSee("final · terkunci", "Status sekarang final.")
	if v := h.view(); strings.Contains(v, "Status sekarang diajukan") || strings.Contains(v, "Giliran Ketua Tim") {
		t.Fatalf("the notice of the old status stayed:\n%s", v)
	}
	// A load that finds the status as shown leaves the notice alone.
	h.send(refreshMsg{})
	h.mustSee("Status sekarang final.")
}

// A note the store refuses — a teammate submitted the evaluation while it
// was being typed — is not lost: the editor stays open with the text and
// says why, naming the note, so the person can copy it or leave with esc.
func TestRefusedNoteKeepsItsText(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-catatan", "KUA Kecamatan Catatan", 100, 30)
	team := model.Team{{Name: "penguji", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	qid := w.question().ID
	h.keys("n")
	h.keys("SK tim belum ditandatangani")
	// The anggota's other session submits meanwhile.
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "penguji"); err != nil {
		t.Fatal(err)
	}
	h.keys("[esc]")
	if w.focus != focusNote || w.question().ID != qid {
		t.Fatalf("the refused note's editor closed (focus %v, question %s):\n%s", w.focus, w.question().ID, h.view())
	}
	if got := w.note.Value(); got != "SK tim belum ditandatangani" {
		t.Fatalf("the editor holds %q after the refusal", got)
	}
	h.mustSee("ubah catatan ditolak", "SK tim belum ditandatangani", "esc: tutup tanpa menyimpan")
	t.Log(h.view())
	if strings.Contains(h.view(), "ubah jawaban ditolak") {
		t.Errorf("the refusal of a note speaks of the answer:\n%s", h.view())
	}
	if a, _ := db.Answers(ev.ID); a[qid].Note != "" {
		t.Fatalf("the store took the note: %+v", a[qid])
	}
	// esc again is a deliberate leave: the editor closes.
	h.keys("[esc]")
	if w.focus != focusQuestion || w.pending != 0 {
		t.Fatalf("esc after the refusal: focus %v, %d pending:\n%s", w.focus, w.pending, h.view())
	}
}

// A refusal ("… ditolak: penguji adalah anggota; pada status diajukan
// giliran ketua") does not outlive the status it was refused under: when
// the ketua returns the evaluation from another session, the anggota's
// walk says it is her turn again instead of still saying it is not.
func TestWalkRefusalFollowsTheStatus(t *testing.T) {
	db, _, ev, h, _ := seededWalk(t, "kua-tolak", "KUA Kecamatan Tolak", 100, 30)
	team := model.Team{{Name: "penguji", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	h.keys("p")
	h.keys("1")
	h.mustSee("Status sekarang diajukan.")
	h.keys("y")
	h.mustSee("Tidak tersimpan", "giliran ketua")
	// The ketua returns it, from another session.
	if _, err := db.Act(ev.ID, model.ActReturn, "Lengkapi dulu", "kus"); err != nil {
		t.Fatal(err)
	}
	h.send(Changed{})
	h.mustSee("draft · Anda: anggota", "Status sekarang draft. Giliran Anggota Tim.")
	if v := h.view(); strings.Contains(v, "Tidak tersimpan") {
		t.Fatalf("the refusal under the old status stayed:\n%s", v)
	}
	// The same refusal, with the status unchanged by the reload, stays.
	h.keys("p")
	h.keys("1")
	h.keys("y")
	h.mustSee("Tidak tersimpan", "giliran ketua")
	h.send(refreshMsg{})
	h.mustSee("Tidak tersimpan", "giliran ketua")
}

// On an 80×24 screen, the note editor a refusal keeps open leaves room
// for why it was refused: the reason ("… giliran ketua") stays on the
// screen, whatever of the question above it must give way.
func TestRefusalReasonShowsAboveTheKeptNote(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-sempit", "KUA Kecamatan Sempit", 80, 24)
	team := model.Team{{Name: "penguji", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	goTo(t, h, w, "mp.pemenuhan.11") // three long criteria
	h.keys("n")
	h.keys("Notulen rapat belum ada")
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "penguji"); err != nil {
		t.Fatal(err)
	}
	h.keys("[esc]")
	h.mustSee("Notulen rapat belum ada", "ubah catatan ditolak", "giliran ketua")
}

// The ketua's reason for returning the evaluation is what the anggota
// must read: at 80 columns it wraps under the ↩ line (to three lines)
// instead of stopping after a few words.
func TestReturnReasonIsReadInFull(t *testing.T) {
	db, _, ev, h, _ := seededWalk(t, "kua-kembali", "KUA Kecamatan Kembali", 80, 24)
	team := model.Team{{Name: "penguji", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "penguji"); err != nil {
		t.Fatal(err)
	}
	reason := "Baru 12 dari 113 dijawab; lengkapi area Manajemen Perubahan dulu, lalu unggah SK tim."
	if _, err := db.Act(ev.ID, model.ActReturn, reason, "kus"); err != nil {
		t.Fatal(err)
	}
	h.send(Changed{})
	h.mustSee("↩ dikembalikan oleh kus", "lalu unggah SK tim.”")
}

// A final evaluation offers "p: buka kembali" to whom it may: its
// pengendali, not its anggota, whom p would only tell that she may not.
func TestFinalOffersReopenOnlyToWhomItMay(t *testing.T) {
	db, path, ev, _, _ := seededWalk(t, "kua-final", "KUA Kecamatan Final", 100, 30)
	team := model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}, {Name: "pri", Level: model.Pengendali}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		act model.Action
		by  string
	}{{model.ActSubmit, "ani"}, {model.ActApprove, "kus"}, {model.ActApprove, "pri"}} {
		if _, err := db.Act(ev.ID, step.act, "", step.by); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	h, _, done := session(t, path, "ani", ev.ID)
	h.mustSee("final · terkunci")
	if strings.Contains(h.view(), "buka kembali") {
		t.Errorf("the anggota is offered to reopen:\n%s", h.view())
	}
	done()
	h, _, done = session(t, path, "pri", ev.ID)
	h.mustSee("final · terkunci (p: buka kembali)")
	done()
}

// A workbench ended while a note is being typed (the server stopped, the
// SSH connection closed, a signal) keeps the note, as esc would have: the
// note editor has no other way out than saving.
func TestNoteBeingTypedIsSavedWhenTheWorkbenchEnds(t *testing.T) {
	db, path, ev, h, w := seededWalk(t, "kua-akhir", "KUA Kecamatan Akhir", 80, 24)
	qid := w.question().ID
	h.keys("n")
	h.keys("Notulen rapat belum ada")
	h.app.Close()
	db = reopen(t, h, path)
	if a, _ := db.Answers(ev.ID); a[qid].Note != "Notulen rapat belum ada" {
		t.Fatalf("the note typed when the workbench ended: %+v", a[qid])
	}
}

// So do "no step for you" and a note refused before it is typed: they
// describe the status they were said under.
func TestWalkNoStepNoticeFollowsTheStatus(t *testing.T) {
	db, _, ev, h, _ := seededWalk(t, "kua-langkah", "KUA Kecamatan Langkah", 100, 30)
	team := model.Team{{Name: "penguji", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "penguji"); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"p", "n"} {
		h.send(refreshMsg{})
		h.mustSee("diajukan · giliran ketua")
		h.keys(k)
		h.mustSee("giliran")
		if _, err := db.Act(ev.ID, model.ActReturn, "Lengkapi dulu", "kus"); err != nil {
			t.Fatal(err)
		}
		h.send(Changed{})
		h.mustSee("draft · Anda: anggota", "Status sekarang draft. Giliran Anggota Tim.")
		if v := h.view(); strings.Contains(v, "Tidak ada langkah") || strings.Contains(v, "tidak bisa ditulis") {
			t.Fatalf("after %s, the notice under the old status stayed:\n%s", k, v)
		}
		if _, err := db.Act(ev.ID, model.ActSubmit, "", "penguji"); err != nil {
			t.Fatal(err)
		}
	}
}
