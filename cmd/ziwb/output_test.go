package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
