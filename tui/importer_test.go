package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// importFixture is an evaluation with two Ya/Tidak questions answered Y,
// and the folder the test reads its files from (the working directory).
type importFixture struct {
	db      *store.DB
	ev      model.Evaluation
	changed *model.Question // the file answers it T
	other   *model.Question // the file leaves it Y
	dir     string
}

func newImportFixture(t *testing.T) *importFixture {
	t.Helper()
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kk-impor", "Kantor Kemenag Kab. Impor", model.StagePMPZI)
	in, _ := model.Builtin(model.DefaultInstrument)
	f := &importFixture{db: db, ev: ev, dir: t.TempDir()}
	for _, q := range in.Questions() {
		if q.Type != model.YesNo {
			continue
		}
		if _, err := db.SetAnswer(ev.ID, q.ID, model.Letter("Y"), "penguji"); err != nil {
			t.Fatal(err)
		}
		if f.changed == nil {
			f.changed = q
		} else {
			f.other = q
			break
		}
	}
	t.Chdir(f.dir)
	return f
}

// csv is the evaluation exported as CSV with the answer of the changed
// question replaced by answer, and extra rows at the end.
func (f *importFixture) csv(t *testing.T, answer string, extra ...string) string {
	t.Helper()
	var b bytes.Buffer
	if err := lke.ExportCSV(f.db, &b, f.ev.ID); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\r\n"), "\r\n")
	for i, l := range lines {
		if cells := strings.Split(l, ","); cells[0] == f.changed.ID {
			cells[2] = answer
			lines[i] = strings.Join(cells, ",")
		}
	}
	return strings.Join(append(lines, extra...), "\r\n") + "\r\n"
}

func (f *importFixture) write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(f.dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bundle is the whole database as bytes: equal bundles, nothing written.
func (f *importFixture) bundle(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := f.db.WriteBundle(&b, ""); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func (f *importFixture) answer(t *testing.T, q *model.Question) model.Value {
	t.Helper()
	as, err := f.db.Answers(f.ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	return as[q.ID].Value
}

// workbook is the evaluation exported as ziwb's own workbook, open to
// be changed before it is saved for the import.
func (f *importFixture) workbook(t *testing.T) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if _, err := lke.ExportWorkbook(f.db, &b, f.ev.ID); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// open goes from the satker list to the import screen of the evaluation.
func (f *importFixture) open(t *testing.T, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, f.db, w, h)
	hs.keys("[enter]")
	hs.mustSee("2026  PMPZI")
	hs.keys("i")
	if _, ok := hs.app.top().(*importScreen); !ok {
		t.Fatalf("i did not open the import screen:\n%s", hs.view())
	}
	return hs
}

// escBack presses esc on the import screen: the chooser is back, and the
// store is still the bundle before.
func (f *importFixture) escBack(t *testing.T, h *harness, before []byte) {
	t.Helper()
	h.keys("[esc]")
	if _, ok := h.app.top().(*chooserScreen); !ok {
		t.Fatalf("esc did not return to the chooser:\n%s", h.view())
	}
	if !bytes.Equal(before, f.bundle(t)) {
		t.Fatal("esc wrote")
	}
}

// A CSV with one changed answer and a row that matches no question: the
// preview lists both, enter saves the change in one action (one undo
// reverts it), and the chooser shows the evaluation again.
func TestImportCSV(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		f := newImportFixture(t)
		f.write(t, "isi.csv", f.csv(t, "T", "tidak.ada,,Y,"))
		h := f.open(t, size.w, size.h)
		h.mustSee("Impor jawaban ke evaluasi 2026 PMPZI", "Berkas: lembar kerja LKE ZI (.xlsx) atau jawaban (.csv)")
		golden(t, "import_ask_"+sizeName(size.w, size.h), h.view())
		h.keys("isi.csv[enter]")
		h.mustSee("1 berubah", "1 dilewati", "0 tidak sah", "BERUBAH (1)", f.changed.Number(), "Y → T", "DILEWATI (1)",
			`pertanyaan "tidak.ada" tidak ada di instrumen`, "enter simpan 1 perubahan; 1 baris yang tidak cocok dilewati")
		golden(t, "import_preview_"+sizeName(size.w, size.h), h.view())
		if got := f.answer(t, f.changed); got != model.Letter("Y") {
			t.Fatalf("the preview saved: %v", got)
		}
		h.keys("[enter]")
		h.mustSee("✓ Tersimpan: 1 jawaban berubah")
		if got, other := f.answer(t, f.changed), f.answer(t, f.other); got != model.Letter("T") || other != model.Letter("Y") {
			t.Fatalf("after the save: %v and %v", got, other)
		}
		h.keys("[enter]")
		if _, ok := h.app.top().(*chooserScreen); !ok {
			t.Fatalf("enter after the save did not return to the chooser:\n%s", h.view())
		}
		h.mustSee("2026  PMPZI")
		if _, err := f.db.Undo(f.ev.ID, "penguji"); err != nil {
			t.Fatal(err)
		}
		if got := f.answer(t, f.changed); got != model.Letter("Y") {
			t.Fatalf("one undo left %v", got)
		}
	}
}

// The evaluation's LKE workbook, edited in a spreadsheet: one answer
// changed, a row with an id no question has.
func TestImportXLSX(t *testing.T) {
	f := newImportFixture(t)
	x := f.workbook(t)
	rows, err := x.GetRows(lke.SheetLKE)
	if err != nil {
		t.Fatal(err)
	}
	ansCol, idCol := -1, -1
	for i, h := range rows[lke.HeaderRow-1] {
		switch h {
		case lke.HeadAnswer:
			ansCol = i
		case lke.HeadID:
			idCol = i
		}
	}
	cell := func(col, row int) string { c, _ := excelize.CoordinatesToCellName(col+1, row); return c }
	for i, r := range rows {
		if idCol < len(r) && r[idCol] == f.changed.ID {
			x.SetCellStr(lke.SheetLKE, cell(ansCol, i+1), "tidak")
		}
	}
	extra := len(rows) + 2
	x.SetCellStr(lke.SheetLKE, cell(idCol, extra), "tidak.ada")
	x.SetCellStr(lke.SheetLKE, cell(ansCol, extra), "Ya")
	if err := x.SaveAs(filepath.Join(f.dir, "lke isi.xlsx")); err != nil {
		t.Fatal(err)
	}
	h := f.open(t, 100, 30)
	h.keys("./lke isi.xlsx[enter]")
	want := fmt.Sprintf(`LKE ZI!%s: "tidak.ada" bukan pertanyaan`, cell(idCol, extra))
	h.mustSee("BERUBAH (1)", f.changed.Number(), "Y → T", "DILEWATI (1)", want)
	h.keys("[enter]")
	h.mustSee("✓ Tersimpan: 1 jawaban berubah")
	if got := f.answer(t, f.changed); got != model.Letter("T") {
		t.Fatalf("after the save: %v", got)
	}
}

// A workbook exported from another satker is refused in the preview with
// the whole refusal, wrapped at 80 columns, not cut: its cell, whose it
// is, and how to import it anyway.
func TestImportAnotherSatkersWorkbook(t *testing.T) {
	f := newImportFixture(t)
	x := f.workbook(t)
	x.SetCellStr(lke.SheetLKE, "A2", "Satker: KUA Kecamatan Lain (kua-lain) · PMPZI 2026 · status draft · target WBK")
	if err := x.SaveAs(filepath.Join(f.dir, "lain.xlsx")); err != nil {
		t.Fatal(err)
	}
	before := f.bundle(t)
	h := f.open(t, 80, 24)
	h.keys("lain.xlsx[enter]")
	h.mustSee("TIDAK SAH (1)", "✗ 1 isian tidak sah")
	want := `LKE ZI!A2: buku kerja ini LKE satker kua-lain, bukan kk-impor; bila isinya memang untuk kk-impor, hapus baris "Satker:" di A2 lalu impor lagi`
	if flat := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(flat, want) {
		t.Fatalf("the refusal is not there whole:\n%s", h.view())
	}
	h.keys("[enter]")
	if !bytes.Equal(before, f.bundle(t)) {
		t.Fatal("another satker's workbook was saved")
	}
}

// A value that is not an answer: the preview names its line, enter saves
// nothing and says why, esc goes back with the store as it was.
func TestImportInvalidSavesNothing(t *testing.T) {
	f := newImportFixture(t)
	f.write(t, "isi.csv", strings.Replace(f.csv(t, "T"), f.other.ID+","+f.other.Number()+",Y", f.other.ID+","+f.other.Number()+",Ya ya", 1))
	before := f.bundle(t)
	h := f.open(t, 80, 24)
	h.keys("isi.csv[enter]")
	h.mustSee("1 berubah", "1 tidak sah", "TIDAK SAH (1)", `"Ya ya" bukan jawaban Ya/Tidak`, "✗ 1 isian tidak sah")
	golden(t, "import_invalid_80x24", h.view())
	h.keys("[enter]")
	h.mustSee("✗ Tidak disimpan: 1 isian tidak sah")
	if !bytes.Equal(before, f.bundle(t)) {
		t.Fatal("enter with a refused value wrote")
	}
	f.escBack(t, h, before)
}

// esc on a valid preview saves nothing.
func TestImportEscSavesNothing(t *testing.T) {
	f := newImportFixture(t)
	f.write(t, "isi.csv", f.csv(t, "T"))
	before := f.bundle(t)
	h := f.open(t, 80, 24)
	h.keys("isi.csv[enter]")
	h.mustSee("enter simpan 1 perubahan")
	f.escBack(t, h, before)
}

// A path that names nothing readable is refused where it was typed.
func TestImportPathRefused(t *testing.T) {
	f := newImportFixture(t)
	f.write(t, "jawaban.json", "{}")
	f.write(t, "rusak.xlsx", "bukan xlsx")
	os.Mkdir(filepath.Join(f.dir, "map.csv"), 0o755)
	h := f.open(t, 80, 24)
	h.keys("[enter]")
	h.mustSee("✗ Tulis jalur berkasnya dulu.")
	h.keys("jawaban.json[enter]")
	h.mustSee(`✗ Jenis berkas ".json" tidak dikenal`)
	h.keys("[ctrl+u]tidak-ada.csv[enter]")
	h.mustSee("✗ berkas "+filepath.Join(f.dir, "tidak-ada.csv")+" tidak ada", "> tidak-ada.csv")
	h.keys("[ctrl+u]map.csv[enter]")
	h.mustSee("adalah folder, bukan berkas")
	h.keys("[ctrl+u]rusak.xlsx[enter]")
	h.mustSee("✗ rusak.xlsx: bukan berkas Excel (.xlsx): isinya bukan arsip zip")
	if home, err := os.UserHomeDir(); err == nil {
		h.keys("[ctrl+u]~/tidak-ada-ziwb.csv[enter]")
		h.mustSee("✗ berkas " + filepath.Join(home, "tidak-ada-ziwb.csv") + " tidak ada")
	}
}

// A final evaluation is locked: the store's refusal is shown, nothing
// changes.
func TestImportFinalRefused(t *testing.T) {
	f := newImportFixture(t)
	if err := finalise(f.db, f.ev.ID, "penguji"); err != nil {
		t.Fatal(err)
	}
	f.write(t, "isi.csv", f.csv(t, "T"))
	before := f.bundle(t)
	h := f.open(t, 120, 40)
	h.keys("isi.csv[enter][enter]")
	h.mustSee("TIDAK TERSIMPAN (1)", "sudah final dan terkunci", "✗ Tidak tersimpan")
	if !bytes.Equal(before, f.bundle(t)) {
		t.Fatal("a refused import wrote")
	}
}

// On the server no file is read where ziwb runs: the chooser says how to
// import over ssh.
func TestImportRemoteRefused(t *testing.T) {
	f := newImportFixture(t)
	h := newHarness(t, f.db, 160, 24)
	h.app.WithoutFiles()
	h.keys("[enter]i")
	if _, ok := h.app.top().(*chooserScreen); !ok {
		t.Fatalf("the import screen opened on the server:\n%s", h.view())
	}
	h.mustSee("Lewat server berkas di komputer Anda tidak terbaca", "import --lke - --satker kk-impor --stage PMPZI --year 2026")
}

// Every size, every step: no line wider than the screen, no more lines
// than its height.
func TestImportSizeSweep(t *testing.T) {
	f := newImportFixture(t)
	f.write(t, "isi.csv", f.csv(t, "Ya ya", "tidak.ada,,Y,"))
	h := f.open(t, 80, 24)
	s := h.app.top().(*importScreen)
	sweep := func(step string) {
		for w := 1; w <= 200; w += 7 {
			for ht := 1; ht <= 45; ht += 4 {
				s.SetSize(w, ht)
				v := s.View()
				if n := strings.Count(v, "\n") + 1; n > ht {
					t.Fatalf("%s %dx%d: %d lines:\n%s", step, w, ht, n, v)
				}
				for _, l := range strings.Split(v, "\n") {
					if lw := lineWidth(l); lw > w {
						t.Fatalf("%s %dx%d: a line %d cells wide: %q", step, w, ht, lw, l)
					}
				}
			}
		}
		s.SetSize(80, 22)
	}
	sweep("ask")
	h.keys("isi.csv[enter]")
	h.mustSee("TIDAK SAH (1)")
	sweep("preview")
	h.keys("b[ctrl+u]")
	f.write(t, "isi.csv", f.csv(t, "T"))
	h.keys("isi.csv[enter][enter]")
	h.mustSee("✓ Tersimpan")
	sweep("done")
}
