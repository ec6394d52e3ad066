package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Whatever the keys, sizes and rows, the list table shows the selected
// row marked, on screen, the rows around it in order, scrolled as little
// as keeps it there, and never more lines than its height.
func TestListTableKeepsTheSelectionInView(t *testing.T) {
	e := &env{st: newStyles(true)}
	specs := []colSpec{{"", 1, 1, 0}, {"NAMA", 6, 30, 0}, {"NILAI", 5, 6, 0}}
	rng := rand.New(rand.NewPCG(1, 2))
	rowsOf := func(n int) []table.Row {
		rows := make([]table.Row, n)
		for i := range rows {
			rows[i] = table.Row{"", fmt.Sprintf("r%04d", i), fmt.Sprint(i % 100)}
		}
		return rows
	}
	keys := []struct {
		msg  tea.KeyPressMsg
		move func(cursor, vh, n int) int
	}{
		{runeKey('j'), func(c, _, _ int) int { return c + 1 }},
		{runeKey('k'), func(c, _, _ int) int { return c - 1 }},
		{runeKey('g'), func(int, int, int) int { return 0 }},
		{runeKey('G'), func(_, _, n int) int { return n - 1 }},
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, func(c, vh, _ int) int { return c + vh }},
		{tea.KeyPressMsg{Code: tea.KeyPgUp}, func(c, vh, _ int) int { return c - vh }},
		{tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}, func(c, vh, _ int) int { return c + vh/2 }},
		{tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}, func(c, vh, _ int) int { return c - vh/2 }},
	}
	for round := range 20 {
		lt := newListTable(e, listNavKeys(), specs)
		rows := rowsOf(rng.IntN(300))
		height := 2 + rng.IntN(30)
		lt.SetColumns(columnsOf(specs, layoutColumns(specs, nil, []growStep{{1, 30}}, 60)))
		lt.resize(60, height)
		lt.show(rows, rng.IntN(300))
		cursor := min(lt.Cursor(), max(0, len(rows)-1))
		top := max(0, cursor-(height-1)+1) // scrolled just enough to show it
		for step := range 200 {
			vh := height - 1
			switch rng.IntN(10) {
			case 0:
				height = 2 + rng.IntN(30)
				lt.resize(60, height)
				vh = height - 1
			case 1:
				rows = rowsOf(rng.IntN(300))
				cursor = rng.IntN(300)
				lt.show(rows, cursor)
			default:
				k := keys[rng.IntN(len(keys))]
				cursor = k.move(cursor, vh, len(rows))
				if !lt.update(k.msg) {
					t.Fatalf("%v is not a navigation key", k.msg)
				}
			}
			cursor = min(max(0, cursor), max(0, len(rows)-1))
			top = min(max(0, top), max(0, len(rows)-vh))
			if cursor < top {
				top = cursor
			} else if cursor >= top+vh {
				top = cursor - vh + 1
			}
			if lt.Cursor() != cursor {
				t.Fatalf("round %d step %d: cursor %d; want %d", round, step, lt.Cursor(), cursor)
			}
			lines := strings.Split(ansi.Strip(lt.View()), "\n")
			if len(lines) > height {
				t.Fatalf("round %d step %d: %d lines in a table of %d", round, step, len(lines), height)
			}
			for i := 0; i < vh && top+i < len(rows); i++ {
				line, want := lines[1+i], rows[top+i][1]
				if !strings.Contains(line, want) || strings.HasPrefix(line, "›") != (top+i == cursor) {
					t.Fatalf("round %d step %d: line %d is %q; want %s, selected %v", round, step, i, line, want, top+i == cursor)
				}
			}
		}
	}
}
