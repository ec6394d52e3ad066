package serve

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// TestLoad runs sessions through the real SSH path, each in its own
// evaluation, each answering the first question (Ya/Tidak, alternately)
// every 200 ms. It checks no edit is lost or reordered — every session's
// history of the question is its keys, in order — and reports commits per
// second and, from each save's time stamp, the time from key to commit.
// By default 5 sessions for 2 s (what CI runs); ZIWB_LOAD_SESSIONS and
// ZIWB_LOAD_SECONDS ask for more (the full run is 50 for 60).
func TestLoad(t *testing.T) {
	sessions, seconds := envInt("ZIWB_LOAD_SESSIONS", 5), envInt("ZIWB_LOAD_SECONDS", 2)
	people := make([]tester, sessions)
	for i := range people {
		people[i] = newTester(t, fmt.Sprintf("penilai%02d", i), store.RoleEvaluator)
	}
	ts := startServer(t, people...)
	admin := ts.db.As(store.RoleAdmin)
	in, _ := model.Builtin(model.DefaultInstrument)
	evals := make([]string, sessions)
	for i := range evals {
		s := model.Satker{ID: fmt.Sprintf("beban-%02d", i), Name: fmt.Sprintf("Satker Beban %02d", i), Kind: model.KUA, Province: "Jawa Tengah", Target: model.WBK}
		if _, err := admin.CreateSatker(s, "admin"); err != nil {
			t.Fatal(err)
		}
		e, err := admin.CreateEvaluation(model.Evaluation{SatkerID: s.ID, Year: 2026, Stage: model.StagePMPZI}, in, "admin")
		if err != nil {
			t.Fatal(err)
		}
		evals[i] = e.ID
	}
	q := in.Questions()[0]
	if q.Type != model.YesNo {
		t.Skipf("the first question %s is not Ya/Tidak", q.ID)
	}

	type sent struct {
		keys []byte
		at   []time.Time
	}
	results := make([]sent, sessions)
	var wg sync.WaitGroup
	for i := range people {
		sc := ts.workbench(t, people[i])
		sc.waitFor(t, "satker · urut", 10*time.Second)
		sc.openWalk(t, fmt.Sprintf("beban-%02d", i))
		sc.waitFor(t, "Pertanyaan 1 dari", 5*time.Second)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			end := time.Now().Add(time.Duration(seconds) * time.Second)
			for k := 0; time.Now().Before(end); k++ {
				<-tick.C
				key := "yt"[k%2]
				results[i].keys = append(results[i].keys, key)
				results[i].at = append(results[i].at, time.Now())
				sc.in.Write([]byte{key})
			}
		}(i)
	}
	wg.Wait()
	time.Sleep(500 * time.Millisecond) // the last saves land

	var lat []time.Duration
	total := 0
	for i, r := range results {
		h, err := ts.db.History(store.HistoryFilter{Evaluation: evals[i], Question: q.ID})
		if err != nil {
			t.Fatal(err)
		}
		slices.Reverse(h) // oldest first
		if len(h) != len(r.keys) {
			t.Errorf("session %d: %d keys, %d saves", i, len(r.keys), len(h))
			continue
		}
		for k, c := range h {
			if want := map[byte]string{'y': "Y", 't': "T"}[r.keys[k]]; c.New != want {
				t.Errorf("session %d, save %d is %q; key %d was %q", i, k, c.New, k, want)
				break
			}
			lat = append(lat, c.At.Sub(r.at[k]))
		}
		total += len(h)
	}
	if len(lat) == 0 {
		t.Fatal("nothing was saved")
	}
	slices.Sort(lat)
	t.Logf("%d sessions, %d s: %d saves, %.1f commits/s; key to commit p50 %s, p99 %s, max %s",
		sessions, seconds, total, float64(total)/float64(seconds),
		lat[len(lat)/2].Round(10*time.Microsecond), lat[len(lat)*99/100].Round(10*time.Microsecond), lat[len(lat)-1].Round(10*time.Microsecond))
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
