package main

import (
	"encoding/csv"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// openXLSX opens a workbook a command wrote.
func openXLSX(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// fillOf is the fill colour of a cell's style, "" for none.
func fillOf(t *testing.T, f *excelize.File, sheet, c string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, c)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(st.Fill.Color[0])
}

func TestCompareXLSX(t *testing.T) {
	db := demoDB(t)
	path := filepath.Join(t.TempDir(), "dasbor.xlsx")
	if _, errOut, code := ziwb(t, "compare", "--db", db, "--format", "xlsx"); code != 2 || !strings.Contains(errOut, "-o") {
		t.Fatalf("xlsx without -o: exit %d: %s", code, errOut)
	}
	_, errOut, code := ziwb(t, "compare", "--db", db, "--format", "xlsx", "-o", path)
	if code != 0 || !strings.Contains(errOut, "Tabel 13 satker") {
		t.Fatalf("compare --format xlsx: exit %d: %s", code, errOut)
	}
	out, errOut, code := ziwb(t, "compare", "--db", db, "--format", "csv")
	if code != 0 {
		t.Fatalf("compare --format csv: exit %d: %s", code, errOut)
	}
	want, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, path)
	rows, err := f.GetRows(lke.SheetDashboard, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(want[0], ",") {
		t.Fatalf("xlsx columns\n%v\nwant the csv's\n%v", rows[0], want[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	pass, fail := 0, 0
	for i, w := range want[1:] {
		got := rows[i+1]
		for _, h := range []string{"satker", "status", "predikat", "verdict total", "mp verdict", "total", "hasil"} {
			g := ""
			if c := col[h]; c < len(got) {
				g = got[c]
			}
			if h == "total" || h == "hasil" {
				gf, err1 := strconv.ParseFloat(g, 64)
				wf, err2 := strconv.ParseFloat(w[col[h]], 64)
				if err1 == nil && err2 == nil && math.Abs(gf-wf) < 1e-4 {
					continue
				}
			}
			if g != w[col[h]] {
				t.Errorf("row %d %s: xlsx %q, csv %q", i+2, h, g, w[col[h]])
			}
		}
		for _, h := range []string{"verdict total", "mp verdict", "hasil verdict"} {
			c, _ := excelize.CoordinatesToCellName(col[h]+1, i+2)
			switch fill := fillOf(t, f, lke.SheetDashboard, c); w[col[h]] {
			case model.Pass.Word():
				pass++
				if fill != "C6EFCE" {
					t.Errorf("%s %s: fill %q, want green", c, w[col[h]], fill)
				}
			case model.Fail.Word():
				fail++
				if fill != "FFC7CE" {
					t.Errorf("%s %s: fill %q, want red", c, w[col[h]], fill)
				}
			}
		}
	}
	if pass == 0 || fail == 0 {
		t.Errorf("the demo shows %d passing and %d failing verdicts; want both", pass, fail)
	}
	if _, errOut, code := ziwb(t, "compare", "--db", db, "--format", "xlsx", "--group", "region", "-o", path); code != 0 {
		t.Fatalf("compare --group region --format xlsx: exit %d: %s", code, errOut)
	}
}

func TestExportXLSX(t *testing.T) {
	db := demoDB(t)
	path := filepath.Join(t.TempDir(), "lke.xlsx")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--satker", "kankemenag-sinjai"}, "-o"},
		{[]string{"-o", path}, "tepat satu --satker"},
		{[]string{"--satker", "kankemenag-sinjai,kankemenag-magelang", "-o", path}, "tepat satu --satker"},
		{[]string{"--satker", "kankemenag-sinjai", "--year", "2019", "-o", path}, "belum punya evaluasi"},
	} {
		_, errOut, code := ziwb(t, append([]string{"export", "--db", db, "--format", "xlsx"}, c.args...)...)
		if code == 0 || !strings.Contains(errOut, c.msg) {
			t.Errorf("export --format xlsx %v: exit %d: %s (want %q)", c.args, code, errOut, c.msg)
		}
	}
	_, errOut, code := ziwb(t, "export", "--db", db, "--format", "xlsx", "--satker", "kankemenag-sinjai", "--stage", "PMPZI", "-o", path)
	if code != 0 || !strings.Contains(errOut, "kankemenag-sinjai/2026/PMPZI") {
		t.Fatalf("export --stage PMPZI: exit %d: %s", code, errOut)
	}
	f := openXLSX(t, path)
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join([]string{lke.SheetLKE, lke.SheetRekap, lke.SheetRekomendasi}, ",") {
		t.Errorf("sheets %v", got)
	}
	if v, _ := f.GetCellValue(lke.SheetLKE, "A2"); !strings.Contains(v, "PMPZI 2026") {
		t.Errorf("the heading names %q", v)
	}
}
