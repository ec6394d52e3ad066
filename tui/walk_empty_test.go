package tui

import (
	"strings"
	"testing"
)

// enter in the answer field with nothing typed is not a refused answer
// (`"" bukan jawaban`): the walk says nothing was typed and how to go on,
// the field stays open, and nothing is saved.
func TestWalkEnterOnEmptyAnswerField(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-kosong", "KUA Kecamatan Kosong", 100, 30)
	for _, qid := range []string{"mp.pemenuhan.1", "mp.reform.1"} { // a choice, a percentage
		goTo(t, h, w, qid)
		h.keys("[enter][enter]")
		if strings.Contains(h.view(), `""`) {
			t.Errorf("%s: the walk quotes an empty answer:\n%s", qid, h.view())
		}
		h.mustSee("Belum ada yang diketik", "esc batal", "x menghapus jawaban")
		if qid != "mp.reform.1" {
			h.keys("[esc]")
		}
	}
	if w.focus != focusInput || w.pending != 0 {
		t.Fatalf("after enter on an empty field: focus %v, %d pending", w.focus, w.pending)
	}
	if a, _ := db.Answers(ev.ID); len(a) != 0 {
		t.Fatalf("the store holds %+v", a)
	}
	h.keys("80[enter]")
	if got := w.answers["mp.reform.1"].Value.String(); got != "80" {
		t.Fatalf("80 then enter saved %q", got)
	}
}
