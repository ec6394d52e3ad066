package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/serve"
)

// TestServedCommands runs the real subcommands over SSH, as each role:
// the same command tree, the session's input and output, the exit status,
// the role enforced by the store, and no file of the server reachable.
func TestServedCommands(t *testing.T) {
	path := demoDB(t)
	bundle, _, _ := ziwb(t, "--db", path, "export") // a plain bundle: admin only
	field, _, _ := ziwb(t, "--db", path, "export", "--satker", "kua-tombatu")
	other := filepath.Join(t.TempDir(), "lain.db") // where the bundle goes
	db := mustOpen(t, other, false)
	keys, users := sshPeople([][2]string{{"ani", "admin"}, {"budi", "evaluator"}, {"sari", "viewer"}})
	srv := startTestServer(t, db, users)
	dir := t.TempDir() // a folder a remote command must not reach
	run := func(who, cmd, stdin string) (string, string, int) {
		t.Helper()
		return runOverSSH(t, srv, keys[who], who, cmd, stdin)
	}
	sum := func() [32]byte { t.Helper(); return fileSumOf(t, other) }

	before := sum()
	if _, errOut, code := run("sari", "import -", bundle); code != 1 || !strings.Contains(errOut, "peran viewer tidak boleh mengimpor") {
		t.Errorf("a viewer's import: exit %d %q", code, errOut)
	}
	if _, errOut, code := run("budi", "import -", bundle); code != 1 || !strings.Contains(errOut, "perlu peran admin") {
		t.Errorf("an evaluator's import: exit %d %q", code, errOut)
	}
	if _, errOut, code := run("sari", "import -", field); code != 1 || !strings.Contains(errOut, "peran viewer tidak boleh menggabungkan") {
		t.Errorf("a viewer's merge: exit %d %q", code, errOut)
	}
	if sum() != before {
		t.Fatal("a refused import changed the file")
	}
	// Field work comes back from an evaluator: a field bundle merges.
	if out, errOut, code := run("budi", "import -", field); code != 0 || !strings.Contains(out, "digabung") || !strings.Contains(out, "konflik   0") {
		t.Fatalf("an evaluator's merge: exit %d %q %q", code, out, errOut)
	}
	if out, errOut, code := run("ani", "import -", bundle); code != 0 || !strings.Contains(out, "diimpor") {
		t.Fatalf("an admin's import: exit %d %q %q", code, out, errOut)
	}
	if out, _, code := run("sari", "compare --format csv", ""); code != 0 || !strings.HasPrefix(out, "satker,nama") || !strings.Contains(out, "kua-tombatu") {
		t.Errorf("compare --format csv: exit %d\n%.300s", code, out)
	}
	h, _ := db.History(store.HistoryFilter{Satker: "kua-tombatu", Limit: 1})
	if len(h) != 1 {
		t.Fatal("no history after the import")
	}
	for _, c := range []struct {
		who, cmd, want string
		code           int
	}{
		{"ani", "export -o " + filepath.Join(dir, "x.json"), "tidak bisa dibaca atau ditulis", 2},
		{"ani", "--db " + path + " check", "--db", 2},
		{"ani", "import " + filepath.Join(dir, "x.json"), "tidak bisa dibaca atau ditulis", 2},
		{"ani", "backup " + filepath.Join(dir, "x.json"), "tidak bisa dibaca atau ditulis", 2},
		{"budi", "backup -", "perlu peran admin", 1},
		{"ani", "serve", "tidak tersedia lewat server", 2},
		{"budi", "score --satker tidak-ada", "tidak-ada", 1},
	} {
		if _, errOut, code := run(c.who, c.cmd, ""); code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d %q; want %d and %q", c.cmd, code, errOut, c.code, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Error("a command over SSH wrote a file on the server")
	}
	// An admin's backup comes through the session: a whole database file.
	out, errOut, code := run("ani", "backup -", "")
	if code != 0 {
		t.Fatalf("backup -: exit %d %q", code, errOut)
	}
	copied := filepath.Join(t.TempDir(), "salinan.db")
	if err := os.WriteFile(copied, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, _, code := ziwb(t, "--db", copied, "check"); code != 0 || !strings.Contains(got, "sehat") {
		t.Errorf("the copy that came through the session: exit %d %q", code, got)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("backup - wrote a file named -")
	}
}

func fileSumOf(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// sshPeople makes a key for each person (name, role) and the text of a
// users file that lets them in with it.
func sshPeople(people [][2]string) (map[string]gossh.Signer, string) {
	keys := map[string]gossh.Signer{}
	var users strings.Builder
	for _, p := range people {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		s, _ := gossh.NewSignerFromKey(priv)
		keys[p[0]] = s
		fmt.Fprintf(&users, "%s %s %s", p[0], p[1], gossh.MarshalAuthorizedKey(s.PublicKey()))
	}
	return keys, users.String()
}

// runOverSSH runs cmd on srv as who, signed with key and reading stdin,
// and returns what it wrote and its exit status.
func runOverSSH(t *testing.T, srv *serve.Server, key gossh.Signer, who, cmd, stdin string) (string, string, int) {
	t.Helper()
	c, err := gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{User: who,
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _ := c.NewSession()
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr, s.Stdin = &out, &errb, strings.NewReader(stdin)
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

// startTestServer serves db on 127.0.0.1 to the people of users (a users
// file's text) until the test ends, and closes db then.
func startTestServer(t *testing.T, db *store.DB, users string) *serve.Server {
	t.Helper()
	dir := t.TempDir()
	usersFile := filepath.Join(dir, "pengguna.txt")
	if err := os.WriteFile(usersFile, []byte(users), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(serve.Config{Listen: "127.0.0.1:0", UsersFile: usersFile, HostKey: filepath.Join(dir, "host"),
		DB: db, Command: remoteCommand})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx, "selesai", 1)
		db.Close()
	})
	return srv
}

// Over SSH the server splits the command line again at its spaces, so a
// reason typed as --alasan "Lengkapi area TL" arrives as three words; the
// refusal of the stray ones says how to quote it, not only that "area" is
// no command.
func TestServedUsageErrorSaysHowToQuote(t *testing.T) {
	f := newReviewFixture(t)
	db := mustOpen(t, f.path, false)
	defer db.Close()
	var out, errb bytes.Buffer
	args := []string{"evaluasi", "kembalikan", "--satker", reviewSatker, "--alasan", "Lengkapi", "area", "TL"} // as ssh sends it
	code := remoteCommand(context.Background(), db.As(store.RoleEvaluator), serve.Person{Name: "sari", Role: store.RoleEvaluator},
		args, strings.NewReader(""), &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), `"area" tidak dikenal`) || !strings.Contains(errb.String(), `'evaluasi kembalikan --satker ID --alasan "Lengkapi area TL"'`) {
		t.Fatalf("exit %d:\n%s", code, errb.String())
	}
	// A usage error of another kind has no such hint.
	errb.Reset()
	code = remoteCommand(context.Background(), db.As(store.RoleEvaluator), serve.Person{Name: "sari", Role: store.RoleEvaluator},
		[]string{"evaluasi", "show", "--tahun", "2026"}, strings.NewReader(""), &out, &errb)
	if code != 2 || strings.Contains(errb.String(), "kutip") {
		t.Fatalf("exit %d:\n%s", code, errb.String())
	}
}
