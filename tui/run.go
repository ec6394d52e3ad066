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
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) {
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
