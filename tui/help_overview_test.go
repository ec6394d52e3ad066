package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// "?" shows every key of the screen, ctrl+c and how to close it included,
// on the satker list and in the walk at 80×24; on a window too small for
// all of them it says how many are left out rather than cutting them off.
func TestHelpOverviewShowsEveryKey(t *testing.T) {
	_, _, _, h, _ := seededWalk(t, "kua-bantuan", "KUA Kecamatan Bantuan", 80, 24)
	// missing is the keys of the screen on top the overview does not show.
	missing := func(v string) (out []string) {
		v = v[:strings.LastIndex(v, "\n")] // not the help line under it
		groups := append(h.app.top().Help().full, []key.Binding{h.app.keys.Back, h.app.keys.Help, h.app.keys.Quit})
		for _, g := range groups {
			for _, k := range g {
				if k.Enabled() && !strings.Contains(v, k.Help().Desc) {
					out = append(out, k.Help().Key+" "+k.Help().Desc)
				}
			}
		}
		return out
	}
	every := func(where string) {
		t.Helper()
		h.keys("?")
		v := h.view()
		if m := missing(v); len(m) > 0 {
			t.Errorf("%s: the overview lacks %q:\n%s", where, m, v)
		}
		if !strings.Contains(v, "Tekan tombol apa saja untuk menutup.") {
			t.Errorf("%s: the overview does not say how to close it:\n%s", where, v)
		}
		h.keys("[esc]") // closes the overview only
	}
	every("walk 80×24")
	h.keys("[esc]")
	every("satker list 80×24")

	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.keys("[enter][enter]?")
	v := h.view()
	if len(missing(v)) > 0 && !strings.Contains(v, fmt.Sprintf("… %d tombol lagi: perbesar jendela", len(missing(v)))) {
		t.Fatalf("walk 60×15: the overview cuts keys off without saying so:\n%s", v)
	}
}
