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
	db, _ := testDB(t)
	in := testInstrument(t)
	e := seed(t, db, "kk-a", model.StagePMPZI, in)
	q := in.Questions()[0]
	db.SetAnswer(e.ID, q.ID, q.Best(), "x")
	mustCheckClean(t, db)

	err := db.bolt.Update(func(tx *bolt.Tx) error {
		t := txn{db, tx}
		// An answer of an evaluation that does not exist.
		t.putAnswer(answerRec{Evaluation: "hantu/2026/PMPZI", Question: q.ID, Value: q.Best(), At: fixedNow})
		// A value the instrument does not accept.
		t.bucket(bucketAnswers).Put(answerKey(e.ID, q.ID), encode(answerRec{Evaluation: e.ID, Question: q.ID, Value: model.Letter("ZZ"), At: fixedNow}))
		// An evaluation whose satker is gone.
		t.put(bucketEvaluations, "yatim/2026/TPI", evalRec{ID: "yatim/2026/TPI", Satker: "yatim", Year: 2026, Stage: "TPI",
			Instrument: in.ID, InstrumentHash: in.Hash, Status: "draft", Created: fixedNow, Updated: fixedNow})
		// A history index entry pointing nowhere.
		t.bucket(bucketHistEval).Put(indexKey(9999, e.ID), nil)
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
		"nilai " + e.ID + ": ringkasan nilai tidak sama",
		"indeks history-by-evaluation: 1 entri menunjuk ke riwayat yang tidak ada",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Check does not report %q; it reports:\n%s", want, text)
		}
	}
}
