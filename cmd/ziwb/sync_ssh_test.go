//go:build unix

package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// TestSyncOverSSH syncs a laptop with a real ziwb serve on 127.0.0.1
// through the system's OpenSSH client and throwaway ed25519 keys: the
// first sync takes a satker out, the next brings the laptop's work in and
// the server's out, as an evaluator.
func TestSyncOverSSH(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("no ssh client installed")
	}
	path := demoDB(t)
	db := mustOpen(t, path, false)
	dir := t.TempDir()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := gossh.NewSignerFromKey(priv)
	block, err := gossh.MarshalPrivateKey(priv, "ani@laptop")
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(key, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startTestServer(t, db, fmt.Sprintf("ani evaluator %s", gossh.MarshalAuthorizedKey(signer.PublicKey())))
	sshFlags := []string{"-i", key, "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=" + filepath.Join(dir, "known_hosts"), "-o", "LogLevel=ERROR"}
	laptop := filepath.Join(t.TempDir(), "laptop.db")
	sync := func(args ...string) (string, string, int) {
		t.Helper()
		return as(t, "ani", append(append([]string{"--db", laptop, "sync", "ani@" + srv.Addr().String()}, sshFlags...), args...)...)
	}
	serverID, _ := db.Identity()

	out, errOut, code := sync("--satker", fieldSatker)
	if code != 0 || !strings.Contains(out, "Selaras: 1 satker") || !strings.Contains(out, serverID) {
		t.Fatalf("the first sync over SSH: exit %d\n%s%s", code, out, errOut)
	}
	f := draftEvaluation(t, laptop, fieldSatker)
	q0, q1 := f.qs[0], f.qs[1]
	before := answersOf(t, laptop, f.e.ID)
	mine := other(q0, valueOf(before, q0.ID))
	theirs := other(q1, valueOf(before, q1.ID))
	f.answer(t, laptop, "ani", map[string]string{q0.ID: mine})
	if _, err := db.SetAnswer(f.e.ID, q1.ID, model.Value{Choice: theirs}, "ortala"); err != nil {
		t.Fatal(err)
	}

	out, errOut, code = sync()
	if code != 0 || !strings.Contains(out, "Selaras: 1 satker") || !strings.Contains(out, "diambil   1") {
		t.Fatalf("the second sync over SSH: exit %d\n%s%s", code, out, errOut)
	}
	got, err := db.Answers(f.e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got[q0.ID].Value.String() != mine || got[q1.ID].Value.String() != theirs {
		t.Errorf("server after the sync: %s=%v %s=%v", q0.ID, got[q0.ID].Value, q1.ID, got[q1.ID].Value)
	}
	here := answersOf(t, laptop, f.e.ID)
	if valueOf(here, q0.ID) != mine || valueOf(here, q1.ID) != theirs {
		t.Errorf("laptop after the sync: %s=%s %s=%s", q0.ID, valueOf(here, q0.ID), q1.ID, valueOf(here, q1.ID))
	}
	h, _ := db.History(store.HistoryFilter{Evaluation: f.e.ID, Question: q0.ID, Limit: 1})
	if len(h) != 1 || h[0].By != "ani" {
		t.Errorf("the laptop's answer on the server is by %+v; want ani", h)
	}
	// On the server, sync itself is refused: it would open the server's
	// files, or run ssh from there.
	host, port, _ := strings.Cut(srv.Addr().String(), ":")
	c := exec.Command("ssh", append(append([]string{"-p", port}, sshFlags...), "ani@"+host, "sync", "--file", path)...)
	var stderr strings.Builder
	c.Stderr = &stderr
	err = c.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(stderr.String(), "sync tidak tersedia lewat server") {
		t.Errorf("sync run on the server: %v %q", err, stderr.String())
	}
}
