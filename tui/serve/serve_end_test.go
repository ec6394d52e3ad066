package serve

import (
	"context"
	"errors"
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
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleViewer)
	ts := startServer(t, budi, sari)
	sc := ts.workbench(t, sari)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sari.role = store.RoleEvaluator // the admin changes her role
	ts.writeUsers(t, budi, sari)
	sc.waitEnd(t, "the session of a person whose role changed did not end")
	if !strings.Contains(sc.shows(), "akses Anda diubah") {
		t.Errorf("after the session ended, the screen does not say why:\n%s", sc.shows())
	}

	sc = ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx, "server dihentikan", 143); err != nil {
		t.Errorf("shutdown: %v", err)
	}
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
	budi, sari := newTester(t, "budi", store.RoleEvaluator), newTester(t, "sari", store.RoleViewer)
	ts := startServer(t, budi, sari)
	sc := ts.workbench(t, sari)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	sari.role = store.RoleEvaluator
	ts.writeUsers(t, budi, sari)
	if code := sc.exitStatus(t); code != ExitAccessChanged {
		t.Errorf("a session whose access changed exits %d; want %d", code, ExitAccessChanged)
	}

	sc = ts.workbench(t, budi)
	sc.waitFor(t, "satker · urut", 5*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx, "server dihentikan", 143); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if code := sc.exitStatus(t); code != 143 {
		t.Errorf("a session the server's shutdown ended exits %d; want 143", code)
	}
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
