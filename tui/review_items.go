package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// load reads the recommendations of the scope with the names, summaries
// and instruments the list shows.
func (r *reviewScreen) load() tea.Msg {
	db := r.env.db
	reks, err := db.RekomendasiList(store.RekFilter{Satker: r.scope.satkerID, Evaluation: r.scope.evalID})
	if err != nil {
		return reviewLoadedMsg{err: err}
	}
	sums, err := db.SatkerList()
	if err != nil {
		return reviewLoadedMsg{err: err}
	}
	names := map[string]string{}
	evals := map[string]store.EvalSummary{}
	for _, s := range sums {
		names[s.Satker.ID] = s.Satker.Name
		for _, e := range s.Evaluations {
			evals[e.ID] = e
		}
	}
	insts := map[string]*model.Instrument{} // by evaluation
	byHash := map[string]*model.Instrument{}
	today := model.Date(reviewNow())
	items := make([]reviewItem, 0, len(reks))
	for _, rk := range reks {
		in, ok := insts[rk.EvaluationID]
		if !ok {
			ev, err := db.Evaluation(rk.EvaluationID)
			if err != nil {
				return reviewLoadedMsg{err: err}
			}
			if in = byHash[ev.InstrumentHash]; in == nil {
				if in, err = db.Instrument(ev.InstrumentHash); err != nil {
					return reviewLoadedMsg{err: err}
				}
				byHash[ev.InstrumentHash] = in
			}
			insts[rk.EvaluationID] = in
		}
		items = append(items, newReviewItem(rk, names[rk.SatkerID], evals[rk.EvaluationID], in, today))
	}
	return reviewLoadedMsg{items: items}
}

func newReviewItem(rk model.Rekomendasi, satker string, ev store.EvalSummary, in *model.Instrument, today time.Time) reviewItem {
	it := reviewItem{rek: rk, satker: satker, eval: ev, inst: in, areaID: in.Area(rk.Node),
		prio: slices.Index(model.Priorities, rk.Priority), overdue: rk.Overdue(today)}
	it.area = nodeTitle(in, it.areaID)
	it.node = nodeTitle(in, rk.Node)
	it.hay = strings.ToLower(strings.Join([]string{satker, it.area, rk.Node, it.node, rk.Text, string(rk.Status),
		string(rk.Priority), rk.ID}, "\x00"))
	it.row = it.cells()
	return it
}

// cells are the item's plain table cells.
func (it *reviewItem) cells() table.Row {
	rk := it.rek
	due := "—"
	if !rk.Due.IsZero() {
		due = format.ShortDate(rk.Due)
		if it.overdue {
			due = "! " + due
		}
	}
	last := "—"
	if n := len(rk.FollowUps); n > 0 {
		last = format.ShortDate(rk.FollowUps[n-1].Date)
	}
	evalText := "—"
	if it.eval.ID != "" {
		evalText = fmt.Sprintf("%d %s", it.eval.Year, it.eval.Stage)
	}
	text, _, _ := strings.Cut(rk.Text, "\n")
	return table.Row{"", shortSatkerName(it.satker), evalText, it.area, string(rk.Priority), string(rk.Status), due, last, text}
}

// satkerAbbrev are the abbreviations Kemenag itself writes in lists.
var satkerAbbrev = strings.NewReplacer(
	"Kantor Kementerian Agama ", "Kankemenag ", "Kantor Kemenag ", "Kankemenag ",
	"Kantor Wilayah Kementerian Agama ", "Kanwil ", "Kanwil Kemenag ", "Kanwil ",
	"Kabupaten ", "Kab. ", "Provinsi ", "Prov. ", "Kecamatan ", "Kec. ")

// shortSatkerName fits a satker's name into a table cell: "Kankemenag
// Kab. Magelang" for "Kantor Kemenag Kabupaten Magelang".
func shortSatkerName(name string) string { return satkerAbbrev.Replace(name) }

// nodeTitle names a node or a question: its title, or the question's
// number and text; the id when the instrument lacks it.
func nodeTitle(in *model.Instrument, id string) string {
	if n, ok := in.Node(id); ok {
		return n.Title
	}
	if q, ok := in.Question(id); ok {
		return q.Number() + " " + q.Wording() // the numbering opens the text, or the id stands in
	}
	return id
}

func (r *reviewScreen) setItems(items []reviewItem) {
	keep := r.keep(r.selectedID())
	r.items = items
	r.order = make([]int, len(items))
	seen := map[string]bool{}
	r.areas = r.areas[:0]
	r.titles = map[string]string{}
	for i := range items {
		r.order[i] = i
		if a := items[i].areaID; !seen[a] {
			seen[a] = true
			r.areas = append(r.areas, a)
			r.titles[a] = items[i].area
		}
	}
	// Areas in instrument order: mp before pp, whatever came first.
	if len(items) > 0 {
		pos := map[string]int{}
		for i, n := range items[0].inst.AllNodes() {
			pos[n.ID] = i
		}
		slices.SortStableFunc(r.areas, func(a, b string) int { return cmp.Compare(pos[a], pos[b]) })
	}
	if r.area > len(r.areas) {
		r.area = 0
	}
	r.packFacets()
	r.sortItems()
	r.refilter(keep)
}

// reviewFacet is what the key filters test of an item, kept apart from
// the items: a filter key reads ten thousand of them from a few cache
// lines instead of ten thousand items.
type reviewFacet struct {
	status, prio  int8  // indexes in model.RekStatuses and model.Priorities
	evalSt        int8  // index in model.Statuses of the evaluation's status; -1 unknown
	area          int16 // 1 + index in r.areas
	open, overdue bool
}

func (r *reviewScreen) packFacets() {
	area := make(map[string]int16, len(r.areas))
	for i, a := range r.areas {
		area[a] = int16(i + 1)
	}
	r.facets = slices.Grow(r.facets[:0], len(r.items))
	for i := range r.items {
		it := &r.items[i]
		r.facets = append(r.facets, reviewFacet{status: int8(slices.Index(model.RekStatuses, it.rek.Status)),
			evalSt: int8(slices.Index(model.Statuses, it.eval.Status)),
			prio:   int8(it.prio), area: area[it.areaID], open: it.rek.IsOpen(), overdue: it.overdue})
	}
}

func (r *reviewScreen) sortItems() {
	r.steps.reset() // cached results follow the order
	slices.SortStableFunc(r.order, func(x, y int) int {
		a, b := &r.items[x], &r.items[y]
		var c int
		switch r.sort.by {
		case reviewByPriority:
			c = cmp.Compare(a.prio, b.prio)
		case reviewBySatker:
			c = cmp.Compare(strings.ToLower(a.satker), strings.ToLower(b.satker))
		default:
			// No due date sorts after every date, in either direction.
			if a.rek.Due.IsZero() != b.rek.Due.IsZero() {
				if a.rek.Due.IsZero() {
					return 1
				}
				return -1
			}
			c = a.rek.Due.Compare(b.rek.Due)
		}
		if r.sort.reverse {
			c = -c
		}
		if c == 0 {
			c = a.rek.Due.Compare(b.rek.Due)
		}
		if c == 0 {
			c = cmp.Compare(a.prio, b.prio)
		}
		if c == 0 {
			c = strings.Compare(a.rek.ID, b.rek.ID)
		}
		return c
	})
}

// keeps reports whether the key filters (status, priority, area,
// overdue) let it through.
func (r *reviewScreen) keeps(i int) bool {
	f := &r.facets[i]
	switch {
	case r.status == 1 && !f.open:
		return false
	case r.status > 1 && int(f.status) != r.status-2:
		return false
	case r.evalSt > 0 && int(f.evalSt) != r.evalSt-1:
		return false
	case r.priority > 0 && int(f.prio) != r.priority-1:
		return false
	case r.area > 0 && int(f.area) != r.area:
		return false
	case r.overdue && !f.overdue:
		return false
	}
	return true
}

// refilter shows the items the filters let through, in the current order,
// and selects keep when it is among them.
func (r *reviewScreen) refilter(keep string) {
	shown := r.steps.shown(strings.ToLower(r.filter.Value()), r.order, func(i int, terms []string, narrowing bool) bool {
		it := &r.items[i]
		return (narrowing || r.keeps(i)) && matchesAll(it.hay, terms)
	})
	r.shown = shown
	target := keepAt(shown, func(i int) string { return r.items[i].rek.ID }, keep, 0)
	r.rows = r.rows[:0]
	for _, i := range r.shown {
		r.rows = append(r.rows, r.items[i].row)
	}
	r.table.show(r.rows, target)
	r.selectionMoved()
}

func (r *reviewScreen) filtered() bool {
	return r.filter.Value() != "" || r.status != 0 || r.evalSt != 0 || r.priority != 0 || r.area != 0 || r.overdue
}

// needState reads the selected recommendation's evaluation (scorecard and
// answers) the first time it is shown.
func (r *reviewScreen) needState() tea.Cmd {
	it := r.selected()
	if it == nil {
		return nil
	}
	id := it.rek.EvaluationID
	if _, ok := r.cards[id]; ok {
		return nil
	}
	r.cards[id] = nil // asked for; nil until it arrives
	db := r.env.db
	return func() tea.Msg {
		st := &evalState{}
		st.sc, _, st.err = db.Scorecard(id)
		if st.err == nil {
			st.answers, st.err = db.Answers(id)
		}
		return evalStateMsg{id, st}
	}
}
