package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// x on the scorecard writes the LKE workbook, the answers' CSV or the
// Laporan Hasil Evaluasi where ziwb was started, and says where; a
// served session writes no file and names the command line instead.
func TestScorecardExport(t *testing.T) {
	db, ev := reviewedDB(t)
	dir := t.TempDir()
	t.Chdir(dir)
	h := &harness{t: t, app: New(db, "Rahmat Hidayat")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.send(pushMsg{s: newScorecard(h.app.env, ev.ID)})
	h.keys("x")
	h.mustSee("Ekspor TPI 2026 ke berkas (esc batal):", "1 lembar kerja LKE ZI (.xlsx)", "2 jawaban (.csv)",
		"3 Laporan Hasil Evaluasi (.html)", "4 Laporan Hasil Evaluasi (.md)")
	h.keys("1")
	want := filepath.Join(dir, "lke-kankemenag-magelang-2026-TPI.xlsx")
	h.mustSee("✓ Ditulis ke " + want)
	if fi, err := os.Stat(want); err != nil || fi.Size() == 0 {
		t.Fatalf("workbook: %v", err)
	}
	h.keys("x2")
	if data, err := os.ReadFile(filepath.Join(dir, "lke-kankemenag-magelang-2026-TPI.csv")); err != nil || !strings.Contains(string(data), "mp.pemenuhan.2") {
		t.Fatalf("csv: %v\n%s", err, data)
	}

	h.keys("x3")
	want = filepath.Join(dir, "lhe-kankemenag-magelang-2026-TPI.html")
	h.mustSee("✓ Ditulis ke " + want)
	lheHas(t, db, want, ev.ID, `<td class="num">`)
	h.keys("x4")
	lheHas(t, db, filepath.Join(dir, "lhe-kankemenag-magelang-2026-TPI.md"), ev.ID, "| ")

	h.keys("x[esc]")
	if v := h.view(); strings.Contains(v, "Ekspor TPI 2026") || strings.Contains(v, "Ditulis ke") {
		t.Fatalf("esc left the menu or the notice:\n%s", v)
	}
	if files, _ := os.ReadDir(dir); len(files) != 4 {
		t.Fatalf("esc wrote a file: %v", files)
	}

	remote := &harness{t: t, app: New(db, "Rahmat Hidayat").WithoutFiles()}
	remote.run(remote.app.Init())
	remote.send(tea.WindowSizeMsg{Width: 200, Height: 30})
	remote.send(pushMsg{s: newScorecard(remote.app.env, ev.ID)})
	remote.keys("x")
	remote.mustSee("Lewat server tidak ada berkas yang ditulis di sini; perintah ssh untuk TPI 2026")
	remote.keys("3")
	remote.mustSee("Lewat server tidak ada berkas yang ditulis di sini: jalankan ssh … report lhe --format html --satker kankemenag-magelang --year 2026 --stage TPI > lhe-kankemenag-magelang-2026-TPI.html")
	if files, _ := os.ReadDir(dir); len(files) != 4 {
		t.Fatalf("the served session wrote a file: %v", files)
	}
}

// x on an evaluation in the chooser offers the same formats for the
// evaluation selected, not the newest.
func TestChooserExport(t *testing.T) {
	db, ev := reviewedDB(t)
	dir := t.TempDir()
	t.Chdir(dir)
	h := newHarness(t, db, 120, 30)
	h.keys("[enter]") // the only satker
	h.mustSee("› 2026  TPI", "2026  PMPZI")
	h.keys("[down]x")
	h.mustSee("Ekspor PMPZI 2026 ke berkas (esc batal):", "3 Laporan Hasil Evaluasi (.html)")
	h.keys("3")
	want := filepath.Join(dir, "lhe-kankemenag-magelang-2026-PMPZI.html")
	h.mustSee("✓ Ditulis ke " + want)
	lheHas(t, db, want, model.EvaluationID(ev.SatkerID, ev.Year, model.StagePMPZI), `<td class="num">`)

	h.keys("[up]x4")
	lheHas(t, db, filepath.Join(dir, "lhe-kankemenag-magelang-2026-TPI.md"), ev.ID, "| ")

	h.keys("x")
	if help := h.view(); strings.Contains(help, "enter buka") || !strings.Contains(help, "esc batal") {
		t.Fatalf("the help line under the menu:\n%s", help)
	}
	h.keys("[esc]")
	h.mustSee("› 2026  TPI", "enter buka")
	if files, _ := os.ReadDir(dir); len(files) != 2 {
		t.Fatalf("esc wrote a file: %v", files)
	}

	remote := &harness{t: t, app: New(db, "Rahmat Hidayat").WithoutFiles()}
	remote.run(remote.app.Init())
	remote.send(tea.WindowSizeMsg{Width: 200, Height: 30})
	remote.keys("[enter][down]x3")
	remote.mustSee("jalankan ssh … report lhe --format html --satker kankemenag-magelang --year 2026 --stage PMPZI > lhe-kankemenag-magelang-2026-PMPZI.html")
}

// lheHas checks that the report at path names the satker and carries the
// evaluation's total as the LHE's table writes it (after cell).
func lheHas(t *testing.T, db *store.DB, path, evalID, cell string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc, _, err := db.Scorecard(evalID)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Total == 0 {
		t.Fatalf("%s scores 0: the total would prove nothing", evalID)
	}
	text := string(data)
	for _, s := range []string{"Kantor Kemenag Kabupaten Magelang", "Nilai total", cell + model.Points(sc.Total)} {
		if !strings.Contains(text, s) {
			t.Fatalf("%s lacks %q:\n%s", path, s, text)
		}
	}
}

// With the menu open, the scorecard and the chooser fit every size.
func TestExportMenuSizeSweep(t *testing.T) {
	db, ev := reviewedDB(t)
	h := newHarness(t, db, 80, 24)
	h.keys("[enter]x")
	h.mustSee("Ekspor TPI 2026")
	chooser := h.app.top()
	sweepSizes(func(width, height int) { checkFits(t, h, chooser, width, height, "chooser") })

	h = newHarness(t, db, 80, 24)
	sc := newScorecard(h.app.env, ev.ID)
	h.send(pushMsg{s: sc})
	h.keys("x")
	h.mustSee("Ekspor TPI 2026")
	sweepSizes(func(width, height int) { checkFits(t, h, sc, width, height, "scorecard") })
}
