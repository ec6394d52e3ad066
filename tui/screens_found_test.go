package tui

// Defects a pass over every screen at every size found: keys offered
// where they do nothing, words cut where there is room. Each test failed
// before its fix.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// An evaluation that meets its target has no drafts: the screen says so
// and offers esc, not keys to accept, edit or discard drafts it has not.
func TestDraftsWithoutDraftsOfferOnlyBack(t *testing.T) {
	pinReviewClock(t)
	db, _ := clockDB(t)
	ev := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	answerAllBut(t, db, ev.ID, "none") // every answer its best
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("rn")
	h.mustSee("tidak ada draf")
	for _, screen := range []string{"", "?"} {
		h.keys(screen)
		v := h.view()
		for _, offered := range []string{"terima", "buang", "draf berikut", "draf sebelum"} {
			if strings.Contains(v, offered) {
				t.Errorf("with no drafts the screen offers %q:\n%s", offered, v)
			}
		}
		if !strings.Contains(v, "esc kembali") {
			t.Errorf("with no drafts the screen does not offer esc:\n%s", v)
		}
	}
}

// The evidence list offers to change, check and delete evidence only
// when there is some; empty, it offers to add.
func TestEvidenceListOffersOnlyWhatApplies(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StagePMPZI)
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("v")
	h.mustSee("a tambah eviden")
	inapplicable := []string{"ubah eviden", "tandai diperiksa", "hapus eviden"}
	for _, screen := range []string{"", "?"} {
		h.keys(screen)
		for _, offered := range inapplicable {
			if strings.Contains(h.view(), offered) {
				t.Errorf("with no evidence the list offers %q:\n%s", offered, h.view())
			}
		}
	}
	h.keys("[esc]") // closes the overview
	h.keys("aSK Tim ZI[tab]nomor 12/2026[enter]")
	h.mustSee("SK Tim ZI")
	for _, offered := range inapplicable {
		h.mustSee(offered)
	}
}

// A screen whose esc says more than "kembali" (the import preview: back
// without saving) lists esc once in its overview, not once more as the
// workbench's own.
func TestOverviewListsEscOnce(t *testing.T) {
	f := newImportFixture(t)
	f.write(t, "isi.csv", f.csv(t, "T"))
	h := f.open(t, 80, 30)
	h.keys("isi.csv[enter]")
	h.mustSee("BERUBAH (1)")
	h.keys("?")
	h.mustSee("Semua tombol", "esc kembali tanpa menyimpan")
	n := 0
	for _, l := range strings.Split(h.view(), "\n") {
		for _, cell := range strings.Split(l, "  ") {
			if strings.HasPrefix(strings.TrimSpace(cell), "esc ") || strings.TrimSpace(cell) == "esc" {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("esc listed %d times:\n%s", n, h.view())
	}
}

// The scorecard of one review level says which level it is and how to
// go on (l) in full at the smallest window: the line wraps, not cut.
func TestScorecardLevelLineWrapsAtSixty(t *testing.T) {
	db, ev := reviewedDB(t)
	h := &harness{t: t, app: New(db, "Rahmat Hidayat")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.send(pushMsg{s: newWalk(h.app.env, ev.ID)})
	h.keys("sl")
	h.mustSee("Tingkat Anggota Tim")
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "(l: tingkat berikut)") {
		t.Errorf("the level line is cut:\n%s", h.view())
	}
}

// A one-line field follows a resize: shrunk, it still shows the text
// before the cursor within the screen; grown, it shows the whole text it
// now has room for, not the few cells it showed before.
func TestFieldFollowsResize(t *testing.T) {
	db, _ := testDB(t)
	const name = "Madrasah Tsanawiyah Negeri 1 Kabupaten Minahasa"
	h := newHarness(t, db, 60, 15)
	h.keys("n" + name)
	nameLine := func() string {
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.Contains(l, "Nama satker") {
				return strings.TrimRight(l, " ")
			}
		}
		t.Fatalf("no name field:\n%s", h.view())
		return ""
	}
	h.send(tea.WindowSizeMsg{Width: 200, Height: 30})
	if l := nameLine(); !strings.Contains(l, name) {
		t.Errorf("grown to 200 columns, the field shows %q", l)
	}
	h = newHarness(t, db, 200, 30)
	h.keys("n" + name)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	f := topOf[*satkerForm](t, h, "the satker form")
	if l := nameLine(); !strings.HasSuffix(l, "Minahasa") || ansi.StringWidth(f.inputs[sfName].View()) > f.inputW() {
		t.Errorf("shrunk to 60 columns, the field shows %q, %d cells for %d", l, ansi.StringWidth(f.inputs[sfName].View()), f.inputW())
	}
}

// The fields a screen opens at its foot (the chooser's team, the walk's
// reason for a step back) follow a resize too: shrunk, the text before
// the cursor still shows, within the screen.
func TestFootFieldsFollowResize(t *testing.T) {
	db, _ := testDB(t)
	seedFew(t, db)
	const team = "ani (anggota), budi (anggota), citra (ketua), dodi (pengendali)"
	h := newHarness(t, db, 200, 30)
	h.keys("[enter]t")
	for range 60 {
		h.send(keyBack)
	}
	h.keys(team)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	c := topOf[*chooserScreen](t, h, "the chooser")
	if v := c.team.field.View(); ansi.StringWidth(v) > 60 || !strings.Contains(v, "(pengendali)") {
		t.Errorf("the team field at 60 columns: %q", ansi.Strip(v))
	}

	db2, ev := reviewedDB(t)
	h = &harness{t: t, app: New(db2, "Rahmat Hidayat")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 200, Height: 30})
	w := newWalk(h.app.env, ev.ID).(*walkScreen)
	h.send(pushMsg{s: w})
	h.keys("p2")
	if w.prompt == nil || w.prompt.reason == nil {
		t.Fatalf("no reason asked:\n%s", h.view())
	}
	h.keys(strings.Repeat("Eviden belum lengkap. ", 6) + "AKHIR")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	if v := w.prompt.reason.View(); ansi.StringWidth(v) > 60 || !strings.Contains(v, "AKHIR") {
		t.Errorf("the reason field at 60 columns: %q", ansi.Strip(v))
	}
}

// At 200 columns the satker list and the dashboard have room to spare: a
// region as long as Kab. Minahasa Tenggara, Sulawesi Utara shows whole.
func TestHomeWideShowsWholeRegion(t *testing.T) {
	db, _ := testDB(t)
	addSatker(t, db, model.Satker{ID: "kua-tombatu", Name: "KUA Kecamatan Tombatu", Kind: model.KUA,
		Province: "Sulawesi Utara", Regency: "Kabupaten Minahasa Tenggara", Target: model.WBK})
	h := newHarness(t, db, 200, 60)
	h.mustSee("KUA Kecamatan Tombatu")
	if v := h.view(); !strings.Contains(v, "Minahasa Tenggara, Sulawesi Utara") {
		t.Errorf("the region is cut at 200 columns:\n%s", v)
	}
	h.keys("b")
	topOf[*dashboardScreen](t, h, "the dashboard")
	if v := h.view(); !strings.Contains(v, "Minahasa Tenggara, Sulawesi Utara") {
		t.Errorf("the dashboard cuts the region at 200 columns:\n%s", v)
	}
}

// The recommendation's detail pane wraps every line at the smallest
// window: its status line ("! tenggat … — lewat 65 hari") and its last
// line (who made and changed it) lost their ends at 60 columns.
func TestReviewDetailWrapsAtSixty(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(0, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, db, 60, 24)
	h.keys("r")
	r := topOf[*reviewScreen](t, h, "the recommendations")
	for range r.shown {
		it := r.selected()
		text := r.detailText(it)
		for _, l := range strings.Split(text, "\n") {
			if w := ansi.StringWidth(l); w > 60 {
				t.Fatalf("%s: a line of %d cells in a pane of 60: %q", it.rek.ID, w, ansi.Strip(l))
			}
		}
		if flat := strings.Join(strings.Fields(ansi.Strip(text)), " "); !strings.Contains(flat, "oleh "+it.rek.UpdatedBy) {
			t.Fatalf("%s: the pane lacks who changed it last:\n%s", it.rek.ID, ansi.Strip(text))
		}
		h.keys("j")
	}
}

// A number or percentage question says what it accepts in full at the
// smallest window: the hint wraps rather than losing "mis. 8/10".
func TestWalkAcceptedHintWrapsAtSixty(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StageTPI)
	h, _ := openWalk(t, db, ev.ID, 60, 15)
	w := topOf[*walkScreen](t, h, "the walk")
	goTo(t, h, w, "ak.reform.1") // a percentage
	if flat := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(flat, "mis. 8/10))") {
		t.Errorf("the accepted answers are cut:\n%s", h.view())
	}
}

// The recommendation forms' title line, with its keys, is cut with "…"
// at the smallest window, not mid-word at the edge.
func TestRekFormTitleCutWithEllipsis(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PriorityTinggi, date(2027, 1, 1))
	h := newHarness(t, db, 60, 24)
	h.keys("rt")
	for _, l := range strings.Split(h.view(), "\n") {
		if l = strings.TrimRight(l, " "); strings.HasPrefix(l, "Tindak lanjut baru") && !strings.HasSuffix(l, "esc batal") && !strings.HasSuffix(l, "…") {
			t.Errorf("the form's title line is cut unsaid: %q", l)
		}
	}
}

// While the window is too small the workbench shows only how to grow
// it: keys typed then do nothing unseen (here d then y would have
// deleted the selected satker), and ctrl+c still quits.
func TestTooSmallWindowIgnoresKeys(t *testing.T) {
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 80, 24)
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.mustSee("Jendela terlalu kecil")
	h.keys("dy")
	h.send(tea.PasteMsg{Content: "dy"})
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if all, _ := db.Satkers(); len(all) != 4 {
		t.Fatalf("keys typed while the window was too small deleted a satker: %d left", len(all))
	}
	if _, ok := h.app.top().(*homeScreen); !ok || strings.Contains(h.view(), "Hapus ") {
		t.Fatalf("keys typed while the window was too small acted:\n%s", h.view())
	}
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.keys("[ctrl+c]")
	if !h.quit {
		t.Fatal("ctrl+c did not quit while the window was too small")
	}
}

// A note longer than the editor's typing limit (imported from a file,
// or set with the CLI) is not cut by opening it: esc saved the first
// 4,000 cells of it, and a note in CJK script at half as many characters.
func TestLongNoteSurvivesTheEditor(t *testing.T) {
	for _, long := range []string{strings.Repeat("abcdefghij", 500), strings.Repeat("中文", 1250) + "\nakhir"} {
		db, _ := testDB(t)
		ev := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StageTPI)
		if _, err := db.SetNote(ev.ID, "mp.pemenuhan.1", long, "penguji"); err != nil {
			t.Fatal(err)
		}
		h, _ := openWalk(t, db, ev.ID, 80, 24)
		h.keys("n[esc]")
		h.keys("nX[esc]")
		as, _ := db.Answers(ev.ID)
		if got := as["mp.pemenuhan.1"].Note; got != long+"X" && got != "X"+long {
			t.Errorf("a note of %d characters is %d after the editor", len([]rune(long)), len([]rune(got)))
		}
	}
}

// A team set elsewhere (the CLI's evaluasi tim) longer than the team
// field's typing limit opens whole in the chooser's t, and enter keeps it.
func TestLongTeamSurvivesTheField(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StagePMPZI)
	var team model.Team
	for i, lv := range []model.Level{model.Anggota, model.Anggota, model.Anggota, model.Anggota, model.Anggota, model.Ketua, model.Pengendali} {
		team = append(team, model.Member{Name: fmt.Sprintf("Dr. H. Muhammad Abdurrahman Wahid Nomor %d M.Si.", i+1), Level: lv})
	}
	if _, err := db.SetTeam(ev.ID, team, "penguji"); err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(team.String())); n <= 300 {
		t.Fatalf("the team is only %d characters", n)
	}
	h := newHarness(t, db, 120, 30)
	h.keys("[enter]t[enter]")
	got, err := db.Evaluation(ev.ID)
	if err != nil || got.Team.String() != team.String() {
		t.Errorf("team after t and enter: %q, %v\nwas %q", got.Team.String(), err, team.String())
	}
}

// Editing a satker whose name is longer than the form's typing limit
// (made by an import) and saving another field keeps the name whole.
func TestLongSatkerNameSurvivesTheForm(t *testing.T) {
	db, _ := testDB(t)
	long := model.Satker{ID: "madrasah-panjang", Name: "Madrasah Aliyah Negeri " + strings.Repeat("Insan Cendekia ", 9) + "Kabupaten Minahasa Tenggara",
		Kind: model.Madrasah, Province: "Sulawesi Utara", Target: model.WBK}
	if n := len([]rune(long.Name)); n <= 120 {
		t.Fatalf("the name is only %d characters", n)
	}
	addSatker(t, db, long)
	h := newHarness(t, db, 120, 30)
	h.keys("e")
	topOf[*satkerForm](t, h, "the satker form")
	h.keys("[shift+tab][right][ctrl+s]") // the target, WBK → WBBM
	got, err := db.Satker(long.ID)
	if err != nil || got.Target != model.WBBM || got.Name != long.Name {
		t.Errorf("after saving the target: %q (%d characters), target %s, %v", got.Name, len([]rune(got.Name)), got.Target, err)
	}
}

// The note editor paints no background: bubbles' text area gives the
// line being typed a black one (its dark default), which on a light
// terminal hid what was typed, black on black.
func TestNoteEditorHasNoBackground(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-uji", "KUA Kecamatan Uji", model.StageTPI)
	h, _ := openWalk(t, db, ev.ID, 80, 30)
	h.send(tea.BackgroundColorMsg{Color: lipgloss.Color("#ffffff")}) // a light terminal
	h.keys("nbaris yang diketik")
	for _, l := range strings.Split(h.app.render(), "\n") {
		if !strings.Contains(ansi.Strip(l), "baris yang diketik") {
			continue
		}
		for _, bg := range []string{"[40m", ";40m", "[48;", ";48;", "[100m", "[107m"} {
			if strings.Contains(l, bg) {
				t.Errorf("the line being typed has a background (%q): %q", bg, l)
			}
		}
		return
	}
	t.Fatalf("the typed line is not on screen:\n%s", h.view())
}

// The scorecard gives its component names the cells its columns leave:
// at 60 columns "Penataan …" stood for both Penataan Tatalaksana and
// Penataan Sistem Manajemen SDM, with seven cells unused at the right.
func TestScorecardNamesUseTheRoom(t *testing.T) {
	db, ev := reviewedDB(t)
	h := &harness{t: t, app: New(db, "Rahmat Hidayat")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 60, Height: 40})
	h.send(pushMsg{s: newWalk(h.app.env, ev.ID)})
	h.keys("s")
	h.mustSee("KOMPONEN", "Penataan Tata", "Penataan Sist", "Penguatan Akun", "Penguatan Peng")
	for _, l := range strings.Split(h.view(), "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("a line wider than the screen: %q", l)
		}
	}
}

// The new-evaluation form keeps a typed team from a single esc, as the
// satker form keeps its changes: esc asks once, a second esc discards.
func TestEvalFormEscAsksBeforeDroppingATeam(t *testing.T) {
	chooserNow = fixedNow(2026)
	t.Cleanup(func() { chooserNow = timeNow })
	db, _ := testDB(t)
	seedFew(t, db)
	h := newHarness(t, db, 80, 24)
	h.keys("[enter]n[esc]") // nothing typed: esc closes at once
	if c := topOf[*chooserScreen](t, h, "the chooser"); c.form != nil {
		t.Fatal("esc on an untouched form left it open")
	}
	h.keys("n")
	c := topOf[*chooserScreen](t, h, "the chooser")
	for c.form.focus != efTeam {
		h.keys("[tab]")
	}
	h.keys("ani (anggota), budi (ketua)[esc]")
	if c.form == nil {
		t.Fatal("one esc dropped the team typed")
	}
	h.mustSee("Tekan esc lagi untuk membuang")
	h.keys("[esc]")
	if c.form != nil {
		t.Fatal("a second esc did not close the form")
	}
}
