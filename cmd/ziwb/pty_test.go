//go:build !windows

// creack/pty has no Windows pseudo-terminal; the build tag keeps
// `GOOS=windows go vet` and the Windows test build working.

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// These tests run the real binary in a pseudo-terminal the test creates, so
// they need no terminal on the runner (CI has none).

const (
	// Shown only once the satker list is loaded: the count line reads
	// "13 satker · urut: nama A–Z"; while loading it is "Memuat daftar satker…".
	listMarker = "satker · urut"
	// The last line of `ziwb --help`: seen, the whole help was printed.
	helpMarker    = "untuk keterangan sebuah perintah"
	minimalMarker = "minimal ready"

	deadline    = 10 * time.Second // hang detection, not a speed limit
	exitTimeout = 5 * time.Second
)

var (
	// ptyDir holds the binaries and databases for one `go test` run;
	// TestMain removes it.
	ptyDir                        string
	ptyBuildOnce, ptyDB5000Once   sync.Once
	ptyBuildErr, ptyDB5000Err     error
	ptyZiwb, ptyMinimal           string
	ptyDemoDB, ptyDB5000, ptyHome string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if ptyDir != "" {
		os.RemoveAll(ptyDir)
	}
	os.Exit(code)
}

// binaries builds ziwb and the minimal baseline and fills the demo
// database, once per test run.
func binaries(tb testing.TB) {
	tb.Helper()
	ptyBuildOnce.Do(func() {
		if ptyDir, ptyBuildErr = os.MkdirTemp("", "ziwb-pty-test-"); ptyBuildErr != nil {
			return
		}
		ptyZiwb = filepath.Join(ptyDir, "ziwb")
		ptyMinimal = filepath.Join(ptyDir, "minimal")
		ptyDemoDB = filepath.Join(ptyDir, "demo.db")
		ptyHome = filepath.Join(ptyDir, "home")
		if ptyBuildErr = os.Mkdir(ptyHome, 0o755); ptyBuildErr != nil {
			return
		}
		for _, args := range [][]string{
			{"go", "build", "-o", ptyZiwb, "."},
			{"go", "build", "-o", ptyMinimal, "./testdata/minimal"},
			{ptyZiwb, "--db", ptyDemoDB, "demo"},
		} {
			if ptyBuildErr = runQuiet(args...); ptyBuildErr != nil {
				return
			}
		}
	})
	if ptyBuildErr != nil {
		tb.Fatal(ptyBuildErr)
	}
}

// ptyDB5000For is a database of 5000 generated satkers, made once (it takes
// seconds) for the load benchmark.
func ptyDB5000For(tb testing.TB) string {
	tb.Helper()
	binaries(tb)
	ptyDB5000Once.Do(func() {
		ptyDB5000 = filepath.Join(ptyDir, "demo5000.db")
		ptyDB5000Err = runQuiet(ptyZiwb, "--db", ptyDB5000, "demo", "--satkers", "5000")
	})
	if ptyDB5000Err != nil {
		tb.Fatal(ptyDB5000Err)
	}
	return ptyDB5000
}

func runQuiet(args ...string) error {
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		return errors.New(strings.Join(args, " ") + ": " + err.Error() + "\n" + string(out))
	}
	return nil
}

// replies are what a real terminal answers to the queries Bubble Tea and
// ziwb send; a silent terminal answers none of them.
var replies = []struct{ query, reply string }{
	{"\x1b]11;?\x07", "\x1b]11;rgb:0000/0000/0000\x1b\\"},   // background colour, BEL form
	{"\x1b]11;?\x1b\\", "\x1b]11;rgb:0000/0000/0000\x1b\\"}, // background colour, ST form
	{"\x1b[6n", "\x1b[1;1R"},                                // cursor position
	{"\x1b[c", "\x1b[?62;22c"},                              // primary device attributes
}

// startInPty starts bin on db in an 80x24 pseudo-terminal and returns the
// time from the start until its output, escape sequences stripped, shows
// want. A full-screen program is then quit with ctrl+c; any other is left
// to exit by itself. Every wait is bounded, so a hang fails the test.
func startInPty(tb testing.TB, answer bool, db, want, bin string, args ...string) (time.Duration, string) {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "ZIWB_DB="+db, "HOME="+ptyHome)

	start := time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		tb.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Kill() // no-op once it has exited
		ptmx.Close()
	}()

	// The reader drains the terminal for the whole run, so the program never
	// blocks on a write, answers queries as they arrive, and notes when want
	// first shows.
	var (
		mu    sync.Mutex
		raw   []byte
		found = make(chan time.Duration, 1)
		eof   = make(chan struct{})
	)
	go func() {
		defer close(eof)
		answered := make([]int, len(replies))
		seen := false
		buf := make([]byte, 32<<10)
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				mu.Lock()
				raw = append(raw, buf[:n]...)
				if answer {
					// Counted over the whole output: a query may span reads.
					for i, r := range replies {
						for c := bytes.Count(raw, []byte(r.query)); answered[i] < c; answered[i]++ {
							ptmx.Write([]byte(r.reply))
						}
					}
				}
				if !seen && strings.Contains(ansi.Strip(string(raw)), want) {
					seen = true
					found <- time.Since(start)
				}
				mu.Unlock()
			}
			if err != nil { // EIO on Linux once the program has exited
				return
			}
		}
	}()
	screen := func() string {
		mu.Lock()
		defer mu.Unlock()
		return ansi.Strip(string(raw))
	}
	rawHas := func(s string) bool {
		mu.Lock()
		defer mu.Unlock()
		return bytes.Contains(raw, []byte(s))
	}

	var elapsed time.Duration
	select {
	case elapsed = <-found:
	case <-eof: // ended without showing want, unless the two raced
		select {
		case elapsed = <-found:
		default:
			tb.Fatalf("%s %v: ended without showing %q; screen:\n%s", filepath.Base(bin), args, want, screen())
		}
	case <-time.After(deadline):
		tb.Fatalf("%s %v: %q not shown within %v; screen:\n%s", filepath.Base(bin), args, want, deadline, screen())
	}

	// A full-screen program (alternate screen on) is quit like a user would.
	if rawHas(ansi.SetModeAltScreenSaveCursor) {
		if _, err := ptmx.Write([]byte{0x03}); err != nil {
			tb.Fatalf("ctrl+c: %v", err)
		}
	}
	select {
	case err := <-exited:
		if err != nil {
			tb.Fatalf("%s %v: %v; screen:\n%s", filepath.Base(bin), args, err, screen())
		}
	case <-time.After(exitTimeout):
		tb.Fatalf("%s %v: still running %v after showing its text; screen:\n%s", filepath.Base(bin), args, exitTimeout, screen())
	}
	// The output is complete once the reader reaches the end.
	select {
	case <-eof:
	case <-time.After(exitTimeout):
	}
	if rawHas(ansi.SetModeAltScreenSaveCursor) && !rawHas(ansi.ResetModeAltScreenSaveCursor) {
		tb.Errorf("%s %v: exited without leaving the alternate screen", filepath.Base(bin), args)
	}
	return elapsed, screen()
}

// TestStartsInASilentTerminal guards against start-up waiting on a terminal
// that never answers its queries (Bubble Tea v1 waited 5 s for one): the
// list and the help must show before the hang deadline.
func TestStartsInASilentTerminal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no pseudo-terminal on Windows")
	}
	binaries(t)
	base, _ := startInPty(t, false, ptyDemoDB, minimalMarker, ptyMinimal)
	list, _ := startInPty(t, false, ptyDemoDB, listMarker, ptyZiwb)
	help, _ := startInPty(t, false, ptyDemoDB, helpMarker, ptyZiwb, "--help")
	t.Logf("silent terminal: satker list after %v, --help after %v (baseline Bubble Tea program: %v)", list, help, base)
}

// BenchmarkStartFirstFrame times starts to the first useful frame. Each
// iteration starts the minimal program and then ziwb, interleaved, so the
// x-baseline ratio compares runs under the same machine load.
func BenchmarkStartFirstFrame(b *testing.B) {
	binaries(b)
	cases := []struct {
		name   string
		answer bool
		db     func(testing.TB) string
		want   string
		args   []string
	}{
		{"silent/ziwb", false, ptyDemoDBFor, listMarker, nil},
		{"silent/help", false, ptyDemoDBFor, helpMarker, []string{"--help"}},
		{"answering/ziwb", true, ptyDemoDBFor, listMarker, nil},
		{"answering/ziwb5000", true, ptyDB5000For, listMarker, nil},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			db := c.db(b)
			var base, own time.Duration
			b.ResetTimer()
			for range b.N {
				d, _ := startInPty(b, c.answer, db, minimalMarker, ptyMinimal)
				base += d
				d, _ = startInPty(b, c.answer, db, c.want, ptyZiwb, c.args...)
				own += d
			}
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(b.N) }
			b.ReportMetric(ms(own), "ms/start")
			b.ReportMetric(ms(base), "base-ms/start")
			b.ReportMetric(float64(own)/float64(base), "x-baseline")
			b.ReportMetric(0, "ns/op") // would mix both starts and their shutdowns
		})
	}
}

func ptyDemoDBFor(testing.TB) string { return ptyDemoDB }
