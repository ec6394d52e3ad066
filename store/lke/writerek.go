package lke

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// writeRekomendasi writes the sheet "Rekomendasi": the evaluation's
// recommendations with the node they are about, their text, priority,
// status, due date and the last follow-up.
func writeRekomendasi(f *excelize.File, st *styles, ws store.Worksheet, reks []model.Rekomendasi) error {
	const sh = SheetRekomendasi
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	var errs firstErr
	try := errs.try
	heads := []any{"No.", "Nomor LKE", "Komponen / Pertanyaan", "Rekomendasi", "Prioritas", "Status", "Batas Waktu", "Tindak Lanjut Terakhir", "Tanggal Tindak Lanjut", "ID ziwb"}
	for i, w := range []float64{6, 10, 40, 60, 10, 13, 12, 50, 12, 22} {
		name, _ := excelize.ColumnNumberToName(i + 1)
		try(f.SetColWidth(sh, name, name, w))
	}
	try(xlRow(f, sh, 1, st.header, heads...))
	try(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	if len(reks) == 0 {
		try(f.SetCellStr(sh, "A2", "Belum ada rekomendasi untuk evaluasi ini."))
		return errs.err
	}
	in := ws.Instrument
	for i, r := range reks {
		row := i + 2
		number, about := "", r.Node
		if q, ok := in.Question(r.Node); ok {
			number, about = splitNumber(q)
		} else if n, ok := in.Node(r.Node); ok {
			about = n.Title
			if path := in.Path(n.ID); len(path) > 1 {
				var titles []string
				for _, p := range path {
					titles = append(titles, p.Title)
				}
				about = strings.Join(titles, " › ")
			}
		}
		var lastText string
		var last model.TindakLanjut
		if k := len(r.FollowUps); k > 0 {
			last = r.FollowUps[k-1]
			lastText = last.Text
			if last.By != "" {
				lastText += " (" + last.By + ")"
			}
		}
		status := string(r.Status)
		if r.Reason != "" {
			status += ": " + r.Reason
		}
		try(xlRow(f, sh, row, st.wrap, i+1, number, about, r.Text, string(r.Priority), status, nil, lastText, nil, r.ID))
		for _, d := range []struct {
			col string
			t   bool
		}{{"G", !r.Due.IsZero()}, {"I", !last.Date.IsZero()}} {
			if !d.t {
				continue
			}
			v := r.Due
			if d.col == "I" {
				v = last.Date
			}
			try(f.SetCellValue(sh, xlCell(d.col, row), v))
			try(f.SetCellStyle(sh, xlCell(d.col, row), xlCell(d.col, row), st.date))
		}
	}
	try(f.AutoFilter(sh, fmt.Sprintf("A1:J%d", len(reks)+1), nil))
	return errs.err
}
