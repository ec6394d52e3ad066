package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// TestScorePath: the path printed for the demo's Minahasa Tenggara, once
// its answers are applied to the stored ones, makes WBK hold; the text
// and the JSON agree; a met target and an unknown one are said plainly.
func TestScorePath(t *testing.T) {
	path := demoDB(t)
	const satker = "kankemenag-minahasa-tenggara"
	out, errOut, code := ziwb(t, "score", "--db", path, "--satker", satker, "--path", "WBK", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Evaluation string
		Target     string
		Reachable  bool
		Questions  int
		Total      float64
		Gain       float64
		Steps      []struct {
			Question string
			To       model.Value
			Points   float64
			Outcome  bool
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !got.Reachable || got.Questions == 0 || got.Questions != len(got.Steps) || got.Target != "WBK" {
		t.Fatalf("path %+v", got)
	}

	db := mustOpen(t, path, true)
	answers, err := db.Answers(got.Evaluation)
	if err != nil {
		t.Fatal(err)
	}
	_, in, err := db.Scorecard(got.Evaluation)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	values := model.Answers{}
	for id, a := range answers {
		values[id] = a.Value
	}
	sum := 0.0
	for _, st := range got.Steps {
		values[st.Question] = st.To
		sum += st.Points
	}
	sc, err := model.Score(in, values, "WBK")
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := sc.Predicate("WBK"); !res.Met {
		t.Fatalf("the path's answers leave WBK unmet: %+v", res.Failed)
	}
	if d := sc.Total - got.Total; fmt.Sprintf("%.6f", d) != fmt.Sprintf("%.6f", got.Gain) || fmt.Sprintf("%.6f", sum) != fmt.Sprintf("%.6f", got.Gain) {
		t.Errorf("gain %v, steps add %v, the score moves %v", got.Gain, sum, d)
	}

	text, errOut, code := ziwb(t, "score", "--db", path, "--satker", satker, "--path", "wbk")
	if want := fmt.Sprintf("WBK butuh %d pertanyaan lagi", got.Questions); code != 0 || !strings.Contains(text, want) {
		t.Fatalf("exit %d, want %q in\n%s%s", code, want, text, errOut)
	}
	outcomes := 0
	for _, st := range got.Steps {
		if st.Outcome {
			outcomes++
		}
	}
	if strings.Count(text, "kriteria: ") != got.Questions || strings.Count(text, "hasil: dicapai lewat kinerja") != outcomes {
		t.Errorf("every step needs its criterion, outcomes marked:\n%s", text)
	}

	text, _, code = ziwb(t, "score", "--db", path, "--satker", "kankemenag-magelang", "--path", "WBBM")
	if code != 0 || !strings.Contains(text, "semua syarat WBBM sudah terpenuhi") {
		t.Errorf("met target: exit %d\n%s", code, text)
	}
	_, errOut, code = ziwb(t, "score", "--db", path, "--satker", satker, "--path", "WBKK")
	if code != 2 || !strings.Contains(errOut, `target "WBKK" tidak dikenal`) {
		t.Errorf("unknown target: exit %d, %s", code, errOut)
	}
}
