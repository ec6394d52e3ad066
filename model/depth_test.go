package model

import "testing"

// Depth is the path's length less one, for nodes, questions and unknown ids.
func TestDepthIsPathLength(t *testing.T) {
	for _, in := range Builtins() {
		ids := []string{"tidak-ada", TotalNode}
		for _, n := range in.AllNodes() {
			ids = append(ids, n.ID)
		}
		for _, q := range in.Questions() {
			ids = append(ids, q.ID)
		}
		for _, id := range ids {
			if got, want := in.Depth(id), len(in.Path(id))-1; got != want {
				t.Errorf("%s: Depth(%q) = %d, want %d", in.ID, id, got, want)
			}
		}
	}
}
