package model

import (
	"regexp"
	"strings"
	"testing"
)

func TestDraftsFromScorecard(t *testing.T) {
	in := mustParseFile(t, "testdata/mini.yaml")
	answers := miniAnswers()
	sc, err := Score(in, values(answers), "WBK")
	if err != nil {
		t.Fatal(err)
	}
	drafts := Drafts(in, answers, sc)
	// The path to WBK (a2.1 to A, the index to 2) first, both tinggi;
	// then a2's weakest questions off the path, graded by a2's shortfall
	// (9 of 20: sedang). a2.4 is at full marks and h has nothing left.
	tests := []struct {
		node     string
		priority Priority
		want     []string
	}{
		{"a2.1", PriorityTinggi, []string{"Pastikan empat pilihan.", "Saat ini: jawaban D. Catatan: SK tim belum ada.", "Langkah menuju WBK: menambah 10,00 poin."}},
		{"h.1", PriorityTinggi, []string{"Pastikan indeks survei (paling sedikit 2).", "Saat ini: 1. Catatan: Survei baru sebagian.", "Langkah menuju WBK: menambah 10,00 poin."}},
		{"a2.2", PrioritySedang, []string{"Saat ini belum dijawab.", "Area Dua belum memenuhi syarat WBK (kurang 9,00 poin); perbaikan ini menambah paling banyak 10,00 poin."}},
		{"a2.3", PrioritySedang, []string{"Pastikan persen (capaian 100%).", "Saat ini: 10%.", "perbaikan ini menambah paling banyak 9,00 poin."}},
	}
	if len(drafts) != len(tests) {
		t.Fatalf("%d drafts; want %d: %+v", len(drafts), len(tests), drafts)
	}
	for i, tt := range tests {
		t.Run(tt.node, func(t *testing.T) {
			d := drafts[i]
			if d.Node != tt.node || d.Priority != tt.priority || d.Status != RekBaru || d.ID != "" {
				t.Fatalf("draft %+v; want node %s, %s, baru, unsaved", d, tt.node, tt.priority)
			}
			for _, w := range tt.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, d.Text)
				}
			}
			if strings.Contains(d.Text, d.Node) {
				t.Errorf("text names its question %s:\n%s", d.Node, d.Text)
			}
			if onPath := strings.Contains(d.Text, "Langkah menuju"); onPath != (d.Priority == PriorityTinggi) {
				t.Errorf("a path draft is tinggi, no other here:\n%s", d.Text)
			}
		})
	}
}

func TestDraftsNoneWhenPassing(t *testing.T) {
	in := mustParseFile(t, "testdata/mini.yaml")
	answers := map[string]Answer{}
	for _, q := range in.Questions() {
		answers[q.ID] = Answer{Value: q.Best()}
	}
	sc, err := Score(in, values(answers), "WBBM")
	if err != nil {
		t.Fatal(err)
	}
	if d := Drafts(in, answers, sc); len(d) != 0 {
		t.Fatalf("%d drafts for a perfect evaluation: %+v", len(d), d)
	}
}

func TestDraftsUnreachableTarget(t *testing.T) {
	// No answer to h.1 above 4 can give h more than its weight: with a
	// rule asking more, there is no path, and the failing nodes' weakest
	// questions are still offered, none as a step.
	in := mustParse(t, pathBase+`  - id: WBK
    title: WBK
    rules:
      - {node: total, min: 12}
      - {node: hasil, min: 11}
`)
	answers := map[string]Answer{}
	for id, v := range pathAnswers() {
		answers[id] = Answer{Value: v}
	}
	sc, err := Score(in, values(answers), "WBK")
	if err != nil {
		t.Fatal(err)
	}
	drafts := Drafts(in, answers, sc)
	if len(drafts) == 0 {
		t.Fatal("no drafts for a failing evaluation")
	}
	for _, d := range drafts {
		if strings.Contains(d.Text, "Langkah menuju") {
			t.Errorf("%s offered as a step of a path that does not exist:\n%s", d.Node, d.Text)
		}
	}
}

func TestDraftPriority(t *testing.T) {
	tests := []struct {
		need, have float64
		want       Priority
	}{
		{20, 10, PriorityTinggi}, // half short
		{20, 0, PriorityTinggi},
		{20, 16, PrioritySedang}, // a fifth short
		{20, 11, PrioritySedang},
		{20, 17, PriorityRendah},
	}
	for _, tt := range tests {
		if got := draftPriority([]Miss{{Need: tt.need, Have: tt.have}}); got != tt.want {
			t.Errorf("need %v have %v: %s; want %s", tt.need, tt.have, got, tt.want)
		}
	}
}

// TestDraftVoice phrases real questions of the built-in LKE as an
// evaluator would: the needed answer's criterion as an instruction.
func TestDraftVoice(t *testing.T) {
	in, ok := Builtin("lke-zi-2021")
	if !ok {
		t.Fatal("no built-in lke-zi-2021")
	}
	tests := []struct {
		name, qid string
		to        Value
		want      string
	}{
		{"yes from a label with sudah", "mp.pemenuhan.1", Letter("Y"),
			"Pastikan tim pembangunan ZI dibentuk di dalam unit kerja."},
		{"best option", "mp.pemenuhan.7", Letter("A"),
			"Pastikan monitoring dan evaluasi melibatkan pimpinan dan dilakukan secara berkala."},
		{"a lower option loses its tetapi", "mp.pemenuhan.7", Letter("B"),
			"Paling sedikit, pastikan monitoring dan evaluasi melibatkan pimpinan; nilai penuh bila monitoring dan evaluasi melibatkan pimpinan dan dilakukan secara berkala."},
		{"a lower option that names a lack is quoted", "mp.pemenuhan.7", Letter("C"),
			"Naikkan paling sedikit ke kriteria jawaban C (Monitoring dan evaluasi tidak melibatkan pimpinan dan tidak dilakukan secara berkala); nilai penuh bila"},
		{"baru and yang dropped", "mp.pemenuhan.12", Letter("C"),
			"Paling sedikit, pastikan sebagian kecil anggota terlibat dalam pembangunan ZI;"},
		{"sudah ada", "pp.pemenuhan.7", Letter("A"),
			"Pastikan ada kebijakan penghargaan dan sanksi"},
		{"an acronym keeps its case", "pp.pemenuhan.14", Letter("A"),
			"Pastikan SKM terhadap pelayanan dilakukan setidaknya empat kali dalam setahun."},
		{"a name keeps its case", "sdm.pemenuhan.7", Letter("Y"),
			"Pastikan Training Need Analysis untuk pengembangan kompetensi dilakukan."},
		{"a criterion built on a lower one", "tl.reform.4", Letter("A"),
			"Pastikan penerapan manfaat/dampak transformasi digital pada proses bisnis utama divalidasi, dievaluasi, dan ditindaklanjuti secara berkelanjutan (kriteria jawaban B juga terpenuhi)."},
		{"a percentage asked with berapa", "ak.reform.1", Num(69),
			"Naikkan persentase sasaran kinerja yang capaiannya 100% atau lebih menjadi paling sedikit 69%."},
		{"a percentage asked otherwise", "mp.reform.1", Num(100),
			"Pastikan agen perubahan membuat perubahan konkret di instansi dalam satu tahun terakhir (capaian 100%)."},
		{"a survey index", "hasil.ipak", Num(3.6),
			"Naikkan nilai survei eksternal persepsi antikorupsi unit kerja, yaitu Indeks Persepsi Anti Korupsi (IPAK), pada skala 0 sampai 4, menjadi paling sedikit 3,60."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := in.Question(tt.qid)
			if !ok {
				t.Fatalf("no question %s", tt.qid)
			}
			if got := advice(q, tt.to); !strings.HasPrefix(got, tt.want) {
				t.Errorf("advice(%s, %s):\n got %s\nwant %s", tt.qid, tt.to, got, tt.want)
			}
		})
	}
}

func TestDraftEvidenceAndCondition(t *testing.T) {
	in, _ := Builtin("lke-zi-2021")
	q, _ := in.Question("hasil.ipak")
	// The guide's advice on scoring is for the evaluator, not the satker.
	if got, want := evidence(q), "Data dukung: laporan hasil Survei Persepsi Anti Korupsi (SPAK) eksternal oleh TPN melalui BPS atau pihak ketiga yang ditunjuk (minimal 30 responden pengguna layanan), atau hasil survei mandiri untuk penilaian internal."; got != want {
		t.Errorf("evidence:\n got %s\nwant %s", got, want)
	}
	q, _ = in.Question("mp.pemenuhan.1")
	if got, want := condition(q, Answer{Value: Letter("T"), Note: "SK belum ditandatangani"}, true), "Saat ini: Tim pembangunan ZI belum dibentuk. Catatan: SK belum ditandatangani."; got != want {
		t.Errorf("condition:\n got %s\nwant %s", got, want)
	}
	if got, want := condition(q, Answer{}, false), "Saat ini belum dijawab."; got != want {
		t.Errorf("condition unanswered: %q; want %q", got, want)
	}
}

// TestDraftsBuiltinNoIDs drafts a weak evaluation of the whole LKE and
// checks that no text names a question by id or by its numbering, and
// that the path's steps come first, each tinggi.
func TestDraftsBuiltinNoIDs(t *testing.T) {
	in, _ := Builtin("lke-zi-2021")
	answers := map[string]Answer{}
	for i, q := range in.Questions() {
		if i%5 == 4 {
			continue // unanswered
		}
		v := q.Best()
		switch {
		case q.Type.IsChoice() && i%3 == 0:
			v = Letter(q.Options[len(q.Options)/2].Key)
		case q.Type.IsChoice() && i%3 == 1:
			v = q.Worst()
		case !q.Type.IsChoice():
			v = Num(q.Best().Number * 0.7)
		}
		answers[q.ID] = Answer{Value: v}
	}
	sc, err := Score(in, values(answers), "WBK")
	if err != nil {
		t.Fatal(err)
	}
	drafts := Drafts(in, answers, sc)
	path, err := PathTo(in, values(answers), "WBK")
	if err != nil || len(path.Steps) == 0 {
		t.Fatalf("path: %v, %d steps", err, len(path.Steps))
	}
	if len(drafts) <= len(path.Steps) {
		t.Fatalf("%d drafts for a path of %d", len(drafts), len(path.Steps))
	}
	numbering := regexp.MustCompile(`\b(R?[1-6]|H)\.[ivx]+(\.[a-z])?\b|\b[a-z]+\.(pemenuhan|reform)\.\d+\b`)
	seen := map[string]bool{}
	for i, d := range drafts {
		if seen[d.Node] {
			t.Errorf("two drafts for %s", d.Node)
		}
		seen[d.Node] = true
		if _, ok := in.Question(d.Node); !ok {
			t.Errorf("draft %d links %q, not a question", i, d.Node)
		}
		if hasil := strings.HasPrefix(d.Node, "hasil."); hasil != strings.Contains(d.Text, outcomeLine) {
			t.Errorf("draft for %s: a result item says it is one, no other does:\n%s", d.Node, d.Text)
		}
		if m := numbering.FindString(d.Text); m != "" {
			t.Errorf("draft for %s names %q:\n%s", d.Node, m, d.Text)
		}
		if i < len(path.Steps) {
			if d.Node != path.Steps[i].Question.ID || d.Priority != PriorityTinggi || !strings.Contains(d.Text, "Langkah menuju WBK: menambah ") {
				t.Errorf("draft %d is %s %s; want the path's step %s, tinggi:\n%s", i, d.Node, d.Priority, path.Steps[i].Question.ID, d.Text)
			}
		} else if strings.Contains(d.Text, "Langkah menuju") {
			t.Errorf("draft %d (%s) is off the path but says it is a step:\n%s", i, d.Node, d.Text)
		}
	}
}
