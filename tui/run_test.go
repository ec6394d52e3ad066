package tui

import (
	"errors"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// brokenScreen stands for a bug: it panics on the first key, and on
// nothing before it.
type brokenScreen struct{ reviewScreen }

func (b *brokenScreen) Init() tea.Cmd    { return nil }
func (b *brokenScreen) SetSize(int, int) {}
func (b *brokenScreen) View() string     { return "" }
func (b *brokenScreen) Title() string    { return "rusak" }
func (b *brokenScreen) Help() keyHelp    { return keyHelp{} }

func (b *brokenScreen) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		panic("a bug in a screen")
	}
	return nil
}

// A panic in the program ends it with ErrPanic, not a quiet exit, and
// what was saved before it is in the file, which is healthy.
func TestPanicEndsWithAnErrorAndKeepsTheData(t *testing.T) {
	db, path := testDB(t)
	ev := seedEvaluation(t, db, "kua-panik", "KUA Kecamatan Panik", model.StagePMPZI)
	app := New(db, "penguji")
	p := tea.NewProgram(app, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { done <- runProgram(p) }()
	p.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	p.Send(pushMsg{s: newWalk(app.env, ev.ID)})
	// The walk loads and saves in commands: answer until the answer has
	// committed, as the screen's "tersimpan" waits for.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if a, _ := db.Answers(ev.ID); len(a) == 1 {
			break
		}
		p.Send(runeKey('y'))
		if time.Now().After(deadline) {
			t.Fatal("the answer was not saved in 5 s")
		}
	}
	p.Send(pushMsg{s: &brokenScreen{}})
	p.Send(runeKey('x'))
	if err := <-done; !errors.Is(err, ErrPanic) {
		t.Fatalf("the program ended with %v; want ErrPanic", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("the file does not open after the panic: %v", err)
	}
	defer db.Close()
	if ps := db.Check(); len(ps) > 0 {
		t.Fatalf("the file has problems after the panic: %v", ps)
	}
	answers, _ := db.Answers(ev.ID)
	if answers["mp.pemenuhan.1"].Value != model.Letter("Y") {
		t.Fatalf("the answer saved before the panic is gone: %v", answers)
	}
}
