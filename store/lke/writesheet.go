package lke

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// HeaderRow is the row of the column headings on the sheet "LKE ZI"; the
// rows above it name the evaluation.
const HeaderRow = 5

// Column headings of the sheet "LKE ZI" that readers look for.
const (
	HeadNumber = "No."
	HeadAnswer = "Jawaban"
	HeadValue  = "Nilai (0–1)"
	HeadWeight = "Bobot"
	HeadScore  = "Skor"
	HeadID     = "ID ziwb"
)

// TotalID is what the column "ID ziwb" holds on the total row.
const TotalID = model.TotalNode

// lkeLayout is where the sheet "LKE ZI" put things, for the formulas of
// the other sheets.
type lkeLayout struct {
	nodeRow                     map[string]int
	totalRow                    int
	score, weight, value, title string // column letters
}

// xlColumn is one column of the sheet: its heading, width and letter.
type xlColumn struct {
	head  string
	width float64
	name  string
}

// lkeColumns are the sheet's columns: the PMPZI answer only beside a later
// stage, the answers per review level only when the evaluation has a team
// or a level above anggota answered.
func lkeColumns(ws store.Worksheet) (cols []xlColumn, levelCols map[model.Level]string, self string) {
	add := func(head string, width float64) string {
		name, _ := excelize.ColumnNumberToName(len(cols) + 1)
		cols = append(cols, xlColumn{head, width, name})
		return name
	}
	add(HeadNumber, 9)
	add("Komponen / Pertanyaan", 60)
	add("Kriteria (Penjelasan)", 55)
	add("Jenis Jawaban", 14)
	if ws.Self != nil {
		self = add("Jawaban PMPZI (Satker)", 12)
	}
	if hasLevels(ws) {
		levelCols = map[model.Level]string{}
		for _, l := range model.Levels {
			levelCols[l] = add("Jawaban "+titleCase(l.String()), 12)
		}
	}
	add(HeadAnswer, 11)
	add(HeadValue, 10)
	add(HeadWeight, 9)
	add(HeadScore, 10)
	add("Catatan", 40)
	add("Eviden", 35)
	add(HeadID, 18)
	return cols, levelCols, self
}

// hasLevels reports whether the evaluation is reviewed in levels: it has
// a team, or someone above anggota answered.
func hasLevels(ws store.Worksheet) bool {
	if len(ws.Evaluation.Team) > 0 {
		return true
	}
	for _, byLevel := range ws.Levels {
		for l, a := range byLevel {
			if l > model.Anggota && !a.Value.IsZero() {
				return true
			}
		}
	}
	return false
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func colOf(cols []xlColumn, head string) string {
	for _, c := range cols {
		if c.head == head {
			return c.name
		}
	}
	return ""
}

// writeLKE writes the sheet "LKE ZI": a heading row per node (component,
// area, part, indicator) carrying its weight and a live subtotal, a row per
// question below it, and the total.
func writeLKE(f *excelize.File, st *styles, ws store.Worksheet) (lkeLayout, error) {
	const sh = SheetLKE
	in := ws.Instrument
	cols, levelCols, selfCol := lkeColumns(ws)
	val, wt, sco := colOf(cols, HeadValue), colOf(cols, HeadWeight), colOf(cols, HeadScore)
	lay := lkeLayout{nodeRow: map[string]int{}, score: sco, weight: wt, value: val, title: "B"}
	last := cols[len(cols)-1].name
	e, s := ws.Evaluation, ws.Satker

	var errs firstErr
	try := errs.try
	try(f.SetCellStr(sh, "A1", in.Title))
	try(f.SetCellStyle(sh, "A1", "A1", st.title))
	try(f.SetCellStr(sh, "A2", fmt.Sprintf("Satker: %s (%s) · %s %d · status %s · target %s", s.Name, s.ID, e.Stage, e.Year, e.Status, orDash(s.Target))))
	try(f.SetCellStr(sh, "A3", fmt.Sprintf("Instrumen: %s — %s. Ubah Jawaban: Nilai, Skor dan total dihitung ulang sama seperti ziwb. Impor membaca kolom Jawaban saja.", in.ID, in.Source)))
	heads := make([]any, len(cols))
	for i, c := range cols {
		heads[i] = c.head
		try(f.SetColWidth(sh, c.name, c.name, c.width))
	}
	try(xlRow(f, sh, HeaderRow, st.header, heads...))
	try(f.SetRowHeight(sh, HeaderRow, 32))
	try(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: HeaderRow, TopLeftCell: xlCell("A", HeaderRow+1), ActivePane: "bottomLeft"}))
	if errs.err != nil {
		return lay, errs.err
	}
	// sums fills a heading row's weight, the percentage its points make of
	// it, their styles, and its id in the last column.
	sums := func(r int, weight float64, points, percent int, id string) {
		try(f.SetCellFloat(sh, xlCell(wt, r), weight, -1, 64))
		try(f.SetCellStyle(sh, xlCell(wt, r), xlCell(sco, r), points))
		try(f.SetCellFormula(sh, xlCell(val, r), fmt.Sprintf("IF(%s>0,%s/%s,0)", xlCell(wt, r), xlCell(sco, r), xlCell(wt, r))))
		try(f.SetCellStyle(sh, xlCell(val, r), xlCell(val, r), percent))
		try(f.SetCellStr(sh, xlCell(last, r), id))
	}

	row := HeaderRow
	var walk func(n *model.Node, depth, pos int, parentLabel string) error
	walk = func(n *model.Node, depth, pos int, parentLabel string) error {
		row++
		r := row
		lay.nodeRow[n.ID] = r
		label := nodeLabel(n, depth, pos, parentLabel)
		ds := depthStyle(depth)
		if err := xlRow(f, sh, r, st.node[ds], make([]any, len(cols))...); err != nil {
			return err
		}
		try(f.SetCellStr(sh, xlCell("A", r), label))
		try(f.SetCellStr(sh, xlCell("B", r), n.Title))
		sums(r, n.Weight, st.nodePoints[ds], st.nodePercent[ds], n.ID)
		if errs.err != nil {
			return errs.err
		}
		var parts []string
		if len(n.Questions) > 0 {
			sumW := 0.0
			for _, q := range n.Questions {
				sumW += q.Weight
			}
			for _, q := range n.Questions {
				row++
				if err := writeQuestion(f, st, ws, q, row, r, sumW, cols, levelCols, selfCol); err != nil {
					return err
				}
			}
			parts = append(parts, fmt.Sprintf("%s:%s", xlCell(sco, r+1), xlCell(sco, row)))
		}
		for i, c := range n.Nodes {
			parts = append(parts, xlCell(sco, row+1))
			if err := walk(c, depth+1, i, label); err != nil {
				return err
			}
		}
		return f.SetCellFormula(sh, xlCell(sco, r), "SUM("+strings.Join(parts, ",")+")")
	}
	var tops []string
	for i, n := range in.Nodes {
		tops = append(tops, xlCell(sco, row+1))
		if err := walk(n, 0, i, ""); err != nil {
			return lay, err
		}
	}
	row++
	lay.totalRow = row
	try(xlRow(f, sh, row, st.total, make([]any, len(cols))...))
	try(f.SetCellStr(sh, xlCell("B", row), "TOTAL NILAI"))
	try(f.SetCellFormula(sh, xlCell(sco, row), "SUM("+strings.Join(tops, ",")+")"))
	sums(row, in.Max(), st.totalPoints, st.totalPercent, TotalID)

	// The Pemenuhan and Reform subtotals across areas, as the official
	// worksheet also adds them up: the parts of the same title under the
	// areas of one component.
	for _, top := range in.Nodes {
		var titles []string
		byTitle := map[string][]string{}
		for _, area := range top.Nodes {
			for _, part := range area.Nodes {
				if byTitle[part.Title] == nil {
					titles = append(titles, part.Title)
				}
				byTitle[part.Title] = append(byTitle[part.Title], part.ID)
			}
		}
		for _, t := range titles {
			ids := byTitle[t]
			if len(ids) < 2 {
				continue
			}
			row++
			var refs []string
			weight := 0.0
			for _, id := range ids {
				refs = append(refs, xlCell(sco, lay.nodeRow[id]))
				n, _ := in.Node(id)
				weight += n.Weight
			}
			try(xlRow(f, sh, row, st.node[1], make([]any, len(cols))...))
			try(f.SetCellStr(sh, xlCell("B", row), fmt.Sprintf("Jumlah %s (%s)", t, top.Title)))
			try(f.SetCellFormula(sh, xlCell(sco, row), "SUM("+strings.Join(refs, ",")+")"))
			sums(row, weight, st.nodePoints[1], st.nodePercent[1], "jumlah:"+top.ID+":"+strings.ToLower(t))
		}
	}
	try(f.AutoFilter(sh, fmt.Sprintf("A%d:%s%d", HeaderRow, last, row), nil))
	return lay, errs.err
}

// writeQuestion writes one question's row: its number, text, criteria,
// answers, the value as a formula of the answer, its share of the
// indicator's weight and its score.
func writeQuestion(f *excelize.File, st *styles, ws store.Worksheet, q *model.Question, r, nodeRow int, sumW float64,
	cols []xlColumn, levelCols map[model.Level]string, selfCol string) error {
	const sh = SheetLKE
	ans, val, wt, sco := colOf(cols, HeadAnswer), colOf(cols, HeadValue), colOf(cols, HeadWeight), colOf(cols, HeadScore)
	last := cols[len(cols)-1].name
	number, text := splitNumber(q)
	a := ws.Answers[q.ID]
	var evidence []string
	for _, e := range a.Evidence {
		t := e.Title
		if t == "" {
			t = e.Location
		}
		evidence = append(evidence, t)
	}
	var errs firstErr
	try := errs.try
	try(xlRow(f, sh, r, st.wrap, make([]any, len(cols))...))
	try(f.SetCellStr(sh, xlCell("A", r), number))
	try(f.SetCellStr(sh, xlCell("B", r), text))
	try(f.SetCellStr(sh, xlCell("C", r), xlCriteria(q)))
	try(f.SetCellStr(sh, xlCell("D", r), q.TypeName()))
	put := func(col string, v model.Value) {
		switch {
		case v.Numeric:
			try(f.SetCellFloat(sh, xlCell(col, r), v.Number, -1, 64))
		case v.Choice != "":
			try(f.SetCellStr(sh, xlCell(col, r), v.Choice))
		}
		try(f.SetCellStyle(sh, xlCell(col, r), xlCell(col, r), st.center))
	}
	if selfCol != "" {
		put(selfCol, ws.Self[q.ID].Value)
	}
	for l, col := range levelCols {
		put(col, ws.Levels[q.ID][l].Value)
	}
	put(ans, a.Value)
	try(f.SetCellFormula(sh, xlCell(val, r), valueFormula(q, xlCell(ans, r))))
	try(f.SetCellStyle(sh, xlCell(val, r), xlCell(val, r), st.value))
	// The question's share of its indicator's weight: the indicator scores
	// weight × Σ(wᵢ·vᵢ)/Σwᵢ, so the sum of the shares times the values is
	// the indicator's score, as model.Score computes it.
	try(f.SetCellFormula(sh, xlCell(wt, r), fmt.Sprintf("%s*%s/%s", xlCell(wt, nodeRow), xlNum(q.Weight), xlNum(sumW))))
	try(f.SetCellFormula(sh, xlCell(sco, r), fmt.Sprintf("%s*%s", xlCell(wt, r), xlCell(val, r))))
	try(f.SetCellStyle(sh, xlCell(wt, r), xlCell(sco, r), st.points))
	try(f.SetCellStr(sh, colOf(cols, "Catatan")+fmt.Sprint(r), a.Note))
	try(f.SetCellStr(sh, colOf(cols, "Eviden")+fmt.Sprint(r), strings.Join(evidence, "\n")))
	try(f.SetCellStr(sh, xlCell(last, r), q.ID))
	return errs.err
}

// valueFormula turns the answer in cell a into the question's value
// between 0 and 1, as model.Question.Fraction does: the option's value for
// letters and choices (case and spaces ignored), answer ÷ 100 for a
// percentage, (answer − lo) ÷ (hi − lo) for a number; 0 when unanswered.
func valueFormula(q *model.Question, a string) string {
	switch q.Type {
	case model.Percent:
		return fmt.Sprintf("IF(ISNUMBER(%s),%s/100,0)", a, a)
	case model.Number:
		return fmt.Sprintf("IF(ISNUMBER(%s),(%s-%s)/(%s-%s),0)", a, a, xlNum(q.Range[0]), xlNum(q.Range[1]), xlNum(q.Range[0]))
	}
	key := fmt.Sprintf("UPPER(TRIM(%s))", a)
	expr := "0"
	for i := len(q.Options) - 1; i >= 0; i-- {
		o := q.Options[i]
		if o.Value == 0 {
			continue
		}
		expr = fmt.Sprintf("IF(%s=%s,%s,%s)", key, xlQuote(o.Key), xlNum(o.Value), expr)
	}
	return expr
}

// splitNumber is the regulation's numbering that opens a question's text
// ("1.i.a") and the text after it; the numbering is empty when the text has
// none.
func splitNumber(q *model.Question) (number, text string) {
	t := strings.TrimSpace(q.Text)
	if first, rest, ok := strings.Cut(t, " "); ok && strings.Contains(first, ".") && len(first) <= 12 {
		return first, strings.TrimSpace(rest)
	}
	return "", t
}

// nodeLabel is a node's number on the worksheet: A, B for the components;
// below them what all its questions' numbers share (1.i for the items
// 1.i.a, 1.i.b; R1 for a Reform part), or its position (an area: 1 … 6).
func nodeLabel(n *model.Node, depth, pos int, parent string) string {
	if depth == 0 {
		return string(rune('A' + pos%26))
	}
	var common []string
	first := true
	count := 0
	var collect func(n *model.Node)
	collect = func(n *model.Node) {
		for _, q := range n.Questions {
			count++
			num, _ := splitNumber(q)
			segs := strings.Split(num, ".")
			if num == "" {
				segs = nil
			}
			if first {
				common, first = segs, false
				continue
			}
			k := 0
			for k < len(common) && k < len(segs) && common[k] == segs[k] {
				k++
			}
			common = common[:k]
		}
		for _, c := range n.Nodes {
			collect(c)
		}
	}
	collect(n)
	if count == 1 && len(n.Questions) == 1 && len(common) >= 3 {
		// An indicator of one item is the item's number without its
		// letter, unless that is its parent's number (H.I.a under H.I).
		if short := strings.Join(common[:len(common)-1], "."); short != parent {
			return short
		}
	}
	if label := strings.Join(common, "."); label != "" {
		return label
	}
	if depth == 1 {
		return fmt.Sprint(pos + 1)
	}
	return ""
}

// xlCriteria is the Penjelasan column: each option with its value and
// criterion, or how a number becomes a value.
func xlCriteria(q *model.Question) string {
	switch q.Type {
	case model.Percent:
		return "Persentase 0–100; nilai = jawaban ÷ 100."
	case model.Number:
		lo, hi := model.Points(q.Range[0]), model.Points(q.Range[1])
		return fmt.Sprintf("Angka %s sampai %s; nilai = (jawaban − %s) ÷ (%s − %s).", lo, hi, lo, hi, lo)
	}
	var lines []string
	for _, o := range q.Options {
		line := fmt.Sprintf("%s (%s)", o.Key, model.Points(o.Value))
		if o.Label != "" {
			line += ": " + o.Label
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
