package tui

import (
	"errors"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-isatty"

	"github.com/kemenag-ortala/ziwb/store"
)

// ErrPanic is returned when the workbench stopped on a bug: the terminal
// is restored and every change the screen showed saved is in the store.
var ErrPanic = errors.New("ziwb berhenti karena galat internal (jejaknya tertulis di atas); semua yang sudah ditandai tersimpan tetap ada di basis data")

// ErrNoTerminal is returned when the workbench is started without one.
var ErrNoTerminal = errors.New("ziwb butuh terminal interaktif untuk meja kerja; tanpa terminal, pakai subperintahnya (lihat ziwb --help)")

// Run shows the workbench in the terminal until the user quits. The
// terminal is restored on every exit, panics in the program included.
func Run(db *store.DB, user string) error {
	if err := CheckTerminal(); err != nil {
		return err
	}
	p := tea.NewProgram(New(db, user), tea.WithAltScreen())
	// Bubble Tea handles SIGINT and SIGTERM but not SIGHUP (a closed SSH
	// session or terminal window): quit cleanly so the store is closed.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer func() {
		signal.Stop(hup)
		close(hup) // ends the goroutine below
	}()
	go func() {
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	return runProgram(p)
}

// runProgram runs the workbench until it ends. Bubble Tea restores the
// terminal after a panic; this makes it an error rather than a quiet exit.
func runProgram(p *tea.Program) error {
	_, err := p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return ErrPanic
	case errors.Is(err, tea.ErrProgramKilled):
		return nil
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
