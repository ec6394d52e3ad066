package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
)

// The screen benchmarks measure against one yardstick run in the same
// loop: bubbles/table with 1,000 rows, MoveDown(1) then View — what any
// list built on Bubbles pays for a key. Each reports x-baseline, the
// screen's time over the yardstick's, so shared and noisy machines still
// give comparable figures.

type yardstick struct {
	t table.Model
	i int
}

func newYardstick() *yardstick {
	rows := make([]table.Row, 1000)
	for i := range rows {
		rows[i] = table.Row{fmt.Sprintf("Satker nomor %d", i), "Jawa Tengah", "2026 TPI", "87,60", "✓ WBK"}
	}
	cols := []table.Column{{Title: "SATKER", Width: 40}, {Title: "PROVINSI", Width: 20}, {Title: "EVALUASI", Width: 10},
		{Title: "NILAI", Width: 6}, {Title: "CAPAIAN", Width: 8}}
	return &yardstick{t: table.New(table.WithColumns(cols), table.WithRows(rows), table.WithHeight(38), table.WithFocused(true))}
}

func (y *yardstick) step() {
	if y.i++; y.i%999 == 0 {
		y.t.GotoTop()
	} else {
		y.t.MoveDown(1)
	}
	_ = y.t.View()
}

// versus runs op and the yardstick alternately and reports both and
// their ratio.
func versus(b *testing.B, op func(i int)) {
	b.Helper()
	y := newYardstick()
	var base, mine time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		t0 := time.Now()
		y.step()
		t1 := time.Now()
		op(i)
		mine += time.Since(t1)
		base += t1.Sub(t0)
		i++
	}
	b.ReportMetric(float64(base.Nanoseconds())/float64(i), "base-ns/op")
	b.ReportMetric(float64(mine.Nanoseconds())/float64(i), "screen-ns/op")
	b.ReportMetric(float64(mine)/float64(base), "x-baseline")
}

// unrelatedMsg is a message no screen knows.
type unrelatedMsg struct{}

// bigScreens opens each screen of the workbench on the 5,000-satker
// database, at 120×40; crumb ends the first line of the screen the keys
// must reach, so a changed key cannot measure another screen unnoticed.
var bigScreens = []struct {
	name  string
	keys  string // from the satker list
	crumb string
}{
	{"satker", "", "Satker"},
	{"evaluasi", "[enter]", "Uji 00008"},
	{"walk", "[enter][enter]", "2026 TPI"},
	{"kartu-nilai", "[enter][enter]s", "Kartu nilai"},
	{"rekomendasi", "r", "Rekomendasi"},
	{"dasbor", "b", "Dasbor"},
	{"sebaran", "bd", "Sebaran"},
	{"sisi", "b[space]j[space]c", "Perbandingan"},
	{"jalur", "[enter][enter]w", "Jalur ke WBK"},
	{"draf", "[enter][enter]rn", "Draf"},
	{"menunggu", "w", "Menunggu saya"},
	{"gabung", "m", "Gabung"},
	{"satker-baru", "n", "Satker baru"},
}

// BenchmarkNoChange: a message that changes nothing — the same size
// again, or a message no screen knows — Update and View, on every screen.
func BenchmarkNoChange(b *testing.B) {
	for _, s := range bigScreens {
		for _, m := range []struct {
			name string
			msg  tea.Msg
		}{{"same-size", tea.WindowSizeMsg{Width: 120, Height: 40}}, {"unrelated", unrelatedMsg{}}} {
			b.Run(s.name+"/"+m.name, func(b *testing.B) {
				h := openBig(b)
				h.keys(s.keys)
				if top, _, _ := strings.Cut(h.view(), "\n"); !strings.HasSuffix(strings.TrimSpace(top), s.crumb) {
					b.Fatalf("%s: keys %q reach %q, not %q", s.name, s.keys, top, s.crumb)
				}
				versus(b, func(int) {
					h.app.Update(m.msg)
					_ = h.app.View()
				})
			})
		}
	}
}

// BenchmarkListKeys: keys on the satker list, the dashboard (5,000
// satkers) and the review (10,000 recommendations), Update and View.
func BenchmarkListKeys(b *testing.B) {
	for _, s := range []struct {
		name, open string
		keys       []tea.KeyPressMsg
	}{
		{"satker/jk", "", []tea.KeyPressMsg{runeKey('j'), runeKey('k')}},
		{"satker/sort", "", []tea.KeyPressMsg{runeKey('2')}},
		{"satker/filter", "/uji-0", []tea.KeyPressMsg{runeKey('1'), {Code: tea.KeyBackspace}}},
		{"dasbor/jk", "b", []tea.KeyPressMsg{runeKey('j'), runeKey('k')}},
		{"dasbor/sort", "b", []tea.KeyPressMsg{runeKey('o')}},
		{"dasbor/filter", "b/uji-0", []tea.KeyPressMsg{runeKey('1'), {Code: tea.KeyBackspace}}},
		{"rekomendasi/jk", "r", []tea.KeyPressMsg{runeKey('j'), runeKey('k')}},
		{"rekomendasi/status", "r", []tea.KeyPressMsg{runeKey('f')}},
		{"rekomendasi/filter", "r/uji-0", []tea.KeyPressMsg{runeKey('1'), {Code: tea.KeyBackspace}}},
	} {
		b.Run(s.name, func(b *testing.B) {
			h := openBig(b)
			h.keys(s.open)
			versus(b, func(i int) {
				h.send(s.keys[i%len(s.keys)])
				_ = h.app.View()
			})
		})
	}
}
