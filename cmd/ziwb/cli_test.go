package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Commands that only read never create a database: on a path that does
// not exist they say so and exit 1, and the file and its folder are still
// not there.
func TestReadOnlyCommandsCreateNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "belum")
	path := filepath.Join(dir, "ziwb.db")
	for _, args := range [][]string{
		{"check"}, {"score"}, {"export"}, {"compare"}, {"rekomendasi", "export"},
		{"compare", "--satker", "x", "--gap"},
	} {
		_, errOut, code := ziwb(t, append(args, "--db", path)...)
		if code != 1 || !strings.Contains(errOut, "tidak ada") {
			t.Errorf("%v: exit %d, %q; want 1 and a message that the file is not there", args, code, errOut)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, dir)
		}
	}
}

// Usage mistakes exit 2 with a message in Indonesian that names the
// command's help; mistakes in the data exit 1.
func TestExitCodesAndMessages(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--bogus"}, 2, "tanda --bogus tidak dikenal (lihat ziwb --help)"},
		{[]string{"score", "-Z"}, 2, "tanda -Z tidak dikenal"},
		{[]string{"backup"}, 2, "perintah ini menerima 1 argumen, diberi 0 (lihat ziwb backup --help)"},
		{[]string{"bukan-perintah"}, 2, `perintah "bukan-perintah" tidak dikenal`},
		{[]string{"demo", "--satkers", "banyak"}, 2, `nilai "banyak" untuk --satkers tidak sah: bukan angka`},
		{[]string{"check", "--db="}, 2, "--db kosong"},
		{[]string{"compare", "--format", "xml"}, 2, `--format "xml" tidak dikenal`},
		{[]string{"import", "--answers", "x.json"}, 2, "--satker wajib diisi bersama --answers"},
		{[]string{"export", "-o"}, 2, "tanda -o butuh nilai"},
		{[]string{"completion", "nope"}, 2, `perintah "nope" tidak dikenal untuk ziwb completion`},
		{[]string{"score", "--answers", filepath.Join(t.TempDir(), "tidak-ada.json")}, 1, "berkas atau folder tidak ada"},
		{[]string{"import", filepath.Join(t.TempDir(), "tidak-ada.json"), "--db", filepath.Join(t.TempDir(), "z.db")}, 1, "baca bundel: buka"},
	} {
		_, errOut, code := ziwb(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, errOut, c.code, c.want)
		}
		if strings.Contains(errOut, "no such file") || strings.Contains(errOut, "unknown") || strings.Contains(errOut, "accepts") {
			t.Errorf("%v: English left in %q", c.args, errOut)
		}
	}
}

// An answers file saved by Windows Notepad starts with a byte-order mark;
// it is read like any other, and a broken one is reported in Indonesian
// with its line.
func TestAnswersFileWithBOMAndBrokenJSON(t *testing.T) {
	bom := writeFile(t, "bom.json", "\ufeff"+`{"instrument": "lke-zi-2021", "target": "WBK", "answers": {"mp.pemenuhan.1": "Y"}}`)
	out, errOut, code := ziwb(t, "score", "--answers", bom, "--json")
	if code != 0 || !strings.Contains(out, `"answered": 1`) {
		t.Fatalf("exit %d, %s\n%s", code, errOut, out)
	}
	broken := writeFile(t, "rusak.json", "{\n  \"answers\": {\"mp.pemenuhan.1\": Y}\n}")
	_, errOut, code = ziwb(t, "score", "--answers", broken)
	if code != 1 || !strings.Contains(errOut, "rusak.json:2: JSON tidak sah: karakter 'Y' tidak sah di awal sebuah nilai") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}

// --version says which build this is; completion knows the satker ids of
// the database and the built-in instruments.
func TestVersionAndCompletion(t *testing.T) {
	out, _, code := ziwb(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "ziwb ") {
		t.Fatalf("--version: exit %d, %q", code, out)
	}
	db := demoDB(t)
	out, _, code = ziwb(t, "__complete", "score", "--db", db, "--satker", "kua-")
	if code != 0 || !strings.Contains(out, "kua-mertoyudan\tKUA Kecamatan Mertoyudan") || strings.Contains(out, "man-1-magelang") {
		t.Fatalf("satker completion: exit %d\n%s", code, out)
	}
	out, _, _ = ziwb(t, "__complete", "score", "--instrument", "")
	if !strings.Contains(out, "lke-zi-2021\t") || !strings.Contains(out, "lke-zi-2014\t") {
		t.Fatalf("instrument completion:\n%s", out)
	}
}

// The help speaks Indonesian too, on every command.
func TestHelpIsIndonesian(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"score", "--help"}, {"rekomendasi", "export", "--help"}, {"help", "compare"},
		{"completion", "--help"}, {"completion"}, {"completion", "bash", "--help"}, {"completion", "zsh", "--help"},
		{"completion", "fish", "--help"}, {"completion", "powershell", "--help"}} {
		out, _, code := ziwb(t, args...)
		if code != 0 || !strings.Contains(out, "Pemakaian:") {
			t.Fatalf("%v: exit %d\n%s", args, code, out)
		}
		for _, english := range []string{"Usage:", "Available Commands", "Flags:", "help for", "for more information", "[flags]", "Generate", "disable completion"} {
			if strings.Contains(out, english) {
				t.Errorf("%v: %q left in the help", args, english)
			}
		}
	}
}

// Without --format, -o's name picks the format: a table written to
// tabel.xlsx opens in a spreadsheet instead of being Markdown under a
// workbook's name, and a format the command does not write (a PDF, a
// workbook of recommendations) is a usage error that writes nothing.
func TestFormatFromOutputName(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	sinjai := []string{"--satker", "kankemenag-sinjai"}
	for _, c := range []struct {
		args []string
		name string
		head string // "" when refused
	}{
		{[]string{"compare"}, "tabel.xlsx", "PK\x03\x04"},
		{[]string{"compare"}, "tabel.csv", "satker,"},
		{[]string{"compare"}, "tabel.json", "{"},
		{[]string{"compare"}, "tabel.md", "# "},
		{[]string{"compare"}, "tabel.txt", "# "},
		{[]string{"compare"}, "tabel.pdf", ""},
		{[]string{"rekomendasi", "export"}, "rek.csv", "satker,"},
		{[]string{"rekomendasi", "export"}, "rek.MD", "# "},
		{[]string{"rekomendasi", "export"}, "rek.xlsx", ""},
		{append([]string{"report", "lhe"}, sinjai...), "lhe.html", "<!DOCTYPE html>"},
		{append([]string{"report", "lhe"}, sinjai...), "lhe.md", "# Laporan"},
		{append([]string{"report", "lhe"}, sinjai...), "lhe.pdf", ""},
		{[]string{"export"}, "bundel.json", "{"},
		{append([]string{"export"}, sinjai...), "jawaban.csv", "id,nomor,"},
		{append([]string{"export"}, sinjai...), "lke.xlsx", "PK\x03\x04"},
		{[]string{"export"}, "bundel.docx", ""},
	} {
		what := strings.Join(c.args, " ") + " -o " + c.name
		out := filepath.Join(dir, c.name)
		_, errOut, code := ziwb(t, append(append([]string{"--db", db}, c.args...), "-o", out)...)
		data, err := os.ReadFile(out)
		if c.head == "" {
			if code != 2 || err == nil || !strings.Contains(errOut, "tidak menulis") {
				t.Errorf("%s: exit %d, file written: %v, %q; want a usage error and no file", what, code, err == nil, errOut)
			}
			continue
		}
		if code != 0 || err != nil {
			t.Fatalf("%s: exit %d (%v): %s", what, code, err, errOut)
		}
		if !strings.HasPrefix(string(data), c.head) {
			t.Errorf("%s starts %q; want %q", what, data[:min(len(data), 16)], c.head)
		}
	}
	out := filepath.Join(dir, "tetap.xlsx") // an explicit --format still wins
	if _, errOut, code := ziwb(t, "compare", "--db", db, "--format", "csv", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(out); !strings.HasPrefix(string(data), "satker,") {
		t.Errorf("--format csv -o tetap.xlsx wrote %q…", data[:min(len(data), 12)])
	}
}
