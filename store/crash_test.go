package store

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	bolt "go.etcd.io/bbolt"
)

const (
	crashChildEnv = "ZIWB_CRASH_CHILD" // database path: run as the crash test's child
	crashSeedEnv  = "ZIWB_CRASH_SEED"
	crashEval     = "kk-crash/2026/PMPZI"
)

// crashOp is the i-th edit of a child's run: set a value, clear it, or
// write a note, chosen from the seed so parent and child agree.
type crashOp struct {
	qid   string
	note  bool
	value model.Value
	text  string
}

func crashOpAt(in *model.Instrument, seed uint64, i int) crashOp {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	qs := in.Questions()
	q := qs[rng.IntN(len(qs))]
	switch r := rng.IntN(10); {
	case r == 0:
		return crashOp{qid: q.ID} // clear
	case r == 1:
		return crashOp{qid: q.ID, note: true, text: fmt.Sprintf("catatan %d-%d", seed, i)}
	}
	return crashOp{qid: q.ID, value: validValue(q, rng.IntN(1000))}
}

// crashChild writes edits in a loop and prints each one's index after its
// commit returns, until it is killed.
func crashChild(path string) {
	seed, _ := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	db, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	e, err := db.Evaluation(crashEval)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	in, err := db.Instrument(e.InstrumentHash)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Stdout.WriteString("ready\n")
	for i := 0; ; i++ {
		op := crashOpAt(in, seed, i)
		if op.note {
			_, err = db.SetNote(crashEval, op.qid, op.text, "anak")
		} else {
			_, err = db.SetAnswer(crashEval, op.qid, op.value, "anak")
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Stdout.WriteString(strconv.Itoa(i) + "\n") // unbuffered: one write after each commit
	}
}

type answerState map[string]struct {
	v    model.Value
	note string
}

func stateOf(t *testing.T, db *DB) answerState {
	t.Helper()
	as, err := db.Answers(crashEval)
	if err != nil {
		t.Fatal(err)
	}
	st := answerState{}
	for q, a := range as {
		st[q] = struct {
			v    model.Value
			note string
		}{a.Value, a.Note}
	}
	return st
}

func (s answerState) apply(op crashOp) answerState {
	out := answerState{}
	for k, v := range s {
		out[k] = v
	}
	a := out[op.qid]
	if op.note {
		a.note = op.text
	} else {
		a.v = op.value
	}
	if a.v.IsZero() && a.note == "" {
		delete(out, op.qid)
	} else {
		out[op.qid] = a
	}
	return out
}

func (s answerState) equal(o answerState) bool {
	if len(s) != len(o) {
		return false
	}
	for k, v := range s {
		if o[k] != v {
			return false
		}
	}
	return true
}

// TestCrashLosesNothingAcknowledged kills a writing child with SIGKILL at
// random moments, 24 times, and checks after each that every edit it
// acknowledged (printed after the commit returned) is on disk, and that the
// file checks clean.
func TestCrashLosesNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test re-executes the test binary")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	db, path := testDB(t)
	in := testInstrument(t)
	seed(t, db, "kk-crash", model.StagePMPZI, in)
	db.Close()

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	const rounds = 24
	totalAcked, folded := 0, 0
	for round := 0; round < rounds; round++ {
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopen before: %v", round, err)
		}
		before := stateOf(t, db)
		db.Close()

		runSeed := uint64(round + 1)
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashSeedEnv+"="+strconv.FormatUint(runSeed, 10))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr stringsBuilder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1<<16)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Most rounds kill mid-burst; every sixth kills while the child
		// is still starting or opening the file.
		early := round%6 == 5
		delay := time.Duration(rng.IntN(60)) * time.Millisecond
		last := -1
		if early {
			time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
		} else {
			for l := range lines {
				if l == "ready" {
					break
				}
			}
			time.Sleep(delay)
		}
		cmd.Process.Kill() // SIGKILL on Unix
		for l := range lines {
			if i, err := strconv.Atoi(l); err == nil {
				last = i
			}
		}
		cmd.Wait()
		if s := stderr.String(); s != "" {
			t.Fatalf("round %d: child failed: %s", round, s)
		}

		// What is on disk is the state after the last acknowledged edit, or
		// after one more that committed but was not printed before the kill.
		db, err = Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		got := stateOf(t, db)
		want := before
		for i := 0; i <= last; i++ {
			want = want.apply(crashOpAt(in, runSeed, i))
		}
		next := want.apply(crashOpAt(in, runSeed, last+1))
		if !got.equal(want) && !got.equal(next) {
			t.Fatalf("round %d: after %d acknowledged edits the file holds %v; want %v", round, last+1, got, want)
		}
		mustCheckClean(t, db)
		historyAgrees(t, db, got)
		folded += foldedChanges(t, db, crashEval)
		db.Close()
		totalAcked += last + 1
	}
	// The children's saves went through the journal and its folds: the
	// kills fell on both.
	if folded == 0 {
		t.Error("no save reached the work bucket: the journal was never folded")
	}
	t.Logf("%d rounds, %d acknowledged edits, none lost", rounds, totalAcked)
}

// foldedChanges counts the history entries of an evaluation that a fold
// has moved out of the journal into the work bucket.
func foldedChanges(t *testing.T, db *DB, evalID string) int {
	n := 0
	db.bolt.View(func(tx *bolt.Tx) error {
		prefix := ownerPrefix(evalID, kindChange)
		c := tx.Bucket(bucketWork).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			n++
		}
		return nil
	})
	return n
}

// historyAgrees checks the history is complete: for every question, the
// newest value and note entries say what the answer holds now.
func historyAgrees(t *testing.T, db *DB, st answerState) {
	t.Helper()
	h, err := db.History(HistoryFilter{Evaluation: crashEval})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range h { // newest first
		key := c.Question + "|" + c.Field
		if seen[key] || (c.Field != fieldValue && c.Field != fieldNote) {
			continue
		}
		seen[key] = true
		a := st[c.Question]
		if now := map[string]string{fieldValue: a.v.String(), fieldNote: a.note}[c.Field]; c.New != now {
			t.Fatalf("history says %s %s became %q; the answer holds %q", c.Question, c.Field, c.New, now)
		}
	}
	for q, a := range st {
		if (!a.v.IsZero() && !seen[q+"|"+fieldValue]) || (a.note != "" && !seen[q+"|"+fieldNote]) {
			t.Fatalf("answer %s (%v, %q) has no history", q, a.v, a.note)
		}
	}
}

type stringsBuilder struct{ b []byte }

func (s *stringsBuilder) Write(p []byte) (int, error) { s.b = append(s.b, p...); return len(p), nil }
func (s *stringsBuilder) String() string              { return string(s.b) }
