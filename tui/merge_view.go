package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// Smallest useful parts of the merge screen: a table of a header and
// three rows, a detail of the heading, the score and both sides' values.
const (
	mergeTableMin  = 4
	mergeDetailMin = 4
)

// layout shares the body between the table and the detail; the foot (the
// notice, the question, the edit field) takes what it needs.
func (m *mergeScreen) layout() {
	foot := 1
	if b := m.bottom(); b != "" {
		foot = max(1, lipgloss.Height(b))
	}
	avail := max(0, m.height-1-foot) // under the headline
	most := 12
	if m.height >= 34 {
		most = 16
	}
	m.detailH = 0
	if avail-1-mergeTableMin >= mergeDetailMin {
		m.detailH = min(most, avail-1-mergeTableMin)
	}
	th := avail
	if m.detailH > 0 {
		th -= m.detailH + 1 // and the rule above it
	}
	m.size(m.width, th)
}

func (m *mergeScreen) Help() keyHelp {
	k := m.keys
	switch {
	case m.ask != nil:
		return keyHelp{short: m.ask.Help()}
	case m.edit != nil:
		return keyHelp{short: bindings([]key.Binding{k.Save, k.Cancel})}
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Ours, k.Theirs, k.Accept, k.Edit, k.Clear, k.Back}),
		full:  [][]key.Binding{{k.Ours, k.Theirs, k.Edit, k.Clear}, {k.Accept}, k.nav.bindings()},
	}
}

func (m *mergeScreen) View() string { return m.memo(m.render) }

// bottom is the foot: the edit field, the question, or the last notice.
func (m *mergeScreen) bottom() string {
	switch {
	case m.edit != nil:
		return m.editView()
	case m.ask != nil:
		return m.ask.View(m.env.st, m.width)
	}
	return m.noticeView()
}

func (m *mergeScreen) render() string {
	st := m.env.st
	w := m.width
	var b strings.Builder
	switch {
	case m.top(&b, loadText{"✗ Konflik gabung tidak bisa dimuat: ", "Memuat konflik gabung…"}, m.title(m.headline())):
	case len(m.conflicts) == 0:
		b.WriteString("\nTidak ada konflik gabung.\n\n")
		b.WriteString(st.Muted.Render(ansi.Wrap("Konflik muncul di sini bila bundel lapangan dari laptop digabung "+
			"ke basis data ini dan kedua pihak mengubah isian yang sama secara berbeda. Setiap pilihan langsung "+
			"tersimpan; gabungan baru berlaku setelah diterima.", w, "")))
	case m.tableH >= 2:
		b.WriteString(clip(m.table.View(), w, m.tableH))
		if m.detailH > 0 {
			b.WriteString("\n" + st.Muted.Render(strings.Repeat("─", w)) + "\n" + clip(m.detail(), w, m.detailH))
		}
	}
	if foot := m.bottom(); foot != "" {
		room := max(1, m.height-lipgloss.Height(foot))
		return fit(shape(b.String(), w, room, true, false)+"\n"+foot, w, m.height)
	}
	return fit(b.String(), w, m.height)
}

func (m *mergeScreen) headline() string {
	if !m.loaded {
		return "Gabung"
	}
	n, done := len(m.conflicts), m.decided()
	if n == 0 {
		return "0 konflik gabung"
	}
	return fmt.Sprintf("%s konflik gabung · %s diputuskan · %s belum", format.Thousands(n), format.Thousands(done),
		format.Thousands(n-done))
}

// detail tells the selected conflict in full: where it is, the score
// the decisions so far give, the question, both sides and the base.
func (m *mergeScreen) detail() string {
	c := m.selected()
	if c == nil {
		return ""
	}
	st := m.env.st
	w := m.width
	sh := m.sheets[c.Evaluation]
	var lines []string
	add := func(s ...string) { lines = append(lines, s...) }

	head := []string{m.names[c.Satker]}
	if c.Evaluation != "" {
		head = append(head, evalName(sh, c.Evaluation))
	}
	what := fieldLabel(*c)
	if levelShown(*c, sh) {
		what += " · tingkat " + max(c.Level, model.Anggota).Title()
	}
	head = append(head, what)
	add(st.Header.Render(ansi.Truncate(strings.Join(head, " · "), w, "…")))

	status := "Pilihan: " + mergeChoiceText(*c, sh)
	if score := m.scoreLine(sh); score != "" {
		status = score + " · " + strings.ToLower(status[:1]) + status[1:]
	}
	add(ansi.Truncate(status, w, "…"))

	long := m.height >= 34 // a tall screen shows the texts in full
	add(wrapLines(m.subject(*c, sh), w, pick(long, 3, 2))...)
	add(m.sides(*c, sh, long)...)
	if c.HasBase {
		add(st.Muted.Render(ansi.Truncate("Dasar sebelum berpisah · "+fieldLabel(*c)+": "+format.OneLine(sideText(*c, c.Base, sh)), w, "…")))
	} else {
		add(st.Muted.Render(ansi.Truncate("Dasar: tidak ada — kedua pihak menambahkannya sendiri-sendiri", w, "…")))
	}
	return strings.Join(lines, "\n")
}

// scoreLine is the evaluation's total now and once the merge is
// accepted with the decisions made so far.
func (m *mergeScreen) scoreLine(sh *mergeSheet) string {
	switch {
	case sh == nil:
		return ""
	case sh.err != nil:
		return "Nilai tidak bisa dihitung: " + errorText(sh.err)
	case sh.scoreErr != nil:
		return "Nilai tidak bisa dihitung: " + sh.scoreErr.Error()
	}
	return fmt.Sprintf("Nilai: %s → %s bila diterima", model.Points(sh.now), model.Points(sh.after))
}

// subject is what the conflict is about: the question's text, or the
// record.
func (m *mergeScreen) subject(c store.Conflict, sh *mergeSheet) string {
	if q, ok := sh.question(c); ok {
		return q.Text
	}
	switch c.Kind {
	case "jawaban":
		return "Pertanyaan " + c.Question
	case "rekomendasi":
		return "Rekomendasi " + c.Rek
	case "evaluasi":
		return "Evaluasi " + c.Evaluation
	}
	return "Satker " + c.Satker
}

// sides sets this database's side and the bundle's side by side: the
// value (with its criterion), the note for an answer, who changed it
// when.
func (m *mergeScreen) sides(c store.Conflict, sh *mergeSheet, long bool) []string {
	st := m.env.st
	gap := " │ "
	lw := max(1, (m.width-len([]rune(gap)))/2)
	rw := max(1, m.width-len([]rune(gap))-lw)
	from := c.From.By
	if from == "" {
		from = "mereka"
	}
	theirsHead := "Milik " + from
	if c.From.Database != "" {
		theirsHead += " (" + c.From.Database + ")"
	}
	oursHead := "Milik sini"
	switch c.Choice {
	case store.ChooseOurs:
		oursHead += " ✓"
	case store.ChooseTheirs:
		theirsHead += " ✓"
	}
	valueN, noteN := pick(long, 4, 3), pick(long, 3, 2)
	side := func(head string, width int, mine bool) []string {
		out := []string{st.Header.Render(ansi.Truncate(head, width, "…"))}
		by, at := c.OursBy, c.OursAt
		if !mine {
			by, at = c.TheirsBy, c.TheirsAt
		}
		if c.Kind == "jawaban" {
			// The field in conflict first; the other as it stands, on
			// one line when both sides agree on it.
			value, note := m.answerSide(c, sh, mine)
			vn, nn := valueN, noteN
			if ov, on := m.answerSide(c, sh, !mine); c.Field == "note" && ov == value {
				vn = 1
			} else if c.Field == "value" && on == note {
				nn = 1
			}
			parts := [][]string{wrapLines("Nilai: "+value, width, vn), wrapLines("Catatan: "+note, width, nn)}
			if c.Field == "note" {
				parts[0], parts[1] = parts[1], parts[0]
			}
			out = append(append(out, parts[0]...), parts[1]...)
		} else {
			v := c.Ours
			if !mine {
				v = c.Theirs
			}
			label := fieldLabel(c)
			if c.Field == "evidence" {
				title, loc, _ := strings.Cut(c.Item, "\x00")
				label += " " + strings.TrimSpace(title+" "+loc)
			}
			out = append(out, wrapLines(label+": "+sideText(c, v, sh), width, valueN+noteN)...)
		}
		return append(out, st.Muted.Render(ansi.Truncate(changedText(by, at), width, "…")))
	}
	left, right := side(oursHead, lw, true), side(theirsHead, rw, false)
	n := max(len(left), len(right))
	lines := make([]string, n)
	for i := range n {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		lines[i] = l + strings.Repeat(" ", max(0, lw-ansi.StringWidth(l))) + st.Muted.Render(gap) + r
	}
	return lines
}

// answerSide is one side's value and note of the conflict's answer: the
// conflicting field from the conflict, the other from its conflict too
// when it has one, else as it stands here (the merge settled it).
func (m *mergeScreen) answerSide(c store.Conflict, sh *mergeSheet, mine bool) (value, note string) {
	get := func(field string) string {
		for _, o := range m.conflicts {
			if o.Record == c.Record && o.Field == field && o.Item == "" {
				if mine {
					return o.Ours
				}
				return o.Theirs
			}
		}
		if sh == nil || sh.err != nil {
			return ""
		}
		a := sh.ws.Levels[c.Question][max(c.Level, model.Anggota)]
		if field == "value" {
			return a.Value.String()
		}
		return a.Note
	}
	value, note = get("value"), get("note")
	if q, ok := sh.question(c); ok {
		value = answerText(q, value)
	} else if value == "" {
		value = "(kosong)"
	}
	if note == "" {
		note = "(kosong)"
	}
	return value, note
}

// changedText says who changed a side when: "diubah ani, 23 Nov 2026 09:00";
// an author not recorded is left out ("diubah 23 Nov 2026 09:00").
func changedText(by string, at time.Time) string {
	if by == "" && at.IsZero() {
		return "pengubah tidak tercatat"
	}
	if at.IsZero() {
		return "diubah " + by
	}
	when := format.ShortDate(at.Local()) + at.Local().Format(" 15:04")
	if by == "" {
		return "diubah " + when
	}
	return "diubah " + by + ", " + when
}

// wrapLines wraps s to width in at most n lines, the last cut with "…".
// It breaks at spaces only, so a command or a path shown whole can be
// copied whole (hyphens stay inside their word); a word longer than a
// line is cut hard.
func wrapLines(s string, width, n int) []string {
	width = max(1, width)
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= width:
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
		for ansi.StringWidth(line) > width { // one word wider than a line
			lines, line = append(lines, ansi.Truncate(line, width, "")), ansi.TruncateLeft(line, width, "")
		}
	}
	lines = append(lines, line)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1]+" …", width, "…")
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "…")
	}
	return lines
}

func pick(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

// editView is the field for a value of one's own, with why the store
// refused the last one.
func (m *mergeScreen) editView() string {
	e := m.edit
	head := "Ketik nilai baru — enter simpan · esc batal"
	if c := m.find(e.id); c != nil {
		if q, ok := m.sheets[c.Evaluation].question(*c); ok && c.Field == "value" {
			head = fmt.Sprintf("Nilai baru untuk %s (%s) — enter simpan · esc batal", q.Number(), q.Accepted())
		}
	}
	return e.view(m.env.st, m.width, head)
}
