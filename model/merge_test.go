package model

import "testing"

// The merge table: every combination of base, ours and theirs for a
// field — absent or present, equal or not — with what the merge does.
func TestMerge3Table(t *testing.T) {
	none := Side[string]{}
	a, b, c := Have("a"), Have("b"), Have("c")
	for _, tc := range []struct {
		name               string
		base, ours, theirs Side[string]
		want               Outcome
	}{
		{"nobody changed it", a, a, a, KeepOurs},
		{"only ours changed it", a, b, a, KeepOurs},
		{"only theirs changed it", a, a, b, TakeTheirs},
		{"both changed it alike", a, b, b, KeepOurs},
		{"both changed it differently", a, b, c, Conflict},
		{"made on their side only", none, none, a, TakeTheirs},
		{"made on our side only", none, a, none, KeepOurs},
		{"made on both sides alike", none, a, a, KeepOurs},
		{"made on both sides differently", none, a, b, Conflict},
		{"deleted on their side, untouched here", a, a, none, TakeTheirs},
		{"deleted here, untouched there", a, none, a, KeepOurs},
		{"deleted on both sides", a, none, none, KeepOurs},
		{"deleted there, edited here", a, b, none, Conflict},
		{"deleted here, edited there", a, none, b, Conflict},
	} {
		if got := Merge3(tc.base, tc.ours, tc.theirs); got != tc.want {
			t.Errorf("%s: %v; want %v", tc.name, got, tc.want)
		}
	}
	// The same table holds for any comparable field: a value, a flag.
	if Merge3(Have(Letter("Y")), Have(Letter("Y")), Have(Letter("T"))) != TakeTheirs {
		t.Error("an answer changed on their side only is taken")
	}
	if Merge3(Have(false), Have(true), Have(false)) != KeepOurs {
		t.Error("evidence checked on our side only stays checked")
	}
}
