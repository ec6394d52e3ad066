package store

import (
	"slices"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// A database shares with a peer the satkers it merged from it, and only
// those; the peer, which merged nothing back yet, shares none.
func TestSharedWith(t *testing.T) {
	server, _, in, e := seeded(t, "kk-a", model.StageTPI)
	for _, id := range []string{"kk-b", "kk-c"} {
		seed(t, server, id, model.StageTPI, in)
	}
	laptop, _ := testDB(t)
	other, _ := testDB(t)
	carry(t, server, laptop, MergeAsk, "kk-c", "kk-a")
	carry(t, server, other, MergeAsk, "kk-b")
	sid, _ := server.Identity()
	lid, _ := laptop.Identity()
	for _, c := range []struct {
		db   *DB
		peer string
		want []string
	}{
		{laptop, sid, []string{"kk-a", "kk-c"}},
		{other, sid, []string{"kk-b"}},
		{laptop, lid, nil},
		{laptop, "db-tidak-ada", nil},
		{laptop, "", nil},
		{server, lid, nil},
	} {
		got, err := c.db.SharedWith(c.peer)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("SharedWith(%q) = %v, %v; want %v", c.peer, got, err, c.want)
		}
	}
	// Brought back with work done, the server shares them with the
	// laptop too.
	q := in.Questions()[0]
	mustAnswer(t, laptop, e.ID, q.ID, q.Best(), "ani")
	carry(t, laptop, server, MergeAsk, "kk-a", "kk-c")
	if got, _ := server.SharedWith(lid); !slices.Equal(got, []string{"kk-a", "kk-c"}) {
		t.Errorf("the server shares %v with the laptop", got)
	}
}
