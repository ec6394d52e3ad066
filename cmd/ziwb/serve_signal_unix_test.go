//go:build unix

package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
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
// and ends, after its clean shutdown, with the workbench's 128+n; so does
// a workbench session it ended, for the script or shell that opened it.
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
	addr := strings.Fields(strings.TrimPrefix(log[len(log)-1], "ziwb melayani "))[0]
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "ani",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(s)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, _ := c.NewSession()
	out, _ := sess.StdoutPipe()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if _, err := out.Read(make([]byte, 1)); err != nil { // the workbench has begun
		t.Fatal(err)
	}
	go io.Copy(io.Discard, out)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	wait("diterima")
	if got := log[len(log)-1]; !strings.Contains(got, "SIGTERM diterima") {
		t.Errorf("the server's word on SIGTERM: %q", got)
	}
	var ee *gossh.ExitError
	if err := sess.Wait(); !errors.As(err, &ee) || ee.ExitStatus() != 128+int(syscall.SIGTERM) {
		t.Errorf("a workbench session the SIGTERM ended: %v; want exit status 143", err)
	}
	for range lines {
	}
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 128+int(syscall.SIGTERM) {
		t.Errorf("serve after SIGTERM: %v, exit %d; want 143, as the workbench", err, code)
	}
}
