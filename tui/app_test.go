package tui

import (
	"image/color"
	"regexp"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
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

// A trail of screens wider than the window ends in "…" on the header
// line: a cut name (or a screen's title cut to "20") is said to be cut.
func TestHeaderCutSaysSo(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-panjang", "KUA Kecamatan 中文名字 😀 Tombatu Timur Raya Sekali Panjang", "PMPZI")
	h := newHarness(t, db, 60, 15)
	h.keys("[enter][enter]") // its evaluations, then the walk
	h.mustSee("Pertanyaan 1 dari 113")
	header, _, _ := strings.Cut(h.view(), "\n")
	if !strings.HasSuffix(header, "…") {
		t.Fatalf("the header is cut without …: %q", header)
	}
}

// A help line one item too long for the window ends in "…": bubbles'
// help adds that item whole when its "…" does not fit either, and the
// frame cut it to "esc kembali ·" (the chooser at 60 columns).
func TestHelpLineCutSaysSo(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-bantu", "KUA Kecamatan Bantu", "PMPZI")
	h := newHarness(t, db, 60, 15)
	h.keys("[enter]") // its evaluations
	h.mustSee("Kecamatan Bantu", "2026")
	for w := 60; w <= 90; w++ {
		h.send(tea.WindowSizeMsg{Width: w, Height: 15})
		v := h.view()
		foot := v[strings.LastIndex(v, "\n")+1:]
		if f := strings.TrimSpace(foot); !strings.HasSuffix(f, "…") && !strings.HasSuffix(f, "? semua tombol") {
			t.Fatalf("%d columns: the help line is cut unsaid: %q", w, foot)
		}
	}
}

// "?" shows every key of the screen, ctrl+c and how to close it included,
// on the satker list and in the walk at 80×24; on a window too small for
// all of them ↓ and ↑ scroll it to every one, and another key closes it.
func TestHelpOverviewShowsEveryKey(t *testing.T) {
	_, _, _, h, _ := seededWalk(t, "kua-bantuan", "KUA Kecamatan Bantuan", 80, 24)
	// missing is the keys of the screen on top the overview does not show.
	missing := func(v string) (out []string) {
		v = v[:strings.LastIndex(v, "\n")] // not the help line under it
		groups := append(h.app.top().Help().full, []key.Binding{h.app.keys.Back, h.app.keys.Help, h.app.keys.Quit})
		for _, g := range groups {
			for _, k := range g {
				if k.Enabled() && !strings.Contains(v, k.Help().Desc) {
					out = append(out, k.Help().Key+" "+k.Help().Desc)
				}
			}
		}
		return out
	}
	every := func(where string) {
		t.Helper()
		h.keys("?")
		v := h.view()
		if m := missing(v); len(m) > 0 {
			t.Errorf("%s: the overview lacks %q:\n%s", where, m, v)
		}
		if !strings.Contains(v, "Tekan tombol apa saja untuk menutup.") {
			t.Errorf("%s: the overview does not say how to close it:\n%s", where, v)
		}
		h.keys("[esc]") // closes the overview only
	}
	every("walk 80×24")
	h.keys("[esc]")
	every("satker list 80×24")

	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.keys("[enter][enter]?")
	v := h.view()
	if len(missing(v)) == 0 || !strings.Contains(v, "↓/↑ gulir · ") {
		t.Fatalf("walk 60×15: the overview does not say it goes on and how to see the rest:\n%s", v)
	}
	pages := v
	for range 30 {
		h.keys("[down]")
		pages += h.view()
	}
	if m := missing(pages); len(m) > 0 {
		t.Errorf("walk 60×15: scrolled to its end, the overview never shows %q", m)
	}
	if v := h.view(); !strings.Contains(v, "↑ gulir ke atas · tombol lain menutup.") {
		t.Errorf("walk 60×15: at its end the overview does not say so:\n%s", v)
	}
	h.keys("[up]x")
	if v := h.view(); strings.Contains(v, "Semua tombol") {
		t.Errorf("walk 60×15: another key does not close the overview:\n%s", v)
	}
}

// The "?" overview lists each key once: a screen that names its own
// "esc kembali" (the evaluations chooser, the scorecard) does not get the
// workbench's own "esc kembali" again under it.
func TestHelpOverviewListsEachKeyOnce(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-dua", "KUA Kecamatan Dua", model.StagePMPZI)
	h := newHarness(t, db, 100, 40)
	once := func(where string) {
		t.Helper()
		h.keys("?")
		v := h.view()
		v = v[:strings.LastIndex(v, "\n")] // not the help line under it
		if n := len(regexp.MustCompile(`esc +kembali\n`).FindAllString(v, -1)); n != 1 {
			t.Errorf("%s: the overview lists esc kembali %d times:\n%s", where, n, v)
		}
		h.keys("[esc]") // closes the overview only
	}
	h.keys("[enter]")
	topOf[*chooserScreen](t, h, "the chooser")
	once("chooser")
	h.keys("[enter]s")
	topOf[*scorecardScreen](t, h, "the scorecard")
	once("scorecard")
}
