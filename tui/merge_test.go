package tui

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// mergeWorld is a server database holding the conflicts of a laptop's
// field bundle: two answer values and one note both sides changed
// differently.
type mergeWorld struct {
	path       string // the server's file
	laptop     string // the laptop database's identity (random: goldens replace it)
	evalID     string
	q0, q1, q2 *model.Question // value conflicts on q0 and q1, a note conflict on q2
}

// tickClock stamps every record a minute after the last, from a fixed
// start: the screens show the same times on every run.
func tickClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	n := 0
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		n++
		return start.Add(time.Duration(n) * time.Minute)
	}
}

func openMergeDB(t testing.TB, path string, start time.Time) *store.DB {
	t.Helper()
	db, err := store.Open(path, store.Options{Now: tickClock(start)})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// openMerged is seedMerge's server file opened on 25 November 2026,
// closed when the test ends.
func openMerged(t testing.TB) (mergeWorld, *store.DB) {
	t.Helper()
	w := seedMerge(t)
	db := openMergeDB(t, w.path, time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC))
	t.Cleanup(func() { db.Close() })
	return w, db
}

// carryBundle takes satker kk-a from one database to another as a field
// bundle, merging with the conflicts kept for a person.
func carryBundle(t testing.TB, from, to *store.DB, by string) store.MergeReport {
	t.Helper()
	var buf bytes.Buffer
	if _, err := from.FieldBundle(&buf, []string{"kk-a"}, by); err != nil {
		t.Fatal(err)
	}
	rep, err := to.Merge("bundel", &buf, "penguji", store.MergeAsk)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// seedMerge builds the field-work story: the server answers, the laptop
// takes the satker out, both change the same three answers differently,
// and the laptop's bundle comes back. The files are closed on return.
func seedMerge(t testing.TB) mergeWorld {
	t.Helper()
	return seedMergeNotes(t, "Notulen rapat ada, belum ditandatangani.", "Dicek di lokasi: notulen lengkap dengan daftar hadir.")
}

// seedMergeNotes is seedMerge with the notes each side writes on q2.
func seedMergeNotes(t testing.TB, office, field string) mergeWorld {
	t.Helper()
	dir := t.TempDir()
	w := mergeWorld{path: filepath.Join(dir, "server.db")}
	server := openMergeDB(t, w.path, time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC))
	defer server.Close()
	laptop := openMergeDB(t, filepath.Join(dir, "laptop.db"), time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC))
	defer laptop.Close()

	e := seedEvaluation(t, server, "kk-a", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	w.evalID = e.ID
	in := testInstrument(t)
	var abc []*model.Question
	for _, q := range in.Questions() {
		if q.Type.IsChoice() && len(q.Options) >= 3 {
			abc = append(abc, q)
		}
	}
	w.q0, w.q1, w.q2 = abc[0], abc[1], abc[2]
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// A start both sides share: twenty questions at their best, q0 B,
	// q1 B, q2 with a note.
	for _, q := range in.Questions()[:20] {
		must(server.SetAnswer(e.ID, q.ID, q.Best(), "ortala"))
	}
	must(server.SetAnswer(e.ID, w.q0.ID, model.Letter("B"), "ortala"))
	must(server.SetAnswer(e.ID, w.q1.ID, model.Letter("B"), "ortala"))
	must(server.SetAnswer(e.ID, w.q2.ID, model.Letter("A"), "ortala"))
	must(server.SetNote(e.ID, w.q2.ID, "Notulen rapat ada.", "ortala"))
	if rep := carryBundle(t, server, laptop, "ortala"); rep.Added == 0 || len(rep.Conflicts) > 0 {
		t.Fatalf("taking the satker out: %+v", rep)
	}
	// Apart: the office and the field change the same answers.
	must(server.SetAnswer(e.ID, w.q0.ID, model.Letter("A"), "ani"))
	must(server.SetAnswer(e.ID, w.q1.ID, model.Letter("A"), "ani"))
	must(server.SetNote(e.ID, w.q2.ID, office, "ani"))
	must(laptop.SetAnswer(e.ID, w.q0.ID, model.Letter("C"), "budi"))
	must(laptop.SetAnswer(e.ID, w.q1.ID, model.Letter("C"), "budi"))
	must(laptop.SetNote(e.ID, w.q2.ID, field, "budi"))
	rep := carryBundle(t, laptop, server, "budi")
	if len(rep.Conflicts) != 3 {
		t.Fatalf("the laptop's return kept %d conflicts, want 3: %+v", len(rep.Conflicts), rep.Conflicts)
	}
	var err error
	if w.laptop, err = laptop.Identity(); err != nil {
		t.Fatal(err)
	}
	return w
}

// mask replaces the laptop's random identity in a screen.
func (w mergeWorld) mask(view string) string { return strings.ReplaceAll(view, w.laptop, "db-laptop") }

func mergeOf(t testing.TB, h *harness) *mergeScreen {
	t.Helper()
	return topOf[*mergeScreen](t, h, "the merge screen")
}

// choices reads the decisions the store holds, by question and field.
func choices(t testing.TB, db *store.DB) map[string]store.Choice {
	t.Helper()
	cs, err := db.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.Choice{}
	for _, c := range cs {
		out[c.Question+" "+c.Field] = c.Choice
	}
	return out
}

// scoreOf is an evaluation's total as the store derives it.
func scoreOf(t testing.TB, db *store.DB, w mergeWorld, answers model.Answers) string {
	t.Helper()
	ws, err := db.Worksheet(w.evalID)
	if err != nil {
		t.Fatal(err)
	}
	if answers == nil {
		answers = model.Answers{}
		for q, a := range ws.Answers {
			answers[q] = a.Value
		}
	}
	sc, err := model.Score(ws.Instrument, answers, ws.Instrument.TargetFor(ws.Satker.Target))
	if err != nil {
		t.Fatal(err)
	}
	return model.Points(sc.Total)
}

// TestMergeResolveAndAccept opens the merge screen from the satker list,
// decides conflicts one way and the other, leaves and comes back to the
// same decisions, refuses a value the question does not take, and
// accepts: the store's answers follow the decisions and the conflicts
// are gone.
func TestMergeResolveAndAccept(t *testing.T) {
	w := seedMerge(t)
	db := openMergeDB(t, w.path, time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC))
	h := newHarness(t, db, 100, 30)
	h.mustSee("1 satker · urut: nama A–Z · konflik: 3 (m)", "m konflik gabung")

	h.keys("m")
	m := mergeOf(t, h)
	if len(m.conflicts) != 3 {
		t.Fatalf("%d conflicts listed", len(m.conflicts))
	}
	now := scoreOf(t, db, w, nil)
	h.mustSee("ziwb · Satker › Gabung", "3 konflik gabung · 0 diputuskan · 3 belum",
		"Nilai: "+now+" → "+now+" bila diterima · pilihan: belum diputuskan",
		"Milik sini", "Milik budi ("+w.laptop+")", "Nilai: A — ", "Nilai: C — ", "Dasar sebelum berpisah · Nilai: B — ")

	// Theirs on q0 (C instead of A): the total if accepted drops.
	h.keys("t")
	values := model.Answers{}
	ws, _ := db.Worksheet(w.evalID)
	for q, a := range ws.Answers {
		values[q] = a.Value
	}
	values[w.q0.ID] = model.Letter("C")
	after := scoreOf(t, db, w, values)
	if after == now {
		t.Fatalf("taking C for %s leaves the total at %s", w.q0.ID, now)
	}
	h.mustSee("1 diputuskan · 2 belum", "✓ mereka", "Nilai: "+now+" → "+after+" bila diterima · pilihan: milik mereka",
		"Milik budi ("+w.laptop+") ✓")
	if got := choices(t, db)[w.q0.ID+" value"]; got != store.ChooseTheirs {
		t.Fatalf("the store holds %q for q0", got)
	}

	// Ours on q1: the total stays what theirs on q0 makes it.
	h.keys("jo")
	h.mustSee("2 diputuskan · 1 belum", "✓ sini", "Nilai: "+now+" → "+after+" bila diterima · pilihan: milik sini")

	// A value the question does not take: the store says why, the field
	// stays open, and the decision stays ours.
	h.keys("e[ctrl+u]Z[enter]")
	h.mustSee(`jawaban "Z" tidak diterima`, "Nilai baru untuk "+w.q1.Number())
	if !mergeOf(t, h).Capturing() {
		t.Fatal("the field closed on a refused value")
	}
	h.keys("[esc]")
	if got := choices(t, db)[w.q1.ID+" value"]; got != store.ChooseOurs {
		t.Fatalf("a refused edit changed the decision to %q", got)
	}
	// A value typed in lower case is kept as the store keeps values, and
	// the detail gives its criterion.
	h.keys("e[ctrl+u]b[enter]")
	h.mustSee("✓ baru: B", "pilihan: nilai baru: B — ")
	if cs, _ := db.Conflicts(); cs[1].Choice != store.ChooseEdit || cs[1].Edited != "B" {
		t.Fatalf("the store holds %q %q for q1", cs[1].Choice, cs[1].Edited)
	}
	// x takes a decision back, o makes it again.
	h.keys("x")
	h.mustSee("1 diputuskan · 2 belum")
	h.keys("o")

	// Quit and open the file again: the decisions were saved as made.
	h.keys("[ctrl+c]")
	h.app.Close()
	db.Close()
	db = openMergeDB(t, w.path, time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC))
	defer db.Close()
	h = newHarness(t, db, 100, 30)
	h.keys("m")
	h.mustSee("3 konflik gabung · 2 diputuskan · 1 belum", "✓ mereka", "✓ sini",
		"Nilai: "+now+" → "+after+" bila diterima")

	// Accept: the question counts what is decided and what waits.
	h.keys("a")
	h.mustSee("Terapkan 2 konflik yang sudah diputuskan? 1 belum diputuskan dan tetap menunggu. y/t")
	h.keys("y")
	h.mustSee("✓ 2 konflik diterapkan", "1 konflik gabung · 0 diputuskan · 1 belum",
		"Nilai: "+after+" → "+after+" bila diterima")
	answers, err := db.Answers(w.evalID)
	if err != nil {
		t.Fatal(err)
	}
	if answers[w.q0.ID].Value != model.Letter("C") || answers[w.q1.ID].Value != model.Letter("A") {
		t.Fatalf("after accepting: q0 %v, q1 %v", answers[w.q0.ID].Value, answers[w.q1.ID].Value)
	}
	if got := scoreOf(t, db, w, nil); got != after {
		t.Fatalf("the store's total %s; the screen promised %s", got, after)
	}
	if left := choices(t, db); len(left) != 1 || left[w.q2.ID+" note"] != store.ChooseNone {
		t.Fatalf("conflicts left: %v", left)
	}

	// The note, typed anew, and accepted with enter: nothing is left.
	h.keys("e[ctrl+u]Dicek ulang: notulen lengkap.[enter]")
	h.mustSee("✓ baru:", "pilihan: nilai baru: Dicek ulang: notulen lengkap.")
	h.keys("[enter]y")
	h.mustSee("✓ 1 konflik diterapkan", "Tidak ada konflik gabung.")
	if answers, _ := db.Answers(w.evalID); answers[w.q2.ID].Note != "Dicek ulang: notulen lengkap." {
		t.Fatalf("note after accepting: %q", answers[w.q2.ID].Note)
	}
	if left := choices(t, db); len(left) != 0 {
		t.Fatalf("conflicts left: %v", left)
	}

	// Back on the satker list, the header no longer counts conflicts.
	h.keys("[esc]")
	h.mustSee("1 satker · urut: nama A–Z")
	if v := h.view(); strings.Contains(v, "konflik") {
		t.Fatalf("no conflicts left, yet:\n%s", v)
	}
}

// TestMergeGoldens draws the merge screen with three conflicts (two
// answer values, one note), the first decided, at the two usual sizes;
// the note's detail and a refused edit at 80×24.
func TestMergeGoldens(t *testing.T) {
	w, db := openMerged(t)
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		h := newHarness(t, db, size.w, size.h)
		h.keys("m")
		if c := mergeOf(t, h).selected(); c.Choice != store.ChooseTheirs {
			h.keys("t")
		}
		name := "merge_" + itoa(size.w) + "x" + itoa(size.h)
		golden(t, name, w.mask(h.view()))
		if size.w == 80 {
			h.keys("jj")
			golden(t, "merge_note_80x24", w.mask(h.view()))
			h.keys("ke[ctrl+u]D[enter]")
			golden(t, "merge_edit_refused_80x24", w.mask(h.view()))
			h.keys("[esc]")
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestMergeSizes draws the merge screen at every size from the smallest
// up, with the edit field and the question open too: nothing panics and
// no frame is wider or taller than the terminal.
func TestMergeSizes(t *testing.T) {
	_, db := openMerged(t)
	h := newHarness(t, db, 60, 15)
	h.keys("mt")
	h.mustSee("Gabung", "1 diputuskan")
	check := func(state string) {
		for width := 60; width <= 140; width += 7 {
			for height := 15; height <= 45; height += 5 {
				h.send(tea.WindowSizeMsg{Width: width, Height: height})
				v := h.view()
				lines := strings.Split(v, "\n")
				if len(lines) > height {
					t.Fatalf("%s at %d×%d: %d lines", state, width, height, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > width {
						t.Fatalf("%s at %d×%d: a line of %d cells:\n%s", state, width, height, ansi.StringWidth(l), v)
					}
				}
			}
		}
	}
	check("list")
	h.keys("je")
	check("edit")
	h.keys("[esc]a")
	check("confirm")
	h.keys("[esc]")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.mustSee("Nilai: ", "Milik sini")
}

// TestMergeDecisionsLandInOrder: two decisions on one conflict typed
// before the store answers the first, their answers delivered newest
// first: the screen shows the last decision, as the store holds it.
func TestMergeDecisionsLandInOrder(t *testing.T) {
	w, db := openMerged(t)
	h := newHarness(t, db, 100, 30)
	h.keys("m")
	h.hold()
	h.keys("to")
	h.deliverReversed()
	if got := choices(t, db)[w.q0.ID+" value"]; got != store.ChooseOurs {
		t.Fatalf("the store holds %q", got)
	}
	if c := mergeOf(t, h).selected(); c.Choice != store.ChooseOurs {
		t.Fatalf("the screen shows %q", c.Choice)
	}
	h.mustSee("✓ sini", "pilihan: milik sini")
}

// TestMergeEmpty: with no conflicts the satker list says nothing of them,
// and the merge screen, opened anyway, says there are none.
func TestMergeEmpty(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kk-a", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	h := newHarness(t, db, 80, 24)
	h.mustSee("1 satker · urut: nama A–Z")
	if v := h.view(); strings.Contains(v, "konflik") {
		t.Fatalf("no conflicts, yet:\n%s", v)
	}
	h.keys("m")
	mergeOf(t, h)
	h.mustSee("0 konflik gabung", "Tidak ada konflik gabung.", "esc kembali")
	if v := h.view(); strings.Contains(v, "terima gabungan") || strings.Contains(v, "tetap milik sini") {
		t.Fatalf("keys offered with nothing to decide:\n%s", v)
	}
	golden(t, "merge_empty_80x24", h.view())
	h.keys("otxa[enter]") // nothing to decide: nothing happens
	mergeOf(t, h)
	h.keys("[esc]")
	if _, ok := h.app.top().(*homeScreen); !ok {
		t.Fatalf("esc went to %T", h.app.top())
	}
}

// TestMergeChangedTextLeavesUnknownOut: a side whose author is unknown
// says when, not "?".
func TestMergeChangedTextLeavesUnknownOut(t *testing.T) {
	at := time.Date(2026, 11, 28, 15, 24, 0, 0, time.Local)
	if got := changedText("", at); got != "diubah 28 Nov 2026 15:24" {
		t.Errorf("changedText without author: %q", got)
	}
}
