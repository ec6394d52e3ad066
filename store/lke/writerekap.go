package lke

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Predicate words of the sheet "Rekap"; its verdicts are model.Verdict's
// words.
const (
	WordMet     = "TERPENUHI"
	WordNotMet  = "TIDAK TERPENUHI"
	wordRuleOK  = "terpenuhi"
	wordRuleBad = "tidak terpenuhi"
)

// ruleCheck is one rule of a predicate applied to one node ("" for the total).
type ruleCheck struct {
	predicate string
	node      string
	rule      model.Rule
	need      float64
}

// ruleChecks expands a predicate's own rules to the nodes they name, as
// model.Score does: an "each" rule is one check per child.
func ruleChecks(in *model.Instrument, p model.Predicate) []ruleCheck {
	var out []ruleCheck
	add := func(node string, r model.Rule) {
		limit := in.Max()
		if n, ok := in.Node(node); ok {
			limit = n.Weight
		}
		need := r.Value
		if r.Kind == model.RuleMinRatio {
			need = r.Value * limit
		}
		out = append(out, ruleCheck{p.ID, node, r, need})
	}
	for _, r := range p.Rules {
		switch {
		case r.Node != "":
			add(r.Node, r)
		default:
			if n, ok := in.Node(r.Each); ok {
				for _, c := range n.Nodes {
					add(c.ID, r)
				}
			}
		}
	}
	return out
}

// ruleChain is a predicate's checks and those of what it requires.
func ruleChain(in *model.Instrument, id string) []ruleCheck {
	var out []ruleCheck
	seen := map[string]bool{}
	for p, ok := in.Predicate(id); ok && !seen[strings.ToUpper(p.ID)]; p, ok = in.Predicate(p.Requires) {
		seen[strings.ToUpper(p.ID)] = true
		out = append(out, ruleChecks(in, p)...)
		if p.Requires == "" {
			break
		}
	}
	return out
}

// writeRekap writes the sheet "Rekap": every component's score, maximum,
// percentage and verdict against the satker's target, and each predicate
// with its rules, what each needs and how many points it is short — all
// formulas over the sheet "LKE ZI", so they follow an edited answer.
func writeRekap(f *excelize.File, st *styles, ws store.Worksheet, sc model.Scorecard, levels map[model.Level]model.Scorecard, lay lkeLayout) error {
	const sh = SheetRekap
	in := ws.Instrument
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	var errs firstErr
	try := errs.try
	lke := func(col string, row int) string { return sheetRef(SheetLKE, xlCell(col, row)) }
	scoreOf := func(node string) string {
		if node == model.TotalNode || node == "" {
			return lke(lay.score, lay.totalRow)
		}
		return lke(lay.score, lay.nodeRow[node])
	}
	title := func(node string) string {
		if n, ok := in.Node(node); ok {
			return n.Title
		}
		return "Total"
	}
	for _, c := range []struct {
		col   string
		width float64
	}{{"A", 44}, {"B", 34}, {"C", 16}, {"D", 12}, {"E", 12}, {"F", 12}, {"G", 18}} {
		try(f.SetColWidth(sh, c.col, c.col, c.width))
	}
	e, s := ws.Evaluation, ws.Satker
	try(f.SetCellStr(sh, "A1", "Rekapitulasi Nilai Evaluasi Zona Integritas"))
	try(f.SetCellStyle(sh, "A1", "A1", st.title))
	for i, kv := range [][2]string{
		{"Satker", fmt.Sprintf("%s (%s)", s.Name, s.ID)},
		{"Evaluasi", fmt.Sprintf("%s %d · status %s", e.Stage, e.Year, e.Status)},
		{"Instrumen", in.ID + " — " + in.Source},
		{"Target", orDash(sc.Target)},
		{"Predikat menurut ziwb saat ekspor", orDash(sc.Result)},
	} {
		try(f.SetSheetRow(sh, xlCell("A", i+2), &[]any{kv[0], kv[1]}))
	}
	if errs.err != nil {
		return errs.err
	}

	// Components: the top-level nodes, their children, and every node a
	// rule names.
	named := map[string]bool{}
	for _, p := range in.Predicates {
		for _, c := range ruleChecks(in, p) {
			named[c.node] = true
		}
	}
	var target []ruleCheck
	if sc.Target != "" {
		target = ruleChain(in, sc.Target)
	}
	// nodeCells writes a component's score, maximum and percentage, and
	// its verdict against the target.
	nodeCells := func(row int, node string, weight float64, points, percent int) {
		try(f.SetCellFormula(sh, xlCell("C", row), scoreOf(node)))
		try(f.SetCellFloat(sh, xlCell("D", row), weight, -1, 64))
		try(f.SetCellStyle(sh, xlCell("C", row), xlCell("D", row), points))
		try(f.SetCellFormula(sh, xlCell("E", row), fmt.Sprintf("IF(D%d>0,C%d/D%d,0)", row, row, row)))
		try(f.SetCellStyle(sh, xlCell("E", row), xlCell("E", row), percent))
		try(verdictCells(f, st, row, "C", target, node))
	}
	row := 8
	try(xlRow(f, sh, row, st.header, "Komponen", "", "Skor", "Maksimum", "Persentase", "Kurang (poin)", "Syarat "+orDash(sc.Target)))
	try(f.MergeCell(sh, xlCell("A", row), xlCell("B", row)))
	first := row + 1
	for _, n := range in.AllNodes() {
		d := in.Depth(n.ID)
		if d > 1 && !named[n.ID] {
			continue
		}
		row++
		ds := depthStyle(d)
		try(xlRow(f, sh, row, st.node[ds], strings.Repeat("   ", d)+n.Title, n.ID))
		nodeCells(row, n.ID, n.Weight, st.nodePoints[ds], st.nodePercent[ds])
	}
	row++
	try(xlRow(f, sh, row, st.total, "TOTAL NILAI", model.TotalNode))
	nodeCells(row, model.TotalNode, in.Max(), st.totalPoints, st.totalPercent)
	try(verdictColours(f, fmt.Sprintf("G%d:G%d", first, row)))
	if errs.err != nil {
		return errs.err
	}

	// Each predicate: met or not, and every rule it and what it requires
	// hold it to, with the points short.
	row += 2
	try(xlRow(f, sh, row, st.header, "Predikat / Komponen", "Aturan", "Perlu", "Nilai", "Kurang (poin)", "Dasar", "Status"))
	var metCells []string
	for _, p := range in.Predicates {
		row++
		head := row
		try(xlRow(f, sh, row, st.node[0], p.ID+" — "+p.Title, "", "", "", "", "", ""))
		cs := ruleChain(in, p.ID)
		for _, c := range cs {
			row++
			rule := "≥ " + model.Points(c.rule.Value)
			if c.rule.Kind == model.RuleMinRatio {
				rule = fmt.Sprintf("≥ %s%% × bobot", model.Points(c.rule.Value*100))
			}
			if !strings.EqualFold(c.predicate, p.ID) {
				rule += " (syarat " + c.predicate + ")"
			}
			try(xlRow(f, sh, row, st.text, "   "+title(c.node), rule))
			try(f.SetCellStr(sh, xlCell("F", row), c.rule.Source)) // which clause says so
			try(f.SetCellFloat(sh, xlCell("C", row), c.need, -1, 64))
			try(f.SetCellFormula(sh, xlCell("D", row), scoreOf(c.node)))
			try(f.SetCellFormula(sh, xlCell("E", row), fmt.Sprintf("MAX(0,C%d-D%d)", row, row)))
			try(f.SetCellStyle(sh, xlCell("C", row), xlCell("E", row), st.points))
			try(f.SetCellFormula(sh, xlCell("G", row), fmt.Sprintf("IF(D%d+%s>=C%d,%s,%s)", row, scoreEpsilon, row, xlQuote(wordRuleOK), xlQuote(wordRuleBad))))
		}
		status := xlQuote(WordMet)
		if len(cs) > 0 {
			status = fmt.Sprintf("IF(COUNTIF(G%d:G%d,%s)=0,%s,%s)", head+1, row, xlQuote(wordRuleBad), xlQuote(WordMet), xlQuote(WordNotMet))
		}
		try(f.SetCellFormula(sh, xlCell("G", head), status))
		try(f.SetConditionalFormat(sh, fmt.Sprintf("G%d:G%d", head, row), colourRules(f, wordRuleOK, wordRuleBad)))
		try(f.SetConditionalFormat(sh, xlCell("G", head), colourRules(f, WordMet, WordNotMet)))
		metCells = append(metCells, xlCell("G", head))
	}
	if len(in.Predicates) > 0 {
		row += 2
		expr := xlQuote("belum")
		for i, p := range in.Predicates {
			expr = fmt.Sprintf("IF(%s=%s,%s,%s)", metCells[i], xlQuote(WordMet), xlQuote(p.ID), expr)
		}
		try(xlRow(f, sh, row, st.total, "Predikat tercapai", ""))
		try(f.SetCellFormula(sh, xlCell("B", row), expr))
	}

	// The score as each review level left it (fixed at export).
	if len(levels) > 0 {
		row += 2
		try(xlRow(f, sh, row, st.header, "Nilai per tingkat reviu (saat ekspor)", "Total", "Predikat"))
		for _, l := range model.Levels {
			lsc, ok := levels[l]
			if !ok {
				continue
			}
			row++
			try(xlRow(f, sh, row, st.text, titleCase(l.String()), lsc.Total, orDash(lsc.Result)))
			try(f.SetCellStyle(sh, xlCell("B", row), xlCell("B", row), st.points))
		}
	}
	return errs.err
}

// verdictCells writes a component's points short and its verdict against
// the target's rules that name it, as formulas over its score in column
// scoreCol; nothing when no rule names it.
func verdictCells(f *excelize.File, st *styles, row int, scoreCol string, target []ruleCheck, node string) error {
	var conds, shorts []string
	score := xlCell(scoreCol, row)
	for _, c := range target {
		if c.node != node {
			continue
		}
		conds = append(conds, fmt.Sprintf("%s+%s>=%s", score, scoreEpsilon, xlNum(c.need)))
		shorts = append(shorts, fmt.Sprintf("%s-%s", xlNum(c.need), score))
	}
	if len(conds) == 0 {
		return nil
	}
	if err := f.SetCellFormula(SheetRekap, xlCell("F", row), fmt.Sprintf("MAX(0,%s)", strings.Join(shorts, ","))); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetRekap, xlCell("F", row), xlCell("F", row), st.points); err != nil {
		return err
	}
	return f.SetCellFormula(SheetRekap, xlCell("G", row), fmt.Sprintf("IF(AND(%s),%s,%s)", strings.Join(conds, ","), xlQuote(model.Pass.Word()), xlQuote(model.Fail.Word())))
}

// verdictColours colours LULUS green and TIDAK LULUS red in a range.
func verdictColours(f *excelize.File, ref string) error {
	return f.SetConditionalFormat(SheetRekap, ref, colourRules(f, model.Pass.Word(), model.Fail.Word()))
}

// colourRules are conditional formats: cells equal to pass green, to fail
// red, the colours of the screen's ✓ and ✗.
func colourRules(f *excelize.File, pass, fail string) []excelize.ConditionalFormatOptions {
	green, _ := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "006100"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}})
	red, _ := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	return []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Value: xlQuote(pass), Format: &green},
		{Type: "cell", Criteria: "==", Value: xlQuote(fail), Format: &red},
	}
}
