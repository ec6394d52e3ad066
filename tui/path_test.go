package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// seedPath gives, in a fresh store, Kankemenag Magelang a PMPZI of 2026
// short of WBK: every answer at its best but Penguatan Pengawasan's, at
// their worst, and an IPAK of 3,2.
func seedPath(t testing.TB) (*store.DB, model.Evaluation) {
	t.Helper()
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StagePMPZI)
	answerAllBut(t, db, ev.ID, "pw")
	if _, err := db.SetAnswer(ev.ID, "hasil.ipak", model.Num(3.2), "penguji"); err != nil {
		t.Fatal(err)
	}
	return db, ev
}

// wantPath is the path the model finds for an evaluation's answers that
// count: what the screen must show.
func wantPath(t testing.TB, db *store.DB, evalID, target string) model.Path {
	t.Helper()
	in, _, vals, err := db.Values(evalID)
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.PathTo(in, vals, target)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPathFromWalk: w opens the path to the satker's target, w again
// switches to WBBM, enter goes back to the walk on the question, and
// answering it shortens the count in the walk's status line.
func TestPathFromWalk(t *testing.T) {
	db, ev := seedPath(t)
	want := wantPath(t, db, ev.ID, model.WBK)
	if len(want.Steps) < 3 {
		t.Fatalf("the seed needs a longer path: %+v", want)
	}
	h, w := openWalk(t, db, ev.ID, 80, 24)
	count := fmt.Sprintf("WBK: %d pertanyaan lagi", len(want.Steps))
	h.mustSee(count)

	h.keys("w")
	p, ok := h.app.top().(*pathScreen)
	if !ok {
		t.Fatalf("w opened %T, want the path", h.app.top())
	}
	h.mustSee("2026 PMPZI › Jalur ke WBK", fmt.Sprintf("Jalur ke WBK: %d pertanyaan", len(want.Steps)),
		"sasaran satker: WBK", "enter kembali ke pertanyaan ini")
	if len(p.way.Steps) != len(want.Steps) {
		t.Fatalf("the screen lists %d steps; the model finds %d", len(p.way.Steps), len(want.Steps))
	}
	for i, s := range want.Steps {
		if got := p.way.Steps[i]; got.Question.ID != s.Question.ID || got.To != s.To {
			t.Errorf("step %d: %s → %v; want %s → %v", i, got.Question.ID, got.To, s.Question.ID, s.To)
		}
	}
	// The result item is marked as one: the satker cannot document it.
	last := want.Steps[len(want.Steps)-1]
	if !last.Outcome || last.Question.ID != "hasil.ipak" {
		t.Fatalf("last step %+v; want the IPAK as an outcome", last)
	}

	// WBBM asks for more, and w comes back to WBK.
	h.keys("w")
	wbbm := wantPath(t, db, ev.ID, model.WBBM)
	h.mustSee("Jalur ke WBBM", fmt.Sprintf("Jalur ke WBBM: %d pertanyaan", len(wbbm.Steps)), "w jalur ke WBK")
	if len(wbbm.Steps) <= len(want.Steps) {
		t.Errorf("WBBM needs %d questions, WBK %d", len(wbbm.Steps), len(want.Steps))
	}
	h.keys("w")
	h.mustSee(fmt.Sprintf("Jalur ke WBK: %d pertanyaan", len(want.Steps)))

	// enter on the second step: back in the walk, on that question.
	h.keys("j")
	second := want.Steps[1]
	h.mustSee(second.Question.Number(), "Perlu", "Data dukung:")
	h.keys("[enter]")
	if h.app.top() != w {
		t.Fatalf("enter opened %T, want the walk it came from", h.app.top())
	}
	if got := w.question().ID; got != second.Question.ID {
		t.Fatalf("the walk is on %s, want %s", got, second.Question.ID)
	}
	h.mustSee(second.Question.ID, count)

	// Answering it as needed takes it off the path, live.
	h.keys(stepKeys(second))
	after := wantPath(t, db, ev.ID, model.WBK)
	if len(after.Steps) >= len(want.Steps) {
		t.Fatalf("answering %s left %d steps of %d", second.Question.ID, len(after.Steps), len(want.Steps))
	}
	h.mustSee(fmt.Sprintf("WBK: %d pertanyaan lagi", len(after.Steps)))
}

// stepKeys are the walk's keys that give a step's question the answer
// it needs.
func stepKeys(s model.PathStep) string {
	if s.Question.Type.IsChoice() {
		return strings.ToLower(s.To.Choice)
	}
	return s.To.String() + "[enter]"
}

// seeWrapped is mustSee for text that wraps: the screen's lines are
// read as one.
func seeWrapped(t testing.TB, h *harness, texts ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(h.view()), " ")
	for _, s := range texts {
		if !strings.Contains(flat, s) {
			t.Fatalf("screen lacks %q:\n%s", s, h.view())
		}
	}
}

// TestPathFromScorecard: the path opened on the scorecard reads the
// answers that count from the store; enter opens the walk on the
// question, and the path follows what was answered there.
func TestPathFromScorecard(t *testing.T) {
	db, ev := seedPath(t)
	want := wantPath(t, db, ev.ID, model.WBK)
	h := newHarness(t, db, 120, 40)
	h.send(pushMsg{s: newScorecard(h.app.env, ev.ID)})
	h.mustSee("w jalur ke WBK/WBBM")
	h.keys("w")
	p, ok := h.app.top().(*pathScreen)
	if !ok || !p.loaded {
		t.Fatalf("w on the scorecard opened %T (loaded: %v)", h.app.top(), ok && p.loaded)
	}
	h.mustSee("Kartu nilai › Jalur ke WBK", fmt.Sprintf("Jalur ke WBK: %d pertanyaan", len(want.Steps)), "enter buka di evaluasi")

	h.keys("jj")
	third := want.Steps[2]
	h.keys("[enter]")
	w, ok := h.app.top().(*walkScreen)
	if !ok || w.question().ID != third.Question.ID {
		t.Fatalf("enter opened %T; want the walk on %s", h.app.top(), third.Question.ID)
	}
	h.keys(stepKeys(third) + "[esc]")
	if h.app.top() != p {
		t.Fatalf("esc from the walk went to %T", h.app.top())
	}
	after := wantPath(t, db, ev.ID, model.WBK)
	h.mustSee(fmt.Sprintf("Jalur ke WBK: %d pertanyaan", len(after.Steps)))
	if len(after.Steps) >= len(want.Steps) || len(p.way.Steps) != len(after.Steps) {
		t.Fatalf("after answering: the screen lists %d, the model %d, before %d", len(p.way.Steps), len(after.Steps), len(want.Steps))
	}
}

func TestPathGoldens(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		db, ev := seedPath(t)
		h, _ := openWalk(t, db, ev.ID, size.w, size.h)
		h.keys("w")
		golden(t, "path_"+sizeName(size.w, size.h), h.view())
		h.keys("G") // the result item, last
		golden(t, "path_outcome_"+sizeName(size.w, size.h), h.view())
		h.keys("w")
		golden(t, "path_wbbm_"+sizeName(size.w, size.h), h.view())
	}
}

// pathInstrument is small enough to reach every case: WBK holds with
// the answers below, WBBM asks the result component for more than it has.
const pathInstrument = `id: jalur-uji
title: Jalur uji
nodes:
  - id: pengungkit
    title: Pengungkit
    weight: 10
    questions:
      - {id: p1, text: 1.a Satu, type: yesno}
      - {id: p2, text: 1.b Dua, type: abc}
  - id: hasil
    title: Hasil
    weight: 10
    questions:
      - {id: h1, text: H.a Indeks, type: number, range: [0, 4]}
predicates:
  - id: WBK
    title: WBK
    rules:
      - {node: total, min: 12}
  - id: WBBM
    title: WBBM
    requires: WBK
    rules:
      - {node: hasil, min: 11}
`

// TestPathMetAndUnreachable: a target that holds says so, one no answer
// reaches says which rule and the most it can reach.
func TestPathMetAndUnreachable(t *testing.T) {
	db, _ := testDB(t)
	in, err := model.Parse("jalur-uji.yaml", []byte(pathInstrument))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSatker(model.Satker{ID: "kua-uji", Name: "KUA Kecamatan Uji", Kind: model.KUA,
		Province: "Jawa Tengah", Regency: "Kabupaten Magelang", Target: model.WBK}, "penguji"); err != nil {
		t.Fatal(err)
	}
	ev, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kua-uji", Year: 2026, Stage: model.StagePMPZI}, in, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	for qid, v := range map[string]model.Value{"p1": model.Letter("Y"), "p2": model.Letter("A"), "h1": model.Num(2)} {
		if _, err := db.SetAnswer(ev.ID, qid, v, "penguji"); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range [][2]int{{80, 24}, {60, 15}} {
		h, _ := openWalk(t, db, ev.ID, size[0], size[1])
		h.mustSee("WBK terpenuhi")
		h.keys("w")
		seeWrapped(t, h, "WBK sudah tercapai", "semua syarat WBK terpenuhi", "Tekan w untuk jalur ke WBBM")
		h.keys("w")
		seeWrapped(t, h, "WBBM tidak tercapai dengan jawaban saja", "Hasil: perlu 11,00, paling tinggi 10,00")
		h.keys("[enter]") // nothing to go to
		if _, ok := h.app.top().(*pathScreen); !ok {
			t.Fatalf("enter with no steps left the path for %T", h.app.top())
		}
	}
}

// TestPathSmallTerminals: every size down to the smallest lays the path
// out within the window.
func TestPathSmallTerminals(t *testing.T) {
	db, ev := seedPath(t)
	h, _ := openWalk(t, db, ev.ID, 120, 40)
	h.keys("w")
	for _, size := range [][2]int{{100, 30}, {80, 24}, {72, 18}, {61, 16}, {60, 15}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := h.view()
		lines := strings.Split(v, "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", size[0], size[1], i, w, l)
			}
		}
		if !strings.Contains(v, "Jalur ke WBK") || !strings.Contains(v, "R5.ii") {
			t.Errorf("%dx%d: the path is not on screen:\n%s", size[0], size[1], v)
		}
	}
	golden(t, "path_60x15", h.view()) // the last size
}
