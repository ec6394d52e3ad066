package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"golang.org/x/text/encoding/unicode"
)

// Windows reports the account as DOMAIN\name; a team names the person,
// so the history and the review levels must see the name alone.
func TestAccountNameWithoutDomain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`LAPTOP-7QK2\budi`, "budi"},
		{`KEMENAG\sari.w`, "sari.w"},
		{"budi", "budi"},
		{`budi\`, `budi\`}, // nothing after the separator: keep what there is
		{"", ""},
	} {
		if got := accountName(c.in); got != c.want {
			t.Errorf("accountName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Double-clicked in Explorer, ziwb.exe must open the workbench, not
// cobra's English "This is a command line tool" and close after 5 s.
func TestDoubleClickOpensWorkbench(t *testing.T) {
	if cobra.MousetrapHelpText != "" {
		t.Fatalf("cobra's Explorer splash is on: %q", cobra.MousetrapHelpText)
	}
}

// A window Explorer opened stays until its error has been read.
func TestHoldWindowWaitsForEnter(t *testing.T) {
	var out bytes.Buffer
	holdWindow(strings.NewReader("\r\n"), &out)
	if !strings.Contains(out.String(), "Enter") {
		t.Errorf("no prompt: %q", out.String())
	}
}

// --help names the default database where it is on the system at hand.
func TestDefaultDatabaseHint(t *testing.T) {
	if got := defaultDBHint("windows"); !strings.Contains(got, `%LocalAppData%\ziwb\ziwb.db`) || strings.Contains(got, "XDG") {
		t.Errorf("windows: %q", got)
	}
	if got := defaultDBHint("linux"); !strings.Contains(got, "$XDG_DATA_HOME/ziwb/ziwb.db") {
		t.Errorf("linux: %q", got)
	}
}

// Windows PowerShell's > writes what it catches as UTF-16: a bundle taken
// with "ssh … export > bundel.json" and an answers file saved by Out-File
// import as their UTF-8 would.
func TestImportUTF16FromPowerShell(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	utf16 := func(name, text string) string {
		t.Helper()
		data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	bundle, _, _ := ziwb(t, "--db", path, "export")
	copied := filepath.Join(dir, "salinan.db")
	if out, errOut, code := ziwb(t, "--db", copied, "import", utf16("bundel.json", strings.ReplaceAll(bundle, "\n", "\r\n"))); code != 0 || !strings.Contains(out, "13 baru") {
		t.Fatalf("a UTF-16 bundle: exit %d\n%s%s", code, out, errOut)
	}
	if again, _, _ := ziwb(t, "--db", copied, "export"); again != bundle {
		t.Error("export → UTF-16 → import → export differs")
	}
	answers, _, _ := ziwb(t, "--db", path, "export", "--format", "csv", "--satker", "kua-tombatu") // CRLF already
	if out, errOut, code := ziwb(t, "--db", path, "import", "--answers", utf16("jawaban.csv", answers), "--satker", "kua-tombatu"); code != 0 || !strings.Contains(out, "tidak ada yang berubah") {
		t.Errorf("a UTF-16 answers file: exit %d\n%s%s", code, out, errOut)
	}
}
