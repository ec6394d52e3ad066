package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/serve"
)

// showJSON is the shape "ziwb evaluasi show --json" promises.
type showJSON struct {
	Status  model.Status
	WaitsOn *string `json:"waits_on"`
	From    *string
	Team    []struct{ Name, Level string }
	History []struct {
		By, From, To, Level, Reason string
	}
	Levels []struct {
		Level  string
		Total  float64
		Change *float64
		Areas  []struct {
			ID    string
			Score float64
		}
	}
	Answers []struct {
		Question    string
		Counts      any
		CountsLevel *string `json:"counts_level"`
		Levels      map[string]*struct {
			Value   any
			By      string
			Note    string
			Carried bool
		}
	}
}

// reviewFixture is a database with one satker and one TPI evaluation on
// the default instrument, nobody's yet; the CLI does the rest.
type reviewFixture struct {
	path string
	qs   []*model.Question
}

const reviewSatker = "kankemenag-reviu"

func newReviewFixture(t *testing.T) reviewFixture {
	t.Helper()
	in, ok := model.Builtin(model.DefaultInstrument)
	if !ok {
		t.Skip("no default built-in instrument")
	}
	path := filepath.Join(t.TempDir(), "ziwb.db")
	db := mustOpen(t, path, false)
	defer db.Close()
	if _, err := db.CreateSatker(model.Satker{ID: reviewSatker, Name: "Kantor Kemenag Reviu", Kind: model.Kankemenag,
		Province: "Jawa Tengah", Target: model.WBK}, "penguji"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateEvaluation(model.Evaluation{SatkerID: reviewSatker, Year: 2026, Stage: model.StageTPI}, in, "penguji"); err != nil {
		t.Fatal(err)
	}
	return reviewFixture{path: path, qs: in.Questions()}
}

// as runs one command line as the person $ZIWB_USER names.
func (f reviewFixture) as(t *testing.T, who string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("ZIWB_USER", who)
	return ziwb(t, append([]string{"--db", f.path}, args...)...)
}

// ok runs a command that must succeed and returns its output.
func (f reviewFixture) ok(t *testing.T, who string, args ...string) string {
	t.Helper()
	out, errOut, code := f.as(t, who, args...)
	if code != 0 {
		t.Fatalf("%s %v: exit %d\n%s%s", who, args, code, out, errOut)
	}
	return out
}

// refused runs a command that must be refused with exit 1 and says.
func (f reviewFixture) refused(t *testing.T, who, says string, args ...string) {
	t.Helper()
	out, errOut, code := f.as(t, who, args...)
	if code != 1 || !strings.Contains(errOut, says) || out != "" {
		t.Fatalf("%s %v: exit %d, stdout %q, stderr %q; want exit 1 saying %q", who, args, code, out, errOut, says)
	}
}

// answer imports an answers file as who: the CLI's way to edit answers.
func (f reviewFixture) answer(t *testing.T, who string, answers map[string]model.Value) (string, string, int) {
	t.Helper()
	data, err := json.Marshal(map[string]any{"answers": answers})
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "jawaban.json", string(data))
	return f.as(t, who, "import", "--answers", file, "--satker", reviewSatker, "--stage", "TPI")
}

func (f reviewFixture) show(t *testing.T) (showJSON, string) {
	t.Helper()
	out := f.ok(t, "siapa.saja", "evaluasi", "show", "--satker", reviewSatker, "--json")
	var v showJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return v, out
}

// The whole review chain through the command line, each step as its
// person: refusals exit 1 with the store's reason and change nothing, and
// show --json tells the same story as the steps.
func TestEvaluasiReviewChain(t *testing.T) {
	f := newReviewFixture(t)
	sat := []string{"--satker", reviewSatker}
	step := func(act string, extra ...string) []string {
		return append(append([]string{"evaluasi", act}, sat...), extra...)
	}
	q0, q1 := f.qs[0], f.qs[1]

	if out := f.ok(t, "admin", append([]string{"evaluasi", "tim", "--set", "budi (anggota), sari (ketua), rahmat (pengendali)"}, sat...)...); !strings.Contains(out, "budi (anggota), sari (ketua), rahmat (pengendali)") {
		t.Fatalf("tim --set: %q", out)
	}
	if _, errOut, code := f.answer(t, "budi", map[string]model.Value{q0.ID: q0.Best()}); code != 0 {
		t.Fatalf("the anggota answers: exit %d %s", code, errOut)
	}
	f.refused(t, "sari", "sari adalah ketua; pada status draft giliran anggota", step("ajukan")...)
	if out := f.ok(t, "budi", step("ajukan")...); out != "Evaluasi "+reviewSatker+"/2026/TPI: draft → diajukan; giliran ketua (sari)\n" {
		t.Fatalf("ajukan printed %q", out)
	}
	f.refused(t, "sari", "alasan wajib diisi", step("kembalikan")...)
	f.refused(t, "budi", "budi adalah anggota; pada status diajukan giliran ketua", step("kembalikan", "--alasan", "x")...)
	if out := f.ok(t, "sari", step("kembalikan", "--alasan", "lengkapi eviden")...); !strings.Contains(out, "diajukan → draft") {
		t.Fatalf("kembalikan printed %q", out)
	}
	f.ok(t, "budi", step("ajukan")...)
	// The ketua answers in the ketua's column.
	if _, errOut, code := f.answer(t, "sari", map[string]model.Value{q1.ID: q1.Best()}); code != 0 {
		t.Fatalf("the ketua answers: exit %d %s", code, errOut)
	}
	f.refused(t, "budi", "budi adalah anggota; pada status diajukan giliran ketua", step("setujui")...)
	if out := f.ok(t, "sari", step("setujui")...); !strings.Contains(out, "diajukan → direviu; giliran pengendali (rahmat)") {
		t.Fatalf("setujui by the ketua printed %q", out)
	}
	f.refused(t, "sari", "sari adalah ketua; pada status direviu giliran pengendali", step("setujui")...)
	f.refused(t, "orang.lain", "orang.lain bukan anggota tim evaluasi ini", step("setujui")...)
	if out := f.ok(t, "rahmat", step("setujui")...); !strings.Contains(out, "direviu → final; terkunci") {
		t.Fatalf("setujui by the pengendali printed %q", out)
	}
	final, _ := f.show(t)
	if _, errOut, code := f.answer(t, "rahmat", map[string]model.Value{q0.ID: q0.Best()}); code != 1 || !strings.Contains(errOut, "sudah final dan terkunci") {
		t.Fatalf("an edit after final: exit %d %q; want a refusal", code, errOut)
	}
	f.refused(t, "rahmat", "evaluasi sudah final", step("setujui")...)
	f.refused(t, "rahmat", "alasan wajib diisi", step("buka")...)
	if again, _ := f.show(t); len(again.History) != len(final.History) || again.Status != model.Final {
		t.Fatal("a refused step changed the evaluation")
	}
	if out := f.ok(t, "rahmat", step("buka", "--alasan", "salah ketik nilai PP")...); !strings.Contains(out, "final → direviu") {
		t.Fatalf("buka printed %q", out)
	}

	v, raw := f.show(t)
	if v.Status != model.Reviewed || v.WaitsOn == nil || *v.WaitsOn != "pengendali" || v.From != nil {
		t.Errorf("status %s, waits on %v, from %v; want direviu, pengendali, null", v.Status, v.WaitsOn, v.From)
	}
	if len(v.Team) != 3 || v.Team[0].Name != "budi" || v.Team[0].Level != "anggota" || v.Team[2].Level != "pengendali" {
		t.Errorf("team %+v", v.Team)
	}
	want := []string{
		"budi anggota draft→diajukan ",
		"sari ketua diajukan→draft lengkapi eviden",
		"budi anggota draft→diajukan ",
		"sari ketua diajukan→direviu ",
		"rahmat pengendali direviu→final ",
		"rahmat pengendali final→direviu salah ketik nilai PP",
	}
	var got []string
	for _, h := range v.History {
		got = append(got, h.By+" "+h.Level+" "+h.From+"→"+h.To+" "+h.Reason)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(v.Levels) != 2 || v.Levels[0].Level != "anggota" || v.Levels[1].Level != "ketua" ||
		v.Levels[0].Change != nil || v.Levels[1].Change == nil || *v.Levels[1].Change <= 0 || len(v.Levels[0].Areas) == 0 {
		t.Errorf("levels:\n%s", raw)
	}
	if len(v.Answers) != 2 || v.Answers[0].Question != q0.ID || v.Answers[1].Question != q1.ID {
		t.Fatalf("answers:\n%s", raw)
	}
	a0, a1 := v.Answers[0], v.Answers[1]
	if a0.Levels["anggota"] == nil || a0.Levels["anggota"].By != "budi" || a0.Levels["ketua"] != nil || a0.Levels["pengendali"] != nil ||
		a1.Levels["ketua"] == nil || a1.Levels["ketua"].By != "sari" || a1.CountsLevel == nil || *a1.CountsLevel != "ketua" {
		t.Errorf("answers per level:\n%s", raw)
	}
	if !strings.Contains(raw, `"ketua": null`) || !strings.Contains(raw, `"counts": "`+q1.Best().String()+`"`) {
		t.Errorf("levels without an answer should be null, and the answer that counts given:\n%s", raw)
	}

	text := f.ok(t, "siapa.saja", append([]string{"evaluasi", "show"}, sat...)...)
	for _, s := range []string{"Status:", "direviu — giliran pengendali (rahmat)", "Pengendali Teknis  rahmat", "Riwayat status:",
		"diajukan → draft", "lengkapi eviden", "Nilai per tingkat:", "Ketua Tim", "Jawaban per tingkat (2 pertanyaan)", q0.ID, q1.ID} {
		if !strings.Contains(text, s) {
			t.Errorf("show lacks %q:\n%s", s, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("trailing blanks in %q", line)
		}
	}

	// score --json --satker carries the status, the team and the levels.
	out := f.ok(t, "siapa.saja", "score", "--satker", reviewSatker, "--json")
	var cards []struct {
		Status  model.Status
		Total   float64
		Team    []struct{ Name, Level string }
		Levels  []struct{ Level string }
		Answers []struct{ Question string }
	}
	if err := json.Unmarshal([]byte(out), &cards); err != nil || len(cards) != 1 {
		t.Fatalf("%v\n%s", err, out)
	}
	c := cards[0]
	if c.Status != model.Reviewed || len(c.Team) != 3 || len(c.Levels) != 2 || len(c.Answers) != 2 {
		t.Errorf("score card: %+v", c)
	}
}

// Over the server a person is no admin: the ketua may not reopen a final
// evaluation, its pengendali may; the owner of a local file may.
func TestEvaluasiReopenOverServer(t *testing.T) {
	f := newReviewFixture(t)
	sat := []string{"--satker", reviewSatker}
	f.ok(t, "x", append([]string{"evaluasi", "tim", "--set", "budi, sari (ketua), rahmat (dalnis)"}, sat...)...)
	for _, s := range [][2]string{{"budi", "ajukan"}, {"sari", "setujui"}, {"rahmat", "setujui"}} {
		f.ok(t, s[0], append([]string{"evaluasi", s[1]}, sat...)...)
	}
	db := mustOpen(t, f.path, false)
	defer db.Close()
	remote := func(who string, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := remoteCommand(context.Background(), db.As(store.RoleEvaluator), serve.Person{Name: who, Role: store.RoleEvaluator},
			args, strings.NewReader(""), &out, &errb)
		return out.String(), errb.String(), code
	}
	buka := append([]string{"evaluasi", "buka", "--alasan", "periksa ulang"}, sat...)
	if _, errOut, code := remote("sari", buka...); code != 1 || !strings.Contains(errOut, "hanya pengendali teknis evaluasi ini atau admin") {
		t.Fatalf("the ketua reopens over the server: exit %d %q", code, errOut)
	}
	if out, errOut, code := remote("rahmat", buka...); code != 0 || !strings.Contains(out, "final → direviu") {
		t.Fatalf("the pengendali reopens over the server: exit %d %q %q", code, out, errOut)
	}
	if _, errOut, code := remote("sari", append([]string{"evaluasi", "tim", "--set", "sari (ketua)", "--db", f.path}, sat...)...); code != 2 || !strings.Contains(errOut, "--db") {
		t.Fatalf("--db over the server: exit %d %q", code, errOut)
	}
	if out, _, code := remote("budi", append([]string{"evaluasi", "show", "--json"}, sat...)...); code != 0 || !strings.Contains(out, `"by": "rahmat"`) {
		t.Fatalf("show over the server: exit %d\n%s", code, out)
	}
}

// Mistakes in the command line exit 2 naming the value; a satker or
// round that is not there exits 1; no command creates a database.
func TestEvaluasiUsageAndMissing(t *testing.T) {
	f := newReviewFixture(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"evaluasi", "ajukan"}, 2, "--satker wajib diisi"},
		{[]string{"evaluasi", "show", "--satker", reviewSatker, "--stage", "TPX"}, 2, `tahap "TPX"`},
		{[]string{"evaluasi", "setujui", "--satker", reviewSatker, "--year", "26"}, 2, "--year 26"},
		{[]string{"evaluasi", "tim", "--satker", reviewSatker, "--set", "budi (kepala)"}, 2, `tingkat "kepala": pilih anggota, ketua atau pengendali`},
		{[]string{"evaluasi", "tim", "--satker", reviewSatker, "--set", "budi, Budi (ketua)"}, 2, "nama disebut dua kali"},
		{[]string{"evaluasi", "ajukan", "--satker", reviewSatker, "ekstra"}, 2, `"ekstra" tidak dikenal`},
		{[]string{"evaluasi", "ajukan", "--satker", "tidak-ada"}, 1, `satker "tidak-ada" tidak ditemukan`},
		{[]string{"evaluasi", "show", "--satker", reviewSatker, "--stage", "PMPZI"}, 1, "belum punya evaluasi PMPZI (yang ada: TPI 2026)"},
	} {
		_, errOut, code := f.as(t, "budi", c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %q; want %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
	if v, _ := f.show(t); v.Status != model.Draft || len(v.Team) != 0 || len(v.History) != 0 {
		t.Errorf("a refused command changed the evaluation: %+v", v)
	}
	dir := filepath.Join(t.TempDir(), "belum")
	for _, args := range [][]string{{"evaluasi", "show"}, {"evaluasi", "ajukan"}, {"evaluasi", "tim", "--set", "budi"}} {
		_, errOut, code := ziwb(t, append(args, "--satker", "x", "--db", filepath.Join(dir, "ziwb.db"))...)
		if code != 1 || !strings.Contains(errOut, "tidak ada") {
			t.Errorf("%v on no database: exit %d %q", args, code, errOut)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, dir)
		}
	}
}

// A satker's team, status and ketua's answers travel in its bundle: the
// evaluation reads the same on both sides.
func TestEvaluasiExportImport(t *testing.T) {
	f := newReviewFixture(t)
	sat := []string{"--satker", reviewSatker}
	q0, q1 := f.qs[0], f.qs[1]
	f.ok(t, "admin", append([]string{"evaluasi", "tim", "--set", "budi (anggota), sari (ketua), rahmat (pengendali)"}, sat...)...)
	if _, errOut, code := f.answer(t, "budi", map[string]model.Value{q0.ID: q0.Best()}); code != 0 {
		t.Fatal(errOut)
	}
	f.ok(t, "budi", append([]string{"evaluasi", "ajukan"}, sat...)...)
	if _, errOut, code := f.answer(t, "sari", map[string]model.Value{q1.ID: q1.Best()}); code != 0 {
		t.Fatal(errOut)
	}
	before, raw := f.show(t)
	if len(before.Team) != 3 || before.Status != model.Submitted || len(before.Answers) != 2 || before.Answers[1].Levels["ketua"] == nil {
		t.Fatalf("fixture:\n%s", raw)
	}
	bundle := filepath.Join(t.TempDir(), "bundel.json")
	f.ok(t, "admin", append([]string{"export", "-o", bundle}, sat...)...)
	fresh := reviewFixture{path: filepath.Join(t.TempDir(), "baru.db"), qs: f.qs}
	if out := fresh.ok(t, "admin", "import", bundle); !strings.Contains(out, "digabung") || !strings.Contains(out, "konflik   0") {
		t.Fatalf("import: %q", out)
	}
	_, rawAfter := fresh.show(t)
	if rawAfter != raw {
		t.Errorf("evaluasi show --json differs after export and import:\nbefore:\n%s\nafter:\n%s", raw, rawAfter)
	}
	// The imported evaluation goes on where the first left off.
	if out := fresh.ok(t, "sari", append([]string{"evaluasi", "setujui"}, sat...)...); !strings.Contains(out, "diajukan → direviu") {
		t.Errorf("setujui after import: %q", out)
	}
}
