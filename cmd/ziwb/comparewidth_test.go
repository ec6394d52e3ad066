package main

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/store/lke"
)

// Every text of the comparison workbook fits its column: LibreOffice and
// Excel cut a text at the next filled cell, so a satker id, a kind
// ("Kantor Kemenag Kab/Kota") or the footer's "memenuhi target" must not
// be wider than its column.
func TestCompareXLSXWidths(t *testing.T) {
	db := demoDB(t)
	for _, group := range []string{"", "kind"} {
		path := filepath.Join(t.TempDir(), "dasbor.xlsx")
		args := []string{"compare", "--db", db, "-o", path}
		if group != "" {
			args = append(args, "--group", group)
		}
		if _, errOut, code := ziwb(t, args...); code != 0 {
			t.Fatalf("compare %v: exit %d: %s", args, code, errOut)
		}
		f := openXLSX(t, path)
		rows, err := f.GetRows(lke.SheetDashboard)
		if err != nil {
			t.Fatal(err)
		}
		types := map[string]bool{}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if v == "" || types[cell] {
					continue
				}
				if ty, _ := f.GetCellType(lke.SheetDashboard, cell); ty != excelize.CellTypeSharedString && ty != excelize.CellTypeInlineString {
					continue // a number: the spreadsheet shows ### rather than cut it, and widths of numbers are fixed
				}
				name, _ := excelize.ColumnNumberToName(c + 1)
				w, err := f.GetColWidth(lke.SheetDashboard, name)
				if err != nil {
					t.Fatal(err)
				}
				if n := utf8.RuneCountInString(v); float64(n) > w {
					t.Errorf("group %q: %s %q (%d characters) in a column %v wide", group, cell, v, n, w)
				}
			}
		}
	}
}
