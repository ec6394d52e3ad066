package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/store"
)

// "Gabung": the conflicts a merge of a field bundle kept for a person.
// Each decision (keep ours, take theirs, a value typed here, or none) is
// saved as it is made, so an interrupted merge resumes where it stopped;
// nothing changes in the evaluations until the merge is accepted, and
// then only the decided conflicts are applied.

// mergeKeys is the merge screen's key map and its help; Save and Cancel
// are the edit field's.
type mergeKeys struct {
	nav                               navKeys
	Ours, Theirs, Edit, Clear, Accept key.Binding
	Back, Save, Cancel                key.Binding
}

func newMergeKeys() mergeKeys {
	return mergeKeys{
		nav:    listNavKeys(),
		Ours:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "milik sini")),
		Theirs: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "milik mereka")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "nilai baru")),
		Clear:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "hapus pilihan")),
		Accept: key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "terima")),
		Back:   backKey(),
		Save:   enterSaveKey(),
		Cancel: cancelKey(),
	}
}

// mergeScreen lists every conflict waiting for a person, with the
// selected one in full under the list: the question and its criteria,
// both sides, the base, and the evaluation's score now and once the
// decisions made so far are accepted.
type mergeScreen struct {
	listBase
	keys mergeKeys

	conflicts []store.Conflict
	sheets    map[string]*mergeSheet // by evaluation
	names     map[string]string      // satker names, by id
	rows      []table.Row
	listBox
	cols    []int
	detailH int

	edit *lineEdit // the field a new value is typed into, at the foot
	ask  *confirm
	// Decisions are saved in the order they are made, but their answers
	// may arrive in any order: each carries its ticket, and only the
	// newest asked for a conflict is shown.
	ticket int
	asked  map[string]int
}

func newMerge(e *env) *mergeScreen {
	k := newMergeKeys()
	m := &mergeScreen{listBase: newListBase(e), keys: k, listBox: newListBox(e, k.nav, mergeColumns), asked: map[string]int{}}
	m.updateKeys()
	return m
}

// Messages of the merge screen.
type (
	mergeLoadedMsg struct {
		conflicts []store.Conflict
		sheets    map[string]*mergeSheet
		names     map[string]string
		err       error
	}
	// chosenMsg is the store's answer to one decision.
	chosenMsg struct {
		id     string
		ticket int
		c      store.Conflict
		err    error
	}
	mergeAcceptedMsg struct {
		n   int
		err error
	}
	acceptTag struct{} // the confirm of accepting the merge
)

func (m *mergeScreen) Init() tea.Cmd { return m.load }

// load reads the conflicts and, for each evaluation they touch, what the
// detail and the scores are drawn from.
func (m *mergeScreen) load() tea.Msg {
	db := m.env.db
	cs, err := db.Conflicts()
	if err != nil {
		return mergeLoadedMsg{err: err}
	}
	sheets, names := map[string]*mergeSheet{}, map[string]string{}
	for _, c := range cs {
		if c.Evaluation != "" && sheets[c.Evaluation] == nil {
			sheets[c.Evaluation] = loadSheet(db, c.Evaluation)
			if sh := sheets[c.Evaluation]; sh.err == nil {
				names[sh.ws.Satker.ID] = sh.ws.Satker.Name
			}
		}
		if _, ok := names[c.Satker]; !ok {
			if s, err := db.Satker(c.Satker); err == nil {
				names[c.Satker] = s.Name
			} else {
				names[c.Satker] = c.Satker
			}
		}
	}
	return mergeLoadedMsg{conflicts: cs, sheets: sheets, names: names}
}

func (m *mergeScreen) Title() string { return "Gabung" }

func (m *mergeScreen) Capturing() bool { return m.edit != nil || m.ask != nil }

func (m *mergeScreen) SetSize(width, height int) {
	if width != m.width || m.cols == nil {
		m.cols = m.table.fitColumns(mergeColumns, mergeDrop, mergeGrow, width)
		m.fillRows(m.table.Cursor())
	}
	m.width, m.height = width, height
	if m.edit != nil {
		fitField(&m.edit.field, max(10, width-lenPrompt(m.edit.field)-2))
	}
	m.tableH = -1
	m.layout()
	m.dirty = true
}

func lenPrompt(f textinput.Model) int { return ansi.StringWidth(f.Prompt) }

func (m *mergeScreen) selected() *store.Conflict {
	c := m.table.Cursor()
	if c < 0 || c >= len(m.conflicts) {
		return nil
	}
	return &m.conflicts[c]
}

// decided counts the conflicts with a decision.
func (m *mergeScreen) decided() int {
	n := 0
	for _, c := range m.conflicts {
		if _, ok := c.Resolved(); ok {
			n++
		}
	}
	return n
}

func (m *mergeScreen) updateKeys() {
	k := &m.keys
	c := m.selected()
	free := m.edit == nil && m.ask == nil
	k.nav.setEnabled(free && len(m.conflicts) > 1)
	k.Ours.SetEnabled(free && c != nil)
	k.Theirs.SetEnabled(free && c != nil)
	k.Edit.SetEnabled(free && c != nil && editable(*c))
	k.Clear.SetEnabled(free && c != nil && c.Choice != store.ChooseNone)
	k.Accept.SetEnabled(free && m.decided() > 0)
	k.Back.SetEnabled(free)
	k.Save.SetEnabled(m.edit != nil)
	k.Cancel.SetEnabled(m.edit != nil)
}

func (m *mergeScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case mergeLoadedMsg:
		if m.loadDone(msg.err) {
			m.setData(msg)
		}
	case refreshMsg:
		return m.load
	case chosenMsg:
		cmd = m.chosen(msg)
	case mergeAcceptedMsg:
		if msg.err != nil {
			m.say("✗ Gabungan tidak diterapkan: "+errorText(msg.err), true)
		} else {
			m.say(fmt.Sprintf("✓ %d konflik diterapkan", msg.n), false)
		}
		cmd = m.load
	case confirmMsg:
		m.ask = nil
		if _, ok := msg.tag.(acceptTag); ok && msg.yes {
			cmd = m.accept()
		}
	case tea.KeyPressMsg:
		m.notice = ""
		cmd = m.handleKey(msg)
	default:
		if m.edit == nil || m.edit.saving {
			return nil
		}
		m.edit.field, cmd = m.edit.field.Update(msg) // a paste
	}
	m.updateKeys()
	m.layout()
	m.dirty = true
	return cmd
}

func (m *mergeScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.ask != nil {
		return m.ask.Update(msg)
	}
	if m.edit != nil {
		return m.editKey(msg)
	}
	k := m.keys
	c := m.selected()
	switch {
	case key.Matches(msg, k.Back):
		return m.env.goBack()
	case !m.loaded: // nothing to decide before the conflicts are read
	case key.Matches(msg, k.Ours):
		return m.choose(c.ID, store.ChooseOurs, "")
	case key.Matches(msg, k.Theirs):
		return m.choose(c.ID, store.ChooseTheirs, "")
	case key.Matches(msg, k.Clear):
		return m.choose(c.ID, store.ChooseNone, "")
	case key.Matches(msg, k.Edit):
		return m.openEdit(*c)
	case key.Matches(msg, k.Accept):
		n := m.decided()
		prompt := fmt.Sprintf("Terapkan %d konflik yang sudah diputuskan?", n)
		if rest := len(m.conflicts) - n; rest > 0 {
			prompt += fmt.Sprintf(" %d belum diputuskan dan tetap menunggu.", rest)
		}
		m.ask = newConfirm(prompt, acceptTag{})
	default:
		m.table.update(msg)
	}
	return nil
}

// choose saves one decision, in the order of the screen's writes.
func (m *mergeScreen) choose(id string, choice store.Choice, edited string) tea.Cmd {
	m.ticket++
	n := m.ticket
	m.asked[id] = n
	db := m.env.db
	return m.env.write(m, func() tea.Msg {
		c, err := db.Choose(id, choice, edited)
		return chosenMsg{id, n, c, err}
	})
}

// chosen takes the store's answer: the conflict as saved, or why not.
// A failure reads the conflicts again: what the store holds is then the
// decision before.
func (m *mergeScreen) chosen(msg chosenMsg) tea.Cmd {
	if msg.ticket < m.asked[msg.id] {
		return nil // a newer decision on the same conflict follows
	}
	if e := m.edit; e != nil && e.id == msg.id && e.saving {
		if !e.saved(msg.err, "✗ ") {
			return nil
		}
		m.edit = nil
	} else if msg.err != nil {
		m.say("✗ Pilihan tidak tersimpan: "+errorText(msg.err), true)
		return m.load
	}
	for i := range m.conflicts {
		if m.conflicts[i].ID == msg.id {
			m.conflicts[i] = msg.c
			m.rows[i] = m.cells(&m.conflicts[i])
			m.table.show(m.rows, m.table.Cursor())
			if sh := m.sheets[msg.c.Evaluation]; sh != nil {
				sh.rescore(m.conflicts)
			}
			break
		}
	}
	return nil
}

// accept applies the decided conflicts. It is queued behind the decisions
// still on their way, so it applies every one the user made.
func (m *mergeScreen) accept() tea.Cmd {
	db, by := m.env.db, m.env.user
	return m.env.write(m, func() tea.Msg {
		n, err := db.AcceptMerge(by)
		return mergeAcceptedMsg{n, err}
	})
}

// openEdit opens the field for a value of one's own, filled with the
// value chosen so far, else ours.
func (m *mergeScreen) openEdit(c store.Conflict) tea.Cmd {
	v, ok := c.Resolved()
	if !ok {
		v = c.Ours
	}
	if strings.Contains(v, "\n") || strings.Contains(c.Theirs, "\n") {
		// The one-line field would join the lines into one, and save so.
		m.say(fieldLabel(c)+" ini lebih dari satu baris: pilih o (sini) atau t (mereka), lalu ubah di evaluasinya setelah diterima.", true)
		return nil
	}
	f := newField(fieldLabel(c)+" baru: ", "", 4000)
	f.SetWidth(max(10, m.width-lenPrompt(f)-2))
	var cmd tea.Cmd
	m.edit, cmd = openLineEdit(c.ID, f, v)
	return cmd
}

func (m *mergeScreen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	e := m.edit
	switch do, cmd := e.key(msg, m.keys.Cancel, m.keys.Save); do {
	case lineCancel:
		m.edit = nil
	case lineSave:
		e.saving, e.problem = true, ""
		return m.choose(e.id, store.ChooseEdit, m.canonical(e.id, e.field.Value()))
	default:
		return cmd
	}
	return nil
}

// setData takes a fresh read, keeping the selected conflict.
func (m *mergeScreen) setData(msg mergeLoadedMsg) {
	keep := ""
	if c := m.selected(); c != nil {
		keep = c.ID
	}
	keep = m.keep(keep)
	m.conflicts, m.sheets, m.names = msg.conflicts, msg.sheets, msg.names
	at := keepAt(m.conflicts, func(c store.Conflict) string { return c.ID }, keep, m.table.Cursor())
	for _, sh := range m.sheets {
		sh.rescore(m.conflicts)
	}
	if m.edit != nil && m.find(m.edit.id) == nil {
		m.edit = nil // decided elsewhere, or accepted
	}
	m.fillRows(at)
}

func (m *mergeScreen) find(id string) *store.Conflict {
	for i := range m.conflicts {
		if m.conflicts[i].ID == id {
			return &m.conflicts[i]
		}
	}
	return nil
}

// fillRows lays the conflicts out in the current columns and selects row at.
func (m *mergeScreen) fillRows(at int) {
	m.rows = m.rows[:0]
	for i := range m.conflicts {
		m.rows = append(m.rows, m.cells(&m.conflicts[i]))
	}
	m.table.show(m.rows, min(max(0, at), max(0, len(m.rows)-1)))
}
