package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

var timeNow = time.Now

// fixedNow pins the new-evaluation form's default year.
func fixedNow(year int) func() time.Time {
	return func() time.Time { return time.Date(year, time.March, 1, 9, 0, 0, 0, time.UTC) }
}

func TestChooserGoldens(t *testing.T) {
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, _ := testDB(t)
		seedFew(t, db)
		h := newHarness(t, db, size.w, size.h)
		h.keys("[enter]") // Kantor Kemenag Kab. Magelang, the first row
		h.mustSee("Satker › Kantor Kemenag Kab. Magelang", "› 2026  PMPZI", "2025  TPI")
		golden(t, "chooser_"+sizeName(size.w, size.h), h.view())
		h.keys("n")
		h.mustSee("Evaluasi baru", "Isi awal", "2025 TPI")
		golden(t, "chooser_form_"+sizeName(size.w, size.h), h.view())
	}
}

func TestChooserEmptyAndYearRefused(t *testing.T) {
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	db, _ := testDB(t)
	addSatker(t, db, mertoyudan)
	h := newHarness(t, db, 80, 24)
	h.keys("[enter]")
	h.mustSee("Belum ada evaluasi untuk satker ini. Tekan n untuk memulai evaluasi baru.")
	h.keys("n")
	c := h.app.top().(*chooserScreen)
	if st := model.Stages[c.form.stage]; st != model.StagePMPZI {
		t.Fatalf("default stage %s; with nothing this year the satker's own round comes first", st)
	}
	for range 4 {
		h.send(keyBack)
	}
	h.keys("1999")
	h.mustSee("✗ tahun antara 2000 dan 2100")
	h.send(keyCtrlS)
	if evals, _ := db.Evaluations(mertoyudan.ID); len(evals) != 0 {
		t.Fatalf("a refused year reached the store: %v", evals)
	}
	for range 4 {
		h.send(keyBack)
	}
	h.keys("20x")
	h.mustSee("✗ tahun ditulis dengan angka, mis. 2026")
	h.send(keyBack)
	h.keys("27[tab]")
	h.mustSee("‹ PMPZI ›")
	if len(c.sources()) > 0 {
		t.Fatal("a PMPZI cannot be pre-filled from itself")
	}
	h.send(keyCtrlS)
	if _, ok := h.app.top().(*walkScreen); !ok {
		t.Fatalf("the walk did not open on the new PMPZI: %T\n%s", h.app.top(), h.view())
	}
	if _, err := db.Evaluation(model.EvaluationID(mertoyudan.ID, 2027, model.StagePMPZI)); err != nil {
		t.Fatal(err)
	}
}

// The form names the team, and the new round starts from the last one's
// answers, carried until confirmed.
func TestChooserTeamAndRound(t *testing.T) {
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 100, 30)
	h.keys("[enter]")
	h.keys("n")
	c := h.app.top().(*chooserScreen)
	for c.form.focus != efTeam {
		h.keys("[tab]")
	}
	h.keys("ani, kus (kepala)")
	h.mustSee("✗ tingkat \"kepala\": pilih anggota, ketua atau pengendali")
	for range 7 {
		h.send(keyBack)
	}
	h.keys("ketua)[tab]")
	h.mustSee("‹ 2025 TPI ›")
	h.send(keyCtrlS)
	w, ok := h.app.top().(*walkScreen)
	if !ok {
		t.Fatalf("the walk did not open: %T\n%s", h.app.top(), h.view())
	}
	if got := w.eval.Team.String(); got != "ani (anggota), kus (ketua)" || w.eval.From != "kankemenag-magelang/2025/TPI" {
		t.Fatalf("team %q, from %q", got, w.eval.From)
	}
}

// t on an evaluation changes its team in place; a bad name is refused
// in place and nothing is saved.
func TestChooserChangesTeam(t *testing.T) {
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 80, 24)
	h.keys("[enter]") // Magelang: 2026 PMPZI selected
	h.keys("t")
	h.mustSee("Tim evaluasi 2026/PMPZI", "Tim: ")
	if foot := h.view(); strings.Contains(foot, "kolom berikut") {
		t.Fatalf("the team field's help offers the form's next field:\n%s", foot)
	}
	h.keys("ani (anggota), sari (kepala)[enter]")
	h.mustSee(`tingkat "kepala": pilih anggota, ketua atau pengendali`)
	for range 7 {
		h.send(keyBack)
	}
	h.keys("ketua)[enter]")
	h.mustSee("✓ Tim disimpan: kankemenag-magelang/2026/PMPZI")
	e, err := db.Evaluation("kankemenag-magelang/2026/PMPZI")
	if err != nil || e.Team.String() != "ani (anggota), sari (ketua)" {
		t.Fatalf("team %q, %v", e.Team, err)
	}
}

// The new-evaluation form's Tim placeholder, cut at the right edge of a
// narrow window, ends in "…" as everything cut does; where it fits it is
// whole.
func TestEvalFormTeamPlaceholderIsCutWithEllipsis(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-sempit", "KUA Kecamatan Sempit", model.StagePMPZI)
	h := newHarness(t, db, 100, 30)
	h.keys("[enter]")
	topOf[*chooserScreen](t, h, "the chooser")
	h.keys("n")
	const whole = "nama (anggota), nama (ketua), nama (pengendali)"
	teamLine := func() string {
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.Contains(l, "Tim ") && strings.Contains(l, "nama (") {
				return strings.TrimRight(l, " ")
			}
		}
		t.Fatalf("no Tim line:\n%s", h.view())
		return ""
	}
	if l := teamLine(); !strings.Contains(l, whole) {
		t.Errorf("100 columns: %q lacks the whole placeholder", l)
	}
	for _, width := range []int{60, 66, 72, 80} {
		h.send(tea.WindowSizeMsg{Width: width, Height: 24})
		l := teamLine()
		if !strings.Contains(l, whole) && !strings.HasSuffix(l, "…") {
			t.Errorf("%d columns: the Tim line %q is cut without …", width, l)
		}
	}
	// Opened at 60 columns, as well as narrowed to them.
	h.keys("[esc]")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	h.keys("n")
	if l := teamLine(); !strings.HasSuffix(l, "…") {
		t.Errorf("opened at 60 columns: the Tim line %q is cut without …", l)
	}
}

// An evaluation's status is a word of the review chain; the chooser shows
// it whole from the smallest window up, never "direv…" or "diaju…".
func TestChooserStatusIsWhole(t *testing.T) {
	db, _ := testDB(t)
	addSatker(t, db, magelang)
	in := testInstrument(t)
	createRound(t, db, in, magelang.ID, 2026, model.StageTPI, model.Submitted)
	createRound(t, db, in, magelang.ID, 2025, model.StageTPI, model.Reviewed)
	for _, size := range []struct{ w, h int }{{60, 15}, {80, 24}, {200, 60}} {
		h := newHarness(t, db, size.w, size.h)
		h.keys("[enter]")
		topOf[*chooserScreen](t, h, "the chooser")
		h.mustSee(" diajukan ", " direviu ")
	}
}

// The new-evaluation form says what starting from an earlier round does
// in full at 80 and at 60 columns: its answers are carried and marked
// until someone confirms them. The round is named beside it already.
func TestEvalFormPrefillHintFits(t *testing.T) {
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	for _, width := range []int{80, 60} {
		db, _ := testDB(t)
		seedFew(t, db)
		h := newHarness(t, db, width, 24)
		h.keys("[enter]")
		h.keys("n")
		h.mustSee("Isi awal", "2025 TPI", "ditandai sampai dikonfirmasi")
	}
}
