package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// A conflict decided once stays decided: whether a person chose in the
// merge screen (ours, theirs, a typed value) or the policy chose at once,
// the next pull and push between the same databases see no conflict, and
// all of them end up holding the decided value.
func TestDecidedConflictStaysDecided(t *testing.T) {
	type decision struct {
		name   string
		policy MergePolicy // at the pull
		choice Choice      // in the merge screen, after MergeAsk
	}
	for _, d := range []decision{
		{"pilih kita", MergeAsk, ChooseOurs},
		{"pilih mereka", MergeAsk, ChooseTheirs},
		{"ketik nilai", MergeAsk, ChooseEdit},
		{"--conflicts ours", MergeOurs, ChooseNone},
		{"--conflicts theirs", MergeTheirs, ChooseNone},
	} {
		t.Run(d.name, func(t *testing.T) {
			server, _, in, e := seeded(t, "kk-a", model.StageTPI)
			q := threeWay(in)[0]
			mustAnswer(t, server, e.ID, q.ID, validValue(q, 1), "ortala")
			a, _ := testDB(t)
			b, _ := testDB(t)
			carry(t, server, a, MergeAsk, "kk-a")
			carry(t, server, b, MergeAsk, "kk-a")
			if _, err := a.SetNote(e.ID, q.ID, "catatan ani", "ani"); err != nil {
				t.Fatal(err)
			}
			mustAnswer(t, a, e.ID, q.ID, q.Best(), "ani")
			mustAnswer(t, b, e.ID, q.ID, validValue(q, 2), "budi")
			// sync: pull from the server, then push to it, as ziwb sync does.
			sync := func(l *DB, policy MergePolicy) (pulled, pushed int) {
				t.Helper()
				pulled = len(carry(t, server, l, policy, "kk-a").Conflicts)
				if waiting, _ := l.Conflicts(); len(waiting) > 0 {
					return pulled, -1
				}
				return pulled, len(carry(t, l, server, MergeAsk, "kk-a").Conflicts)
			}
			if pulled, pushed := sync(a, MergeAsk); pulled+pushed != 0 {
				t.Fatalf("A's sync: %d, %d conflicts", pulled, pushed)
			}
			if pulled, _ := sync(b, d.policy); pulled != 1 {
				t.Fatalf("B's pull: %d conflicts; want 1", pulled)
			}
			if d.choice != ChooseNone {
				waiting, _ := b.Conflicts()
				if len(waiting) != 1 {
					t.Fatalf("waiting: %+v", waiting)
				}
				edited := ""
				if d.choice == ChooseEdit {
					edited = validValue(q, 0).String()
				}
				if _, err := b.Choose(waiting[0].ID, d.choice, edited); err != nil {
					t.Fatal(err)
				}
				if n, err := b.AcceptMerge("budi"); n != 1 || err != nil {
					t.Fatalf("accept: %d %v", n, err)
				}
			}
			for i, l := range []*DB{b, b, a, b, a} {
				if pulled, pushed := sync(l, MergeAsk); pulled+pushed != 0 {
					t.Fatalf("sync %d after the decision: %d, %d conflicts", i, pulled, pushed)
				}
			}
			want, _ := b.Answers(e.ID)
			for name, db := range map[string]*DB{"server": server, "A": a} {
				got, _ := db.Answers(e.ID)
				if got[q.ID].Value != want[q.ID].Value || got[q.ID].Note != "catatan ani" || want[q.ID].Note != "catatan ani" {
					t.Errorf("%s holds %+v; B holds %+v", name, got[q.ID], want[q.ID])
				}
			}
			// Nothing left to do: the same bundle again writes nothing.
			if rep := carry(t, server, b, MergeAsk, "kk-a"); rep.Changed() {
				t.Errorf("a pull with nothing new changed B: %+v", rep)
			}
			for _, db := range []*DB{server, a, b} {
				mustCheckClean(t, db)
			}
		})
	}
}

// A conflict kept for a person goes once the two sides agree after all
// (decided on the other side, or changed here to the other's value): the
// next merge from that peer drops it, and a sync is not held up by a
// question nobody needs to answer.
func TestMootConflictGoes(t *testing.T) {
	for _, how := range []string{"decided there", "changed here", "decided here by --conflicts"} {
		t.Run(how, func(t *testing.T) {
			server, _, in, e := seeded(t, "kk-a", model.StageTPI)
			q := threeWay(in)[0]
			mustAnswer(t, server, e.ID, q.ID, validValue(q, 1), "ortala")
			laptop, _ := testDB(t)
			carry(t, server, laptop, MergeAsk, "kk-a")
			mustAnswer(t, server, e.ID, q.ID, q.Best(), "ortala")
			mustAnswer(t, laptop, e.ID, q.ID, validValue(q, 2), "budi")
			if rep := carry(t, server, laptop, MergeAsk, "kk-a"); len(rep.Conflicts) != 1 {
				t.Fatalf("pull: %+v", rep.Conflicts)
			}
			switch how {
			case "decided there":
				if rep := carry(t, laptop, server, MergeTheirs, "kk-a"); rep.Resolved != 1 {
					t.Fatalf("server takes the laptop's value: %+v", rep)
				}
			case "changed here":
				mustAnswer(t, laptop, e.ID, q.ID, q.Best(), "budi")
			case "decided here by --conflicts":
				if rep := carry(t, server, laptop, MergeTheirs, "kk-a"); rep.Resolved != 1 {
					t.Fatalf("the same pull with --conflicts theirs: %+v", rep)
				}
				if waiting, _ := laptop.Conflicts(); len(waiting) != 0 {
					t.Fatalf("decided by --conflicts theirs, still waiting: %+v", waiting)
				}
			}
			rep := carry(t, server, laptop, MergeAsk, "kk-a")
			waiting, _ := laptop.Conflicts()
			if len(rep.Conflicts) != 0 || len(waiting) != 0 {
				t.Fatalf("after agreeing: reported %+v, waiting %+v", rep.Conflicts, waiting)
			}
			if rep := carry(t, laptop, server, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
				t.Fatalf("push: %+v", rep.Conflicts)
			}
			want, _ := server.Answers(e.ID)
			got, _ := laptop.Answers(e.ID)
			if got[q.ID].Value != want[q.ID].Value {
				t.Errorf("laptop %v, server %v", got[q.ID].Value, want[q.ID].Value)
			}
			mustCheckClean(t, laptop)
		})
	}
}

// A final evaluation is locked against changes a merge would make to it
// here, not against arriving: taken out to an empty laptop, or finalised
// on the other side while untouched here, it comes over whole, with no
// conflict.
func TestFinalEvaluationComesOverWhole(t *testing.T) {
	server, _, in, e := seeded(t, "kk-a", model.StageTPI)
	qs := threeWay(in)
	mustAnswer(t, server, e.ID, qs[0].ID, validValue(qs[0], 1), "ortala")
	laptop, _ := testDB(t)
	carry(t, server, laptop, MergeAsk, "kk-a") // still a draft here
	mustAnswer(t, server, e.ID, qs[1].ID, qs[1].Best(), "ortala")
	if err := finalise(server, e.ID, "ortala"); err != nil {
		t.Fatal(err)
	}
	fresh, _ := testDB(t)
	for name, db := range map[string]*DB{"laptop": laptop, "fresh": fresh} {
		if rep := carry(t, server, db, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
			t.Errorf("%s: %d conflicts, first %+v", name, len(rep.Conflicts), rep.Conflicts[0])
		}
		got, _ := db.Answers(e.ID)
		ev, _ := db.Evaluation(e.ID)
		if got[qs[0].ID].Value != validValue(qs[0], 1) || got[qs[1].ID].Value != qs[1].Best() || ev.Status != model.Final {
			t.Errorf("%s holds %v, %v, %s", name, got[qs[0].ID].Value, got[qs[1].ID].Value, ev.Status)
		}
		mustCheckClean(t, db)
	}
}

// A sync cut off after its pull, before its push, is simply run again:
// what the pull brought is the base of the next pull, not what the other
// side last had from this one. Neither a second change there nor a change
// here to what was pulled is a conflict.
func TestPullWithoutPush(t *testing.T) {
	server, laptop, e, qs := takenOut(t)
	set := func(db *DB, q *model.Question, k int, who string) {
		t.Helper()
		mustAnswer(t, db, e.ID, q.ID, validValue(q, k), who)
	}
	// A whole sync first, so each side keeps bases of the other.
	set(laptop, qs[5], 1, "ani")
	carry(t, server, laptop, MergeAsk, "kk-a")
	carry(t, laptop, server, MergeAsk, "kk-a")
	set(server, qs[1], 1, "ortala")
	for round := 1; round <= 3; round++ {
		set(server, qs[0], round, "ortala")
		if rep := carry(t, server, laptop, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
			t.Fatalf("round %d, pull: %+v", round, rep.Conflicts)
		}
		// The push is cut off; the server changes qs[0] again, the laptop
		// changes qs[1], which it pulled.
		set(server, qs[0], round+1, "ortala")
		set(laptop, qs[1], round+2, "ani")
	}
	if rep := carry(t, server, laptop, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
		t.Fatalf("the pull after cut-off syncs: %+v", rep.Conflicts)
	}
	if rep := carry(t, laptop, server, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
		t.Fatalf("the push: %+v", rep.Conflicts)
	}
	want, _ := server.Answers(e.ID)
	got, _ := laptop.Answers(e.ID)
	for i, q := range qs[:2] {
		if got[q.ID].Value != want[q.ID].Value {
			t.Errorf("%s: laptop %v, server %v", q.ID, got[q.ID].Value, want[q.ID].Value)
		}
		if wantV := validValue(q, []int{4, 5}[i]); want[q.ID].Value != wantV {
			t.Errorf("%s is %v; want %v", q.ID, want[q.ID].Value, wantV)
		}
	}
}

// Two conflicts of one record (an answer's value and its note), decided
// together, settle the record's base once: the next pull from the same
// peer, with nothing new there, keeps no conflict.
func TestTwoConflictsOfOneRecordSettle(t *testing.T) {
	for _, choice := range []Choice{ChooseOurs, ChooseTheirs} {
		t.Run(choiceText(choice), func(t *testing.T) {
			server, laptop, e, qs := takenOut(t)
			q := qs[0]
			mustAnswer(t, server, e.ID, q.ID, validValue(q, 1), "ortala")
			if _, err := server.SetNote(e.ID, q.ID, "catatan server", "ortala"); err != nil {
				t.Fatal(err)
			}
			mustAnswer(t, laptop, e.ID, q.ID, validValue(q, 2), "budi")
			if _, err := laptop.SetNote(e.ID, q.ID, "catatan laptop", "budi"); err != nil {
				t.Fatal(err)
			}
			if rep := carry(t, server, laptop, MergeAsk, "kk-a"); len(rep.Conflicts) != 2 {
				t.Fatalf("pull: %d conflicts; want 2 (value and note)", len(rep.Conflicts))
			}
			waiting, _ := laptop.Conflicts()
			for _, c := range waiting {
				if _, err := laptop.Choose(c.ID, choice, ""); err != nil {
					t.Fatal(err)
				}
			}
			if n, err := laptop.AcceptMerge("budi"); n != 2 || err != nil {
				t.Fatalf("accept: %d %v", n, err)
			}
			if rep := carry(t, server, laptop, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
				t.Fatalf("the same pull again: %d conflicts, first %+v", len(rep.Conflicts), rep.Conflicts[0])
			}
			mustCheckClean(t, laptop)
		})
	}
}

// A field bundle older than one already merged from the same database —
// a file left from an earlier trip, or made from a laptop restored from a
// backup — would take the sender's old values over what it sent since,
// as if they were its changes: it is refused, and nothing is written.
func TestStaleFieldBundleRefused(t *testing.T) {
	for _, how := range []string{"an earlier file", "a restored copy"} {
		t.Run(how, func(t *testing.T) {
			server, laptop, e, qs := takenOut(t)
			q := qs[0]
			mustAnswer(t, laptop, e.ID, q.ID, validValue(q, 1), "budi")
			var stale bytes.Buffer
			if _, err := laptop.FieldBundle(&stale, []string{"kk-a"}, "budi"); err != nil {
				t.Fatal(err)
			}
			copyPath := filepath.Join(t.TempDir(), "cadangan.db")
			if err := laptop.Backup(copyPath); err != nil {
				t.Fatal(err)
			}
			carry(t, laptop, server, MergeAsk, "kk-a")
			mustAnswer(t, laptop, e.ID, q.ID, validValue(q, 2), "budi")
			mustAnswer(t, server, e.ID, qs[1].ID, validValue(qs[1], 1), "ortala")
			carry(t, server, laptop, MergeAsk, "kk-a") // a whole sync: pull, then push
			carry(t, laptop, server, MergeAsk, "kk-a")
			if how == "a restored copy" {
				later := fixedNow.Add(24 * time.Hour)
				restored, err := Open(copyPath, Options{Now: func() time.Time { later = later.Add(time.Second); return later }})
				if err != nil {
					t.Fatal(err)
				}
				defer restored.Close()
				stale.Reset()
				if _, err := restored.FieldBundle(&stale, []string{"kk-a"}, "budi"); err != nil {
					t.Fatal(err)
				}
			}
			_, err := server.Merge("kembali.json", &stale, "budi", MergeAsk)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "lebih lama") {
				t.Errorf("the stale bundle: %v; want it refused as older", err)
			}
			got, _ := server.Answers(e.ID)
			if got[q.ID].Value != validValue(q, 2) {
				t.Errorf("server holds %v; want the laptop's latest %v", got[q.ID].Value, validValue(q, 2))
			}
			// The laptop's latest still merges.
			if rep := carry(t, laptop, server, MergeAsk, "kk-a"); len(rep.Conflicts) != 0 {
				t.Errorf("the latest bundle after the refusal: %+v", rep.Conflicts)
			}
		})
	}
}
