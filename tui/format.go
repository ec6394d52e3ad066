package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// hangingWrap wraps text to width with every line indented by indent
// cells, so a long line keeps its amount at its end instead of losing it
// at the right edge.
func hangingWrap(text string, indent, width int) string {
	pad := strings.Repeat(" ", indent)
	lines := strings.Split(ansi.Wrap(text, max(10, width-indent), ""), "\n")
	for i, l := range lines {
		lines[i] = pad + l
	}
	return strings.Join(lines, "\n")
}
