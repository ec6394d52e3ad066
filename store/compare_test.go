package store

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestDashboardMatchesScorecards builds the dashboard of the demo from the
// compact summaries and checks every row against the full scorecards.
func TestDashboardMatchesScorecards(t *testing.T) {
	db := demoDB(t, 0)
	for _, pick := range []model.RoundPick{{}, {Year: fixedNow.Year() - 1}, {Stage: model.StageTPI}} {
		d, err := db.Dashboard(pick)
		if err != nil {
			t.Fatal(err)
		}
		sums, _ := db.SatkerSummaries()
		if len(d.Rows) != len(sums) || len(d.Columns) != 7 || d.Columns[6].ID != "hasil" {
			t.Fatalf("%d rows for %d satkers, columns %+v", len(d.Rows), len(sums), d.Columns)
		}
		evaluated := 0
		for i := range d.Rows {
			r := &d.Rows[i]
			evals, err := db.Evaluations(r.Satker.ID)
			if err != nil {
				t.Fatal(err)
			}
			want, prev := -1, -1 // Evaluations are in year, stage order
			for j, e := range evals {
				if (pick.Year == 0 || e.Year == pick.Year) && (pick.Stage == "" || e.Stage == pick.Stage) {
					want = j
				}
			}
			if want < 0 {
				if r.HasEval() {
					t.Errorf("%v %s: row holds %s; the satker has no such round", pick, r.Satker.ID, r.Eval)
				}
				continue
			}
			evaluated++
			prev = previousRound(evals, want)
			e := evals[want]
			sc, in, err := db.Scorecard(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if r.Eval != e.ID || r.Total != sc.Total || r.Result != sc.Result || r.Answered != sc.Answered || r.Questions != sc.Questions || r.Max != sc.Max {
				t.Errorf("%v %s: row %s %v %q %d/%d; scorecard %s %v %q %d/%d", pick, r.Satker.ID, r.Eval, r.Total, r.Result, r.Answered, r.Questions,
					e.ID, sc.Total, sc.Result, sc.Answered, sc.Questions)
			}
			for j, c := range d.Columns {
				ns, _ := sc.Node(c.ID)
				v := ns.Verdict
				if n, _ := in.Node(c.ID); v == model.VerdictNone && len(n.Nodes) > 0 {
					for _, k := range n.Nodes { // the hasil: its parts decide
						if kv, _ := sc.Node(k.ID); kv.Verdict == model.Fail || v == model.VerdictNone {
							v = kv.Verdict
						}
						if v == model.Fail {
							break
						}
					}
				}
				if cell := r.Cells[j]; cell.Score != ns.Score || cell.Max != ns.Max || cell.Verdict != v {
					t.Errorf("%s %s: cell %+v; scorecard %v/%v %q", e.ID, c.ID, cell, ns.Score, ns.Max, v)
				}
			}
			if prev < 0 {
				if r.Delta.Has() {
					t.Errorf("%s: a change against %s; it is the first round", e.ID, r.Delta.Prev)
				}
				continue
			}
			psc, _, _ := db.Scorecard(evals[prev].ID)
			if r.Delta.Prev != evals[prev].ID || !near(r.Delta.Points, sc.Total-psc.Total) {
				t.Errorf("%s: change %+v; want %v against %s", e.ID, r.Delta, sc.Total-psc.Total, evals[prev].ID)
			}
		}
		if evaluated == 0 {
			t.Errorf("%v: no satker evaluated; the test checks nothing", pick)
		}
	}
}

// previousRound is the rule the dashboard's change follows, written out
// plainly: the same stage in the nearest earlier year, else that year's
// latest round (evals in year, stage order).
func previousRound(evals []model.Evaluation, cur int) int {
	year := 0
	for _, e := range evals {
		if e.Year < evals[cur].Year && e.Year > year {
			year = e.Year
		}
	}
	prev := -1
	for j, e := range evals {
		if e.Year != year {
			continue
		}
		if e.Stage == evals[cur].Stage {
			return j
		}
		prev = j
	}
	return prev
}

// TestDashboardFollowsEdits: a saved answer shows on the next build, with
// the change against the previous round and the tallies.
func TestDashboardFollowsEdits(t *testing.T) {
	db, _, in, pm := seeded(t, "kk-a", model.StagePMPZI)
	tpi := seed(t, db, "kk-a", model.StageTPI, in)
	seed(t, db, "kk-b", model.StagePMPZI, in)
	last, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2025, Stage: model.StageTPI}, in, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{pm.ID, last.ID} {
		for _, q := range in.Questions() {
			mustAnswer(t, db, id, q.ID, q.Best(), "penguji")
		}
	}
	d, err := db.Dashboard(model.RoundPick{})
	if err != nil {
		t.Fatal(err)
	}
	// The change is year on year: this TPI against last year's, not
	// against this year's PMPZI.
	a := &d.Rows[0]
	if a.Eval != tpi.ID || a.Total != 0 || a.Delta.Prev != last.ID || !near(a.Delta.Points, -in.Max()) || a.Delta.Trend != model.Down {
		t.Fatalf("row %s %v, change %+v", a.Eval, a.Total, a.Delta)
	}
	// The evaluators agree with everything: no change, WBBM met.
	for _, q := range in.Questions() {
		mustAnswer(t, db, tpi.ID, q.ID, q.Best(), "tpi")
	}
	if d, err = db.Dashboard(model.RoundPick{}); err != nil {
		t.Fatal(err)
	}
	a = &d.Rows[0]
	if a.Total != in.Max() || a.Delta.Trend != model.Flat || a.Result != model.WBBM || a.TotalVerdict != model.Pass {
		t.Errorf("row %v %q %q, change %+v", a.Total, a.Result, a.TotalVerdict, a.Delta)
	}
	tl := model.TallyRows(d.Filter(model.DashboardFilter{}))
	if tl.Satkers != 2 || tl.Evaluated != 2 || tl.WBBM != 1 || tl.None != 1 || tl.OnTarget != 1 {
		t.Errorf("tally %+v", tl)
	}
	// The PMPZI round of the year, picked by stage, has no PMPZI a year
	// before: it is measured against that year's latest round.
	if d, err = db.Dashboard(model.RoundPick{Stage: model.StagePMPZI}); err != nil {
		t.Fatal(err)
	}
	if a = &d.Rows[0]; a.Eval != pm.ID || a.Delta.Prev != last.ID || a.Delta.Trend != model.Flat {
		t.Errorf("PMPZI pick: %s, change %+v", a.Eval, a.Delta)
	}
}

func TestAnswerGapDemo(t *testing.T) {
	db := demoDB(t, 0)
	sums, _ := db.SatkerSummaries()
	pairs, selfOnly := 0, ""
	for _, s := range sums {
		var pm, tpi *EvalSummary
		for i, e := range s.Evaluations {
			if e.Year != fixedNow.Year() {
				continue
			}
			switch e.Stage {
			case model.StagePMPZI:
				pm = &s.Evaluations[i]
			case model.StageTPI:
				tpi = &s.Evaluations[i]
			}
		}
		if pm != nil && tpi == nil && len(s.Evaluations) == 1 {
			selfOnly = s.Satker.ID
		}
		if pm == nil || tpi == nil {
			continue
		}
		pairs++
		g, err := db.AnswerGap(s.Satker.ID, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		if g.Self.ID != pm.ID || g.Eval.ID != tpi.ID || g.Satker.ID != s.Satker.ID {
			t.Errorf("%s: compares %s with %s", s.Satker.ID, g.Self.ID, g.Eval.ID)
		}
		selfSC, _, _ := db.Scorecard(pm.ID)
		evalSC, _, _ := db.Scorecard(tpi.ID)
		if !near(g.Report.SelfTotal, selfSC.Total) || !near(g.Report.EvalTotal, evalSC.Total) || !near(g.Report.Gap, selfSC.Total-evalSC.Total) {
			t.Errorf("%s: gap %v − %v; scorecards %v − %v", s.Satker.ID, g.Report.SelfTotal, g.Report.EvalTotal, selfSC.Total, evalSC.Total)
		}
		for i, q := range g.Report.Questions {
			if i > 0 && math.Abs(q.Gap) > math.Abs(g.Report.Questions[i-1].Gap)+1e-9 {
				t.Errorf("%s: %s (gap %v) after %s (gap %v)", s.Satker.ID, q.Question, q.Gap, g.Report.Questions[i-1].Question, g.Report.Questions[i-1].Gap)
			}
		}
		self, _ := db.Answers(pm.ID)
		eval, _ := db.Answers(tpi.ID)
		for _, q := range g.Report.Questions {
			if q.Self.Value != self[q.Question].Value || q.Eval.Value != eval[q.Question].Value || q.Eval.Note != eval[q.Question].Note {
				t.Errorf("%s %s: answers %v/%v, stored %v/%v", s.Satker.ID, q.Question, q.Self.Value, q.Eval.Value, self[q.Question].Value, eval[q.Question].Value)
			}
		}
		for _, a := range g.Report.Areas {
			ns, _ := selfSC.Node(a.Area)
			if !near(a.SelfPoints, ns.Score) {
				t.Errorf("%s area %s: %v; the scorecard says %v", s.Satker.ID, a.Area, a.SelfPoints, ns.Score)
			}
		}
	}
	if pairs == 0 || selfOnly == "" {
		t.Fatalf("the demo has %d PMPZI/TPI pairs and self-assessment-only satker %q; the test needs both", pairs, selfOnly)
	}
	_, err := db.AnswerGap(selfOnly, 0, "")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "PMPZI "+strconv.Itoa(fixedNow.Year())) || !strings.Contains(err.Error(), selfOnly) {
		t.Errorf("self-assessment only: %v", err)
	}
	if _, err := db.AnswerGap("tidak-ada", 0, ""); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "tidak-ada") {
		t.Errorf("unknown satker: %v", err)
	}
	if _, err := db.AnswerGap(selfOnly, 0, model.StagePMPZI); !errors.Is(err, ErrInvalid) {
		t.Errorf("PMPZI against itself: %v", err)
	}
}

func TestAnswerGapPicksTheRound(t *testing.T) {
	db, _ := testDB(t)
	in := testInstrument(t)
	q := in.Questions()[0]
	pm := seed(t, db, "kk-a", model.StagePMPZI, in)
	tpi := seed(t, db, "kk-a", model.StageTPI, in)
	field := seed(t, db, "kk-a", model.StageTPILapangan, in)
	old, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2025, Stage: model.StagePMPZI}, in, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, db, pm.ID, q.ID, q.Best(), "pic")
	mustAnswer(t, db, field.ID, q.ID, q.Worst(), "tpi")
	if _, err := db.SetNote(field.ID, q.ID, "eviden tidak mendukung", "tpi"); err != nil {
		t.Fatal(err)
	}
	full, _ := in.QuestionMax(q.ID)
	tests := []struct {
		name  string
		year  int
		stage model.Stage
		want  string
		gap   float64
		err   error
	}{
		{"the field round first", 0, "", field.ID, full, nil},
		{"the desk round when asked", 2026, model.StageTPI, tpi.ID, full, nil},
		{"a year with a PMPZI only", 2025, "", "", 0, ErrNotFound},
		{"a year with nothing", 2024, "", "", 0, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := db.AnswerGap("kk-a", tt.year, tt.stage)
			if tt.err != nil {
				if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), "PMPZI "+strconv.Itoa(old.Year)) {
					t.Errorf("error %v; want %v listing the rounds", err, tt.err)
				}
				return
			}
			if err != nil || g.Eval.ID != tt.want || g.Self.ID != pm.ID || !near(g.Report.Gap, tt.gap) {
				t.Fatalf("got %s vs %s, gap %v, %v; want %s, %v", g.Self.ID, g.Eval.ID, g.Report.Gap, err, tt.want, tt.gap)
			}
			if top := g.Report.Questions[0]; top.Question != q.ID || !near(top.Gap, tt.gap) {
				t.Errorf("top gap %s %v", top.Question, top.Gap)
			}
		})
	}
	g, _ := db.AnswerGap("kk-a", 0, "")
	if top := g.Report.Questions[0]; top.Eval.Note != "eviden tidak mendukung" {
		t.Errorf("evaluators' note %q", top.Eval.Note)
	}
}

func TestCompareEvaluations(t *testing.T) {
	db, _, in, a := seeded(t, "kk-a", model.StagePMPZI)
	b := seed(t, db, "kk-b", model.StagePMPZI, in)
	for _, q := range in.Questions() {
		mustAnswer(t, db, a.ID, q.ID, q.Best(), "pic")
	}
	s, cards, err := db.CompareEvaluations(a.ID, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != 2 || s.Rows[0].ID != model.TotalNode || s.Rows[0].Diffs[1] != -in.Max() || s.Divergence()[0].ID != model.TotalNode {
		t.Errorf("total row %+v", s.Rows[0])
	}
	if _, _, err := db.CompareEvaluations(a.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("one evaluation: %v", err)
	}
	if _, _, err := db.CompareEvaluations(a.ID, "tidak/ada"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown evaluation: %v", err)
	}
}

func TestInstrumentsByID(t *testing.T) {
	db, _ := testDB(t)
	in := testInstrument(t)
	seed(t, db, "kk-a", model.StagePMPZI, in)
	mini := miniInstrument(t)
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kk-a", Year: 2026, Stage: model.StageTPI}, mini, "penguji"); err != nil {
		t.Fatal(err)
	}
	got, err := db.InstrumentsByID()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[in.ID].Hash != in.Hash || got["mini"].Hash != mini.Hash {
		t.Errorf("instruments %v", got)
	}
}
