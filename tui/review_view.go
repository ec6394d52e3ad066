package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

func (r *reviewScreen) View() string { return r.memo(r.render) }

func (r *reviewScreen) render() string {
	st := r.env.st
	w := r.width
	var b strings.Builder
	waiting := r.top(&b, loadText{"✗ Rekomendasi tidak bisa dimuat: ", "Memuat rekomendasi…"}, r.title(r.headline()), r.filterLine())
	var list string
	switch {
	case waiting:
		return fit(b.String(), w, r.height)
	case len(r.items) == 0:
		hint := "Buka evaluasi, tekan r, lalu n untuk menyusun draf dari komponen yang tidak lulus."
		if r.scope.draftsFor != "" {
			hint = "Tekan n untuk menyusun draf dari komponen yang tidak lulus."
		}
		b.WriteString(ansi.Wrap("Belum ada rekomendasi. "+hint, w, ""))
		return fit(b.String(), w, r.height)
	case len(r.shown) == 0:
		list = ansi.Wrap("Tidak ada rekomendasi yang cocok dengan saringan. Tekan esc untuk menghapus saringan.", w, "")
	default:
		list = r.table.View()
	}
	var pane string
	switch {
	case r.editor != nil:
		pane = r.editor.View(st, w, r.detail.Height())
	case r.followUp != nil:
		pane = r.followUp.View(st, w, r.detail.Height())
	default:
		pane = r.detail.View()
	}
	b.WriteString(r.stack(st, w, list, pane) + "\n")
	b.WriteString(r.foot())
	return fit(b.String(), w, r.height)
}

// foot is the status question or the last notice.
func (r *reviewScreen) foot() string {
	if r.prompt != nil {
		return r.prompt.View(r.env.st, r.width)
	}
	return r.noticeView()
}

func (r *reviewScreen) headline() string {
	if !r.loaded {
		return "Rekomendasi"
	}
	count := countText(len(r.shown), len(r.items), r.filtered(), "rekomendasi")
	overdue := 0
	for i := range r.items {
		if r.items[i].overdue {
			overdue++
		}
	}
	text := count + " · urut: " + r.sort.name(reviewSortNames[r.sort.by])
	if overdue > 0 {
		text += fmt.Sprintf(" · %s lewat tenggat (!)", format.Thousands(overdue))
	}
	return text
}

// filterLine is the filter field while typing, else the filters in use.
func (r *reviewScreen) filterLine() string {
	st := r.env.st
	if r.filter.Focused() {
		return r.filter.View()
	}
	var parts []string
	if r.filter.Value() != "" {
		parts = append(parts, fmt.Sprintf("“%s”", r.filter.Value()))
	}
	switch {
	case r.status == 1:
		parts = append(parts, "status: terbuka")
	case r.status > 1:
		parts = append(parts, "status: "+string(model.RekStatuses[r.status-2]))
	}
	if r.evalSt > 0 {
		parts = append(parts, "evaluasi: "+string(model.Statuses[r.evalSt-1]))
	}
	if r.priority > 0 {
		parts = append(parts, "prioritas: "+string(model.Priorities[r.priority-1]))
	}
	if r.area > 0 {
		parts = append(parts, "area: "+r.titles[r.areas[r.area-1]])
	}
	if r.overdue {
		parts = append(parts, "lewat tenggat")
	}
	if len(parts) == 0 {
		return st.Muted.Render(ansi.Truncate("Saring: / teks · f status · v evaluasi · p prioritas · a area · o lewat tenggat", r.width, "…"))
	}
	return st.Muted.Render(ansi.Truncate("Saringan: "+strings.Join(parts, " · ")+" · esc hapus", r.width, "…"))
}

func (r *reviewScreen) fillDetail() { fillPane(&r.listPanes, r.selected(), r.detailText) }

// detailText tells a recommendation in full for the detail pane.
func (r *reviewScreen) detailText(it *reviewItem) string {
	st := r.env.st
	w := max(10, r.width)
	wrap := lipgloss.NewStyle().Width(w)
	rk := it.rek
	var b strings.Builder

	path := it.inst.Path(rk.Node)
	names := make([]string, 0, len(path)+1)
	for _, n := range path {
		names = append(names, n.Title)
	}
	if q, ok := it.inst.Question(rk.Node); ok {
		names = append(names, q.Number())
	}
	// Both first lines wrap: the pane would cut them off unsaid.
	b.WriteString(wrap.Render(st.Header.Render(shortRekID(rk)+" · "+strings.Join(names, " › "))+st.Muted.Render(" ("+rk.Node+")")) + "\n")
	evalText := ""
	if it.eval.ID != "" {
		evalText = fmt.Sprintf(" · evaluasi %d %s (%s)", it.eval.Year, it.eval.Stage, it.eval.Status)
	}
	b.WriteString(wrap.Render(it.satker+evalText) + "\n")
	due := "tanpa tenggat"
	if !rk.Due.IsZero() {
		due = "tenggat " + format.ShortDate(rk.Due)
		if it.overdue {
			days := int(model.Date(reviewNow()).Sub(model.Date(rk.Due)).Hours() / 24)
			due = st.Error.Render(fmt.Sprintf("! %s — lewat %d hari", due, days))
		}
	}
	b.WriteString(wrap.Render(fmt.Sprintf("Prioritas %s · status %s · %s", rk.Priority, rk.Status, due)) + "\n")
	b.WriteString(r.nodeNow(it) + "\n")
	if rk.Status == model.RekDitolak {
		b.WriteString(wrap.Render("Alasan ditolak: "+rk.Reason) + "\n")
	}
	b.WriteString("\n")
	if len(rk.FollowUps) == 0 {
		b.WriteString(st.Muted.Render("Belum ada tindak lanjut. Tekan t untuk mencatatnya.") + "\n")
	} else {
		b.WriteString(st.Header.Render(fmt.Sprintf("Tindak lanjut (%d)", len(rk.FollowUps))) + "\n")
		indent := lipgloss.NewStyle().Width(max(10, w-4)).PaddingLeft(4)
		for _, tl := range rk.FollowUps {
			fmt.Fprintf(&b, "• %s · %s\n", format.ShortDate(tl.Date), tl.By)
			b.WriteString(indent.Render(tl.Text) + "\n")
			for _, ev := range tl.Evidence {
				mark := "○"
				if ev.Checked {
					mark = "✓"
				}
				b.WriteString(indent.Render(fmt.Sprintf("%s eviden: %s %s", mark, ev.Title, ev.Location)) + "\n")
			}
		}
	}
	// The follow-ups come first: in a review they are what changed.
	b.WriteString("\n" + wrap.Render(rk.Text) + "\n")
	b.WriteString("\n" + st.Muted.Render(wrap.Render(fmt.Sprintf("Dibuat %s oleh %s · diubah %s oleh %s",
		format.ShortDate(rk.Created), rk.CreatedBy, format.ShortDate(rk.Updated), rk.UpdatedBy))))
	return b.String()
}

// nodeNow is the recommended node's score and verdict in its evaluation
// as it stands today, or the question's current answer.
func (r *reviewScreen) nodeNow(it *reviewItem) string {
	st := r.env.st
	state, ok := r.cards[it.rek.EvaluationID]
	switch {
	case !ok || state == nil:
		return st.Muted.Render("Nilai kini: memuat…")
	case state.err != nil:
		return st.Error.Render("Nilai kini tidak terbaca: " + errorText(state.err))
	}
	if q, ok := it.inst.Question(it.rek.Node); ok {
		a, ok := state.answers[q.ID]
		if !ok || a.Value.IsZero() {
			return "Jawaban kini: " + st.Muted.Render("belum dijawab")
		}
		return "Jawaban kini: " + format.Answer(q, a.Value)
	}
	ns, ok := state.sc.Node(it.rek.Node)
	if !ok {
		return st.Muted.Render("Nilai kini: komponen tidak ada di kartu nilai")
	}
	text := fmt.Sprintf("Nilai kini: %s / %s", model.Points(ns.Score), model.Points(ns.Max))
	if ns.Verdict != model.VerdictNone {
		text += " · " + st.verdict(ns.Verdict)
	}
	return text
}

func (r *reviewScreen) Help() keyHelp {
	k := r.keys
	switch {
	case r.prompt != nil:
		return keyHelp{short: r.prompt.help()}
	case r.editor != nil:
		return keyHelp{short: r.editor.help()}
	case r.followUp != nil:
		return keyHelp{short: r.followUp.help()}
	case r.filter.Focused():
		return r.filter.help(true)
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Walk, k.ChangeStatus, k.FollowUp, k.Edit, k.Drafts, k.Filter, k.Status, k.Sort.Any, k.ClearFilter, k.Back}),
		full: [][]key.Binding{
			{k.Walk, k.ChangeStatus, k.FollowUp, k.Edit, k.Drafts},
			{k.Filter, k.Status, k.EvalStatus, k.Priority, k.Area, k.Overdue, k.ClearFilter},
			k.Sort.By,
			append(k.nav.bindings(), k.DetailUp, k.DetailDown),
		},
	}
}
