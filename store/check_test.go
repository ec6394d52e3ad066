package store

import (
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
		t := txn{db, tx}
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
