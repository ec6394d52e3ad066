package tui

import (
	"reflect"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// screenMsg carries a command's result to the screen whose Update (or
// Init) returned the command, wherever that screen is on the stack: a save
// the walk asked for reaches the walk also when the scorecard is open on
// top of it by the time the store answers.
type screenMsg struct {
	to  screen
	msg tea.Msg
}

// tag makes cmd's result return to s. Batches are tagged command by
// command; navigation and quitting stay the root's, marked with the
// screen that asked so that only the top screen navigates.
func tag(s screen, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		switch m := msg.(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(m))
			for i, c := range m {
				out[i] = tag(s, c)
			}
			return out
		case pushMsg:
			m.from = s
			return m
		case backMsg:
			m.from = s
			return m
		case screenMsg, tea.QuitMsg:
			return msg
		}
		if t := reflect.TypeOf(msg); t.PkgPath() == teaPkg {
			// Bubble Tea's own requests (a sequence, a clipboard read, a
			// window-size query) are for the runtime; a sequence's
			// commands are tagged in turn.
			if v := reflect.ValueOf(msg); t.Kind() == reflect.Slice && t.Elem() == cmdType {
				cmds := make([]tea.Cmd, v.Len())
				for i := range cmds {
					cmds[i] = tag(s, v.Index(i).Interface().(tea.Cmd))
				}
				return tea.Sequence(cmds...)()
			}
			return msg
		}
		return screenMsg{s, msg}
	}
}

var (
	teaPkg  = reflect.TypeOf(tea.QuitMsg{}).PkgPath()
	cmdType = reflect.TypeOf(tea.Cmd(nil))
)

// writeQueue runs the store writes of one workbench one at a time, in the
// order they were asked for. Bubble Tea runs every command in a goroutine
// of its own, so two saves asked for by two quick keys would otherwise
// race for the store's lock and could land in either order. Each write
// asked for adds a job and returns a command; whichever command runs
// first does the oldest job, so the order of the jobs is the order of the
// keys whatever the order of the goroutines.
type writeQueue struct {
	mu   sync.Mutex // guards jobs
	run  sync.Mutex // held while a job runs
	jobs []func() tea.Msg
}

func (q *writeQueue) add(job func() tea.Msg) tea.Cmd {
	q.mu.Lock()
	q.jobs = append(q.jobs, job)
	q.mu.Unlock()
	return q.next
}

func (q *writeQueue) next() tea.Msg {
	q.run.Lock()
	defer q.run.Unlock()
	q.mu.Lock()
	if len(q.jobs) == 0 { // done by drain
		q.mu.Unlock()
		return nil
	}
	job := q.jobs[0]
	q.jobs = q.jobs[1:]
	q.mu.Unlock()
	return job()
}

// drain does the writes still queued when the program ends (a quit right
// after a key): what the screen was saving reaches the store before the
// store closes. Their results have no screen left to go to.
func (q *writeQueue) drain() {
	for {
		q.mu.Lock()
		n := len(q.jobs)
		q.mu.Unlock()
		if n == 0 {
			return
		}
		q.next()
	}
}

// write queues a store write for s; its result (a saved message or an
// errMsg) returns to s, whichever command happens to run the job.
func (e *env) write(s screen, job func() tea.Msg) tea.Cmd {
	return e.writes.add(func() tea.Msg { return screenMsg{s, job()} })
}
