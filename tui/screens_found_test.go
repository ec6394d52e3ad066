package tui

// Defects a pass over every screen at every size found: keys offered
// where they do nothing, words cut where there is room. Each test failed
// before its fix.

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// An evaluation that meets its target has no drafts: the screen says so
// and offers esc, not keys to accept, edit or discard drafts it has not.
func TestDraftsWithoutDraftsOfferOnlyBack(t *testing.T) {
	pinReviewClock(t)
	db, _ := clockDB(t)
	ev := seedEvaluation(t, db, "kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	answerAllBut(t, db, ev.ID, "none") // every answer its best
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("rn")
	h.mustSee("tidak ada draf")
	for _, screen := range []string{"", "?"} {
		h.keys(screen)
		v := h.view()
		for _, offered := range []string{"terima", "buang", "draf berikut", "draf sebelum"} {
			if strings.Contains(v, offered) {
				t.Errorf("with no drafts the screen offers %q:\n%s", offered, v)
			}
		}
		if !strings.Contains(v, "esc kembali") {
			t.Errorf("with no drafts the screen does not offer esc:\n%s", v)
		}
	}
}
