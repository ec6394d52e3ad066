package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The side-by-side screen lines 2 to 4 evaluations up node by node —
// different satkers, or one satker across years — with each one's
// difference from the first and where they diverge most.

// relayout fits the columns to the width and renders the rows once; the
// viewport scrolls what was rendered.
func (s *sideScreen) relayout() {
	s.dirty = true
	if !s.showing() || s.width <= 0 {
		return
	}
	s.lay = s.fit(s.width)
	s.renderedW = s.width
	s.vp.SetWidth(s.width)
	s.vp.SetHeight(max(1, s.height-4))
	lines := make([]string, 0, len(s.rows)+1)
	for _, r := range s.rows {
		lines = append(lines, s.row(r))
	}
	if len(s.rows) == 0 {
		text := "Tidak ada komponen yang ditampilkan."
		if s.byDivergence {
			text = "Semua evaluasi bernilai sama pada komponen yang ditampilkan."
		}
		lines = append(lines, s.env.st.Muted.Render(ansi.Truncate(text, s.width, "…")))
	}
	s.vp.SetContent(strings.Join(lines, "\n"))
}

// sideDiff is a difference from the first column: signed points, or =
// where there is none.
func sideDiff(r model.SideRow, c int) string {
	if c == 0 || !r.Present[c] || !r.Present[0] {
		return ""
	}
	if d := r.Diffs[c]; d > -0.005 && d < 0.005 {
		return "="
	}
	return format.SignedPoints(r.Diffs[c])
}

// measure finds the widest score, maximum and difference of the
// comparison, which every layout of it needs.
func (s *sideScreen) measure() {
	m := sideLayout{}
	for _, r := range s.cmp.Rows {
		for c := range r.Scores {
			if !r.Present[c] {
				continue
			}
			m.scoreW = max(m.scoreW, ansi.StringWidth(model.Points(r.Scores[c])))
			m.maxW = max(m.maxW, ansi.StringWidth(model.Points(r.Max[c])))
			m.diffW = max(m.diffW, ansi.StringWidth(sideDiff(r, c)))
		}
	}
	s.measured = m
}

// fit chooses the widest cell form that leaves the names sideNameMin
// cells, then gives spare room to the column headers and the spread.
func (s *sideScreen) fit(width int) sideLayout {
	l := s.measured
	l.colW = make([]int, len(s.cols))
	cell := func(form, c int) int {
		w := l.scoreW + 2 // the score, a space, the verdict glyph
		if form == sideFull {
			w += 1 + l.maxW
		}
		if c > 0 && form != sideScoreOnly {
			w += 1 + l.diffW
		}
		return w
	}
	for l.form = sideFull; l.form <= sideScoreOnly; l.form++ {
		used := 0
		for c := range l.colW {
			l.colW[c] = cell(l.form, c)
			used += l.colW[c] + sideGutter
		}
		l.nameW = width - used
		if l.nameW >= sideNameMin || l.form == sideScoreOnly {
			break
		}
	}
	// Past a comfortable name column, spare room lets the headers show
	// the satker's name whole.
	if extra := l.nameW - sideNameRoomy; extra > 0 {
		for c, col := range s.cols {
			want := min(30, max(ansi.StringWidth(shortSatkerName(col.satker.Name)), ansi.StringWidth(sideRound(col.eval))))
			if add := min(extra, want-l.colW[c]); add > 0 {
				l.colW[c] += add
				extra -= add
				l.nameW -= add
			}
		}
	}
	if spread := 7; l.form == sideFull && l.nameW-spread-sideGutter >= 24 {
		l.spreadW = spread
		l.nameW -= spread + sideGutter
	}
	l.nameW = max(1, min(sideNameMax, l.nameW))
	return l
}

// sideRound names a column's round: "2026 TPI".
func sideRound(e model.Evaluation) string { return fmt.Sprintf("%d %s", e.Year, e.Stage) }

// sidePad pads s with spaces to width cells, on the left when right is set.
func sidePad(s string, width int, right bool) string {
	gap := strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
	if right {
		return gap + s
	}
	return s + gap
}

// row renders one node: its name indented by depth, then each
// evaluation's score, verdict glyph and difference from the first.
func (s *sideScreen) row(r model.SideRow) string {
	st := s.env.st
	l := s.lay
	name := "Nilai total"
	depth := 0
	if r.ID != model.TotalNode {
		name, depth = s.titles[r.ID], s.depth[r.ID]
		if name == "" {
			name = r.ID
		}
	}
	name = ansi.Truncate(strings.Repeat("  ", depth)+name, l.nameW, "…")
	var b strings.Builder
	b.WriteString(sidePad(name, l.nameW, false))
	for c := range s.cols {
		b.WriteString(strings.Repeat(" ", sideGutter))
		b.WriteString(sidePad(s.cell(r, c), l.colW[c], false))
	}
	if l.spreadW > 0 {
		spread := "="
		if r.Spread >= 0.005 {
			spread = model.Points(r.Spread)
		}
		b.WriteString(strings.Repeat(" ", sideGutter) + sidePad(spread, l.spreadW, true))
	}
	line := b.String()
	if depth == 0 {
		line = st.Header.Render(line)
	}
	return line
}

func (s *sideScreen) cell(r model.SideRow, c int) string {
	l := s.lay
	if !r.Present[c] {
		return sidePad("—", l.scoreW, true) // the node is not in this instrument
	}
	text := sidePad(model.Points(r.Scores[c]), l.scoreW, true)
	if l.form == sideFull {
		text += "/" + sidePad(model.Points(r.Max[c]), l.maxW, true)
	}
	switch r.Verdicts[c] {
	case model.Pass:
		text += " " + s.glyphs[1]
	case model.Fail:
		text += " " + s.glyphs[2]
	default:
		text += " " + s.glyphs[0]
	}
	if c > 0 && l.form != sideScoreOnly {
		text += " " + sidePad(sideDiff(r, c), l.diffW, true)
	}
	return text
}

func (s *sideScreen) View() string { return s.memo(s.render) }

func (s *sideScreen) render() string {
	st := s.env.st
	w := s.width
	if page, wait := s.pageWait(pageText{loading: "Menghitung nilai…", failed: "Evaluasi tidak bisa dibandingkan: ", advice: "Tekan esc untuk kembali."}); wait {
		return page
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(ansi.Truncate(s.headline(), w, "…")) + "\n")
	names, rounds := s.columnHeads()
	b.WriteString(ansi.Truncate(names, w, "") + "\n")
	b.WriteString(st.Header.Render(ansi.Truncate(rounds, w, "")) + "\n")
	b.WriteString(ansi.Truncate(s.row(s.cmp.Rows[0]), w, "") + "\n")
	b.WriteString(clip(s.vp.View(), w, s.vp.Height()))
	return fit(b.String(), w, s.height)
}

func (s *sideScreen) headline() string {
	show := "tampil: area"
	if s.all {
		show = "tampil: semua komponen"
	}
	order := "urut: pohon"
	if s.byDivergence {
		order = "urut: selisih terbesar"
		if s.hidden > 0 {
			order += fmt.Sprintf(" (%d sama disembunyikan)", s.hidden)
		}
	}
	text := fmt.Sprintf("%d evaluasi · %s · %s", len(s.cols), show, order)
	if total := s.vp.TotalLineCount(); total > s.vp.Height() {
		from := s.vp.YOffset() + 1
		text += fmt.Sprintf(" · baris %d–%d dari %d", from, min(total, s.vp.YOffset()+s.vp.Height()), total)
	}
	return text + " · selisih terhadap kolom pertama"
}

// columnHeads names each column in two lines: the satker, then the round.
func (s *sideScreen) columnHeads() (string, string) {
	l := s.lay
	var names, rounds strings.Builder
	names.WriteString(strings.Repeat(" ", l.nameW))
	rounds.WriteString(sidePad("KOMPONEN", l.nameW, false))
	for c, col := range s.cols {
		gutter := strings.Repeat(" ", sideGutter)
		names.WriteString(gutter + sidePad(ansi.Truncate(shortSatkerName(col.satker.Name), l.colW[c], "…"), l.colW[c], false))
		rounds.WriteString(gutter + sidePad(ansi.Truncate(sideRound(col.eval), l.colW[c], "…"), l.colW[c], false))
	}
	if l.spreadW > 0 {
		names.WriteString(strings.Repeat(" ", sideGutter+l.spreadW))
		rounds.WriteString(strings.Repeat(" ", sideGutter) + sidePad("RENTANG", l.spreadW, true))
	}
	return names.String(), rounds.String()
}
