package main

import (
	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

func newReportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Laporan evaluasi siap cetak",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newReportLHECmd())
	return cmd
}

func newReportLHECmd() *cobra.Command {
	var p evalPick
	var format, output string
	cmd := &cobra.Command{
		Use:   "lhe --satker ID [--year TAHUN] [--stage TAHAP] [--format md|html] [-o BERKAS]",
		Short: "Tulis Laporan Hasil Evaluasi (LHE) sebuah evaluasi",
		Long: `Tulis Laporan Hasil Evaluasi (LHE) satu evaluasi: satker dan evaluasinya
(tahun, tahap, tim per tingkat, status, tanggal), hasilnya dalam satu
kalimat, nilai per komponen dengan persentase dan status syaratnya, syarat
nilai target yang belum terpenuhi beserta kekurangan poinnya, untuk TPI
selisih PMPZI dan TPI per area, temuan evaluator (jawaban yang berlaku dan
bercatatan) dan rekomendasi per area, simpulan (direkomendasikan atau
belum untuk diusulkan memperoleh predikat target satker) dan lembar tanda
tangan tim.

  --format md    Markdown, untuk ditempel ke laporan yang lebih panjang.
  --format html  Satu berkas HTML mandiri, siap dicetak di kertas A4
                 (setiap area di halaman baru) dan dapat dibuka di Word.

Evaluasi dipilih dengan --satker ID; tanpa --year dan --stage, evaluasi
terbaru satker itu. Tanpa -o, laporan ditulis ke keluaran standar; tanpa
--format, format mengikuti akhiran berkas -o (.html, .htm, .md), selain
itu md. Untuk PDF, buka HTML-nya di peramban lalu cetak ke PDF.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := formatFromName(cmd, output, &format, "md", "html"); err != nil {
				return err
			}
			if format != "md" && format != "html" {
				return flagError("--format %q tidak dikenal; yang ada: md, html", format)
			}
			if err := local(cmd, output); err != nil {
				return err
			}
			return p.run(cmd, readDB, func(db *store.DB, e model.Evaluation) error {
				in, err := report.LoadLHE(db, e.ID)
				if err != nil {
					return err
				}
				data, err := report.LHE(format, in)
				if err != nil {
					return err
				}
				return writeResult(cmd, output, data, "Laporan Hasil Evaluasi "+e.ID)
			})
		},
	}
	addEvalPickFlags(cmd, &p)
	cmd.Flags().StringVar(&format, "format", "md", "md atau html")
	cmd.Flags().StringVarP(&output, "output", "o", "", "tulis ke berkas ini (bawaan: keluaran standar)")
	return cmd
}
