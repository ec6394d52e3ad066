package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// x never writes over a file already in the folder — a workbook exported
// earlier and filled in since, say: the new file takes the next free
// name, "… (2).xlsx", and the screen names it.
func TestExportKeepsExistingFile(t *testing.T) {
	db, ev := reviewedDB(t)
	dir := t.TempDir()
	t.Chdir(dir)
	mine := filepath.Join(dir, "lke-kankemenag-magelang-2026-TPI.xlsx")
	if err := os.WriteFile(mine, []byte("isian saya"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: New(db, "Rahmat Hidayat")}
	h.run(h.app.Init())
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.send(pushMsg{s: newScorecard(h.app.env, ev.ID)})
	h.keys("x1")
	h.mustSee("✓ Ditulis ke " + filepath.Join(dir, "lke-kankemenag-magelang-2026-TPI (2).xlsx"))
	h.keys("x1")
	h.mustSee("✓ Ditulis ke " + filepath.Join(dir, "lke-kankemenag-magelang-2026-TPI (3).xlsx"))
	if data, err := os.ReadFile(mine); err != nil || string(data) != "isian saya" {
		t.Fatalf("the file already there: %q %v", data, err)
	}
}
