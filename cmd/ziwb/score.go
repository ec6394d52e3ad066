package main

import (
	"fmt"
	"os"

	"github.com/kemenag-ortala/ziwb/tui/report"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
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
			if pathWanted(cmd) {
				return runPath(cmd, asJSON)
			}
			if cmd.Flags().Changed("year") || cmd.Flags().Changed("stage") {
				return flagError("--year dan --stage memilih evaluasi untuk --path; tanpa --path, score --satker menilai semua evaluasi satker itu")
			}
			if answersPath == "" && storedScoresWanted(cmd) {
				return runStoredScores(cmd, asJSON)
			}
			if answersPath == "" {
				return flagError("--answers wajib diisi (berkas jawaban JSON)")
			}
			if err := local(cmd, answersPath); err != nil {
				return err
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
			in, err := loadInstrument(cmd, ref)
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
				return report.WriteJSON(cmd.OutOrStdout(), sc)
			}
			return report.Scorecard(cmd.OutOrStdout(), in, sc)
		},
	}
	cmd.Flags().StringVar(&instrumentRef, "instrument", "", "instrumen: id bawaan atau berkas YAML (bawaan: dari berkas jawaban)")
	cmd.Flags().StringVar(&answersPath, "answers", "", "berkas jawaban (JSON)")
	cmd.Flags().StringVar(&target, "target", "", "predikat sasaran, mis. WBK atau WBBM (bawaan: dari berkas jawaban, atau yang terendah)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "tulis kartu nilai sebagai JSON")
	addStoredScoreFlags(cmd)
	addPathFlags(cmd)
	return cmd
}
