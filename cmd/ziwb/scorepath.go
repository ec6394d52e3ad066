package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

// "ziwb score --satker ID --path WBK": the fewest questions whose better
// answers bring the evaluation to a predicate, each with the answer it
// needs, its criterion, the evidence to prepare and the points it adds.

func addPathFlags(cmd *cobra.Command) {
	cmd.Flags().String("path", "", "dengan --satker: jalur ke predikat ini (WBK atau WBBM): pertanyaan paling sedikit yang harus diperbaiki")
	cmd.Flags().Int("year", 0, "dengan --path: tahun evaluasi (bawaan: yang terbaru)")
	cmd.Flags().String("stage", "", "dengan --path: tahap evaluasi (bawaan: tahap terakhir tahun itu)")
	cmd.Long += `

Dengan --satker ID --path WBK (atau WBBM): jalur ke predikat itu untuk satu
evaluasi (--year, --stage; bawaan yang terbaru): pertanyaan paling sedikit
yang harus dinaikkan agar semua syarat predikat terpenuhi, masing-masing
dengan jawaban sekarang, jawaban yang dibutuhkan dan kriterianya, data
dukung yang perlu disiapkan, dan poin yang ditambahkannya. Butir hasil
(indeks survei, capaian kinerja) ditandai: dicapai lewat kinerja, bukan
dokumen. --json menulis jalur yang sama sebagai JSON.`
}

func pathWanted(cmd *cobra.Command) bool { return cmd.Flags().Changed("path") }

func runPath(cmd *cobra.Command, asJSON bool) error {
	target := cmd.Flag("path").Value.String()
	year, _ := cmd.Flags().GetInt("year")
	p := evalPick{satker: cmd.Flag("satker").Value.String(), year: year, stage: cmd.Flag("stage").Value.String()}
	return p.run(cmd, readDB, func(db *store.DB, e model.Evaluation) error {
		in, _, values, err := db.Values(e.ID)
		if err != nil {
			return err
		}
		path, err := model.PathTo(in, values, target)
		if err != nil {
			return flagError("--path: %w", err)
		}
		before, err := model.Score(in, values, path.Target)
		if err != nil {
			return err
		}
		s, err := db.Satker(e.SatkerID)
		if err != nil {
			return err
		}
		if asJSON {
			return report.WriteJSON(cmd.OutOrStdout(), pathJSON(e, in, path, before.Total))
		}
		writePath(cmd.OutOrStdout(), s, e, in, path, before.Total)
		return nil
	})
}

// writePath prints the path for a person: a sentence, then one block per
// question.
func writePath(w io.Writer, s model.Satker, e model.Evaluation, in *model.Instrument, p model.Path, total float64) {
	fmt.Fprintf(w, "Jalur ke %s — %s, %s %d (%s)\n", p.Target, s.Name, e.Stage, e.Year, e.ID)
	switch {
	case !p.Reachable():
		fmt.Fprintf(w, "Nilai sekarang %s. %s tidak dapat dicapai dengan jawaban saja:\n", model.Points(total), p.Target)
		for _, f := range p.Unreachable {
			fmt.Fprintf(w, "  - %s perlu %s, paling tinggi %s%s\n", in.NodeCaption(f.Node), model.Points(f.Need), model.Points(f.Have), sourceSuffix(f.Source))
		}
		return
	case p.Met:
		fmt.Fprintf(w, "Nilai sekarang %s: semua syarat %s sudah terpenuhi.\n", model.Points(total), p.Target)
		return
	}
	fmt.Fprintf(w, "Nilai sekarang %s; %s butuh %d pertanyaan lagi, menambah %s poin (menjadi %s).\n",
		model.Points(total), p.Target, len(p.Steps), model.Points(p.Gain), model.Points(total+p.Gain))
	for i, st := range p.Steps {
		q := st.Question
		from := format.Answer(q, st.From)
		if st.From.IsZero() {
			from = "belum dijawab"
		}
		fmt.Fprintf(w, "\n%2d. %s · %s\n", i+1, in.Caption(in.Area(q.ID)), q.Text)
		fmt.Fprintf(w, "    jawaban %s → %s, +%s poin", from, format.Answer(q, st.To), model.Points(st.Points))
		if st.Outcome {
			fmt.Fprint(w, " (hasil: dicapai lewat kinerja, bukan dokumen)")
		}
		fmt.Fprintln(w)
		if c := strings.TrimSpace(st.Criterion()); c != "" {
			fmt.Fprintf(w, "    kriteria: %s\n", c)
		}
		if g := q.Evidence(); g != "" {
			fmt.Fprintf(w, "    data dukung: %s\n", g)
		}
	}
}

func sourceSuffix(src string) string {
	if src == "" {
		return ""
	}
	return " (dasar: " + src + ")"
}

type pathStepJSON struct {
	Question  string      `json:"question"`
	Number    string      `json:"number"`
	Text      string      `json:"text"`
	Area      string      `json:"area"`
	From      model.Value `json:"from"`
	To        model.Value `json:"to"`
	Points    float64     `json:"points"`
	Outcome   bool        `json:"outcome"`
	Criterion string      `json:"criterion"`
	Evidence  string      `json:"evidence"`
}

type pathFailJSON struct {
	Node   string  `json:"node"`
	Rule   string  `json:"rule"`
	Need   float64 `json:"need"`
	Have   float64 `json:"have"`
	Source string  `json:"source,omitempty"`
}

type pathOutJSON struct {
	Evaluation  string         `json:"evaluation"`
	Satker      string         `json:"satker"`
	Target      string         `json:"target"`
	Met         bool           `json:"met"`
	Reachable   bool           `json:"reachable"`
	Questions   int            `json:"questions"`
	Total       float64        `json:"total"`
	Gain        float64        `json:"gain"`
	Steps       []pathStepJSON `json:"steps"`
	Unreachable []pathFailJSON `json:"unreachable"`
}

func pathJSON(e model.Evaluation, in *model.Instrument, p model.Path, total float64) pathOutJSON {
	out := pathOutJSON{Evaluation: e.ID, Satker: e.SatkerID, Target: p.Target, Met: p.Met, Reachable: p.Reachable(),
		Questions: len(p.Steps), Total: total, Gain: p.Gain, Steps: []pathStepJSON{}, Unreachable: []pathFailJSON{}}
	for _, st := range p.Steps {
		q := st.Question
		out.Steps = append(out.Steps, pathStepJSON{Question: q.ID, Number: q.Number(), Text: q.Text, Area: in.Area(q.ID),
			From: st.From, To: st.To, Points: st.Points, Outcome: st.Outcome, Criterion: st.Criterion(), Evidence: q.Evidence()})
	}
	for _, f := range p.Unreachable {
		out.Unreachable = append(out.Unreachable, pathFailJSON{f.Node, string(f.Rule), f.Need, f.Have, f.Source})
	}
	return out
}
