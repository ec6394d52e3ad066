package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// demoDB runs "ziwb demo" into a new database and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ziwb.db")
	out, errOut, code := ziwb(t, "--db", path, "demo")
	if code != 0 || !strings.Contains(out, "13 satker") || !strings.Contains(out, "25 rekomendasi") {
		t.Fatalf("demo: exit %d\n%s%s", code, out, errOut)
	}
	return path
}

func TestDemoCheckAndStoredScores(t *testing.T) {
	path := demoDB(t)
	out, errOut, code := ziwb(t, "check", "--db", path)
	if code != 0 || !strings.Contains(out, "sehat") || !strings.Contains(out, "13 satker") {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}

	out, errOut, code = ziwb(t, "score", "--db", path, "--json")
	if code != 0 {
		t.Fatalf("score --db --json: exit %d: %s", code, errOut)
	}
	var cards []struct {
		Evaluation, Satker, Stage, Instrument string
		Year                                  int
		Total, Max                            float64
		Result                                *string
		Nodes                                 map[string]struct {
			Score   float64
			Verdict *string
		}
		Predicates map[string]struct{ Met bool }
	}
	if err := json.Unmarshal([]byte(out), &cards); err != nil {
		t.Fatalf("%v\n%.500s", err, out)
	}
	db := mustOpen(t, path, false)
	st, err := db.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != st.Evaluations || len(cards) < 20 {
		t.Fatalf("%d scorecards; want one per evaluation (%d)", len(cards), st.Evaluations)
	}
	for _, c := range cards {
		sc, _, err := db.Scorecard(c.Evaluation)
		if err != nil {
			t.Fatal(err)
		}
		if c.Total != sc.Total || c.Instrument != sc.Instrument || len(c.Nodes) != len(sc.Nodes) || len(c.Predicates) != len(sc.Predicates) {
			t.Errorf("%s: card %v/%s, scorecard %v/%s", c.Evaluation, c.Total, c.Instrument, sc.Total, sc.Instrument)
		}
	}
	db.Close()

	out, _, code = ziwb(t, "score", "--db", path, "--satker", "kankemenag-sinjai")
	if code != 0 || !strings.Contains(out, "Kantor Kemenag Kabupaten Sinjai — PMPZI") || !strings.Contains(out, "LULUS") ||
		strings.Contains(out, "\x1b[") {
		t.Errorf("score --satker text:\n%.800s", out)
	}
	if _, errOut, code := ziwb(t, "score", "--db", path, "--satker", "tidak-ada"); code == 0 || !strings.Contains(errOut, "tidak-ada") {
		t.Errorf("unknown satker: exit %d %s", code, errOut)
	}
	// Without --db or --answers the old message stands.
	if _, errOut, code := ziwb(t, "score"); code == 0 || !strings.Contains(errOut, "--answers") {
		t.Errorf("score without arguments: exit %d %s", code, errOut)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	bundle := filepath.Join(dir, "bundel.json")
	if _, errOut, code := ziwb(t, "--db", path, "export", "--format", "json", "-o", bundle); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	first, _ := os.ReadFile(bundle)
	empty := filepath.Join(dir, "kosong.db")
	out, errOut, code := ziwb(t, "--db", empty, "import", bundle)
	if code != 0 || !strings.Contains(out, "13 baru") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	second, _, _ := ziwb(t, "--db", empty, "export")
	if second != string(first) {
		t.Fatal("export → import → export differs")
	}
	out, _, code = ziwb(t, "--db", empty, "import", bundle)
	if code != 0 || !strings.Contains(out, "tidak ada yang berubah") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	// "-" reads the bundle from standard input, as it streams.
	stdin, err := os.Open(bundle)
	if err != nil {
		t.Fatal(err)
	}
	defer func(was *os.File) { os.Stdin = was; stdin.Close() }(os.Stdin)
	os.Stdin = stdin
	piped := filepath.Join(dir, "pipa.db")
	if out, errOut, code := ziwb(t, "--db", piped, "import", "-"); code != 0 || !strings.Contains(out, "13 baru") {
		t.Fatalf("import -: exit %d\n%s%s", code, out, errOut)
	}
	if again, _, _ := ziwb(t, "--db", piped, "export"); again != string(first) {
		t.Error("export → import - → export differs")
	}
	// --satker writes a field bundle: the satker's own, with its origin.
	one, _, code := ziwb(t, "--db", path, "export", "--satker", "kua-tombatu")
	if code != 0 || !strings.Contains(one, `"origin": {"database":"db-`) || !strings.Contains(one, `"id":"kua-tombatu"`) || strings.Contains(one, "kankemenag-sinjai") {
		t.Errorf("export --satker:\n%.400s", one)
	}
	if _, errOut, code := ziwb(t, "--db", path, "export", "--format", "csv"); code == 0 || !strings.Contains(errOut, "csv") {
		t.Errorf("unknown format: exit %d %s", code, errOut)
	}
}

func TestImportReportsEveryProblemAndWritesNothing(t *testing.T) {
	path := demoDB(t)
	full, _, _ := ziwb(t, "--db", path, "export")
	lines := strings.Split(full, "\n")
	var bad []int
	for i, l := range lines {
		if len(bad) < 2 && strings.Contains(l, `"question":`) && strings.Contains(l, `"value":"`) && i%7 == 0 {
			lines[i] = strings.Replace(l, `"value":"`, `"value":"Q`, 1)
			bad = append(bad, i+1)
		}
	}
	file := writeFile(t, "rusak.json", strings.Join(lines, "\n"))
	target := filepath.Join(t.TempDir(), "tujuan.db")
	ziwb(t, "--db", target, "demo", "--satkers", "3")
	before, _ := os.ReadFile(target)
	out, errOut, code := ziwb(t, "--db", target, "import", file)
	if code == 0 || out != "" {
		t.Fatalf("bad bundle: exit %d, stdout %q", code, out)
	}
	for _, line := range bad {
		if !strings.Contains(errOut, fmt.Sprintf("%s:%d:", file, line)) {
			t.Errorf("stderr lacks %s:%d:\n%s", file, line, errOut)
		}
	}
	if !strings.Contains(errOut, "tidak ada yang ditulis") {
		t.Errorf("stderr does not say nothing was written:\n%s", errOut)
	}
	after, _ := os.ReadFile(target)
	if string(before) != string(after) {
		t.Fatal("a refused import changed the database file")
	}
}

func TestImportAnswersFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db := mustOpen(t, path, false)
	if _, err := db.CreateSatker(model.Satker{ID: "kua-uji", Name: "KUA Uji", Kind: model.KUA, Province: "Jawa Tengah", Target: model.WBK}, "x"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	in, ok := model.Builtin(model.DefaultInstrument)
	if !ok {
		t.Skip("no default built-in instrument")
	}
	q := in.Questions()[0]
	file := writeFile(t, "jawaban.json", fmt.Sprintf(`{"instrument": %q, "answers": {%q: %q}}`, in.ID, q.ID, q.Best().Choice))
	out, errOut, code := ziwb(t, "--db", path, "import", "--answers", file, "--satker", "kua-uji", "--stage", "tpi", "--year", "2026")
	if code != 0 || !strings.Contains(out, "1 baru") {
		t.Fatalf("import --answers: exit %d\n%s%s", code, out, errOut)
	}
	bad := writeFile(t, "salah.json", fmt.Sprintf("{\"instrument\": %q,\n \"answers\": {\n  %q: \"Q\"}}", in.ID, q.ID))
	_, errOut, code = ziwb(t, "--db", path, "import", "--answers", bad, "--satker", "kua-uji")
	if code == 0 || !strings.Contains(errOut, bad+":3:") || !strings.Contains(errOut, q.ID) {
		t.Errorf("bad answers: exit %d\n%s", code, errOut)
	}
	if _, errOut, code := ziwb(t, "--db", path, "import", "--answers", file); code == 0 || !strings.Contains(errOut, "--satker") {
		t.Errorf("--answers without --satker: exit %d %s", code, errOut)
	}
	if _, errOut, code := ziwb(t, "--db", path, "import", "--answers", file, "--satker", "kua-uji", "--stage", "akhir"); code == 0 || !strings.Contains(errOut, "akhir") {
		t.Errorf("unknown stage: exit %d %s", code, errOut)
	}
	db, _ = store.Open(path, store.Options{})
	defer db.Close()
	if as, err := db.Answers("kua-uji/2026/TPI"); err != nil || as[q.ID].Value != q.Best() {
		t.Errorf("stored: %+v %v", as, err)
	}
}

func TestBackupFreeAndHeld(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	free := filepath.Join(dir, "bebas.db")
	out, errOut, code := ziwb(t, "--db", path, "backup", free)
	if code != 0 || !strings.Contains(out, free) {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	// While another ziwb holds the file (and writes), backup still works.
	db := mustOpen(t, path, false)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		in, _ := db.Instrument(mustEval(t, db, "kua-tombatu/2026/PMPZI").InstrumentHash)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			q := in.Questions()[i%len(in.Questions())]
			db.SetAnswer("kua-tombatu/2026/PMPZI", q.ID, q.Best(), "x")
		}
	}()
	held := filepath.Join(dir, "dipegang.db")
	start := time.Now()
	out, errOut, code = ziwb(t, "--db", path, "backup", held)
	streamed, errStream, streamCode := ziwb(t, "--db", path, "backup", "-") // to standard output
	close(stop)
	<-done
	db.Close()
	if code != 0 {
		t.Fatalf("backup of a held database: exit %d\n%s%s (after %v)", code, out, errOut, time.Since(start))
	}
	if streamCode != 0 {
		t.Fatalf("backup - of a held database: exit %d\n%s", streamCode, errStream)
	}
	piped := filepath.Join(dir, "dialirkan.db")
	if err := os.WriteFile(piped, []byte(streamed), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{free, held, piped} {
		if out, errOut, code := ziwb(t, "--db", p, "check"); code != 0 {
			t.Errorf("%s: check exit %d\n%s%s", p, code, out, errOut)
		}
	}
}

func mustEval(t *testing.T, db *store.DB, id string) model.Evaluation {
	e, err := db.Evaluation(id)
	if err != nil {
		t.Error(err)
	}
	return e
}

func TestLockedAndDamagedMessages(t *testing.T) {
	path := demoDB(t)
	db := mustOpen(t, path, false)
	start := time.Now()
	_, errOut, code := ziwb(t, "--db", path, "check")
	if code == 0 || !strings.Contains(errOut, path) || !strings.Contains(errOut, "ziwb lain") || time.Since(start) > 2*time.Second {
		t.Errorf("check of a held database: exit %d after %v\n%s", code, time.Since(start), errOut)
	}
	db.Close()

	damaged := writeFile(t, "rusak.db", strings.Repeat("bukan basis data\n", 500))
	before, _ := os.ReadFile(damaged)
	for _, args := range [][]string{{"check"}, {"export"}, {"score", "--db", damaged}, {"demo"}} {
		_, errOut, code := ziwb(t, append([]string{"--db", damaged}, args...)...)
		if code == 0 || !strings.Contains(errOut, damaged) || !strings.Contains(errOut, "rusak") {
			t.Errorf("%v on a damaged file: exit %d\n%s", args, code, errOut)
		}
	}
	after, _ := os.ReadFile(damaged)
	if string(before) != string(after) {
		t.Fatal("a damaged file was written to")
	}
}

func TestDBCommandsHaveHelp(t *testing.T) {
	for _, args := range [][]string{{"check", "--help"}, {"backup", "--help"}, {"export", "--help"}, {"import", "--help"}, {"demo", "--help"}} {
		out, _, code := ziwb(t, args...)
		if code != 0 || !strings.Contains(out, "Pemakaian:") || !strings.Contains(out, "--db") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
}

// A folder given where a file is expected is named as a folder, not read
// as an empty bundle; a worksheet or answers file that is not there is
// called a file, not a bundle.
func TestImportNamesTheFileItCannotRead(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "z.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", dir}, "ini folder, bukan berkas"},
		{[]string{"import", "--lke", filepath.Join(dir, "tidak-ada.xlsx"), "--satker", "x"}, "baca lembar kerja: buka"},
		{[]string{"import", "--answers", filepath.Join(dir, "tidak-ada.csv"), "--satker", "x"}, "baca berkas jawaban: buka"},
	} {
		_, errOut, code := ziwb(t, append(c.args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, c.want) || (c.args[1] != dir && strings.Contains(errOut, "bundel")) {
			t.Errorf("%v: exit %d, %q; want 1 and %q", c.args, code, errOut, c.want)
		}
	}
}

// A file on a read-only file system (a write-protected flash disk, a
// read-only mount) is said in Indonesian, as a missing permission is.
func TestReadOnlyFileSystemMessage(t *testing.T) {
	err := fmt.Errorf("tulis hasil.md: %w", &fs.PathError{Op: "open", Path: "hasil.md.tmp-1", Err: syscall.EROFS})
	got := message(err)
	if want := "tulis hasil.md: buka hasil.md.tmp-1: sistem berkas hanya bisa dibaca"; got != want {
		t.Errorf("message = %q; want %q", got, want)
	}
}

// An import refused into a database that was not there leaves no new,
// empty database behind: the message says nothing was written, and
// nothing was.
func TestRefusedImportCreatesNoDatabase(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, "rusak.json", `{"format":"ziwb-bundle","version":1,"satkers":[`)
	answers := writeFile(t, "jawaban.csv", "id,jawaban\nmp.pemenuhan.1,Y\n")
	for _, args := range [][]string{
		{"import", bad},
		{"import", "--answers", answers, "--satker", "tidak-ada"},
	} {
		db := filepath.Join(dir, "baru.db")
		_, errOut, code := ziwb(t, append(args, "--db", db)...)
		if code != 1 {
			t.Errorf("%v: exit %d, %q; want 1", args, code, errOut)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("%v: refused, yet %s was created (%v)", args, db, err)
			os.Remove(db)
		}
	}
}
