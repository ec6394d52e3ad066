package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
)

// listTable draws what bubbles/table draws, whatever the keys, sizes and
// rows: the screens' goldens were made with bubbles/table.
func TestListTableDrawsAsBubbles(t *testing.T) {
	e := &env{st: newStyles(true)}
	specs := []colSpec{{"", 1, 1, 0}, {"NAMA", 6, 30, 0}, {"NILAI", 5, 6, 0}, {"CATATAN", 8, 40, 50}}
	nav := listNavKeys()
	rng := rand.New(rand.NewPCG(1, 2))
	rowsOf := func(n int) []table.Row {
		rows := make([]table.Row, n)
		for i := range rows {
			notes := []string{"catatan ✓ panjang sekali untuk dipotong", "", "  diawali spasi", "漢字 lebar 🙂 emoji", "—", "a\tb"}
			rows[i] = table.Row{"", fmt.Sprintf("Satker nomor %d dengan nama panjang", i), fmt.Sprint(i % 100), notes[i%len(notes)]}
		}
		return rows
	}
	for round := range 12 {
		mine := newListTable(e, nav, specs)
		theirs := table.New(table.WithColumns(columnsOf(specs, make([]int, len(specs)))), table.WithFocused(true),
			table.WithKeyMap(nav.tableKeys()), table.WithHeight(2))
		st := e.st
		theirs.SetStyles(table.Styles{Header: st.Header.PaddingRight(1), Cell: mine.styles.Cell, Selected: st.Selected.Transform(markSelected)})
		var rows []table.Row
		show := func(r []table.Row, target int) {
			rows = r
			mine.show(r, target)
			if len(r) == 0 {
				theirs.SetRows(nil)
				return
			}
			theirs.SetRows(r[:1])
			theirs.GotoTop()
			theirs.SetRows(r)
			if target = min(max(0, target), len(r)-1); target > 0 {
				theirs.MoveDown(target)
			}
		}
		resize := func(w, h int) {
			cols := columnsOf(specs, layoutColumns(specs, []int{3}, []growStep{{1, 30}, {3, 40}}, w))
			if rng.IntN(4) == 0 {
				cols[2].Width = 0
			}
			mine.SetColumns(cols)
			theirs.SetColumns(cols)
			mine.resize(w, h)
			theirs.SetWidth(max(0, w))
			theirs.SetHeight(max(2, h))
			c := theirs.Cursor()
			show(rows, c)
		}
		resize(20+rng.IntN(100), rng.IntN(30))
		show(rowsOf(rng.IntN(200)), rng.IntN(200))
		keys := []tea.KeyPressMsg{runeKey('j'), runeKey('k'), runeKey('g'), runeKey('G'), {Code: tea.KeyPgDown},
			{Code: tea.KeyPgUp}, {Code: 'u', Mod: tea.ModCtrl}, {Code: 'd', Mod: tea.ModCtrl}, {Code: tea.KeyDown},
			{Code: tea.KeyUp}, {Code: tea.KeyHome}, {Code: tea.KeyEnd}}
		for step := range 150 {
			switch rng.IntN(12) {
			case 0:
				resize(rng.IntN(130), rng.IntN(40))
			case 1:
				show(rowsOf(rng.IntN(300)), rng.IntN(300))
			default:
				msg := keys[rng.IntN(len(keys))]
				mine.update(msg)
				theirs, _ = theirs.Update(msg)
			}
			if mine.Cursor() != theirs.Cursor() || mine.View() != theirs.View() {
				t.Fatalf("round %d step %d: cursor %d, bubbles %d\nmine:\n%s\nbubbles:\n%s", round, step,
					mine.Cursor(), theirs.Cursor(), mine.View(), theirs.View())
			}
		}
	}
}
