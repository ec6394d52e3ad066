package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// These tests share harness_test.go (TestMain pins the Ascii profile;
// harness, golden, testDB) and reopen/sizeName from walk_test.go.

// testInstrument is the instrument new evaluations use.
func testInstrument(t testing.TB) *model.Instrument {
	t.Helper()
	if in, ok := model.Builtin(model.DefaultInstrument); ok {
		return in
	}
	return model.Builtins()[0]
}

// evalSeed is one evaluation of a seeded satker: its first answered
// questions get their best answer, or their worst when worst is set.
type evalSeed struct {
	year     int
	stage    model.Stage
	answered int
	worst    bool
}

// addSatker stores a satker and its evaluations with answers.
func addSatker(t testing.TB, db *store.DB, s model.Satker, evals ...evalSeed) {
	t.Helper()
	if _, err := db.CreateSatker(s, "penguji"); err != nil {
		t.Fatal(err)
	}
	in := testInstrument(t)
	for _, e := range evals {
		id := model.EvaluationID(s.ID, e.year, e.stage)
		if _, err := db.CreateEvaluation(model.Evaluation{ID: id, SatkerID: s.ID, Year: e.year, Stage: e.stage,
			InstrumentID: in.ID, InstrumentHash: in.Hash, Status: model.Draft}, in, "penguji"); err != nil {
			t.Fatal(err)
		}
		for _, q := range in.Questions()[:min(e.answered, len(in.Questions()))] {
			v := q.Best()
			if e.worst {
				v = q.Worst()
			}
			if _, err := db.SetAnswer(id, q.ID, v, "penguji"); err != nil {
				t.Fatal(err)
			}
		}
	}
}

var (
	magelang = model.Satker{ID: "kankemenag-magelang", Name: "Kantor Kemenag Kab. Magelang", Kind: model.Kankemenag,
		Province: "Jawa Tengah", Regency: "Kabupaten Magelang", Head: "H. Ahmad Muhdzir", Target: model.WBK}
	mertoyudan = model.Satker{ID: "kua-mertoyudan", Name: "KUA Kecamatan Mertoyudan", Kind: model.KUA,
		Province: "Jawa Tengah", Regency: "Kabupaten Magelang", Target: model.WBK}
	man1yk = model.Satker{ID: "man-1-yogyakarta", Name: "MAN 1 Yogyakarta", Kind: model.Madrasah,
		Province: "DI Yogyakarta", Regency: "Kota Yogyakarta", Target: model.WBBM}
	kanwilBali = model.Satker{ID: "kanwil-bali", Name: "Kanwil Kemenag Provinsi Bali", Kind: model.Kanwil,
		Province: "Bali", Target: model.WBBM}
)

// seedFew stores four satkers in different states: finished and passing,
// without evaluations, half done, and complete but failing.
func seedFew(t testing.TB, db *store.DB) {
	t.Helper()
	n := len(testInstrument(t).Questions())
	addSatker(t, db, magelang, evalSeed{2025, model.StageTPI, n, false}, evalSeed{2026, model.StagePMPZI, 40, false})
	addSatker(t, db, mertoyudan)
	addSatker(t, db, man1yk, evalSeed{2026, model.StageTPI, n / 2, false})
	addSatker(t, db, kanwilBali, evalSeed{2026, model.StagePMPZI, n, true})
}

func homeOf(t testing.TB, h *harness) *homeScreen {
	t.Helper()
	hs, ok := h.app.stack[0].(*homeScreen)
	if !ok {
		t.Fatalf("bottom screen is %T", h.app.stack[0])
	}
	return hs
}

// shownNames lists the satkers the table shows, in order.
func shownNames(hs *homeScreen) []string {
	var out []string
	for _, i := range hs.shown {
		out = append(out, hs.items[i].sum.Satker.Name)
	}
	return out
}

var (
	keyCtrlS    = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	keyShiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	keyRight    = tea.KeyPressMsg{Code: tea.KeyRight}
	keyLeft     = tea.KeyPressMsg{Code: tea.KeyLeft}
	keyBack     = tea.KeyPressMsg{Code: tea.KeyBackspace}
)

func TestHomeGoldens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, _ := testDB(t)
		h := newHarness(t, db, size.w, size.h)
		h.mustSee("Belum ada satker. Tekan n untuk menambah satker")
		golden(t, "home_empty_"+sizeName(size.w, size.h), h.view())

		seedFew(t, db)
		h.send(refreshMsg{})
		h.mustSee("4 satker · urut: nama A–Z", "› Kantor Kemenag Kab.")
		golden(t, "home_satkers_"+sizeName(size.w, size.h), h.view())

		h.keys("d")
		h.mustSee("Hapus Kantor Kemenag Kab. Magelang beserta 2 evaluasi dan semua", "jawabannya? y/t")
		golden(t, "home_delete_"+sizeName(size.w, size.h), h.view())
		h.keys("t")
	}
}

func TestHomeSatkerFormGolden(t *testing.T) {
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 80, 24)
	h.keys("n")
	h.send(keyCtrlS) // nothing typed: every required field says so in place
	h.mustSee("✗ wajib diisi")
	golden(t, "satkerform_empty_80x24", h.view())
	h.keys("MAN 1 Yogyakarta")
	h.mustSee("✗ id man-1-yogyakarta sudah dipakai satker lain; ubah namanya") // said as it is typed
	h.keys("[esc][esc]")
	h.keys("e") // edit Magelang, the first row
	h.mustSee("id: kankemenag-magelang (tetap)", "H. Ahmad Muhdzir")
	golden(t, "satkerform_edit_80x24", h.view())
}

// TestHomeSatkerSession adds, filters, sorts, edits and deletes satkers
// through the screens, checking the file after each change, then starts a
// TPI evaluation pre-filled from the PMPZI.
func TestHomeSatkerSession(t *testing.T) {
	db, path := testDB(t)
	h := newHarness(t, db, 100, 30)
	h.mustSee("Belum ada satker")

	// Add one; the empty name is refused in place, nothing reaches the store.
	h.keys("n")
	h.mustSee("Satker baru", "Nama satker", "Kantor Kemenag Kab/Kota")
	h.send(keyCtrlS)
	h.mustSee("Nama satker", "✗ wajib diisi", "Belum tersimpan: periksa kolom yang ditandai ✗.")
	if list, _ := db.SatkerSummaries(); len(list) != 0 {
		t.Fatalf("a refused form reached the store: %v", list)
	}
	h.keys("Kantor Kemenag Kab. Temanggung")
	h.mustSee("id: kantor-kemenag-kab-temanggung (dibuat dari nama)")
	h.keys("[tab]")
	h.send(keyRight) // Kankemenag → KUA
	h.send(keyLeft)  // and back
	h.keys("[tab]Jawa Tengah[tab]Kabupaten Temanggung[tab]")
	h.send(tea.PasteMsg{Content: "Drs. H. Pasted Name"})
	h.keys("[tab]")
	h.send(keyRight) // WBK → WBBM
	h.keys("[enter]")
	h.mustSee("1 satker", "✓ Satker baru disimpan: Kantor Kemenag Kab. Temanggung", "› Kantor Kemenag Kab. Temanggung")
	if len(h.app.stack) != 1 {
		t.Fatalf("the form stayed open: %d screens", len(h.app.stack))
	}
	db = reopen(t, h, path)
	got, err := db.Satker("kantor-kemenag-kab-temanggung")
	if err != nil {
		t.Fatal(err)
	}
	want := model.Satker{ID: "kantor-kemenag-kab-temanggung", Name: "Kantor Kemenag Kab. Temanggung", Kind: model.Kankemenag,
		Province: "Jawa Tengah", Regency: "Kabupaten Temanggung", Head: "Drs. H. Pasted Name", Target: model.WBBM}
	got.Created, got.Updated = want.Created, want.Updated
	if got != want {
		t.Fatalf("store holds %+v\nwant %+v", got, want)
	}

	// More satkers, straight into the store, then reload.
	seedFew(t, db)
	h.send(refreshMsg{})
	hs := homeOf(t, h)
	h.mustSee("5 satker · urut: nama A–Z")

	// Filter as you type: every word must match name, id, kind or region.
	h.keys("/magelang")
	h.mustSee("2 dari 5 satker", "Saring: magelang")
	if names := shownNames(hs); strings.Join(names, "|") != "Kantor Kemenag Kab. Magelang|KUA Kecamatan Mertoyudan" {
		t.Fatalf("filter shows %v", names)
	}
	h.keys(" kua[enter]")
	h.mustSee("1 dari 5 satker", "Saringan: “magelang kua”", "› KUA Kecamatan Mertoyudan")
	h.keys("[esc]")
	h.mustSee("5 satker · urut: nama A–Z")
	h.keys("/yogya")
	h.keys("q") // typed while the field has focus
	h.mustSee("Saring: yogyaq", "Tidak ada satker yang cocok dengan “yogyaq”")
	if h.quit {
		t.Fatal("q typed into the filter quit the program")
	}
	h.keys("[esc]")
	if hs.filter.Value() != "" || hs.filter.Focused() || len(hs.shown) != 5 {
		t.Fatalf("esc left the filter %q focused=%v, %d shown", hs.filter.Value(), hs.filter.Focused(), len(hs.shown))
	}
	// Typed fast, "/man 1" is text once "/" has opened the field, not
	// the sort key 1.
	h.keys("/man[space]1")
	h.mustSee("Saring: man 1", "1 dari 5 satker", "› MAN 1 Yogyakarta")
	h.keys("[esc]")

	// Sorts, and the same key again reverses.
	h.keys("2")
	h.mustSee("urut: nilai tertinggi")
	checkScoreOrder(t, hs, false)
	h.keys("2")
	h.mustSee("urut: nilai terendah")
	checkScoreOrder(t, hs, true)
	h.keys("4")
	h.mustSee("urut: wilayah A–Z")
	if names := shownNames(hs); names[0] != "Kanwil Kemenag Provinsi Bali" {
		t.Errorf("region sort starts with %v", names[0])
	}
	h.keys("3")
	h.mustSee("urut: progres terbanyak")
	h.keys("1")
	h.mustSee("urut: nama A–Z")

	// Edit: the id stays, the change reaches the store.
	h.keys("/temanggung[enter]e")
	h.mustSee("Ubah Kantor Kemenag Kab. Temanggung", "id: kantor-kemenag-kab-temanggung (tetap)")
	h.keys("[tab][tab][tab][tab]")
	for range len("Drs. H. Pasted Name") {
		h.send(keyBack)
	}
	h.keys("Hj. Siti Aminah")
	h.send(keyCtrlS)
	h.mustSee("✓ Perubahan disimpan: Kantor Kemenag Kab. Temanggung")
	db = reopen(t, h, path)
	if got, _ := db.Satker("kantor-kemenag-kab-temanggung"); got.Head != "Hj. Siti Aminah" || got.Target != model.WBBM {
		t.Fatalf("after edit the store holds %+v", got)
	}
	h.keys("[esc]")

	// Delete asks first, names what goes, and "t" keeps it.
	h.keys("/kab. magelang[enter]d")
	h.mustSee("Hapus Kantor Kemenag Kab. Magelang beserta 2 evaluasi dan semua jawabannya? y/t") // 100 wide: one line
	h.keys("t")
	if _, err := db.Satker(magelang.ID); err != nil {
		t.Fatalf("t deleted it: %v", err)
	}
	h.keys("dy")
	h.mustSee("✓ Dihapus: Kantor Kemenag Kab. Magelang beserta 2 evaluasi.")
	db = reopen(t, h, path)
	if _, err := db.Satker(magelang.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if _, err := db.Evaluation(model.EvaluationID(magelang.ID, 2026, model.StagePMPZI)); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("its evaluation survived: %v", err)
	}
	h.keys("[esc]")
	h.mustSee("4 satker")

	// A TPI pre-filled from the satker's PMPZI.
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	h.keys("/bali[enter][enter]")
	h.mustSee("Kanwil Kemenag Provinsi Bali", "2026", "PMPZI")
	h.keys("n")
	h.mustSee("Evaluasi baru", "TPI", "Isi awal", "2026 PMPZI", "jawaban kanwil-bali/2026/PMPZI dibawa")
	h.keys("[enter][enter][enter][enter][enter]")
	tpi := model.EvaluationID(kanwilBali.ID, 2026, model.StageTPI)
	if _, ok := h.app.top().(*walkScreen); !ok {
		t.Fatalf("the walk did not open: top is %T\n%s", h.app.top(), h.view())
	}
	db = reopen(t, h, path)
	ev, err := db.Evaluation(tpi)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Stage != model.StageTPI || ev.Status != model.Draft || ev.InstrumentID != testInstrument(t).ID {
		t.Errorf("created %+v", ev)
	}
	self, _ := db.Answers(model.EvaluationID(kanwilBali.ID, 2026, model.StagePMPZI))
	copied, _ := db.Answers(tpi)
	if len(copied) == 0 || len(copied) != len(self) {
		t.Fatalf("TPI holds %d answers; the PMPZI has %d", len(copied), len(self))
	}

	// Back on the chooser: the new one is listed first; asking for it again is refused in place.
	h.keys("[esc]")
	h.mustSee("› 2026  TPI", "✓ Evaluasi dibuat: kanwil-bali/2026/TPI")
	h.keys("n")
	h.keys("[tab]")
	h.mustSee("‹ TPI-lapangan ›") // the first stage 2026 still lacks
	h.send(keyLeft)               // TPI
	h.mustSee("✗ evaluasi 2026 TPI sudah ada")
	h.send(keyCtrlS)
	if _, ok := h.app.top().(*chooserScreen); !ok {
		t.Fatalf("a refused evaluation left the chooser: %T", h.app.top())
	}
	h.keys("[esc][esc]q")
	if !h.quit {
		t.Fatal("q on the home screen did not quit")
	}
}

func TestHomeDeleteWithoutEvaluations(t *testing.T) {
	db, _ := testDB(t)
	addSatker(t, db, mertoyudan)
	h := newHarness(t, db, 80, 24)
	h.keys("d")
	h.mustSee("Hapus KUA Kecamatan Mertoyudan? Satker ini belum punya evaluasi. y/t")
	h.keys("x") // not an answer: the question stays
	h.mustSee("Hapus KUA Kecamatan Mertoyudan?")
	h.keys("[esc]")
	if _, err := db.Satker(mertoyudan.ID); err != nil {
		t.Fatal(err)
	}
	h.keys("d[enter]")
	h.mustSee("✓ Dihapus: KUA Kecamatan Mertoyudan", "Belum ada satker")
}

// TestHomeHeadlineCutEndsInEllipsis: at 60 columns a headline carrying
// the queue and the conflicts does not fit; it ends in "…", as every
// other cut line does, instead of stopping mid-word.
func TestHomeHeadlineCutEndsInEllipsis(t *testing.T) {
	db, _ := testDB(t)
	addSatker(t, db, mertoyudan)
	h := newHarness(t, db, 60, 15)
	home := topOf[*homeScreen](t, h, "the satker list")
	home.waiting, home.conflicts, home.dirty = 12, 3, true
	top := strings.Split(h.view(), "\n")[1] // under the breadcrumb
	if !strings.HasPrefix(top, "1 satker · urut:") || !strings.HasSuffix(top, "…") {
		t.Fatalf("headline %q: want it cut with …", top)
	}
}

// TestSizeSweepScreens: the home screen (list, filter, question), the
// satker form and the chooser (list and form) at every size from tiny to
// huge: no panic, never more lines than given, no line wider.
func TestSizeSweepScreens(t *testing.T) {
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 80, 24)
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	steps := []struct{ name, keys string }{
		{"home", ""},
		{"filter", "/ma"},
		{"delete question", "[esc]jd"},
		{"satker form", "[esc]n"},
		{"satker form errors", "[tab][tab][tab]"},
		{"chooser", "[esc]g[enter]"},
		{"evaluation form", "n"},
	}
	for _, st := range steps {
		h.keys(st.keys)
		check := func(w, ht int) {
			h.send(tea.WindowSizeMsg{Width: w, Height: ht})
			v := h.view()
			if n := strings.Count(v, "\n") + 1; n > ht {
				t.Fatalf("%s at %dx%d: %d lines", st.name, w, ht, n)
			}
			// The screen itself, also below the frame's minimum size.
			s := h.app.top()
			s.SetSize(w, ht)
			v = s.View()
			if n := strings.Count(v, "\n") + 1; v != "" && n > ht {
				t.Fatalf("%s screen at %dx%d: %d lines:\n%s", st.name, w, ht, n, v)
			}
			for _, l := range strings.Split(v, "\n") {
				if lw := lineWidth(l); lw > w {
					t.Fatalf("%s screen at %dx%d: line %d cells wide: %q", st.name, w, ht, lw, l)
				}
			}
		}
		for w := 20; w <= 200; w++ {
			check(w, 5+w%56)
		}
		for ht := 5; ht <= 60; ht++ {
			for _, w := range []int{20, 59, 60, 61, 80, 119, 200} {
				check(w, ht)
			}
		}
	}
	// Back to a normal size, the screens still work.
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.mustSee("Evaluasi baru")
}

// BenchmarkHomeFilterKey5000: one keystroke in the filter, Update + View,
// with 5,000 satker summaries in memory.
func BenchmarkHomeFilterKey5000(b *testing.B) {
	e := &env{st: newStyles(true), user: "bench"}
	hs := newHome(e)
	hs.SetSize(120, 38)
	hs.Update(homeLoadedMsg{list: syntheticSummaries(5000)})
	hs.Update(runeKey('/'))
	hs.Update(tea.PasteMsg{Content: "nomor 1"})
	keys := []tea.KeyPressMsg{runeKey('2'), {Code: tea.KeyBackspace}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		hs.Update(keys[i%2])
		_ = hs.View()
		i++
	}
	if len(hs.shown) == 0 || len(hs.shown) == 5000 {
		b.Fatalf("filter %q shows %d", hs.filter.Value(), len(hs.shown))
	}
}

// syntheticSummaries makes n satker summaries without a store.
func syntheticSummaries(n int) []store.SatkerSummary {
	provinces := []string{"Aceh", "Jawa Tengah", "Jawa Timur", "Bali", "Papua Barat", "Kalimantan Selatan"}
	out := make([]store.SatkerSummary, n)
	for i := range out {
		kind := model.SatkerKinds[i%len(model.SatkerKinds)]
		name := fmt.Sprintf("%s Nomor %d", kind, i)
		s := store.SatkerSummary{Satker: model.Satker{ID: model.Slug(name), Name: name, Kind: kind,
			Province: provinces[i%len(provinces)], Regency: fmt.Sprintf("Kabupaten %d", i%97), Target: model.WBK}}
		if i%3 != 0 {
			l := store.EvalSummary{ID: model.EvaluationID(s.Satker.ID, 2026, model.StageTPI), Year: 2026, Stage: model.StageTPI,
				Status: model.Draft, Answered: i % 114, Questions: 113, Total: float64(i%10000) / 100, Result: []string{"", "WBK"}[i%2]}
			s.Latest = &l
			s.Evaluations = []store.EvalSummary{l}
		}
		out[i] = s
	}
	return out
}

// checkScoreOrder: satkers with an evaluation by score (descending unless
// reversed), those without one last either way.
func checkScoreOrder(t *testing.T, hs *homeScreen, reversed bool) {
	t.Helper()
	seenNone := false
	for k, i := range hs.shown {
		it := hs.items[i]
		if !it.evals {
			seenNone = true
			continue
		}
		if seenNone {
			t.Fatalf("%s has an evaluation but sorts after one without: %v", it.sum.Satker.Name, shownNames(hs))
		}
		if k > 0 {
			prev := hs.items[hs.shown[k-1]]
			if (!reversed && prev.score < it.score) || (reversed && prev.score > it.score) {
				t.Fatalf("score order broken at %s: %v", it.sum.Satker.Name, shownNames(hs))
			}
		}
	}
	if !seenNone {
		t.Fatalf("no satker without evaluations in %v", shownNames(hs))
	}
}

func lineWidth(s string) int { return lipgloss.Width(s) }

// A satker saved while a filter would hide it is shown: the filter goes.
func TestHomeSavedSatkerNotHiddenByFilter(t *testing.T) {
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 80, 24)
	h.keys("/bali[enter]n")
	h.keys("KUA Kecamatan Borobudur[tab][tab]Jawa Tengah")
	h.send(keyCtrlS)
	h.mustSee("5 satker · urut: nama A–Z", "› KUA Kecamatan Borobudur", "✓ Satker baru disimpan: KUA Kecamatan Borobudur")
	if v := homeOf(t, h).filter.Value(); v != "" {
		t.Fatalf("filter %q kept", v)
	}
}

// TestFirstFrameIsTheFullListsFrame: the satker list draws its first frame
// from the satkers' headers and the figures of one screenful, and the full
// list that follows draws the same frame: every row on screen was read.
func TestFirstFrameIsTheFullListsFrame(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(300, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{120, 40}, {60, 15}} {
		h := &harness{t: t, app: New(db, "penguji")}
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		h.hold()
		h.run(h.app.Init())
		init := h.held
		h.held = nil
		for _, cmd := range init { // the first load, and nothing it leads to
			if batch, ok := cmd().(tea.BatchMsg); ok {
				for _, c := range batch {
					if msg := c(); msg != nil {
						h.send(msg)
					}
				}
			}
		}
		first := h.view()
		if len(h.held) != 1 {
			t.Fatalf("after the first frame, %d commands; want the full load", len(h.held))
		}
		h.releaseReversed()
		if full := h.view(); full != first {
			t.Fatalf("%dx%d: the first frame\n%s\ndiffers from the full list's\n%s", size[0], size[1], first, full)
		}
		if !strings.Contains(first, "300 satker") || strings.Count(first, "/113 ") < 5 {
			t.Errorf("%dx%d: the first frame lacks the satkers or their progress:\n%s", size[0], size[1], first)
		}
	}
}

// TestOthersChangesReloadTheListAtMostEveryLiveEvery: on a server every
// commit tells the workbench; the first reloads the list at once, those
// that follow within liveEvery wait for one reload at its end.
func TestOthersChangesReloadTheListAtMostEveryLiveEvery(t *testing.T) {
	db, _ := testDB(t)
	e := seedEvaluation(t, db, "kk-a", "Kantor Kemenag A", model.StagePMPZI)
	in, _ := db.Instrument(e.InstrumentHash)
	qs := in.Questions()
	h := newHarness(t, db, 120, 30)
	answer := func(i int) {
		if _, err := db.SetAnswer(e.ID, qs[i].ID, qs[i].Best(), "budi"); err != nil {
			t.Fatal(err)
		}
	}
	answer(0)
	h.send(Changed{})
	h.mustSee(fmt.Sprintf("1/%d", len(qs)))
	answer(1)
	h.hold()
	h.send(Changed{})
	if strings.Contains(h.view(), fmt.Sprintf("2/%d", len(qs))) || len(h.held) != 1 {
		t.Fatalf("a second change within %s reloaded at once (%d commands held)", liveEvery, len(h.held))
	}
	h.send(Changed{}) // a third: already scheduled
	if len(h.held) != 1 {
		t.Fatalf("%d reloads scheduled; want one", len(h.held))
	}
	start := time.Now()
	h.releaseReversed()
	h.mustSee(fmt.Sprintf("2/%d", len(qs)))
	if waited := time.Since(start); waited > liveEvery+200*time.Millisecond {
		t.Errorf("the scheduled reload came after %s", waited)
	}
}
