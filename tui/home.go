package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// homeKeys is the satker list's key map and its help; the filter field's
// keys are the listFilter's.
type homeKeys struct {
	nav                                                        navKeys
	Open, Filter, ClearFilter, New, Edit, Delete, Review, Quit key.Binding
	Dashboard, Queue, Merge                                    key.Binding
	Sort                                                       sortKeys // by sortByName, sortByScore, …
}

func newHomeKeys() homeKeys {
	return homeKeys{
		nav:         listNavKeys(),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka evaluasi")),
		Filter:      openFilterKey(),
		ClearFilter: clearFilterKey(),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "satker baru")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "ubah")),
		Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "hapus")),
		Review:      reviewKey(),
		Dashboard:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "dasbor")),
		Queue:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "menunggu saya")),
		Merge:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "konflik gabung")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "keluar")),
		Sort:        newSortKeys("nama", "nilai", "progres", "wilayah"),
	}
}

// The satker list's sorts (sortState.by).
const (
	sortByName = iota
	sortByScore
	sortByProgress
	sortByRegion
)

// sortNames is how the header names each sort: natural direction, reversed.
var sortNames = [...][2]string{
	sortByName:     {"nama A–Z", "nama Z–A"},
	sortByScore:    {"nilai tertinggi", "nilai terendah"},
	sortByProgress: {"progres terbanyak", "progres tersedikit"},
	sortByRegion:   {"wilayah A–Z", "wilayah Z–A"},
}

// Columns of the satker table. The first holds the selection marker.
const (
	hcMark = iota
	hcName
	hcKind
	hcRegion
	hcTarget
	hcLatest
	hcProgress
	hcScore
	hcResult
	hcVerdict
	hcCount
)

var (
	homeColumns = []colSpec{
		hcMark:     {"", 1, 1, 0},
		hcName:     {"SATKER", 20, 60, 0},
		hcKind:     {"JENIS", 10, 10, 110},
		hcRegion:   {"WILAYAH", 10, 48, 70},
		hcTarget:   {"TARGET", 6, 6, 90},
		hcLatest:   {"TERAKHIR", 10, 17, 0}, // "2026 PMPZI"
		hcProgress: {"PROGRES", 7, 24, 0},
		hcScore:    {"NILAI", 6, 6, 0},
		hcResult:   {"HASIL", 5, 6, 110},
		hcVerdict:  {"CAPAIAN", 7, 8, 0},
	}
	homeDrop = []int{hcResult, hcKind, hcTarget, hcRegion, hcLatest, hcProgress}
	// The name identifies a satker: it grows first, then the region
	// enough for "Kab. Magelang", then a bar of a few cells; what is left
	// at the widest goes to the region ("Kab. Minahasa Tenggara, Sulawesi
	// Utara").
	homeGrow = []growStep{{hcName, 24}, {hcRegion, 13}, {hcProgress, 12}, {hcLatest, 17}, {hcName, 30},
		{hcProgress, 14}, {hcRegion, 26}, {hcVerdict, 8}, {hcName, 44}, {hcProgress, 24}, {hcRegion, 34},
		{hcResult, 6}, {hcName, 60}, {hcRegion, 48}}
)

// homeScreen is the list of satkers: where every session starts.
type homeScreen struct {
	listBase
	keys homeKeys

	items   []homeItem
	partial int // while only the first screenful is loaded: how many satkers there are
	waiting int // evaluations whose next step is the user's (known from the full load on)
	byID    map[string]int
	order   []int // items in the current sort
	shown   []int // order less what the filter hides: the table's rows
	rows    []table.Row
	sort    sortState
	filter  listFilter
	listBox
	ask *confirm

	cols []int
	barW int
	bars []string // bars[k]: a bar with k of barW cells filled

	conflicts int // merge conflicts waiting for a person, counted with waiting
}

func newHome(e *env) *homeScreen {
	k := newHomeKeys()
	h := &homeScreen{listBase: newListBase(e), keys: k, filter: newListFilter("nama, id, jenis atau wilayah"),
		listBox: newListBox(e, k.nav, homeColumns)}
	h.updateKeys()
	return h
}

// Messages of the home screen.
type (
	homeLoadedMsg struct {
		list    []store.SatkerSummary
		err     error
		partial int // > 0: the first screenful of this many satkers; the rest follow
		// waiting is how many evaluations wait on the user, when counted:
		// the full load counts them, the first screenful does not.
		waiting int
		counted bool

		conflicts int // merge conflicts waiting for a person
	}
	satkerDeletedMsg struct {
		name  string
		evals int
		err   error
	}
)

func (h *homeScreen) Init() tea.Cmd { return h.loadFirst }

// loadFirst reads what the first frame shows: the first screenful of
// satkers in the first order (by name) and how many there are. The rest
// follow in load, a moment later.
func (h *homeScreen) loadFirst() tea.Msg {
	list, total, err := h.env.db.SatkerFirst(firstScreenRows)
	if err != nil || total > len(list) {
		return homeLoadedMsg{list: list, err: err, partial: total}
	}
	// That was all of them: no load follows, and so few cost the queue
	// count nothing.
	return h.counted(list)
}

func (h *homeScreen) load() tea.Msg {
	list, err := h.env.db.SatkerList() // no per-area scores: the list does not show them
	if err != nil {
		return homeLoadedMsg{err: err}
	}
	return h.counted(list)
}

// counted is the full list with the counts the header shows. The queue
// is read from the same list records (cached per commit): counting it
// costs a pass over the list, no decoding. Merge conflicts are few, and
// gone once a merge is accepted; a file they cannot be read from shows
// none, and the merge screen says why.
func (h *homeScreen) counted(list []store.SatkerSummary) homeLoadedMsg {
	q, qerr := h.env.db.Queue(h.env.user)
	cs, _ := h.env.db.Conflicts()
	return homeLoadedMsg{list: list, waiting: len(q), conflicts: len(cs), counted: qerr == nil}
}

func (h *homeScreen) Title() string { return "Satker" }

func (h *homeScreen) Capturing() bool { return h.filter.Focused() || h.ask != nil }

func (h *homeScreen) SetSize(width, height int) {
	if width != h.width {
		h.cols = h.table.fitColumns(homeColumns, homeDrop, homeGrow, width)
		if bw := barWidth(h.cols[hcProgress]); bw != h.barW || h.bars == nil {
			h.barW = bw
			h.bars = barSet(h.env.st, bw)
		}
		h.fillCells()
	}
	h.width, h.height = width, height
	h.filter.fit(width)
	h.tableH = -1 // force a layout
	h.layout()
	h.dirty = true
}

func (h *homeScreen) selected() *homeItem {
	c := h.table.Cursor()
	if c < 0 || c >= len(h.shown) {
		return nil
	}
	return &h.items[h.shown[c]]
}

func (h *homeScreen) selectedID() string {
	if it := h.selected(); it != nil {
		return it.sum.Satker.ID
	}
	return ""
}

func (h *homeScreen) updateKeys() {
	sel := h.selected() != nil
	h.keys.Open.SetEnabled(sel)
	h.keys.Edit.SetEnabled(sel)
	h.keys.Delete.SetEnabled(sel)
	h.keys.ClearFilter.SetEnabled(h.filter.Value() != "")
	h.keys.Filter.SetEnabled(len(h.items) > 0)
	h.keys.Sort.setEnabled(len(h.items) > 0)
}

func (h *homeScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case homeLoadedMsg:
		if h.loadDone(msg.err) {
			h.setList(msg.list)
			h.partial = msg.partial
			if msg.counted {
				h.waiting, h.conflicts = msg.waiting, msg.conflicts
			}
			if msg.partial > 0 {
				cmd = tea.Tick(restAfter, func(time.Time) tea.Msg { return h.load() })
			}
		}
	case refreshMsg:
		h.opening = false
		return h.load
	case satkerDeletedMsg:
		if msg.err != nil {
			h.say(fmt.Sprintf("✗ %s tidak terhapus: %s", msg.name, errorText(msg.err)), true)
		} else {
			h.say(fmt.Sprintf("✓ Dihapus: %s beserta %d evaluasi.", msg.name, msg.evals), false)
			cmd = h.load
		}
	case confirmMsg:
		h.ask = nil
		if id, ok := msg.tag.(string); ok && msg.yes {
			cmd = h.delete(id)
		}
	case tea.KeyPressMsg:
		if h.opening {
			// A screen is on its way: keys typed meanwhile belong to it,
			// not here. Dropping them beats acting on the wrong screen.
			return nil
		}
		h.notice = ""
		cmd = h.handleKey(msg)
	case tea.PasteMsg:
		if h.opening || h.ask != nil || !h.loaded {
			return nil
		}
		cmd = h.filter.paste(msg)
		h.refilter("")
		h.updateKeys()
	default:
		if !h.filter.Focused() {
			return nil
		}
		var changed bool
		if changed, cmd = h.filter.forward(msg); changed {
			h.refilter("")
		}
	}
	h.layout()
	h.dirty = true
	return cmd
}

func (h *homeScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if h.ask != nil {
		return h.ask.Update(msg)
	}
	k := h.keys
	if h.filter.Focused() {
		// Arrows move the selection while typing; letters are typed.
		change, cmd := h.filter.edit(msg, func(bool) { h.table.update(msg) })
		switch change {
		case filterTyped:
			h.refilter("")
		case filterDropped:
			h.refilter(h.selectedID())
		}
		h.updateKeys()
		return cmd
	}
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if !h.loaded {
		return nil
	}
	by, sorts := k.Sort.match(msg)
	switch {
	case key.Matches(msg, k.Filter):
		return h.filter.start()
	case key.Matches(msg, k.ClearFilter):
		h.filter.SetValue("")
		h.refilter(h.selectedID())
	case sorts:
		h.sortOn(by)
	case key.Matches(msg, k.New):
		return h.open(newSatkerForm(h.env, nil, h.taken, h.saved))
	case key.Matches(msg, k.Edit):
		s := h.selected().sum.Satker
		return h.open(newSatkerForm(h.env, &s, h.taken, h.saved))
	case key.Matches(msg, k.Delete):
		it := h.selected()
		name, n := it.sum.Satker.Name, len(it.sum.Evaluations)
		prompt := fmt.Sprintf("Hapus %s beserta %d evaluasi dan semua jawabannya?", name, n)
		if n == 0 {
			prompt = fmt.Sprintf("Hapus %s? Satker ini belum punya evaluasi.", name)
		}
		h.ask = newConfirm(prompt, it.sum.Satker.ID)
	case key.Matches(msg, k.Open):
		return h.open(newChooser(h.env, h.selectedID()))
	case key.Matches(msg, k.Review):
		return h.open(newReview(h.env, reviewScope{}))
	case key.Matches(msg, k.Dashboard):
		return h.open(newDashboard(h.env))
	case key.Matches(msg, k.Queue):
		return h.open(newQueue(h.env))
	case key.Matches(msg, k.Merge):
		return h.open(newMerge(h.env))
	default:
		h.table.update(msg)
		h.updateKeys()
	}
	return nil
}

// sortOn sorts by s; asking for the current sort again reverses it. The
// selection goes to the top: a new order is read from its start.
func (h *homeScreen) sortOn(s int) {
	h.sort.on(s)
	h.sortItems()
	h.refilter("")
}

func (h *homeScreen) delete(id string) tea.Cmd {
	i, ok := h.byID[id]
	if !ok {
		return nil
	}
	sum := h.items[i].sum
	e := h.env
	return e.write(h, func() tea.Msg {
		err := e.db.DeleteSatker(id, e.user)
		return satkerDeletedMsg{sum.Satker.Name, len(sum.Evaluations), err}
	})
}

// taken tells the form whether a new id is already in use. It is called
// from the form's Update, on the program's goroutine.
func (h *homeScreen) taken(id string) bool {
	_, ok := h.byID[id]
	return ok
}

// saved is the form's report once the store has the satker: the list
// selects it after the reload that follows.
func (h *homeScreen) saved(s model.Satker, created bool) {
	h.want = s.ID
	if created {
		h.say("✓ Satker baru disimpan: "+s.Name, false)
	} else {
		h.say("✓ Perubahan disimpan: "+s.Name, false)
	}
	h.dirty = true
}

// restAfter is how long the rest of the list waits after the first
// screenful: the first frame is drawn and flushed before the full list's
// decoding takes the processor.
const restAfter = 40 * time.Millisecond
