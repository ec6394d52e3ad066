package store

import "testing"

// Taking the other side's value takes its record whole, its time and
// author too: after a sync the two sides hold the same records, not the
// same values stamped at different times.
func TestTakingTheirsConverges(t *testing.T) {
	for _, policy := range []MergePolicy{MergeAsk, MergeTheirs} {
		t.Run(map[MergePolicy]string{MergeAsk: "pilih mereka", MergeTheirs: "--conflicts theirs"}[policy], func(t *testing.T) {
			server, laptop, e, qs := takenOut(t)
			q := qs[0]
			mustAnswer(t, server, e.ID, q.ID, validValue(q, 1), "ortala")
			mustAnswer(t, laptop, e.ID, q.ID, validValue(q, 2), "ani")
			renamed := func(db *DB, name, by string) {
				t.Helper()
				s, err := db.Satker("kk-a")
				if err != nil {
					t.Fatal(err)
				}
				s.Name = name
				if _, err := db.UpdateSatker(s, by); err != nil {
					t.Fatal(err)
				}
			}
			renamed(server, "KUA Tombatu (server)", "ortala")
			renamed(laptop, "KUA Tombatu (laptop)", "ani")

			rep := carry(t, server, laptop, policy, "kk-a")
			if len(rep.Conflicts) != 2 {
				t.Fatalf("pull: want 2 conflicts; %+v", rep.Conflicts)
			}
			if policy == MergeAsk {
				for _, c := range rep.Conflicts {
					if _, err := laptop.Choose(c.ID, ChooseTheirs, ""); err != nil {
						t.Fatal(err)
					}
				}
				if n, err := laptop.AcceptMerge("ani"); err != nil || n != 2 {
					t.Fatalf("accept: %d %v", n, err)
				}
			}
			if rep := carry(t, laptop, server, MergeAsk, "kk-a"); len(rep.Conflicts) > 0 {
				t.Fatalf("push: %+v", rep.Conflicts)
			}
			carry(t, server, laptop, MergeAsk, "kk-a")

			ours, _ := laptop.Answers(e.ID)
			theirs, _ := server.Answers(e.ID)
			if a, b := ours[q.ID], theirs[q.ID]; a.Value != b.Value || a.By != b.By || !a.At.Equal(b.At) {
				t.Errorf("answer differs:\nlaptop %+v\nserver %+v", a, b)
			}
			ls, _ := laptop.Satker("kk-a")
			ss, _ := server.Satker("kk-a")
			if ls != ss {
				t.Errorf("satker differs:\nlaptop %+v\nserver %+v", ls, ss)
			}
		})
	}
}

// A conflict on a satker's field (or an evaluation's) says who changed
// each side, as the history records it: those records keep no author.
func TestSatkerConflictSaysWho(t *testing.T) {
	server, laptop, _, _ := takenOut(t)
	for db, who := range map[*DB]string{server: "ortala", laptop: "ani"} {
		s, err := db.Satker("kk-a")
		if err != nil {
			t.Fatal(err)
		}
		s.Head = "Kepala baru dari " + who
		if _, err := db.UpdateSatker(s, who); err != nil {
			t.Fatal(err)
		}
	}
	rep := carry(t, server, laptop, MergeAsk, "kk-a")
	if len(rep.Conflicts) != 1 || rep.Conflicts[0].Kind != "satker" {
		t.Fatalf("want one satker conflict; %+v", rep.Conflicts)
	}
	if c := rep.Conflicts[0]; c.OursBy != "ani" || c.TheirsBy != "ortala" || c.OursAt.IsZero() || c.TheirsAt.IsZero() {
		t.Errorf("who changed each side: ours %q %v, theirs %q %v", c.OursBy, c.OursAt, c.TheirsBy, c.TheirsAt)
	}
	waiting, _ := laptop.Conflicts()
	if len(waiting) != 1 || waiting[0].OursBy != "ani" || waiting[0].TheirsBy != "ortala" {
		t.Errorf("kept conflict: %+v", waiting)
	}
}
