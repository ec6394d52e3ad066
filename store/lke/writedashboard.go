package lke

import (
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// SheetDashboard is the sheet of the comparison table.
const SheetDashboard = "Perbandingan"

// WriteDashboard writes the comparison table of "ziwb compare" as an
// .xlsx workbook: one row per satker with the columns of the CSV output,
// numbers as numbers in the Indonesian format, and each verdict — the
// total's and every component's — coloured as on screen, pass green and
// fail red. When grouped, each group ends with its subtotal row, as the
// CSV does. The rows go through excelize's StreamWriter, which keeps what
// it holds in memory bounded (it spills to a temporary file), so a table
// of thousands of satkers costs little more than the dashboard itself.
func WriteDashboard(w io.Writer, d model.Dashboard, groups []model.DashboardGroup, tally model.Tally, grouped bool) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetDashboard); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetDashboard)
	if err != nil {
		return err
	}
	head := d.ExportHead(grouped)
	widths := map[string]float64{"nama": 40, "provinsi": 22, "kabupaten/kota": 22, "evaluasi": 26, "evaluasi sebelumnya": 26, "satker": 16, "verdict total": 13}
	fit := dashboardFit(d, head, groups, grouped)
	for i, h := range head {
		wd, ok := widths[h]
		if !ok {
			wd = 11
		}
		wd = max(wd, min(float64(fit[i]+1), 60))
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	row := 1
	put := func(cells []any) error {
		c, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		row++
		return sw.SetRow(c, cells)
	}
	if err := put(cells); err != nil {
		return err
	}
	text := func(s string) any { return excelize.Cell{StyleID: st.text, Value: s} }
	number := func(f float64, style int) any { return excelize.Cell{StyleID: style, Value: f} }
	verdict := func(v model.Verdict) (word string, style int) {
		switch v {
		case model.Pass:
			return v.Word(), st.pass
		case model.Fail:
			return v.Word(), st.fail
		}
		return "", st.points
	}
	for _, g := range groups {
		for _, r := range g.Rows {
			s := r.Satker
			rec := []any{text(s.ID), text(s.Name), text(string(s.Kind)), text(s.Province), text(s.Regency), text(s.Target)}
			if r.HasEval() {
				word, style := verdict(r.TotalVerdict)
				rec = append(rec, text(r.Eval), r.Year, text(string(r.Stage)), text(string(r.Status)), r.Answered, r.Questions,
					number(r.Progress()*100, st.points), number(r.Total, style), number(r.Max, st.points), excelize.Cell{StyleID: style, Value: word}, text(r.Result))
				for _, c := range r.Cells {
					if c.Max <= 0 {
						rec = append(rec, nil, nil)
						continue
					}
					word, style := verdict(c.Verdict)
					rec = append(rec, number(c.Score, style), excelize.Cell{StyleID: style, Value: word})
				}
				if r.Delta.Has() {
					rec = append(rec, number(r.Delta.Points, st.points), text(r.Delta.Trend.Word()), text(r.Delta.Prev))
				} else {
					rec = append(rec, nil, nil, nil)
				}
			} else {
				rec = append(rec, make([]any, 11+2*len(d.Columns)+3)...)
			}
			if grouped {
				rec = append(append([]any{text(g.Key), text("satker")}, rec...), make([]any, len(model.TallyHead))...)
			}
			if err := put(rec); err != nil {
				return err
			}
		}
		if grouped {
			t := g.Tally
			rec := append([]any{excelize.Cell{StyleID: st.node[1], Value: g.Key}, excelize.Cell{StyleID: st.node[1], Value: "subtotal"}},
				make([]any, len(head)-2-len(model.TallyHead))...)
			rec = append(rec, t.Satkers, t.Evaluated, t.WBBM, t.WBK, t.None, t.OnTarget, number(t.MeanTotal, st.points))
			if err := put(rec); err != nil {
				return err
			}
		}
	}
	// The table's total, as the Markdown report ends with it.
	row++
	t := tally
	for _, line := range [][]any{
		{excelize.Cell{StyleID: st.node[0], Value: "Jumlah"}, nil, text("satker"), t.Satkers, text("dievaluasi"), t.Evaluated},
		{nil, nil, text("WBBM"), t.WBBM, text("WBK"), t.WBK, text("belum"), t.None},
		{nil, nil, text("memenuhi target"), t.OnTarget, text("rata-rata total"), number(t.MeanTotal, st.points)},
	} {
		if err := put(line); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// dashboardFit is the length in characters of the longest text of each
// column of the comparison table — its heading, the satkers' ids, names,
// kinds and places, the rounds, the footer's words — so that no text is
// cut at the next cell.
func dashboardFit(d model.Dashboard, head []string, groups []model.DashboardGroup, grouped bool) map[int]int {
	fit := map[int]int{}
	note := func(col int, s string) { fit[col] = max(fit[col], utf8.RuneCountInString(s)) }
	for i, h := range head {
		note(i, h)
	}
	off := 0
	if grouped {
		off = 2
	}
	last := off + 17 + 2*len(d.Columns) // "perubahan (poin)"
	for _, g := range groups {
		note(0, g.Key)
		for _, r := range g.Rows {
			s := r.Satker
			for i, v := range []string{s.ID, s.Name, string(s.Kind), s.Province, s.Regency, s.Target} {
				note(off+i, v)
			}
			if !r.HasEval() {
				continue
			}
			note(off+6, r.Eval)
			note(off+8, string(r.Stage))
			note(off+9, string(r.Status))
			note(off+16, r.Result)
			if r.Delta.Has() {
				note(last+1, r.Delta.Trend.Word())
				note(last+2, r.Delta.Prev)
			}
		}
	}
	for col, words := range map[int][]string{0: {"Jumlah"}, 2: {"satker", "WBBM", "memenuhi target"}, 4: {"dievaluasi", "WBK", "rata-rata total"}, 6: {"belum"}} {
		for _, w := range words {
			note(col, w)
		}
	}
	return fit
}
