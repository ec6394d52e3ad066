package main

import (
	"strings"
	"testing"
)

// On a server a viewer cannot be put on a team: every step of the review
// chain would be refused at her turn, and the evaluation would wait there.
// "evaluasi tim --set" over SSH refuses it, naming her and her role.
func TestEvaluasiTeamRefusesAViewerOverServer(t *testing.T) {
	f := newReviewFixture(t)
	keys, users := sshPeople([][2]string{{"budi", "evaluator"}, {"sari", "viewer"}, {"rahmat", "admin"}})
	srv := startTestServer(t, mustOpen(t, f.path, false), users)
	run := func(who, cmd string) (string, string, int) {
		t.Helper()
		return runOverSSH(t, srv, keys[who], who, cmd, "")
	}
	set := "evaluasi tim --satker " + reviewSatker + " --set "
	_, errOut, code := run("budi", set+`"budi (anggota), sari (ketua), rahmat (pengendali)"`)
	if code != 1 || !strings.Contains(errOut, `"sari"`) || !strings.Contains(errOut, "peran viewer") {
		t.Errorf("a viewer as ketua: exit %d %q; want exit 1 naming sari and her role", code, errOut)
	}
	if out, _, _ := run("budi", "evaluasi tim --satker "+reviewSatker); strings.Contains(out, "sari") {
		t.Errorf("the refused team was kept:\n%s", out)
	}
	if out, errOut, code := run("budi", set+`"budi (anggota), rahmat (ketua)"`); code != 0 {
		t.Errorf("an evaluator and an admin: exit %d %q %q", code, out, errOut)
	}
}
