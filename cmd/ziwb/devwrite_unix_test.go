//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExportToAPipeKeepsThePipe: -o naming a FIFO (as /dev/null or
// /dev/stdout would be a device) writes into it; the rename that makes
// files atomic would have put a regular file in its place.
func TestExportToAPipeKeepsThePipe(t *testing.T) {
	path := demoDB(t)
	fifo := filepath.Join(t.TempDir(), "pipa")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if _, errOut, code := ziwb(t, "--db", path, "export", "-o", fifo); code != 0 {
		t.Fatalf("export to a FIFO: exit %d %s", code, errOut)
	}
	select {
	case out := <-got:
		if !strings.Contains(out, `"format": "ziwb-bundle"`) {
			t.Errorf("the reader of the FIFO got %.200q", out)
		}
	case <-time.After(5 * time.Second):
		t.Error("nothing reached the reader of the FIFO")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("after the export the FIFO is %v (%v)", fi.Mode(), err)
	}
}
