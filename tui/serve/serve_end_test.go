package serve

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kemenag-ortala/ziwb/store"
)

// The reason a session ends is still on the person's screen once the
// workbench has given the terminal back: written while the workbench
// held the alternate screen, it vanished with it.
func TestEndedSessionLeavesItsReasonOnScreen(t *testing.T) {
	ts, budi, sc := sarisRoleChanged(t)
	sc.waitEnd(t, "the session of a person whose role changed did not end")
	if !strings.Contains(sc.shows(), "akses Anda diubah") {
		t.Errorf("after the session ended, the screen does not say why:\n%s", sc.shows())
	}

	sc = ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	ts.shutdown(t)
	sc.waitEnd(t, "shutdown left a session open")
	if !strings.Contains(sc.shows(), "server dihentikan") {
		t.Errorf("after shutdown, the screen does not say why:\n%s", sc.shows())
	}
}

// A workbench session the server ended exits non-zero, so a script or a
// shell can tell it from the person quitting: ExitAccessChanged when the
// admin changed their access, the code Shutdown was given when the server
// stopped.
func TestEndedSessionExitsNonZero(t *testing.T) {
	ts, budi, sc := sarisRoleChanged(t)
	if code := sc.exitStatus(t); code != ExitAccessChanged {
		t.Errorf("a session whose access changed exits %d; want %d", code, ExitAccessChanged)
	}

	sc = ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	ts.shutdown(t)
	if code := sc.exitStatus(t); code != 143 {
		t.Errorf("a session the server's shutdown ended exits %d; want 143", code)
	}
}

// sarisRoleChanged starts a server for budi (evaluator) and sari
// (viewer), opens sari's workbench and then makes her an evaluator in the
// users file, which ends her session. It returns the server, budi and
// sari's screen.
func sarisRoleChanged(t *testing.T) (*testServer, tester, *screen) {
	t.Helper()
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleViewer)
	ts := startServer(t, budi, sari)
	sc := ts.workbench(t, sari)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sari.role = store.RoleEvaluator // the admin changes her role
	ts.writeUsers(t, budi, sari)
	return ts, budi, sc
}

// exitStatus waits up to five seconds for the session to end and returns
// its exit status.
func (sc *screen) exitStatus(t *testing.T) int {
	t.Helper()
	select {
	case err := <-sc.end:
		var ee *gossh.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.ExitStatus()
		default:
			t.Fatalf("the session ended without an exit status: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not end")
	}
	return -1
}

// A note being typed when the server stops is kept, as esc would keep
// it; one being typed by a person the admin removes is not: nothing is
// written under her name once her access is gone.
func TestTypedNoteAtTheSessionsEnd(t *testing.T) {
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleEvaluator)
	ts := startServer(t, budi, sari)
	notes := func() string {
		var all []string
		for _, ev := range []string{"kua-tombatu/2026/PMPZI"} {
			a, err := ts.db.Answers(ev)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range a {
				all = append(all, x.Note)
			}
		}
		return strings.Join(all, "|")
	}
	sc := ts.workbench(t, sari)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sc.openWalk(t, "tombatu")
	fmt.Fprint(sc.in, "n")
	sc.waitFor(t, "esc: simpan", 5*time.Second)
	fmt.Fprint(sc.in, "Diketik sebelum dihapus")
	sc.waitFor(t, "Diketik sebelum dihapus", 5*time.Second)
	ts.writeUsers(t, budi) // the admin removes sari
	sc.waitEnd(t, "the session of a removed person did not end")
	if strings.Contains(notes(), "Diketik sebelum dihapus") {
		t.Errorf("the removed person's note was written after her removal")
	}

	sc = ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sc.openWalk(t, "tombatu")
	fmt.Fprint(sc.in, "n")
	sc.waitFor(t, "esc: simpan", 5*time.Second)
	fmt.Fprint(sc.in, "Diketik saat server berhenti")
	sc.waitFor(t, "Diketik saat server berhenti", 5*time.Second)
	ts.shutdown(t)
	sc.waitEnd(t, "shutdown left a session open")
	if !strings.Contains(notes(), "Diketik saat server berhenti") {
		t.Errorf("the note being typed when the server stopped was lost: %q", notes())
	}
}
