package serve

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/store"
)

// A command run with a terminal (ssh -t) prints stored text without its
// control sequences, as the local binary does; run into a pipe (no pty)
// it gives every byte, for a workbook or a bundle is data.
func TestCommandsPrintNoEscapesToATerminal(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	ts := startServer(t, budi)
	stored := "KUA Uji\x1b]0;dibajak\x07\x1b[2J\n"

	if out, _, code := ts.run(t, budi, "gema", stored); code != 0 || out != stored {
		t.Fatalf("into a pipe: status %d, %q; want every byte", code, out)
	}

	got, _, code := ts.runOn(t, budi, true, "gema", stored)
	if code != 0 || !strings.Contains(got, "KUA Uji") || strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("to a terminal: status %d, %q; want the text without its sequences", code, got)
	}
}
