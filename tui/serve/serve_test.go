package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// A person of the test: a name, a role and a key pair.
type tester struct {
	name   string
	role   store.Role
	signer gossh.Signer
}

func newTester(t *testing.T, name string, role store.Role) tester {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return tester{name, role, s}
}

func (p tester) line() string {
	return fmt.Sprintf("%s %s %s", p.name, p.role, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(p.signer.PublicKey()))))
}

// testServer is a server on 127.0.0.1:0 over a demo database, with a
// command runner of the test's own: "jawab EVAL Q NILAI" answers, "jumlah"
// prints the number of answers, "gagal" exits 3.
type testServer struct {
	*Server
	db        *store.DB
	usersFile string
	dbPath    string
}

func startServer(t *testing.T, people ...tester) *testServer {
	t.Helper()
	return startServerWith(t, nil, people...)
}

// startServerWith is startServer with a change to the configuration.
func startServerWith(t *testing.T, tweak func(*Config), people ...tester) *testServer {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "ziwb.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Demo(0, time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	ts := &testServer{db: db, usersFile: filepath.Join(dir, "pengguna.txt"), dbPath: path}
	ts.writeUsers(t, people...)
	cfg := Config{Listen: "127.0.0.1:0", UsersFile: ts.usersFile, HostKey: filepath.Join(dir, "host_ed25519"),
		DB: db, Command: testCommand, Poll: 50 * time.Millisecond, Log: io.Discard}
	if tweak != nil {
		tweak(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ts.Server = srv
	done := make(chan error, 1)
	go func() { done <- srv.Serve() }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx, "selesai", 1)
		<-done
		db.Close()
	})
	return ts
}

// shutdown stops the server as its operator would ("server dihentikan",
// exit status 143), giving its sessions five seconds to end.
func (ts *testServer) shutdown(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx, "server dihentikan", 143); err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

func (ts *testServer) writeUsers(t *testing.T, people ...tester) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# tim uji\n\n")
	for _, p := range people {
		b.WriteString(p.line() + "\n")
	}
	if err := os.WriteFile(ts.usersFile, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	// A new modification time even within the file system's resolution.
	later := time.Now().Add(time.Duration(len(people)) * time.Second)
	os.Chtimes(ts.usersFile, later, later)
}

func testCommand(_ context.Context, db *store.DB, who Person, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 4 && args[0] == "jawab":
		v := model.Letter(args[3])
		if args[3] == "terbaik" { // the question's best answer, whatever its type
			e, _ := db.Evaluation(args[1])
			in, _ := db.Instrument(e.InstrumentHash)
			q, _ := in.Question(args[2])
			v = q.Best()
		}
		if _, err := db.SetAnswer(args[1], args[2], v, who.Name); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, "tersimpan oleh", who.Name)
		return 0
	case len(args) == 1 && args[0] == "jumlah":
		st, _ := db.Stats()
		fmt.Fprintln(stdout, st.Answers)
		return 0
	case len(args) == 1 && args[0] == "gema":
		io.Copy(stdout, stdin)
		return 0
	}
	return 3
}

func (ts *testServer) dial(t *testing.T, p tester) (*gossh.Client, error) {
	return gossh.Dial("tcp", ts.Addr().String(), &gossh.ClientConfig{User: p.name,
		Auth: []gossh.AuthMethod{gossh.PublicKeys(p.signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
}

// run runs a command and returns its output and exit status.
func (ts *testServer) run(t *testing.T, p tester, cmd, stdin string) (string, string, int) {
	t.Helper()
	return ts.runOn(t, p, false, cmd, stdin)
}

// runOn is run, on a terminal (ssh -t) when pty is set.
func (ts *testServer) runOn(t *testing.T, p tester, pty bool, cmd, stdin string) (string, string, int) {
	t.Helper()
	c, err := ts.dial(t, p)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if pty {
		if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr, s.Stdin = &out, &errb, strings.NewReader(stdin)
	err = s.Run(cmd)
	code := 0
	if ee, ok := err.(*gossh.ExitError); ok {
		code = ee.ExitStatus()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestOnlyListedKeysGetIn(t *testing.T) {
	budi, asing := newTester(t, "budi", store.RoleEvaluator), newTester(t, "asing", store.RoleAdmin)
	ts := startServer(t, budi)
	if _, err := ts.dial(t, asing); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("an unlisted key: %v; want refused", err)
	}
	// No password either.
	_, err := gossh.Dial("tcp", ts.Addr().String(), &gossh.ClientConfig{User: "budi",
		Auth: []gossh.AuthMethod{gossh.Password("rahasia")}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err == nil {
		t.Fatal("a password got in")
	}
	if out, _, code := ts.run(t, budi, "jumlah", ""); code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("a listed key's command: %q exit %d", out, code)
	}
}

func TestCommandsRunAsThePersonWithTheirRole(t *testing.T) {
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleViewer)
	ts := startServer(t, budi, sari)
	const eval, q = "kua-tombatu/2026/PMPZI", "mp.pemenuhan.1"
	before, err := os.ReadFile(ts.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := ts.run(t, sari, "jawab "+eval+" "+q+" Y", ""); code != 1 || !strings.Contains(errOut, "peran viewer tidak boleh") {
		t.Errorf("a viewer's answer: exit %d %q; want refused", code, errOut)
	}
	if after, _ := os.ReadFile(ts.dbPath); !bytes.Equal(before, after) {
		t.Error("a viewer's refused answer changed the file")
	}
	if out, errOut, code := ts.run(t, budi, "jawab "+eval+" "+q+" Y", ""); code != 0 || !strings.Contains(out, "tersimpan oleh budi") {
		t.Fatalf("an evaluator's answer: exit %d %q %s", code, out, errOut)
	}
	h, err := ts.db.History(store.HistoryFilter{Evaluation: eval, Question: q, Limit: 1})
	if err != nil || len(h) != 1 || h[0].By != "budi" {
		t.Errorf("history after the remote answer: %+v %v; want it by budi", h, err)
	}
	if out, _, code := ts.run(t, budi, "gema", "dari masukan standar"); code != 0 || out != "dari masukan standar" {
		t.Errorf("standard input: %q exit %d", out, code)
	}
	if _, _, code := ts.run(t, budi, "gagal", ""); code != 3 {
		t.Errorf("exit status %d; want the command's 3", code)
	}
}

// screen is a workbench session in a pseudo-terminal of the client, drawn
// by a virtual terminal that also answers the program's queries as a real
// one does.
type screen struct {
	mu  sync.Mutex
	raw bytes.Buffer // everything the session wrote
	vt  *vt.SafeEmulator
	in  io.WriteCloser
	s   *gossh.Session
	end chan error
}

func (sc *screen) Write(p []byte) (int, error) {
	sc.mu.Lock()
	sc.raw.Write(p)
	sc.mu.Unlock()
	return sc.vt.Write(p)
}

// waitEnd waits up to five seconds for the session to end, failing with
// what otherwise.
func (sc *screen) waitEnd(t *testing.T, what string) {
	t.Helper()
	select {
	case <-sc.end:
	case <-time.After(5 * time.Second):
		t.Fatal(what)
	}
}

// text is everything the session wrote, escape codes and all.
func (sc *screen) text() string {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.raw.String()
}

// shows is what the terminal shows now.
func (sc *screen) shows() string { return ansi.Strip(sc.vt.Render()) }

// waitFor waits until the terminal shows want, or fails after d.
func (sc *screen) waitFor(t *testing.T, want string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if strings.Contains(sc.shows(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("after %s the screen never showed %q; it shows:\n%s", d, want, sc.shows())
}

// openWalk filters the satker list down to one satker and opens the walk
// of its only evaluation.
func (sc *screen) openWalk(t *testing.T, filter string) {
	t.Helper()
	fmt.Fprint(sc.in, "/"+filter)
	sc.waitFor(t, "1 dari", 5*time.Second)
	fmt.Fprint(sc.in, "\r")
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(sc.in, "\r")
	sc.waitFor(t, "PMPZI", 5*time.Second)
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(sc.in, "\r")
	sc.waitFor(t, "Pertanyaan", 5*time.Second)
}

func lastChars(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func (ts *testServer) workbench(t *testing.T, p tester) *screen {
	t.Helper()
	c, err := ts.dial(t, p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sc := &screen{s: s, end: make(chan error, 1), vt: vt.NewSafeEmulator(120, 30)}
	s.Stdout, s.Stderr = sc, sc
	if sc.in, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	go io.Copy(sc.in, sc.vt) // the terminal's answers to the program's queries
	if err := s.RequestPty("xterm-256color", 30, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { sc.end <- s.Wait() }()
	return sc
}

func TestWorkbenchSessionsSeeEachOthersSaves(t *testing.T) {
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleViewer)
	ts := startServer(t, budi, sari)
	sc := ts.workbench(t, sari)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sc.waitFor(t, "11/113", 2*time.Second) // KUA Tombatu's PMPZI before

	const eval = "kua-tombatu/2026/PMPZI"
	if _, _, code := ts.run(t, budi, "jawab "+eval+" "+unanswered(t, ts.db, eval)+" terbaik", ""); code != 0 {
		t.Fatal("the other session's answer failed")
	}
	start := time.Now()
	sc.waitFor(t, "12/113", time.Second)
	t.Logf("the other screen showed the save after %s", time.Since(start).Round(time.Millisecond))

	// The walk of that evaluation shows the next one too, and a key the
	// viewer's role does not allow says why.
	sc.openWalk(t, "tombatu")
	sc.waitFor(t, "12/113 dijawab", 2*time.Second)
	if _, _, code := ts.run(t, budi, "jawab "+eval+" "+unanswered(t, ts.db, eval)+" terbaik", ""); code != 0 {
		t.Fatal("the second answer failed")
	}
	sc.waitFor(t, "13/113 dijawab", time.Second)
	answerKey := "a"
	if strings.Contains(sc.shows(), "· Ya/Tidak") {
		answerKey = "y"
	}
	fmt.Fprint(sc.in, answerKey)
	sc.waitFor(t, "peran viewer tidak boleh", time.Second)
	fmt.Fprint(sc.in, "\x1b")
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(sc.in, "\x1b")
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(sc.in, "\x1b")
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(sc.in, "q")
	sc.waitEnd(t, "q did not end the session")
}

// unanswered is a question of the evaluation that has no answer yet.
func unanswered(t *testing.T, db *store.DB, evalID string) string {
	t.Helper()
	e, err := db.Evaluation(evalID)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := db.Instrument(e.InstrumentHash)
	got, _ := db.Answers(evalID)
	for _, q := range in.Questions() {
		if got[q.ID].Value.IsZero() {
			return q.ID
		}
	}
	t.Fatal("every question is answered")
	return ""
}

func TestRemovedPersonsSessionEnds(t *testing.T) {
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleViewer)
	ts := startServer(t, budi, sari)
	sc := ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	ts.writeUsers(t, sari)
	sc.waitEnd(t, "the removed person's session did not end")
	if !strings.Contains(sc.text(), "akses Anda diubah") {
		t.Errorf("the session ended without saying why:\n%s", lastChars(sc.text(), 500))
	}
	if _, err := ts.dial(t, budi); err == nil {
		t.Error("a removed key still gets in")
	}
}

func TestShutdownEndsSessionsAndKeepsEverySave(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	ts := startServer(t, budi)
	sc := ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	const eval = "kua-tombatu/2026/PMPZI"
	var qs []string
	for range 3 { // questions the demo left open, so each save changes one
		q := unanswered(t, ts.db, eval)
		if _, _, code := ts.run(t, budi, "jawab "+eval+" "+q+" terbaik", ""); code != 0 {
			t.Fatal("answer failed")
		}
		qs = append(qs, q)
	}
	ts.shutdown(t)
	sc.waitEnd(t, "shutdown left a session open")
	if !strings.Contains(sc.text(), "server dihentikan") {
		t.Errorf("the session was not told:\n%s", lastChars(sc.text(), 500))
	}
	if ps := ts.db.Check(); len(ps) > 0 {
		t.Fatalf("the file after shutdown: %v", ps)
	}
	got, err := ts.db.Answers(eval)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if got[q].Value.IsZero() || got[q].By != "budi" {
			t.Errorf("%s after shutdown: %+v", q, got[q])
		}
	}
}

func TestUsersFileErrorsNameTheLine(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	data := "# tim\n" + budi.line() + "\nsari pengamat " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(budi.signer.PublicKey()))) +
		"\nandi admin ssh-ed25519 bukan-kunci\nbudi viewer " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(budi.signer.PublicKey()))) + "\nhanya-nama\n"
	_, err := ParseUsers("pengguna.txt", []byte(data))
	es, ok := model.AsFileErrors(err)
	if !ok || len(es) != 4 {
		t.Fatalf("errors: %v", err)
	}
	for i, want := range []string{"pengguna.txt:3: peran \"pengamat\"", "pengguna.txt:4: kunci publik andi", "pengguna.txt:5: nama budi sudah dipakai di baris 2", "pengguna.txt:6: baris harus berisi"} {
		if !strings.HasPrefix(es[i].Error(), want) {
			t.Errorf("error %d: %q; want %q…", i, es[i].Error(), want)
		}
	}
}

// TestSessionsKeepTheirOwnTerminal: a client asking for NO_COLOR gets no
// colour, the others theirs; an idle session ends after the timeout.
func TestSessionsKeepTheirOwnTerminal(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	ts := startServer(t, budi)
	colour := ts.workbench(t, budi)
	colour.waitFor(t, "satker · urut", 5*time.Second)
	if !strings.Contains(colour.text(), "\x1b[38;") {
		t.Error("a 256-colour terminal got no colour")
	}

	c, err := ts.dial(t, budi)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _ := c.NewSession()
	if err := s.Setenv("NO_COLOR", "1"); err != nil {
		t.Skip("the client could not send NO_COLOR:", err)
	}
	plain := &screen{s: s, end: make(chan error, 1), vt: vt.NewSafeEmulator(100, 30)}
	s.Stdout, s.Stderr = plain, plain
	plain.in, _ = s.StdinPipe()
	go io.Copy(plain.in, plain.vt)
	s.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{})
	s.Shell()
	plain.waitFor(t, "satker · urut", 5*time.Second)
	if strings.Contains(plain.text(), "\x1b[38;") {
		t.Error("NO_COLOR: the session still got colour")
	}
}

func TestIdleSessionsEnd(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	ts := startServerWith(t, func(c *Config) { c.IdleTimeout = 300 * time.Millisecond }, budi)
	sc := ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sc.waitEnd(t, "an idle session outlived its timeout")
}
