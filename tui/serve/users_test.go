package serve

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/store"
)

// A users file saved with a mistake is reported once, not at every poll
// (once a second, all night), and read again as soon as it is fixed.
func TestBrokenUsersFileIsReportedOnce(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	path := filepath.Join(t.TempDir(), "pengguna-ziwb.txt")
	write := func(text string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
	}
	base := time.Now().Add(-time.Hour)
	write(budi.line()+"\n", base)
	u, err := loadUsers(path)
	if err != nil {
		t.Fatal(err)
	}
	write(budi.line()+"\nsari evaluatr "+budi.line()[len("budi evaluator "):]+"\n", base.Add(time.Minute))
	if _, err := u.reload(); err == nil {
		t.Fatal("a broken users file was not reported")
	}
	for i := range 3 {
		if changed, err := u.reload(); err != nil || changed {
			t.Fatalf("poll %d of the same broken file: changed %v, %v", i, changed, err)
		}
	}
	if _, ok := u.byKey(budi.signer.PublicKey()); !ok {
		t.Error("the people read before the mistake no longer hold")
	}
	write(budi.line()+"\n# diperbaiki\n", base.Add(2*time.Minute))
	if changed, err := u.reload(); err != nil || !changed {
		t.Errorf("the fixed file: changed %v, %v", changed, err)
	}
}

// A key line that does not parse is said in Indonesian with its file and
// line, not with Go's "ssh: no key found … illegal base64 data".
func TestUsersFileBadKeyIsSaidInIndonesian(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	key := budi.line()[len("budi evaluator "):]
	for _, bad := range []string{
		"ssh-ed25519 bukan-kunci",
		key[:len(key)/2], // cut off while copying
		"ssh-ed25519",    // the type without the key
		"kunci-rahasia " + key[len("ssh-ed25519 "):],
	} {
		_, err := ParseUsers("pengguna.txt", []byte("# tim\nandi admin "+bad+" andi@laptop\n"))
		if err == nil {
			t.Errorf("%q: no error", bad)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "pengguna.txt:2: kunci publik andi tidak terbaca") {
			t.Errorf("%q: %q; want file, line and person first", bad, msg)
		}
		for _, english := range []string{"ssh:", "no key found", "illegal", "base64 data", "parsing error"} {
			if strings.Contains(msg, english) {
				t.Errorf("%q: %q says %q in English", bad, msg, english)
			}
		}
	}
}

// logBuffer is a connection log a test can read while the server writes.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) count(s string) int { return strings.Count(l.String(), s) }

// A users file deleted, or there but unreadable, is logged once, not at
// every poll; once it is back it is read, and a second loss is logged
// again. The people read before stay meanwhile.
func TestMissingUsersFileIsReportedOnce(t *testing.T) {
	budi := newTester(t, "budi", store.RoleEvaluator)
	var log logBuffer
	ts := startServerWith(t, func(c *Config) { c.Log = &log }, budi)
	const problem = "berkas pengguna tidak dibaca ulang"
	polls := func() { time.Sleep(10 * ts.cfg.Poll) } // ten polls
	for round := 1; round <= 2; round++ {
		if err := os.Remove(ts.usersFile); err != nil {
			t.Fatal(err)
		}
		polls()
		if n := log.count(problem); n != 2*round-1 {
			t.Fatalf("round %d, the file deleted: %d log lines; want %d\n%s", round, n, 2*round-1, log.String())
		}
		if _, _, code := ts.run(t, budi, "jumlah", ""); code != 0 {
			t.Errorf("round %d: budi no longer gets in while the file is missing", round)
		}
		if err := os.Mkdir(ts.usersFile, 0o755); err != nil { // there, but not a file to read
			t.Fatal(err)
		}
		polls()
		if n := log.count(problem); n != 2*round {
			t.Fatalf("round %d, the file unreadable: %d log lines; want %d\n%s", round, n, 2*round, log.String())
		}
		if err := os.Remove(ts.usersFile); err != nil {
			t.Fatal(err)
		}
		ts.writeUsers(t, budi)
		polls()
	}
	if log.count("no such file") > 0 || log.count("is a directory") > 0 {
		t.Errorf("the log speaks English:\n%s", log.String())
	}
}
