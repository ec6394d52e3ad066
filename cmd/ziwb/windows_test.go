package main

import "testing"

// Windows reports the account as DOMAIN\name; a team names the person,
// so the history and the review levels must see the name alone.
func TestAccountNameWithoutDomain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`LAPTOP-7QK2\budi`, "budi"},
		{`KEMENAG\sari.w`, "sari.w"},
		{"budi", "budi"},
		{`budi\`, `budi\`}, // nothing after the separator: keep what there is
		{"", ""},
	} {
		if got := accountName(c.in); got != c.want {
			t.Errorf("accountName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
