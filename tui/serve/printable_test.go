package serve

import (
	"bytes"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

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

	c, err := ts.dial(t, budi)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s.Stdout, s.Stdin = &out, strings.NewReader(stored)
	if err := s.Run("gema"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "KUA Uji") || strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("to a terminal: %q; want the text without its sequences", got)
	}
}
