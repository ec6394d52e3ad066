package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// path is the narrow layout's stand-in for the tree: where this question
// sits, with the area's score and verdict.
func (w *walkScreen) path() string {
	st := w.env.st
	nodes := w.inst.Path(w.question().ID)
	var parts []string
	for i, n := range nodes {
		if i == 0 {
			continue // the component (pengungkit/hasil) is implied by the area
		}
		if i == 1 {
			ns, _ := w.sc.Node(n.ID)
			parts = append(parts, fmt.Sprintf("%s %s/%s %s", n.Title, model.Points(ns.Score), model.Points(ns.Max), st.verdict(ns.Verdict)))
			continue
		}
		parts = append(parts, n.Title)
	}
	return ansi.Truncate(strings.Join(parts, st.Muted.Render(" › ")), w.width, "…")
}

// ruleLine names what the walked area misses for the target — the points
// it needs, how many are short and the clause that sets the rule — so the
// evaluator can say on the spot which rule says so; "" when it passes.
func (w *walkScreen) ruleLine(width int) string {
	nodes := w.inst.Path(w.question().ID)
	if len(nodes) < 2 {
		return ""
	}
	ns, _ := w.sc.Node(nodes[1].ID)
	if len(ns.Missed) == 0 {
		return ""
	}
	m := ns.Missed[0]
	for _, x := range ns.Missed[1:] {
		if x.Short() > m.Short() {
			m = x
		}
	}
	text := fmt.Sprintf("%s: perlu %s, kurang %s poin", m.Predicate, model.Points(m.Need), model.PointsShort(m.Short()))
	if m.Source != "" {
		text += " · dasar: " + m.Source
	}
	// At most two lines, the second under the first's text: the clause
	// is long, and the question needs the room more.
	lines := strings.Split(hangingWrap(text, 2, width), "\n")
	lines[0] = "↳" + lines[0][1:]
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = ansi.Truncate(lines[1], width-1, "") + "…"
	}
	return w.env.st.Fail.Render(strings.Join(lines, "\n")) + "\n"
}

// tree draws the instrument with the current area opened down to its
// questions, every node with its score, answered count and verdict.
func (w *walkScreen) tree(width, height int) string {
	st := w.env.st
	q := w.question()
	onPath := map[string]bool{}
	for _, n := range w.inst.Path(q.ID) {
		onPath[n.ID] = true
	}
	var lines []string
	cursorLine := 0
	var walk func(n *model.Node, depth int)
	walk = func(n *model.Node, depth int) {
		lines = append(lines, w.nodeLine(n, depth, onPath[n.ID], width))
		if !onPath[n.ID] && depth > 0 {
			return
		}
		for _, c := range n.Nodes {
			walk(c, depth+1)
		}
		if onPath[n.ID] {
			for _, qq := range n.Questions {
				mark := "○"
				if a, ok := w.answers[qq.ID]; ok && !a.Value.IsZero() {
					mark = "● " + format.Answer(qq, a.Value)
				}
				label := fmt.Sprintf("%s  %s %s", strings.Repeat(" ", depth*2), mark, qq.Number())
				if qq.ID == q.ID {
					cursorLine = len(lines)
					lines = append(lines, st.Selected.Render(ansi.Truncate("›"+label[1:], width, "…")))
					continue
				}
				lines = append(lines, ansi.Truncate(label, width, "…"))
			}
		}
	}
	for _, n := range w.inst.Nodes {
		walk(n, 0)
	}
	// Keep the current question in view.
	start := 0
	if cursorLine >= height {
		start = min(len(lines)-height, cursorLine-height/2)
	}
	lines = lines[max(0, start):]
	return strings.Join(lines, "\n")
}

// nodeLine is one node of the tree: title, score, answered count and
// badge. Moving between questions changes none of them, so lines are kept
// until the next save, resize or load (see rescore): a navigation key then
// redraws only the question lines.
func (w *walkScreen) nodeLine(n *model.Node, depth int, onPath bool, width int) string {
	k := treeKey{n.ID, onPath, width}
	if line, ok := w.treeLines[k]; ok {
		return line
	}
	st := w.env.st
	ns, _ := w.sc.Node(n.ID)
	indent := strings.Repeat(" ", depth*2)
	marker := "▸ "
	if onPath {
		marker = "▾ "
	}
	score := fmt.Sprintf("%s/%s %d/%d", model.Points(ns.Score), model.Points(ns.Max), ns.Answered, ns.Questions)
	badge := "  " // a fixed column, so scores line up with or without a verdict
	switch ns.Verdict {
	case model.Pass:
		badge = st.Pass.Render(" ✓")
	case model.Fail:
		badge = st.Fail.Render(" ✗")
	}
	titleW := max(1, width-len(indent)-2-len(score)-3)
	title := n.Title
	if c := len(w.carry[n.ID]); c > 0 && depth == 1 {
		title = fmt.Sprintf("⚑%d %s", c, title) // open recommendations of an earlier round
	}
	title = ansi.Truncate(title, titleW, "…")
	pad := max(1, width-len(indent)-2-lipgloss.Width(title)-len(score)-2)
	if onPath {
		title = st.Header.Render(title)
	}
	line := indent + marker + title + strings.Repeat(" ", pad) + st.Muted.Render(score) + badge
	if w.treeLines == nil {
		w.treeLines = map[treeKey]string{}
	}
	w.treeLines[k] = line
	return line
}

// treeKey names one drawn tree line.
type treeKey struct {
	node   string
	onPath bool
	width  int
}
