package lke

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

var fixedNow = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// demoDB is a database with the demo set.
func demoDB(t testing.TB) *store.DB {
	t.Helper()
	return demoDBAt(t, fixedNow)
}

// demoDBAt is a database in t.TempDir() with the named demo data, made
// and stamped at now.
func demoDBAt(t testing.TB, now time.Time) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "ziwb.db"), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Demo(0, now); err != nil {
		t.Fatal(err)
	}
	return db
}

// bundleOf is the whole database as bytes: equal bundles, nothing written.
func bundleOf(t testing.TB, db *store.DB) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := db.WriteBundle(&b, ""); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// allEvals is every evaluation of every satker in db, satker by satker.
func allEvals(t testing.TB, db *store.DB) []model.Evaluation {
	t.Helper()
	ss, err := db.Satkers()
	if err != nil {
		t.Fatal(err)
	}
	var all []model.Evaluation
	for _, s := range ss {
		evals, err := db.Evaluations(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, evals...)
	}
	return all
}

// richestEval is the demo evaluation with the most answers and notes.
func richestEval(t testing.TB, db *store.DB) model.Evaluation {
	t.Helper()
	var best model.Evaluation
	most := -1
	for _, e := range allEvals(t, db) {
		as, err := db.Answers(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := len(as)
		for _, a := range as {
			if a.Note != "" {
				n += 10
			}
		}
		if n > most {
			best, most = e, n
		}
	}
	return best
}

func newSatker(t testing.TB, db *store.DB, from, id string) {
	t.Helper()
	s, err := db.Satker(from)
	if err != nil {
		t.Fatal(err)
	}
	s.ID, s.Name = id, s.Name+" (salinan)"
	if _, err := db.CreateSatker(s, "uji"); err != nil {
		t.Fatal(err)
	}
}

func exportCSV(t testing.TB, db *store.DB, evalID string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ExportCSV(db, &b, evalID); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func importFile(t testing.TB, db *store.DB, name string, data []byte, satker string, stage model.Stage, year int,
	read func(string, []byte, *model.Instrument) (File, error)) (Result, error) {
	t.Helper()
	in, err := Target(db, satker, stage, year)
	if err != nil {
		t.Fatal(err)
	}
	f, err := read(name, data, in)
	if err != nil {
		return Result{}, err
	}
	return Import(db, f, satker, stage, year, "uji")
}

// TestRoundTrip exports an evaluation as CSV and as the LKE workbook and
// imports each into another satker: the same answers, notes and total.
func TestRoundTrip(t *testing.T) {
	for _, c := range []struct {
		format, file string
		export       func(testing.TB, *store.DB, string) []byte
		read         func(string, []byte, *model.Instrument) (File, error)
	}{
		{"csv", "jawaban.csv", exportCSV, ReadCSV},
		{"xlsx", "lke.xlsx", exportXLSXAnySatker, ReadLKE},
	} {
		t.Run(c.format, func(t *testing.T) {
			db := demoDB(t)
			src := richestEval(t, db)
			data := c.export(t, db, src.ID)
			copyID := "salinan-" + c.format
			newSatker(t, db, src.SatkerID, copyID)
			res, err := importFile(t, db, c.file, data, copyID, src.Stage, src.Year, c.read)
			if err != nil {
				t.Fatal(err)
			}
			if res.Answers.Added == 0 {
				t.Fatalf("nothing added: %+v", res)
			}
			dst := model.EvaluationID(copyID, src.Year, src.Stage)
			want, _ := db.Answers(src.ID)
			got, _ := db.Answers(dst)
			notes := 0
			for qid, w := range want {
				g := got[qid]
				if g.Value != w.Value || g.Note != w.Note {
					t.Errorf("%s: got %v %q, want %v %q", qid, g.Value, g.Note, w.Value, w.Note)
				}
				if w.Note != "" {
					notes++
				}
			}
			if len(got) != len(want) || notes == 0 || res.Notes != notes {
				t.Errorf("got %d answers, want %d; %d notes written, %d in the source", len(got), len(want), res.Notes, notes)
			}
			sw, _, err := db.Scorecard(src.ID)
			if err != nil {
				t.Fatal(err)
			}
			sg, _, err := db.Scorecard(dst)
			if err != nil {
				t.Fatal(err)
			}
			if sw.Total != sg.Total {
				t.Errorf("total %v, want %v", sg.Total, sw.Total)
			}
			// The same file again changes nothing.
			res, err = importFile(t, db, c.file, data, copyID, src.Stage, src.Year, c.read)
			if err != nil || res.Changed() {
				t.Errorf("second import: %+v, %v", res, err)
			}
			if c.format != "csv" {
				return
			}
			if !bytes.HasPrefix(data, []byte("id,nomor,jawaban,nilai,skor,catatan\r\n")) {
				t.Fatalf("header: %q", data[:min(len(data), 60)])
			}
			if again := exportCSV(t, db, dst); !bytes.Equal(again, data) {
				t.Errorf("the copy exports differently:\n%s\nwant\n%s", again, data)
			}
		})
	}
}

func exportXLSX(t testing.TB, db *store.DB, evalID string) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := ExportWorkbook(db, &b, evalID); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// exportXLSXAnySatker is exportXLSX with the "Satker:" line cleared, as
// the refusal to import another satker's workbook tells the person to
// do: the workbook then goes into any satker.
func exportXLSXAnySatker(t testing.TB, db *store.DB, evalID string) []byte {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(exportXLSX(t, db, evalID)))
	if err != nil {
		t.Fatal(err)
	}
	if err := xf.SetCellStr(SheetLKE, "A2", ""); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xf.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A workbook exported from one satker is refused in another's evaluation,
// by the import and by its preview, with the cell that says whose it is;
// nothing is written. In its own satker it imports.
func TestAnotherSatkersWorkbookIsRefused(t *testing.T) {
	db := demoDB(t)
	src := richestEval(t, db)
	data := exportXLSX(t, db, src.ID)
	newSatker(t, db, src.SatkerID, "satker-lain")
	in, _ := Target(db, src.SatkerID, src.Stage, src.Year)
	other, err := db.CreateEvaluation(model.Evaluation{SatkerID: "satker-lain", Year: src.Year, Stage: src.Stage}, in, "uji")
	if err != nil {
		t.Fatal(err)
	}
	before := bundleOf(t, db)
	_, err = importFile(t, db, "lke.xlsx", data, "satker-lain", src.Stage, src.Year, ReadLKE)
	want := "LKE ZI!A2: buku kerja ini LKE satker " + src.SatkerID + ", bukan satker-lain"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("another satker's workbook: %v; want a refusal saying %q", err, want)
	}
	if !bytes.Equal(before, bundleOf(t, db)) {
		t.Fatal("the refused workbook changed the database")
	}
	f, err := ReadLKE("lke.xlsx", data, in)
	if err != nil || f.Satker != src.SatkerID {
		t.Fatalf("read: satker %q, %v", f.Satker, err)
	}
	p, err := PreviewImport(db, f, other.ID, "uji")
	if err != nil || p.Savable() || !strings.Contains(p.Invalid.Error(), want) {
		t.Errorf("the preview of another satker's workbook: savable %v, %v, %v", p.Savable(), p.Invalid, err)
	}
	if p, err := PreviewImport(db, f, src.ID, "uji"); err != nil || strings.Contains(p.Invalid.Error(), "A2") {
		t.Errorf("the preview in its own satker: %v, %v", p.Invalid, err)
	}
}

func TestReadCSVTyping(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	data := "\ufeffNomor;Jawaban;Catatan;Lain\r\n" +
		"1.i.a;ya;\"catatan; dengan titik koma\"\r\n" +
		"1.I.B; a. ;\r\n" +
		"R1.i.a;0,8;\r\n" +
		"r1.i.b;75 %;\r\n" +
		"R3.iii.a;3/4;\r\n" +
		"H.I.a;3,41;\r\n" +
		"1.ii.a;;\r\n"
	f, err := ReadCSV("x.csv", []byte(data), in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]model.Value{
		"mp.pemenuhan.1": model.Letter("Y"), "mp.pemenuhan.2": model.Letter("A"), "mp.reform.1": model.Num(80),
		"mp.reform.2": model.Num(75), "sdm.reform.3": model.Num(75), "hasil.ipak": model.Num(3.41), "mp.pemenuhan.3": {},
	}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries: %+v", len(f.Entries), f.Entries)
	}
	for _, e := range f.Entries {
		if w, ok := want[e.Question]; !ok || e.Value != w || !e.Answer {
			t.Errorf("%s (%s, line %d): %v, want %v", e.Question, e.Number, e.Line, e.Value, w)
		}
	}
	if f.Entries[0].Note != "catatan; dengan titik koma" || !f.Entries[0].HasNote {
		t.Errorf("note: %q", f.Entries[0].Note)
	}
}

func TestReadCSVErrors(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	data := "id,nomor,jawaban,catatan\n" +
		"mp.pemenuhan.1,,Ya ya,\n" + // 2
		"mp.pemenuhan.2,1.i.b,F,\n" + // 3
		"tidak.ada,,A,\n" + // 4
		",9.ix.z,A,\n" + // 5
		"mp.pemenuhan.1,,Y,\n" + // 6: twice
		"mp.reform.1,,120%,\n" + // 7
		"mp.reform.2,,8/0,\n" + // 8
		"hasil.ipak,,5,\n" + // 9
		"mp.pemenuhan.3,1.i.a,Y,\n" + // 10: id and number disagree
		",,,\n" + // blank row: fine
		"mp.pemenuhan.4,,\"B\n" // 12: open quote
	_, err := ReadCSV("x.csv", []byte(data), in)
	es, ok := model.AsFileErrors(err)
	if !ok {
		t.Fatalf("err = %v", err)
	}
	wantLines := []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 12}
	if len(es) != len(wantLines) {
		t.Fatalf("%d errors, want %d:\n%v", len(es), len(wantLines), err)
	}
	for i, e := range es {
		if e.Line != wantLines[i] || e.File != "x.csv" {
			t.Errorf("error %d at %s:%d, want line %d: %s", i, e.File, e.Line, wantLines[i], e.Msg)
		}
	}
	f, _ := ReadCSV("x.csv", []byte(data), in)
	if len(f.Skipped) != 2 || f.Skipped[0].Line != 4 || f.Skipped[1].Line != 5 || len(f.Invalid) != len(wantLines)-2 {
		t.Errorf("skipped %v\ninvalid %v", f.Skipped, f.Invalid)
	}
	for _, frag := range []string{`"Ya ya" bukan jawaban Ya/Tidak`, `"F" bukan pilihan A/B/C`, `"tidak.ada" tidak ada`, `"9.ix.z" tidak cocok`,
		"pertama di baris 2", `"120%" di luar 0–100%`, "penyebut nol", `"5" di luar rentang 0–4`, "tidak cocok dengan pertanyaan mp.pemenuhan.3", "tanda kutip"} {
		if !strings.Contains(err.Error(), frag) {
			t.Errorf("no %q in\n%v", frag, err)
		}
	}
	for _, bad := range []string{"", "a,b\n1,2\n", "nomor\n1.i.a\n"} {
		if _, err := ReadCSV("y.csv", []byte(bad), in); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A refused file is reported at its own line, and nothing is saved.
func TestImportCSVRefusedSavesNothing(t *testing.T) {
	db := demoDB(t)
	src := richestEval(t, db)
	newSatker(t, db, src.SatkerID, "salinan-csv")
	before := bundleOf(t, db)
	data := "id,jawaban\nmp.pemenuhan.1,Y\nmp.pemenuhan.2,Q\n"
	_, err := importFile(t, db, "j.csv", []byte(data), "salinan-csv", "", 0, ReadCSV)
	es, ok := model.AsFileErrors(err)
	if !ok || len(es) != 1 || es[0].Line != 3 {
		t.Fatalf("err = %v", err)
	}
	if !bytes.Equal(before, bundleOf(t, db)) {
		t.Error("a refused file changed the database")
	}
	if _, err := Target(db, "tidak-ada", "", 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown satker: %v", err)
	}
}

// What the store reports at a line of the JSON Import hands it comes back
// at the file's own line or cell.
func TestRelocate(t *testing.T) {
	f := File{Name: "f", Entries: []Entry{{Question: "a", Answer: true, Line: 7}, {Question: "b"}, {Question: "c", Answer: true, Line: 9, Cell: "LKE ZI!E9"}}}
	_, lines := f.answersJSON()
	err := relocate(model.FileErrors{{File: "f", Line: 1, Msg: "berkas"}, {File: "f", Line: 2, Msg: "satu"}, {File: "f", Line: 3, Msg: "dua"}}, f, lines)
	if got := err.Error(); got != "f: berkas\nf:7: satu\nf: LKE ZI!E9: dua" || !errors.Is(err, store.ErrInvalid) {
		t.Errorf("got %q", got)
	}
}
