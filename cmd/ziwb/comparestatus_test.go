package main

import (
	"strings"
	"testing"
)

// compare shows each evaluation's status and keeps only the statuses
// --status asks for; the tally counts what is shown.
func TestCompareStatusFilter(t *testing.T) {
	path := demoDB(t)
	type table struct {
		Rows []struct {
			Satker string
			Status *string
		}
		Filter struct{ Status *string }
		Tally  struct{ Satkers int }
	}
	read := func(args ...string) table {
		t.Helper()
		var v table
		compareInto(t, &v, path, args...)
		return v
	}
	all := read()
	count := map[string]int{}
	for _, r := range all.Rows {
		if r.Status == nil {
			count["(none)"]++
			continue
		}
		count[*r.Status]++
	}
	if count["final"] == 0 || count["draft"] == 0 || count["(none)"] == 0 {
		t.Fatalf("the demo data should have final and draft rows and one without an evaluation: %v", count)
	}
	for _, c := range []struct {
		arg, filter string
		want        int
	}{{"final", "final", count["final"]}, {"Final, draft,final", "final,draft", count["final"] + count["draft"]}} {
		got := read("--status", c.arg)
		if len(got.Rows) != c.want || got.Tally.Satkers != c.want {
			t.Errorf("--status %q: %d rows, tally %d; want %d", c.arg, len(got.Rows), got.Tally.Satkers, c.want)
		}
		if got.Filter.Status == nil || *got.Filter.Status != c.filter {
			t.Errorf("--status %q: filter.status %v; want %q", c.arg, got.Filter.Status, c.filter)
		}
		for _, r := range got.Rows {
			if r.Status == nil || !strings.Contains(c.filter, *r.Status) {
				t.Errorf("--status %q shows %s (%v)", c.arg, r.Satker, r.Status)
			}
		}
	}
	md := compareOK(t, "--db", path, "--status", "final")
	if !strings.Contains(md, `saringan: status "final"`) || !strings.Contains(md, "(final)") || strings.Contains(md, "(draft)") {
		t.Errorf("markdown with --status final:\n%s", md)
	}
	csvOut := compareOK(t, "--db", path, "--format", "csv", "--status", "final")
	if lines := strings.Split(strings.TrimSpace(csvOut), "\n"); len(lines) != count["final"]+1 || !strings.Contains(lines[0], ",status,") {
		t.Errorf("csv with --status final:\n%s", csvOut)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--status", "selesai"}, `--status: status "selesai": pilih draft, diajukan, direviu atau final`},
		{[]string{"--status", "final,bogus"}, `status "bogus"`},
		{[]string{"--satker", "kua-tombatu", "--gap", "--status", "final"}, "--status tidak berlaku dengan --gap"},
	} {
		if _, errOut, code := ziwb(t, append([]string{"compare", "--db", path}, c.args...)...); code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
}
