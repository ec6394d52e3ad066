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

// The detail pane gives a numeric answer as the walk does: a percentage
// with its %, a decimal with a comma.
func TestReviewDetailAnswerAsTheWalkShowsIt(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-angka", "KUA Kecamatan Angka", model.StageTPI)
	if _, err := db.SetAnswer(ev.ID, "mp.reform.1", model.Num(62.5), "penguji"); err != nil {
		t.Fatal(err)
	}
	addRek(t, db, ev.ID, "mp.reform.1", "Dorong agen perubahan.", model.PriorityTinggi, date(2027, 3, 31))
	h, _ := openWalk(t, db, ev.ID, 80, 24)
	h.keys("r")
	h.mustSee("Jawaban kini: 62,5%")
}
