package tui

// Defects a review found in the path, import and export screens: reads
// ordered after queued saves, dropped paths, the import preview counting
// what the import writes, a closed screen's failure still said. Each test
// failed before its fix.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// An answer typed right before w: the walk opens the path on a snapshot
// of its answers that lacks the save still on its way, and the path
// never hears of it. In tmux, "aw" sent at once on the path's first step
// shows the path still asking for the answer just given, with one step
// more than the walk's status line.
func TestPathFromWalkSeesTheSaveOnItsWay(t *testing.T) {
	db, ev := seedPath(t)
	before := wantPath(t, db, ev.ID, model.WBK)
	first := before.Steps[0]
	h, w := openWalk(t, db, ev.ID, 80, 24)
	goTo(t, h, w, first.Question.ID)

	h.hold() // the save's goroutine has not answered when w is read
	h.keys(stepKeys(first) + "w")
	p, ok := h.app.top().(*pathScreen)
	if !ok {
		t.Fatalf("w opened %T", h.app.top())
	}
	h.releaseReversed()

	after := wantPath(t, db, ev.ID, model.WBK)
	if len(after.Steps) >= len(before.Steps) {
		t.Fatalf("the seed: answering %s did not shorten the path", first.Question.ID)
	}
	if len(p.way.Steps) != len(after.Steps) {
		t.Fatalf("the path lists %d steps (first %s); the store's answers need %d:\n%s",
			len(p.way.Steps), p.way.Steps[0].Question.ID, len(after.Steps), h.view())
	}
}

// Scorecard › path › enter (walk) › answer › esc: the path reloads on
// esc, but its read is not ordered after the walk's queued write, so
// when the read's goroutine runs first the path shows the answers
// before the save and keeps them.
func TestPathReloadWaitsForTheWalksSave(t *testing.T) {
	db, ev := seedPath(t)
	want := wantPath(t, db, ev.ID, model.WBK)
	h := newHarness(t, db, 120, 40)
	h.send(pushMsg{s: newScorecard(h.app.env, ev.ID)})
	h.keys("w")
	p := h.app.top().(*pathScreen)
	h.keys("[enter]")
	if _, ok := h.app.top().(*walkScreen); !ok {
		t.Fatalf("enter opened %T", h.app.top())
	}
	h.hold()
	h.keys(stepKeys(want.Steps[0]) + "[esc]")
	h.releaseReversed() // the path's load, then the save
	after := wantPath(t, db, ev.ID, model.WBK)
	if len(p.way.Steps) != len(after.Steps) {
		t.Fatalf("back on the path: %d steps shown, %d in the store:\n%s", len(p.way.Steps), len(after.Steps), h.view())
	}
}

// A path dropped on the terminal from a file manager arrives quoted
// ('…' in GNOME Terminal/Konsole/iTerm) or with its spaces escaped
// (macOS Terminal); the field takes it as typed and refuses both.
func TestImportReadsADroppedPath(t *testing.T) {
	f := newImportFixture(t)
	if err := os.Mkdir(filepath.Join(f.dir, "unduhan saya"), 0o755); err != nil {
		t.Fatal(err)
	}
	f.write(t, filepath.Join("unduhan saya", "jawaban isi.csv"), f.csv(t, "T"))
	full := filepath.Join(f.dir, "unduhan saya", "jawaban isi.csv")
	for _, typed := range []string{
		"'" + full + "' ", // quoted, with the trailing space terminals add
		`"` + full + `"`,  // double-quoted
		filepath.Join(f.dir, `unduhan\ saya`, `jawaban\ isi.csv`), // escaped
	} {
		t.Run(typed, func(t *testing.T) {
			h := f.open(t, 80, 24)
			h.send(tea.PasteMsg{Content: typed})
			h.keys("[enter]")
			if s := h.app.top().(*importScreen); s.step != importShown {
				t.Fatalf("%q was not read:\n%s", typed, h.view())
			}
		})
	}
}

// The preview compares the file with the answers that count and ignores
// "dibawa"; the import writes the importer's own level and confirms
// carried answers. On the demo's Minahasa Tenggara TPI (tpi.fajar,
// anggota), the PMPZI's CSV previews "66 berubah … enter simpan 66
// perubahan" and then saves "75 jawaban berubah": nine answers the
// preview listed under SAMA are written.
func TestImportPreviewCountsWhatIsSaved(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(0, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	const from, into = "kankemenag-minahasa-tenggara/2026/PMPZI", "kankemenag-minahasa-tenggara/2026/TPI"
	var b bytes.Buffer
	if err := lke.ExportCSV(db, &b, from); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pmpzi.csv"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	ev, err := db.Evaluation(into)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: New(db, "tpi.fajar")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	s := newImporter(h.app.env, ev, "Kantor Kemenag Kabupaten Minahasa Tenggara")
	h.send(pushMsg{s: s})
	h.send(tea.PasteMsg{Content: "pmpzi.csv"})
	h.keys("[enter]")
	if s.step != importShown {
		t.Fatalf("not read:\n%s", h.view())
	}
	promised := len(s.preview.Changed)
	h.mustSee(fmt.Sprintf("enter simpan %d perubahan", promised))
	confirmed := 0
	for _, r := range s.preview.Changed {
		if !r.ValueChanged && !r.NoteChanged {
			confirmed++ // a carried answer the file gives again
		}
	}
	if confirmed == 0 {
		t.Error("no carried answer confirmed among the changes")
	}
	h.keys("[enter]")
	if s.step != importDone {
		t.Fatalf("not saved:\n%s", h.view())
	}
	if got := s.result.Answers.Added + s.result.Answers.Updated; got != promised {
		t.Fatalf("the preview promised %d changes; the import wrote %d:\n%s", promised, got, h.view())
	}
}

// x1 then esc on the scorecard: the export's result returns to a screen
// that is closed, and deliver drops it. A failed export (here the file's
// name is taken by a folder) is said nowhere: the evaluator believes the
// workbook was written.
func TestExportFailureAfterEscIsSaid(t *testing.T) {
	db, ev := reviewedDB(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir(filepath.Join(dir, "lke-kankemenag-magelang-2026-TPI.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: New(db, "Rahmat Hidayat")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.send(pushMsg{s: newScorecard(h.app.env, ev.ID)})
	h.hold()
	h.keys("x1[esc]") // the export's goroutine answers after esc
	h.releaseReversed()
	h.mustSee("Tidak terekspor")
}
