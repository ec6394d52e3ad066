package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
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

// labelled puts text beside label, the label padded to labelW cells and
// the text wrapped in the rest of width under its own start: a detail
// pane's "Sekarang  B — …" rows.
func labelled(label, text string, labelW, width int) string {
	body := lipgloss.NewStyle().Width(max(8, width-labelW)).Render(text)
	return lipgloss.JoinHorizontal(lipgloss.Top, label+strings.Repeat(" ", max(0, labelW-lipgloss.Width(label))), body)
}
