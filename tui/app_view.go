package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
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
	if a.width < minWidth || a.height < minHeight {
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
		f.header = clip(st.Title.Render("ziwb")+st.Crumb.Render(" · "+trail), w, 1)
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
		f.out = f.header + "\n" + f.body + "\n" + f.footer
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

func (a *App) shortHelp() []key.Binding {
	k := append([]key.Binding{}, a.top().Help().short...)
	if a.top().Capturing() { // ? is typed into the field then
		return k
	}
	return append(k, a.keys.Help)
}

func (a *App) fullHelp() string {
	w, h := a.bodySize()
	groups := append(a.top().Help().full, []key.Binding{a.keys.Back, a.keys.Help, a.keys.Quit})
	var b strings.Builder
	b.WriteString(a.env.st.Header.Render("Semua tombol — "+a.top().Title()) + "\n\n")
	for _, g := range groups {
		for _, k := range g {
			if !k.Enabled() {
				continue
			}
			name := a.env.st.Key.Render(k.Help().Key)
			fmt.Fprintf(&b, "  %s%s %s\n", name, strings.Repeat(" ", max(0, 12-lipgloss.Width(name))), k.Help().Desc)
		}
		b.WriteString("\n")
	}
	b.WriteString(a.env.st.Muted.Render("Tekan tombol apa saja untuk menutup."))
	return clip(b.String(), w, h)
}
