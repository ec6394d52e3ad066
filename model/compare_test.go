package model

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// roundOf scores answers into the compact record the store keeps: the
// top-level and area nodes' scores and verdicts.
func roundOf(t testing.TB, in *Instrument, satker string, year int, stage Stage, answers Answers, target string) Round {
	t.Helper()
	sc, err := Score(in, answers, target)
	if err != nil {
		t.Fatal(err)
	}
	r := Round{ID: EvaluationID(satker, year, stage), Year: year, Stage: stage, Status: Draft, Instrument: in.ID,
		Answered: sc.Answered, Questions: sc.Questions, Total: sc.Total, Result: sc.Result,
		Verdicts: map[string]Verdict{}, Scores: map[string]float64{}}
	add := func(n *Node) {
		ns, _ := sc.Node(n.ID)
		r.Scores[n.ID] = ns.Score
		if ns.Verdict != VerdictNone {
			r.Verdicts[n.ID] = ns.Verdict
		}
	}
	for _, top := range in.Nodes {
		add(top)
		for _, area := range top.Nodes {
			add(area)
		}
	}
	return r
}

func testSatker(id, name string, kind SatkerKind, province, regency, target string) Satker {
	return Satker{ID: id, Name: name, Kind: kind, Province: province, Regency: regency, Target: target, Head: "Kepala " + name}
}

// Answer sets of the mini instrument at known levels.
var (
	miniAll  = func(in *Instrument) Answers { return answerAll(in, true) } // 100: WBBM
	miniNone = Answers{"a1.1": Letter("T")}                                // 0, one answered
	// miniWBK: a1 20, a2 40·(0.67+1+1+1)/4 = 36.7, h 20 (index 2): 76.7, WBK but not WBBM.
	miniWBK = Answers{"a1.1": Letter("Y"), "a1.2": Letter("A"), "a2.1": Letter("B"), "a2.2": Letter("A"),
		"a2.3": Num(100), "a2.4": Letter("X"), "h.1": Num(2)}
)

func lookupIn(ins ...*Instrument) func(string) *Instrument {
	return func(id string) *Instrument {
		for _, in := range ins {
			if in.ID == id {
				return in
			}
		}
		return nil
	}
}

func TestDashboardColumns(t *testing.T) {
	ids := func(cols []Column) string {
		var s []string
		for _, c := range cols {
			s = append(s, c.ID+"/"+c.Short+"/"+strings.Join(c.Parts, "+"))
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name string
		in   *Instrument
		want string
	}{
		{"mini: areas of the first node, then the second as a whole", mini(t), "a1/A1/ a2/A2/ h/H/"},
		{"lke-zi-2021: six areas and the hasil with its two parts", mustBuiltin(t, "lke-zi-2021"),
			"mp/MP/mp.pemenuhan+mp.reform tl/TL/tl.pemenuhan+tl.reform sdm/SDM/sdm.pemenuhan+sdm.reform ak/AK/ak.pemenuhan+ak.reform pw/PW/pw.pemenuhan+pw.reform pp/PP/pp.pemenuhan+pp.reform hasil/HASIL/hasil.bersih+hasil.prima"},
		{"lke-zi-2014: six areas (no per-area rule) and the hasil", mustBuiltin(t, "lke-zi-2014"),
			"mp/MP/mp.i+mp.ii+mp.iii+mp.iv tl/TL/tl.i+tl.ii+tl.iii sdm/SDM/sdm.i+sdm.ii+sdm.iii+sdm.iv+sdm.v+sdm.vi ak/AK/ak.i+ak.ii pw/PW/pw.i+pw.ii+pw.iii+pw.iv+pw.v pp/PP/pp.i+pp.ii+pp.iii hasil/HASIL/hasil.bersih+hasil.pelayanan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(DashboardColumns(tt.in)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if cols := DashboardColumns(mustBuiltin(t, "lke-zi-2021")); cols[0].Max != 8 || cols[4].Max != 15 || cols[6].Max != 40 {
		t.Errorf("weights %v %v %v; want 8, 15, 40", cols[0].Max, cols[4].Max, cols[6].Max)
	}
}

func mustBuiltin(t testing.TB, id string) *Instrument {
	t.Helper()
	in, ok := Builtin(id)
	if !ok {
		t.Skipf("no built-in %s", id)
	}
	return in
}

func TestRoundPick(t *testing.T) {
	r := func(year int, stage Stage) Round {
		return Round{ID: fmt.Sprintf("%d/%s", year, stage), Year: year, Stage: stage}
	}
	// Out of order on purpose: the pick must not rely on the input order.
	rounds := []Round{r(2026, StagePMPZI), r(2025, StageTPN), r(2025, StagePMPZI), r(2026, StageTPI), r(2025, StageTPI),
		r(2024, StageTPN)}
	tests := []struct {
		name       string
		pick       RoundPick
		cur, prev  string
		noneChosen bool
	}{
		{"latest overall: the last stage of the last year, against the same stage a year before", RoundPick{}, "2026/TPI", "2025/TPI", false},
		{"a year: its last stage", RoundPick{Year: 2025}, "2025/TPN", "2024/TPN", false},
		{"a stage: its latest year", RoundPick{Stage: StagePMPZI}, "2026/PMPZI", "2025/PMPZI", false},
		{"no such stage the year before: that year's latest", RoundPick{Year: 2025, Stage: StageTPI}, "2025/TPI", "2024/TPN", false},
		{"the first year has no previous", RoundPick{Year: 2024}, "2024/TPN", "", false},
		{"nothing fits", RoundPick{Year: 2023}, "", "", true},
		{"a stage not held that year", RoundPick{Year: 2026, Stage: StageTPN}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur, prev := tt.pick.pick(rounds)
			name := func(i int) string {
				if i < 0 {
					return ""
				}
				return rounds[i].ID
			}
			if name(cur) != tt.cur || name(prev) != tt.prev || (cur < 0) != tt.noneChosen {
				t.Errorf("got %q after %q; want %q after %q", name(cur), name(prev), tt.cur, tt.prev)
			}
		})
	}
}

// miniDashboard: five satkers of the mini instrument at known levels.
func miniDashboard(t testing.TB) (Dashboard, *Instrument) {
	in := mini(t)
	units := []SatkerRounds{
		{testSatker("kk-magelang", "Kantor Kemenag Kabupaten Magelang", Kankemenag, "Jawa Tengah", "Kabupaten Magelang", WBBM), []Round{
			roundOf(t, in, "kk-magelang", 2025, StagePMPZI, miniWBK, WBBM),
			roundOf(t, in, "kk-magelang", 2026, StagePMPZI, miniAll(in), WBBM),
		}},
		{testSatker("kua-mertoyudan", "KUA Kecamatan Mertoyudan", KUA, "Jawa Tengah", "Kabupaten Magelang", WBK), []Round{
			roundOf(t, in, "kua-mertoyudan", 2025, StageTPI, miniAll(in), WBK),
			roundOf(t, in, "kua-mertoyudan", 2026, StagePMPZI, miniAll(in), WBK),
			roundOf(t, in, "kua-mertoyudan", 2026, StageTPI, miniWBK, WBK),
		}},
		{testSatker("kua-tombatu", "KUA Kecamatan Tombatu", KUA, "Sulawesi Utara", "Kabupaten Minahasa Tenggara", WBK), []Round{
			roundOf(t, in, "kua-tombatu", 2026, StagePMPZI, miniNone, WBK),
		}},
		{testSatker("man-1-sinjai", "MAN 1 Sinjai", Madrasah, "Sulawesi Selatan", "Kabupaten Sinjai", WBK), []Round{
			roundOf(t, in, "man-1-sinjai", 2025, StagePMPZI, miniWBK, WBK),
		}},
		{testSatker("kanwil-bengkulu", "Kanwil Kemenag Provinsi Bengkulu", Kanwil, "Bengkulu", "Kota Bengkulu", WBK), nil},
	}
	return BuildDashboard(units, RoundPick{Year: 2026}, lookupIn(in)), in
}

func rowByID(t testing.TB, d *Dashboard, id string) *DashboardRow {
	t.Helper()
	for i := range d.Rows {
		if d.Rows[i].Satker.ID == id {
			return &d.Rows[i]
		}
	}
	t.Fatalf("no row %s", id)
	return nil
}

func TestBuildDashboardRows(t *testing.T) {
	d, _ := miniDashboard(t)
	if len(d.Rows) != 5 || len(d.Columns) != 3 {
		t.Fatalf("%d rows, %d columns; want 5 and 3", len(d.Rows), len(d.Columns))
	}
	if fmt.Sprint(d.Years) != "[2026 2025]" {
		t.Errorf("years %v; want every year with a round, newest first: [2026 2025]", d.Years)
	}
	tests := []struct {
		satker       string
		eval         string
		total        float64
		result       string
		totalVerdict Verdict
		cells        string // score/max/verdict per column
		delta        string // points and arrow against the previous round
		progress     float64
	}{
		{"kk-magelang", "kk-magelang/2026/PMPZI", 100, WBBM, Pass, "20/20/pass 40/40/pass 40/40/pass", "+23.30▲ from kk-magelang/2025/PMPZI", 1},
		{"kua-mertoyudan", "kua-mertoyudan/2026/TPI", 76.7, WBK, Pass, "20/20/pass 36.7/40/pass 20/40/pass", "-23.30▼ from kua-mertoyudan/2025/TPI", 1},
		{"kua-tombatu", "kua-tombatu/2026/PMPZI", 0, "", Fail, "0/20/fail 0/40/fail 0/40/fail", "none", 1.0 / 7},
		{"man-1-sinjai", "", 0, "", VerdictNone, "0/0/ 0/0/ 0/0/", "none", 0},
		{"kanwil-bengkulu", "", 0, "", VerdictNone, "0/0/ 0/0/ 0/0/", "none", 0},
	}
	for _, tt := range tests {
		t.Run(tt.satker, func(t *testing.T) {
			r := rowByID(t, &d, tt.satker)
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, fmt.Sprintf("%.4g/%.4g/%s", c.Score, c.Max, c.Verdict))
			}
			delta := "none"
			if r.Delta.Has() {
				delta = fmt.Sprintf("%+.2f%s from %s", r.Delta.Points, r.Delta.Trend.Arrow(), r.Delta.Prev)
			}
			if r.Eval != tt.eval || !near(r.Total, tt.total) || r.Result != tt.result || r.TotalVerdict != tt.totalVerdict ||
				strings.Join(cells, " ") != tt.cells || delta != tt.delta || !near(r.Progress(), tt.progress) {
				t.Errorf("got  %s %v %q %q [%s] %s %.3f\nwant %s %v %q %q [%s] %s %.3f", r.Eval, r.Total, r.Result, r.TotalVerdict,
					strings.Join(cells, " "), delta, r.Progress(), tt.eval, tt.total, tt.result, tt.totalVerdict, tt.cells, tt.delta, tt.progress)
			}
		})
	}
	// The WBBM target judges the total at 80: 76.7 would fail it.
	if r := rowByID(t, &d, "kk-magelang"); !r.MeetsTarget() || r.Max != 100 {
		t.Errorf("kk-magelang: meets %v, max %v", r.MeetsTarget(), r.Max)
	}
	if r := rowByID(t, &d, "kua-tombatu"); r.MeetsTarget() {
		t.Error("kua-tombatu meets its target with nothing")
	}
}

func TestBuildDashboardVerdictsAndInstruments(t *testing.T) {
	in := mini(t)
	s := testSatker("kk-a", "Kantor A", Kankemenag, "Aceh", "", WBBM)
	tests := []struct {
		name   string
		target string
		round  Round
		look   func(string) *Instrument
		check  func(t *testing.T, d Dashboard)
	}{
		{"a WBBM target judges the total at 80", WBBM, roundOf(t, in, "kk-a", 2026, StagePMPZI, miniWBK, WBBM), lookupIn(in),
			func(t *testing.T, d Dashboard) {
				if r := d.Rows[0]; r.TotalVerdict != Fail || r.Result != WBK || r.MeetsTarget() {
					t.Errorf("total verdict %q result %q meets %v; want fail, WBK, false", r.TotalVerdict, r.Result, r.MeetsTarget())
				}
			}},
		{"a target the instrument lacks falls back to the lowest", "PAKSA", roundOf(t, in, "kk-a", 2026, StagePMPZI, miniWBK, ""), lookupIn(in),
			func(t *testing.T, d Dashboard) {
				if v := d.Rows[0].TotalVerdict; v != Pass {
					t.Errorf("total verdict %q; want pass against WBK's 50", v)
				}
			}},
		{"hasil without its own rule takes its parts' verdicts", WBK, Round{ID: "x", Year: 2026, Stage: StagePMPZI, Instrument: "lke-zi-2021",
			Verdicts: map[string]Verdict{"hasil.bersih": Pass, "hasil.prima": Fail, "mp": Pass}, Scores: map[string]float64{"hasil": 30, "mp": 7}},
			lookupIn(mustBuiltin(t, "lke-zi-2021")),
			func(t *testing.T, d Dashboard) {
				r := d.Rows[0]
				if r.Cells[6].Verdict != Fail || r.Cells[6].Score != 30 || r.Cells[0].Verdict != Pass || r.Cells[1].Verdict != VerdictNone {
					t.Errorf("cells %+v", r.Cells)
				}
			}},
		{"an unknown instrument keeps the scores with the columns' maxima", WBK, Round{ID: "x", Year: 2026, Stage: StagePMPZI, Instrument: "hilang",
			Scores: map[string]float64{"a1": 5}}, func(id string) *Instrument {
			if id == DefaultInstrument {
				return in // the columns' source when the rows' own is unknown
			}
			return nil
		},
			func(t *testing.T, d Dashboard) {
				r := d.Rows[0]
				if len(d.Columns) != 3 || r.Cells[0].Score != 5 || r.Cells[0].Max != 20 {
					t.Errorf("cells %+v", r.Cells)
				}
				if r.TotalVerdict != VerdictNone || r.Max != 0 {
					t.Errorf("total verdict %q max %v; want none, 0", r.TotalVerdict, r.Max)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.Target = tt.target
			d := BuildDashboard([]SatkerRounds{{s, []Round{tt.round}}}, RoundPick{}, tt.look)
			tt.check(t, d)
		})
	}
}

func TestBuildDashboardColumnsFromTheMostUsedInstrument(t *testing.T) {
	in, old := mustBuiltin(t, "lke-zi-2021"), mustBuiltin(t, "lke-zi-2014")
	var units []SatkerRounds
	for i, id := range []string{old.ID, old.ID, in.ID} {
		sid := fmt.Sprintf("kk-%d", i)
		units = append(units, SatkerRounds{testSatker(sid, sid, Kankemenag, "Aceh", "", WBK),
			[]Round{{ID: sid, Year: 2020, Stage: StagePMPZI, Instrument: id, Scores: map[string]float64{"mp": 4, "hasil": 30}}}})
	}
	d := BuildDashboard(units, RoundPick{}, lookupIn(in, old))
	if d.Columns[0].Max != 5 || d.Rows[2].Cells[0].Max != 8 || d.Rows[0].Cells[0].Max != 5 || d.Rows[2].Max != 100 {
		t.Errorf("columns from %v; row maxima %v %v", d.Columns[0].Max, d.Rows[0].Cells[0].Max, d.Rows[2].Cells[0].Max)
	}
	if got := d.Columns[6].Parts; !slices.Equal(got, []string{"hasil.bersih", "hasil.pelayanan"}) {
		t.Errorf("hasil parts %v; want the 2014 instrument's", got)
	}
}

func ids(rows []*DashboardRow) string {
	var s []string
	for _, r := range rows {
		s = append(s, r.Satker.ID)
	}
	return strings.Join(s, " ")
}

func TestDashboardFilter(t *testing.T) {
	d, _ := miniDashboard(t)
	tests := []struct {
		name string
		f    DashboardFilter
		want string
	}{
		{"nothing set: every row", DashboardFilter{}, "kk-magelang kua-mertoyudan kua-tombatu man-1-sinjai kanwil-bengkulu"},
		{"region: part of the province, any case", DashboardFilter{Region: "sulawesi"}, "kua-tombatu man-1-sinjai"},
		{"region: part of the kab/kota", DashboardFilter{Region: "MINAHASA"}, "kua-tombatu"},
		{"region: no row", DashboardFilter{Region: "papua"}, ""},
		{"province: exactly", DashboardFilter{Province: "Jawa Tengah"}, "kk-magelang kua-mertoyudan"},
		{"province: not a part of one", DashboardFilter{Province: "Jawa"}, ""},
		{"kind", DashboardFilter{Kind: KUA}, "kua-mertoyudan kua-tombatu"},
		{"target", DashboardFilter{Target: "wbbm"}, "kk-magelang"},
		{"stage: only rows evaluated at it", DashboardFilter{Stage: StageTPI}, "kua-mertoyudan"},
		{"result WBBM", DashboardFilter{Result: WBBM}, "kk-magelang"},
		{"result WBK excludes WBBM", DashboardFilter{Result: WBK}, "kua-mertoyudan"},
		{"result none includes the unevaluated", DashboardFilter{Result: ResultNone}, "kua-tombatu man-1-sinjai kanwil-bengkulu"},
		{"year: only rows evaluated that year", DashboardFilter{Year: 2026}, "kk-magelang kua-mertoyudan kua-tombatu"},
		{"text: the name, any case", DashboardFilter{Text: "kecamatan"}, "kua-mertoyudan kua-tombatu"},
		{"text: the head", DashboardFilter{Text: "kepala man 1"}, "man-1-sinjai"},
		{"text: the id", DashboardFilter{Text: "kanwil-"}, "kanwil-bengkulu"},
		{"all together", DashboardFilter{Region: "jawa", Kind: KUA, Result: WBK, Text: "mertoyudan"}, "kua-mertoyudan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := d.Filter(tt.f)
			if got := ids(rows); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			for _, r := range d.Rows {
				r.search, r.region, r.name = "", "", "" // a row made by hand filters alike
				if want := strings.Contains(" "+tt.want+" ", " "+r.Satker.ID+" "); tt.f.Match(&r) != want {
					t.Errorf("Match(%s) = %v on a row made by hand", r.Satker.ID, !want)
				}
			}
		})
	}
}

func TestDashboardSort(t *testing.T) {
	d, _ := miniDashboard(t)
	tests := []struct {
		key  string
		want string
	}{
		{"total", "kua-tombatu kua-mertoyudan kk-magelang kanwil-bengkulu man-1-sinjai"},
		{"-total", "kk-magelang kua-mertoyudan kua-tombatu kanwil-bengkulu man-1-sinjai"},
		{"name", "kk-magelang kanwil-bengkulu kua-mertoyudan kua-tombatu man-1-sinjai"},
		{"-name", "man-1-sinjai kua-tombatu kua-mertoyudan kanwil-bengkulu kk-magelang"},
		{"kind", "kanwil-bengkulu kk-magelang kua-mertoyudan kua-tombatu man-1-sinjai"},
		{"province", "kanwil-bengkulu kk-magelang kua-mertoyudan man-1-sinjai kua-tombatu"},
		{"-result", "kk-magelang kua-mertoyudan kua-tombatu kanwil-bengkulu man-1-sinjai"},
		{"-target", "kk-magelang kanwil-bengkulu kua-mertoyudan kua-tombatu man-1-sinjai"},
		{"stage", "kk-magelang kua-tombatu kua-mertoyudan kanwil-bengkulu man-1-sinjai"},
		{"progress", "kua-tombatu kk-magelang kua-mertoyudan kanwil-bengkulu man-1-sinjai"},
		{"delta", "kua-mertoyudan kk-magelang kanwil-bengkulu kua-tombatu man-1-sinjai"},
		{"-delta", "kk-magelang kua-mertoyudan kanwil-bengkulu kua-tombatu man-1-sinjai"},
		{"-h", "kk-magelang kua-mertoyudan kua-tombatu kanwil-bengkulu man-1-sinjai"},
		{"a2", "kua-tombatu kua-mertoyudan kk-magelang kanwil-bengkulu man-1-sinjai"},
		{"satker", "kanwil-bengkulu kk-magelang kua-mertoyudan kua-tombatu man-1-sinjai"},
		{"-satker", "man-1-sinjai kua-tombatu kua-mertoyudan kk-magelang kanwil-bengkulu"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			k, err := d.ParseSort(tt.key)
			if err != nil {
				t.Fatal(err)
			}
			rows := d.Filter(DashboardFilter{})
			d.Sort(rows, k)
			if got := ids(rows); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	_, err := d.ParseSort("nilai")
	if err == nil || !strings.Contains(err.Error(), `"nilai"`) || !strings.Contains(err.Error(), "total") || !strings.Contains(err.Error(), "a1") {
		t.Errorf("unknown column: %v", err)
	}
}

func TestGroupRows(t *testing.T) {
	d, _ := miniDashboard(t)
	rows := d.Filter(DashboardFilter{})
	d.Sort(rows, SortKey{Column: "total", Desc: true})
	show := func(gs []DashboardGroup) string {
		var s []string
		for _, g := range gs {
			tl := g.Tally
			s = append(s, fmt.Sprintf("%s[%s] n%d e%d wbbm%d wbk%d none%d on%d mean%.2f", g.Key, ids(g.Rows), tl.Satkers, tl.Evaluated, tl.WBBM, tl.WBK, tl.None, tl.OnTarget, tl.MeanTotal))
		}
		return strings.Join(s, "; ")
	}
	tests := []struct {
		by   GroupBy
		want string
	}{
		{GroupRegion, "Bengkulu[kanwil-bengkulu] n1 e0 wbbm0 wbk0 none1 on0 mean0.00; " +
			"Jawa Tengah[kk-magelang kua-mertoyudan] n2 e2 wbbm1 wbk1 none0 on2 mean88.35; " +
			"Sulawesi Selatan[man-1-sinjai] n1 e0 wbbm0 wbk0 none1 on0 mean0.00; " +
			"Sulawesi Utara[kua-tombatu] n1 e1 wbbm0 wbk0 none1 on0 mean0.00"},
		{GroupKind, "Kanwil[kanwil-bengkulu] n1 e0 wbbm0 wbk0 none1 on0 mean0.00; " +
			"Kantor Kemenag Kab/Kota[kk-magelang] n1 e1 wbbm1 wbk0 none0 on1 mean100.00; " +
			"KUA[kua-mertoyudan kua-tombatu] n2 e2 wbbm0 wbk1 none1 on1 mean38.35; " +
			"Madrasah[man-1-sinjai] n1 e0 wbbm0 wbk0 none1 on0 mean0.00"},
		{GroupNone, "[kk-magelang kua-mertoyudan kua-tombatu kanwil-bengkulu man-1-sinjai] n5 e3 wbbm1 wbk1 none3 on2 mean58.90"},
	}
	for _, tt := range tests {
		t.Run(string(tt.by)+"-", func(t *testing.T) {
			if got := show(GroupRows(rows, tt.by)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestDistribute(t *testing.T) {
	in := mini(t)
	var units []SatkerRounds
	// h scores 0, 27.96, 28, 39.96 and 40 of 40: bins 0, 6, 7, 9 and 9 of 10.
	for i, idx := range []float64{0, 2.796, 2.8, 3.996, 4} {
		id := fmt.Sprintf("kk-%d", i)
		units = append(units, SatkerRounds{testSatker(id, id, Kankemenag, "Aceh", "", WBK),
			[]Round{roundOf(t, in, id, 2026, StagePMPZI, Answers{"h.1": Num(idx), "a1.1": Letter("Y"), "a1.2": Letter("A")}, WBK)}})
	}
	units = append(units, SatkerRounds{Satker: testSatker("kk-x", "x", Kankemenag, "Aceh", "", WBK)}) // no evaluation: left out
	d := BuildDashboard(units, RoundPick{}, lookupIn(in))
	dist := d.Distribute(d.Filter(DashboardFilter{}), 0)
	if dist.Bins != 10 || len(dist.Components) != 4 {
		t.Fatalf("%d bins, %d components", dist.Bins, len(dist.Components))
	}
	show := func(s Spread) string {
		return fmt.Sprintf("%s pass%d fail%d none%d rows%d %v", s.ID, s.Pass, s.Fail, s.None, s.Rows, s.Bins)
	}
	want := []string{
		"a1 pass5 fail0 none0 rows5 [0 0 0 0 0 0 0 0 0 5]",
		"a2 pass0 fail5 none0 rows5 [5 0 0 0 0 0 0 0 0 0]",
		"h pass4 fail1 none0 rows5 [1 0 0 0 0 0 1 1 0 2]",
		// totals 20, 47.96, 48, 59.96, 60: WBK needs 50.
		"total pass2 fail3 none0 rows5 [0 0 1 0 2 1 1 0 0 0]",
	}
	for i, w := range want {
		if got := show(dist.Components[i]); got != w {
			t.Errorf("got  %s\nwant %s", got, w)
		}
	}
	if got := dist.BinLabel(7); got != "70–80%" {
		t.Errorf("bin label %q", got)
	}
	if got := d.Distribute(nil, 4); len(got.Components[0].Bins) != 4 || got.Components[3].Rows != 0 {
		t.Errorf("empty distribution %+v", got)
	}
}

func TestParseDashboardValues(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (string, error)
		in    string
		want  string
		errs  []string // parts of the error; nil when accepted
	}{
		{"kind by name", func(s string) (string, error) { k, err := ParseKind(s); return string(k), err }, "kua", "KUA", nil},
		{"kind by short name", func(s string) (string, error) { k, err := ParseKind(s); return string(k), err }, "Kankemenag", string(Kankemenag), nil},
		{"kind unknown", func(s string) (string, error) { k, err := ParseKind(s); return string(k), err }, "pesantren", "", []string{`"pesantren"`, "Madrasah", "PTKN"}},
		{"result", ParseResult, "wbbm", WBBM, nil},
		{"result none", ParseResult, "None", ResultNone, nil},
		{"result unknown", ParseResult, "WBX", "", []string{`"WBX"`, "WBK, WBBM, none"}},
		{"target", ParseTarget, "wbk", WBK, nil},
		{"target unknown", ParseTarget, "none", "", []string{`"none"`, "WBK atau WBBM"}},
		{"group", func(s string) (string, error) { g, err := ParseGroupBy(s); return string(g), err }, "Region", "region", nil},
		{"group unknown", func(s string) (string, error) { g, err := ParseGroupBy(s); return string(g), err }, "provinsi", "", []string{`"provinsi"`, "region atau kind"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(tt.in)
			if tt.errs == nil {
				if err != nil || got != tt.want {
					t.Errorf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted as %q", got)
			}
			for _, e := range tt.errs {
				if !strings.Contains(err.Error(), e) {
					t.Errorf("error %q lacks %q", err, e)
				}
			}
		})
	}
}

func TestQuestionPoints(t *testing.T) {
	in := mini(t)
	tests := []struct {
		qid  string
		v    Value
		want float64
	}{
		{"a1.1", Letter("Y"), 20 * 1.0 / 4},
		{"a1.2", Letter("B"), 20 * 3 * 0.5 / 4},
		{"a2.1", Letter("B"), 40 * 0.67 / 4},
		{"a2.3", Num(80), 40 * 0.8 / 4},
		{"h.1", Num(3.6), 36},
		{"a1.1", Value{}, 0},
		{"a1.1", Letter("Q"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.qid+"="+tt.v.String(), func(t *testing.T) {
			got, ok := in.QuestionPoints(tt.qid, tt.v)
			if !ok || !near(got, tt.want) {
				t.Errorf("got %v, %v; want %v", got, ok, tt.want)
			}
		})
	}
	if _, ok := in.QuestionPoints("zz", Letter("Y")); ok {
		t.Error("unknown question accepted")
	}
	if m, ok := in.QuestionMax("a1.2"); !ok || m != 15 {
		t.Errorf("max of a1.2 %v; want 15", m)
	}
	// The same number scoring gives: alone exactly, together to rounding.
	for _, in := range append(Builtins(), in) {
		for seed := 0; seed < 5; seed++ {
			answers := variedAnswers(in, seed)
			sum := 0.0
			for _, q := range in.Questions() {
				p, _ := in.QuestionPoints(q.ID, answers[q.ID])
				sum += p
				alone, _ := Score(in, Answers{q.ID: answers[q.ID]}, "")
				if alone.Total != p {
					t.Fatalf("%s %s: %v alone, %v as points", in.ID, q.ID, alone.Total, p)
				}
				if m, _ := in.QuestionMax(q.ID); p > m+1e-12 {
					t.Fatalf("%s %s: %v over its maximum %v", in.ID, q.ID, p, m)
				}
			}
			sc, _ := Score(in, answers, "")
			if math.Abs(sum-sc.Total) > 1e-9 {
				t.Errorf("%s seed %d: points add up to %v; the total is %v", in.ID, seed, sum, sc.Total)
			}
		}
	}
}
