package lke

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// FuzzReadCSV: whatever the bytes, ReadCSV does not panic, and what it
// accepts is what the store accepts.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"id,nomor,jawaban,nilai,skor,catatan\r\nmp.pemenuhan.1,1.i.a,Y,1,0.25,SK ada\r\n",
		"\ufeffNomor;Jawaban;Catatan\n1.i.b; a. ;\"x;y\"\nR1.i.a;8/10;\nH.I.a;3,41;\n",
		"id,jawaban\nmp.reform.1,0.8\nmp.reform.2,75%\nhasil.ipak,\n",
		"jawaban,id\n\"A\nB\",mp.pemenuhan.2\n",
		"id,jawaban\nmp.pemenuhan.1,\"Y\n",
		"",
	} {
		f.Add([]byte(s))
	}
	in, _ := model.Builtin("lke-zi-2021")
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadCSV("f.csv", data, in)
		if err != nil {
			if _, ok := model.AsFileErrors(err); !ok {
				t.Fatalf("not a list of file errors: %v", err)
			}
			if len(file.Invalid) > 0 || len(file.Skipped) == 0 {
				return
			}
			// Only rows that match no question: the rest can be imported.
		}
		if _, err := in.CheckAnswers("f.csv", file.AnswersFile()); err != nil {
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
	})
}
