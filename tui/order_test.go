package tui

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Keys typed quickly on one question reach the store in the order they
// were typed, whatever order the commands' goroutines finish in: the
// results are held back and delivered newest first, and the last key
// typed is the answer stored and shown.
func TestFastKeysAreSavedInTheOrderTyped(t *testing.T) {
	db, path, ev, h, w := seededWalk(t, "kua-cepat", "KUA Kecamatan Cepat", 80, 24)
	rng := rand.New(rand.NewPCG(1, 2))
	for burst := range 40 {
		keys := make([]byte, 2+rng.IntN(6)) // 2–7 keys
		for i := range keys {
			keys[i] = "yt"[rng.IntN(2)]
		}
		h.hold()
		h.keys(string(keys))
		h.releaseReversed()
		want := model.Letter(strings.ToUpper(string(keys[len(keys)-1])))
		db = reopen(t, h, path)
		stored, err := db.Answers(ev.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := stored["mp.pemenuhan.1"].Value; got != want {
			t.Fatalf("burst %d %q: the store holds %v; want %v", burst, keys, got, want)
		}
		if got := w.answers["mp.pemenuhan.1"].Value; got != want || w.pending != 0 {
			t.Fatalf("burst %d %q: the screen shows %v with %d saves pending; want %v, none", burst, keys, got, w.pending, want)
		}
	}
	h.mustSee("✓ tersimpan")
}

// A save's result reaches the walk although another screen was opened on
// top before the store answered; back on the walk it is saved, not
// "menyimpan" for good.
func TestResultReachesTheScreenThatAsked(t *testing.T) {
	_, path, ev, h, w := seededWalk(t, "kua-tumpuk", "KUA Kecamatan Tumpuk", 80, 24)
	h.hold()
	h.keys("ys") // answer, then the scorecard at once
	if _, ok := h.app.top().(*scorecardScreen); !ok {
		t.Fatalf("s did not open the scorecard: %T on top", h.app.top())
	}
	h.releaseReversed()
	if w.pending != 0 || w.answers["mp.pemenuhan.1"].Value != model.Letter("Y") {
		t.Fatalf("the walk under the scorecard did not hear its save: %d pending, answer %v", w.pending, w.answers["mp.pemenuhan.1"].Value)
	}
	h.keys("[esc]")
	h.mustSee("✓ tersimpan")
	if strings.Contains(h.view(), "menyimpan") {
		t.Fatalf("the walk still waits for a save:\n%s", h.view())
	}
	if a, _ := reopen(t, h, path).Answers(ev.ID); a["mp.pemenuhan.1"].Value != model.Letter("Y") {
		t.Fatalf("the store holds %v", a["mp.pemenuhan.1"].Value)
	}
}

// A change the store refuses is said on the walk and ends its wait: after
// "u" with nothing to undo, and after an answer on a final evaluation, the
// status line is not left at "menyimpan", and a later save shows saved.
func TestRefusedChangeEndsTheWait(t *testing.T) {
	db, _, ev, h, w := seededWalk(t, "kua-tolak", "KUA Kecamatan Tolak", 80, 24)
	h.keys("u")
	h.mustSee("Tidak ada lagi perubahan Anda yang bisa diurungkan di evaluasi ini.")
	if w.pending != 0 || strings.Contains(h.view(), "menyimpan") {
		t.Fatalf("a refused undo left the walk waiting (%d pending):\n%s", w.pending, h.view())
	}
	h.keys("y")
	h.mustSee("✓ tersimpan")

	if err := finalise(db, ev.ID, "penguji"); err != nil {
		t.Fatal(err)
	}
	h.keys("t")
	h.mustSee("Tidak tersimpan: evaluasi "+ev.ID+": ubah jawaban ditolak:", "final dan terkunci")
	if w.pending != 0 || strings.Contains(h.view(), "menyimpan") {
		t.Fatalf("a refused answer left the walk waiting (%d pending):\n%s", w.pending, h.view())
	}
}

// "8/10" on a percentage question is one action: one transaction, one
// history group, one undo that takes back the value and the counts in the
// note together.
func TestCountsAndTheirNoteAreOneAction(t *testing.T) {
	db, path, ev, h, w := seededWalk(t, "kua-hitung", "KUA Kecamatan Hitung", 80, 24)
	goTo(t, h, w, "mp.reform.1")
	h.keys("8/10[enter]")
	db = reopen(t, h, path)
	hist, err := db.History(store.HistoryFilter{Evaluation: ev.ID, Question: "mp.reform.1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Group == 0 || hist[0].Group != hist[1].Group {
		t.Fatalf("8/10 wrote %d history entries, groups %+v; want value and note in one group", len(hist), hist)
	}
	h.keys("u")
	a, _ := reopen(t, h, path).Answers(ev.ID)
	if got, ok := a["mp.reform.1"]; ok {
		t.Fatalf("one undo left %+v; want the value and the note both gone", got)
	}
	h.mustSee("Diurungkan: catatan mp.reform.1 kembali ke kosong · jawaban kosong")
}

// Writes still queued when the program ends are done before the store
// closes: a quit right after a key loses nothing.
func TestQueuedWritesAreDoneAtTheEnd(t *testing.T) {
	_, path, ev, h, _ := seededWalk(t, "kua-akhir", "KUA Kecamatan Akhir", 80, 24)
	h.hold()
	h.keys("yjb") // two saves asked for, neither run
	h.app.env.writes.drain()
	a, _ := reopen(t, h, path).Answers(ev.ID)
	if a["mp.pemenuhan.1"].Value != model.Letter("Y") || a["mp.pemenuhan.2"].Value.IsZero() {
		t.Fatalf("queued writes were not done: %+v", a)
	}
	for _, cmd := range h.held { // the commands that were to run them find nothing left
		if cmd != nil {
			_ = cmd()
		}
	}
}

// A screen's tea.Sequence reaches the runtime as a sequence, its commands'
// results tagged for the screen; Bubble Tea's own requests pass untagged.
func TestTagKeepsTheRuntimesMessages(t *testing.T) {
	s := &brokenScreen{}
	refresh := func() tea.Msg { return refreshMsg{} }
	seq := tag(s, tea.Sequence(refresh, refresh))()
	if _, ok := seq.(screenMsg); ok || reflect.TypeOf(seq).PkgPath() != teaPkg {
		t.Fatalf("a sequence came back as %T", seq)
	}
	inner := reflect.ValueOf(seq).Index(0).Interface().(tea.Cmd)()
	if m, ok := inner.(screenMsg); !ok || m.to != screen(s) {
		t.Fatalf("a sequence's command gave %#v; want it tagged for the screen", inner)
	}
	if msg := tag(s, tea.RequestWindowSize)(); reflect.TypeOf(msg).PkgPath() != teaPkg {
		t.Fatalf("a window-size request came back as %T", msg)
	}
}

// Results that arrive in another order than their writes were done in
// leave the screen showing the last write, as the store holds it; and
// the note waits while an answer is still being saved, so the counts of
// "8/10" are never overwritten by a note opened before they were saved.
func TestLateResultsShowTheLastWrite(t *testing.T) {
	_, path, ev, h, w := seededWalk(t, "kua-urut", "KUA Kecamatan Urut", 80, 24)
	h.hold()
	h.keys("tty")
	h.deliverReversed()
	if got := w.answers["mp.pemenuhan.1"].Value; got != model.Letter("Y") || w.pending != 0 {
		t.Fatalf("the screen shows %v with %d pending; want Y, the last key", got, w.pending)
	}
	if a, _ := reopen(t, h, path).Answers(ev.ID); a["mp.pemenuhan.1"].Value != model.Letter("Y") {
		t.Fatalf("the store holds %v", a["mp.pemenuhan.1"].Value)
	}

	goTo(t, h, w, "mp.reform.1")
	h.hold()
	h.keys("8/10[enter]n")
	if w.focus == focusNote {
		t.Fatal("the note opened while the counts were still being saved")
	}
	h.mustSee("Tunggu sebentar")
	h.releaseReversed()
	h.keys("nCatatan[esc]")
	a, _ := reopen(t, h, path).Answers(ev.ID)
	if note := a["mp.reform.1"].Note; !strings.HasPrefix(note, "Jumlah: 8/10 = 80%") || !strings.HasSuffix(note, "Catatan") {
		t.Fatalf("note %q; want the counts, then what was typed after", note)
	}
}
