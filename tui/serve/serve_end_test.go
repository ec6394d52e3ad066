package serve

import (
	"context"
	"strings"
	"testing"
	"time"

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
	if err := ts.Shutdown(ctx, "server dihentikan"); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	sc.waitEnd(t, "shutdown left a session open")
	if !strings.Contains(sc.shows(), "server dihentikan") {
		t.Errorf("after shutdown, the screen does not say why:\n%s", sc.shows())
	}
}
