package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestCheckFindsBrokenReferences writes inconsistent records behind the
// API's back and expects Check to name each one.
func TestCheckFindsBrokenReferences(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StagePMPZI)
	q := in.Questions()[0]
	db.SetAnswer(e.ID, q.ID, q.Best(), "x")
	mustCheckClean(t, db)

	err := db.bolt.Update(func(tx *bolt.Tx) error {
		t := txn{db: db, tx: tx}
		// An answer of an evaluation that does not exist.
		t.putAnswer(answerRec{Evaluation: "hantu/2026/PMPZI", Question: q.ID, Value: q.Best(), At: fixedNow})
		// A value the instrument does not accept.
		t.work().Put(answerKey(e.ID, q.ID, 0), encodeAnswer(answerRec{Value: model.Letter("ZZ"), By: "x", At: fixedNow}))
		// An evaluation whose satker is gone.
		t.put(bucketEvaluations, "yatim/2026/TPI", evalRec{ID: "yatim/2026/TPI", Satker: "yatim", Year: 2026, Stage: "TPI",
			Instrument: in.ID, InstrumentHash: in.Hash, Status: "draft", Created: fixedNow, Updated: fixedNow})
		// A history entry that does not decode, and one numbered past the
		// bucket's sequence.
		t.work().Put(changeKey(e.ID, 5), []byte("rusak"))
		t.work().Put(changeKey(e.ID, 9999), encodeChange(changeRec{Seq: 9999, At: fixedNow, By: "x", Satker: "kk-a", Evaluation: e.ID, Field: fieldNote}))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range db.Check() {
		all = append(all, p.String())
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		"jawaban hantu/2026/PMPZI " + q.ID + ": evaluasi \"hantu/2026/PMPZI\" tidak ada",
		"jawaban " + e.ID + " " + q.ID + ": jawaban tidak sah",
		"evaluasi yatim/2026/TPI: satker \"yatim\" tidak ada",
		"keadaan evaluasi " + e.ID + ": tidak sama dengan jawaban tersimpan",
		"riwayat \"" + e.ID + "\\x00h\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x05\": rekaman tidak terbaca",
		"riwayat: nomor urut berikutnya",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Check does not report %q; it reports:\n%s", want, text)
		}
	}
}

// bbolt's words for a damaged file, as its check and its assertions say
// them, reach the user in Indonesian with their page numbers.
func TestBoltDetail(t *testing.T) {
	for _, c := range []struct {
		said any
		want string
	}{
		{"assertion failed: Page expected to be: 3, but self identifies as 7", "halaman 3 rusak: kepalanya menyebut halaman 7"},
		{errors.New("page 12: already freed"), "halaman 12 dibebaskan dua kali"},
		{errors.New("page 12: unreachable unfreed"), "halaman 12 tidak terjangkau tetapi tidak dibebaskan"},
		{errors.New("page 12: reachable freed"), "halaman 12 masih dipakai tetapi tercatat bebas"},
		{errors.New("page 12: multiple references (stack: [4 12])"), "halaman 12 dirujuk lebih dari sekali"},
		{errors.New("page 90: out of bounds: 80 (stack: [4 90])"), "halaman 90 di luar batas berkas (80 halaman)"},
		{errors.New("page 12: invalid type: unknown<00> (stack: [4 12])"), "halaman 12 berjenis tidak sah (unknown<00>)"},
		{errors.New("page ID (99) out of range [2, 80)"), "halaman 99 di luar batas berkas"},
		{errors.New("unexpected page type (flags: 0) for pgId:12"), "halaman 12 berjenis tidak sah (0)"},
		{errors.New("key[3]=(hex)6162 on leaf page(12) needs to be > (found <) than previous element (hex)6163. Stack: [4 12]"), "urutan kunci di halaman 12 salah"},
		{"something new", "rincian teknis bbolt: something new"},
	} {
		if got := boltDetail(c.said); got != c.want {
			t.Errorf("boltDetail(%q) = %q; want %q", c.said, got, c.want)
		}
	}
}
