package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var updateLHE = flag.Bool("update-lhe", false, "rewrite the LHE goldens in testdata")

// lheNow is the demo's clock in the LHE tests: the dates the report shows
// follow from it.
var lheNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// lheDemoDB is the demo database made on a fixed clock.
func lheDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db := mustOpen(t, path, false)
	if err := db.Demo(0, lheNow); err != nil {
		db.Close()
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReportLHEMarkdownGolden(t *testing.T) {
	path := lheDemoDB(t)
	for _, satker := range []string{"kankemenag-sinjai", "kankemenag-minahasa-tenggara"} {
		t.Run(satker, func(t *testing.T) {
			out, errOut, code := ziwb(t, "--db", path, "report", "lhe", "--satker", satker, "--year", "2026", "--stage", "TPI")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden := filepath.Join("testdata", "lhe-"+satker+".md")
			if *updateLHE {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (write it with go test ./cmd/ziwb -run LHE -update-lhe)", err)
			}
			if out != string(want) {
				t.Errorf("report lhe --satker %s differs from %s (go test ./cmd/ziwb -run LHE -update-lhe rewrites it):\n%s",
					satker, golden, firstDiff(string(want), out))
			}
		})
	}
	// Without --year and --stage the latest round is the same TPI.
	a, _, _ := ziwb(t, "--db", path, "report", "lhe", "--satker", "kankemenag-sinjai")
	b, _, _ := ziwb(t, "--db", path, "report", "lhe", "--satker", "kankemenag-sinjai", "--year", "2026", "--stage", "tpi")
	if a != b {
		t.Error("the latest round's LHE differs from TPI 2026's")
	}
}

// firstDiff shows where two texts part, line by line.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines)"
}

// TestReportLHEHTML writes the HTML with -o (the format from the name)
// and checks it is one self-contained, well-nested document that prints
// on A4 with every area on a page of its own.
func TestReportLHEHTML(t *testing.T) {
	path := lheDemoDB(t)
	file := filepath.Join(t.TempDir(), "lhe.html")
	_, errOut, code := ziwb(t, "--db", path, "report", "lhe", "--satker", "kankemenag-minahasa-tenggara", "-o", file)
	if code != 0 || !strings.Contains(errOut, "ditulis ke "+file) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="id">`, `<meta charset="utf-8">`, "@page", "size: A4",
		"@media print", "page-break-before: always", "Laporan Hasil Evaluasi Zona Integritas",
		"Kantor Kemenag Kabupaten Minahasa Tenggara", "<td class=\"num\">67,29</td>", "belum direkomendasikan",
		"Pengendali Teknis", "tpi.endang", "Selisih PMPZI dan TPI per area", "Rekomendasi"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "src=\"http", "url(", "**", "{{"} {
		if strings.Contains(doc, bad) {
			t.Errorf("the HTML holds %q: it must be one self-contained file without Markdown", bad)
		}
	}
	// Well nested: every element closed in order, void elements aside.
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict, dec.AutoClose, dec.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	var stack []string
	count := map[string]int{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the HTML does not parse: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			stack = append(stack, el.Name.Local)
			count[el.Name.Local]++
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != el.Name.Local {
				t.Fatalf("</%s> closes %v", el.Name.Local, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("left open: %v", stack)
	}
	if count["html"] != 1 || count["style"] != 1 || count["table"] < 6 || count["h3"] < 5 {
		t.Errorf("structure: %v", count)
	}
	// One page break before the findings and one before each later area.
	if n := strings.Count(doc, `class="area"`); n != strings.Count(doc, "<h3>")-2 {
		t.Errorf("%d page-breaking sections for %d areas", n, strings.Count(doc, "<h3>")-2)
	}
}

func TestReportLHERefusals(t *testing.T) {
	path := lheDemoDB(t)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report", "lhe"}, 2, "--satker wajib"},
		{[]string{"report", "lhe", "--satker", "kankemenag-sinjai", "--format", "pdf"}, 2, `--format "pdf" tidak dikenal`},
		{[]string{"report", "lhe", "--satker", "kankemenag-sinjai", "--stage", "TPN"}, 1, "belum punya evaluasi TPN"},
		{[]string{"report", "lhe", "--satker", "tidak-ada"}, 1, "tidak-ada"},
	} {
		_, errOut, code := ziwb(t, append([]string{"--db", path}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", c.args, code, errOut, c.code, c.msg)
		}
	}
	// A PMPZI has no gap and is signed by its own team.
	out, errOut, code := ziwb(t, "--db", path, "report", "lhe", "--satker", "kankemenag-sinjai", "--stage", "PMPZI")
	if code != 0 || strings.Contains(out, "Selisih") || !strings.Contains(out, "## Tim Kerja Zona Integritas") {
		t.Errorf("PMPZI: exit %d %s\n%s", code, errOut, out)
	}
}

// TestLHEChromium prints the HTML to PDF and PNG with headless Chromium,
// when one is installed (testdata/lhe-chromium.sh). LHE_CHROMIUM_OUT
// keeps the files in that folder to look at.
func TestLHEChromium(t *testing.T) {
	found := false
	for _, b := range []string{"chromium", "chromium-headless-shell", "google-chrome", "chromium-browser"} {
		if _, err := exec.LookPath(b); err == nil {
			found = true
		}
	}
	if !found {
		t.Skip("no chromium on PATH")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	path := lheDemoDB(t)
	dir := t.TempDir()
	out := os.Getenv("LHE_CHROMIUM_OUT")
	if out == "" {
		out = dir
	}
	for _, satker := range []string{"kankemenag-sinjai", "kankemenag-minahasa-tenggara"} {
		file := filepath.Join(dir, "lhe-"+satker+".html")
		if _, errOut, code := ziwb(t, "--db", path, "report", "lhe", "--satker", satker, "--format", "html", "-o", file); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		cmd := exec.Command("sh", filepath.Join("testdata", "lhe-chromium.sh"), file, out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lhe-chromium.sh: %v\n%s", err, b)
		}
		pdf, err := os.ReadFile(filepath.Join(out, "lhe-"+satker+".pdf"))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("/MediaBox [0 0 594.95")) {
			t.Errorf("%s: not an A4 PDF (%v, %d bytes)", satker, err, len(pdf))
		}
		png, err := os.ReadFile(filepath.Join(out, "lhe-"+satker+".png"))
		if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s: no PNG (%v)", satker, err)
		}
	}
}
