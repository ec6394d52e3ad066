//go:build unix

package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// The real server stopped by SIGTERM says so in Indonesian, naming the
// signal as the workbench does (SIGTERM), not Go's English "terminated",
// and ends, after its clean shutdown, with the workbench's 128+n.
func TestServeSaysWhichSignalStoppedIt(t *testing.T) {
	binaries(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "ziwb.db")
	if err := runQuiet(ptyZiwb, "--db", db, "demo", "--satkers", "1"); err != nil {
		t.Fatal(err)
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, _ := gossh.NewSignerFromKey(priv)
	users := filepath.Join(dir, "pengguna-ziwb.txt")
	if err := os.WriteFile(users, fmt.Appendf(nil, "ani admin %s", gossh.MarshalAuthorizedKey(s.PublicKey())), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ptyZiwb, "serve", "--db", db, "--listen", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var log []string
	wait := func(want string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("server ended before %q:\n%s", want, strings.Join(log, "\n"))
				}
				log = append(log, l)
				if strings.Contains(l, want) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q within 10s:\n%s", want, strings.Join(log, "\n"))
			}
		}
	}
	wait("ziwb melayani")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	wait("diterima")
	if got := log[len(log)-1]; !strings.Contains(got, "SIGTERM diterima") {
		t.Errorf("the server's word on SIGTERM: %q", got)
	}
	for range lines {
	}
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 128+int(syscall.SIGTERM) {
		t.Errorf("serve after SIGTERM: %v, exit %d; want 143, as the workbench", err, code)
	}
}
