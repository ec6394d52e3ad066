package tui

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// A viewer's follow-up is refused by the store: at 80×24 the form says
// the whole of why, down to the role it needs, not a line cut at the
// screen's edge ("… tidak boleh mengubah data (perl").
func TestRefusedFollowUpSaysTheWholeReason(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kankemenag-uji", "Kantor Kemenag Kabupaten Uji", model.StageTPI)
	addRek(t, db, ev.ID, "mp", "Susun rencana kerja ZI.", model.PriorityTinggi, date(2027, 1, 1))
	h := newHarness(t, db.As(store.RoleViewer), 80, 24)
	h.keys("r")
	h.mustSee("r1 · ")
	h.keys("tRapat tim sudah digelar.")
	h.keys("[ctrl+s]")
	h.mustSee("Tidak tersimpan", "Rapat tim sudah digelar.", "(perlu peran evaluator)")
}
