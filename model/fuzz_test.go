package model

import (
	"os"
	"testing"
)

// The loaders face files people wrote by hand: whatever the bytes, they
// must answer with FileErrors (a place and a cause) or a valid result, and
// never panic.

func FuzzParse(f *testing.F) {
	f.Add([]byte(validBase))
	if data, err := os.ReadFile("testdata/mini.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("id: x\ntitle: y\nnodes:\n  - {id: a, title: A, weight: 1, questions: [{id: q, text: t, type: number, range: [1, 1]}]}\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("nodes: {<<: {}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Parse("fuzz.yaml", data)
		if refused(t, err) {
			return
		}
		// A valid instrument must score and write itself back.
		if _, err := Score(in, Answers{}, ""); err != nil {
			t.Fatalf("valid instrument does not score: %v", err)
		}
		out, err := in.YAML()
		if err != nil {
			t.Fatalf("valid instrument does not write: %v", err)
		}
		if _, err := Parse("again.yaml", out); err != nil {
			t.Fatalf("written instrument does not parse back: %v\n%s", err, out)
		}
	})
}

func FuzzReadAnswersFile(f *testing.F) {
	in := mini(f)
	f.Add([]byte(`{"instrument": "mini", "target": "WBK", "answers": {"a1.1": "Y", "h.1": 3.41, "a2.3": null}}`))
	f.Add([]byte(`{"answers": {"a1.1": "Y", "a1.1": "T"}, "x": [1, {"y": 2}]}`))
	f.Add([]byte(`{"answers": {"h.1": 1e400}}`))
	f.Add([]byte(`{"answers": {`))
	f.Fuzz(func(t *testing.T, data []byte) {
		af, err := ReadAnswersFile("fuzz.json", data)
		if refused(t, err) {
			return
		}
		answers, err := in.CheckAnswers("fuzz.json", af)
		if refused(t, err) {
			return
		}
		sc, err := Score(in, answers, af.Target)
		if err != nil {
			t.Fatalf("checked answers do not score: %v", err)
		}
		if sc.Total < 0 || sc.Total > sc.Max+1e-9 {
			t.Fatalf("total %v outside 0..%v", sc.Total, sc.Max)
		}
	})
}

// refused says whether err refused the input, failing the test when the
// error does not say where in the file the fault is.
func refused(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		return false
	}
	if _, ok := AsFileErrors(err); !ok {
		t.Fatalf("error without a place: %v", err)
	}
	return true
}
