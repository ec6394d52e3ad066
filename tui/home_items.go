package tui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/table"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// homeItem is one satker with everything the list needs precomputed, so a
// keystroke in the filter or a new sort touches no store and decodes
// nothing: it only picks rows.
type homeItem struct {
	sum    store.SatkerSummary
	hay    string // lower-case name, id, kind and region: what the filter searches
	name   string // lower-case, for sorting
	region string // lower-case province then regency, for sorting
	score  float64
	frac   float64
	evals  bool      // has a latest evaluation
	row    table.Row // plain cells (bubbles/table truncation does not understand ANSI); the first is the marker column
	place  string    // the region cell where it is narrow: the regency alone
	where  string    // the region cell where there is room: regency, province
}

// setList replaces the list with a fresh read, keeping the selection (or
// selecting the satker just saved).
func (h *homeScreen) setList(list []store.SatkerSummary) {
	keep := h.keep(h.selectedID())
	h.items = make([]homeItem, len(list))
	h.byID = make(map[string]int, len(list))
	h.order = make([]int, len(list))
	for i, s := range list {
		h.items[i] = newHomeItem(s)
		h.byID[s.Satker.ID] = i
		h.order[i] = i
	}
	h.fillCells()
	h.sortItems()
	if i, ok := h.byID[keep]; ok && h.filter.Value() != "" &&
		!matchesAll(h.items[i].haystack(), h.filter.terms()) {
		// The satker just saved would hide behind the filter.
		h.filter.SetValue("")
	}
	h.refilter(keep)
}

func newHomeItem(s store.SatkerSummary) homeItem {
	sk := s.Satker
	it := homeItem{
		sum:    s,
		name:   strings.ToLower(sk.Name),
		region: strings.ToLower(sk.Province + "\x00" + sk.Regency),
	}
	latest, score, result, verdict := "—", "—", "—", "—"
	if l := s.Latest; l != nil {
		it.evals = true
		it.score = l.Total
		if l.Questions > 0 {
			it.frac = float64(l.Answered) / float64(l.Questions)
		}
		latest = strconv.Itoa(l.Year) + " " + string(l.Stage)
		score = model.Points(l.Total)
		if l.Result != "" {
			result = l.Result
		}
		verdict = verdictText(sk.Target, l.Result)
	}
	it.where, it.place = regionText(sk), sk.Province
	if sk.Regency != "" {
		it.place = shortRegency(sk.Regency)
	}
	it.row = table.Row{"", sk.Name, kindShort(sk.Kind), it.where, sk.Target, latest, "", score, result, verdict}
	return it
}

// haystack is what the filter searches, made the first time a filter
// needs it: a list of 5,000 is drawn before anyone types.
func (it *homeItem) haystack() string {
	if it.hay == "" {
		sk := it.sum.Satker
		it.hay = strings.ToLower(strings.Join([]string{sk.Name, sk.ID, string(sk.Kind), kindShort(sk.Kind),
			sk.Province, sk.Regency}, "\x00"))
	}
	return it.hay
}

// fillCells writes the cells that depend on the column widths. Bars
// come from a small set (one per filled count), so 5,000 rows cost 5,000
// concatenations, not 5,000 bar renders.
func (h *homeScreen) fillCells() {
	wide := len(h.cols) > hcRegion && h.cols[hcRegion] >= 24
	for i := range h.items {
		it := &h.items[i]
		it.row[hcProgress] = progressCell(h.bars, it.sum.Latest)
		it.row[hcRegion] = it.place
		if wide {
			it.row[hcRegion] = it.where
		}
	}
}

func progressCell(bars []string, l *store.EvalSummary) string {
	if l == nil {
		return "—"
	}
	counts := strconv.Itoa(l.Answered) + "/" + strconv.Itoa(l.Questions)
	if len(bars) < 2 {
		return counts
	}
	counts = strings.Repeat(" ", max(0, 7-len(counts))) + counts
	frac := 0.0
	if l.Questions > 0 {
		frac = float64(l.Answered) / float64(l.Questions)
	}
	k := int(float64(len(bars)-1)*min(1, max(0, frac)) + 0.5)
	return bars[k] + " " + counts
}

// barWidth is how much of a progress column of width w the bar gets,
// leaving room for " 113/113"; 0 when only the counts fit.
func barWidth(w int) int {
	if w < 8+3 {
		return 0
	}
	return w - 8
}

// barSet draws the width+1 bars a column of this width can show.
func barSet(st styles, width int) []string {
	if width <= 0 {
		return nil
	}
	bars := make([]string, width+1)
	for k := range bars {
		bars[k] = st.progressBar(float64(k)/float64(width), width)
	}
	return bars
}

// verdictText says in words whether the latest result reaches the target.
func verdictText(target, result string) string {
	if model.MeetsTarget(result, target) {
		return "✓ " + target
	}
	return "✗ belum"
}

// kindShort is the kind as a table cell: the long one is abbreviated the
// way Kemenag writes it.
func kindShort(k model.SatkerKind) string {
	if k == model.Kankemenag {
		return "Kankemenag"
	}
	return string(k)
}

func regionText(s model.Satker) string {
	if s.Regency == "" {
		return s.Province
	}
	return shortRegency(s.Regency) + ", " + s.Province
}

// shortRegency writes "Kabupaten" the way lists do: "Kab. Magelang".
func shortRegency(r string) string {
	if rest, ok := strings.CutPrefix(r, "Kabupaten "); ok {
		return "Kab. " + rest
	}
	return r
}

// firstScreenRows is more rows than any terminal shows at once.
const firstScreenRows = 120

func (h *homeScreen) sortItems() {
	// The order is total (ties go by name, then id): no need for a stable sort.
	slices.SortFunc(h.order, func(x, y int) int {
		a, b := &h.items[x], &h.items[y]
		var c int
		switch h.sort.by {
		case sortByScore, sortByProgress:
			// Satkers without an evaluation have no score to rank: last
			// in either direction.
			if a.evals != b.evals {
				if a.evals {
					return -1
				}
				return 1
			}
			if h.sort.by == sortByScore {
				c = cmp.Compare(b.score, a.score)
			} else {
				c = cmp.Compare(b.frac, a.frac)
			}
		case sortByRegion:
			c = strings.Compare(a.region, b.region)
		default:
			c = strings.Compare(a.name, b.name)
		}
		if h.sort.reverse {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(a.name, b.name)
		}
		if c == 0 {
			c = strings.Compare(a.sum.Satker.ID, b.sum.Satker.ID)
		}
		return c
	})
}

// refilter applies the filter to the sorted list and selects keep when it
// is still shown, else the first row. Only row references move.
func (h *homeScreen) refilter(keep string) {
	terms := h.filter.terms()
	h.shown = h.shown[:0]
	for _, i := range h.order {
		if len(terms) == 0 || matchesAll(h.items[i].haystack(), terms) {
			h.shown = append(h.shown, i)
		}
	}
	target := keepAt(h.shown, func(i int) string { return h.items[i].sum.Satker.ID }, keep, 0)
	h.rows = h.rows[:0]
	for _, i := range h.shown {
		h.rows = append(h.rows, h.items[i].row)
	}
	h.table.show(h.rows, target)
	h.updateKeys()
}
