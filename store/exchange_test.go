package store

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

func exportJSON(t testing.TB, db *DB, satker string) []byte {
	t.Helper()
	b, err := db.Export(satker)
	if err != nil {
		t.Fatal(err)
	}
	data, err := b.JSON()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// richDB is a database with the demo set plus deletions, undos and an
// evaluation on a second instrument: every kind of record.
func richDB(t testing.TB) *DB {
	t.Helper()
	db := demoDB(t, 0)
	mini := miniInstrument(t)
	e, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kua-tombatu", Year: 2025, Stage: model.StagePMPZI}, mini, "x")
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range mini.Questions() {
		db.SetAnswer(e.ID, q.ID, validValue(q, i), "x")
	}
	db.SetNote(e.ID, "a1.1", "catatan <penting> & \"kutipan\"\nbaris dua", "x")
	db.Undo(e.ID, "x")
	db.Undo(e.ID, "x")
	db.CreateSatker(satkerFixture("kk-dihapus"), "x")
	db.DeleteSatker("kk-dihapus", "x")
	return db
}

func TestExportImportExportIsIdentical(t *testing.T) {
	src := richDB(t)
	first := exportJSON(t, src, "")
	dst, _ := testDB(t)
	stats, err := dst.Import("bundel.json", first, "pengimpor")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := src.Export("")
	counts := c.Counts()
	if stats.Satkers.Added != counts.Satkers || stats.Answers.Added != counts.Answers || stats.History.Added != counts.History ||
		stats.Evaluations.Added != counts.Evaluations || stats.Instruments.Added != counts.Instruments {
		t.Errorf("stats %+v; bundle %+v", stats, counts)
	}
	second := exportJSON(t, dst, "")
	if !bytes.Equal(first, second) {
		t.Fatalf("export → import → export differs:\n%s", firstDiff(first, second))
	}
	mustCheckClean(t, dst)
	// Summaries agree too (they are derived, not exported).
	a, _ := src.SatkerSummaries()
	b, _ := dst.SatkerSummaries()
	if summariesText(a) != summariesText(b) {
		t.Errorf("summaries differ after the round trip:\n%s\n%s", summariesText(a), summariesText(b))
	}

	// One satker's bundle round-trips into an empty database as well.
	one := exportJSON(t, src, "kankemenag-magelang")
	dst2, _ := testDB(t)
	if _, err := dst2.Import("satu.json", one, "x"); err != nil {
		t.Fatal(err)
	}
	again := exportJSON(t, dst2, "kankemenag-magelang")
	if !bytes.Equal(stripSeqs(one), stripSeqs(again)) {
		t.Fatalf("satker bundle round trip differs:\n%s", firstDiff(one, again))
	}
}

// stripSeqs removes history sequence numbers, which a satker's bundle
// renumbers in a database of its own.
func stripSeqs(b []byte) []byte {
	var out [][]byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		if i := bytes.Index(l, []byte(`{"seq":`)); i >= 0 {
			j := bytes.IndexByte(l[i:], ',')
			l = append(append([]byte{}, l[:i+1]...), l[i+j+1:]...)
		}
		if i := bytes.Index(l, []byte(`,"undoes":`)); i >= 0 {
			l = append(append([]byte{}, l[:i]...), '}')
		}
		out = append(out, l)
	}
	return bytes.Join(out, []byte("\n"))
}

func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

func TestImportTwiceChangesNothing(t *testing.T) {
	src := richDB(t)
	data := exportJSON(t, src, "")
	dst, path := testDB(t)
	if _, err := dst.Import("b.json", data, "x"); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	stats, err := dst.Import("b.json", data, "x")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Changed() || stats.Answers.Unchanged == 0 || stats.History.Unchanged == 0 {
		t.Errorf("second import: %+v", stats)
	}
	if fileSum(t, path) != before {
		t.Fatal("the second import changed the file")
	}
	// Into the source itself: nothing new either.
	if stats, err := src.Import("b.json", data, "x"); err != nil || stats.Changed() {
		t.Errorf("import into its own source: %+v %v", stats, err)
	}
}

func TestImportMergesByTime(t *testing.T) {
	in := testInstrument(t)
	a, _ := testDB(t)
	e := seed(t, a, "kk-a", model.StagePMPZI, in)
	q1, q2 := in.Questions()[0], in.Questions()[1]
	a.SetAnswer(e.ID, q1.ID, q1.Best(), "a")
	a.SetAnswer(e.ID, q2.ID, q2.Best(), "a")
	bundle := exportJSON(t, a, "")

	b, _ := testDB(t)
	if _, err := b.Import("a.json", bundle, "b"); err != nil {
		t.Fatal(err)
	}
	b.now = func() time.Time { return fixedNow.Add(24 * time.Hour) } // b edits q2 a day after a's edits
	b.SetAnswer(e.ID, q2.ID, q2.Worst(), "b")
	a.SetAnswer(e.ID, q1.ID, q1.Worst(), "a") // a edits q1 (earlier than b's q2)
	stats, err := b.Import("a2.json", exportJSON(t, a, ""), "b")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := b.Answers(e.ID)
	if got[q1.ID].Value != q1.Worst() {
		t.Errorf("q1: the newer answer from the bundle was not taken: %v", got[q1.ID].Value)
	}
	if got[q2.ID].Value != q2.Worst() {
		t.Errorf("q2: the newer stored answer was replaced by an older one: %v", got[q2.ID].Value)
	}
	if stats.Answers.Updated != 1 || stats.Answers.Kept != 1 {
		t.Errorf("stats %+v", stats.Answers)
	}
	h, _ := b.History(HistoryFilter{Evaluation: e.ID, Question: q1.ID})
	if len(h) == 0 || h[0].By != "b" || h[0].New != q1.Worst().String() {
		t.Errorf("the import's change is not in history: %+v", h)
	}
	mustCheckClean(t, b)
}

// TestOneBadRecordInALargeBundleChangesNothing imports a bundle of 200
// satkers with bad records into a database that has data: every problem is
// reported with its line, and the file stays byte for byte as it was.
func TestOneBadRecordInALargeBundleChangesNothing(t *testing.T) {
	src := demoDB(t, 200)
	data := exportJSON(t, src, "")
	lines := strings.Split(string(data), "\n")
	var letters []int // lines of answers with a letter value
	for i, l := range lines {
		if strings.Contains(l, `"question":`) && strings.Contains(l, `"value":"`) {
			letters = append(letters, i)
		}
	}
	badLine := -1
	if len(letters) > 0 {
		i := letters[len(letters)*2/3]
		lines[i] = strings.Replace(lines[i], `"value":"`, `"value":"Z`, 1)
		badLine = i + 1
	}
	if badLine < 0 {
		t.Fatal("no letter answer to spoil")
	}
	bad := []byte(strings.Join(lines, "\n"))

	dst, path := testDB(t)
	e := seed(t, dst, "kk-lain", model.StagePMPZI, testInstrument(t))
	dst.SetAnswer(e.ID, testInstrument(t).Questions()[0].ID, testInstrument(t).Questions()[0].Best(), "x")
	before := fileSum(t, path)
	_, err := dst.Import("besar.json", bad, "x")
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("import of a bad bundle: %v; want ErrInvalid", err)
	}
	es, ok := model.AsFileErrors(err)
	if !ok || len(es) != 1 || es[0].Line != badLine || es[0].File != "besar.json" {
		t.Fatalf("errors %v; want one at besar.json:%d", err, badLine)
	}
	if fileSum(t, path) != before {
		t.Fatal("a failed import changed the file")
	}

	// Several problems: all reported, in their places.
	lines = strings.Split(string(data), "\n")
	var want []int
	for i, l := range lines {
		switch {
		case len(want) == 0 && strings.HasPrefix(l, `    {"id":"uji-`) && strings.Contains(l, `"kind"`):
			lines[i] = strings.Replace(l, `"target":"WBK"`, `"target":"WBX"`, 1)
			want = append(want, i+1)
		case len(want) == 1 && strings.Contains(l, `"question":`):
			lines[i] = strings.Replace(l, `"question":"`, `"question":"tidak.ada`, 1)
			want = append(want, i+1)
		case len(want) == 2 && strings.Contains(l, `"field":`):
			lines[i] = strings.Replace(l, `"field":"`, `"bidang":"`, 1)
			want = append(want, i+1)
		}
	}
	_, err = dst.Import("besar.json", []byte(strings.Join(lines, "\n")), "x")
	es, _ = model.AsFileErrors(err)
	var got []int
	for _, e := range es {
		got = append(got, e.Line)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("problems at lines %v; want %v:\n%v", got, want, err)
	}
	if fileSum(t, path) != before {
		t.Fatal("a failed import changed the file")
	}
}

func TestImportRejects(t *testing.T) {
	db, path := testDB(t)
	good := exportJSON(t, richDB(t), "kua-tombatu")
	cases := map[string]struct {
		data string
		want string
	}{
		"empty":         {"", "berkas kosong"},
		"not json":      {"bukan json", "JSON tidak sah"},
		"array":         {"[]", "harus berupa objek"},
		"truncated":     {string(good[:len(good)/2]), "terpotong"},
		"other format":  {`{"format": "lain", "version": 1}`, "bukan bundel ziwb"},
		"newer version": {`{"format": "ziwb-bundle", "version": 9}`, "lebih baru"},
		"no version":    {`{"format": "ziwb-bundle"}`, `tidak punya "version"`},
		"unknown key":   {`{"format": "ziwb-bundle", "version": 1, "extra": 1}`, "kunci tidak dikenal"},
		"trailing":      {`{"format": "ziwb-bundle", "version": 1} {}`, "isi lain"},
		"unknown field": {`{"format": "ziwb-bundle", "version": 1, "satkers": [{"id": "a", "warna": 1}]}`, `kolom tidak dikenal "warna"`},
		"wrong type":    {`{"format": "ziwb-bundle", "version": 1, "satkers": [{"id": 5}]}`, `"id" harus berupa teks`},
		"bad time": {`{"format": "ziwb-bundle", "version": 1, "satkers": [{"id": "a", "name": "A", "kind": "KUA", "province": "P", "target": "WBK", "created": "kemarin", "updated": "2026-01-01T00:00:00Z"}]}`,
			"waktu"},
		"missing times":      {`{"format": "ziwb-bundle", "version": 1, "satkers": [{"id": "a", "name": "A", "kind": "KUA", "province": "P", "target": "WBK"}]}`, "wajib diisi"},
		"orphan evaluation":  {`{"format": "ziwb-bundle", "version": 1, "evaluations": [{"id": "x/2026/PMPZI", "satker": "x", "year": 2026, "stage": "PMPZI", "instrument": "i", "instrument_hash": "h", "status": "draft", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}]}`, "tidak ada di bundel maupun di basis data"},
		"orphan answer":      {`{"format": "ziwb-bundle", "version": 1, "answers": [{"evaluation": "x/2026/PMPZI", "question": "q", "value": "A", "by": "x", "at": "2026-01-01T00:00:00Z"}]}`, "evaluasi \"x/2026/PMPZI\" tidak ada"},
		"instrument hash":    {`{"format": "ziwb-bundle", "version": 1, "instruments": [{"id": "i", "hash": "00", "source": "id: i"}]}`, "tidak cocok"},
		"undo of nothing":    {`{"format": "ziwb-bundle", "version": 1, "history": [{"seq": 2, "at": "2026-01-01T00:00:00Z", "by": "x", "satker": "s", "field": "value", "old": "", "new": "", "undoes": 1}]}`, "mengurungkan"},
		"duplicate seq":      {`{"format": "ziwb-bundle", "version": 1, "history": [{"seq": 1, "at": "2026-01-01T00:00:00Z", "by": "x", "satker": "s", "field": "f", "old": "", "new": ""}, {"seq": 1, "at": "2026-01-01T00:00:00Z", "by": "x", "satker": "s", "field": "f", "old": "", "new": ""}]}`, "ganda"},
		"duplicate key":      {`{"format": "ziwb-bundle", "version": 1, "version": 1}`, "ganda"},
		"nul in history ids": {`{"format": "ziwb-bundle", "version": 1, "history": [{"seq": 1, "at": "2026-01-01T00:00:00Z", "by": "x", "satker": "s\u0000t", "field": "f", "old": "", "new": ""}]}`, "wajib diisi"},
	}
	before := fileSum(t, path)
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := db.Import("b.json", []byte(c.data), "x")
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v; want ErrInvalid saying %q", err, c.want)
			}
			if !strings.Contains(err.Error(), "b.json:") {
				t.Errorf("error does not name the file and line: %v", err)
			}
		})
	}
	if fileSum(t, path) != before {
		t.Fatal("a refused import changed the file")
	}
	if _, err := db.Import("baik.json", good, "x"); err != nil {
		t.Fatalf("the good bundle: %v", err)
	}
}

func TestImportAnswers(t *testing.T) {
	db, path := testDB(t)
	in := testInstrument(t)
	if _, err := db.CreateSatker(satkerFixture("kk-a"), "x"); err != nil {
		t.Fatal(err)
	}
	qs := in.Questions()
	file := fmt.Sprintf(`{"instrument": %q, "target": "WBK",
 "answers": {%q: %s, %q: %s}}`, in.ID, qs[0].ID, encode(validValue(qs[0], 0)), qs[1].ID, encode(validValue(qs[1], 1)))
	stats, err := db.ImportAnswers("jawaban.json", []byte(file), "kk-a", "", 0, "x")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Evaluations.Added != 1 || stats.Answers.Added != 2 {
		t.Errorf("stats %+v", stats)
	}
	id := model.EvaluationID("kk-a", fixedNow.Year(), model.StagePMPZI)
	as, err := db.Answers(id)
	if err != nil || len(as) != 2 || as[qs[0].ID].Value != validValue(qs[0], 0) {
		t.Fatalf("answers %+v %v", as, err)
	}
	// Again: nothing changes, not a byte.
	before := fileSum(t, path)
	if stats, err := db.ImportAnswers("jawaban.json", []byte(file), "kk-a", model.StagePMPZI, fixedNow.Year(), "x"); err != nil || stats.Changed() {
		t.Errorf("second import: %+v %v", stats, err)
	}
	if fileSum(t, path) != before {
		t.Error("second import changed the file")
	}
	// A null clears; bad answers are all reported with their lines and
	// nothing is written.
	bad := fmt.Sprintf("{\"instrument\": %q,\n \"answers\": {\n  %q: null,\n  \"tidak.ada\": \"A\",\n  %q: \"Q\"}}", in.ID, qs[0].ID, qs[1].ID)
	_, err = db.ImportAnswers("buruk.json", []byte(bad), "kk-a", "", 0, "x")
	es, ok := model.AsFileErrors(err)
	if !errors.Is(err, ErrInvalid) || !ok || len(es) != 2 || es[0].Line != 4 || es[1].Line != 5 {
		t.Fatalf("bad answers file: %v", err)
	}
	if fileSum(t, path) != before {
		t.Error("a refused answers file changed the database")
	}
	clear := fmt.Sprintf(`{"answers": {%q: null}}`, qs[0].ID)
	if stats, err := db.ImportAnswers("hapus.json", []byte(clear), "kk-a", "", 0, "x"); err != nil || stats.Answers.Updated != 1 {
		t.Errorf("clearing import: %+v %v", stats, err)
	}
	if as, _ := db.Answers(id); len(as) != 1 {
		t.Errorf("after clearing: %+v", as)
	}
	// Wrong instrument, missing satker, a stage and year of its own.
	if _, err := db.ImportAnswers("x.json", []byte(`{"instrument": "lain", "answers": {}}`), "kk-a", "", 0, "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("other instrument: %v", err)
	}
	if _, err := db.ImportAnswers("x.json", []byte(file), "tidak-ada", "", 0, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing satker: %v", err)
	}
	if _, err := db.ImportAnswers("x.json", []byte(file), "kk-a", model.StageTPI, 2025, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Evaluation("kk-a/2025/TPI"); err != nil {
		t.Errorf("evaluation for the given stage and year: %v", err)
	}
	mustCheckClean(t, db)
}

func summariesText(list []SatkerSummary) string {
	var b strings.Builder
	for _, s := range list {
		fmt.Fprintf(&b, "%+v\n", s.Satker)
		for _, e := range s.Evaluations {
			fmt.Fprintf(&b, "  %+v\n", e)
		}
		if s.Latest != nil {
			fmt.Fprintf(&b, "  latest %s\n", s.Latest.ID)
		}
	}
	return b.String()
}

// A syntax error inside a record is reported on the record's own line, as
// the import reads from memory and as it streams: encoding/json counts such
// an error's offset from the record's start, not the bundle's.
func TestImportSyntaxErrorInARecordHasItsLine(t *testing.T) {
	lines := strings.Split(string(exportJSON(t, richDB(t), "")), "\n")
	bad := -1
	for i, l := range lines {
		if strings.HasPrefix(l, `    {"evaluation":`) && strings.Contains(l, `"question":`) {
			if bad >= 0 {
				lines[i] = strings.Replace(l, `{"evaluation"`, `{evaluation"`, 1)
				bad = i + 1
				break
			}
			bad = 0 // not the first record of its list
		}
	}
	if bad <= 0 {
		t.Fatal("no second answer record to spoil")
	}
	data := []byte(strings.Join(lines, "\n"))
	db, _ := testDB(t)
	for name, imp := range map[string]func() (ImportStats, error){
		"memory": func() (ImportStats, error) { return db.Import("b.json", data, "x") },
		"stream": func() (ImportStats, error) { return db.ImportFrom("b.json", bytes.NewReader(data), "x") },
	} {
		_, err := imp()
		es, ok := model.AsFileErrors(err)
		if !ok || len(es) != 1 || es[0].Line != bad || !strings.Contains(es[0].Msg, "JSON tidak sah") {
			t.Errorf("%s: %v; want a syntax error at b.json:%d", name, err, bad)
		}
	}
}
