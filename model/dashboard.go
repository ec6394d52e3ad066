package model

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// Dashboard is every satker's row and the components its cells show.
type Dashboard struct {
	Columns []Column
	Rows    []DashboardRow
	Years   []int // every year some satker has a round in, newest first: what a pick can ask for
}

// instInfo is what rows need of an instrument, worked out once per build.
type instInfo struct {
	max    float64
	colMax []float64 // per column; 0 where the instrument lacks it
	colHas []bool
	// totalNeed holds, per predicate (upper-case id), the points its rules
	// and those of what it requires need on the total; NaN for none.
	totalNeed map[string]float64
	lowest    string
}

func newInstInfo(in *Instrument, cols []Column) *instInfo {
	info := &instInfo{colMax: make([]float64, len(cols)), colHas: make([]bool, len(cols)), totalNeed: map[string]float64{}}
	if in == nil {
		for i, c := range cols {
			info.colMax[i], info.colHas[i] = c.Max, true
		}
		return info
	}
	info.max = in.Max()
	for i, c := range cols {
		if n, ok := in.Node(c.ID); ok {
			info.colMax[i], info.colHas[i] = n.Weight, true
		}
	}
	if len(in.Predicates) > 0 {
		info.lowest = strings.ToUpper(in.Predicates[0].ID)
	}
	for pi, p := range in.Predicates {
		need := math.NaN()
		for _, q := range in.idx.chains[pi] {
			for _, c := range in.idx.checks[q] {
				if c.node >= 0 {
					continue
				}
				n := c.value
				if c.kind == RuleMinRatio {
					n = c.value * info.max
				}
				if math.IsNaN(need) || n > need {
					need = n
				}
			}
		}
		info.totalNeed[strings.ToUpper(p.ID)] = need
	}
	return info
}

// totalVerdict judges a total against the rules of the satker's target,
// or of the lowest predicate when the instrument does not know the target
// (as scoring does); none when those rules say nothing of the total.
func (info *instInfo) totalVerdict(total float64, target string) Verdict {
	need, ok := info.totalNeed[strings.ToUpper(target)]
	if !ok {
		need, ok = info.totalNeed[info.lowest]
	}
	switch {
	case !ok || math.IsNaN(need):
		return VerdictNone
	case total+scoreEpsilon >= need:
		return Pass
	}
	return Fail
}

// BuildDashboard makes one row per satker from the compact records of its
// evaluations: the round pick chooses (the latest of the year, or of one
// stage), the round before it gives the change. instrument resolves an
// instrument id to the instrument (nil when unknown); the columns come
// from the instrument most of the picked rounds use. Rows keep the
// satkers' order.
func BuildDashboard(units []SatkerRounds, pick RoundPick, instrument func(id string) *Instrument) Dashboard {
	type choice struct{ cur, prev int }
	picks := make([]choice, len(units))
	uses := map[string]int{}
	years := map[int]bool{}
	for i := range units {
		c, p := pick.pick(units[i].Rounds)
		picks[i] = choice{c, p}
		if c >= 0 {
			uses[units[i].Rounds[c].Instrument]++
		}
		for _, r := range units[i].Rounds {
			years[r.Year] = true
		}
	}
	// The most used instrument gives the columns; a tie goes to the
	// default, then to the smaller id.
	ref := DefaultInstrument
	for _, id := range slices.Sorted(maps.Keys(uses)) {
		if uses[id] > uses[ref] {
			ref = id
		}
	}
	var d Dashboard
	d.Years = slices.Sorted(maps.Keys(years))
	slices.Reverse(d.Years)
	refIn := lookup(instrument, ref)
	if refIn == nil {
		refIn = lookup(instrument, DefaultInstrument)
	}
	if refIn != nil {
		d.Columns = DashboardColumns(refIn)
	}
	infos := map[string]*instInfo{}
	info := func(id string) *instInfo {
		if x, ok := infos[id]; ok {
			return x
		}
		x := newInstInfo(lookup(instrument, id), d.Columns)
		infos[id] = x
		return x
	}
	nc := len(d.Columns)
	cells := make([]Cell, len(units)*nc)
	d.Rows = make([]DashboardRow, len(units))
	for i := range units {
		u := &units[i]
		row := &d.Rows[i]
		s := u.Satker
		row.Satker = s
		row.name, row.region, row.search = nameKey(s), regionKey(s), searchKey(s)
		row.Cells = cells[i*nc : (i+1)*nc : (i+1)*nc]
		c := picks[i]
		if c.cur < 0 {
			continue
		}
		r := &u.Rounds[c.cur]
		in := info(r.Instrument)
		row.Eval, row.Year, row.Stage, row.Status, row.Instrument = r.ID, r.Year, r.Stage, r.Status, r.Instrument
		row.Answered, row.Questions, row.Total, row.Result, row.Max = r.Answered, r.Questions, r.Total, r.Result, in.max
		row.TotalVerdict = in.totalVerdict(r.Total, s.Target)
		for j, col := range d.Columns {
			if !in.colHas[j] {
				continue
			}
			cell := &row.Cells[j]
			cell.Score, cell.Max = r.Scores[col.ID], in.colMax[j]
			cell.Verdict = columnVerdict(r.Verdicts, col)
		}
		if c.prev >= 0 {
			p := &u.Rounds[c.prev]
			row.Delta = Delta{Prev: p.ID, PrevYear: p.Year, PrevStage: p.Stage, PrevTotal: p.Total, Points: r.Total - p.Total}
			switch {
			case row.Delta.Points >= trendEpsilon:
				row.Delta.Trend = Up
			case row.Delta.Points <= -trendEpsilon:
				row.Delta.Trend = Down
			}
		}
	}
	return d
}

func lookup(f func(string) *Instrument, id string) *Instrument {
	if f != nil {
		if in := f(id); in != nil {
			return in
		}
	}
	return nil
}

// columnVerdict is the column's own verdict, else its parts': fail when
// any part fails, pass when some pass and none fails.
func columnVerdict(vs map[string]Verdict, col Column) Verdict {
	if v, ok := vs[col.ID]; ok {
		return v
	}
	out := VerdictNone
	for _, p := range col.Parts {
		switch vs[p] {
		case Fail:
			return Fail
		case Pass:
			out = Pass
		}
	}
	return out
}

// TallyHead names the tally's columns, with which a grouped table export
// ends.
var TallyHead = []string{"jumlah satker", "dievaluasi", "WBBM", "WBK", "belum", "memenuhi target", "rata-rata total"}

// ExportHead is the heading of the comparison table as the CSV and xlsx
// exports write it: the satker and its round, each column's score and
// verdict, the change against the previous round; grouped, the group and
// the kind of row first and the tally's columns last.
func (d *Dashboard) ExportHead(grouped bool) []string {
	head := []string{"satker", "nama", "jenis", "provinsi", "kabupaten/kota", "target", "evaluasi", "tahun", "tahap", "status",
		"dijawab", "pertanyaan", "progres (%)", "total", "maks", "verdict total", "predikat"}
	for _, c := range d.Columns {
		head = append(head, c.ID, c.ID+" verdict")
	}
	head = append(head, "perubahan (poin)", "arah", "evaluasi sebelumnya")
	if grouped {
		head = append(append([]string{"kelompok", "baris"}, head...), TallyHead...)
	}
	return head
}
