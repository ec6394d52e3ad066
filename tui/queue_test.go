package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// newHarnessAs is newHarness for a workbench used by who.
func newHarnessAs(t testing.TB, db *store.DB, who string, width, height int) *harness {
	h := &harness{t: t, app: New(db, who)}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

// The evaluations seedQueue stores, by the step they wait on.
var (
	qSariAnggota    = model.EvaluationID("kk-magelang", 2026, model.StagePMPZI)       // draft; sari is its anggota
	qSariKetua      = model.EvaluationID("man-1-yogyakarta", 2026, model.StageTPI)    // diajukan; sari is its ketua
	qSariPengendali = model.EvaluationID("kanwil-bali", 2026, model.StageTPILapangan) // direviu; sari is its pengendali
	qBudiAnggota    = model.EvaluationID("kua-mertoyudan", 2026, model.StagePMPZI)    // draft; budi is its anggota, sari its ketua
	qFinal          = model.EvaluationID("min-1-sleman", 2026, model.StageTPI)        // final: nobody's turn
	qSolo           = model.EvaluationID("kua-borobudur", 2026, model.StagePMPZI)     // no team: nobody's queue
)

// seedQueue stores six evaluations with teams in every status of the
// chain; three of them wait on sari, one on budi.
func seedQueue(t testing.TB, db *store.DB) {
	t.Helper()
	set := func(id, team string) {
		tm, err := model.ParseTeam(team)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetTeam(id, tm, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	act := func(id string, a model.Action, by string) {
		if _, err := db.Act(id, a, "", by); err != nil {
			t.Fatal(err)
		}
	}
	check := func(e model.Evaluation, want string) string {
		if e.ID != want {
			t.Fatalf("seeded %s; the test expects %s", e.ID, want)
		}
		return e.ID
	}
	a := check(seedEvaluation(t, db, "kk-magelang", "Kantor Kemenag Kabupaten Magelang", model.StagePMPZI), qSariAnggota)
	set(a, "sari (anggota), budi (ketua), rahmat (pengendali)")

	b := check(seedEvaluation(t, db, "man-1-yogyakarta", "MAN 1 Yogyakarta", model.StageTPI), qSariKetua)
	set(b, "budi (anggota), sari (ketua), rahmat (pengendali)")
	for _, q := range testInstrument(t).Questions()[:20] {
		if _, err := db.SetAnswer(b, q.ID, q.Best(), "budi"); err != nil {
			t.Fatal(err)
		}
	}
	act(b, model.ActSubmit, "budi")

	c := check(seedEvaluation(t, db, "kanwil-bali", "Kantor Wilayah Kementerian Agama Provinsi Bali", model.StageTPILapangan), qSariPengendali)
	set(c, "budi (anggota), dewi (ketua), sari (pengendali)")
	act(c, model.ActSubmit, "budi")
	act(c, model.ActApprove, "dewi")

	d := check(seedEvaluation(t, db, "kua-mertoyudan", "KUA Kecamatan Mertoyudan", model.StagePMPZI), qBudiAnggota)
	set(d, "budi (anggota), sari (ketua)")

	e := check(seedEvaluation(t, db, "min-1-sleman", "MIN 1 Sleman", model.StageTPI), qFinal)
	set(e, "budi (anggota), dewi (ketua), sari (pengendali)")
	act(e, model.ActSubmit, "budi")
	act(e, model.ActApprove, "dewi")
	act(e, model.ActApprove, "sari")

	check(seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StagePMPZI), qSolo)
}

func queueOf(t testing.TB, h *harness) *queueScreen {
	t.Helper()
	return topOf[*queueScreen](t, h, "the queue")
}

func queueIDs(q *queueScreen) []string {
	var out []string
	for _, it := range q.items {
		out = append(out, it.Evaluation.ID)
	}
	return out
}

// TestQueueListsWhatWaitsOnTheUser opens "Menunggu saya" from the satker
// list, opens an evaluation from it, and sees it leave the queue once its
// step is taken; another's step brings a new one in.
func TestQueueListsWhatWaitsOnTheUser(t *testing.T) {
	db, _ := testDB(t)
	seedQueue(t, db)
	h := newHarnessAs(t, db, "sari", 120, 30)
	h.mustSee("6 satker · urut: nama A–Z · menunggu saya: 3 (w)", "w menunggu saya")

	h.keys("w")
	q := queueOf(t, h)
	want := []string{qSariAnggota, qSariPengendali, qSariKetua} // by satker name
	if got := queueIDs(q); !slices.Equal(got, want) {
		t.Fatalf("queue %v; want %v", got, want)
	}
	h.mustSee("ziwb · Satker › Menunggu saya", "3 evaluasi menunggu Anda · pengguna: sari",
		"› Kankemenag Kab. Magelang 2026 PMPZI        draft    anggota      periksa dan ajukan",
		"  Kanwil Prov. Bali        2026 TPI-lapangan direviu  pengendali   tanda tangan: setujui atau kembalikan",
		"  MAN 1 Yogyakarta         2026 TPI          diajukan ketua        reviu: setujui atau kembalikan         20/113 9,50",
		"Giliran Anda sebagai Anggota Tim — periksa dan ajukan.",
		"Tim: sari (anggota), budi (ketua), rahmat (pengendali)",
		"enter buka evaluasi · esc kembali")

	// The selection moves; the detail follows it.
	h.keys("[down][down]")
	h.mustSee("MAN 1 Yogyakarta · evaluasi 2026 TPI · status diajukan", "Giliran Anda sebagai Ketua Tim — reviu: setujui atau kembalikan.")
	h.keys("[up][up]")

	// enter opens the walk, as the satker's list of rounds does.
	h.keys("[enter]")
	if _, ok := h.app.top().(*walkScreen); !ok {
		t.Fatalf("enter opened %T:\n%s", h.app.top(), h.view())
	}
	h.mustSee("ziwb · Satker › Menunggu saya › Kankemenag Kab. Magelang › 2026 PMPZI")

	// sari submits it (as the walk would); back in the queue it is gone
	// and the row that took its place is selected.
	if _, err := db.Act(qSariAnggota, model.ActSubmit, "", "sari"); err != nil {
		t.Fatal(err)
	}
	h.keys("[esc]")
	q = queueOf(t, h)
	if got := queueIDs(q); !slices.Equal(got, []string{qSariPengendali, qSariKetua}) {
		t.Fatalf("after the submit, queue %v", got)
	}
	h.mustSee("ziwb · Satker › Menunggu saya\n", "2 evaluasi menunggu Anda", "› Kanwil Prov. Bali")

	// Someone else's step (budi submits his draft) brings it in.
	if _, err := db.Act(qBudiAnggota, model.ActSubmit, "", "budi"); err != nil {
		t.Fatal(err)
	}
	h.send(Changed{})
	if got := queueIDs(queueOf(t, h)); !slices.Contains(got, qBudiAnggota) || len(got) != 3 {
		t.Fatalf("after another's change, queue %v", got)
	}
	h.mustSee("KUA Kec. Mertoyudan", "› Kanwil Prov. Bali")

	// esc goes back to the satker list, whose count follows.
	h.keys("[esc]")
	if _, ok := h.app.top().(*homeScreen); !ok {
		t.Fatalf("esc went to %T", h.app.top())
	}
	h.mustSee("menunggu saya: 3 (w)")
}

// TestHomeCountsWhatWaitsOnTheUser: the satker list's header counts the
// user's queue, and says nothing when it is empty.
func TestHomeCountsWhatWaitsOnTheUser(t *testing.T) {
	db, _ := testDB(t)
	seedQueue(t, db)
	for who, want := range map[string]string{"sari": "menunggu saya: 3 (w)", "budi": "menunggu saya: 1 (w)", "Rahmat": ""} {
		h := newHarnessAs(t, db, who, 100, 24)
		h.mustSee("6 satker · urut: nama A–Z")
		if want == "" {
			if v := h.view(); strings.Contains(v, "menunggu saya:") {
				t.Errorf("%s waits on nothing, yet:\n%s", who, v)
			}
			continue
		}
		h.mustSee(want)
	}
}

// TestQueueEmpty: a user with nothing to do is told so, and why a queue
// fills.
func TestQueueEmpty(t *testing.T) {
	db, _ := testDB(t)
	seedQueue(t, db)
	h := newHarness(t, db, 80, 24) // penguji is on no team
	h.keys("w")
	queueOf(t, h)
	h.mustSee("0 evaluasi menunggu Anda", "Tidak ada evaluasi yang menunggu Anda.", "esc kembali")
	if strings.Contains(h.view(), "enter buka") {
		t.Errorf("enter offered with nothing to open:\n%s", h.view())
	}
	golden(t, "queue_empty_80x24", h.view())
	h.keys("[enter]") // nothing to open: nothing happens
	queueOf(t, h)
}

func TestQueueGoldens(t *testing.T) {
	db, _ := testDB(t)
	seedQueue(t, db)
	for _, size := range []struct{ w, h int }{{60, 15}, {80, 24}, {120, 40}} {
		h := newHarnessAs(t, db, "sari", size.w, size.h)
		h.keys("w")
		h.mustSee("3 evaluasi menunggu Anda")
		golden(t, "queue_"+sizeName(size.w, size.h), h.view())
	}
}

// TestQueueSizeSweep: from the smallest frame up, the queue fits every
// size, with and without its detail lines.
func TestQueueSizeSweep(t *testing.T) {
	db, _ := testDB(t)
	seedQueue(t, db)
	h := newHarnessAs(t, db, "sari", 60, 15)
	h.keys("w")
	h.mustSee("3 evaluasi menunggu Anda", "› Kankemenag Kab. Ma")
	q := queueOf(t, h)
	for w := 20; w <= 200; w += 3 {
		for ht := 3; ht <= 45; ht += 2 {
			q.SetSize(w, ht)
			v := q.View()
			if n := strings.Count(v, "\n") + 1; n > ht {
				t.Fatalf("%dx%d: %d lines:\n%s", w, ht, n, v)
			}
			for _, l := range strings.Split(v, "\n") {
				if lw := lineWidth(l); lw > w {
					t.Fatalf("%dx%d: a line %d cells wide: %q", w, ht, lw, l)
				}
			}
		}
	}
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.mustSee("› Kankemenag Kab. Ma", "enter buka evaluasi")
}

// An evaluation the ketua sent back is in the anggota's queue with who
// sent it back and why: the draft is not a fresh one to check.
func TestQueueSaysWhoSentItBack(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-kembali", "KUA Kecamatan Kembali", model.StageTPI)
	tm, _ := model.ParseTeam("sari (anggota), budi (ketua)")
	if _, err := db.SetTeam(ev.ID, tm, "penguji"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActSubmit, "", "sari"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Act(ev.ID, model.ActReturn, "Lengkapi area MP", "budi"); err != nil {
		t.Fatal(err)
	}
	h := newHarnessAs(t, db, "sari", 80, 24)
	h.keys("w")
	h.mustSee("1 evaluasi menunggu Anda", "↩ Dikembalikan oleh budi", "“Lengkapi area MP”")
}
