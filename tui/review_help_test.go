package tui

import (
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// The recommendations review's help line names its main keys as the
// other list screens do — the filter and the order too, not only enter
// and esc when a closed recommendation is selected.
func TestReviewHelpLineShowsTheMainKeys(t *testing.T) {
	pinReviewClock(t)
	db, _ := testDB(t)
	ev := seedEvaluation(t, db, "kua-bantu", "KUA Kecamatan Bantu", model.StageTPI)
	closed := addRek(t, db, ev.ID, "tl", "Lengkapi peta proses bisnis.", model.PriorityTinggi, date(2027, 1, 31))
	if _, err := db.SetRekStatus(closed.ID, model.RekDitolak, "Sudah ditangani Kanwil.", "penguji"); err != nil {
		t.Fatal(err)
	}
	addRek(t, db, ev.ID, "tl.pemenuhan.i", "Perbarui SOP layanan.", model.PriorityRendah, date(2027, 3, 31))
	h := newHarness(t, db, 200, 30)
	h.keys("r")
	topOf[*reviewScreen](t, h, "the review")
	foot := func() string { v := h.view(); return v[strings.LastIndex(v, "\n")+1:] }
	// The detail pane names the selected one's status.
	for i := 0; i < 3 && !strings.Contains(h.view(), "status ditolak"); i++ {
		h.keys("k")
	}
	h.mustSee("status ditolak")
	for _, want := range []string{"enter buka pertanyaan", "/ saring", "1–3 urut", "esc kembali"} {
		if !strings.Contains(foot(), want) {
			t.Errorf("closed %s selected: help line %q lacks %q", closed.ID, foot(), want)
		}
	}
	h.keys("j")
	h.mustSee("status baru")
	for _, want := range []string{"s status", "t tindak lanjut", "e ubah", "/ saring", "1–3 urut"} {
		if !strings.Contains(foot(), want) {
			t.Errorf("open one selected: help line %q lacks %q", foot(), want)
		}
	}
}
