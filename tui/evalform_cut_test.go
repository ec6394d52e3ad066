package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// The new-evaluation form's Tim placeholder, cut at the right edge of a
// narrow window, ends in "…" as everything cut does; where it fits it is
// whole.
func TestEvalFormTeamPlaceholderIsCutWithEllipsis(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-sempit", "KUA Kecamatan Sempit", model.StagePMPZI)
	h := newHarness(t, db, 100, 30)
	h.keys("[enter]")
	topOf[*chooserScreen](t, h, "the chooser")
	h.keys("n")
	const whole = "nama (anggota), nama (ketua), nama (pengendali)"
	teamLine := func() string {
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.Contains(l, "Tim ") && strings.Contains(l, "nama (") {
				return strings.TrimRight(l, " ")
			}
		}
		t.Fatalf("no Tim line:\n%s", h.view())
		return ""
	}
	if l := teamLine(); !strings.Contains(l, whole) {
		t.Errorf("100 columns: %q lacks the whole placeholder", l)
	}
	for _, width := range []int{60, 66, 72, 80} {
		h.send(tea.WindowSizeMsg{Width: width, Height: 24})
		l := teamLine()
		if !strings.Contains(l, whole) && !strings.HasSuffix(l, "…") {
			t.Errorf("%d columns: the Tim line %q is cut without …", width, l)
		}
	}
	// Opened at 60 columns, as well as narrowed to them.
	h.keys("[esc]")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	h.keys("n")
	if l := teamLine(); !strings.HasSuffix(l, "…") {
		t.Errorf("opened at 60 columns: the Tim line %q is cut without …", l)
	}
}
