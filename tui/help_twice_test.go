package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// The "?" overview lists each key once: a screen that names its own
// "esc kembali" (the evaluations chooser, the scorecard) does not get the
// workbench's own "esc kembali" again under it.
func TestHelpOverviewListsEachKeyOnce(t *testing.T) {
	db, _ := testDB(t)
	seedEvaluation(t, db, "kua-dua", "KUA Kecamatan Dua", model.StagePMPZI)
	h := newHarness(t, db, 100, 40)
	once := func(where string) {
		t.Helper()
		h.keys("?")
		v := h.view()
		v = v[:strings.LastIndex(v, "\n")] // not the help line under it
		if n := len(regexp.MustCompile(`esc +kembali\n`).FindAllString(v, -1)); n != 1 {
			t.Errorf("%s: the overview lists esc kembali %d times:\n%s", where, n, v)
		}
		h.keys("[esc]") // closes the overview only
	}
	h.keys("[enter]")
	topOf[*chooserScreen](t, h, "the chooser")
	once("chooser")
	h.keys("[enter]s")
	topOf[*scorecardScreen](t, h, "the scorecard")
	once("scorecard")
}
