package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// What the dashboard does with its rows as the user asks: filter, sort,
// group with subtotals, and the spread of scores per component.

// ResultNone is the result filter's word for "no predicate met".
const ResultNone = "none"

// DashboardFilter selects rows; empty fields select everything.
type DashboardFilter struct {
	Region   string     // part of the province or the kabupaten/kota, any case
	Province string     // the province, exactly (Riau is not Kepulauan Riau)
	Kind     SatkerKind // the satker's kind
	Target   string     // WBK or WBBM
	Stage    Stage      // the stage of the row's evaluation
	Result   string     // WBK, WBBM or ResultNone, exactly (WBK does not include WBBM)
	Year     int        // the year of the row's evaluation
	Text     string     // part of the id, name, region or head, any case
}

// Match reports whether a row passes the filter.
func (f *DashboardFilter) Match(r *DashboardRow) bool {
	return f.match(r, strings.ToLower(strings.TrimSpace(f.Region)), strings.ToLower(strings.TrimSpace(f.Text)))
}

func (f *DashboardFilter) match(r *DashboardRow, region, text string) bool {
	switch {
	case f.Kind != "" && r.Satker.Kind != f.Kind,
		f.Province != "" && r.Satker.Province != f.Province,
		f.Target != "" && !strings.EqualFold(r.Satker.Target, f.Target),
		f.Stage != "" && (!r.HasEval() || r.Stage != f.Stage),
		f.Year != 0 && (!r.HasEval() || r.Year != f.Year),
		f.Result != "" && !resultMatches(r.Result, f.Result):
		return false
	}
	if region != "" && !strings.Contains(r.regionKey(), region) {
		return false
	}
	if text != "" && !strings.Contains(r.searchKey(), text) {
		return false
	}
	return true
}

func resultMatches(have, want string) bool {
	if strings.EqualFold(want, ResultNone) {
		return have == ""
	}
	return strings.EqualFold(have, want)
}

// Filter returns the rows that pass the filter, as pointers into d.Rows,
// in the dashboard's order.
func (d *Dashboard) Filter(f DashboardFilter) []*DashboardRow {
	region, text := strings.ToLower(strings.TrimSpace(f.Region)), strings.ToLower(strings.TrimSpace(f.Text))
	out := make([]*DashboardRow, 0, len(d.Rows))
	for i := range d.Rows {
		if f.match(&d.Rows[i], region, text) {
			out = append(out, &d.Rows[i])
		}
	}
	return out
}

// ParseKind accepts a satker kind by its name or the short Kankemenag, in
// any case.
func ParseKind(s string) (SatkerKind, error) {
	if strings.EqualFold(strings.TrimSpace(s), "kankemenag") {
		return Kankemenag, nil
	}
	return parseName(s, SatkerKinds, "jenis", "pilih salah satu: "+kindList()+" (atau Kankemenag)")
}

// ParseResult accepts a result filter: WBK, WBBM or none, in any case.
func ParseResult(s string) (string, error) {
	return parseName(s, []string{WBK, WBBM, ResultNone}, "hasil", "pilih salah satu: WBK, WBBM, none")
}

// ParseTarget accepts a target: WBK or WBBM, in any case.
func ParseTarget(s string) (string, error) {
	return parseName(s, []string{WBK, WBBM}, "target", "pilih WBK atau WBBM")
}

// SortKey is a column to sort by and its direction.
type SortKey struct {
	Column string
	Desc   bool
}

// The dashboard's fixed sort columns; the component columns follow them.
var fixedSortColumns = []string{"satker", "name", "kind", "province", "regency", "target", "year", "stage", "status",
	"total", "result", "progress", "delta"}

// SortColumns lists every column a dashboard sorts by.
func (d *Dashboard) SortColumns() []string {
	out := slices.Clone(fixedSortColumns)
	for _, c := range d.Columns {
		out = append(out, c.ID)
	}
	return out
}

// ParseSort reads a sort column, "-" in front for descending ("-total").
func (d *Dashboard) ParseSort(s string) (SortKey, error) {
	t := strings.TrimSpace(s)
	k := SortKey{Desc: strings.HasPrefix(t, "-")}
	k.Column = strings.ToLower(strings.TrimPrefix(t, "-"))
	if slices.Contains(d.SortColumns(), k.Column) {
		return k, nil
	}
	return SortKey{}, &FieldError{"urutan", s, "pilih salah satu: " + strings.Join(d.SortColumns(), ", ") + " (awali dengan - untuk urutan menurun)"}
}

// Sort orders rows in place by a column. Rows without an evaluation go
// last for the evaluation's columns whatever the direction; ties keep
// the satker id order. An unknown column sorts by satker id.
func (d *Dashboard) Sort(rows []*DashboardRow, k SortKey) {
	col := slices.IndexFunc(d.Columns, func(c Column) bool { return c.ID == k.Column })
	dir := 1
	if k.Desc {
		dir = -1
	}
	var (
		byText func(r *DashboardRow) string
		byNum  func(r *DashboardRow) float64
		evalOf = true // the key belongs to the evaluation, not the satker
	)
	switch k.Column {
	case "name":
		byText, evalOf = func(r *DashboardRow) string { return r.nameKey() }, false
	case "kind":
		byNum, evalOf = func(r *DashboardRow) float64 { return float64(kindIndex(r.Satker.Kind)) }, false
	case "province":
		byText, evalOf = func(r *DashboardRow) string { return r.Satker.Province }, false
	case "regency":
		byText, evalOf = func(r *DashboardRow) string { return r.Satker.Regency }, false
	case "target":
		byNum, evalOf = func(r *DashboardRow) float64 { return float64(resultRank(r.Satker.Target)) }, false
	case "year":
		byNum = func(r *DashboardRow) float64 { return float64(r.Year) }
	case "stage":
		byNum = func(r *DashboardRow) float64 { return float64(StageIndex(r.Stage)) }
	case "status":
		byText = func(r *DashboardRow) string { return string(r.Status) }
	case "total":
		byNum = func(r *DashboardRow) float64 { return r.Total }
	case "result":
		byNum = func(r *DashboardRow) float64 { return float64(resultRank(r.Result)) }
	case "progress":
		byNum = func(r *DashboardRow) float64 { return r.Progress() }
	case "delta":
		byNum = func(r *DashboardRow) float64 { return r.Delta.Points }
	default:
		if col >= 0 {
			byNum = func(r *DashboardRow) float64 {
				if col < len(r.Cells) {
					return r.Cells[col].Score
				}
				return 0
			}
		} else {
			byText, evalOf = func(r *DashboardRow) string { return r.Satker.ID }, false
		}
	}
	// Each row's key is taken once: sorting compares ~60,000 pairs of
	// 5,000 rows, and small flat items keep it well inside one frame.
	type item struct {
		missing bool
		num     float64
		text    string
		row     *DashboardRow
	}
	items := make([]item, len(rows))
	for i, r := range rows {
		it := item{row: r, missing: evalOf && (!r.HasEval() || (k.Column == "delta" && !r.Delta.Has()))}
		if byNum != nil {
			it.num = byNum(r)
		} else {
			it.text = byText(r)
		}
		items[i] = it
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.missing != b.missing {
			if b.missing {
				return -1
			}
			return 1
		}
		c := 0
		if byNum != nil {
			c = cmp.Compare(a.num, b.num)
		} else {
			c = strings.Compare(a.text, b.text)
		}
		if c != 0 {
			return c * dir
		}
		return strings.Compare(a.row.Satker.ID, b.row.Satker.ID)
	})
	for i := range items {
		rows[i] = items[i].row
	}
}

func kindIndex(k SatkerKind) int {
	if i := slices.Index(SatkerKinds, k); i >= 0 {
		return i
	}
	return len(SatkerKinds)
}

// GroupBy names how the dashboard groups its rows.
type GroupBy string

const (
	GroupNone   GroupBy = ""
	GroupRegion GroupBy = "region" // by province
	GroupKind   GroupBy = "kind"
)

// ParseGroupBy accepts region or kind ("" for no grouping).
func ParseGroupBy(s string) (GroupBy, error) {
	switch g := GroupBy(strings.ToLower(strings.TrimSpace(s))); g {
	case GroupNone, GroupRegion, GroupKind:
		return g, nil
	}
	return "", &FieldError{"kelompok", s, "pilih region atau kind"}
}

// Tally counts a set of rows by result.
type Tally struct {
	Satkers   int
	Evaluated int     // rows with an evaluation
	WBBM      int     // result WBBM
	WBK       int     // result WBK (not WBBM)
	None      int     // no predicate met, or no evaluation
	OnTarget  int     // result reaches the satker's own target
	MeanTotal float64 // over the evaluated rows
}

// TallyRows counts rows by result.
func TallyRows(rows []*DashboardRow) Tally {
	var t Tally
	sum := 0.0
	for _, r := range rows {
		t.Satkers++
		if r.HasEval() {
			t.Evaluated++
			sum += r.Total
		}
		switch {
		case strings.EqualFold(r.Result, WBBM):
			t.WBBM++
		case strings.EqualFold(r.Result, WBK):
			t.WBK++
		default:
			t.None++
		}
		if r.MeetsTarget() {
			t.OnTarget++
		}
	}
	if t.Evaluated > 0 {
		t.MeanTotal = sum / float64(t.Evaluated)
	}
	return t
}

// DashboardGroup is the rows of one province or kind, with subtotals.
type DashboardGroup struct {
	Key   string // the province or the kind
	Rows  []*DashboardRow
	Tally Tally
}

// GroupRows groups rows, keeping their order inside each group: by
// province alphabetically, or by kind in the forms' order. GroupNone gives
// one group with every row and an empty key.
func GroupRows(rows []*DashboardRow, by GroupBy) []DashboardGroup {
	if by == GroupNone {
		return []DashboardGroup{{Rows: rows, Tally: TallyRows(rows)}}
	}
	key := func(r *DashboardRow) string { return r.Satker.Province }
	if by == GroupKind {
		key = func(r *DashboardRow) string { return string(r.Satker.Kind) }
	}
	idx := map[string]int{}
	var out []DashboardGroup
	for _, r := range rows {
		k := key(r)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, DashboardGroup{Key: k})
		}
		out[i].Rows = append(out[i].Rows, r)
	}
	slices.SortFunc(out, func(a, b DashboardGroup) int {
		if by == GroupKind {
			if c := cmp.Compare(kindIndex(SatkerKind(a.Key)), kindIndex(SatkerKind(b.Key))); c != 0 {
				return c
			}
		}
		return strings.Compare(a.Key, b.Key)
	})
	for i := range out {
		out[i].Tally = TallyRows(out[i].Rows)
	}
	return out
}

// Spread is one component's pass/fail counts and histogram over a set of
// rows.
type Spread struct {
	ID    string // a column id, or TotalNode
	Title string
	Pass  int
	Fail  int
	None  int   // evaluated rows without a verdict on this component
	Rows  int   // evaluated rows that have the component
	Bins  []int // Bins[i]: rows scoring from i/n up to (i+1)/n of the maximum; the last bin holds the maximum
}

// Distribution is the spread of every component and the total.
type Distribution struct {
	Bins       int
	Components []Spread // the columns in order, then the total
}

// BinLabel names bin i as a range of percentages: "70–80%".
func (d Distribution) BinLabel(i int) string {
	return fmt.Sprintf("%d–%d%%", i*100/d.Bins, (i+1)*100/d.Bins)
}

// Distribute counts, per component and for the total, how many of the
// evaluated rows pass, fail or have no verdict, and bins their scores by
// share of the maximum (bins ≤ 0 means 10). Rows without an evaluation
// are left out.
func (d *Dashboard) Distribute(rows []*DashboardRow, bins int) Distribution {
	if bins <= 0 {
		bins = 10
	}
	dist := Distribution{Bins: bins, Components: make([]Spread, len(d.Columns)+1)}
	backing := make([]int, bins*len(dist.Components))
	for i := range dist.Components {
		dist.Components[i].Bins = backing[i*bins : (i+1)*bins : (i+1)*bins]
	}
	for i, c := range d.Columns {
		dist.Components[i].ID, dist.Components[i].Title = c.ID, c.Title
	}
	total := &dist.Components[len(d.Columns)]
	total.ID, total.Title = TotalNode, "Nilai total"
	count := func(s *Spread, score, top float64, v Verdict) {
		if top <= 0 {
			return
		}
		s.Rows++
		switch v {
		case Pass:
			s.Pass++
		case Fail:
			s.Fail++
		default:
			s.None++
		}
		b := int(score/top*float64(bins) + scoreEpsilon) // 70% of the maximum is in 70–80%, however it was summed
		s.Bins[min(max(0, b), bins-1)]++
	}
	for _, r := range rows {
		if !r.HasEval() {
			continue
		}
		for j := range d.Columns {
			if j < len(r.Cells) {
				c := r.Cells[j]
				count(&dist.Components[j], c.Score, c.Max, c.Verdict)
			}
		}
		count(total, r.Total, r.Max, r.TotalVerdict)
	}
	return dist
}
