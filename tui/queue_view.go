package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// queueDetailH is how many lines under the table tell the selected
// evaluation in full: the level, the step, the team. A body too short
// for them shows the table alone.
const queueDetailH = 4

func (q *queueScreen) showDetail() bool { return q.height >= 12 }

// layout sizes the table to what the headline and the detail leave.
func (q *queueScreen) layout() {
	th := max(0, q.height-1)
	if q.showDetail() {
		th -= queueDetailH + 1 // and the rule above it
	}
	q.size(q.width, th)
}

func (q *queueScreen) Help() keyHelp {
	k := q.keys
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.Back}),
		full:  [][]key.Binding{{k.Open}, k.nav.bindings()},
	}
}

func (q *queueScreen) View() string { return q.memo(q.render) }

func (q *queueScreen) render() string {
	st := q.env.st
	w := q.width
	var b strings.Builder
	switch {
	case q.top(&b, loadText{"✗ Daftar evaluasi yang menunggu tidak bisa dimuat: ", "Memuat evaluasi yang menunggu Anda…"},
		q.title(q.headline())):
	case len(q.items) == 0:
		b.WriteString("\nTidak ada evaluasi yang menunggu Anda.\n\n")
		b.WriteString(st.Muted.Render(ansi.Wrap(fmt.Sprintf("Evaluasi muncul di sini bila timnya menyebut %s dan "+
			"langkah berikutnya giliran tingkat Anda: anggota memeriksa dan mengajukan draft, ketua mereviu yang "+
			"diajukan, pengendali teknis menandatangani yang sudah direviu.", q.env.user), w, "")))
	case q.tableH >= 2:
		b.WriteString(clip(q.table.View(), w, q.tableH))
		if q.showDetail() {
			b.WriteString("\n" + st.Muted.Render(strings.Repeat("─", w)) + "\n" + q.detail())
		}
	}
	return fit(b.String(), w, q.height)
}

func (q *queueScreen) headline() string {
	if !q.loaded {
		return "Menunggu saya"
	}
	return fmt.Sprintf("%s evaluasi menunggu Anda · pengguna: %s", format.Thousands(len(q.items)), q.env.user)
}

// detail tells the selected evaluation in full: the table cuts names and
// shortens the level and the step where it is narrow.
func (q *queueScreen) detail() string {
	it := q.selected()
	if it == nil {
		return ""
	}
	st := q.env.st
	w := q.width
	e := it.Evaluation
	step, _ := queueStep(it.Level)
	counts := ansi.Truncate(fmt.Sprintf("Dijawab %d dari %d pertanyaan · nilai %s", e.Answered, e.Questions, model.Points(e.Total)), w, "…")
	// Sent back (or reopened) to this status with a reason: that is what
	// to do first, and the table has the counts.
	if c, ok := q.steps[e.ID]; ok && c.Reason != "" && c.New == string(e.Status) {
		what := "Dikembalikan"
		if model.Status(c.Old) == model.Final {
			what = "Dibuka kembali"
		}
		counts = st.Warn.Render(ansi.Truncate(fmt.Sprintf("↩ %s oleh %s, %s: “%s”", what, c.By, format.ShortDate(c.At.Local()), c.Reason), w, "…"))
	}
	return strings.Join([]string{
		st.Header.Render(ansi.Truncate(fmt.Sprintf("%s · evaluasi %d %s · status %s", it.Satker.Name, e.Year, e.Stage, e.Status), w, "…")),
		ansi.Truncate(fmt.Sprintf("Giliran Anda sebagai %s — %s.", it.Level.Title(), step), w, "…"),
		counts,
		st.Muted.Render(ansi.Truncate("Tim: "+e.Team.String(), w, "…")),
	}, "\n")
}
