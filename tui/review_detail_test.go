package tui

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// The detail pane's first lines — where in the LKE a recommendation sits
// and whose evaluation it is — wrap at the pane's width rather than being
// cut off unsaid (at 80 columns a question deep in the tree lost its
// numbering and id).
func TestReviewDetailPathWraps(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kanwil-uji", "Kanwil Kemenag Provinsi Kalimantan Tengah Bagian Uji", model.StageTPI)
	in, _ := model.Builtin(model.DefaultInstrument)
	q, ok := in.Question("sdm.pemenuhan.4")
	if !ok {
		t.Fatal("no sdm.pemenuhan.4 in the instrument")
	}
	addRek(t, db, ev.ID, q.ID, "Perbarui pola mutasi internal.", model.PriorityTinggi, date(2027, 3, 31))
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("r")
	h.mustSee("Perbarui pola mutasi internal.", q.Number(), "(sdm.pemenuhan.4)", "(draft)")
}
