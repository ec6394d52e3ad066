package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Review: a file whose every row matches no question, imported with
// --skip-unmatched, saves nothing: in particular it does not create the
// evaluation it would have gone into.
func TestImportOnlySkippedRowsWritesNothing(t *testing.T) {
	db := demoDB(t)
	csv := filepath.Join(t.TempDir(), "jawaban.csv")
	if err := os.WriteFile(csv, []byte("id,nomor,jawaban,nilai,bobot,catatan\ntidak.ada,9.z,Y,,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exists := func() bool {
		_, _, code := ziwb(t, "--db", db, "evaluasi", "show", "--satker", "kua-tombatu", "--stage", "TPN", "--year", "2031")
		return code == 0
	}
	if exists() {
		t.Fatal("the demo has a TPN 2031 evaluation; the test needs none")
	}
	out, errOut, code := ziwb(t, "--db", db, "import", "--answers", csv, "--satker", "kua-tombatu", "--stage", "TPN", "--year", "2031", "--skip-unmatched")
	t.Logf("exit %d\n%s%s", code, out, errOut)
	if exists() {
		t.Errorf("a file of skipped rows only made the evaluation it was aimed at (exit %d)", code)
	}
	if strings.Contains(out, "evaluasi") && strings.Contains(out, "1 baru") {
		t.Errorf("the report says an evaluation was made:\n%s", out)
	}
}
