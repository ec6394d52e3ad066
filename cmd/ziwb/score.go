package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

func newScoreCmd() *cobra.Command {
	var instrumentRef, answersPath, target string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "score --answers BERKAS [--instrument ID|BERKAS] [--json]",
		Short: "Nilai berkas jawaban: skor tiap komponen, verdict dan predikat",
		Long: `Nilai sebuah berkas jawaban (JSON) tanpa basis data.

Bentuk berkas jawaban:
  {"instrument": "lke-zi-2021", "target": "WBK",
   "answers": {"mp.pemenuhan.1": "A", "hasil.ipak": 3.41}}

Tanpa --instrument, instrumen diambil dari berkas jawaban. Jawaban yang
ditolak membuat perintah keluar dengan status bukan nol.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if answersPath == "" && storedScoresWanted(cmd) {
				return runStoredScores(cmd, asJSON)
			}
			if answersPath == "" {
				return fmt.Errorf("--answers wajib diisi (berkas jawaban JSON)")
			}
			data, err := os.ReadFile(answersPath)
			if err != nil {
				return fmt.Errorf("baca jawaban: %w", err)
			}
			af, err := model.ReadAnswersFile(answersPath, data)
			if err != nil {
				return printFileErrors(cmd.ErrOrStderr(), err)
			}
			ref := instrumentRef
			if ref == "" {
				ref = af.Instrument
			}
			if ref == "" {
				return fmt.Errorf("instrumen tidak diketahui: beri --instrument atau \"instrument\" di %s", answersPath)
			}
			in, err := loadInstrument(ref)
			if err != nil {
				return printFileErrors(cmd.ErrOrStderr(), err)
			}
			if af.Instrument != "" && af.Instrument != in.ID {
				return fmt.Errorf("%s berisi jawaban untuk instrumen %q, bukan %q", answersPath, af.Instrument, in.ID)
			}
			answers, err := in.CheckAnswers(answersPath, af)
			if err != nil {
				return printFileErrors(cmd.ErrOrStderr(), err)
			}
			if target == "" {
				target = af.Target
			}
			sc, err := model.Score(in, answers, target)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), sc)
			}
			return printScorecard(cmd.OutOrStdout(), in, sc)
		},
	}
	cmd.Flags().StringVar(&instrumentRef, "instrument", "", "instrumen: id bawaan atau berkas YAML (bawaan: dari berkas jawaban)")
	cmd.Flags().StringVar(&answersPath, "answers", "", "berkas jawaban (JSON)")
	cmd.Flags().StringVar(&target, "target", "", "predikat sasaran, mis. WBK atau WBBM (bawaan: dari berkas jawaban, atau yang terendah)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "tulis kartu nilai sebagai JSON")
	addStoredScoreFlags(cmd)
	return cmd
}

func printScorecard(out io.Writer, in *model.Instrument, sc model.Scorecard) error {
	fmt.Fprintf(out, "%s — %s\n", in.ID, in.Title)
	result := sc.Result
	if result == "" {
		result = "belum ada predikat"
	}
	fmt.Fprintf(out, "Nilai total %s dari %s · dijawab %d/%d · hasil: %s · sasaran: %s\n\n",
		model.Points(sc.Total), model.Points(sc.Max), sc.Answered, sc.Questions, result, sc.Target)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "KOMPONEN\tNILAI\tMAKS\tDIJAWAB\tVERDICT\tKURANG")
	depth := map[string]int{}
	for _, n := range in.AllNodes() {
		if p := in.Parent(n.ID); p != nil {
			depth[n.ID] = depth[p.ID] + 1
		}
		ns, _ := sc.Node(n.ID)
		fmt.Fprintf(w, "%s%s\t%s\t%s\t%d/%d\t%s\t%s\n", strings.Repeat("  ", depth[n.ID]), n.Title,
			model.Points(ns.Score), model.Points(ns.Max), ns.Answered, ns.Questions, format.VerdictWord(ns.Verdict), missedText(ns.Missed))
	}
	fmt.Fprintf(w, "Nilai total\t%s\t%s\t%d/%d\t\t\n", model.Points(sc.Total), model.Points(sc.Max), sc.Answered, sc.Questions)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	for _, p := range sc.Predicates {
		if p.Met {
			fmt.Fprintf(out, "%s: TERPENUHI\n", p.ID)
			continue
		}
		fmt.Fprintf(out, "%s: TIDAK TERPENUHI\n", p.ID)
		for _, f := range p.Failed {
			name := "Nilai total"
			if n, ok := in.Node(f.Node); ok {
				name = n.Title
			}
			inherited := ""
			if f.Predicate != p.ID {
				inherited = " — syarat " + f.Predicate
			}
			fmt.Fprintf(out, "  %s: %s, perlu %s (kurang %s poin)%s\n", name, model.Points(f.Have), model.Points(f.Need), model.Points(f.Need-f.Have), inherited)
		}
	}
	return nil
}

func missedText(ms []model.Miss) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("kurang %s poin (%s: perlu %s)", model.Points(m.Short()), m.Predicate, model.Points(m.Need))
	}
	return strings.Join(parts, "; ")
}
