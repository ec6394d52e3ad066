package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

func (s *importScreen) Help() keyHelp {
	k := s.keys
	scroll := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown}
	return keyHelp{
		short: bindings([]key.Binding{k.Read, k.Save, k.Other, k.Done, k.Back}),
		full:  [][]key.Binding{{k.Read, k.Save, k.Other, k.Done, k.Back}, scroll},
	}
}

func (s *importScreen) View() string {
	if s.dirty {
		s.view, s.dirty = s.render(), false
	}
	return s.view
}

// The preview's list sits under four lines (headline, file, counts, a
// blank) and above the foot.
func (s *importScreen) listHeight() int { return max(0, s.height-5) }

func (s *importScreen) render() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	st := s.env.st
	w := s.width
	ev := s.eval
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(fmt.Sprintf("Impor jawaban ke evaluasi %d %s · %s", ev.Year, ev.Stage, s.satker), w, "…")) + "\n")
	switch s.step {
	case importAsk, importReading:
		b.WriteString(st.Muted.Render(ansi.Truncate(fmt.Sprintf("status %s · instrumen %s", ev.Status, ev.InstrumentID), w, "…")) + "\n\n")
		b.WriteString("Berkas: lembar kerja LKE ZI (.xlsx) atau jawaban (.csv)\n")
		b.WriteString(s.field.View() + "\n")
		switch {
		case s.step == importReading:
			b.WriteString(st.Muted.Render(ansi.Truncate("Membaca "+s.path+"…", w, "…")))
		case s.problem != "":
			b.WriteString(st.Error.Render(ansi.Wrap("✗ "+s.problem, w, "")))
		}
		b.WriteString("\n\n" + st.Muted.Render(ansi.Wrap("Jalur relatif dihitung dari folder tempat ziwb dijalankan; ~ adalah folder rumah Anda. "+
			"Isi berkas ditampilkan dulu: tidak ada yang disimpan sebelum Anda menekan enter di pratinjau.", w, "")))
		return fit(b.String(), w, s.height)
	}
	b.WriteString(st.Muted.Render(ansi.Truncate("berkas "+s.path, w, "…")) + "\n")
	b.WriteString(ansi.Truncate(s.counts(), w, "…") + "\n\n")
	b.WriteString(clip(s.vp.View(), w, s.listHeight()) + "\n")
	b.WriteString(s.foot())
	return fit(b.String(), w, s.height)
}

// counts is the preview in one line.
func (s *importScreen) counts() string {
	p := s.preview
	return fmt.Sprintf("%d cocok: %d berubah, %d sama · %d dilewati · %d tidak sah",
		len(p.Changed)+len(p.Unchanged), len(p.Changed), len(p.Unchanged), len(p.Skipped), len(p.Invalid))
}

// foot says what enter does, or why it does not save, or what it saved.
func (s *importScreen) foot() string {
	st := s.env.st
	w := s.width
	p := s.preview
	line := func(style func(...string) string, text string) string { return style(ansi.Truncate(text, w, "…")) }
	switch {
	case s.step == importDone:
		r := s.result
		text := fmt.Sprintf("✓ Tersimpan: %d jawaban berubah", r.Answers.Added+r.Answers.Updated)
		if r.Notes > 0 {
			text += fmt.Sprintf(" (%d catatan)", r.Notes)
		}
		return line(st.Saved.Render, text+" · enter kembali ke daftar evaluasi")
	case s.step == importSaving:
		return line(st.Muted.Render, "Menyimpan…")
	case s.notice != "":
		return line(st.Error.Render, "✗ "+s.notice)
	case s.saveErr != "":
		return line(st.Error.Render, "✗ Tidak tersimpan: lihat alasannya di atas. Tidak ada yang berubah.")
	case !p.Savable():
		return line(st.Error.Render, fmt.Sprintf("✗ %d isian tidak sah: perbaiki berkasnya. Tidak ada yang bisa disimpan.", len(p.Invalid)))
	case len(p.Changed) == 0:
		return line(st.Muted.Render, "Semua jawaban di berkas sudah sama dengan yang tersimpan.")
	}
	text := fmt.Sprintf("enter simpan %d perubahan", len(p.Changed))
	if len(p.Skipped) > 0 {
		text += fmt.Sprintf("; %d baris yang tidak cocok dilewati", len(p.Skipped))
	}
	return line(st.Warn.Render, text+" · esc batal")
}

// fill writes the preview's groups into the viewport: what stops the save
// first, then what changes, what is left out, and what stays.
func (s *importScreen) fill() {
	if s.step < importShown {
		return
	}
	st := s.env.st
	w := s.width
	p := s.preview
	var lines []string
	group := func(title string, n int, why string) {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		head := fmt.Sprintf("%s (%d)", title, n)
		if why != "" {
			head += " — " + why
		}
		lines = append(lines, st.Header.Render(ansi.Truncate(head, w, "…")))
	}
	if s.saveErr != "" {
		group("TIDAK TERSIMPAN", strings.Count(s.saveErr, "\n")+1, "penyimpanan ditolak, tidak ada yang berubah")
		for _, l := range strings.Split(ansi.Wrap(s.saveErr, max(1, w-2), ""), "\n") {
			lines = append(lines, st.Error.Render("  "+l))
		}
	}
	// A problem wraps under its own start: its cell and what to do are
	// the end of it, which a cut would lose.
	problem := func(e model.FileError, style func(...string) string) {
		for i, l := range strings.Split(ansi.Wrap(problemText(e), max(1, w-4), ""), "\n") {
			indent := "  "
			if i > 0 {
				indent = "    "
			}
			lines = append(lines, style(indent+l))
		}
	}
	if len(p.Invalid) > 0 {
		group("TIDAK SAH", len(p.Invalid), "perbaiki di berkas; selama ada, tidak ada yang disimpan")
		for _, e := range p.Invalid {
			problem(e, st.Error.Render)
		}
	}
	width := 0
	for _, r := range append(append([]lke.Row{}, p.Changed...), p.Unchanged...) {
		width = max(width, ansi.StringWidth(r.Number))
	}
	group("BERUBAH", len(p.Changed), "tersimpan → berkas")
	for _, r := range p.Changed {
		change := answerOrDash(r.From) + " → " + answerOrDash(r.To)
		switch {
		case r.ValueChanged && r.NoteChanged:
			change += ", catatan diubah"
		case r.ValueChanged:
		case r.NoteChanged:
			change = answerOrDash(r.To) + ", catatan diubah"
		default: // the same answer, given again: it confirms what an earlier round brought
			change = answerOrDash(r.To) + ", dibawa → dikonfirmasi"
		}
		lines = append(lines, ansi.Truncate(fmt.Sprintf("  %-*s  %s  %s", width, r.Number, st.Warn.Render(change), s.questionText(r.Question)), w, "…"))
	}
	if len(p.Skipped) > 0 {
		group("DILEWATI", len(p.Skipped), "tidak cocok dengan pertanyaan mana pun, tidak diimpor")
		for _, e := range p.Skipped {
			problem(e, st.Warn.Render)
		}
	}
	group("SAMA", len(p.Unchanged), "sudah seperti yang tersimpan")
	for _, r := range p.Unchanged {
		lines = append(lines, st.Muted.Render(ansi.Truncate(fmt.Sprintf("  %-*s  %s  %s", width, r.Number, answerOrDash(r.To), s.questionText(r.Question)), w, "…")))
	}
	s.vp.SetWidth(w)
	s.vp.SetHeight(s.listHeight())
	s.vp.SetContentLines(lines)
}

func answerOrDash(a string) string {
	if a == "" {
		return "—"
	}
	return a
}

// problemText is a problem of the file at its cell or line: the file's
// name is in the headline already.
func problemText(e model.FileError) string {
	if e.Line > 0 {
		return fmt.Sprintf("baris %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

func (s *importScreen) questionText(qid string) string {
	if s.in == nil {
		return ""
	}
	if q, ok := s.in.Question(qid); ok {
		return q.Wording() // the number has its own column
	}
	return ""
}
