package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// openWalk starts the workbench on one evaluation's walk.
func openWalk(t testing.TB, db *store.DB, evalID string, width, height int) (*harness, *walkScreen) {
	t.Helper()
	h := newHarness(t, db, width, height)
	w := newWalk(h.app.env, evalID).(*walkScreen)
	h.send(pushMsg{s: w})
	if !w.loaded {
		t.Fatalf("walk did not load:\n%s", h.view())
	}
	return h, w
}

// seededWalk is a fresh store with one satker and its empty PMPZI
// evaluation, open in the walk at width×height.
func seededWalk(t testing.TB, id, name string, width, height int) (*store.DB, string, model.Evaluation, *harness, *walkScreen) {
	t.Helper()
	db, path := testDB(t)
	ev := seedEvaluation(t, db, id, name, model.StagePMPZI)
	h, w := openWalk(t, db, ev.ID, width, height)
	return db, path, ev, h, w
}

// goTo moves the cursor to a question with the walk's own keys.
func goTo(t testing.TB, h *harness, w *walkScreen, qid string) {
	t.Helper()
	for i := 0; i < 300 && w.question().ID != qid; i++ {
		target := -1
		for j, q := range w.inst.Questions() {
			if q.ID == qid {
				target = j
			}
		}
		if target < w.cur {
			h.keys("k")
		} else {
			h.keys("j")
		}
	}
	if w.question().ID != qid {
		t.Fatalf("cannot reach %s", qid)
	}
}

// reopen closes the store and opens the file again, so the test reads
// what is on disk, not what a handle remembers; the screens get the new
// handle.
func reopen(t testing.TB, h *harness, path string) *store.DB {
	t.Helper()
	if err := h.app.env.db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h.app.env.db = db
	return db
}

func TestWalkScriptedSession(t *testing.T) {
	db, path, ev, h, w := seededWalk(t, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", 120, 40)
	h.mustSee("Pertanyaan 1 dari 113", "mp.pemenuhan.1", "Ya/Tidak", "Total 0,00/100,00")
	if strings.Contains(h.view(), "tersimpan") { // nothing saved yet: nothing to confirm
		t.Fatalf("the walk says saved before any save:\n%s", h.view())
	}

	// A rejected key says why in place and saves nothing.
	h.keys("c")
	h.mustSee(`"C" bukan jawaban pertanyaan ini — pilih Y, T.`)
	answers, _ := reopen(t, h, path).Answers(ev.ID)
	if len(answers) != 0 {
		t.Fatalf("a rejected key was saved: %v", answers)
	}

	// One key answers, and the screen says saved only after the commit.
	h.keys("y")
	h.mustSee("✓ tersimpan")
	answers, _ = reopen(t, h, path).Answers(ev.ID)
	if got := answers["mp.pemenuhan.1"].Value; got != model.Letter("Y") {
		t.Fatalf("store holds %v for mp.pemenuhan.1; want Y", got)
	}

	// Letter answers are case-insensitive; the cursor stays for review.
	h.keys("jB")
	if w.answers["mp.pemenuhan.2"].Value != model.Letter("B") {
		t.Fatalf("mp.pemenuhan.2 = %v", w.answers["mp.pemenuhan.2"].Value)
	}

	// A percentage typed as two counts, then a rejected one.
	goTo(t, h, w, "mp.reform.1")
	h.keys("8/10[enter]")
	if v := w.answers["mp.reform.1"]; v.Value != model.Num(80) || !strings.Contains(v.Note, "Jumlah: 8/10 = 80%") {
		t.Fatalf("mp.reform.1 = %+v; want 80 with the counts in the note", v)
	}
	h.keys("[enter]120[enter]")
	h.mustSee(`"120" ditolak: di luar rentang 0–100`)
	h.keys("[esc]")
	answers, _ = reopen(t, h, path).Answers(ev.ID)
	if answers["mp.reform.1"].Value != model.Num(80) {
		t.Fatalf("the rejected 120 reached the store: %v", answers["mp.reform.1"].Value)
	}

	// A note and a piece of evidence, marked checked.
	h.keys("nSK tim ditandatangani kepala kantor[esc]")
	h.keys("va")
	h.keys("SK Tim ZI[tab]B-123/Kk.11.08/2026[enter][space][esc]")
	answers, _ = reopen(t, h, path).Answers(ev.ID)
	got := answers["mp.reform.1"]
	if !strings.HasPrefix(got.Note, "Jumlah: 8/10") || !strings.Contains(got.Note, "SK tim ditandatangani") {
		t.Errorf("note = %q", got.Note)
	}
	if len(got.Evidence) != 1 || got.Evidence[0] != (model.Evidence{Title: "SK Tim ZI", Location: "B-123/Kk.11.08/2026", Checked: true}) {
		t.Errorf("evidence = %+v", got.Evidence)
	}

	// Watch Manajemen Perubahan flip from fail to pass as answers come in.
	mp := func() model.Verdict { ns, _ := w.sc.Node("mp"); return ns.Verdict }
	if mp() != model.Fail {
		t.Fatalf("mp starts %q; want fail", mp())
	}
	var flipped string
	for _, q := range w.inst.Questions() {
		if !strings.HasPrefix(q.ID, "mp.") || mp() == model.Pass {
			continue
		}
		goTo(t, h, w, q.ID)
		if q.Type.IsChoice() {
			h.keys(strings.ToLower(q.Best().Choice))
		} else {
			h.keys("100[enter]")
		}
		flipped = q.ID
	}
	if mp() != model.Pass {
		t.Fatalf("mp never passed:\n%s", h.view())
	}

	// Undo takes the last answer back, and the verdict with it.
	h.keys("u")
	if mp() != model.Fail {
		t.Fatalf("after undo mp is %q; want fail again", mp())
	}
	h.mustSee("Diurungkan")
	answers, _ = reopen(t, h, path).Answers(ev.ID)
	if a, ok := answers[flipped]; ok && !a.Value.IsZero() {
		t.Fatalf("undo did not reach the store: %s = %v", flipped, a.Value)
	}

	// Quit, reopen, and find everything there.
	h.keys("[ctrl+c]")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	db = reopen(t, h, path)
	h2, w2 := openWalk(t, db, ev.ID, 120, 40)
	_ = h2
	if w2.answers["mp.pemenuhan.1"].Value != model.Letter("Y") || w2.answers["mp.reform.1"].Value != model.Num(80) ||
		len(w2.answers["mp.reform.1"].Evidence) != 1 {
		t.Fatalf("after reopening: %+v", w2.answers)
	}
	if w2.sc.Total != w.sc.Total {
		t.Errorf("total after reopening %v; before quitting %v", w2.sc.Total, w.sc.Total)
	}
}

func TestWalkShowsSelfAssessmentBesideTPI(t *testing.T) {
	db, _ := testDB(t)
	pmpzi := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StagePMPZI)
	if _, err := db.SetAnswer(pmpzi.ID, "mp.pemenuhan.2", model.Letter("A"), "satker"); err != nil {
		t.Fatal(err)
	}
	tpi := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StageTPI)
	h, w := openWalk(t, db, tpi.ID, 120, 40)
	goTo(t, h, w, "mp.pemenuhan.2")
	h.mustSee("◇ PMPZI satker: A")
	h.keys("c")
	// mp.pemenuhan.i is worth 0,50 over 2 questions: A → C costs 0,25.
	h.mustSee("◇ PMPZI satker: A — berbeda: −0,25 poin")
}

func TestWalkGoldens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, _ := testDB(t)
		ev := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StagePMPZI)
		for qid, v := range map[string]model.Value{"mp.pemenuhan.1": model.Letter("Y"), "mp.pemenuhan.2": model.Letter("B")} {
			if _, err := db.SetAnswer(ev.ID, qid, v, "penguji"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SetNote(ev.ID, "mp.pemenuhan.2", "Sebagian anggota dipilih tanpa kriteria.", "penguji"); err != nil {
			t.Fatal(err)
		}
		h, w := openWalk(t, db, ev.ID, size.w, size.h)
		goTo(t, h, w, "mp.pemenuhan.2")
		name := strings.ReplaceAll(t.Name(), "/", "_")
		golden(t, name+"_walk_"+sizeName(size.w, size.h), h.view())
		h.keys("s")
		golden(t, name+"_scorecard_"+sizeName(size.w, size.h), h.view())
	}
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

// TestWalkSaysWhoElseAnswered: an answer another person saved (on a
// server, a moment ago) says who and when; one's own says nothing.
func TestWalkSaysWhoElseAnswered(t *testing.T) {
	db, _ := testDB(t)
	e := seedEvaluation(t, db, "kk-a", "Kantor Kemenag A", model.StagePMPZI)
	in, _ := db.Instrument(e.InstrumentHash)
	q1, q2 := in.Questions()[0], in.Questions()[1]
	if _, err := db.SetAnswer(e.ID, q1.ID, q1.Best(), "budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetAnswer(e.ID, q2.ID, q2.Best(), "penguji"); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		h, w := openWalk(t, db, e.ID, size[0], size[1])
		goTo(t, h, w, q1.ID)
		h.mustSee("diubah budi")
		goTo(t, h, w, q2.ID)
		if strings.Contains(h.view(), "diubah ") {
			t.Errorf("%dx%d: one's own answer says who changed it", size[0], size[1])
		}
	}
}

// enter in the answer field with nothing typed is not a refused answer
// (`"" bukan jawaban`): the walk says nothing was typed and how to go on,
// the field stays open, and nothing is saved.
func TestWalkEnterOnEmptyAnswerField(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-kosong", "KUA Kecamatan Kosong", 100, 30)
	for _, qid := range []string{"mp.pemenuhan.1", "mp.reform.1"} { // a choice, a percentage
		goTo(t, h, w, qid)
		h.keys("[enter][enter]")
		if strings.Contains(h.view(), `""`) {
			t.Errorf("%s: the walk quotes an empty answer:\n%s", qid, h.view())
		}
		h.mustSee("Belum ada yang diketik", "esc batal", "x menghapus jawaban")
		if qid != "mp.reform.1" {
			h.keys("[esc]")
		}
	}
	if w.focus != focusInput || w.pending != 0 {
		t.Fatalf("after enter on an empty field: focus %v, %d pending", w.focus, w.pending)
	}
	if a, _ := db.Answers(ev.ID); len(a) != 0 {
		t.Fatalf("the store holds %+v", a)
	}
	h.keys("80[enter]")
	if got := w.answers["mp.reform.1"].Value.String(); got != "80" {
		t.Fatalf("80 then enter saved %q", got)
	}
}

// esc keeps the note (the editor and its help line say "simpan", as for
// a reviewer's reason) but drops what was typed into the answer field and
// the evidence form: their help line says "batal" there.
func TestWalkEscSaysWhatItDoes(t *testing.T) {
	_, _, ev, h, w := seededWalk(t, "kua-esc", "KUA Kecamatan Esc", 80, 24)
	foot := func() string { v := h.view(); return v[strings.LastIndex(v, "\n")+1:] }

	h.keys("va")
	h.keys("SK Tim ZI")
	if f := foot(); !strings.Contains(f, "esc batal") {
		t.Errorf("evidence form: help line %q; want esc batal", f)
	}
	h.keys("[esc]")
	if got := w.evidence(); len(got) != 0 {
		t.Fatalf("esc saved the evidence: %+v", got)
	}
	h.keys("[esc]")

	goTo(t, h, w, "mp.reform.1")
	h.keys("[enter]80")
	if f := foot(); !strings.Contains(f, "esc batal") {
		t.Errorf("answer field: help line %q; want esc batal", f)
	}
	h.keys("[esc]")
	if a, ok := w.answers["mp.reform.1"]; ok && !a.Value.IsZero() {
		t.Fatalf("esc saved the answer in %s: %+v", ev.ID, a)
	}

	h.keys("n")
	if f := foot(); !strings.Contains(f, "esc simpan") {
		t.Errorf("note: help line %q; want esc simpan", f)
	}
}

// The line after "u" says what the question holds now, in Indonesian: an
// answer undone on an empty question went back to empty, not to the
// answer just taken back, and an answer given over a carried one went
// back to the carried answer.
func TestUndoSaysWhatCameBack(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-urung", "KUA Kecamatan Urung", 100, 30)
	goTo(t, h, w, "mp.pemenuhan.6")
	h.keys("b")
	h.keys("u")
	h.mustSee("Diurungkan: jawaban mp.pemenuhan.6 kembali ke kosong")

	// A TPI carrying the PMPZI's answers: the answer typed over a carried
	// one goes back to it, still carried.
	h.keys("a")
	tpi := seedEvaluation(t, db, "kua-urung", "KUA Kecamatan Urung", model.StageTPI)
	if _, err := db.CopyAnswers(ev.ID, tpi.ID, "penguji"); err != nil {
		t.Fatal(err)
	}
	h, w = openWalk(t, db, tpi.ID, 100, 30)
	goTo(t, h, w, "mp.pemenuhan.6")
	h.keys("c")
	h.keys("u")
	h.mustSee("Diurungkan: jawaban mp.pemenuhan.6 kembali ke A (dibawa)")
	if v := h.view(); strings.Contains(v, "carried") {
		t.Fatalf("the walk speaks English:\n%s", v)
	}
}

// The walk's tree writes a numeric answer as the walk does: 1/3 is
// 33,3333%, not Go's 33.33333333333333.
func TestWalkTreeWritesAnswersAsTheWalk(t *testing.T) {
	_, _, _, h, w := seededWalk(t, "kk-tree", "Kankemenag Pohon", 140, 40)
	goTo(t, h, w, "mp.reform.1")
	h.keys("1/3[enter]")
	h.mustSee("● 33,3333%")
	if strings.Contains(h.view(), "33.333") {
		t.Errorf("the tree writes Go's number:\n%s", h.view())
	}
}

// The status line may shorten the node's name and drop the other rules'
// count, but what the target misses keeps its whole amount, at every
// width down to the smallest window.
func TestWalkStatusKeepsTheAmount(t *testing.T) {
	amount := regexp.MustCompile(`kurang \d+,\d\d poin`)
	for _, width := range []int{60, 72, 80, 100, 120} {
		_, _, _, h, _ := seededWalk(t, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", width, 24)
		h.keys("y")
		h.mustSee("✓ tersimpan")
		lines := strings.Split(h.view(), "\n")
		if status := lines[len(lines)-2]; !amount.MatchString(status) {
			t.Errorf("at %d columns the status line cuts the amount: %q", width, status)
		}
	}
}
