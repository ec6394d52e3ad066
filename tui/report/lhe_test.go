package report

import (
	"strings"
	"testing"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// lheInput is a TPI of the built-in instrument with one answer, whose
// note and recommendation hold text that HTML and Markdown must escape.
func lheInput(t *testing.T) LHEInput {
	t.Helper()
	in, ok := model.Builtin(model.DefaultInstrument)
	if !ok {
		t.Fatal("no default instrument")
	}
	q := in.Questions()[0]
	e := model.Evaluation{ID: "kua-x/2026/TPI", SatkerID: "kua-x", Year: 2026, Stage: model.StageTPI, Status: model.Final,
		InstrumentID: in.ID, Team: model.Team{{Name: "budi", Level: model.Anggota}, {Name: "sari <ketua>", Level: model.Ketua}},
		Created: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Updated: time.Date(2026, 3, 20, 8, 0, 0, 0, time.UTC)}
	ans := model.Answer{Question: q.ID, Value: model.Letter("T"), Note: "Eviden <script>alert(1)</script> | tidak sah & lama"}
	w := store.Worksheet{Evaluation: e, Instrument: in, Answers: map[string]model.Answer{q.ID: ans},
		Satker: model.Satker{ID: "kua-x", Name: "KUA Kecamatan \"X\" & Y", Kind: model.KUA, Province: "Bengkulu", Target: model.WBK}}
	sc, err := model.Score(in, model.Answers{q.ID: ans.Value}, model.WBK)
	if err != nil {
		t.Fatal(err)
	}
	rek := RekRow{Rekomendasi: model.Rekomendasi{ID: e.ID + "/r1", EvaluationID: e.ID, Node: q.ID, Priority: model.PriorityTinggi,
		Text: "Bentuk tim <b>baru</b>.\nLaporkan hasilnya.", Status: model.RekBaru, Due: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)},
		Eval: e, AreaID: in.Area(q.ID)}
	return LHEInput{Worksheet: w, Scorecard: sc, GapNote: "Satker belum punya penilaian mandiri.", Reks: []RekRow{rek}}
}

func TestLHEEscapes(t *testing.T) {
	in := lheInput(t)
	html, err := LHE("html", in)
	if err != nil {
		t.Fatal(err)
	}
	h := string(html)
	for _, bad := range []string{"<script>alert", "<b>baru</b>", "sari <ketua>"} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML holds %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&amp; lama", "KUA Kecamatan &#34;X&#34; &amp; Y",
		"Bentuk tim &lt;b&gt;baru&lt;/b&gt;.\nLaporkan hasilnya.", "30 Juni 2026", "sari &lt;ketua&gt;", "Satker belum punya penilaian mandiri."} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	md, err := LHE("md", in)
	if err != nil {
		t.Fatal(err)
	}
	m := string(md)
	for _, want := range []string{`Eviden <script>alert(1)</script> \| tidak sah & lama |`, "| Tidak |",
		"1. Bentuk tim <b>baru</b>.\n   Laporkan hasilnya.\n\n   Prioritas: **tinggi** · tenggat: 30 Juni 2026",
		"**belum direkomendasikan**", "| Ketua Tim | sari <ketua> |"} {
		if !strings.Contains(m, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, m)
		}
	}
}
