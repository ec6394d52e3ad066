package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// reviewWithItems opens the review on a list of n recommendations spread
// over satkers, areas, priorities and statuses, handed to the screen the
// way its load command does.
func reviewWithItems(tb testing.TB, n int, width, height int) (*harness, *reviewScreen) {
	db, _ := testDB(tb)
	h := newHarness(tb, db, width, height)
	r := newReview(h.app.env, reviewScope{})
	h.app.stack = append(h.app.stack, r)
	r.SetSize(h.app.bodySize())
	in, _ := model.Builtin(model.DefaultInstrument)
	areas := []string{"mp", "tl", "sdm", "ak", "pw", "pp", "hasil.bersih", "mp.pemenuhan.i", "pw.pemenuhan.1"}
	today := model.Date(reviewNow())
	items := make([]reviewItem, n)
	for i := range items {
		sk := fmt.Sprintf("satker-%04d", i/2)
		ev := model.EvaluationID(sk, 2026, model.StageTPI)
		rk := model.Rekomendasi{ID: fmt.Sprintf("%s/r%d", ev, i%2+1), SatkerID: sk, EvaluationID: ev,
			Node: areas[i%len(areas)], Text: fmt.Sprintf("Rekomendasi nomor %d: lengkapi data dukung dan laporkan.", i),
			Priority: model.Priorities[i%3], Status: model.RekStatuses[i%5],
			Due: today.AddDate(0, 0, i%400-200), Created: today, Updated: today}
		if i%3 == 0 {
			rk.FollowUps = []model.TindakLanjut{{Date: today.AddDate(0, 0, -i%30), By: "tim", Text: "Sudah dikerjakan."}}
		}
		items[i] = newReviewItem(rk, fmt.Sprintf("KUA Kecamatan Nomor %d", i/2), store.EvalSummary{ID: ev, Year: 2026, Stage: model.StageTPI}, in, today)
	}
	h.send(screenMsg{r, reviewLoadedMsg{items: items}})
	return h, r
}

// TestReviewSizeSweep: every size lays out within the terminal, with the
// list, a form and the status question open.
func TestReviewSizeSweep(t *testing.T) {
	pinReviewClock(t)
	h, _ := reviewWithItems(t, 50, 80, 24)
	h.sweep([]string{"", "t", "[esc]e", "[esc]s", "[esc]/kua"}, nil)
}

// BenchmarkReviewFilterKey10000: one keystroke in the filter over 10,000
// recommendations, Update + View.
func BenchmarkReviewFilterKey10000(b *testing.B) {
	pinReviewClock(b)
	h, r := reviewWithItems(b, 10000, 120, 40)
	h.keys("/kua 1")
	if len(r.shown) == 0 || len(r.shown) == len(r.items) {
		b.Fatalf("the filter shows %d of %d", len(r.shown), len(r.items))
	}
	h.loopKeys(b, runeKey('2'), tea.KeyPressMsg{Code: tea.KeyBackspace})
}

// BenchmarkReviewOverdueKey10000: a key filter (overdue on, off) over
// 10,000 recommendations, Update + View.
func BenchmarkReviewOverdueKey10000(b *testing.B) {
	pinReviewClock(b)
	h, _ := reviewWithItems(b, 10000, 120, 40)
	h.loopKeys(b, runeKey('o'))
}

// BenchmarkReviewFilterFirstKey10000: the first character of a filter,
// which scans all 10,000 recommendations, then backspace, Update + View
// of each.
func BenchmarkReviewFilterFirstKey10000(b *testing.B) {
	pinReviewClock(b)
	h, _ := reviewWithItems(b, 10000, 120, 40)
	h.keys("/")
	h.loopKeys(b, runeKey('k'), tea.KeyPressMsg{Code: tea.KeyBackspace})
}
