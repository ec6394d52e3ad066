package lke

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// lkeRow is one row of an official-layout worksheet built in a test:
// the numbering marker (column A; "" to put it in the text instead), the
// text, the kind of answer (Pilihan Jawaban), the answer and the note.
type lkeRow struct {
	mark, text, kind string
	answer           any
	note             string
	percentFmt       bool
}

// officialWorkbook lays rows out as the official LKE ZI worksheet does:
// title rows, the headings in row 4 (Jawaban in column F), then the rows.
func officialWorkbook(t testing.TB, rows []lkeRow) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "LKE ZI"
	f.SetSheetName("Sheet1", sh)
	f.NewSheet("Petunjuk")
	f.SetCellStr(sh, "A1", "LEMBAR KERJA EVALUASI ZONA INTEGRITAS")
	f.SetCellStr(sh, "A2", "Unit kerja: KUA Kecamatan Contoh")
	for i, h := range []string{"No", "Penilaian", "Bobot", "Penjelasan", "Pilihan\nJawaban", "Jawaban", "Nilai", "%", "Catatan/Keterangan/Penjelasan"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 4)
		f.SetCellStr(sh, c, h)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	for i, r := range rows {
		n := i + 5
		if r.mark != "" {
			f.SetCellStr(sh, fmt.Sprintf("A%d", n), r.mark)
		}
		f.SetCellStr(sh, fmt.Sprintf("B%d", n), r.text)
		f.SetCellStr(sh, fmt.Sprintf("E%d", n), r.kind)
		if r.answer != nil {
			f.SetCellValue(sh, fmt.Sprintf("F%d", n), r.answer)
		}
		if r.percentFmt {
			f.SetCellStyle(sh, fmt.Sprintf("F%d", n), fmt.Sprintf("F%d", n), pct)
		}
		if r.note != "" {
			f.SetCellStr(sh, fmt.Sprintf("I%d", n), r.note)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// filledRows is a filled worksheet with the typing people do; want is
// what each numbering reads as.
func filledRows() (rows []lkeRow, want map[string]model.Value, notes map[string]string) {
	rows = []lkeRow{
		{mark: "A.", text: "PENGUNGKIT"},
		{mark: "I.", text: "PEMENUHAN"},
		{mark: "1.", text: "MANAJEMEN PERUBAHAN"},
		{mark: "i.", text: "Penyusunan Tim Kerja"},
		{mark: "a.", text: "Unit kerja telah membentuk tim", kind: "Ya/Tidak", answer: " ya ", note: "SK tim ada"},
		{mark: "b.", text: "Penentuan anggota Tim", kind: "A/B/C", answer: "a."},
		{text: "ii.   Rencana Pembangunan Zona Integritas"},
		{text: "a. Terdapat dokumen rencana kerja", kind: "Ya/Tidak", answer: "T"},
		{text: "b Dalam dokumen pembangunan terdapat target", kind: "A/B/C", answer: "(B)"},
		{text: "c. Terdapat mekanisme atau media", kind: "A/B/C", answer: ""},
		{mark: "6.", text: "PENINGKATAN KUALITAS PELAYANAN PUBLIK"},
		{mark: "v.", text: "Pemanfaatan Teknologi Informasi"},
		{mark: "a.", text: "Telah menerapkan teknologi informasi", kind: "A/B/C/D", answer: "A"},
		{mark: "c.", text: "Telah membangun database pelayanan terintegrasi", kind: "Ya/Tidak", answer: "Tidak"},
		{mark: "b.", text: "Telah melakukan perbaikan secara terus menerus", kind: "A/B/C", answer: "b"},
		{mark: "II.", text: "REFORM"},
		{mark: "1.", text: "MANAJEMEN PERUBAHAN"},
		{mark: "i.", text: "Komitmen dalam perubahan"},
		{mark: "a.", text: "Agen perubahan telah membuat perubahan yang konkret", kind: "%"},
		{mark: "-", text: "Jumlah Agen Perubahan", kind: "Jumlah", answer: 10},
		{mark: "-", text: "Jumlah Perubahan yang dibuat", kind: "Jumlah", answer: "8"},
		{mark: "b.", text: "Perubahan yang dibuat Agen Perubahan telah terintegrasi", kind: "%", answer: "75 %"},
		{mark: "ii.", text: "Komitmen Pimpinan"},
		{mark: "-", text: "Pimpinan memiliki komitmen", kind: "A/B/C/D/E", answer: "e"},
		{mark: "3.", text: "PENATAAN SISTEM MANAJEMEN SDM APARATUR"},
		{mark: "iii.", text: "Pelanggaran Disiplin Pegawai"},
		{text: "a Penurunan pelanggaran disiplin pegawai", kind: "%", answer: 1},
		{text: "- Jumlah pelanggaran tahun sebelumnya", kind: "Jumlah", answer: 4},
		{text: "- Jumlah pelanggaran tahun ini", kind: "Jumlah", answer: 1},
		{text: "- Jumlah pelanggaran yang telah diberikan sanksi/hukuman", kind: "Jumlah", answer: 1},
		{mark: "5.", text: "PENGUATAN PENGAWASAN"},
		{mark: "iii.", text: "Penyampaian Laporan Harta Kekayaan"},
		{mark: "i.", text: "Penyampaian Laporan Harta Kekayaan Pejabat Negara (LHKPN)"},
		{mark: "-", text: "Persentase penyampaian LHKPN", kind: "%"},
		{mark: "-", text: "Jumlah yang harus melaporkan", kind: "Jumlah", answer: 3},
		{mark: "-", text: "Kepala satuan kerja", kind: "Jumlah", answer: 1},
		{mark: "-", text: "Lainnya", kind: "Jumlah", answer: 2},
		{mark: "-", text: "Jumlah yang sudah melaporkan", kind: "Jumlah", answer: "3,0"},
		{text: "Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)"},
		{mark: "-", text: "Persentase penyampaian LHKASN", kind: "%", answer: 0.5, percentFmt: true},
		{mark: "B.", text: "HASIL"},
		{mark: "I.", text: "BIROKRASI YANG BERSIH DAN AKUNTABEL"},
		{mark: "a", text: "Nilai Survey Persepsi Korupsi (Survei Eksternal)", kind: "Nilai (0-4)", answer: "3,41"},
		{mark: "b", text: "Capaian Kinerja Lebih Baik", kind: "A/B/C/D/E", answer: "B."},
		{text: "TOTAL HASIL"},
		{mark: "II.", text: "PELAYANAN PUBLIK YANG PRIMA"},
		{mark: "a", text: "Nilai Persepsi Kualitas Pelayanan", kind: "Nilai (0-4)", answer: 3.2},
	}
	want = map[string]model.Value{
		"1.i.a": model.Letter("Y"), "1.i.b": model.Letter("A"), "1.ii.a": model.Letter("T"), "1.ii.b": model.Letter("B"),
		"6.v.a": model.Letter("A"), "6.v.b": model.Letter("T"), "6.v.c": model.Letter("B"),
		"R1.i.a": model.Num(80), "R1.i.b": model.Num(75), "R1.ii": model.Letter("E"), "R3.iii.a": model.Num(75),
		"R5.iii.a": model.Num(100), "R5.iii.b": model.Num(50),
		"H.I.a": model.Num(3.41), "H.I.b": model.Letter("B"), "H.II.a": model.Num(3.2),
	}
	notes = map[string]string{
		"1.i.a": "SK tim ada", "R1.i.a": "Jumlah: 8/10 = 80%", "R3.iii.a": "Jumlah: 3/4 = 75% (tahun sebelumnya 4, tahun ini 1)",
		"R5.iii.a": "Jumlah: 3/3 = 100%",
	}
	return rows, want, notes
}

func TestReadLKEOfficial(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	rows, want, notes := filledRows()
	f, err := ReadLKE("isi.xlsx", officialWorkbook(t, rows), in)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Entry{}
	for _, e := range f.Entries {
		got[e.Number] = e
	}
	for n, w := range want {
		if e := got[n]; e.Value != w || !e.Answer {
			t.Errorf("%s: %v (answer %v, %s), want %v", n, e.Value, e.Answer, e.Cell, w)
		}
	}
	for n, w := range notes {
		if e := got[n]; e.Note != w || !e.HasNote {
			t.Errorf("%s: note %q, want %q", n, e.Note, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d entries, want %d: %+v", len(got), len(want), f.Entries)
	}
	if e := got["1.i.a"]; e.Cell != "LKE ZI!F9" || e.Line != 9 {
		t.Errorf("1.i.a at %s line %d", e.Cell, e.Line)
	}
}

func TestReadLKEErrors(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	rows := []lkeRow{
		{mark: "A.", text: "PENGUNGKIT"}, // 5
		{mark: "I.", text: "PEMENUHAN"},
		{mark: "1.", text: "MANAJEMEN PERUBAHAN"},
		{mark: "i.", text: "Penyusunan Tim Kerja"},
		{mark: "a.", text: "Unit kerja telah membentuk tim", kind: "Ya/Tidak", answer: "Ya ya"}, // 9
		{mark: "b.", text: "Penentuan anggota Tim", kind: "A/B/C", answer: "F"},                 // 10
		{mark: "ii.", text: "Rencana"},
		{mark: "a.", text: "Terdapat dokumen", kind: "Ya/Tidak", answer: "Y"},
		{mark: "z.", text: "Butir yang tidak ada", kind: "Ya/Tidak", answer: "Y"}, // 13
		{text: "Catatan tim: lihat lampiran", answer: "Y"},                        // 14: no numbering
		{mark: "II.", text: "REFORM"},
		{mark: "1.", text: "MANAJEMEN PERUBAHAN"},
		{mark: "i.", text: "Komitmen dalam perubahan"},
		{mark: "a.", text: "Agen perubahan", kind: "%"},
		{mark: "-", text: "Jumlah Agen Perubahan", kind: "Jumlah", answer: 0}, // 19: zero
		{mark: "-", text: "Jumlah Perubahan yang dibuat", kind: "Jumlah", answer: 3},
		{mark: "b.", text: "Terintegrasi", kind: "%", answer: "120%"}, // 21
		{mark: "4.", text: "PENGUATAN AKUNTABILITAS"},
		{mark: "i.", text: "Meningkatnya capaian kinerja unit kerja"},
		{mark: "-", text: "Persentase Sasaran dengan capaian 100% atau lebih", kind: "%"},
		{mark: "-", text: "Jumlah Sasaran Kinerja", kind: "Jumlah", answer: 5},
		{mark: "-", text: "Jumlah Sasaran Kinerja yang tercapai 100% atau lebih", kind: "Jumlah", answer: 6}, // 26
		{mark: "5.", text: "PENGUATAN PENGAWASAN"},
		{mark: "ii.", text: "Penanganan Pengaduan Masyarakat"},
		{mark: "-", text: "Persentase penanganan pengaduan masyarakat", kind: "%"},
		{mark: "-", text: "Jumlah pengaduan masyarakat yang harus ditindaklanjuti", kind: "Jumlah", answer: 4},
		{mark: "-", text: "Jumlah pengaduan masyarakat yang selesai ditindaklanjuti", kind: "Jumlah", answer: ""}, // 31: empty
		{mark: "B.", text: "HASIL"},
		{mark: "I.", text: "BIROKRASI YANG BERSIH DAN AKUNTABEL"},
		{mark: "a", text: "Nilai Survey Persepsi Korupsi", answer: "5"},    // 34
		{mark: "a", text: "Nilai Survey Persepsi Korupsi lagi", answer: 3}, // 35: twice
	}
	_, err := ReadLKE("isi.xlsx", officialWorkbook(t, rows), in)
	es, ok := model.AsFileErrors(err)
	if !ok {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`LKE ZI!F9: 1.i.a: "Ya ya" bukan jawaban Ya/Tidak`,
		`LKE ZI!F10: 1.i.b: "F" bukan pilihan A/B/C`,
		`LKE ZI!F13: nomor 1.ii.z tidak cocok dengan pertanyaan mana pun`,
		`LKE ZI!F14: baris ini berisi jawaban tetapi tidak cocok`,
		`LKE ZI!F19: R1.i.a: penyebut nol`,
		`LKE ZI!F21: R1.i.b: "120%" di luar 0–100%`,
		`LKE ZI!F26: R4.i: rasio 120% melebihi 100%`,
		`LKE ZI!F31: R5.ii: jumlah kosong`,
		`LKE ZI!F34: H.I.a: "5" di luar rentang 0–4`,
		`LKE ZI!F35: pertanyaan H.I.a (hasil.ipak) ganda: pertama di baris 34`,
	}
	if len(es) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(es), len(want), err)
	}
	for i, e := range es {
		if e.File != "isi.xlsx" || !strings.HasPrefix(e.Msg, want[i]) {
			t.Errorf("error %d: %q, want %q", i, e.Error(), want[i])
		}
	}
	// The refused worksheet still tells which rows match no question:
	// those an import may leave out.
	f, _ := ReadLKE("isi.xlsx", officialWorkbook(t, rows), in)
	if len(f.Skipped) != 2 || !strings.HasPrefix(f.Skipped[0].Msg, want[2]) || !strings.HasPrefix(f.Skipped[1].Msg, want[3]) ||
		len(f.Invalid) != len(want)-2 {
		t.Errorf("skipped %v\ninvalid %v", f.Skipped, f.Invalid)
	}
	if len(f.Entries) == 0 || f.Entries[0].Number != "1.ii.a" {
		t.Errorf("the good rows are not kept: %+v", f.Entries)
	}
	for _, bad := range [][]byte{nil, []byte("bukan xlsx"), officialWorkbook(t, nil)[:100]} {
		if _, err := ReadLKE("x.xlsx", bad, in); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	noSheet := excelize.NewFile()
	var b bytes.Buffer
	noSheet.WriteTo(&b)
	if _, err := ReadLKE("x.xlsx", b.Bytes(), in); err == nil || !strings.Contains(err.Error(), `lembar "LKE ZI" tidak ada`) {
		t.Errorf("no sheet: %v", err)
	}
}

// A file that is not a zip archive at all — a CSV or an old .xls given an
// .xlsx name — is refused in Indonesian, saying what it is not and what to
// do, without the zip reader's English.
func TestReadLKENotAnArchive(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	_, err := ReadLKE("isi.xlsx", []byte("id,nomor,jawaban\nmp.1,1.i.a,Y\n"), in)
	msg := fmt.Sprint(err)
	if !strings.Contains(msg, "isi.xlsx: bukan berkas Excel (.xlsx): isinya bukan arsip zip") || strings.Contains(msg, "zip: not") {
		t.Fatalf("err = %q", msg)
	}
}
