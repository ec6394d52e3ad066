package model

import (
	"slices"
	"strings"
)

// The comparison dashboard: one row per satker built from the compact
// record the store keeps of each evaluation (never by scoring again), so
// thousands of satkers filter, sort and group within one frame.

// Round is the compact record of one evaluation that comparisons read:
// what the store keeps of each evaluation in a satker's summary.
type Round struct {
	ID         string
	Year       int
	Stage      Stage
	Status     Status
	Instrument string // instrument id
	Answered   int
	Questions  int
	Total      float64
	Result     string             // highest predicate met; "" for none
	Verdicts   map[string]Verdict // top-level and area nodes with a verdict against the satker's target
	Scores     map[string]float64 // top-level and area nodes
}

// SatkerRounds is a satker with the compact records of its evaluations.
type SatkerRounds struct {
	Satker Satker
	Rounds []Round
}

// roundBefore orders rounds by year, then by the stages' order in a year.
func roundBefore(a, b *Round) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	return StageIndex(a.Stage) < StageIndex(b.Stage)
}

// StageIndex is a stage's place in a satker's year; unknown stages last.
func StageIndex(s Stage) int {
	if i := slices.Index(Stages, s); i >= 0 {
		return i
	}
	return len(Stages)
}

// Column is one component the dashboard shows per satker: an area of the
// pengungkit, or another top-level component (the hasil) as a whole.
type Column struct {
	ID    string
	Title string
	Short string  // header: the id in capitals (MP, SDM, HASIL)
	Max   float64 // its weight in the instrument the columns were taken from
	// Parts are the child nodes whose verdicts decide the column's verdict
	// when no rule names the column itself (the hasil: bersih and prima).
	Parts []string
}

// DashboardColumns are the components the dashboard shows for an
// instrument: every area of the first top-level node (the pengungkit, which
// the instrument format puts first), then every other top-level node as a
// whole (the hasil).
func DashboardColumns(in *Instrument) []Column {
	var cols []Column
	add := func(n *Node) {
		c := Column{ID: n.ID, Title: n.Title, Short: strings.ToUpper(n.ID), Max: n.Weight}
		for _, k := range n.Nodes {
			c.Parts = append(c.Parts, k.ID)
		}
		cols = append(cols, c)
	}
	for i, top := range in.Nodes {
		if i == 0 && len(top.Nodes) > 0 {
			for _, area := range top.Nodes {
				add(area)
			}
			continue
		}
		add(top)
	}
	return cols
}

// Cell is one component of one satker's row.
type Cell struct {
	Score   float64
	Max     float64 // 0 when the evaluation's instrument has no such component
	Verdict Verdict
}

// Ratio is the score as a share of the maximum, 0 without a maximum.
func (c Cell) Ratio() float64 {
	if c.Max <= 0 {
		return 0
	}
	return c.Score / c.Max
}

// Trend says which way a total moved against the previous round.
type Trend int8

const (
	Flat Trend = 0
	Up   Trend = 1
	Down Trend = -1
)

// Arrow is the trend as a glyph: ▲ ▼ or =.
func (t Trend) Arrow() string { return formOf(trendForms, t, Flat).glyph }

// Word is the trend as reports and spreadsheets write it: naik, turun or
// tetap.
func (t Trend) Word() string { return formOf(trendForms, t, Flat).word }

// trendForms are the trends' forms; anything else reads as Flat.
var trendForms = map[Trend]form{
	Flat: {"=", "tetap"},
	Up:   {"▲", "naik"},
	Down: {"▼", "turun"},
}

// trendEpsilon is half of the last decimal reports print: a change that
// shows as 0,00 points is no change.
const trendEpsilon = 0.005

// Delta is a row's change against the satker's previous round.
type Delta struct {
	Prev      string // the previous round's evaluation id; "" when there is none
	PrevYear  int
	PrevStage Stage
	PrevTotal float64
	Points    float64 // total now − total then
	Trend     Trend
}

// Has reports whether there is a previous round to compare with.
func (d Delta) Has() bool { return d.Prev != "" }

// DashboardRow is one satker with the evaluation the dashboard picked.
type DashboardRow struct {
	Satker     Satker
	Eval       string // evaluation id; "" when the satker has none that fits the pick
	Year       int
	Stage      Stage
	Status     Status
	Instrument string
	Answered   int
	Questions  int
	Total      float64
	Max        float64 // the instrument's maximum total; 0 when unknown
	Result     string  // highest predicate met; "" for none
	// TotalVerdict applies the target's rules on the total (total ≥ 75 for
	// WBK), so the total has a verdict like every component.
	TotalVerdict Verdict
	Cells        []Cell // one per column of the dashboard
	Delta        Delta

	// Lower-case keys made once per build; rows made by hand compute
	// them as they go.
	name   string // the name, for sorting
	region string // province and regency, for the region filter
	search string // id, name, province, regency and head, for the text filter
}

func nameKey(s Satker) string   { return strings.ToLower(s.Name) }
func regionKey(s Satker) string { return strings.ToLower(s.Province + "\x00" + s.Regency) }
func searchKey(s Satker) string {
	return strings.ToLower(s.ID + "\x00" + s.Name + "\x00" + s.Province + "\x00" + s.Regency + "\x00" + s.Head)
}

func (r *DashboardRow) nameKey() string {
	if r.name == "" {
		return nameKey(r.Satker)
	}
	return r.name
}

func (r *DashboardRow) regionKey() string {
	if r.region == "" {
		return regionKey(r.Satker)
	}
	return r.region
}

func (r *DashboardRow) searchKey() string {
	if r.search == "" {
		return searchKey(r.Satker)
	}
	return r.search
}

// HasEval reports whether the row holds an evaluation.
func (r *DashboardRow) HasEval() bool { return r.Eval != "" }

// Progress is the share of questions answered, 0..1.
func (r *DashboardRow) Progress() float64 {
	if r.Questions == 0 {
		return 0
	}
	return float64(r.Answered) / float64(r.Questions)
}

// MeetsTarget reports whether the result reaches the satker's target
// (WBBM also meets a WBK target).
func (r *DashboardRow) MeetsTarget() bool { return MeetsTarget(r.Result, r.Satker.Target) }

// MeetsTarget reports whether a predicate result reaches a target: WBBM
// also meets a WBK target; no result meets none.
func MeetsTarget(result, target string) bool {
	return result != "" && resultRank(result) >= resultRank(target)
}

// resultRank orders results: none < WBK < WBBM; another predicate id
// ranks as WBK.
func resultRank(s string) int {
	switch {
	case s == "":
		return 0
	case strings.EqualFold(s, WBBM):
		return 2
	}
	return 1
}

// RoundPick chooses which evaluation of each satker the dashboard shows.
type RoundPick struct {
	Year  int   // 0: the satker's latest year
	Stage Stage // "": the latest stage of that year
}

// pick returns the chosen round and the one its change is measured
// against, -1 when there is none. The change is year on year: the same
// stage in the nearest earlier year, else that year's latest round. A TPI
// is not compared with the same year's PMPZI, which would read the
// satker's own generosity as a decline.
func (p RoundPick) pick(rounds []Round) (cur, prev int) {
	cur = -1
	for i := range rounds {
		r := &rounds[i]
		if (p.Year != 0 && r.Year != p.Year) || (p.Stage != "" && r.Stage != p.Stage) {
			continue
		}
		if cur < 0 || roundBefore(&rounds[cur], r) {
			cur = i
		}
	}
	prev = -1
	if cur < 0 {
		return cur, prev
	}
	c := &rounds[cur]
	year := 0 // the nearest earlier year
	for i := range rounds {
		if y := rounds[i].Year; y < c.Year && y > year {
			year = y
		}
	}
	for i := range rounds {
		r := &rounds[i]
		switch {
		case r.Year != year:
		case r.Stage == c.Stage:
			return cur, i
		case prev < 0 || roundBefore(&rounds[prev], r):
			prev = i
		}
	}
	return cur, prev
}
