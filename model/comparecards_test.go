package model

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func mustScore(t testing.TB, in *Instrument, a Answers, target string) Scorecard {
	t.Helper()
	sc, err := Score(in, a, target)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestCompareScorecards(t *testing.T) {
	in := mini(t)
	all, wbk, none := mustScore(t, in, miniAll(in), WBK), mustScore(t, in, miniWBK, WBK), mustScore(t, in, miniNone, WBK)
	show := func(r SideRow) string {
		var parts []string
		for c := range r.Scores {
			if !r.Present[c] {
				parts = append(parts, "–")
				continue
			}
			parts = append(parts, fmt.Sprintf("%.4g/%.4g%s(%+.4g)", r.Scores[c], r.Max[c], verdictMark(r.Verdicts[c]), r.Diffs[c]))
		}
		return fmt.Sprintf("%s %s spread %.4g", r.ID, strings.Join(parts, " "), r.Spread)
	}
	t.Run("three scorecards: every node, differences against the first", func(t *testing.T) {
		s, err := CompareScorecards(wbk, all, none)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"total 76.7/100✓(+0) 100/100✓(+23.3) 0/100✗(-76.7) spread 100",
			"p 56.7/60(+0) 60/60(+3.3) 0/60(-56.7) spread 60",
			"a1 20/20✓(+0) 20/20✓(+0) 0/20✗(-20) spread 20",
			"a2 36.7/40✓(+0) 40/40✓(+3.3) 0/40✗(-36.7) spread 40",
			"h 20/40✓(+0) 40/40✓(+20) 0/40✗(-20) spread 40",
		}
		if s.Cards != 3 || len(s.Rows) != len(want) {
			t.Fatalf("%d cards, %d rows", s.Cards, len(s.Rows))
		}
		for i, w := range want {
			if got := show(s.Rows[i]); got != w {
				t.Errorf("got  %s\nwant %s", got, w)
			}
		}
		var order []string
		for _, r := range s.Divergence() {
			order = append(order, r.ID)
		}
		if got := strings.Join(order, " "); got != "total p a2 h a1" {
			t.Errorf("divergence %s; want total p a2 h a1 (largest spread first, ties in walking order)", got)
		}
	})
	t.Run("the same scorecard twice diverges nowhere", func(t *testing.T) {
		s, err := CompareScorecards(wbk, wbk)
		if err != nil || len(s.Divergence()) != 0 {
			t.Errorf("%v, %d divergent rows", err, len(s.Divergence()))
		}
	})
	t.Run("different instruments meet on their shared node ids", func(t *testing.T) {
		other := mustParse(t, `id: lain
title: Lain
nodes:
  - id: a1
    title: Area Satu
    weight: 10
    questions:
      - {id: x.1, text: Satu, type: yesno}
  - id: b
    title: Baru
    weight: 90
    questions:
      - {id: x.2, text: Dua, type: yesno}
`)
		o := mustScore(t, other, Answers{"x.1": Letter("Y")}, "")
		s, err := CompareScorecards(all, o)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range s.Rows {
			got[r.ID] = show(r)
		}
		for id, w := range map[string]string{
			"a1":    "a1 20/20✓(+0) 10/10(-10) spread 10",
			"a2":    "a2 40/40✓(+0) – spread 0",
			"b":     "b – 0/90(+0) spread 0",
			"total": "total 100/100✓(+0) 10/100(-90) spread 90",
		} {
			if got[id] != w {
				t.Errorf("got  %s\nwant %s", got[id], w)
			}
		}
		if last := s.Rows[len(s.Rows)-1].ID; last != "b" {
			t.Errorf("last row %s; nodes only later scorecards have come last", last)
		}
	})
	for _, n := range []int{0, 1, 5} {
		t.Run(fmt.Sprintf("%d scorecards are refused", n), func(t *testing.T) {
			cards := make([]Scorecard, n)
			for i := range cards {
				cards[i] = all
			}
			if _, err := CompareScorecards(cards...); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("dipilih %d", n)) {
				t.Errorf("error %v", err)
			}
		})
	}
}

func verdictMark(v Verdict) string {
	switch v {
	case Pass:
		return "✓"
	case Fail:
		return "✗"
	}
	return ""
}

func TestAnswerGaps(t *testing.T) {
	in := mini(t)
	self := map[string]Answer{
		"a1.1": {Value: Letter("Y"), Note: "SK ada"},
		"a1.2": {Value: Letter("A")},
		"a2.1": {Value: Letter("A")},
		"a2.3": {Value: Num(100)},
		"h.1":  {Value: Num(3.6)},
		"zz":   {Value: Letter("Y")}, // not in the instrument: left out
	}
	eval := map[string]Answer{
		"a1.1": {Value: Letter("Y")},
		"a1.2": {Value: Letter("C"), Note: "eviden tidak mendukung"},
		"a2.1": {Value: Letter("A")},
		"a2.3": {Value: Num(50)},
		"a2.4": {Note: "belum dinilai"}, // a note alone is listed
		"h.1":  {Value: Num(4)},
	}
	rep := AnswerGaps(in, self, eval)
	var got []string
	for _, g := range rep.Questions {
		got = append(got, fmt.Sprintf("%s[%s] %s→%s %.4g-%.4g=%+.4g %v", g.Question, g.Area, g.Self.Value, g.Eval.Value, g.SelfPoints, g.EvalPoints, g.Gap, g.Differs()))
	}
	want := []string{
		"a1.2[a1] A→C 15-0=+15 true", // largest gap first
		"a2.3[a2] 100→50 10-5=+5 true",
		"h.1[h] 3.6→4 36-40=-4 true", // a gap the other way counts by its size
		"a1.1[a1] Y→Y 5-5=+0 false",  // then the rest in walking order
		"a2.1[a2] A→A 10-10=+0 false",
		"a2.4[a2] → 0-0=+0 false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var areas []string
	for _, a := range rep.Areas {
		areas = append(areas, fmt.Sprintf("%s %.4g-%.4g=%+.4g (%d)", a.Area, a.SelfPoints, a.EvalPoints, a.Gap, a.Differing))
	}
	if got, want := strings.Join(areas, "; "), "a1 20-5=+15 (1); a2 20-15=+5 (1); h 36-40=-4 (1)"; got != want {
		t.Errorf("areas %s; want %s", got, want)
	}
	if !near(rep.Gap, 16) || !near(rep.SelfTotal, 76) || !near(rep.EvalTotal, 60) || rep.Instrument != "mini" {
		t.Errorf("totals %v - %v = %v", rep.SelfTotal, rep.EvalTotal, rep.Gap)
	}
	// The totals are the scorecards' totals.
	values := func(m map[string]Answer) Answers {
		a := Answers{}
		for k, v := range m {
			a[k] = v.Value
		}
		return a
	}
	for _, side := range []struct {
		answers map[string]Answer
		total   float64
	}{{self, rep.SelfTotal}, {eval, rep.EvalTotal}} {
		if sc := mustScore(t, in, values(side.answers), ""); math.Abs(sc.Total-side.total) > 1e-9 {
			t.Errorf("gap report total %v; scorecard %v", side.total, sc.Total)
		}
	}
	if empty := AnswerGaps(in, nil, nil); len(empty.Questions) != 0 || len(empty.Areas) != 3 || empty.Gap != 0 {
		t.Errorf("no answers: %+v", empty)
	}
}
