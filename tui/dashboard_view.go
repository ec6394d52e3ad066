package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// levels draw a share of the maximum as one cell, so a screen of satkers
// reads like a heat map even without colour.
var levels = []rune(" ▁▂▃▄▅▆▇█")

func level(ratio float64) string {
	i := int(ratio*float64(len(levels)-1) + 0.5)
	return string(levels[min(len(levels)-1, max(0, i))])
}

// dashLayout is how wide each column is at the current width.
type dashLayout struct {
	satker, region, eval int // 0: not shown
	status               int // the evaluation's status; 0: not shown
	delta, result        int
	area                 int // a component cell: 6 (score and glyph), 3 or 2 (level and glyph)
}

// Fixed columns: marker, progress, total.
const (
	dashMarkW  = 2
	dashProgW  = 4
	dashTotalW = 6
)

func (d *dashboardScreen) layoutFor(width int) dashLayout {
	// The status is a word ("diajukan"): its column is there when the
	// name keeps room beside it, at narrower component cells if need be.
	if l, room, ok := d.layoutCells(width, dashStatusW+1, 16); ok {
		l.status = dashStatusW
		return d.layoutRest(l, room)
	}
	l, room, _ := d.layoutCells(width, 0, 10)
	return d.layoutRest(l, room)
}

// dashStatusW is the status column: "diajukan".
const dashStatusW = 8

// layoutCells narrows the cells step by step until the name has room
// beside the fixed columns and extra cells more; ok is false when even
// the narrowest leave the name less than least.
func (d *dashboardScreen) layoutCells(width, extra, least int) (dashLayout, int, bool) {
	n := len(d.dash.Columns)
	l := dashLayout{area: 6, delta: 7, result: 8}
	room := 0
	fit := func() {
		fixed := dashMarkW + dashProgW + dashTotalW + l.delta + l.result + 5 // a space after each
		room = width - fixed - extra - n*(l.area+1) - 1
	}
	for _, step := range []func(){func() {}, func() { l.area = 3 }, func() { l.delta, l.result = 6, 5 },
		func() { l.area = 2 }} {
		step()
		if fit(); room >= 18 || (l.area < 6 && room >= least) {
			return l, room, true
		}
	}
	return l, room, false
}

// layoutRest shares the room the cells leave among the name, the round
// and the region.
func (d *dashboardScreen) layoutRest(l dashLayout, room int) dashLayout {
	// The name first, then the round, the region, and the rest back to
	// the name.
	l.satker = min(28, max(8, room))
	room -= l.satker
	if room >= 11 {
		l.eval = 10
		room -= 11
	}
	if room >= 21 {
		l.region = min(30, room-1)
		room -= l.region + 1
	}
	grow := min(max(0, room), 40-l.satker)
	l.satker += grow
	if l.region > 0 { // what the name leaves at the widest
		l.region += min(max(0, room-grow), 44-l.region)
	}
	return l
}

func (d *dashboardScreen) View() string { return d.memo(d.render) }

func (d *dashboardScreen) render() string {
	st := d.env.st
	w := d.width
	var b strings.Builder
	waiting := d.top(&b, loadText{"✗ Dasbor tidak bisa dimuat: ", "Memuat dasbor…"}, d.title(d.headline()), d.filterLine())
	switch {
	case waiting:
		return fit(b.String(), w, d.height)
	case len(d.dash.Rows) == 0:
		b.WriteString(ansi.Wrap("Belum ada satker. Tambahkan satker di daftar satker, atau jalankan `ziwb demo`.", w, ""))
		return fit(b.String(), w, d.height)
	case len(d.lines) == 0:
		b.WriteString(ansi.Wrap("Tidak ada satker yang cocok dengan saringan. Tekan esc untuk menghapus saringan.", w, ""))
		return fit(b.String(), w, d.height)
	}
	b.WriteString(clip(d.table(), w, d.listHeight()+1) + "\n")
	foot := d.noticeView()
	if foot == "" {
		foot = st.Muted.Render(ansi.Truncate(d.legend(), w, "…"))
	}
	b.WriteString(foot)
	return fit(b.String(), w, d.height)
}

func (d *dashboardScreen) headline() string {
	if !d.loaded {
		return "Dasbor"
	}
	t := d.tally
	count := countText(len(d.shown), len(d.dash.Rows), len(d.shown) != len(d.dash.Rows), "satker")
	s := d.sorts[d.sortAt]
	arrow := "↑"
	if s.desc != d.reverse {
		arrow = "↓"
	}
	text := fmt.Sprintf("%s · WBBM %d · WBK %d · belum %d · urut: %s %s", count, t.WBBM, t.WBK, t.None, s.name, arrow)
	switch d.group {
	case model.GroupRegion:
		text += " · per provinsi"
	case model.GroupKind:
		text += " · per jenis"
	}
	return text
}

func (d *dashboardScreen) filterLine() string {
	st := d.env.st
	if d.filter.Focused() {
		return d.filter.View()
	}
	round := "putaran terbaru tiap satker"
	if d.pick.Year != 0 || d.pick.Stage != "" {
		round = "putaran: " + strings.TrimSpace(fmt.Sprintf("%s %s", yearText(d.pick.Year), d.pick.Stage))
	}
	text := round + " · / saring · y tahun · s tahap · i jenis · t target · h hasil · w provinsi · v status"
	if desc := d.describe(); desc != "" {
		text = "Saringan: " + desc + " · esc hapus"
	}
	return st.Muted.Render(ansi.Truncate(text, d.width, "…"))
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

func (d *dashboardScreen) legend() string {
	if len(d.marked) > 0 {
		return fmt.Sprintf("%d evaluasi ditandai (+) · c bandingkan · spasi lepas", len(d.marked))
	}
	return "▁▃▅▇█ nilai terhadap bobot · ✓ lulus · ✗ tidak lulus · ▲▼ dibanding tahun sebelumnya"
}
