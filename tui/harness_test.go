package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// bigDB is a 5,000-satker demo database for the benchmarks, made once per
// run (it takes seconds) in bigDir, which TestMain removes.
var (
	bigOnce sync.Once
	bigDir  string
	bigPath string
	bigErr  error
)

func bigDB(tb testing.TB) string {
	tb.Helper()
	bigOnce.Do(func() {
		if bigDir, bigErr = os.MkdirTemp("", "ziwb-bench-"); bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "ziwb.db")
		db, err := store.Open(bigPath, store.Options{})
		if err != nil {
			bigErr = err
			return
		}
		defer db.Close()
		bigErr = db.Demo(5000, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	})
	if bigErr != nil {
		tb.Fatal(bigErr)
	}
	return bigPath
}

// harness drives the real App through its Update loop, running each
// command it returns the way Bubble Tea would, synchronously.
type harness struct {
	t    testing.TB
	app  *App
	quit bool
	// holding keeps the commands the program returns in held instead of
	// running them, so a test can deliver their results late and in an
	// order of its choosing, as goroutines may finish.
	holding bool
	held    []tea.Cmd
}

// hold starts keeping commands back.
func (h *harness) hold() { h.holding = true }

// deliverReversed runs the held commands in order but hands their results
// to the program newest first: goroutines may finish in any order, and so
// may their messages arrive.
func (h *harness) deliverReversed() {
	h.holding = false
	var msgs []tea.Msg
	for _, cmd := range h.held {
		msgs = append(msgs, cmd())
	}
	h.held = nil
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i] != nil {
			h.send(msgs[i])
		}
	}
}

// releaseReversed runs the held commands newest first, and everything
// they lead to at once.
func (h *harness) releaseReversed() {
	h.holding = false
	for len(h.held) > 0 {
		cmd := h.held[len(h.held)-1]
		h.held = h.held[:len(h.held)-1]
		h.run(cmd)
	}
}

func newHarness(t testing.TB, db *store.DB, width, height int) *harness {
	h := &harness{t: t, app: New(db, "penguji")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

func (h *harness) send(msg tea.Msg) {
	if h.quit {
		return
	}
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// sweep types each of opens in turn and, after each, sizes the workbench
// from 1×1 up to 197×58 (width by 7, height by 3), failing on a frame of
// more lines than the terminal has; more, when not nil, checks each frame
// further.
func (h *harness) sweep(opens []string, more func(open string, width, height int, v string)) {
	h.t.Helper()
	for _, open := range opens {
		h.keys(open)
		for width := 1; width <= 200; width += 7 {
			for height := 1; height <= 60; height += 3 {
				h.send(tea.WindowSizeMsg{Width: width, Height: height})
				v := h.view()
				if n := strings.Count(v, "\n") + 1; n > height {
					h.t.Fatalf("%dx%d (after %q): %d lines", width, height, open, n)
				}
				if more != nil {
					more(open, width, height, v)
				}
			}
		}
	}
}

// topOf is the screen on top of the stack, failing the test when it is
// not an S; what names S in the failure.
func topOf[S screen](t testing.TB, h *harness, what string) S {
	t.Helper()
	s, ok := h.app.top().(S)
	if !ok {
		t.Fatalf("top screen is %T, not %s:\n%s", h.app.top(), what, h.view())
	}
	return s
}

// run executes cmd and feeds its message back. Every cursor is steady, so
// no command is a timer: one that does not answer is a hang.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil || h.quit {
		return
	}
	if h.holding {
		h.held = append(h.held, cmd)
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(10 * time.Second):
		h.t.Fatalf("a command did not return in 10 s; screen:\n%s", h.view())
	}
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(m)
	}
}

// keys types each rune of s as a key press; names in brackets are special
// keys: "[enter]", "[esc]", "[tab]", "[space]", "[ctrl+c]".
func (h *harness) keys(s string) {
	for s != "" {
		if strings.HasPrefix(s, "[") {
			if end := strings.Index(s, "]"); end > 1 {
				name := s[1:end]
				if k, ok := specialKeys[name]; ok {
					h.send(k)
					s = s[end+1:]
					continue
				}
			}
		}
		r := []rune(s)[0]
		h.send(runeKey(r))
		s = s[len(string(r)):]
	}
}

// runeKey is the key press of one character as Bubble Tea decodes it
// from a terminal: an upper-case letter is its lower-case key with shift.
func runeKey(r rune) tea.KeyPressMsg {
	k := tea.KeyPressMsg{Code: r, Text: string(r)}
	if unicode.IsUpper(r) {
		k.Code, k.ShiftedCode, k.Mod = unicode.ToLower(r), r, tea.ModShift
	}
	return k
}

var specialKeys = map[string]tea.KeyPressMsg{
	"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
	"space": {Code: tea.KeySpace, Text: " "}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
	"down": {Code: tea.KeyDown}, "up": {Code: tea.KeyUp}, "pgdown": {Code: tea.KeyPgDown},
	"ctrl+s": {Code: 's', Mod: tea.ModCtrl}, "right": {Code: tea.KeyRight}, "left": {Code: tea.KeyLeft},
	"backspace": {Code: tea.KeyBackspace}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl}, "ctrl+d": {Code: 'd', Mod: tea.ModCtrl},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
}

// view is the frame as the screen shows it under NO_COLOR: goldens do
// not depend on the terminal the tests run in.
func (h *harness) view() string { return ansi.Strip(h.app.render()) }

func (h *harness) mustSee(texts ...string) {
	h.t.Helper()
	v := h.view()
	for _, s := range texts {
		if !strings.Contains(v, s) {
			h.t.Fatalf("screen lacks %q:\n%s", s, v)
		}
	}
}

// testdata is the goldens' folder, found before a test changes the
// working directory (t.Chdir) to read files it writes.
var testdata, _ = filepath.Abs("testdata")

// golden compares the screen with testdata/NAME.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(testdata, name+".golden")
	// Trailing spaces carry no meaning and make diffs unreadable.
	lines := strings.Split(got, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	got = strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.MkdirAll(testdata, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("screen differs from %s (go test ./tui -run %s -update rewrites it):\n--- want\n%s\n--- got\n%s", path, t.Name(), want, got)
	}
}

// testDB opens a fresh store in t.TempDir().
func testDB(t testing.TB) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// seedEvaluation adds one satker and an empty evaluation of it.
func seedEvaluation(t testing.TB, db *store.DB, id, name string, stage model.Stage) model.Evaluation {
	t.Helper()
	if _, err := db.Satker(id); err != nil {
		if _, err := db.CreateSatker(model.Satker{ID: id, Name: name, Kind: model.Kankemenag,
			Province: "Jawa Tengah", Regency: "Kabupaten Magelang", Target: model.WBK}, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := model.Builtin(model.DefaultInstrument)
	return createRound(t, db, in, id, 2026, stage, model.Draft)
}

// createRound stores an evaluation of satker id on in for year and stage,
// already at status.
func createRound(t testing.TB, db *store.DB, in *model.Instrument, id string, year int, stage model.Stage, status model.Status) model.Evaluation {
	t.Helper()
	ev, err := db.CreateEvaluation(model.Evaluation{ID: model.EvaluationID(id, year, stage), SatkerID: id, Year: year,
		Stage: stage, InstrumentID: in.ID, InstrumentHash: in.Hash, Status: status}, in, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// finalise takes an evaluation without a team through every step to final.
func finalise(db *store.DB, evalID, by string) error {
	for _, act := range []model.Action{model.ActSubmit, model.ActApprove, model.ActApprove} {
		if _, err := db.Act(evalID, act, "", by); err != nil {
			return err
		}
	}
	return nil
}
