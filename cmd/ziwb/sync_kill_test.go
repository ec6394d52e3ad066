//go:build unix

package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestSyncKilledAnywhere kills ziwb sync --file with SIGKILL at random
// moments, again and again, with new work on both sides each time: after
// every kill both files check healthy, and in the end one sync finishes
// with both sides holding the same answers, and a second one finds
// nothing to do.
func TestSyncKilledAnywhere(t *testing.T) {
	binaries(t) // the real binary, built once (pty_test.go)
	dir := t.TempDir()
	server := filepath.Join(dir, "server.db")
	data, err := os.ReadFile(ptyDemoDB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(server, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f := draftEvaluation(t, server, fieldSatker)
	if len(f.qs) < 12 {
		t.Skipf("%d questions with three options; the test wants 12", len(f.qs))
	}
	// The satker of the draft and two with more history: a sync lasts
	// long enough to be cut in its middle.
	satkers := []string{fieldSatker, "kankemenag-sinjai", "kua-mertoyudan"}
	laptop := filepath.Join(dir, "laptop.db")
	bundle := filepath.Join(dir, "bawa.json")
	if _, errOut, code := as(t, "ortala", "--db", server, "export", "--satker", strings.Join(satkers, ","), "-o", bundle); code != 0 {
		t.Fatal(errOut)
	}
	if out, errOut, code := as(t, "ani", "--db", laptop, "import", bundle); code != 0 || !strings.Contains(out, "konflik   0") {
		t.Fatalf("take-out: exit %d\n%s%s", code, out, errOut)
	}

	// Separate work on each side: the laptop answers qs[4:8], the server
	// qs[8:12], a different option each round.
	round := 0
	work := func() {
		t.Helper()
		round++
		for _, side := range []struct {
			path, who string
			qs        []*model.Question
		}{{laptop, "ani", f.qs[4:8]}, {server, "ortala", f.qs[8:12]}} {
			db := mustOpen(t, side.path, false)
			q := side.qs[round%len(side.qs)]
			v := model.Value{Choice: q.Options[round%len(q.Options)].Key}
			_, err = db.SetAnswer(f.e.ID, q.ID, v, side.who)
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	sync := func() *exec.Cmd {
		c := exec.Command(ptyZiwb, "--db", laptop, "sync", "--file", server)
		c.Env = append(os.Environ(), "ZIWB_USER=ani")
		return c
	}
	healthy := func(when string) {
		t.Helper()
		for _, path := range []string{laptop, server} {
			if out, errOut, code := ziwb(t, "--db", path, "check"); code != 0 || !strings.Contains(out, "sehat") {
				t.Fatalf("%s: check %s: exit %d\n%s%s", when, filepath.Base(path), code, out, errOut)
			}
		}
	}

	// How long one whole sync takes, to spread the kills over it.
	work()
	start := time.Now()
	if out, err := sync().CombinedOutput(); err != nil {
		t.Fatalf("a whole sync: %v\n%s", err, out)
	}
	whole := time.Since(start)
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	runs := 30
	if os.Getenv("CI") == "true" {
		runs = 20
	}
	killed, finished := 0, 0
	for i := 0; i < runs; i++ {
		work()
		c := sync()
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		delay := time.Duration(rng.Int64N(int64(whole) * 6 / 5))
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		c.Process.Signal(syscall.SIGKILL)
		err := c.Wait()
		ws, _ := c.ProcessState.Sys().(syscall.WaitStatus)
		switch {
		case ws.Signaled():
			killed++
		case err == nil:
			finished++
		default:
			t.Fatalf("run %d (seed %d, after %v): %v\n%s", i, seed, delay, err, out.String())
		}
		healthy("after run " + itoa(i))
	}
	t.Logf("%d runs, a whole sync %v: %d killed, %d finished first (seed %d)", runs, whole.Round(time.Millisecond), killed, finished, seed)
	if killed < runs/4 {
		t.Errorf("only %d of %d runs were killed before they finished", killed, runs)
	}

	out, err := sync().CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("Selaras: 3 satker")) {
		t.Fatalf("the sync after the kills: %v\n%s", err, out)
	}
	healthy("at the end")
	for _, id := range satkers {
		evalsOf := func(path string) []model.Evaluation {
			db := mustOpen(t, path, true)
			defer db.Close()
			es, err := db.Evaluations(id)
			if err != nil {
				t.Fatal(err)
			}
			return es
		}
		es := evalsOf(server)
		if len(es) == 0 || len(evalsOf(laptop)) != len(es) {
			t.Fatalf("%s: %d evaluations on the server, %d on the laptop", id, len(es), len(evalsOf(laptop)))
		}
		for _, e := range es {
			if a, b := answersOf(t, server, e.ID), answersOf(t, laptop, e.ID); !sameAnswers(a, b) {
				t.Errorf("%s differs:\nserver %v\nlaptop %v", e.ID, a, b)
			}
		}
	}
	out, err = sync().CombinedOutput()
	if err != nil || bytes.Count(out, []byte("tidak ada yang berubah")) != 2 {
		t.Errorf("a second sync should find nothing to do: %v\n%s", err, out)
	}
}
