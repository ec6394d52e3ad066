package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fitting drawn text into a pane of the screen: every view is made to
// fit before the renderer sees it.

// clip fits s into width×height cells: exactly height lines, none wider
// than width. The renderer cuts wide lines and scrolls tall frames, so
// every view is made to fit first. It measures line by line: it runs on
// every frame.
func clip(s string, width, height int) string { return shape(s, width, height, true, false) }

// fit cuts s to at most height lines of at most width cells.
func fit(s string, width, height int) string { return shape(s, width, height, false, false) }

// pane is clip with every line padded to the full width, for a pane that
// has another to its right.
func pane(s string, width, height int) string { return shape(s, width, height, true, true) }

func shape(s string, width, height int, fillHeight, pad bool) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.SplitN(s, "\n", height+1)
	if len(lines) > height {
		lines = lines[:height]
	}
	for fillHeight && len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		w := ansi.StringWidth(l)
		switch {
		case w > width:
			lines[i] = ansi.Truncate(l, width, "")
		case pad && w < width:
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	return strings.Join(lines, "\n")
}

// clipMore is clip that says where it cut a block of text short: when the
// first line left out has text, the last line shown ends in "…". A cut
// at a blank line leaves whole blocks out and says nothing: a "…" there
// would seem to cut the block above.
func clipMore(s string, width, height int) string {
	out := clip(s, width, height)
	rest := strings.SplitN(s, "\n", height+1)
	if width < 2 || height <= 0 || len(rest) <= height {
		return out
	}
	if next, _, _ := strings.Cut(rest[height], "\n"); strings.TrimSpace(ansi.Strip(next)) == "" {
		return out
	}
	lines := strings.Split(out, "\n")
	last := lines[height-1]
	kept := strings.TrimRight(ansi.Strip(last), " ")
	if w := ansi.StringWidth(kept); w > 0 { // the text of the line, its colours kept
		last = ansi.Truncate(last, min(w, width-2), "")
	} else {
		last = ""
	}
	lines[height-1] = strings.TrimRight(last+" …", " ")
	if kept == "" {
		lines[height-1] = "…"
	}
	return strings.Join(lines, "\n")
}
