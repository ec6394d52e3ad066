package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// rekFixture is a database with two satkers and five recommendations in
// known states, on nodes of three areas of one evaluation (two in the same
// area) and one of another satker's.
type rekFixture struct {
	path string
	in   *model.Instrument
}

func newRekFixture(t *testing.T) rekFixture {
	t.Helper()
	in, ok := model.Builtin(model.DefaultInstrument)
	if !ok {
		t.Skip("no default built-in instrument")
	}
	for _, id := range []string{"mp", "ak", "pp", "sdm", "mp.pemenuhan.1", "pp.pemenuhan.1"} {
		if !nodeOrQuestion(in, id) {
			t.Skipf("the default instrument has no %s", id)
		}
	}
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db := mustOpen(t, path, false)
	defer db.Close()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.CreateSatker(model.Satker{ID: "kankemenag-uji", Name: "Kantor Kemenag Uji", Kind: model.Kankemenag, Province: "Jawa Tengah", Target: model.WBK}, "x"))
	must(db.CreateSatker(model.Satker{ID: "kua-uji", Name: "KUA Uji", Kind: model.KUA, Province: "Jawa Tengah", Target: model.WBK}, "x"))
	must(db.CreateEvaluation(model.Evaluation{SatkerID: "kankemenag-uji", Year: 2026, Stage: model.StageTPI}, in, "x"))
	must(db.CreateEvaluation(model.Evaluation{SatkerID: "kua-uji", Year: 2026, Stage: model.StagePMPZI}, in, "x"))
	date := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	add := func(evalID, node, text string, p model.Priority, due string) string {
		t.Helper()
		r, err := db.CreateRekomendasi(model.Rekomendasi{EvaluationID: evalID, Node: node, Text: text, Priority: p, Due: date(due)}, "tpi.uji")
		if err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	// Given out of the instrument's order, so the export has to sort.
	add("kankemenag-uji/2026/TPI", "pp", "Standar pelayanan belum dimaklumatkan.\nMaklumatkan di ruang layanan.", model.PriorityTinggi, "2026-06-30")
	r2 := add("kankemenag-uji/2026/TPI", "mp.pemenuhan.1", "SK Tim Kerja ZI belum ditandatangani.", model.PrioritySedang, "2026-05-31")
	r3 := add("kankemenag-uji/2026/TPI", "ak", "Perjanjian kinerja belum dipantau berkala.", model.PriorityRendah, "2026-07-15")
	r4 := add("kankemenag-uji/2026/TPI", "pp.pemenuhan.1", "Reviu standar pelayanan setiap tahun.", model.PrioritySedang, "2026-08-01")
	add("kua-uji/2026/PMPZI", "sdm", "Rencana kebutuhan pegawai belum disusun.", model.PriorityTinggi, "2026-09-30")

	must(db.SetRekStatus(r2, model.RekDikerjakan, "", "pic.uji"))
	must(db.AddTindakLanjut(r2, model.TindakLanjut{Date: date("2026-04-15"), Text: "SK sudah diajukan ke pimpinan.",
		Evidence: []model.Evidence{{Title: "Surat pengajuan", Location: "B-12/2026"}}}, "pic.uji"))
	must(db.SetRekStatus(r3, model.RekDitolak, "Sudah tercakup di rekomendasi lain.", "tpi.uji"))
	must(db.SetRekStatus(r4, model.RekDikerjakan, "", "pic.uji"))
	must(db.SetRekStatus(r4, model.RekSelesai, "", "pic.uji"))
	return rekFixture{path, in}
}

func nodeOrQuestion(in *model.Instrument, id string) bool {
	if _, ok := in.Node(id); ok {
		return true
	}
	_, ok := in.Question(id)
	return ok
}

func (f rekFixture) title(id string) string {
	n, _ := f.in.Node(id)
	return n.Title
}

// export runs "ziwb rekomendasi export" on the fixture and fails the test
// unless it succeeds.
func (f rekFixture) export(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := ziwb(t, append([]string{"--db", f.path, "rekomendasi", "export"}, args...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("export %v: exit %d\n%s", args, code, errOut)
	}
	return out
}

// sections splits Markdown at lines starting with prefix ("## ", "### "),
// keyed by the heading text.
func sections(md, prefix string) (order []string, body map[string]string) {
	body = map[string]string{}
	cur := ""
	for _, line := range strings.SplitAfter(md, "\n") {
		if h, ok := strings.CutPrefix(line, prefix); ok {
			cur = strings.TrimSpace(h)
			order = append(order, cur)
			continue
		}
		body[cur] += line
	}
	return order, body
}

func TestRekExportMarkdownGroupsBySatkerAndArea(t *testing.T) {
	f := newRekFixture(t)
	md := f.export(t, "--format", "md")
	if !strings.HasPrefix(md, "# Rekomendasi Hasil Evaluasi Zona Integritas\n") {
		t.Errorf("no title:\n%s", md)
	}
	satkers, bySatker := sections(md, "## ")
	if want := []string{"Kantor Kemenag Uji (kankemenag-uji)", "KUA Uji (kua-uji)"}; !slices.Equal(satkers, want) {
		t.Fatalf("satker headings %q; want %q\n%s", satkers, want, md)
	}
	// One heading per area, in the instrument's order (mp, ak, pp), however
	// the recommendations were given.
	areas, byArea := sections(bySatker[satkers[0]], "### ")
	want := []string{f.title("mp") + " (mp)", f.title("ak") + " (ak)", f.title("pp") + " (pp)"}
	if !slices.Equal(areas, want) {
		t.Fatalf("area headings of kankemenag-uji %q; want %q\n%s", areas, want, md)
	}
	q, _ := f.in.Question("mp.pemenuhan.1")
	for area, lines := range map[string][]string{
		want[0]: {
			"1. SK Tim Kerja ZI belum ditandatangani.\n",
			"   - Prioritas: sedang; status: dikerjakan; tenggat: 31 Mei 2026\n",
			"   - Komponen: mp.pemenuhan.1 " + q.Text + " (TPI 2026)\n",
			"   - Tindak lanjut terakhir (15 April 2026, pic.uji): SK sudah diajukan ke pimpinan. [eviden: Surat pengajuan — B-12/2026]\n",
		},
		want[1]: {
			"1. Perjanjian kinerja belum dipantau berkala.\n",
			"   - Prioritas: rendah; status: ditolak; tenggat: 15 Juli 2026\n",
			"   - Alasan ditolak: Sudah tercakup di rekomendasi lain.\n",
		},
		want[2]: {
			// A second line of the text stays inside its list item.
			"1. Standar pelayanan belum dimaklumatkan.\n   Maklumatkan di ruang layanan.\n   - Prioritas: tinggi; status: baru; tenggat: 30 Juni 2026\n",
			"   - Komponen: pp " + f.title("pp") + " (TPI 2026)\n",
			"2. Reviu standar pelayanan setiap tahun.\n",
			"   - Prioritas: sedang; status: selesai; tenggat: 1 Agustus 2026\n",
		},
	} {
		for _, l := range lines {
			if !strings.Contains(byArea[area], l) {
				t.Errorf("section %q lacks %q:\n%s", area, l, byArea[area])
			}
		}
	}
	if strings.Contains(byArea[want[2]], "Tindak lanjut") || strings.Contains(byArea[want[2]], "Alasan") {
		t.Errorf("pp shows a follow-up or a reason it does not have:\n%s", byArea[want[2]])
	}
	kua := bySatker[satkers[1]]
	if !strings.Contains(kua, "### "+f.title("sdm")+" (sdm)\n") || !strings.Contains(kua, "1. Rencana kebutuhan pegawai belum disusun.\n") ||
		!strings.Contains(kua, "(PMPZI 2026)") || strings.Count(kua, "### ") != 1 {
		t.Errorf("kua-uji section:\n%s", kua)
	}
	if strings.Contains(md, "\x1b[") {
		t.Error("Markdown holds escape codes")
	}
}

var rekCSVHeader = []string{"satker", "nama satker", "area", "judul area", "evaluasi", "komponen", "prioritas", "status",
	"tenggat", "rekomendasi", "alasan ditolak", "jumlah tindak lanjut", "tanggal tindak lanjut terakhir",
	"tindak lanjut terakhir", "id"}

// readCSV parses an export and checks its header.
func readCSV(t *testing.T, data string) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], rekCSVHeader) {
		t.Fatalf("header %q; want %q", rows, rekCSVHeader)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rekCSVHeader {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func column(rows []map[string]string, name string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[name])
	}
	return out
}

func TestRekExportCSV(t *testing.T) {
	f := newRekFixture(t)
	rows := readCSV(t, f.export(t, "--format", "csv"))
	if got, want := column(rows, "id"), []string{
		"kankemenag-uji/2026/TPI/r2", "kankemenag-uji/2026/TPI/r3", "kankemenag-uji/2026/TPI/r1", "kankemenag-uji/2026/TPI/r4",
		"kua-uji/2026/PMPZI/r1",
	}; !slices.Equal(got, want) {
		t.Fatalf("rows %q; want %q (by satker, then area in the instrument's order)", got, want)
	}
	if got := column(rows, "area"); !slices.Equal(got, []string{"mp", "ak", "pp", "pp", "sdm"}) {
		t.Errorf("areas %q", got)
	}
	want := map[string]string{
		"satker": "kankemenag-uji", "nama satker": "Kantor Kemenag Uji", "area": "mp", "judul area": f.title("mp"),
		"evaluasi": "TPI 2026", "komponen": "mp.pemenuhan.1", "prioritas": "sedang", "status": "dikerjakan",
		"tenggat": "2026-05-31", "rekomendasi": "SK Tim Kerja ZI belum ditandatangani.", "alasan ditolak": "",
		"jumlah tindak lanjut": "1", "tanggal tindak lanjut terakhir": "2026-04-15", "id": "kankemenag-uji/2026/TPI/r2",
		"tindak lanjut terakhir": "SK sudah diajukan ke pimpinan. [eviden: Surat pengajuan — B-12/2026]",
	}
	for k, v := range want {
		if rows[0][k] != v {
			t.Errorf("%s: %q; want %q", k, rows[0][k], v)
		}
	}
	if r := rows[1]; r["status"] != "ditolak" || r["alasan ditolak"] != "Sudah tercakup di rekomendasi lain." || r["jumlah tindak lanjut"] != "0" ||
		r["tindak lanjut terakhir"] != "" {
		t.Errorf("rejected row: %v", r)
	}
	// The text's line break survives CSV quoting.
	if r := rows[2]; r["rekomendasi"] != "Standar pelayanan belum dimaklumatkan.\nMaklumatkan di ruang layanan." || r["tenggat"] != "2026-06-30" {
		t.Errorf("multi-line row: %v", r)
	}
}

func TestRekExportFilters(t *testing.T) {
	f := newRekFixture(t)
	// Statuses in any case, separated by commas.
	rows := readCSV(t, f.export(t, "--format", "csv", "--status", "baru, DITOLAK"))
	if got := column(rows, "id"); !slices.Equal(got, []string{"kankemenag-uji/2026/TPI/r3", "kankemenag-uji/2026/TPI/r1", "kua-uji/2026/PMPZI/r1"}) {
		t.Errorf("--status baru,ditolak: %q", got)
	}
	md := f.export(t, "--status", "selesai") // Markdown is the default
	if satkers, _ := sections(md, "## "); !slices.Equal(satkers, []string{"Kantor Kemenag Uji (kankemenag-uji)"}) {
		t.Errorf("--status selesai: satkers %q\n%s", satkers, md)
	}
	if areas, _ := sections(md, "### "); !slices.Equal(areas, []string{f.title("pp") + " (pp)"}) || !strings.Contains(md, "Reviu standar pelayanan") {
		t.Errorf("--status selesai: areas %q\n%s", areas, md)
	}

	rows = readCSV(t, f.export(t, "--format", "csv", "--satker", "kua-uji"))
	if got := column(rows, "id"); !slices.Equal(got, []string{"kua-uji/2026/PMPZI/r1"}) {
		t.Errorf("--satker kua-uji: %q", got)
	}
	rows = readCSV(t, f.export(t, "--format", "csv", "--satker", "kankemenag-uji", "--status", "dikerjakan,selesai"))
	if got := column(rows, "id"); !slices.Equal(got, []string{"kankemenag-uji/2026/TPI/r2", "kankemenag-uji/2026/TPI/r4"}) {
		t.Errorf("--satker kankemenag-uji --status dikerjakan,selesai: %q", got)
	}

	// Nothing selected: a readable note, or the header alone.
	if md := f.export(t, "--status", "diverifikasi"); !strings.Contains(md, "Tidak ada rekomendasi yang cocok.") || strings.Contains(md, "## ") {
		t.Errorf("no match, md:\n%s", md)
	}
	if rows := readCSV(t, f.export(t, "--format", "csv", "--satker", "kua-uji", "--status", "selesai")); len(rows) != 0 {
		t.Errorf("no match, csv: %v", rows)
	}
}

func TestRekExportRejectsBadArguments(t *testing.T) {
	f := newRekFixture(t)
	before, _ := os.ReadFile(f.path)
	for _, c := range []struct {
		args []string
		want []string // in stderr
	}{
		{[]string{"--format", "xlsx"}, []string{"--format", `"xlsx"`, "md, csv"}},
		{[]string{"--format", ""}, []string{"--format", "md, csv"}},
		{[]string{"--status", "baru,lupa"}, []string{"--status", "lupa", "dikerjakan"}},
		{[]string{"--satker", "tidak-ada"}, []string{"tidak-ada"}},
		{[]string{"berkas-lain.md"}, []string{"berkas-lain.md"}},
	} {
		out, errOut, code := ziwb(t, append([]string{"--db", f.path, "rekomendasi", "export"}, c.args...)...)
		if code == 0 || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want a failure and nothing on stdout", c.args, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, errOut)
			}
		}
	}
	if after, _ := os.ReadFile(f.path); string(after) != string(before) {
		t.Error("a refused export changed the database")
	}
	// Arguments are checked before the database is opened: a wrong format
	// does not create one.
	fresh := filepath.Join(t.TempDir(), "baru.db")
	if _, _, code := ziwb(t, "--db", fresh, "rekomendasi", "export", "--format", "pdf"); code == 0 {
		t.Error("--format pdf succeeded")
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a refused export created %s: %v", fresh, err)
	}
}

func TestRekExportToFile(t *testing.T) {
	f := newRekFixture(t)
	for _, format := range []string{"md", "csv"} {
		file := filepath.Join(t.TempDir(), "rekomendasi."+format)
		out, errOut, code := ziwb(t, "--db", f.path, "rekomendasi", "export", "--format", format, "-o", file)
		if code != 0 || out != "" || !strings.Contains(errOut, "5 rekomendasi ditulis ke "+file) {
			t.Fatalf("-o %s: exit %d, stdout %q, stderr %q", file, code, out, errOut)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if want := f.export(t, "--format", format); string(data) != want {
			t.Errorf("%s: the file differs from what stdout gets:\n%s\n---\n%s", format, data, want)
		}
		leftovers, _ := filepath.Glob(file + ".tmp-*")
		if len(leftovers) > 0 {
			t.Errorf("temporary files left: %v", leftovers)
		}
	}
	// -o - is stdout.
	if out := f.export(t, "--format", "csv", "-o", "-"); !strings.HasPrefix(out, strings.Join(rekCSVHeader, ",")+"\n") {
		t.Errorf("-o -: %q", out)
	}
	// Overwrites an existing file; a missing directory is an error.
	file := writeFile(t, "lama.md", "isi lama\n")
	if _, errOut, code := ziwb(t, "--db", f.path, "rekomendasi", "export", "--status", "ditolak", "-o", file); code != 0 {
		t.Fatalf("overwrite: exit %d %s", code, errOut)
	}
	if data, _ := os.ReadFile(file); strings.Contains(string(data), "isi lama") || !strings.Contains(string(data), "Perjanjian kinerja") {
		t.Errorf("overwritten file:\n%s", data)
	}
	missing := filepath.Join(t.TempDir(), "tidak", "ada", "r.md")
	if _, errOut, code := ziwb(t, "--db", f.path, "rekomendasi", "export", "-o", missing); code == 0 || !strings.Contains(errOut, missing) {
		t.Errorf("-o into a missing directory: exit %d %s", code, errOut)
	}
}

// TestRekExportDemo exports the demo's recommendations: every one, grouped
// (each satker, and each area within it, in one run of rows), and the
// filters hold on realistic data.
func TestRekExportDemo(t *testing.T) {
	path := demoDB(t)
	export := func(args ...string) string {
		t.Helper()
		out, errOut, code := ziwb(t, append([]string{"--db", path, "rekomendasi", "export"}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d %s", args, code, errOut)
		}
		return out
	}
	rows := readCSV(t, export("--format", "csv"))
	db := mustOpen(t, path, true)
	all, err := db.RekomendasiList(store.RekFilter{})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || len(rows) != len(all) {
		t.Fatalf("%d rows; the demo has %d recommendations", len(rows), len(all))
	}
	seen := map[string]bool{}
	statuses := map[string]bool{}
	prev := ""
	for _, r := range rows {
		group := r["satker"] + " " + r["area"]
		if group != prev && seen[group] {
			t.Errorf("%s appears in two places", group)
		}
		seen[group], prev = true, group
		statuses[r["status"]] = true
	}
	if len(statuses) != len(model.RekStatuses) {
		t.Errorf("statuses exported: %v", statuses)
	}
	md := export()
	if !strings.Contains(md, "\n## Kantor Kemenag Kabupaten Magelang (kankemenag-magelang)\n") || !strings.Contains(md, "(TPI 2025)") ||
		!strings.Contains(md, "- Tindak lanjut terakhir (") {
		t.Errorf("demo Markdown:\n%.1500s", md)
	}
	for _, r := range readCSV(t, export("--format", "csv", "--status", "baru,dikerjakan", "--satker", "kankemenag-magelang")) {
		if r["satker"] != "kankemenag-magelang" || r["status"] != "baru" && r["status"] != "dikerjakan" {
			t.Errorf("filtered row: %v", r)
		}
	}
}
