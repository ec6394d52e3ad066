package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestDashboardShowsAndFiltersStatus: the dashboard has a status column
// where it has room, and v walks the statuses of the review chain.
func TestDashboardShowsAndFiltersStatus(t *testing.T) {
	db, _ := testDB(t)
	seedQueue(t, db)
	h := newHarness(t, db, 120, 30)
	h.keys("b")
	d := topOf[*dashboardScreen](t, h, "the dashboard b opens")
	h.mustSee("6 satker", "STATUS", "v status")
	statuses := func() map[model.Status][]string {
		out := map[model.Status][]string{}
		for _, r := range d.shown {
			out[r.Status] = append(out[r.Status], r.Satker.ID)
		}
		return out
	}
	all := statuses()
	if len(all[model.Draft]) != 3 || len(all[model.Submitted]) != 1 || len(all[model.Reviewed]) != 1 || len(all[model.Final]) != 1 {
		t.Fatalf("statuses before filtering: %v", all)
	}
	for _, st := range model.Statuses {
		h.keys("v")
		h.mustSee("Saringan: status " + string(st) + " · esc hapus")
		got := statuses()
		if len(got) != 1 || !slices.Equal(got[st], all[st]) {
			t.Fatalf("status %s shows %v; want %v", st, got, all[st])
		}
		// Each row says its status in words, not by colour.
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.HasPrefix(l, "›") && !strings.Contains(l, " "+string(st)+" ") {
				t.Fatalf("the selected row does not say %s: %q", st, l)
			}
		}
	}
	h.keys("v") // round again: every status
	if len(d.shown) != 6 {
		t.Fatalf("after a round of v, %d rows", len(d.shown))
	}
	h.keys("vv[esc]") // esc clears the status with the other filters
	if len(d.shown) != 6 || d.status != 0 {
		t.Fatalf("esc left status %d, %d rows", d.status, len(d.shown))
	}
	h.keys("[esc]")
	if _, ok := h.app.top().(*homeScreen); !ok {
		t.Fatalf("esc went to %T", h.app.top())
	}

	// Narrow, the column gives way to the satker's name; the filter works.
	h.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	h.keys("bvv")
	h.mustSee("status diajukan", "MAN 1 Yog")
}

// TestReviewFiltersByEvaluationStatus: the recommendations say their
// evaluation's status where they name it, and v filters on it.
func TestReviewFiltersByEvaluationStatus(t *testing.T) {
	pinReviewClock(t)
	db, _ := clockDB(t)
	draft := seedEvaluation(t, db, "kk-magelang", "Kantor Kemenag Kabupaten Magelang", model.StageTPI)
	final := seedEvaluation(t, db, "kua-borobudur", "KUA Kecamatan Borobudur", model.StageTPI)
	addRek(t, db, draft.ID, "pw", "Bentuk Unit Pengendalian Gratifikasi.", model.PriorityTinggi, date(2027, 1, 15))
	addRek(t, db, final.ID, "mp", "Susun rencana kerja perubahan.", model.PrioritySedang, date(2027, 2, 15))
	if err := finalise(db, final.ID, "penguji"); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, db, 100, 30)
	h.keys("r")
	r := topOf[*reviewScreen](t, h, "the review r opens")
	h.mustSee("2 rekomendasi", "v evaluasi", "Kantor Kemenag Kabupaten Magelang · evaluasi 2026 TPI (draft)")
	shownEvals := func() []string {
		var out []string
		for _, i := range r.shown {
			out = append(out, r.items[i].rek.EvaluationID)
		}
		return out
	}
	want := map[model.Status][]string{model.Draft: {draft.ID}, model.Final: {final.ID}}
	for _, st := range model.Statuses {
		h.keys("v")
		h.mustSee("evaluasi: " + string(st))
		if got := shownEvals(); !slices.Equal(got, want[st]) {
			t.Fatalf("evaluation status %s shows %v; want %v", st, got, want[st])
		}
	}
	h.mustSee("KUA Kecamatan Borobudur · evaluasi 2026 TPI (final)")
	h.keys("v")
	if len(r.shown) != 2 {
		t.Fatalf("after a round of v, %d shown", len(r.shown))
	}
	h.keys("vvvv[esc]")
	if r.evalSt != 0 || len(r.shown) != 2 {
		t.Fatalf("esc left evaluation status %d, %d shown", r.evalSt, len(r.shown))
	}
}
