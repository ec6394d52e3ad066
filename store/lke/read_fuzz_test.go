package lke

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// FuzzReadLKE: whatever the workbook, ReadLKE does not panic, and what it
// accepts is what the store accepts. The seeds are small official-layout
// worksheets and broken bytes; the second target fuzzes the cells of the
// worksheet rather than the zip around them.
func FuzzReadLKE(f *testing.F) {
	rows, _, _ := filledRows()
	f.Add(officialWorkbook(f, rows[:12]))
	f.Add(officialWorkbook(f, []lkeRow{{mark: "A.", text: "PENGUNGKIT"}, {mark: "I.", text: "PEMENUHAN"}, {mark: "1.", text: "MP"},
		{mark: "i.", text: "Tim"}, {mark: "a.", text: "x", answer: "Ya ya"}}))
	f.Add([]byte("PK\x03\x04 bukan zip"))
	f.Add([]byte{})
	in, _ := model.Builtin("lke-zi-2021")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, in, ReadLKE, "f.xlsx", data)
	})
}

// FuzzReadLKECells fuzzes what people type into the worksheet: the
// numbering, text, kind and answer of a few rows.
func FuzzReadLKECells(f *testing.F) {
	f.Add("a.", "Unit kerja", "Ya/Tidak", "ya", "-", "Jumlah Agen Perubahan", "Jumlah", "0,8")
	f.Add("ii.", "REFORM", "", "", "v", "Pemanfaatan", "%", "80%")
	f.Add("", "b Dalam dokumen", "A/B/C", "(B)", "x.", "", "", "8/0")
	in, _ := model.Builtin("lke-zi-2021")
	f.Fuzz(func(t *testing.T, m1, t1, k1, a1, m2, t2, k2, a2 string) {
		rows := []lkeRow{{mark: "A.", text: "PENGUNGKIT"}, {mark: "II.", text: "REFORM"}, {mark: "1.", text: "MP"}, {mark: "i.", text: "Komitmen"},
			{mark: "a.", text: "Agen", kind: "%"}, {mark: m1, text: t1, kind: k1, answer: a1}, {mark: m2, text: t2, kind: k2, answer: a2}}
		checkRead(t, in, ReadLKE, "f.xlsx", officialWorkbook(t, rows))
	})
}

// checkRead reads data as the file name with read: a refusal is a list of
// file errors, and what is accepted (all of it, or all but rows that
// match no question) the store accepts too, as the file and as the
// answers JSON it makes.
func checkRead(t *testing.T, in *model.Instrument, read func(string, []byte, *model.Instrument) (File, error), name string, data []byte) {
	t.Helper()
	file, err := read(name, data, in)
	if err != nil {
		if _, ok := model.AsFileErrors(err); !ok {
			t.Fatalf("not a list of file errors: %v", err)
		}
		if len(file.Invalid) > 0 || len(file.Skipped) == 0 {
			return
		}
		// Only rows that match no question: the rest can be imported.
	}
	if _, err := in.CheckAnswers(name, file.AnswersFile()); err != nil {
		t.Fatalf("accepted, but the store would refuse: %v", err)
	}
	data2, _ := file.answersJSON()
	af, err := model.ReadAnswersFile("f.json", data2)
	if err != nil {
		t.Fatalf("answers JSON does not read: %v\n%s", err, data2)
	}
	if _, err := in.CheckAnswers("f.json", af); err != nil {
		t.Fatalf("answers JSON refused: %v", err)
	}
}
