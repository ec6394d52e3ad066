package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// libreOffice is the soffice binary on PATH, or "" when there is none.
func libreOffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// loSheets converts every sheet of an xlsx workbook to CSV with
// LibreOffice headless, which recalculates every formula on load (the
// workbook asks for it, and excelize writes no results to fall back on).
// shown writes cells as displayed (number formats applied) rather than
// their values. It returns the rows of each sheet by name.
func loSheets(t *testing.T, soffice, xlsx string, shown bool) map[string][][]string {
	t.Helper()
	dir := t.TempDir()
	// Filter options: comma, double quote, UTF-8, from line 1, no column
	// formats, language, no quoted-as-text, detect special numbers,
	// "save as shown", no formulas, no trimming, every sheet (-1).
	opts := fmt.Sprintf("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,%t,false,false,-1", shown)
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", opts, "--outdir", dir, xlsx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	base := strings.TrimSuffix(filepath.Base(xlsx), filepath.Ext(xlsx))
	sheets := map[string][][]string{}
	for _, name := range []string{lke.SheetLKE, lke.SheetRekap, lke.SheetRekomendasi} {
		data, err := os.ReadFile(filepath.Join(dir, base+"-"+name+".csv"))
		if err != nil {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("%v (the directory holds %v)", err, entries)
		}
		r := csv.NewReader(strings.NewReader(string(data)))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		sheets[name] = rows
	}
	if keep := os.Getenv("ZIWB_LO_KEEP"); keep != "" {
		tag := "values"
		if shown {
			tag = "shown"
		}
		for name, rows := range sheets {
			f, err := os.Create(filepath.Join(keep, fmt.Sprintf("%s-%s-%s.csv", base, name, tag)))
			if err == nil {
				csv.NewWriter(f).WriteAll(rows)
				f.Close()
			}
		}
	}
	return sheets
}

// loScores reads the "Skor" column of the sheet LKE ZI by "ID ziwb".
func loScores(t *testing.T, rows [][]string) map[string]string {
	t.Helper()
	head := rows[lke.HeaderRow-1]
	score, id := -1, -1
	for i, h := range head {
		switch h {
		case lke.HeadScore:
			score = i
		case lke.HeadID:
			id = i
		}
	}
	if score < 0 || id < 0 {
		t.Fatalf("no %q or %q in %v", lke.HeadScore, lke.HeadID, head)
	}
	out := map[string]string{}
	for _, r := range rows[lke.HeaderRow:] {
		if id < len(r) && score < len(r) && r[id] != "" {
			out[r[id]] = r[score]
		}
	}
	return out
}

// TestExportXLSXLibreOffice opens the exported workbook in LibreOffice,
// lets it recalculate, and compares every subtotal with "ziwb score
// --json"; then edits an answer and checks LibreOffice's new total
// against model.Score. Skipped without LibreOffice; run it by hand with
// cmd/ziwb/testdata/libreoffice-check.sh.
func TestExportXLSXLibreOffice(t *testing.T) {
	soffice := libreOffice()
	if soffice == "" {
		t.Skip("LibreOffice (soffice) is not on PATH")
	}
	db := demoDB(t)
	const satker = "kankemenag-sinjai"
	xlsx := filepath.Join(t.TempDir(), "lke.xlsx")
	if keep := os.Getenv("ZIWB_LO_KEEP"); keep != "" {
		xlsx = filepath.Join(keep, "lke-"+satker+".xlsx")
	}
	_, exported, code := ziwb(t, "export", "--db", db, "--format", "xlsx", "--satker", satker, "-o", xlsx)
	if code != 0 {
		t.Fatalf("export --format xlsx: exit %d: %s", code, exported)
	}
	out, errOut, code := ziwb(t, "score", "--db", db, "--satker", satker, "--json")
	if code != 0 {
		t.Fatalf("score --json: exit %d: %s", code, errOut)
	}
	var cards []struct {
		Evaluation string
		Total      float64
		Result     *string
		Nodes      map[string]struct{ Score float64 }
	}
	if err := json.Unmarshal([]byte(out), &cards); err != nil {
		t.Fatal(err)
	}
	card := cards[len(cards)-1] // the latest round, the one exported
	if !strings.Contains(exported, card.Evaluation) {
		t.Fatalf("exported %q, the latest card is %s", exported, card.Evaluation)
	}

	sheets := loSheets(t, soffice, xlsx, false)
	got := loScores(t, sheets[lke.SheetLKE])
	check := func(id string, want float64) {
		t.Helper()
		// LibreOffice writes a value in its cell's language: the
		// workbook's numbers are Indonesian, so with a decimal comma.
		v, err := strconv.ParseFloat(strings.Replace(got[id], ",", ".", 1), 64)
		if err != nil || math.Abs(v-want) > 1e-9 {
			t.Errorf("LibreOffice %s = %q, ziwb score %v", id, got[id], want)
		}
	}
	for id, n := range card.Nodes {
		check(id, n.Score)
	}
	check(lke.TotalID, card.Total)
	t.Logf("LibreOffice recalculated %d subtotals and the total (%s) as ziwb score --json", len(card.Nodes), got[lke.TotalID])

	// Shown as an Indonesian reader sees it: comma decimals.
	shown := loScores(t, loSheets(t, soffice, xlsx, true)[lke.SheetLKE])
	if want := model.Points(card.Total); shown[lke.TotalID] != want {
		t.Errorf("LibreOffice shows the total as %q, want %q", shown[lke.TotalID], want)
	}
	result := "belum"
	if card.Result != nil {
		result = *card.Result
	}
	found := false
	for _, r := range sheets[lke.SheetRekap] {
		if len(r) > 1 && r[0] == "Predikat tercapai" {
			found = true
			if r[1] != result {
				t.Errorf("LibreOffice's predikat tercapai %q, ziwb %q", r[1], result)
			}
		}
	}
	if !found {
		t.Error("no Predikat tercapai on Rekap")
	}

	// An evaluator changes an answer in the workbook: LibreOffice's new
	// subtotals are model.Score's of the changed answers.
	sdb := mustOpen(t, db, true)
	defer sdb.Close()
	ws, err := sdb.Worksheet(card.Evaluation)
	if err != nil {
		t.Fatal(err)
	}
	sc, _, err := sdb.Scorecard(card.Evaluation)
	if err != nil {
		t.Fatal(err)
	}
	answers := model.Answers{}
	for id, a := range ws.Answers {
		answers[id] = a.Value
	}
	var q *model.Question
	for _, x := range ws.Instrument.Questions() {
		if x.Type == model.ABCD && answers[x.ID].Choice == "A" {
			q = x
			break
		}
	}
	if q == nil {
		t.Fatal("no abcd question answered A")
	}
	f := openXLSX(t, xlsx)
	rows, err := f.GetRows(lke.SheetLKE)
	if err != nil {
		t.Fatal(err)
	}
	var ansCol string
	for i, h := range rows[lke.HeaderRow-1] {
		if h == lke.HeadAnswer {
			ansCol, _ = excelize.ColumnNumberToName(i + 1)
		}
	}
	row := 0
	for i, r := range rows {
		if len(r) > 0 && r[len(r)-1] == q.ID {
			row = i + 1
		}
	}
	if ansCol == "" || row == 0 {
		t.Fatalf("no answer cell for %s", q.ID)
	}
	if err := f.SetCellStr(lke.SheetLKE, fmt.Sprintf("%s%d", ansCol, row), "c"); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(filepath.Dir(xlsx), "lke-diubah.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	answers[q.ID] = model.Letter("C")
	want, err := model.Score(ws.Instrument, answers, sc.Target)
	if err != nil {
		t.Fatal(err)
	}
	got = loScores(t, loSheets(t, soffice, edited, false)[lke.SheetLKE])
	for _, n := range want.Nodes {
		check(n.ID, n.Score)
	}
	check(lke.TotalID, want.Total)
	t.Logf("%s A → c: LibreOffice's total %s, model.Score %v (was %v)", q.ID, got[lke.TotalID], want.Total, card.Total)
}
