package tui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// The colours follow the background the terminal reports: the accent of
// the title is the dark one until a light background is reported, and
// every screen on the stack draws again with the new one.
func TestColoursFollowTheTerminalBackground(t *testing.T) {
	_, _, _, h, _ := seededWalk(t, "kua-warna", "KUA Kecamatan Warna", 80, 24)
	const darkAccent, lightAccent = "38;2;125;207;255", "38;2;0;95;135" // #7DCFFF, #005F87
	if v := h.app.render(); !strings.Contains(v, darkAccent) || strings.Contains(v, lightAccent) {
		t.Fatalf("before any report the accent is not the dark one:\n%q", v)
	}
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if v := h.app.render(); !strings.Contains(v, lightAccent) || strings.Contains(v, darkAccent) {
		t.Fatalf("a light background left dark colours on the walk:\n%q", v)
	}
	h.keys("[esc]")
	if v := h.app.render(); strings.Contains(v, darkAccent) {
		t.Fatalf("the screen below the walk kept the dark colours:\n%q", v)
	}
	h.send(tea.BackgroundColorMsg{Color: color.Black})
	if v := h.app.render(); !strings.Contains(v, darkAccent) {
		t.Fatalf("a dark background did not bring the dark colours back:\n%q", v)
	}
}

// A paste in the walk is a value to check, never keys: "t" pasted on a
// Ya/Tidak question opens the answer field with it and saves nothing
// until enter; pasted text in the field is inserted, not obeyed.
func TestPasteInTheWalkIsAnAnswerToCheck(t *testing.T) {
	_, path, ev, h, w := seededWalk(t, "kua-tempel", "KUA Kecamatan Tempel", 80, 24)
	h.send(tea.PasteMsg{Content: "t"})
	if w.focus != focusInput || w.input.Value() != "t" {
		t.Fatalf("the paste did not open the answer field with it: focus %v, value %q", w.focus, w.input.Value())
	}
	if a, _ := reopen(t, h, path).Answers(ev.ID); len(a) != 0 {
		t.Fatalf("a paste was saved before enter: %v", a)
	}
	h.keys("[enter]")
	h.mustSee("✓ tersimpan")
	a, _ := reopen(t, h, path).Answers(ev.ID)
	if got := a["mp.pemenuhan.1"].Value; got != model.Letter("T") {
		t.Fatalf("stored %v after the pasted answer; want T", got)
	}
	// "?" and "q" pasted into a field are text: no help, no quit.
	h.send(tea.PasteMsg{Content: "?q"})
	if h.app.showHelp || h.quit {
		t.Fatalf("a paste acted as keys: help %v, quit %v", h.app.showHelp, h.quit)
	}
}

// A line too long for the screen wraps rather than losing its end: every
// rule a predicate misses keeps "kurang N poin" on the scorecard at any
// width from 60 columns, and the evaluations' subtitle keeps the target.
func TestLongLinesKeepTheirAmount(t *testing.T) {
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-panjang", "Kantor Kementerian Agama Kabupaten Panjang Sekali Namanya", model.StagePMPZI)
	for width := 60; width <= 100; width += 4 {
		h, w := openWalk(t, db, ev.ID, width, 24)
		h.keys("s")
		s, ok := h.app.top().(*scorecardScreen)
		if !ok {
			t.Fatalf("s did not open the scorecard")
		}
		text := strings.Join(strings.Fields(ansi.Strip(s.vp.GetContent())), " ")
		sc := w.sc
		for _, p := range sc.Predicates {
			for _, f := range p.Failed {
				want := "kurang " + model.Points(f.Need-f.Have) + " poin"
				if !strings.Contains(text, want) {
					t.Fatalf("at %d columns the scorecard lost %q", width, want)
				}
			}
		}
		for _, line := range strings.Split(ansi.Strip(s.vp.GetContent()), "\n") {
			if ansi.StringWidth(line) > width {
				t.Fatalf("at %d columns a line is %d wide: %q", width, ansi.StringWidth(line), line)
			}
		}
		h.keys("[esc][esc]")
		h.send(pushMsg{s: newChooser(h.app.env, "kankemenag-panjang")})
		if v := h.view(); !strings.Contains(v, "target WBK") {
			t.Fatalf("at %d columns the evaluations lost the target:\n%s", width, v)
		}
	}
}

// The frame is drawn again only when something on it changed, but always
// then: the key overview and the screen under it take turns.
func TestFrameFollowsEveryChange(t *testing.T) {
	_, _, _, h, _ := seededWalk(t, "kua-bingkai", "KUA Kecamatan Bingkai", 80, 24)
	h.mustSee("Pertanyaan 1 dari 113")
	h.keys("?")
	h.mustSee("Semua tombol")
	h.keys("j") // closes the overview only
	h.mustSee("Pertanyaan 1 dari 113")
	h.keys("j")
	h.mustSee("Pertanyaan 2 dari 113")
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if lines := strings.Split(h.view(), "\n"); len(lines) != 30 || ansi.StringWidth(lines[0]) > 100 {
		t.Fatalf("the frame did not follow the resize: %d lines", len(lines))
	}
	h.keys("[esc]")
	h.mustSee("1 satker", "KUA Kecamatan Bingkai")
}

// A list scrolled to its end and then widened shows every row laid out
// for the new width: a row laid out at the old width is not kept.
func TestWidenedListRedrawsItsRows(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(0, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, db, 60, 15)
	h.keys("G")
	h.send(tea.WindowSizeMsg{Width: 200, Height: 50})
	for _, line := range strings.Split(h.view(), "\n") {
		if strings.Contains(line, "/113") && !strings.ContainsAny(line, "█░") {
			t.Fatalf("a row lost its progress bar after widening:\n%s", h.view())
		}
	}
}
