package tui

import (
	"strings"
	"testing"
)

// esc keeps the note (the editor says "esc: simpan") but drops what was
// typed into the answer field and the evidence form: their help line says
// "batal" there, not "selesai", which read as "done, saved".
func TestWalkEscSaysWhatItDoes(t *testing.T) {
	_, _, ev, h, w := seededWalk(t, "kua-esc", "KUA Kecamatan Esc", 80, 24)
	foot := func() string { v := h.view(); return v[strings.LastIndex(v, "\n")+1:] }

	h.keys("va")
	h.keys("SK Tim ZI")
	if f := foot(); !strings.Contains(f, "esc batal") {
		t.Errorf("evidence form: help line %q; want esc batal", f)
	}
	h.keys("[esc]")
	if got := w.evidence(); len(got) != 0 {
		t.Fatalf("esc saved the evidence: %+v", got)
	}
	h.keys("[esc]")

	goTo(t, h, w, "mp.reform.1")
	h.keys("[enter]80")
	if f := foot(); !strings.Contains(f, "esc batal") {
		t.Errorf("answer field: help line %q; want esc batal", f)
	}
	h.keys("[esc]")
	if a, ok := w.answers["mp.reform.1"]; ok && !a.Value.IsZero() {
		t.Fatalf("esc saved the answer in %s: %+v", ev.ID, a)
	}

	h.keys("n")
	if f := foot(); !strings.Contains(f, "esc selesai") {
		t.Errorf("note: help line %q; want esc selesai", f)
	}
}
