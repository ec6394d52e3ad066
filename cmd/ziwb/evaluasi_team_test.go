package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// On a server a viewer cannot be put on a team: every step of the review
// chain would be refused at her turn, and the evaluation would wait there.
// "evaluasi tim --set" over SSH refuses it, naming her and her role.
func TestEvaluasiTeamRefusesAViewerOverServer(t *testing.T) {
	f := newReviewFixture(t)
	keys := map[string]gossh.Signer{}
	var users strings.Builder
	for _, p := range [][2]string{{"budi", "evaluator"}, {"sari", "viewer"}, {"rahmat", "admin"}} {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		s, _ := gossh.NewSignerFromKey(priv)
		keys[p[0]] = s
		fmt.Fprintf(&users, "%s %s %s", p[0], p[1], gossh.MarshalAuthorizedKey(s.PublicKey()))
	}
	srv := startTestServer(t, mustOpen(t, f.path, false), users.String())
	run := func(who, cmd string) (string, string, int) {
		t.Helper()
		c, err := gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{User: who,
			Auth: []gossh.AuthMethod{gossh.PublicKeys(keys[who])}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		s, _ := c.NewSession()
		var out, errb bytes.Buffer
		s.Stdout, s.Stderr = &out, &errb
		code := 0
		if err := s.Run(cmd); err != nil {
			ee, ok := err.(*gossh.ExitError)
			if !ok {
				t.Fatal(err)
			}
			code = ee.ExitStatus()
		}
		return out.String(), errb.String(), code
	}
	set := "evaluasi tim --satker " + reviewSatker + " --set "
	_, errOut, code := run("budi", set+`"budi (anggota), sari (ketua), rahmat (pengendali)"`)
	if code != 1 || !strings.Contains(errOut, `"sari"`) || !strings.Contains(errOut, "peran viewer") {
		t.Errorf("a viewer as ketua: exit %d %q; want exit 1 naming sari and her role", code, errOut)
	}
	if out, _, _ := run("budi", "evaluasi tim --satker "+reviewSatker); strings.Contains(out, "sari") {
		t.Errorf("the refused team was kept:\n%s", out)
	}
	if out, errOut, code := run("budi", set+`"budi (anggota), rahmat (ketua)"`); code != 0 {
		t.Errorf("an evaluator and an admin: exit %d %q %q", code, out, errOut)
	}
}
