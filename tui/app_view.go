package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The workbench's frame: the header, the top screen's body and the help
// line, each drawn again only when what it is drawn from changed.

// View is the frame in the alternate screen; the program downsamples its
// colours to what the terminal shows (none under NO_COLOR).
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	return v
}

// render draws the frame: header, the top screen and the help line.
func (a *App) render() string {
	if a.width == 0 {
		return ""
	}
	if a.tooSmall() {
		text := fmt.Sprintf("Jendela terlalu kecil (%d×%d).\nziwb butuh paling sedikit %d×%d.\nPerbesar jendela terminal, atau tekan ctrl+c untuk keluar.",
			a.width, a.height, minWidth, minHeight)
		return clip(lipgloss.Place(a.width, a.height, lipgloss.Center, lipgloss.Center,
			lipgloss.NewStyle().Width(min(a.width, 58)).Render(text)), a.width, a.height)
	}
	// View runs after every message; most change nothing on the screen.
	// Each part is drawn again only when what it is drawn from changed,
	// and the frame only when a part did.
	st := a.env.st
	w, h := a.bodySize()
	f := &a.frame
	resized := f.w != a.width || f.h != a.height || f.look != a.env.look
	crumbs := make([]string, len(a.stack))
	for i, s := range a.stack {
		crumbs[i] = s.Title()
	}
	if trail := strings.Join(crumbs, " › "); resized || trail != f.trail {
		f.trail = trail
		// A trail wider than the window ends in "…", never cut unsaid.
		crumb := ansi.Truncate(" · "+trail, max(0, w-lipgloss.Width("ziwb")), "…")
		f.header = clip(st.Title.Render("ziwb")+st.Crumb.Render(crumb), w, 1)
		f.out = ""
	}
	body := f.rawBody
	switch {
	case a.showHelp:
		body = a.fullHelp()
		f.stale = true // the screen again once the overview closes
	case f.stale || f.of != a.top():
		// A screen's view changes only through its Update or SetSize,
		// which mark it stale: it is not asked again until then.
		body = a.top().View()
		f.of, f.stale = a.top(), false
	}
	if resized || body != f.rawBody {
		f.rawBody, f.body = body, clip(body, w, h)
		f.out = ""
	}
	keys := a.shortHelp()
	if resized || a.flash != f.flash || !sameBindings(keys, f.keys) {
		f.flash, f.keys = a.flash, keys
		f.footer = a.help.ShortHelpView(keys)
		if lipgloss.Width(f.footer) > w {
			f.footer = fitHelp(a.help, keys, w)
		}
		if a.flash != "" {
			f.footer = st.Error.Render("✗ " + a.flash)
		}
		f.footer = clip(f.footer, w, 1)
		f.out = ""
	}
	f.w, f.h, f.look = a.width, a.height, a.env.look
	if f.out == "" {
		// Each part is clipped to the width and its exact height already:
		// joining needs no measuring (JoinVertical would pad every line).
		// Stored text reaches the terminal without its control sequences.
		f.out = format.Printable(f.header + "\n" + f.body + "\n" + f.footer)
	}
	return f.out
}

// frame is the last frame drawn and what its parts were drawn from.
type frame struct {
	w, h, look                int
	of                        screen // the screen rawBody was drawn by
	stale                     bool   // of has changed since
	trail, rawBody, flash     string
	keys                      []key.Binding
	header, body, footer, out string
}

// sameBindings reports two help lines that read the same.
func sameBindings(a, b []key.Binding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Help() != b[i].Help() || a[i].Enabled() != b[i].Enabled() {
			return false
		}
	}
	return true
}

// fitHelp is the help line of the first keys that fit in w cells, with
// "…" for the rest: bubbles' help adds a key whole when its "…" does not
// fit either, and the frame would cut it unsaid.
func fitHelp(h help.Model, keys []key.Binding, w int) string {
	h.SetWidth(0) // every key asked for, measured here
	tail := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	for n := len(keys) - 1; n > 0; n-- {
		if s := h.ShortHelpView(keys[:n]) + tail; lipgloss.Width(s) <= w {
			return s
		}
	}
	return ""
}

func (a *App) shortHelp() []key.Binding {
	k := append([]key.Binding{}, a.top().Help().short...)
	if a.top().Capturing() { // ? is typed into the field then
		return k
	}
	return append(k, a.keys.Help)
}

// fullHelp lists every key of the screen on top, group by group. Groups
// taller than the body flow into columns side by side; when even so they
// do not fit, they are one column that ↓ and ↑ scroll, and the last line
// says how many lines are left and how to reach them.
func (a *App) fullHelp() string {
	w, h := a.bodySize()
	st := a.env.st
	lines, rows, scrolls := a.helpLines()
	closing := "Tekan tombol apa saja untuk menutup."
	if scrolls {
		from := a.helpFrom(len(lines) - rows)
		more := len(lines) - rows - from
		lines = lines[from : from+rows]
		closing = fmt.Sprintf("↓/↑ gulir · %d baris lagi · tombol lain menutup.", more)
		if more == 0 {
			closing = "↑ gulir ke atas · tombol lain menutup."
		}
	}
	closing = ansi.Truncate(closing, w, "…")
	head := st.Header.Render("Semua tombol — "+a.top().Title()) + "\n\n"
	return clip(head+strings.Join(lines, "\n")+"\n"+st.Muted.Render(closing), w, h)
}

// helpLines is the overview's body: its lines, the rows the window has
// for them, and whether they are one column longer than that, to scroll.
func (a *App) helpLines() (lines []string, rows int, scrolls bool) {
	w, h := a.bodySize()
	st := a.env.st
	var blocks [][]key.Binding
	seen := map[key.Help]bool{} // a screen's own "esc kembali" is the workbench's too
	// A screen's own esc ("kembali tanpa menyimpan") says what esc does
	// there better than the workbench's "kembali": the key is listed once.
	seenKey := map[string]bool{}
	screen := a.top().Help().full
	for gi, g := range append(screen, []key.Binding{a.keys.Back, a.keys.Help, a.keys.Quit}) {
		var on []key.Binding
		for _, k := range g {
			if !k.Enabled() || seen[k.Help()] || (gi == len(screen) && seenKey[k.Help().Key]) {
				continue
			}
			seen[k.Help()], seenKey[k.Help().Key] = true, true
			on = append(on, k)
		}
		if len(on) > 0 {
			blocks = append(blocks, on)
		}
	}
	// Rows under the title and its blank line, above the closing line; in
	// a column a zero binding is the blank line between two groups.
	rows = max(1, h-3)
	var cols [][]key.Binding
	for _, b := range blocks {
		last := len(cols) - 1
		if last < 0 || len(cols[last])+1+len(b) > rows {
			cols = append(cols, append([]key.Binding{}, b...))
			continue
		}
		cols[last] = append(append(cols[last], key.Binding{}), b...)
	}
	var drawn []string
	used := 0
	for _, c := range cols {
		text := helpColumn(st, c, len(cols) == 1)
		if len(drawn) > 0 && used+lipgloss.Width(text) > w {
			// No room beside: every group in one column, scrolled.
			var all []key.Binding
			for i, b := range blocks {
				if i > 0 {
					all = append(all, key.Binding{})
				}
				all = append(all, b...)
			}
			return strings.Split(helpColumn(st, all, true), "\n"), rows, true
		}
		used += lipgloss.Width(text)
		drawn = append(drawn, text)
	}
	lines = strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, drawn...), "\n")
	if len(lines) > rows { // one group taller than the body
		return lines, rows, true
	}
	if len(cols) == 1 && len(lines) < rows { // as one column has always read
		lines = append(lines, "")
	}
	return lines, rows, false
}

// helpFrom is the first line of the overview shown, at most limit.
func (a *App) helpFrom(limit int) int { return max(0, min(a.helpScroll, limit)) }

// scrollHelp moves the overview by d lines when it scrolls; it reports
// whether it did, else the key closes the overview.
func (a *App) scrollHelp(d int) bool {
	lines, rows, scrolls := a.helpLines()
	if !scrolls {
		return false
	}
	a.helpScroll = a.helpFrom(len(lines)-rows) + d
	a.helpScroll = a.helpFrom(len(lines) - rows)
	return true
}

// helpColumn draws one column of the key overview; the only column keeps
// the overview's old fixed key width.
func helpColumn(st styles, keys []key.Binding, only bool) string {
	kw := 12
	if !only {
		kw = 0
		for _, k := range keys {
			kw = max(kw, lipgloss.Width(k.Help().Key))
		}
	}
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString("\n")
		}
		if !k.Enabled() {
			continue // the blank line between two groups
		}
		name := st.Key.Render(k.Help().Key)
		fmt.Fprintf(&b, "  %s%s %s", name, strings.Repeat(" ", max(0, kw-lipgloss.Width(name))), k.Help().Desc)
	}
	return b.String()
}
