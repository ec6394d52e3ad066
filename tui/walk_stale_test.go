package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// The notice a step leaves ("Status sekarang diajukan. Giliran Ketua
// Tim.") does not outlive the status it describes: when a live reload
// shows that others moved the evaluation on, the notice says the status
// now, as the header does.
func TestWalkStatusNoticeFollowsTheStatus(t *testing.T) {
	db, _, ev, h, _ := seededWalk(t, "kua-basi", "KUA Kecamatan Basi", 100, 30)
	h.keys("p")
	h.mustSee("1 ajukan ke ketua tim")
	h.keys("1")
	h.mustSee("Status sekarang diajukan. Giliran Ketua Tim.")
	// Others approve it twice, from another session: it is final.
	for range 2 {
		if _, err := db.Act(ev.ID, model.ActApprove, "", "kus"); err != nil {
			t.Fatal(err)
		}
	}
	h.send(Changed{}) // the live reload
	h.mustSee("final · terkunci", "Status sekarang final.")
	if v := h.view(); strings.Contains(v, "Status sekarang diajukan") || strings.Contains(v, "Giliran Ketua Tim") {
		t.Fatalf("the notice of the old status stayed:\n%s", v)
	}
	// A load that finds the status as shown leaves the notice alone.
	h.send(refreshMsg{})
	h.mustSee("Status sekarang final.")
}
