package tui

import (
	"errors"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-isatty"

	"github.com/kemenag-ortala/ziwb/store"
)

// ErrPanic is returned when the workbench stopped on a bug: the terminal
// is restored and every change the screen showed saved is in the store.
var ErrPanic = errors.New("ziwb berhenti karena galat internal (jejaknya tertulis di atas); semua yang sudah ditandai tersimpan tetap ada di basis data")

// ErrNoTerminal is returned when the workbench is started without one.
var ErrNoTerminal = errors.New("ziwb butuh terminal interaktif untuk meja kerja; tanpa terminal, pakai subperintahnya (lihat ziwb --help)")

// SignalError says the workbench was ended by a signal (SIGINT, SIGTERM,
// SIGHUP) after a clean shutdown, so a supervisor can tell it from a quit.
type SignalError struct{ Signal os.Signal }

func (e SignalError) Error() string {
	return "dihentikan oleh sinyal " + e.Name() + "; semua yang sudah ditandai tersimpan tetap ada di basis data"
}

// Name is the signal as a supervisor writes it (SIGTERM), not Go's
// English description ("terminated").
func (e SignalError) Name() string {
	name := map[os.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM", syscall.SIGHUP: "SIGHUP"}[e.Signal]
	if name == "" {
		name = e.Signal.String()
	}
	return name
}

// ExitCode is the shell's convention for a death by signal: 128+n.
func (e SignalError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// Run shows the workbench in the terminal until the user quits. The
// terminal is restored on every exit, panics in the program included.
func Run(db *store.DB, user string) error {
	if err := CheckTerminal(); err != nil {
		return err
	}
	// Signals are ours, not Bubble Tea's: it ends quietly on SIGTERM and
	// ignores SIGHUP (a closed SSH session or terminal window). Each quits
	// cleanly, so the store is closed, and is reported as the signal.
	app := New(db, user)
	p := tea.NewProgram(app, tea.WithoutSignalHandler())
	defer app.Close()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	got := make(chan os.Signal, 1)
	stop := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			got <- s
			p.Quit()
		case <-stop:
		}
	}()
	err := runProgram(p)
	signal.Stop(sigs)
	close(stop)
	select {
	case s := <-got:
		if err == nil {
			return SignalError{s}
		}
	default:
	}
	return err
}

// runProgram runs the workbench until it ends. Bubble Tea restores the
// terminal after a panic; this makes it an error rather than a quiet exit.
func runProgram(p *tea.Program) error {
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramPanic) {
		return ErrPanic
	}
	return err
}

// CheckTerminal says whether the workbench can run here, before anything
// (such as creating a database) is done for it.
func CheckTerminal() error {
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return ErrNoTerminal
	}
	return nil
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}
