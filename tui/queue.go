package tui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// queueKeys is the queue's key map and its help.
type queueKeys struct {
	nav        navKeys
	Open, Back key.Binding
}

func newQueueKeys() queueKeys {
	return queueKeys{
		nav:  listNavKeys(),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka evaluasi")),
		Back: backKey(),
	}
}

// Columns of the queue table. The first holds the selection marker.
const (
	qcMark = iota
	qcSatker
	qcEval
	qcStatus
	qcLevel
	qcStep
	qcAnswered
	qcTotal
)

var (
	queueColumns = []colSpec{
		qcMark:     {"", 1, 1, 0},
		qcSatker:   {"SATKER", 16, 40, 0},
		qcEval:     {"EVALUASI", 10, 17, 0}, // "2026 TPI-lapangan"
		qcStatus:   {"STATUS", 8, 8, 0},
		qcLevel:    {"TINGKAT", 10, 17, 90}, // "pengendali", "Pengendali Teknis"
		qcStep:     {"LANGKAH", 15, 37, 0},
		qcAnswered: {"DIJAWAB", 7, 7, 0},
		qcTotal:    {"NILAI", 6, 6, 90},
	}
	// The detail lines under the table say the level, the step, the
	// counts and the status in full: those columns give way, the status
	// last.
	queueDrop = []int{qcLevel, qcTotal, qcAnswered, qcStatus}
	// The round and the step in full come before the level's title: the
	// level's name says it, and the detail line has the title.
	queueGrow = []growStep{{qcSatker, 24}, {qcEval, 17}, {qcStep, 18}, {qcStep, 37}, {qcLevel, 17}, {qcSatker, 40}}
)

// queueStep is what the level whose turn it is does next: the words in
// full, and the few a narrow column shows.
func queueStep(l model.Level) (full, short string) {
	switch l {
	case model.Anggota:
		return "periksa dan ajukan", "periksa, ajukan"
	case model.Ketua:
		return "reviu: setujui atau kembalikan", "reviu"
	case model.Pengendali:
		return "tanda tangan: setujui atau kembalikan", "tanda tangan"
	}
	return "—", "—"
}

// queueScreen is "Menunggu saya": the evaluations whose next step is the
// user's — drafts the anggota checks and submits, what the ketua reviews,
// what the pengendali signs off. It reads the list records only, and
// reloads when it comes back on top or someone else changes the data.
type queueScreen struct {
	listBase
	keys queueKeys

	items []store.QueueItem
	steps map[string]model.Change // each item's last status step
	rows  []table.Row
	listBox
	cols []int
	// into is the satker whose walk was opened from here: the crumbs name
	// it, as they do when the walk is opened from the satker's list.
	into string
}

func newQueue(e *env) *queueScreen {
	k := newQueueKeys()
	q := &queueScreen{listBase: newListBase(e), keys: k, listBox: newListBox(e, k.nav, queueColumns)}
	q.updateKeys()
	return q
}

type queueLoadedMsg struct {
	items []store.QueueItem
	steps map[string]model.Change
	err   error
}

func (q *queueScreen) Init() tea.Cmd { return q.load }

func (q *queueScreen) load() tea.Msg {
	items, err := q.env.db.Queue(q.env.user)
	if err != nil {
		return queueLoadedMsg{err: err}
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.Evaluation.ID
	}
	// The history of the few evaluations queued: who sent one back. The
	// list is the answer; without the steps it still is.
	steps, _ := q.env.db.LastSteps(ids)
	return queueLoadedMsg{items, steps, nil}
}

func (q *queueScreen) Title() string {
	if q.into != "" {
		return "Menunggu saya › " + q.into
	}
	return "Menunggu saya"
}

func (q *queueScreen) Capturing() bool { return false }

func (q *queueScreen) SetSize(width, height int) {
	if width != q.width || q.cols == nil {
		q.cols = q.table.fitColumns(queueColumns, queueDrop, queueGrow, width)
		q.fillRows(q.table.Cursor())
	}
	q.width, q.height = width, height
	q.tableH = -1
	q.layout()
	q.dirty = true
}

func (q *queueScreen) selected() *store.QueueItem {
	c := q.table.Cursor()
	if c < 0 || c >= len(q.items) {
		return nil
	}
	return &q.items[c]
}

func (q *queueScreen) updateKeys() {
	q.keys.Open.SetEnabled(q.selected() != nil)
}

func (q *queueScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case queueLoadedMsg:
		if q.loadDone(msg.err) {
			q.steps = msg.steps
			q.setItems(msg.items)
		}
	case refreshMsg:
		// Back from the walk, or someone else's change: the step may
		// have been taken, by the user or by another.
		q.opening, q.into = false, ""
		return q.load
	case tea.KeyPressMsg:
		if q.opening {
			return nil // keys typed meanwhile belong to the walk on its way
		}
		cmd = q.handleKey(msg)
	default:
		return nil
	}
	q.updateKeys()
	q.dirty = true
	return cmd
}

func (q *queueScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := q.keys
	switch {
	case key.Matches(msg, k.Back):
		return q.env.goBack()
	case key.Matches(msg, k.Open):
		it := q.selected()
		q.into = shortSatkerName(it.Satker.Name)
		return q.open(newWalk(q.env, it.Evaluation.ID))
	default:
		q.table.update(msg)
	}
	return nil
}

// setItems takes a fresh read, keeping the selected evaluation; when it
// has left the queue (its step was taken), the row now in its place.
func (q *queueScreen) setItems(items []store.QueueItem) {
	at := q.table.Cursor()
	keep := ""
	if it := q.selected(); it != nil {
		keep = it.Evaluation.ID
	}
	q.items = items
	q.fillRows(keepAt(items, func(it store.QueueItem) string { return it.Evaluation.ID }, keep, at))
}

// fillRows lays the items out in the current columns (the level and the
// step in full or short, by the room) and selects row at.
func (q *queueScreen) fillRows(at int) {
	q.rows = q.rows[:0]
	for i := range q.items {
		q.rows = append(q.rows, q.cells(&q.items[i]))
	}
	q.table.show(q.rows, min(max(0, at), max(0, len(q.rows)-1)))
}

func (q *queueScreen) cells(it *store.QueueItem) table.Row {
	e := it.Evaluation
	room := func(c int) int {
		if c < len(q.cols) {
			return q.cols[c]
		}
		return 0
	}
	// Words in full only when the longest fits: a column reads alike.
	full, short := queueStep(it.Level)
	step := short
	if longest, _ := queueStep(model.Pengendali); ansi.StringWidth(longest) <= room(qcStep) {
		step = full
	}
	level := it.Level.String()
	if ansi.StringWidth(model.Pengendali.Title()) <= room(qcLevel) {
		level = it.Level.Title()
	}
	answered := strconv.Itoa(e.Answered) + "/" + strconv.Itoa(e.Questions)
	return table.Row{"", shortSatkerName(it.Satker.Name), fmt.Sprintf("%d %s", e.Year, e.Stage), string(e.Status),
		level, step, fmt.Sprintf("%7s", answered), model.Points(e.Total)}
}
