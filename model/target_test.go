package model

import "testing"

func TestMeetsTarget(t *testing.T) {
	for _, c := range []struct {
		result, target string
		want           bool
	}{
		{"", WBK, false},
		{"", "", false},
		{WBK, WBK, true},
		{WBK, WBBM, false},
		{WBBM, WBK, true},
		{WBBM, WBBM, true},
		{"wbbm", WBBM, true},
		{WBK, "", true},
	} {
		if got := MeetsTarget(c.result, c.target); got != c.want {
			t.Errorf("MeetsTarget(%q, %q) = %v; want %v", c.result, c.target, got, c.want)
		}
	}
}

func TestTargetFor(t *testing.T) {
	in, ok := Builtin(DefaultInstrument)
	if !ok {
		t.Skip("no default instrument")
	}
	for target, want := range map[string]string{WBK: WBK, WBBM: WBBM, "": "", "WBX": ""} {
		if got := in.TargetFor(target); got != want {
			t.Errorf("TargetFor(%q) = %q; want %q", target, got, want)
		}
	}
}
