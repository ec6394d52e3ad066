package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// The field-work story through the command line: a server file and two
// laptops that take the same satker out, change overlapping and separate
// answers, and sync back in turn. The first syncs clean; the second stops
// before pushing, on the one conflict. The server lists that conflict
// from the second laptop's bundle without writing, takes it with
// --conflicts theirs, and scores as a fresh scoring does. The laptops
// sync again and all three files agree.
func TestFieldWorkStory(t *testing.T) {
	server := demoDB(t)
	f := draftEvaluation(t, server, fieldSatker)
	before := answersOf(t, server, f.e.ID)
	q0, q1, q2, q3 := f.qs[0].ID, f.qs[1].ID, f.qs[2].ID, f.qs[3].ID
	base := valueOf(before, q0)
	a0 := other(f.qs[0], base)
	b0 := other(f.qs[0], base, a0)
	a1 := other(f.qs[1], valueOf(before, q1))
	b2 := other(f.qs[2], valueOf(before, q2))
	s3 := other(f.qs[3], valueOf(before, q3))

	laptopA := takeOut(t, server, "ani")
	laptopB := takeOut(t, server, "budi")
	f.answer(t, laptopA, "ani", map[string]string{q0: a0, q1: a1})
	f.answer(t, laptopB, "budi", map[string]string{q0: b0, q2: b2})
	f.answer(t, server, "ortala", map[string]string{q3: s3})

	out, errOut, code := as(t, "ani", "--db", laptopA, "sync", "--file", server)
	if code != 0 || !strings.Contains(out, "Selaras: 1 satker") {
		t.Fatalf("A's sync: exit %d\n%s%s", code, out, errOut)
	}
	if got := answersOf(t, laptopA, f.e.ID); valueOf(got, q3) != s3 {
		t.Errorf("A did not pull the server's change: %s = %q", q3, valueOf(got, q3))
	}
	out, errOut, code = as(t, "budi", "--db", laptopB, "sync", "--file", server)
	if code != 1 || !strings.Contains(errOut, "1 konflik menunggu keputusan: buka ziwb, tekan m") ||
		!strings.Contains(out, q0) || !strings.Contains(out, "Belum dikirim") || strings.Contains(out, "2. Kirim") {
		t.Fatalf("B's sync should stop before pushing, on %s: exit %d\n%s%s", q0, code, out, errOut)
	}
	got := answersOf(t, server, f.e.ID)
	if valueOf(got, q0) != a0 || valueOf(got, q1) != a1 || valueOf(got, q3) != s3 || valueOf(got, q2) == b2 {
		t.Errorf("server after A's sync and B's stopped one: %s=%q %s=%q %s=%q %s=%q", q0, valueOf(got, q0), q1, valueOf(got, q1), q2, valueOf(got, q2), q3, valueOf(got, q3))
	}

	// B's bundle at the server: --conflicts list reports the conflict and
	// writes nothing; --conflicts theirs takes it, with B's other work.
	bundle := filepath.Join(t.TempDir(), "budi.json")
	if _, errOut, code := as(t, "budi", "--db", laptopB, "export", "--satker", fieldSatker, "-o", bundle); code != 0 {
		t.Fatal(errOut)
	}
	sum := fileSumOf(t, server)
	out, errOut, code = as(t, "ortala", "--db", server, "import", bundle, "--conflicts", "list", "--json")
	if code != 0 {
		t.Fatalf("import --conflicts list --json: exit %d %s", code, errOut)
	}
	var rep store.MergeReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Conflicts) != 1 || rep.From.By != "budi" || fileSumOf(t, server) != sum {
		t.Fatalf("listed %+v from %+v (file unchanged: %v)", rep.Conflicts, rep.From, fileSumOf(t, server) == sum)
	}
	c := rep.Conflicts[0]
	if c.Question != q0 || c.Field != "value" || c.Base != base || c.Ours != a0 || c.Theirs != b0 || c.OursBy != "ani" || c.TheirsBy != "budi" || c.TheirsAt.IsZero() {
		t.Errorf("conflict %+v; want %s base %s, ours %s (ani), theirs %s (budi)", c, q0, base, a0, b0)
	}
	out, errOut, code = as(t, "ortala", "--db", server, "import", bundle, "--conflicts", "theirs")
	if code != 0 || !strings.Contains(out, "1 konflik diputuskan") {
		t.Fatalf("import --conflicts theirs: exit %d\n%s%s", code, out, errOut)
	}
	got = answersOf(t, server, f.e.ID)
	if valueOf(got, q0) != b0 || valueOf(got, q1) != a1 || valueOf(got, q2) != b2 || valueOf(got, q3) != s3 {
		t.Errorf("server after taking B's: %v", got)
	}
	checkFreshScore(t, server, f)

	// B's conflict was decided at the server: B's next sync finishes, and
	// A's brings B's work over.
	for _, l := range []struct{ who, path string }{{"budi", laptopB}, {"ani", laptopA}} {
		out, errOut, code := as(t, l.who, "--db", l.path, "sync", "--file", server)
		if code != 0 || !strings.Contains(out, "Selaras") {
			t.Fatalf("%s's second sync: exit %d\n%s%s", l.who, code, out, errOut)
		}
	}
	want := answersOf(t, server, f.e.ID)
	for _, path := range []string{laptopA, laptopB} {
		if got := answersOf(t, path, f.e.ID); !sameAnswers(got, want) {
			t.Errorf("%s differs from the server:\n%v\n%v", path, got, want)
		}
		if out, _, code := ziwb(t, "--db", path, "check"); code != 0 || !strings.Contains(out, "sehat") {
			t.Errorf("check %s: %s", path, out)
		}
	}
	if out, _, code := ziwb(t, "--db", server, "check"); code != 0 || !strings.Contains(out, "sehat") {
		t.Errorf("check server: %s", out)
	}
}

// checkFreshScore compares the stored score of the evaluation with a
// fresh scoring of its answers by ziwb score --answers.
func checkFreshScore(t *testing.T, path string, f fieldEval) {
	t.Helper()
	out, errOut, code := ziwb(t, "--db", path, "score", "--satker", f.e.SatkerID, "--json")
	if code != 0 {
		t.Fatalf("score --satker: %s", errOut)
	}
	var cards []struct {
		Evaluation string
		Total      float64
	}
	if err := json.Unmarshal([]byte(out), &cards); err != nil {
		t.Fatal(err)
	}
	db := mustOpen(t, path, true)
	as, err := db.Answers(f.e.ID)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]any{}
	for q, a := range as {
		switch {
		case a.Value.IsZero():
		case a.Value.Numeric:
			values[q] = a.Value.Number
		default:
			values[q] = a.Value.Choice
		}
	}
	data, _ := json.Marshal(map[string]any{"instrument": f.in.ID, "target": f.target, "answers": values})
	fresh, errOut, code := ziwb(t, "score", "--answers", writeFile(t, "segar.json", string(data)), "--json")
	if code != 0 {
		t.Fatalf("score --answers: %s", errOut)
	}
	var sc struct{ Total float64 }
	if err := json.Unmarshal([]byte(fresh), &sc); err != nil {
		t.Fatal(err)
	}
	for _, c := range cards {
		if c.Evaluation == f.e.ID {
			if c.Total != sc.Total {
				t.Errorf("stored total %v; a fresh scoring %v", c.Total, sc.Total)
			}
			return
		}
	}
	t.Errorf("no card for %s", f.e.ID)
}

// Usage mistakes of the field-work commands exit 2 and write nothing.
func TestFieldWorkUsage(t *testing.T) {
	server := demoDB(t)
	plain := filepath.Join(t.TempDir(), "biasa.json")
	if _, errOut, code := ziwb(t, "--db", server, "export", "-o", plain); code != 0 {
		t.Fatal(errOut)
	}
	fresh := filepath.Join(t.TempDir(), "baru.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", fresh, "import", plain, "--conflicts", "list"}, "bukan bundel lapangan"},
		{[]string{"--db", fresh, "import", plain, "--conflicts", "kadang"}, `--conflicts "kadang" tidak dikenal`},
		{[]string{"--db", fresh, "sync"}, "beri --file BERKAS.db atau [PENGGUNA@]HOST[:PORT]"},
		{[]string{"--db", fresh, "sync", "--file", server, "host"}, "salah satu"},
		{[]string{"--db", fresh, "sync", "host:bukan-port", "--satker", "x"}, "port"},
		{[]string{"--db", fresh, "sync", "--file", server, "-i", "kunci"}, "hanya untuk sync lewat SSH"},
	} {
		_, errOut, code := ziwb(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a refused command made %s", fresh)
	}
	// Without --satker a first sync has nothing to share, and says so.
	laptop := takeOut(t, server, "ani")
	other := filepath.Join(t.TempDir(), "lain.db")
	ziwb(t, "--db", other, "demo", "--satkers", "1")
	if _, errOut, code := ziwb(t, "--db", laptop, "sync", "--file", other); code != 2 || !strings.Contains(errOut, "pada kali pertama, pilih dengan --satker") {
		t.Errorf("a first sync without --satker: exit %d %q", code, errOut)
	}
	if _, errOut, code := ziwb(t, "--db", laptop, "sync", "--file", laptop); code != 1 || !strings.Contains(errOut, "berkas basis data ini sendiri") {
		t.Errorf("a sync with itself: exit %d %q", code, errOut)
	}
	copied := filepath.Join(t.TempDir(), "salinan.db")
	if data, err := os.ReadFile(laptop); err != nil || os.WriteFile(copied, data, 0o600) != nil {
		t.Fatal(err)
	}
	if _, errOut, code := ziwb(t, "--db", laptop, "sync", "--file", copied); code != 1 || !strings.Contains(errOut, "basis data yang sama") {
		t.Errorf("a sync with a copy: exit %d %q", code, errOut)
	}
	if out, _, code := ziwb(t, "--db", laptop, "identitas"); code != 0 || !strings.HasPrefix(out, "db-") {
		t.Errorf("identitas: exit %d %q", code, out)
	}
	for _, args := range [][]string{{"sync", "--help"}, {"identitas", "--help"}} {
		if out, _, code := ziwb(t, args...); code != 0 || !strings.Contains(out, "Pemakaian:") || strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
}

// A satker made on the laptop in the field travels with the next sync:
// the pull skips it (the server has none yet), the push brings it.
func TestSyncCarriesASatkerMadeOnTheLaptop(t *testing.T) {
	server := demoDB(t)
	laptop := takeOut(t, server, "ani")
	db := mustOpen(t, laptop, false)
	s := model.Satker{ID: "kua-baru", Name: "KUA Kecamatan Baru", Kind: model.KUA, Province: "Jawa Tengah", Target: model.WBK}
	if _, err := db.CreateSatker(s, "ani"); err != nil {
		t.Fatal(err)
	}
	e, err := db.CreateEvaluation(model.Evaluation{SatkerID: s.ID, Year: 2026, Stage: model.StagePMPZI}, nil, "ani")
	if err != nil {
		t.Fatal(err)
	}
	in, _ := db.Instrument(e.InstrumentHash)
	q := in.Questions()[0]
	if _, err := db.SetAnswer(e.ID, q.ID, q.Best(), "ani"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, errOut, code := as(t, "ani", "--db", laptop, "sync", "--file", server, "--satker", fieldSatker+","+s.ID)
	if code != 0 || !strings.Contains(out, "Selaras: 2 satker") {
		t.Fatalf("sync with a new satker: exit %d\n%s%s", code, out, errOut)
	}
	if got := answersOf(t, server, e.ID); valueOf(got, q.ID) != q.Best().String() {
		t.Errorf("the server lacks the laptop's new satker's answer: %v", got)
	}
	// Next time the new satker is shared: sync needs no --satker.
	if out, errOut, code := as(t, "ani", "--db", laptop, "sync", "--file", server); code != 0 || !strings.Contains(out, s.ID) {
		t.Errorf("second sync: exit %d\n%s%s", code, out, errOut)
	}
}

// A first sync into a new laptop says what it took, not that fields were
// "the same, or only changed here" in a database that was empty.
func TestFirstSyncSaysWhatItTook(t *testing.T) {
	server := demoDB(t)
	laptop := filepath.Join(t.TempDir(), "ani.db")
	out, errOut, code := as(t, "ani", "--db", laptop, "sync", "--file", server, "--satker", fieldSatker)
	if code != 0 || !strings.Contains(out, "Selaras: 1 satker") {
		t.Fatalf("first sync: exit %d\n%s%s", code, out, errOut)
	}
	pull, _, _ := strings.Cut(out, "2. Kirim")
	if strings.Contains(pull, "sama ") || strings.Contains(pull, "diambil   0") || !strings.Contains(pull, "salinan pertama") {
		t.Errorf("the pull into an empty laptop:\n%s", pull)
	}
}
