package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The kit every list screen is built from, as gh-dash builds its sections
// on section.BaseModel: the navigation keys (defined here once), the
// table (listtable.go), the filter field (filter.go) and listBase — load
// state, notice line, selection kept across reloads, a memoized view.

// navKeys move through a list. Every list takes listNavKeys and removes
// (key.Binding{}: never matches, never shown) or narrows what means
// something else on it; the map is also the list's help.
type navKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
}

func listNavKeys() navKeys {
	return navKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "halaman sebelum")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "halaman berikut")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ halaman naik")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ halaman turun")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "paling atas")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "paling bawah")),
	}
}

// withoutPages drops the whole-page keys, for lists whose pgup/pgdown
// scroll a detail pane instead.
func (k navKeys) withoutPages() navKeys {
	k.PageUp, k.PageDown = key.Binding{}, key.Binding{}
	return k
}

// withoutHalves drops the half-page keys, for lists too short for them.
func (k navKeys) withoutHalves() navKeys {
	k.HalfUp, k.HalfDown = key.Binding{}, key.Binding{}
	return k
}

// bindings lists the keys in help order.
func (k navKeys) bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}
}

// setEnabled turns every navigation key on or off (removed ones stay off).
func (k *navKeys) setEnabled(on bool) {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.HalfUp, &k.HalfDown, &k.Top, &k.Bottom} {
		b.SetEnabled(on)
	}
}

// detailScrollKeys scroll the detail pane under a list: pgup and pgdown,
// or K and J, while the list keeps its own up and down.
func detailScrollKeys() (up, down key.Binding) {
	return key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup/K", "gulir rincian")),
		key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn/J", "gulir rincian"))
}

// listBox is a list's table and the lines the screen gives it. Screens
// embed it, or listPanes.
type listBox struct {
	table  listTable
	tableH int // the list's lines, header included; -1 lays them out again
}

func newListBox(e *env, keys navKeys, specs []colSpec) listBox {
	return listBox{table: newListTable(e, keys, specs)}
}

// size gives the table th lines at width, unless it has them already.
func (b *listBox) size(width, th int) {
	if th != b.tableH {
		b.tableH = th
		b.table.resize(width, th)
	}
}

// listPanes is a list over a detail pane that tells its selected item in
// full.
type listPanes struct {
	listBox
	detail viewport.Model
}

func newListPanes(e *env, keys navKeys, specs []colSpec) listPanes {
	return listPanes{listBox: newListBox(e, keys, specs), detail: viewport.New()}
}

// split gives the list th lines and the pane dh, both width wide; false
// when they have them already, and the pane need not be filled again.
func (p *listPanes) split(width, th, dh int) bool {
	if th == p.tableH && dh == p.detail.Height() && width == p.detail.Width() {
		return false
	}
	p.tableH = th
	p.table.resize(width, th)
	p.detail.SetWidth(width)
	p.detail.SetHeight(dh)
	return true
}

// stack is the list (or what stands in its place) over a rule and the
// pane (the detail, or a form in its place), each cut to its lines.
func (p *listPanes) stack(st styles, width int, list, pane string) string {
	return clip(list, width, p.tableH) + "\n" + st.Muted.Render(strings.Repeat("─", width)) + "\n" + clip(pane, width, p.detail.Height())
}

// fillPane writes the selected item into the detail pane through write,
// or empties the pane while nothing is selected.
func fillPane[T any](p *listPanes, selected *T, write func(*T) string) {
	if selected == nil {
		p.detail.SetContent("")
		return
	}
	p.detail.SetContent(write(selected))
}

// scrollKeys scroll a pane that is read rather than picked from (a
// scorecard, a comparison) a line at a time.
func scrollKeys() (up, down key.Binding) {
	return key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "gulir")),
		key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "gulir"))
}

// loadText is what a list says while it has nothing to show: why its
// load failed, or that it is loading.
type loadText struct{ failed, loading string }

// listBase is the state every list screen shares. Screens embed it.
type listBase struct {
	env     *env
	loaded  bool
	loadErr string
	notice  string
	warn    bool   // notice is a failure
	want    string // item to select after the next load
	opening bool   // a pushed screen has not arrived yet (cleared by its refreshMsg on return)

	width, height int
	view          string
	dirty         bool
}

func newListBase(e *env) listBase { return listBase{env: e, dirty: true} }

// loadDone takes a load's outcome; false when it failed, and the list
// keeps what it had.
func (l *listBase) loadDone(err error) bool {
	if err != nil {
		l.loadErr = errorText(err)
		return false
	}
	l.loaded, l.loadErr = true, ""
	return true
}

// pageDone takes the load of a screen that is one page (a gap, a
// comparison) rather than a list: loaded even when it failed, so that
// pageWait shows why in the page's place, as text tells it; false when it
// failed.
func (l *listBase) pageDone(err error, text func(error) string) bool {
	l.loaded, l.loadErr = true, ""
	if err != nil {
		l.loadErr = text(err)
		return false
	}
	return true
}

// pageText is what a one-page screen says instead of its page: that it
// is loading, or why it cannot show it (failed, then the error) and what
// to do (advice).
type pageText struct{ loading, failed, advice string }

// pageWait is the whole screen while there is no page to show; ok is
// false once there is.
func (l *listBase) pageWait(t pageText) (screen string, ok bool) {
	st, w := l.env.st, l.width
	switch {
	case !l.loaded:
		return fit(st.Muted.Render(t.loading), w, l.height), true
	case l.loadErr != "":
		text := st.Error.Render(ansi.Wrap("✗ "+t.failed+l.loadErr, w, "")) + "\n\n" + ansi.Wrap(t.advice, w, "")
		return fit(text, w, l.height), true
	}
	return "", false
}

// showing: the list or page is there to act on, loaded and not replaced
// by the last load's failure.
func (l *listBase) showing() bool { return l.loaded && l.loadErr == "" }

// loadLine is the body while the list cannot show items: the failure or
// the wait; ok is false once there is a list to show.
func (l *listBase) loadLine(t loadText) (line string, ok bool) {
	st := l.env.st
	switch {
	case l.loadErr != "":
		return st.Error.Render(ansi.Wrap(t.failed+l.loadErr, l.width, "")), true
	case !l.loaded:
		return st.Muted.Render(t.loading), true
	}
	return "", false
}

// keep is the item to select after a reload: the one asked for, else the
// one selected now.
func (l *listBase) keep(selected string) string {
	id := l.want
	if id == "" {
		id = selected
	}
	l.want = ""
	return id
}

// keepAt is the position of the item keep among items, by id, else at:
// where the selection goes after a reload or a new filter.
func keepAt[T any](items []T, id func(T) string, keep string, at int) int {
	if i := slices.IndexFunc(items, func(it T) bool { return id(it) == keep }); i >= 0 {
		return i
	}
	return at
}

// title is a headline cut to the screen's width.
func (l *listBase) title(text string) string {
	return l.env.st.Header.Render(ansi.Truncate(text, l.width, "…"))
}

// top writes a list screen's first lines (its headline, and the filter
// line on a list that has one), each ending the line, then the load line
// while there is no list to show; waiting says it wrote one.
func (l *listBase) top(b *strings.Builder, t loadText, lines ...string) (waiting bool) {
	for _, s := range lines {
		b.WriteString(s + "\n")
	}
	line, waiting := l.loadLine(t)
	b.WriteString(line)
	return waiting
}

// say sets the notice line until the next key.
func (l *listBase) say(text string, warn bool) { l.notice, l.warn = text, warn }

// noticeView is the notice, one line, red when it reports a failure.
// noticeBlock is the notice wrapped to at most n lines, for a notice
// worth reading whole: a path written, a command to run instead.
func (l *listBase) noticeBlock(n int) string {
	if l.notice == "" {
		return ""
	}
	style := l.env.st.Saved
	if l.warn {
		style = l.env.st.Error
	}
	return style.Render(strings.Join(wrapLines(l.notice, max(1, l.width), n), "\n"))
}

func (l *listBase) noticeView() string {
	st := l.env.st
	switch {
	case l.notice == "":
		return ""
	case l.warn:
		return st.Error.Render(ansi.Truncate(l.notice, max(0, l.width), "…"))
	}
	return st.Saved.Render(ansi.Truncate(l.notice, max(0, l.width), "…"))
}

// open pushes s. The push is a message: until the root has handled it,
// keys still arrive here, and the list drops them (opening) rather than
// act on the wrong screen.
func (l *listBase) open(s screen) tea.Cmd {
	l.opening = true
	return l.env.open(s)
}

// memo is View: the screen draws again only after its state or size
// changed (dirty), and draws nothing before it knows its size.
func (l *listBase) memo(render func() string) string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	if l.dirty {
		l.view = render()
		l.dirty = false
	}
	return l.view
}

// sortState is a list's order: a key, natural or reversed.
type sortState struct {
	by      int
	reverse bool
}

// on sorts by s; asking for the current sort again reverses it.
func (s *sortState) on(by int) {
	if s.by == by {
		s.reverse = !s.reverse
	} else {
		s.by, s.reverse = by, false
	}
}

// name picks the word for the order from its natural and reversed names.
func (s sortState) name(names [2]string) string {
	if s.reverse {
		return names[1]
	}
	return names[0]
}

// sortKeys pick a list's order by number: By[i], key i+1, sorts by
// order i, and again reverses it; Any stands for them all on the short
// help line.
type sortKeys struct {
	Any key.Binding
	By  []key.Binding
}

// newSortKeys: orders names each order in the help ("nama").
func newSortKeys(orders ...string) sortKeys {
	k := sortKeys{By: make([]key.Binding, len(orders))}
	nums := make([]string, len(orders))
	for i, o := range orders {
		nums[i] = strconv.Itoa(i + 1)
		k.By[i] = key.NewBinding(key.WithKeys(nums[i]), key.WithHelp(nums[i], "urut "+o+" (lagi: balik)"))
	}
	k.Any = key.NewBinding(key.WithKeys(nums...), key.WithHelp("1–"+nums[len(nums)-1], "urut"))
	return k
}

// match is the order msg picks, if it picks one.
func (k sortKeys) match(msg tea.KeyPressMsg) (int, bool) {
	for i, b := range k.By {
		if key.Matches(msg, b) {
			return i, true
		}
	}
	return 0, false
}

func (k *sortKeys) setEnabled(on bool) {
	k.Any.SetEnabled(on)
	for i := range k.By {
		k.By[i].SetEnabled(on)
	}
}

// countText is a headline's count: "5.000 satker", or "12 dari 5.000
// satker" while a filter hides some.
func countText(shown, total int, filtered bool, noun string) string {
	if filtered {
		return fmt.Sprintf("%s dari %s %s", format.Thousands(shown), format.Thousands(total), noun)
	}
	return format.Thousands(total) + " " + noun
}
