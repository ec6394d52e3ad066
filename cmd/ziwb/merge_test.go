package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// fieldSatker is the demo satker the field-work tests take out: one of
// its evaluations is still a draft.
const fieldSatker = "kua-tombatu"

// fieldEval is the draft evaluation of fieldSatker the tests change, and
// questions with three options or more, so a base, ours and theirs can
// all differ.
type fieldEval struct {
	e      model.Evaluation
	in     *model.Instrument
	target string
	qs     []*model.Question
}

func draftEvaluation(t *testing.T, path, satker string) fieldEval {
	t.Helper()
	db := mustOpen(t, path, true)
	defer db.Close()
	s, err := db.Satker(satker)
	if err != nil {
		t.Fatal(err)
	}
	evals, err := db.Evaluations(satker)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evals {
		if e.Status == model.Final {
			continue
		}
		in, err := db.Instrument(e.InstrumentHash)
		if err != nil {
			t.Fatal(err)
		}
		f := fieldEval{e: e, in: in, target: string(s.Target)}
		for _, q := range in.Questions() {
			if q.Type.IsChoice() && len(q.Options) >= 3 {
				f.qs = append(f.qs, q)
			}
		}
		if len(f.qs) >= 8 {
			return f
		}
	}
	t.Fatalf("%s has no draft evaluation to work on", satker)
	return fieldEval{}
}

// other is an option of q that is none of the given values.
func other(q *model.Question, not ...string) string {
	for _, o := range q.Options {
		taken := false
		for _, n := range not {
			taken = taken || n == o.Key
		}
		if !taken {
			return o.Key
		}
	}
	return ""
}

// answersOf is the evaluation's answers on one file, as text.
func answersOf(t *testing.T, path, evalID string) map[string]string {
	t.Helper()
	db := mustOpen(t, path, true)
	defer db.Close()
	as, err := db.Answers(evalID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for q, a := range as {
		out[q] = a.Value.String() + "|" + a.Note
	}
	return out
}

func valueOf(answers map[string]string, q string) string {
	v, _, _ := strings.Cut(answers[q], "|")
	return v
}

// answer changes answers of the evaluation as who, with import --answers.
func (f fieldEval) answer(t *testing.T, path, who string, values map[string]string) {
	t.Helper()
	data, _ := json.Marshal(map[string]any{"answers": values})
	file := writeFile(t, "jawaban.json", string(data))
	t.Setenv("ZIWB_USER", who)
	if out, errOut, code := ziwb(t, "--db", path, "import", "--answers", file, "--satker", f.e.SatkerID,
		"--stage", string(f.e.Stage), "--year", itoa(f.e.Year)); code != 0 {
		t.Fatalf("%s answers %v: exit %d\n%s%s", who, values, code, out, errOut)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// as runs a command line as who.
func as(t *testing.T, who string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("ZIWB_USER", who)
	return ziwb(t, args...)
}

// takeOut exports the satker's field bundle from the server as ortala and
// imports it into a new laptop file as who.
func takeOut(t *testing.T, server, who string) string {
	t.Helper()
	bundle := filepath.Join(t.TempDir(), "bawa.json")
	if _, errOut, code := as(t, "ortala", "--db", server, "export", "--satker", fieldSatker, "-o", bundle); code != 0 {
		t.Fatalf("export --satker: %s", errOut)
	}
	laptop := filepath.Join(t.TempDir(), who+".db")
	out, errOut, code := as(t, who, "--db", laptop, "import", bundle)
	if code != 0 || !strings.Contains(out, "digabung") || !strings.Contains(out, "konflik   0") {
		t.Fatalf("taking %s out: exit %d\n%s%s", fieldSatker, code, out, errOut)
	}
	return laptop
}

func sameAnswers(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Importing the same field bundle twice changes nothing: without a
// conflict the file keeps its bytes; with one kept, the data and the
// conflict stay as they were.
func TestImportFieldBundleTwice(t *testing.T) {
	server := demoDB(t)
	f := draftEvaluation(t, server, fieldSatker)
	before := answersOf(t, server, f.e.ID)
	laptop := takeOut(t, server, "ani")
	q0, q1 := f.qs[0].ID, f.qs[1].ID
	f.answer(t, laptop, "ani", map[string]string{q0: other(f.qs[0], valueOf(before, q0))})
	bundle := filepath.Join(t.TempDir(), "kembali.json")
	if _, errOut, code := as(t, "ani", "--db", laptop, "export", "--satker", fieldSatker, "-o", bundle); code != 0 {
		t.Fatal(errOut)
	}
	if out, errOut, code := as(t, "ortala", "--db", server, "import", bundle); code != 0 || !strings.Contains(out, "digabung") {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errOut)
	}
	sum := fileSumOf(t, server)
	whole, _, _ := ziwb(t, "--db", server, "export")
	out, errOut, code := as(t, "ortala", "--db", server, "import", bundle)
	if code != 0 || !strings.Contains(out, "tidak ada yang berubah") {
		t.Errorf("second import: exit %d\n%s%s", code, out, errOut)
	}
	if fileSumOf(t, server) != sum {
		t.Error("the second import of the same field bundle changed the file")
	}

	// With a conflict kept: the server changes q1, the laptop too.
	f.answer(t, server, "ortala", map[string]string{q1: other(f.qs[1], valueOf(before, q1))})
	f.answer(t, laptop, "ani", map[string]string{q1: other(f.qs[1], valueOf(before, q1), other(f.qs[1], valueOf(before, q1)))})
	if _, errOut, code := as(t, "ani", "--db", laptop, "export", "--satker", fieldSatker, "-o", bundle); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code = as(t, "ortala", "--db", server, "import", bundle)
	if code != 0 || !strings.Contains(out, "1 konflik menunggu keputusan: buka ziwb, tekan m") || !strings.Contains(out, q1) {
		t.Fatalf("import with a conflict: exit %d\n%s%s", code, out, errOut)
	}
	whole, _, _ = ziwb(t, "--db", server, "export")
	waiting := conflictsOf(t, server)
	if out, _, code := as(t, "ortala", "--db", server, "import", bundle); code != 0 || !strings.Contains(out, "1 konflik menunggu") {
		t.Errorf("second import with a conflict: exit %d\n%s", code, out)
	}
	if again, _, _ := ziwb(t, "--db", server, "export"); again != whole {
		t.Error("the second import of the same field bundle changed the data")
	}
	if again := conflictsOf(t, server); again != waiting || !strings.Contains(waiting, q1) {
		t.Errorf("conflicts before %s\nafter %s", waiting, again)
	}
}

func conflictsOf(t *testing.T, path string) string {
	t.Helper()
	db := mustOpen(t, path, true)
	defer db.Close()
	cs, err := db.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(cs)
	return string(b)
}
