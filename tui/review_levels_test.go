package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// session opens the workbench as one person of the team on the file at
// path, through an evaluator's view (the file's owner is an admin), on
// one evaluation's walk.
func session(t *testing.T, path, user, evalID string) (*harness, *walkScreen, func()) {
	t.Helper()
	owner, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: New(owner.As(store.RoleEvaluator), user)}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	w := newWalk(h.app.env, evalID).(*walkScreen)
	h.send(pushMsg{s: w})
	if !w.loaded {
		t.Fatalf("walk did not load:\n%s", h.view())
	}
	return h, w, func() {
		h.app.Close()
		if err := owner.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// The review chain as the team lives it, one session per step on the
// file reopened each time: the anggota answers and submits; the ketua
// changes three answers with reasons and returns it once; the anggota
// fixes it; the ketua passes it on; the pengendali signs it off; an edit
// is refused; reopening with a reason works; the history holds each step.
func TestReviewChainSession(t *testing.T) {
	db, path := testDB(t)
	ev := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StageTPI)
	team := model.Team{{Name: "ani", Level: model.Anggota}, {Name: "kus", Level: model.Ketua}, {Name: "pri", Level: model.Pengendali}}
	if _, err := db.SetTeam(ev.ID, team, "admin"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// The anggota answers the first four questions (Y, A, …) and submits.
	h, w, done := session(t, path, "ani", ev.ID)
	h.mustSee("draft · Anda: anggota")
	h.keys("y")
	h.keys("j")
	h.keys("b")
	h.keys("j")
	h.keys("t")
	h.keys("j")
	h.keys("t")
	h.keys("p")
	// A step forward says what it passes on unanswered, before it is taken.
	h.mustSee("1 ajukan ke ketua tim", "Perhatian: 110 dari 113 pertanyaan belum dijawab.")
	h.keys("1")
	h.mustSee("Status sekarang diajukan. Giliran Ketua Tim.")
	h.keys("y")
	h.mustSee("giliran ketua") // the anggota may no longer answer
	done()

	// The ketua changes three answers: each asks for the reason first.
	h, w, done = session(t, path, "kus", ev.ID)
	qs := w.inst.Questions()
	h.mustSee("diajukan · Anda: ketua")
	goTo(t, h, w, qs[0].ID)
	h.keys("t")
	h.mustSee("Alasan ketua mengubah jawaban anggota Y → T")
	h.keys("[esc]") // no reason: nothing saved
	h.mustSee("Jawaban tidak disimpan: alasan wajib diisi")
	for i, v := range []string{"t", "a", "y"} {
		goTo(t, h, w, qs[i].ID)
		h.keys(v)
		h.keys("Eviden tidak mendukung")
		h.keys("[esc]")
		h.mustSee("✓ tersimpan")
	}
	h.mustSee("› ketua", "“Eviden tidak mendukung”")
	h.keys("p")
	h.mustSee("1 setujui, teruskan ke pengendali teknis", "2 kembalikan ke anggota tim")
	h.keys("2")
	h.keys("Lengkapi pertanyaan 5")
	h.keys("[enter]")
	h.mustSee("Status sekarang draft. Giliran Anggota Tim.")
	done()

	// The anggota reads why, fixes it and submits again.
	h, w, done = session(t, path, "ani", ev.ID)
	h.mustSee("↩ dikembalikan oleh kus", "“Lengkapi pertanyaan 5”")
	goTo(t, h, w, qs[4].ID)
	h.keys(strings.ToLower(qs[4].Best().Choice))
	h.mustSee("✓ tersimpan")
	h.keys("p")
	h.keys("1")
	h.mustSee("Status sekarang diajukan.")
	done()

	// The ketua passes it on; the pengendali signs it off.
	h, _, done = session(t, path, "kus", ev.ID)
	h.keys("p")
	h.keys("1")
	h.mustSee("Status sekarang direviu. Giliran Pengendali Teknis.")
	done()
	h, _, done = session(t, path, "pri", ev.ID)
	h.keys("p")
	h.mustSee("1 setujui dan tetapkan final")
	h.keys("1")
	h.mustSee("Status sekarang final.", "final · terkunci")
	// An edit is refused, with the reason, and nothing is saved.
	h.keys("a")
	h.mustSee("sudah final dan terkunci")
	// Reopening asks for a reason and works.
	h.keys("p")
	h.mustSee("1 buka kembali evaluasi final")
	h.keys("1")
	h.keys("[enter]")
	h.mustSee("Alasan wajib diisi.")
	h.keys("Salah hitung area 2")
	h.keys("[enter]")
	h.mustSee("Status sekarang direviu.", "direviu · Anda: pengendali", "↩ dibuka kembali oleh pri")
	done()

	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hist, err := db.History(store.HistoryFilter{Evaluation: ev.ID})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	reasons := 0
	for i := len(hist) - 1; i >= 0; i-- {
		c := hist[i]
		if c.At.IsZero() || c.By == "" {
			t.Errorf("history entry without who or when: %+v", c)
		}
		switch {
		case c.Field == "status":
			steps = append(steps, c.By+":"+c.New+":"+c.Reason)
		case c.Field == "note" && c.By == "kus" && c.New == "Eviden tidak mendukung":
			reasons++
		}
	}
	want := "ani:diajukan: kus:draft:Lengkapi pertanyaan 5 ani:diajukan: kus:direviu: pri:final: pri:direviu:Salah hitung area 2"
	if got := strings.Join(steps, " "); got != want {
		t.Errorf("steps in history\n got %s\nwant %s", got, want)
	}
	if reasons != 3 {
		t.Errorf("%d of the ketua's reasons in history, want 3", reasons)
	}
	ws, _ := db.Worksheet(ev.ID)
	if a := ws.Answers[qs[0].ID]; a.Level != model.Ketua || a.Value != model.Letter("T") {
		t.Errorf("the answer that counts on %s: %+v", qs[0].ID, a)
	}
}

// reviewedDB is one TPI evaluation in review: the satker's PMPZI answer,
// the anggota's, the ketua's change with its reason and the pengendali's,
// at a fixed time so the goldens keep their dates.
func reviewedDB(t *testing.T) (*store.DB, model.Evaluation) {
	t.Helper()
	path := t.TempDir() + "/ziwb.db"
	at := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	owner, err := store.Open(path, store.Options{Now: func() time.Time { return at }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	pm := seedEvaluation(t, owner, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StagePMPZI)
	ev := seedEvaluation(t, owner, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	db := owner.As(store.RoleEvaluator)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.SetAnswer(pm.ID, "mp.pemenuhan.2", model.Letter("A"), "satker"))
	must(owner.SetTeam(ev.ID, model.Team{{Name: "Siti Aminah", Level: model.Anggota}, {Name: "Kusnadi", Level: model.Ketua},
		{Name: "Rahmat Hidayat", Level: model.Pengendali}}, "admin"))
	must(db.SetAnswer(ev.ID, "mp.pemenuhan.1", model.Letter("Y"), "Siti Aminah"))
	must(db.SetAnswer(ev.ID, "mp.pemenuhan.2", model.Letter("A"), "Siti Aminah"))
	must(db.Act(ev.ID, model.ActSubmit, "", "Siti Aminah"))
	must(db.SetAnswerNoting(ev.ID, "mp.pemenuhan.2", model.Letter("C"), "Tidak ada berita acara seleksi.", "Kusnadi"))
	must(db.Act(ev.ID, model.ActApprove, "", "Kusnadi"))
	must(db.SetAnswerNoting(ev.ID, "mp.pemenuhan.2", model.Letter("B"), "SK memuat kriteria untuk sebagian unsur.", "Rahmat Hidayat"))
	return db, ev
}

func TestReviewLevelGoldens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, ev := reviewedDB(t)
		h := &harness{t: t, app: New(db, "Rahmat Hidayat")}
		h.run(h.app.Init())
		h.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
		w := newWalk(h.app.env, ev.ID).(*walkScreen)
		h.send(pushMsg{s: w})
		goTo(t, h, w, "mp.pemenuhan.2")
		h.mustSee("direviu · Anda: pengendali", "◇ PMPZI satker: A")
		name := "review_levels_"
		golden(t, name+"walk_"+sizeName(size.w, size.h), h.view())
		h.keys("s")
		h.mustSee("Perubahan nilai oleh reviu")
		golden(t, name+"scorecard_"+sizeName(size.w, size.h), h.view())
		h.keys("l")
		h.mustSee("Tingkat Anggota Tim")
		golden(t, name+"scorecard_anggota_"+sizeName(size.w, size.h), h.view())
	}
}

// A round started from last year's shows last year's answer beside each
// question, marks what came over until it is confirmed, and ] jumps to
// the next question still to confirm.
func TestWalkCarriedRound(t *testing.T) {
	db, _ := testDB(t)
	in, _ := model.Builtin(model.DefaultInstrument)
	last := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StageTPI)
	qs := in.Questions()
	for _, q := range qs[:3] {
		if _, err := db.SetAnswer(last.ID, q.ID, q.Best(), "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	next, n, err := db.CreateEvaluationFrom(model.Evaluation{SatkerID: "kua-uji", Year: 2027, Stage: model.StageTPI}, in, last.ID, "penguji")
	if err != nil || n != 3 {
		t.Fatalf("new round: %d %v", n, err)
	}
	h, w := openWalk(t, db, next.ID, 100, 40)
	goTo(t, h, w, qs[0].ID)
	h.mustSee("· dibawa", "↺ 2026 TPI: Y — sama")
	h.keys("=")
	h.mustSee("✓ tersimpan")
	if strings.Contains(h.view(), "· dibawa") {
		t.Fatalf("still carried after confirming:\n%s", h.view())
	}
	h.keys("t") // changed from last year
	h.mustSee("↺ 2026 TPI: Y — berubah −")
	h.keys("]")
	if w.question().ID != qs[1].ID {
		t.Fatalf("] went to %s, want the next carried %s", w.question().ID, qs[1].ID)
	}
	h.mustSee("· dibawa")
}
