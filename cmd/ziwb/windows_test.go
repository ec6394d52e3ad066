package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
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
