package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
)

func newDemoCmd() *cobra.Command {
	var n int
	cmd := &cobra.Command{
		Use:   "demo [--satkers N]",
		Short: "Isi basis data dengan data contoh",
		Long: `Isi basis data dengan data contoh yang realistis: Kankemenag Kabupaten
Magelang, Minahasa Tenggara dan Sinjai, Kanwil Kemenag Provinsi Kalimantan
Tengah dan Bengkulu, beberapa KUA, madrasah dan sebuah PTKN — masing-masing
dengan penilaian mandiri (PMPZI) pada tahap kemajuan yang berbeda, dan
sebagian dengan evaluasi TPI yang jawabannya berbeda.

Evaluasi TPI punya tim (anggota tpi.rahmat, tpi.wahyu …, ketua tpi.hendra,
tpi.sri, tpi.yusuf, pengendali tpi.bambang, tpi.endang) dan ada di setiap
status: draft, diajukan, direviu, final, satu yang dikembalikan dan satu
evaluasi final yang dibuka kembali. Putaran tahun-tahun sebelumnya ikut
dibuat, sehingga dasbor menunjukkan kemajuan dan jawaban yang dibawa dari
putaran lalu. Coba: ZIWB_USER=tpi.yusuf ziwb, lalu w (menunggu saya).

--satkers N menambahkan N satker buatan (uji-00001 …) untuk uji beban.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if n < 0 {
				return flagError("--satkers %d: jumlah tidak boleh negatif", n)
			}
			return withDB(cmd, openDB, func(db *store.DB) error {
				before, err := db.Stats()
				if err != nil {
					return err
				}
				start := time.Now()
				if err := db.Demo(n, time.Now()); err != nil {
					return err
				}
				after, err := db.Stats()
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Data contoh ditambahkan ke %s: %d satker, %d evaluasi, %d jawaban, %d rekomendasi (%.1f detik)\n",
					db.Path(), after.Satkers-before.Satkers, after.Evaluations-before.Evaluations, after.Answers-before.Answers,
					after.Recommendations-before.Recommendations, time.Since(start).Seconds())
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&n, "satkers", 0, "buat N satker buatan untuk uji beban, bukan data contoh bernama")
	return cmd
}
