package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// viewLine is the first line of the view that holds every one of parts.
func viewLine(view string, parts ...string) (string, bool) {
	for _, line := range strings.Split(view, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return line, true
		}
	}
	return "", false
}

// budiThenRahmat is an evaluation where budi answered q and rahmat then
// only wrote a note on the same level's answer.
func budiThenRahmat(t *testing.T, team string) (*store.DB, model.Evaluation, *model.Question) {
	t.Helper()
	db, _ := testDB(t)
	e := seedEvaluation(t, db, "kk-a", "Kantor Kemenag A", model.StagePMPZI)
	if team != "" {
		tm, err := model.ParseTeam(team)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetTeam(e.ID, tm, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := db.Instrument(e.InstrumentHash)
	q := in.Questions()[1] // A/B/C
	if _, err := db.SetAnswer(e.ID, q.ID, model.Letter("B"), "budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetNote(e.ID, q.ID, "Berita acara seleksi belum ada.", "rahmat"); err != nil {
		t.Fatal(err)
	}
	return db, e, q
}

// The review levels name who gave the value, not who last touched the
// answer; the note's heading names who wrote the note.
func TestWalkNamesTheValuesAuthor(t *testing.T) {
	db, e, q := budiThenRahmat(t, "budi (anggota), rahmat (anggota), sari (ketua)")
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		// budi himself: his value is his, the note on it rahmat's.
		h := newHarnessAs(t, db, "budi", size[0], size[1])
		w := newWalk(h.app.env, e.ID).(*walkScreen)
		h.send(pushMsg{s: w})
		goTo(t, h, w, q.ID)
		v := h.view()
		if line, ok := viewLine(v, "anggota    B "); !ok || !strings.Contains(line, "budi") || strings.Contains(line, "rahmat") {
			t.Errorf("%dx%d: the anggota's line should name budi, who gave B:\n%s", size[0], size[1], v)
		}
		if size[1] >= roomyHeight {
			if line, ok := viewLine(v, "Catatan anggota"); !ok || !strings.Contains(line, "diubah rahmat") {
				t.Errorf("%dx%d: the note's heading should name rahmat, who wrote it:\n%s", size[0], size[1], v)
			}
		} else if line, ok := viewLine(v, "Catatan:"); !ok || !strings.Contains(line, "rahmat") || strings.Contains(line, "budi") {
			t.Errorf("%dx%d: the note's summary should name rahmat, who wrote it:\n%s", size[0], size[1], v)
		}

		// The ketua: her own note is empty, so nobody changed it.
		h = newHarnessAs(t, db, "sari", size[0], size[1])
		w = newWalk(h.app.env, e.ID).(*walkScreen)
		h.send(pushMsg{s: w})
		goTo(t, h, w, q.ID)
		v = h.view()
		if line, ok := viewLine(v, "anggota    B "); !ok || !strings.Contains(line, "budi") || strings.Contains(line, "rahmat") {
			t.Errorf("%dx%d as sari: the anggota's line should name budi:\n%s", size[0], size[1], v)
		}
		if strings.Contains(v, "diubah budi") || strings.Contains(v, "diubah rahmat") {
			t.Errorf("%dx%d as sari: her empty note says someone changed it:\n%s", size[0], size[1], v)
		}
	}
}

// Without review levels the walk says who gave the value apart from who
// wrote the note.
func TestWalkNamesTheValuesAuthorWithoutTeam(t *testing.T) {
	db, e, q := budiThenRahmat(t, "")
	h, w := openWalk(t, db, e.ID, 120, 40)
	goTo(t, h, w, q.ID)
	v := h.view()
	if _, ok := viewLine(v, "jawaban diubah budi"); !ok {
		t.Errorf("the value should name budi:\n%s", v)
	}
	if line, ok := viewLine(v, "Catatan"); !ok || !strings.Contains(line, "diubah rahmat") {
		t.Errorf("the note's heading should name rahmat:\n%s", v)
	}

	// The person at the screen answers over budi's: the value is theirs
	// now and says nothing; the note is still rahmat's.
	h.keys("a")
	v = h.view()
	if strings.Contains(v, "diubah budi") {
		t.Errorf("after one's own answer the value still names budi:\n%s", v)
	}
	if line, ok := viewLine(v, "Catatan"); !ok || !strings.Contains(line, "diubah rahmat") {
		t.Errorf("after one's own answer the note's heading should still name rahmat:\n%s", v)
	}

	// Undone, the value is budi's again.
	h.keys("u")
	if _, ok := viewLine(h.view(), "jawaban diubah budi"); !ok {
		t.Errorf("after the undo the value should name budi again:\n%s", h.view())
	}
}

// The anggota's note is what the ketua reviews beside the answer: a
// reviewer reads it under the anggota's line, and so does the anggota
// once the evaluation has moved on from her turn. Where the note is the
// user's own editor's, it is not listed twice.
func TestReviewersReadTheAnggotasNote(t *testing.T) {
	db, e, q := budiThenRahmat(t, "budi (anggota), rahmat (anggota), sari (ketua)")
	if _, err := db.SetNote(e.ID, q.ID, "Seleksi hanya dari dua bidang.", "budi"); err != nil {
		t.Fatal(err)
	}
	look := func(who string) string {
		h := newHarnessAs(t, db, who, 80, 24)
		w := newWalk(h.app.env, e.ID).(*walkScreen)
		h.send(pushMsg{s: w})
		goTo(t, h, w, q.ID)
		return h.view()
	}
	if line, ok := viewLine(look("budi"), "anggota    B "); !ok || strings.Contains(line, "Seleksi") {
		t.Errorf("at her own turn the anggota's note is in her editor, not on her line: %q", line)
	}
	if _, err := db.Act(e.ID, model.ActSubmit, "", "budi"); err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"sari", "budi"} {
		if v := look(who); !strings.Contains(v, "“Seleksi hanya dari dua bidang.”") {
			t.Errorf("%s does not see the anggota's note:\n%s", who, v)
		}
	}
}

// At 60×15 a question with long criteria does not fit: the pane says how
// many lines are left and which key shows them, ctrl+d and ctrl+u scroll
// it to its end and back, and the next question opens at its start.
func TestShortWalkScrollsTheQuestion(t *testing.T) {
	_, _, _, h, w := seededWalk(t, "kua-pendek", "KUA Kecamatan Pendek", 60, 15)
	goTo(t, h, w, "tl.pemenuhan.1") // A/B/C/D, wrapped at 60 columns: C and D do not fit
	// above is the line above the note's summary.
	above := func() string {
		t.Helper()
		lines := strings.Split(h.view(), "\n")
		for i, line := range lines {
			if strings.HasPrefix(line, "Catatan:") {
				return strings.TrimRight(lines[i-1], " ")
			}
		}
		t.Fatalf("no note summary:\n%s", h.view())
		return ""
	}
	if got := above(); !strings.HasPrefix(got, "↓ ") || !strings.Contains(got, "ctrl+d") {
		t.Fatalf("the line above the note's summary, %q, does not say the question goes on and how to see it:\n%s", got, h.view())
	}
	if v := h.view(); strings.Contains(v, "Belum ada SOP unit") {
		t.Fatalf("the last criterion is on screen before scrolling:\n%s", v)
	}
	for range 5 {
		h.keys("[ctrl+d]")
	}
	h.mustSee("D  Belum ada SOP unit", "ctrl+u gulir ke atas") // the end, no further
	h.keys("[ctrl+u][ctrl+u][ctrl+u][ctrl+u][ctrl+u]")
	h.mustSee("Pertanyaan 17 dari 113")
	h.keys("[ctrl+d]j")
	h.mustSee("Pertanyaan 18 dari 113", "2.i.b") // the next question opens at its start
}

// In the evidence pane of a question with none, the hint is the key that
// works there: a adds, v is the key that was just pressed.
func TestEmptyEvidencePaneHintsTheKeyThatWorks(t *testing.T) {
	_, _, _, h, _ := seededWalk(t, "kua-eviden", "KUA Kecamatan Eviden", 80, 24)
	h.keys("v")
	h.mustSee("Eviden (0, 0 diperiksa)", "(belum ada — tekan a untuk menambah)")
}

// A notice followed by blocks that do not fit is whole: no "…" after it,
// as if the notice itself were cut.
func TestShortWalkDoesNotMarkAWholeNotice(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-utuh", "KUA Kecamatan Utuh", 80, 24)
	tm, _ := model.ParseTeam("budi (anggota), sari (ketua), rahmat (pengendali)")
	if _, err := db.SetTeam(ev.ID, tm, "penguji"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetNote(ev.ID, "tl.pemenuhan.1", "SOP belum lengkap.", "budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActReturn, "Lengkapi SOP dan peta proses bisnis sebelum diajukan lagi; unggah juga matriks SOP terhadap proses bisnis dan dokumen inovasinya.", "sari"); err != nil {
		t.Fatal(err)
	}
	h.send(refreshMsg{})
	goTo(t, h, w, "tl.pemenuhan.1") // four criteria, three levels, a return: the data dukung does not fit
	h.keys("p")                     // penguji is not on the team
	v := h.view()
	if line, ok := viewLine(v, "Tidak ada langkah untuk Anda"); !ok || strings.Contains(line, "…") {
		t.Fatalf("the notice %q is marked as cut:\n%s", line, v)
	}
}
