package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// reviewToday is the day the review tests run on.
var reviewToday = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// pinReviewClock fixes today for overdue marks and follow-up dates.
func pinReviewClock(t testing.TB) {
	old := reviewNow
	reviewNow = func() time.Time { return reviewToday }
	t.Cleanup(func() { reviewNow = old })
}

// clockDB opens a fresh store whose stamps are always reviewToday, so
// screens that show them are the same on every run.
func clockDB(t testing.TB) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db, err := store.Open(path, store.Options{Now: func() time.Time { return reviewToday }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// answerAllBut answers every question of an evaluation with its best
// answer, except those of one area, which get the worst: that area fails.
func answerAllBut(t testing.TB, db *store.DB, evalID, area string) {
	t.Helper()
	in, _ := model.Builtin(model.DefaultInstrument)
	for _, q := range in.Questions() {
		v := q.Best()
		if strings.HasPrefix(q.ID, area+".") {
			v = q.Worst()
		}
		if _, err := db.SetAnswer(evalID, q.ID, v, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
}

func addRek(t testing.TB, db *store.DB, evalID, node, text string, p model.Priority, due time.Time) model.Rekomendasi {
	t.Helper()
	r, err := db.CreateRekomendasi(model.Rekomendasi{EvaluationID: evalID, Node: node, Text: text, Priority: p, Due: due}, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestReviewScriptedSession: from a failing area's draft to a followed-up
// recommendation, by keys, checking the file after every save.
func TestReviewScriptedSession(t *testing.T) {
	pinReviewClock(t)
	db, path := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	answerAllBut(t, db, ev.ID, "pw")
	other := addRek(t, db, ev.ID, "tl.pemenuhan.i", "Perbarui SOP layanan.", model.PriorityRendah, date(2027, 3, 31))

	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("r")
	h.mustSee("1 rekomendasi", "Perbarui SOP layanan.", "n draf")

	// Drafts: one per question, the path to WBK first, in Penguatan
	// Pengawasan; the question shown above the text, which names none.
	h.keys("n")
	h.mustSee("Draf 1 dari")
	for i := 0; i < 10 && !strings.Contains(h.view(), "· Penguatan Pengawasan\n"); i++ {
		h.keys("j")
	}
	h.mustSee("Penguatan Pengawasan", "R5.ii Berapa persen pengaduan", "Saat ini:", "Data dukung:", "Langkah menuju WBK: menambah", "poin")
	if strings.Contains(h.view(), "pw.reform") {
		t.Fatalf("a draft names its question by id:\n%s", h.view())
	}
	if got, _ := reopen(t, h, path).RekomendasiList(store.RekFilter{}); len(got) != 1 {
		t.Fatalf("showing drafts saved something: %d recommendations", len(got))
	}

	// Edit, then accept: text, priority and a due date already past.
	h.keys("e")
	h.mustSee("Ubah rekomendasi", "Tenggat")
	h.keys("Bentuk UPG. [tab][right][tab][ctrl+u]31-13-2026[ctrl+s]")
	h.mustSee("hari-bulan-tahun") // a wrong date is refused in place
	h.keys("[ctrl+u]01-10-2026[ctrl+s]")
	h.mustSee("✓ Disimpan sebagai r2: R5.ii Berapa persen pengaduan")
	saved, err := reopen(t, h, path).Rekomendasi(ev.ID + "/r2")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(saved.Text, "Bentuk UPG. ") || saved.Node != "pw.reform.2" || !saved.Due.Equal(date(2026, 10, 1)) ||
		saved.Status != model.RekBaru {
		t.Fatalf("accepted draft on disk: %+v", saved)
	}

	// Back in the list: the new one is overdue, first by due date.
	h.keys("[esc]")
	h.mustSee("2 rekomendasi", "1 lewat tenggat", "! 1 Okt 2026")
	h.keys("g")
	h.mustSee("Bentuk UPG.")

	// Status: only the allowed moves are offered; a wrong number is refused.
	h.keys("s")
	h.mustSee("Ubah status r2 (baru) ke: 1 dikerjakan · 2 ditolak")
	h.keys("5")
	h.mustSee("Pilih 1–2")
	h.keys("1")
	h.mustSee("✓ Status r2 diubah: baru → dikerjakan")
	if r, _ := reopen(t, h, path).Rekomendasi(saved.ID); r.Status != model.RekDikerjakan {
		t.Fatalf("status on disk: %s", r.Status)
	}

	// A follow-up with its evidence.
	h.keys("t")
	h.mustSee("Tindak lanjut baru", "25-11-2026")
	h.keys("SK UPG ditandatangani kepala kantor.[tab]SK UPG[tab]arsip/2026/sk-upg.pdf[ctrl+s]")
	h.mustSee("✓ Tindak lanjut r2 disimpan", "Tindak lanjut (1)", "SK UPG ditandatangani")
	r, _ := reopen(t, h, path).Rekomendasi(saved.ID)
	if len(r.FollowUps) != 1 || r.FollowUps[0].Text != "SK UPG ditandatangani kepala kantor." ||
		!r.FollowUps[0].Date.Equal(date(2026, 11, 25)) || r.FollowUps[0].By != "penguji" ||
		len(r.FollowUps[0].Evidence) != 1 || r.FollowUps[0].Evidence[0].Location != "arsip/2026/sk-upg.pdf" {
		t.Fatalf("follow-up on disk: %+v", r.FollowUps)
	}

	// Filters: overdue leaves one; a text that matches nothing says so.
	h.keys("o")
	h.mustSee("1 dari 2 rekomendasi", "lewat tenggat · esc hapus")
	if strings.Contains(h.view(), other.Text) {
		t.Fatalf("the overdue filter shows a recommendation due in 2027:\n%s", h.view())
	}

	// enter opens the walk at the question the recommendation is about.
	h.keys("[enter]")
	h.mustSee("pw.reform.2", "R5.ii Berapa persen pengaduan")
	h.keys("[esc]")
	h.mustSee("1 dari 2 rekomendasi") // the filter stays on the way back
	h.keys("[esc]")
	h.mustSee("2 rekomendasi")
}

// A closed recommendation offers no status change and cannot be edited.
func TestReviewClosedRekomendasi(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	r := addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PrioritySedang, time.Time{})
	for _, st := range []model.RekStatus{model.RekDikerjakan, model.RekSelesai, model.RekDiverifikasi} {
		if _, err := db.SetRekStatus(r.ID, st, "", "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, db, 80, 24)
	h.keys("r")
	h.mustSee("diverifikasi", "tanpa tenggat")
	v := h.view()
	h.keys("set")
	if h.view() != v {
		t.Fatalf("s, e or t changed a closed recommendation's screen:\n%s", h.view())
	}
	// Rejecting asks for a reason and refuses an empty one.
	r2 := addRek(t, db, ev.ID, "tl", "Lengkapi peta proses bisnis.", model.PriorityTinggi, date(2027, 1, 31))
	h.keys("[esc]r")
	h.mustSee("2 rekomendasi")
	for i := 0; i < 3 && !strings.Contains(h.view(), "r2 · "); i++ {
		h.keys("j")
	}
	h.keys("s2[enter]")
	h.mustSee("Alasan wajib diisi")
	h.keys("Sudah ditangani Kanwil.[enter]")
	h.mustSee("✓ Status r2 diubah: baru → ditolak", "Alasan ditolak: Sudah ditangani Kanwil.")
	if got, _ := db.Rekomendasi(r2.ID); got.Status != model.RekDitolak || got.Reason != "Sudah ditangani Kanwil." {
		t.Fatalf("on disk: %+v", got)
	}
}

// A new round shows the previous round's open recommendations next to the
// area they concern.
func TestWalkCarriesOverOpenRekomendasi(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StagePMPZI)
	in, _ := model.Builtin(model.DefaultInstrument)
	prev := createRound(t, db, in, "kankemenag-uji", 2025, model.StageTPI, model.Final)
	addRek(t, db, prev.ID, "mp.pemenuhan.ii", "Tetapkan rencana kerja pembangunan ZI.", model.PriorityTinggi, date(2026, 3, 31))
	done := addRek(t, db, prev.ID, "mp.reform", "Tampilkan komitmen pimpinan.", model.PrioritySedang, date(2026, 3, 31))
	if _, err := db.SetRekStatus(done.ID, model.RekDitolak, "Tidak relevan.", "penguji"); err != nil {
		t.Fatal(err)
	}
	addRek(t, db, prev.ID, "sdm", "Susun pola mutasi.", model.PrioritySedang, date(2026, 3, 31))

	h, w := openWalk(t, db, model.EvaluationID("kankemenag-uji", 2026, model.StagePMPZI), 120, 40)
	goTo(t, h, w, "mp.pemenuhan.3")
	h.mustSee("⚑1 Manajemen Perubahan", "⚑1 Penataan Sistem Manaj",
		"⚑ 1 rekomendasi putaran sebelumnya belum tuntas di area ini",
		"2025/TPI r1 · baru: Tetapkan rencana kerja pembangunan ZI.")
	if strings.Contains(h.view(), "Tampilkan komitmen pimpinan") {
		t.Fatalf("a rejected recommendation was carried over:\n%s", h.view())
	}
	goTo(t, h, w, "tl.pemenuhan.1")
	if strings.Contains(h.view(), "putaran sebelumnya") {
		t.Fatalf("an area without open recommendations shows some:\n%s", h.view())
	}
}

func TestReviewGoldens(t *testing.T) {
	pinReviewClock(t)
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, _ := clockDB(t)
		ev := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
		seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StageTPI)
		answerAllBut(t, db, ev.ID, "pw")
		a := addRek(t, db, ev.ID, "pw", "Bentuk Unit Pengendalian Gratifikasi dan laporkan penanganannya tiap triwulan.", model.PriorityTinggi, date(2026, 10, 1))
		if _, err := db.SetRekStatus(a.ID, model.RekDikerjakan, "", "penguji"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddTindakLanjut(a.ID, model.TindakLanjut{Date: date(2026, 11, 20), By: "tim-zi", Text: "SK UPG sudah terbit.",
			Evidence: []model.Evidence{{Title: "SK UPG", Location: "arsip/2026/sk-upg.pdf", Checked: true}}}, "penguji"); err != nil {
			t.Fatal(err)
		}
		addRek(t, db, ev.ID, "tl.pemenuhan.i", "Perbarui SOP layanan utama.", model.PriorityRendah, date(2027, 3, 31))
		addRek(t, db, model.EvaluationID("kua-borobudur", 2026, model.StageTPI), "mp.pemenuhan.1", "Tetapkan SK tim ZI.", model.PrioritySedang, date(2027, 1, 15))

		h := newHarness(t, db, size.w, size.h)
		h.keys("r")
		golden(t, "review_"+sizeName(size.w, size.h), h.view())
		h.keys("t")
		golden(t, "review_followup_"+sizeName(size.w, size.h), h.view())
		h.keys("[esc]s")
		golden(t, "review_status_"+sizeName(size.w, size.h), h.view())
		h.keys("[esc][esc][enter]r") // the satker's recommendations from its evaluations
		h.mustSee("2 rekomendasi")
	}
}

func TestDraftsGoldens(t *testing.T) {
	pinReviewClock(t)
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, _ := clockDB(t)
		ev := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
		answerAllBut(t, db, ev.ID, "pw")
		h, _ := openWalk(t, db, ev.ID, size.w, size.h)
		h.keys("rn")
		golden(t, "drafts_"+sizeName(size.w, size.h), h.view())
	}
}

// A form saves to the recommendation it was opened on, whatever the list
// does meanwhile; a refusal by the store keeps the form and what was
// typed.
func TestReviewFormsKeepTheirRekomendasi(t *testing.T) {
	pinReviewClock(t)
	db, path := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	first := addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PriorityTinggi, date(2027, 1, 1))
	second := addRek(t, db, ev.ID, "tl", "Perbarui SOP.", model.PriorityRendah, date(2027, 6, 1))
	h := newHarness(t, db, 80, 24)
	h.keys("r")
	h.mustSee("r1 · ")
	h.keys("tRapat tim sudah digelar.")
	r := h.app.top().(*reviewScreen)
	r.table.MoveDown(1) // as a reload or a sort would move it
	if r.selected().rek.ID != second.ID {
		t.Fatal("the selection did not move")
	}
	h.keys("[ctrl+s]")
	got, _ := db.Rekomendasi(first.ID)
	other, _ := db.Rekomendasi(second.ID)
	if len(got.FollowUps) != 1 || len(other.FollowUps) != 0 {
		t.Fatalf("follow-ups: %d on the one the form was opened on, %d on the other", len(got.FollowUps), len(other.FollowUps))
	}

	// The store refuses (here: the file is gone from under it): the form
	// stays, with the text and the reason.
	h.keys("g")
	h.keys("tLaporan triwulan disusun.")
	db.Close()
	h.keys("[ctrl+s]")
	h.mustSee("Tidak tersimpan", "Laporan triwulan disusun.", "Tindak lanjut baru")
	db = reopen(t, h, path)
	if got, _ := db.Rekomendasi(first.ID); len(got.FollowUps) != 1 {
		t.Fatalf("a refused follow-up was written: %d", len(got.FollowUps))
	}
	h.keys("[ctrl+s]") // the store is back: the same form saves
	h.mustSee("✓ Tindak lanjut r1 disimpan")
	if got, _ := db.Rekomendasi(first.ID); len(got.FollowUps) != 2 {
		t.Fatalf("follow-ups after saving again: %d", len(got.FollowUps))
	}
}

// The editor keeps a text longer than a text area's usual limit whole.
func TestReviewEditorKeepsLongText(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	long := strings.Repeat("Lengkapi data dukung setiap indikator. ", 150) // about 5,900 characters
	rk := addRek(t, db, ev.ID, "mp", strings.TrimSpace(long), model.PrioritySedang, time.Time{})
	h := newHarness(t, db, 80, 24)
	h.keys("re[tab][right][ctrl+s]") // only the priority changes
	h.mustSee("✓ Rekomendasi r1 disimpan")
	got, _ := db.Rekomendasi(rk.ID)
	if got.Text != rk.Text || got.Priority != model.PriorityRendah {
		t.Fatalf("text %d → %d characters, priority %s", len(rk.Text), len(got.Text), got.Priority)
	}
}

// The detail pane's first lines — where in the LKE a recommendation sits
// and whose evaluation it is — wrap at the pane's width rather than being
// cut off unsaid (at 80 columns a question deep in the tree lost its
// numbering and id).
func TestReviewDetailPathWraps(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kanwil-uji", "Kanwil Kemenag Provinsi Kalimantan Tengah Bagian Uji", model.StageTPI)
	in, _ := model.Builtin(model.DefaultInstrument)
	q, ok := in.Question("sdm.pemenuhan.4")
	if !ok {
		t.Fatal("no sdm.pemenuhan.4 in the instrument")
	}
	addRek(t, db, ev.ID, q.ID, "Perbarui pola mutasi internal.", model.PriorityTinggi, date(2027, 3, 31))
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("r")
	h.mustSee("Perbarui pola mutasi internal.", q.Number(), "(sdm.pemenuhan.4)", "(draft)")
}

// The detail pane gives a numeric answer as the walk does: a percentage
// with its %, a decimal with a comma.
func TestReviewDetailAnswerAsTheWalkShowsIt(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-angka", "KUA Kecamatan Angka", model.StageTPI)
	if _, err := db.SetAnswer(ev.ID, "mp.reform.1", model.Num(62.5), "penguji"); err != nil {
		t.Fatal(err)
	}
	addRek(t, db, ev.ID, "mp.reform.1", "Dorong agen perubahan.", model.PriorityTinggi, date(2027, 3, 31))
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("r")
	h.mustSee("Jawaban kini: 62,5%")
}

// The recommendations review's help line names its main keys as the
// other list screens do — the filter and the order too, not only enter
// and esc when a closed recommendation is selected.
func TestReviewHelpLineShowsTheMainKeys(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-bantu", "KUA Kecamatan Bantu", model.StageTPI)
	closed := addRek(t, db, ev.ID, "tl", "Lengkapi peta proses bisnis.", model.PriorityTinggi, date(2027, 1, 31))
	if _, err := db.SetRekStatus(closed.ID, model.RekDitolak, "Sudah ditangani Kanwil.", "penguji"); err != nil {
		t.Fatal(err)
	}
	addRek(t, db, ev.ID, "tl.pemenuhan.i", "Perbarui SOP layanan.", model.PriorityRendah, date(2027, 3, 31))
	h := newHarness(t, db, 200, 30)
	h.keys("r")
	topOf[*reviewScreen](t, h, "the review")
	foot := func() string { v := h.view(); return v[strings.LastIndex(v, "\n")+1:] }
	// The detail pane names the selected one's status.
	for i := 0; i < 3 && !strings.Contains(h.view(), "status ditolak"); i++ {
		h.keys("k")
	}
	h.mustSee("status ditolak")
	for _, want := range []string{"enter buka pertanyaan", "/ saring", "1–3 urut", "esc kembali"} {
		if !strings.Contains(foot(), want) {
			t.Errorf("closed %s selected: help line %q lacks %q", closed.ID, foot(), want)
		}
	}
	h.keys("j")
	h.mustSee("status baru")
	for _, want := range []string{"s status", "t tindak lanjut", "e ubah", "/ saring", "1–3 urut"} {
		if !strings.Contains(foot(), want) {
			t.Errorf("open one selected: help line %q lacks %q", foot(), want)
		}
	}
}
