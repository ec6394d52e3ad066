package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The walk lays out a tree pane beside the question when there is room,
// and a one-line path above it when there is not.
const (
	treeMinScreen = 110 // narrowest screen that gets the tree pane
	noteHeight    = 4
	evidenceRows  = 3
	roomyHeight   = 26 // shorter screens show note and evidence only when focused
)

func (w *walkScreen) treeWidth() int {
	if w.width < treeMinScreen {
		return 0
	}
	return min(52, w.width*2/5)
}

func (w *walkScreen) layoutEditors() {
	right := max(10, w.width-w.treeWidth()-4)
	w.note.SetWidth(right)
	w.note.SetHeight(noteHeight)
	fitField(&w.input, max(10, right-4))
	for i := range w.evForm {
		fitField(&w.evForm[i], max(10, right-12))
	}
	if w.prompt != nil && w.prompt.reason != nil {
		in := w.prompt.reason
		fitField(in, max(10, w.width-lipgloss.Width(in.Prompt)-2))
	}
}

func (w *walkScreen) View() string {
	if !w.loaded {
		return w.env.st.Muted.Render("Memuat evaluasi…")
	}
	foot, bodyH := w.foot()
	tw := w.treeWidth()
	dw, dh, rule := w.detailSize(bodyH)
	var main string
	if tw > 0 {
		// The path line carries the area's verdict as a word, which the
		// tree's glyphs alone do not under NO_COLOR.
		right := ansi.Truncate(w.path(), dw, "…") + "\n" + rule + w.detail(dw, dh)
		main = lipgloss.JoinHorizontal(lipgloss.Top, pane(w.tree(tw-1, bodyH), tw-1, bodyH), w.env.st.Muted.Render(strings.Repeat("│\n", bodyH-1)+"│"), clip(right, w.width-tw, bodyH))
	} else {
		main = clip(w.path()+"\n"+rule+w.detail(dw, dh), w.width, bodyH)
	}
	return main + "\n" + foot
}

// foot is the status line, or the step prompt, and the height left above it.
func (w *walkScreen) foot() (string, int) {
	foot := w.statusLine()
	if w.prompt != nil {
		foot = w.prompt.View(w.env.st, w.width, w.eval.Status)
	}
	return foot, max(1, w.height-lipgloss.Height(foot))
}

// detailSize is the room the question's pane gets, in a body of bodyH
// lines, below the path line and the rule line, which it returns drawn.
func (w *walkScreen) detailSize(bodyH int) (width, height int, rule string) {
	width = w.width
	if tw := w.treeWidth(); tw > 0 {
		width = w.width - tw - 1
	}
	rule = w.ruleLine(width)
	return width, bodyH - 1 - lipgloss.Height(rule) + 1, rule
}

// detail is the question, its options and guide, the satker's own answer,
// and the note and evidence.
func (w *walkScreen) detail(width, height int) string {
	top, topH, bottom, scrolls := w.detailParts(width, height)
	if scrolls {
		top = w.scrolled(top, width, topH)
	}
	return top + "\n" + bottom
}

// detailParts is detail in its parts: the question's, and the height it
// gets, and the editors'. The question's part is drawn to its height
// unless it scrolls.
func (w *walkScreen) detailParts(width, height int) (top string, topH int, bottom string, scrolls bool) {
	st := w.env.st
	q := w.question()
	ans := w.answers[q.ID]
	wrap := lipgloss.NewStyle().Width(max(10, width-1))
	var b strings.Builder

	head := st.Header.Render(fmt.Sprintf("Pertanyaan %d dari %d", w.cur+1, len(w.inst.Questions()))) + "  " + st.Muted.Render(q.ID+" · "+q.TypeName())
	if ans.Carried {
		head += st.Warn.Render(" · dibawa")
	}
	b.WriteString(ansi.Truncate(head, width, "…") + "\n")
	b.WriteString(wrap.Render(q.Text) + "\n\n")

	selfAns, hasSelf := w.self[q.ID]
	hasSelf = hasSelf && !selfAns.Value.IsZero()
	if q.Type.IsChoice() {
		for _, o := range q.Options {
			mark := "  "
			if ans.Value.Choice == o.Key {
				mark = "› "
			}
			self := "  "
			if hasSelf && selfAns.Value.Choice == o.Key {
				self = "◇ "
			}
			label := o.Label
			if label == "" {
				label = fmt.Sprintf("nilai %s", model.Points(o.Value))
			}
			// Hanging indent: a long criterion wraps under its own start.
			prefix := fmt.Sprintf("%s%s%s  ", mark, self, st.Key.Render(o.Key))
			text := lipgloss.NewStyle().Width(max(8, width-1-lipgloss.Width(prefix))).Render(label)
			if ans.Value.Choice == o.Key {
				text = st.Selected.Render(text)
			}
			line := lipgloss.JoinHorizontal(lipgloss.Top, prefix, text)
			b.WriteString(line + "\n")
		}
	} else {
		answer := st.Muted.Render("belum dijawab")
		if !ans.Value.IsZero() {
			answer = st.Selected.Render(format.Answer(q, ans.Value))
		}
		b.WriteString(wrap.Render(fmt.Sprintf("Jawaban: %s   %s", answer, st.Muted.Render("("+q.Accepted()+")"))) + "\n")
	}
	if w.focus == focusInput {
		b.WriteString(w.input.View() + "\n")
	}
	if w.reviewed() {
		b.WriteString(w.levelLines(q, width))
	} else if by := w.answeredBy(); by != "" {
		b.WriteString(st.Muted.Render(ansi.Truncate("jawaban "+by, width, "…")) + "\n")
	}
	if hasSelf {
		b.WriteString(w.selfLine(q, ans.Value, selfAns.Value) + "\n")
	}
	b.WriteString(w.previousLine(q, ans.Value, width))
	head, prob := b.String(), ""
	b.Reset()
	if w.problem != "" {
		prob = st.Warn.Render(wrap.Render("! "+w.problem)) + "\n"
	}
	if q.Guide != "" {
		b.WriteString("\n" + st.Muted.Render(wrap.Render("Data dukung: "+strings.TrimPrefix(q.Guide, "Data dukung: "))) + "\n")
	}
	b.WriteString(w.carried(width))
	top = head + prob + b.String()

	bottom = w.editors(width)
	topH = height - lipgloss.Height(bottom)
	if topH < 6 && w.focus != focusNote && w.focus != focusEvidence && w.focus != focusEvidenceForm {
		bottom = w.editorSummary(width)
		topH = height - 1
	}
	topH = max(1, topH)
	// The answer to the last key (why it was refused) outranks the end of
	// the question above it: on a short screen the question gives way,
	// and scrolls again at the next key, which clears the answer.
	if probH := strings.Count(prob, "\n"); probH > 0 {
		if strings.Count(head, "\n")+probH > topH {
			top = clipMore(head, width, max(1, topH-probH)) + "\n" + prob
		}
		return clipMore(top, width, topH), topH, bottom, false
	}
	if w.focus == focusQuestion && topH > 2 {
		return top, topH, bottom, true
	}
	return clipMore(top, width, topH), topH, bottom, false
}

// scrolled is the question's part, longer than its height, from where the
// evaluator scrolled it to, and a last line that says what is left and
// how to reach it.
func (w *walkScreen) scrolled(top string, width, height int) string {
	lines := strings.Split(strings.TrimSuffix(top, "\n"), "\n")
	if len(lines) <= height {
		return clip(top, width, height)
	}
	show := height - 1
	off := w.scrollOffset(len(lines) - show)
	var marker string
	switch more := len(lines) - show - off; {
	case off == 0:
		marker = fmt.Sprintf("↓ %d baris lagi · ctrl+d gulir", more)
	case more == 0:
		marker = "↑ ctrl+u gulir ke atas"
	default:
		marker = fmt.Sprintf("↕ %d baris lagi · ctrl+d/ctrl+u gulir", more)
	}
	return clip(strings.Join(lines[off:off+show], "\n"), width, show) + "\n" + w.env.st.Muted.Render(ansi.Truncate(marker, width, "…"))
}

// scrollOffset is how far the question on screen is scrolled, at most
// limit lines: a question scrolled and left opens at its start again.
func (w *walkScreen) scrollOffset(limit int) int {
	if w.scrollAt != w.cur {
		return 0
	}
	return max(0, min(w.scroll, limit))
}

// scrollBy scrolls the question's part half its height down (dir 1) or up
// (-1), no further than its end.
func (w *walkScreen) scrollBy(dir int) {
	_, bodyH := w.foot()
	width, height, _ := w.detailSize(bodyH)
	top, topH, _, scrolls := w.detailParts(width, height)
	over := strings.Count(strings.TrimSuffix(top, "\n"), "\n") + 1 - (topH - 1)
	if !scrolls || over <= 0 {
		return
	}
	off := w.scrollOffset(over)
	w.scrollAt, w.scroll = w.cur, max(0, min(over, off+dir*max(1, (topH-1)/2)))
}

// carried lists the earlier rounds' open recommendations on this
// question's area, so the evaluator checks them while here.
func (w *walkScreen) carried(width int) string {
	path := w.inst.Path(w.question().ID)
	if len(path) < 2 || len(w.carry[path[1].ID]) == 0 {
		return ""
	}
	st := w.env.st
	open := w.carry[path[1].ID]
	var b strings.Builder
	b.WriteString("\n" + st.Warn.Render(ansi.Truncate(fmt.Sprintf("⚑ %d rekomendasi putaran sebelumnya belum tuntas di area ini (r: daftar)", len(open)), width, "…")) + "\n")
	for i, rk := range open {
		if i == 3 {
			b.WriteString(st.Muted.Render(fmt.Sprintf("  … dan %d lagi", len(open)-i)) + "\n")
			break
		}
		first, _, _ := strings.Cut(rk.Text, "\n")
		round := strings.TrimPrefix(rk.EvaluationID, rk.SatkerID+"/")
		b.WriteString(ansi.Truncate(fmt.Sprintf("  • %s %s · %s: %s", round, shortRekID(rk), rk.Status, first), width, "…") + "\n")
	}
	return b.String()
}

// selfLine compares the satker's own (PMPZI) answer with this one, in
// points the difference makes.
func (w *walkScreen) selfLine(q *model.Question, mine, self model.Value) string {
	st := w.env.st
	pts, _ := w.inst.QuestionMax(q.ID)
	text := fmt.Sprintf("◇ PMPZI satker: %s", self.String())
	if mine.IsZero() {
		return st.Muted.Render(text)
	}
	diff := (q.Fraction(mine) - q.Fraction(self)) * pts
	if mine == self {
		return st.Muted.Render(text + " — sama")
	}
	return st.Warn.Render(fmt.Sprintf("%s — berbeda: %s poin", text, format.SignedPoints(diff)))
}

func (w *walkScreen) editors(width int) string {
	st := w.env.st
	if w.height < roomyHeight && w.focus != focusNote && w.focus != focusEvidence && w.focus != focusEvidenceForm {
		return w.editorSummary(width)
	}
	var b strings.Builder
	noteTitle := "Catatan"
	if w.reviewed() && w.stepErr == nil {
		noteTitle = "Catatan " + w.step.Level.String()
	}
	if w.focus == focusNote {
		if w.refusedAgain() {
			noteTitle = st.Focus.Render(ansi.Truncate(noteTitle+" (tidak tersimpan; esc: tutup tanpa menyimpan)", width, "…"))
		} else {
			noteTitle = st.Focus.Render(noteTitle + " (esc: simpan)")
		}
		if r := w.reason; r != nil {
			q := w.question()
			noteTitle = st.Focus.Render(ansi.Truncate(fmt.Sprintf("Alasan %s mengubah jawaban %s %s → %s (wajib; esc: simpan)",
				w.step.Level, r.below.Level, format.Answer(q, r.below.Value), format.Answer(q, r.value)), width, "…"))
		}
		b.WriteString(noteTitle + "\n" + w.note.View() + "\n")
	} else if w.focus != focusEvidence && w.focus != focusEvidenceForm || w.height >= roomyHeight {
		note := w.mine(w.question().ID).Note
		if note == "" {
			note = st.Muted.Render("(kosong — tekan n)")
		}
		if by := w.noteBy(); by != "" {
			noteTitle = st.Header.Render(noteTitle) + st.Muted.Render("  · "+by)
		} else {
			noteTitle = st.Header.Render(noteTitle)
		}
		b.WriteString(ansi.Truncate(noteTitle, width, "…") + "\n" + clip(lipgloss.NewStyle().Width(max(10, width-1)).Render(note), width, noteHeight) + "\n")
	}
	if w.focus == focusNote && w.height < roomyHeight {
		return strings.TrimRight(b.String(), "\n")
	}
	ev := w.evidence()
	title := fmt.Sprintf("Eviden (%d, %d diperiksa)", len(ev), checkedCount(ev))
	if w.focus == focusEvidence || w.focus == focusEvidenceForm {
		title = st.Focus.Render(title)
	} else {
		title = st.Header.Render(title) + st.Muted.Render("  v: kelola")
	}
	b.WriteString(title + "\n")
	switch {
	case len(ev) > 0 || w.focus == focusEvidenceForm:
	case w.focus == focusEvidence: // v was just pressed
		b.WriteString(st.Muted.Render("(belum ada — tekan a untuk menambah)") + "\n")
	default:
		b.WriteString(st.Muted.Render("(belum ada — tekan v lalu a)") + "\n")
	}
	start := max(0, min(w.evCur-evidenceRows+1, len(ev)-evidenceRows))
	for i := start; i < len(ev) && i < start+evidenceRows; i++ {
		e := ev[i]
		box := "[ ]"
		if e.Checked {
			box = "[✓]"
		}
		line := fmt.Sprintf("%s %s — %s", box, e.Title, e.Location)
		if w.focus == focusEvidence && i == w.evCur {
			line = st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		b.WriteString(ansi.Truncate(line, width, "…") + "\n")
	}
	if w.focus == focusEvidenceForm {
		b.WriteString(w.evForm[0].View() + "\n" + w.evForm[1].View() + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// editorSummary is the one-line form of note and evidence on short screens.
func (w *walkScreen) editorSummary(width int) string {
	note := "—"
	if mine := w.mine(w.question().ID).Note; mine != "" {
		note = strings.SplitN(mine, "\n", 2)[0]
	}
	ev := w.evidence()
	if by := w.noteBy(); by != "" {
		note += " (" + by + ")"
	}
	line := fmt.Sprintf("Catatan: %s · Eviden: %d (%d diperiksa)", note, len(ev), checkedCount(ev))
	return w.env.st.Muted.Render(ansi.Truncate(line, width, "…"))
}

// answeredBy says who gave the value on screen, when it was someone
// else: on a server, the answer another person just saved. A walk with
// review levels says it per level instead.
func (w *walkScreen) answeredBy() string {
	q := w.question().ID
	ans := w.answers[q]
	if ans.Value.IsZero() {
		return ""
	}
	return w.changedBy(w.answerAuthor(q, ans))
}

// noteBy says who last changed the note on screen — the user's level's —
// when it was someone else.
func (w *walkScreen) noteBy() string {
	q := w.question().ID
	ans := w.mine(q)
	if ans.Note == "" {
		return ""
	}
	return w.changedBy(w.noteAuthor(q, ans))
}

// changedBy is "diubah budi, 3 Nov 2026 09:00", or nothing for the user
// or an unknown time.
func (w *walkScreen) changedBy(by string, at time.Time) string {
	if by == "" || by == w.env.user || at.IsZero() {
		return ""
	}
	return fmt.Sprintf("diubah %s, %s", by, format.ShortDate(at.Local())+at.Local().Format(" 15:04"))
}

// statusLine: the total, the result reachable now, what the target still
// misses, and whether everything is saved.
func (w *walkScreen) statusLine() string {
	st := w.env.st
	sc := w.sc
	narrow := w.width < 100
	result := "Hasil: " + resultText(sc.Result)
	answered := fmt.Sprintf("%d/%d dijawab", sc.Answered, sc.Questions)
	if narrow {
		result, answered = resultText(sc.Result), fmt.Sprintf("%d/%d", sc.Answered, sc.Questions)
	}
	parts := []string{fmt.Sprintf("Total %s/%s", model.Points(sc.Total), model.Points(sc.Max)), answered, result}
	if narrow { // room goes to what the target misses
		parts = []string{"Total " + model.Points(sc.Total), answered}
		if sc.Result != "" {
			parts = append(parts, result)
		}
	}
	lead := "" // the path's count, when the target is missed
	// What the target misses, with the node named in as many cells as are
	// left: the amount is what must never be cut.
	var missPart func(name string) string
	missName, missMore := "", ""
	if p, ok := sc.Predicate(sc.Target); ok {
		if p.Met {
			parts = append(parts, st.Pass.Render(sc.Target+" terpenuhi"))
		} else if failed := p.Distinct(); len(failed) > 0 {
			f := w.mostRelevant(failed)
			more := ""
			if len(failed) > 1 {
				more = fmt.Sprintf(" (+%d syarat lain)", len(failed)-1)
				if narrow {
					more = fmt.Sprintf(" (+%d)", len(failed)-1)
				}
			}
			head := sc.Target + ": "
			if w.way != nil { // how many questions stand between, first
				lead = pathStatus(*w.way)
				head = lead + " · "
			}
			missPart = func(name string) string {
				return st.Fail.Render(head + strings.TrimPrefix(name+" kurang "+model.PointsShort(f.Need-f.Have)+" poin"+more, " "))
			}
			missName, missMore = w.nodeName(f.Node), more
			parts = append(parts, missPart(missName))
		}
	}
	saved := "" // nothing saved yet in this visit: nothing to confirm
	switch {
	case w.pending > 0:
		saved = st.Warn.Render("… menyimpan")
	case !w.saved.IsZero() && narrow:
		saved = st.Saved.Render("✓ tersimpan")
	case !w.saved.IsZero():
		saved = st.Saved.Render("✓ tersimpan " + w.saved.Format("15:04:05"))
	}
	room := w.width - lipgloss.Width(saved) - 1
	// The other rules' count gives way first (cut at the end), then the
	// node's name; the questions left and the amount the target misses
	// stay, and the result, the count answered and, in the smallest
	// window, the total give way before them.
	cut := lipgloss.Width(missMore) // and the "…" that replaces it
	if cut > 0 {
		cut--
	}
	keep := lipgloss.Width(lead)
	if missPart != nil {
		keep = lipgloss.Width(missPart("")) - cut
	}
	for keep > 0 && len(parts) > 1 && lipgloss.Width(strings.Join(parts[:len(parts)-1], " · ")+" · ")+keep > room {
		parts = append(parts[:len(parts)-2], parts[len(parts)-1])
	}
	line := strings.Join(parts, " · ")
	if over := lipgloss.Width(line) - cut - max(0, room); over > 0 && missPart != nil {
		name := ansi.Truncate(missName, max(0, lipgloss.Width(missName)-over), "…")
		if lipgloss.Width(name) < 6 { // too little of it to read: the amount alone
			name = ""
		}
		parts[len(parts)-1] = missPart(name)
		line = strings.Join(parts, " · ")
	}
	line = ansi.Truncate(line, max(0, room), "…")
	return line + strings.Repeat(" ", max(1, room-lipgloss.Width(line)+1)) + saved
}

// mostRelevant picks the failure to show: the one of the area being
// walked if it fails, else the one closest to passing.
func (w *walkScreen) mostRelevant(failed []model.Failure) model.Failure {
	onPath := map[string]bool{}
	for _, n := range w.inst.Path(w.question().ID) {
		onPath[n.ID] = true
	}
	best := failed[0]
	for _, f := range failed {
		if onPath[f.Node] && !onPath[best.Node] {
			best = f
		} else if onPath[f.Node] == onPath[best.Node] && f.Need-f.Have < best.Need-best.Have {
			best = f
		}
	}
	return best
}

func (w *walkScreen) nodeName(id string) string {
	if id == model.TotalNode {
		return "nilai total"
	}
	if n, ok := w.inst.Node(id); ok {
		return n.Title
	}
	return id
}

func checkedCount(ev []model.Evidence) int {
	n := 0
	for _, e := range ev {
		if e.Checked {
			n++
		}
	}
	return n
}
