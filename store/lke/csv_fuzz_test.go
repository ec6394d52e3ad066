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
		checkRead(t, in, ReadCSV, "f.csv", data)
	})
}
