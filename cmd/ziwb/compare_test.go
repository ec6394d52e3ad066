package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// compareJSON is the shape "ziwb compare --format json" promises.
type compareJSON struct {
	Columns []struct {
		ID  string
		Max float64
	}
	Rows []struct {
		Satker, Kind, Province, Target string
		Evaluation, Result             *string
		TotalVerdict                   *string `json:"total_verdict"`
		Stage                          string
		Year                           int
		Total, Max                     float64
		Cells                          map[string]struct {
			Score, Max float64
			Verdict    *string
		}
		Delta *struct {
			Previous string
			Points   float64
			Trend    string
		}
	}
	Groups []struct {
		Key     string
		Satkers []string
		Tally   struct{ Satkers, WBBM, WBK, None int }
	}
	Tally struct{ Satkers, Evaluated, WBBM, WBK, None int }
}

func compareOK(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := ziwb(t, append([]string{"compare"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %v: exit %d\n%s", args, code, errOut)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("compare %v writes escape codes", args)
	}
	return out
}

// compareInto runs compare --format json on the database at path, with
// args, and decodes what it writes into v.
func compareInto(t *testing.T, v any, path string, args ...string) {
	t.Helper()
	out := compareOK(t, append([]string{"--db", path, "--format", "json"}, args...)...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatal(err)
	}
}

// withStore reads the database directly, closing it before the next
// command opens it.
func withStore(t *testing.T, path string, read func(db *store.DB)) {
	t.Helper()
	db := mustOpen(t, path, true)
	defer db.Close()
	read(db)
}

func TestCompareDashboardAgreesWithScorecards(t *testing.T) {
	path := demoDB(t)
	var got compareJSON
	compareInto(t, &got, path)
	csvOut, md := compareOK(t, "--db", path, "--format", "csv"), compareOK(t, "--db", path)
	var sats []model.Satker
	withStore(t, path, func(db *store.DB) {
		sats, _ = db.Satkers()
		checkRowsAgainstStore(t, db, got)
	})
	// The same table as CSV: one line per satker, the same totals.
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(sats)+1 || recs[0][0] != "satker" || recs[0][13] != "total" {
		t.Fatalf("%d CSV lines, header %v", len(recs), recs[0])
	}
	for i, rec := range recs[1:] {
		r := got.Rows[i]
		total, err := strconv.ParseFloat(rec[13], 64)
		if rec[0] != r.Satker || (r.Evaluation == nil) != (rec[13] == "") || (r.Evaluation != nil && (err != nil || math.Abs(total-r.Total) > 0.00005)) {
			t.Errorf("CSV line %d: %s %s; JSON %s %v", i+1, rec[0], rec[13], r.Satker, r.Total)
		}
	}

	for _, want := range []string{"# Perbandingan Satker Zona Integritas", "| Satker | Jenis |", "| MP | TL | SDM | AK | PW | PP | HASIL |",
		"MP = Manajemen Perubahan (8,00)", fmt.Sprintf("**Jumlah: %d satker", len(sats)), "belum ada evaluasi", "✓ LULUS"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%.1500s", want, md)
		}
	}
	for _, s := range sats {
		if !strings.Contains(md, "("+s.ID+")") {
			t.Errorf("markdown lacks %s", s.ID)
		}
	}
}

// checkRowsAgainstStore checks every row of the JSON table against the
// stored evaluations' scorecards.
func checkRowsAgainstStore(t *testing.T, db *store.DB, got compareJSON) {
	t.Helper()
	sats, _ := db.Satkers()
	if len(got.Rows) != len(sats) || got.Tally.Satkers != len(sats) || len(got.Columns) != 7 {
		t.Fatalf("%d rows, tally %+v, %d columns; want one row per satker (%d) and 7 columns", len(got.Rows), got.Tally, len(got.Columns), len(sats))
	}
	results := map[string]int{}
	for _, r := range got.Rows {
		evals, _ := db.Evaluations(r.Satker)
		if len(evals) == 0 {
			if r.Evaluation != nil {
				t.Errorf("%s: row holds %s without evaluations", r.Satker, *r.Evaluation)
			}
			results[""]++
			continue
		}
		last := evals[len(evals)-1]
		sc, _, _ := db.Scorecard(last.ID)
		if r.Evaluation == nil || *r.Evaluation != last.ID || r.Total != sc.Total || (r.Result == nil) != (sc.Result == "") {
			t.Errorf("%s: row %v %v; latest %s %v %q", r.Satker, r.Evaluation, r.Total, last.ID, sc.Total, sc.Result)
		}
		for id, c := range r.Cells {
			if ns, _ := sc.Node(id); ns.Score != c.Score || ns.Max != c.Max {
				t.Errorf("%s %s: cell %v/%v; scorecard %v/%v", r.Satker, id, c.Score, c.Max, ns.Score, ns.Max)
			}
		}
		// Year on year: the same stage in the nearest earlier year, else
		// that year's latest round (evals in year, stage order).
		prevAt, year := -1, 0
		for _, e := range evals {
			if e.Year < last.Year && e.Year > year {
				year = e.Year
			}
		}
		for j, e := range evals {
			if e.Year == year && (prevAt < 0 || evals[prevAt].Stage != last.Stage) {
				prevAt = j
			}
		}
		if prevAt >= 0 {
			prev, _, _ := db.Scorecard(evals[prevAt].ID)
			if r.Delta == nil || r.Delta.Previous != evals[prevAt].ID || math.Abs(r.Delta.Points-(sc.Total-prev.Total)) > 1e-9 {
				t.Errorf("%s: change %+v; want %v against %s", r.Satker, r.Delta, sc.Total-prev.Total, evals[prevAt].ID)
			}
		} else if r.Delta != nil {
			t.Errorf("%s: a change against %s with no earlier year", r.Satker, r.Delta.Previous)
		}
		results[sc.Result]++
	}
	if got.Tally.WBBM != results[model.WBBM] || got.Tally.WBK != results[model.WBK] || got.Tally.None != results[""] {
		t.Errorf("tally %+v; counted %v", got.Tally, results)
	}
}

func TestCompareFilterSortGroup(t *testing.T) {
	path := demoDB(t)
	rows := func(args ...string) compareJSON {
		t.Helper()
		var got compareJSON
		compareInto(t, &got, path, args...)
		return got
	}
	all := rows()
	t.Run("kind and region", func(t *testing.T) {
		got := rows("--kind", "kua", "--region", "SULAWESI")
		n := 0
		for _, r := range all.Rows {
			if r.Kind == string(model.KUA) && strings.Contains(r.Province, "Sulawesi") {
				n++
			}
		}
		if len(got.Rows) != n || n == 0 {
			t.Errorf("%d rows; want %d", len(got.Rows), n)
		}
		for _, r := range got.Rows {
			if r.Kind != string(model.KUA) || !strings.Contains(r.Province, "Sulawesi") {
				t.Errorf("%s (%s, %s) passes the filter", r.Satker, r.Kind, r.Province)
			}
		}
	})
	t.Run("result none and target", func(t *testing.T) {
		for _, r := range rows("--result", "none", "--target", "WBK").Rows {
			if r.Result != nil || r.Target != model.WBK {
				t.Errorf("%s: result %v target %s; want none and WBK", r.Satker, r.Result != nil, r.Target)
			}
		}
	})
	t.Run("sort by total, descending, the unevaluated last", func(t *testing.T) {
		got := rows("--sort", "-total")
		seenEmpty := false
		for i, r := range got.Rows {
			if r.Evaluation == nil {
				seenEmpty = true
				continue
			}
			if seenEmpty {
				t.Errorf("%s after a row without evaluation", r.Satker)
			}
			if i > 0 && got.Rows[i-1].Evaluation != nil && got.Rows[i-1].Total < r.Total {
				t.Errorf("%s (%v) after %s (%v)", r.Satker, r.Total, got.Rows[i-1].Satker, got.Rows[i-1].Total)
			}
		}
	})
	t.Run("stage: every row evaluated at it", func(t *testing.T) {
		got := rows("--stage", "tpi")
		if len(got.Rows) == 0 {
			t.Fatal("no TPI in the demo")
		}
		for _, r := range got.Rows {
			if r.Stage != string(model.StageTPI) {
				t.Errorf("%s: stage %s", r.Satker, r.Stage)
			}
		}
	})
	t.Run("group by region with subtotals", func(t *testing.T) {
		got := rows("--group", "region")
		n, wbbm := 0, 0
		for i, g := range got.Groups {
			n += len(g.Satkers)
			wbbm += g.Tally.WBBM
			if g.Tally.Satkers != len(g.Satkers) || g.Tally.WBBM+g.Tally.WBK+g.Tally.None != g.Tally.Satkers {
				t.Errorf("group %s: tally %+v for %d satkers", g.Key, g.Tally, len(g.Satkers))
			}
			if i > 0 && got.Groups[i-1].Key >= g.Key {
				t.Errorf("group %s after %s", g.Key, got.Groups[i-1].Key)
			}
		}
		if n != len(all.Rows) || wbbm != all.Tally.WBBM {
			t.Errorf("groups hold %d satkers, %d WBBM; want %d, %d", n, wbbm, len(all.Rows), all.Tally.WBBM)
		}
		md := compareOK(t, "--db", path, "--group", "kind")
		if !strings.Contains(md, "## KUA") || !strings.Contains(md, "Subtotal KUA:") || strings.Index(md, "## Kanwil") > strings.Index(md, "## KUA") {
			t.Errorf("grouped markdown:\n%.2000s", md)
		}
		recs, err := csv.NewReader(strings.NewReader(compareOK(t, "--db", path, "--group", "kind", "--format", "csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		subtotals := 0
		for _, rec := range recs[1:] {
			if rec[1] == "subtotal" {
				subtotals++
			}
		}
		if recs[0][0] != "kelompok" || subtotals == 0 || len(recs) != 1+len(all.Rows)+subtotals {
			t.Errorf("grouped CSV: %d lines, %d subtotals, header %v", len(recs), subtotals, recs[0][:3])
		}
	})
	t.Run("to a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "dasbor.csv")
		out, errOut, code := ziwb(t, "compare", "--db", path, "--format", "csv", "-o", file)
		data, err := os.ReadFile(file)
		if code != 0 || out != "" || err != nil || !strings.HasPrefix(string(data), "satker,") || !strings.Contains(errOut, file) {
			t.Errorf("exit %d, stdout %q, stderr %q, file %v %.40q", code, out, errOut, err, data)
		}
	})
}

func TestCompareGap(t *testing.T) {
	path := demoDB(t)
	var (
		sums         []store.SatkerSummary
		pair, single string
		g            store.Gap
	)
	withStore(t, path, func(db *store.DB) { sums, _ = db.SatkerSummaries() })
	for _, s := range sums {
		stages := map[model.Stage]bool{}
		for _, e := range s.Evaluations {
			stages[e.Stage] = true
		}
		switch {
		case stages[model.StagePMPZI] && stages[model.StageTPI] && pair == "":
			pair = s.Satker.ID
		case len(s.Evaluations) == 1 && stages[model.StagePMPZI]:
			single = s.Satker.ID
		}
	}
	if pair == "" || single == "" {
		t.Fatalf("the demo lacks a satker with PMPZI and TPI (%q) or with PMPZI only (%q)", pair, single)
	}
	withStore(t, path, func(db *store.DB) {
		var err error
		if g, err = db.AnswerGap(pair, 0, ""); err != nil {
			t.Fatal(err)
		}
	})

	var got struct {
		Satker string
		Self   struct{ Evaluation string }
		Eval   struct{ Evaluation string }
		Gap    float64
		Areas  []struct {
			ID  string
			Gap float64
		}
		Questions []struct {
			ID      string
			Gap     float64
			Differs bool
			Eval    struct{ Note string }
		}
		SameLeftOut int `json:"same_left_out"`
	}
	compareInto(t, &got, path, "--satker", pair, "--gap")
	if got.Satker != pair || got.Self.Evaluation != g.Self.ID || got.Eval.Evaluation != g.Eval.ID || got.Gap != g.Report.Gap {
		t.Errorf("gap of %s: %s vs %s, %v; want %s vs %s, %v", got.Satker, got.Self.Evaluation, got.Eval.Evaluation, got.Gap, g.Self.ID, g.Eval.ID, g.Report.Gap)
	}
	sum := 0.0
	for _, a := range got.Areas {
		sum += a.Gap
	}
	if math.Abs(sum-got.Gap) > 1e-9 || len(got.Areas) == 0 {
		t.Errorf("areas add up to %v; the gap is %v", sum, got.Gap)
	}
	differing := 0
	for i, q := range got.Questions {
		if !q.Differs && q.Gap == 0 {
			t.Errorf("%s: answered alike, listed without --all", q.ID)
		}
		if i > 0 && math.Abs(q.Gap) > math.Abs(got.Questions[i-1].Gap)+1e-9 {
			t.Errorf("%s (%v) after %s (%v)", q.ID, q.Gap, got.Questions[i-1].ID, got.Questions[i-1].Gap)
		}
		if q.Differs {
			differing++
		}
	}
	if differing == 0 || len(got.Questions)+got.SameLeftOut != len(g.Report.Questions) {
		t.Errorf("%d questions listed, %d left out; the report has %d", len(got.Questions), got.SameLeftOut, len(g.Report.Questions))
	}
	var everything struct{ Questions []json.RawMessage }
	json.Unmarshal([]byte(compareOK(t, "--db", path, "--satker", pair, "--gap", "--all", "--format", "json")), &everything)
	if len(everything.Questions) != len(g.Report.Questions) {
		t.Errorf("--all lists %d questions; the report has %d", len(everything.Questions), len(g.Report.Questions))
	}

	md := compareOK(t, "--db", path, "--satker", pair, "--gap")
	top := g.Report.Questions[0]
	for _, want := range []string{"# Selisih PMPZI dan TPI", "## Selisih per area", "| **Jumlah** |", "## Per pertanyaan, selisih terbesar dahulu",
		"| " + top.Question + " ", model.Points(g.Report.SelfTotal), model.Points(g.Report.EvalTotal)} {
		if !strings.Contains(md, want) {
			t.Errorf("gap markdown lacks %q:\n%.1500s", want, md)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(compareOK(t, "--db", path, "--satker", pair, "--gap", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if last := recs[len(recs)-1]; recs[1][2] != top.Question || last[0] != "total" || last[8] != format.Decimal(g.Report.Gap) {
		t.Errorf("gap CSV first %v, last %v", recs[1], last)
	}

	_, errOut, code := ziwb(t, "compare", "--db", path, "--satker", single, "--gap")
	if code == 0 || !strings.Contains(errOut, single) || !strings.Contains(errOut, "PMPZI dan TPI") || !strings.Contains(errOut, "yang ada: PMPZI") {
		t.Errorf("satker with a PMPZI only: exit %d, %s", code, errOut)
	}
}

func TestCompareRejectsBadValues(t *testing.T) {
	path := demoDB(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--format", "xml"}, []string{`"xml"`, "md, csv, json"}},
		{[]string{"--kind", "pesantren"}, []string{`"pesantren"`, "KUA", "Madrasah"}},
		{[]string{"--target", "WBX"}, []string{`"WBX"`, "WBK atau WBBM"}},
		{[]string{"--stage", "desk"}, []string{`"desk"`, "PMPZI, TPI, TPI-lapangan, TPN"}},
		{[]string{"--result", "lulus"}, []string{`"lulus"`, "WBK, WBBM, none"}},
		{[]string{"--sort", "nilai"}, []string{`"nilai"`, "total", "sdm", "-"}},
		{[]string{"--group", "provinsi"}, []string{`"provinsi"`, "region atau kind"}},
		{[]string{"--year", "1999"}, []string{"1999", "2000 dan 2100"}},
		{[]string{"--gap"}, []string{"--satker"}},
		{[]string{"--satker", "kua-tombatu"}, []string{"--gap"}},
		{[]string{"--all"}, []string{"--gap"}},
		{[]string{"--satker", "kua-tombatu", "--gap", "--sort", "total"}, []string{"--sort", "--gap"}},
		{[]string{"--satker", "kua-tombatu", "--gap", "--stage", "TPN"}, []string{`"TPN"`, "TPI atau TPI-lapangan"}},
		{[]string{"--satker", "tidak-ada", "--gap"}, []string{`"tidak-ada"`, "tidak ditemukan"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := ziwb(t, append([]string{"compare", "--db", path}, tt.args...)...)
			want := 2 // a usage error, but for a satker the database lacks
			if strings.Contains(errOut, "tidak ditemukan") {
				want = 1
			}
			if code != want || out != "" {
				t.Fatalf("exit %d, stdout %q; want %d and nothing", code, out, want)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q: %s", w, errOut)
				}
			}
		})
	}
	if out, _, code := ziwb(t, "compare", "--help"); code != 0 || !strings.Contains(out, "--gap") || !strings.Contains(out, "Pemakaian:") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}
