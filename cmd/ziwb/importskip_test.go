package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSkipUnmatched: a CSV with a row that matches no question is
// refused and saves nothing; with --skip-unmatched the row is named, left
// out, and the rest is saved.
func TestImportSkipUnmatched(t *testing.T) {
	db := demoDB(t)
	csv := filepath.Join(t.TempDir(), "jawaban.csv")
	if _, errOut, code := ziwb(t, "--db", db, "export", "--format", "csv", "--satker", "kua-tombatu", "-o", csv); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "\nmp.pemenuhan.3,1.ii.a,Y,", "\nmp.pemenuhan.3,1.ii.a,T,", 1)
	if text == string(data) {
		t.Fatalf("the demo's answer to mp.pemenuhan.3 changed; the test needs a Y there:\n%s", data)
	}
	text += "tidak.ada,9.z,Y,,,\n"
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	score := func() string {
		out, errOut, code := ziwb(t, "score", "--db", db, "--satker", "kua-tombatu", "--json")
		if code != 0 {
			t.Fatalf("score: exit %d: %s", code, errOut)
		}
		return out
	}
	before := score()

	_, errOut, code := ziwb(t, "--db", db, "import", "--answers", csv, "--satker", "kua-tombatu")
	if code != 1 || !strings.Contains(errOut, "tidak.ada") || !strings.Contains(errOut, "--skip-unmatched") {
		t.Fatalf("unmatched row: exit %d, want 1 naming the row and the flag:\n%s", code, errOut)
	}
	if score() != before {
		t.Fatal("a refused import changed the database")
	}

	out, errOut, code := ziwb(t, "--db", db, "import", "--answers", csv, "--satker", "kua-tombatu", "--skip-unmatched")
	if code != 0 || !strings.Contains(errOut, "1 baris dilewati") || !strings.Contains(errOut, "tidak.ada") {
		t.Fatalf("--skip-unmatched: exit %d\n%s%s", code, out, errOut)
	}
	if score() == before {
		t.Fatal("--skip-unmatched saved nothing")
	}
	if !strings.Contains(out, "1 diperbarui") {
		t.Errorf("one answer changed, the report says:\n%s", out)
	}
}
