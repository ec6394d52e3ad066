package tui

import (
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
		switch msg := cmd().(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				out[i] = tag(s, c)
			}
			return out
		case pushMsg:
			msg.from = s
			return msg
		case backMsg:
			msg.from = s
			return msg
		case screenMsg, tea.QuitMsg:
			return msg
		default:
			return screenMsg{s, msg}
		}
	}
}

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
	job := q.jobs[0]
	q.jobs = q.jobs[1:]
	q.mu.Unlock()
	return job()
}

// write queues a store write for s; its result (a saved message or an
// errMsg) returns to s, whichever command happens to run the job.
func (e *env) write(s screen, job func() tea.Msg) tea.Cmd {
	return e.writes.add(func() tea.Msg { return screenMsg{s, job()} })
}
