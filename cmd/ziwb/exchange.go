package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

func newExportCmd() *cobra.Command {
	var format, satker, output string
	cmd := &cobra.Command{
		Use:   "export [--format json] [--satker ID] [-o BERKAS]",
		Short: "Ekspor satker, evaluasi, jawaban, riwayat dan instrumennya ke satu bundel JSON",
		Long: `Tulis bundel JSON yang utuh dan berversi: satker, evaluasi, jawaban beserta
catatan dan eviden, riwayat perubahan, dan instrumen yang dipakai. Bundel
yang sama selalu menghasilkan bita yang sama; "ziwb import BERKAS" membacanya
kembali. Tanpa -o, bundel ditulis ke keluaran standar.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "json" {
				return flagError("--format %q tidak dikenal; yang ada: json", format)
			}
			db, err := readDB(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			// Streamed as the store reads it: memory stays small whatever
			// the size of the database.
			if output == "" || output == "-" {
				_, err := db.WriteBundle(cmd.OutOrStdout(), satker)
				return err
			}
			if err := local(cmd, output); err != nil {
				return err
			}
			var c store.BundleCounts
			if err := store.WriteAtomic(output, func(w io.Writer) (err error) {
				c, err = db.WriteBundle(w, satker)
				return err
			}); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Bundel ditulis ke %s: %d satker, %d evaluasi, %d jawaban, %d entri riwayat, %d instrumen\n",
				output, c.Satkers, c.Evaluations, c.Answers, c.History, c.Instruments)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "format bundel (hanya json)")
	cmd.Flags().StringVar(&satker, "satker", "", "hanya satker ini (id), dengan evaluasi dan riwayatnya")
	cmd.Flags().StringVarP(&output, "output", "o", "", "tulis ke berkas ini (bawaan: keluaran standar)")
	return cmd
}

// writeFileAtomic writes data as store.WriteAtomic does.
func writeFileAtomic(path string, data []byte) error {
	return store.WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func newImportCmd() *cobra.Command {
	var answers, satker, stage string
	var year int
	cmd := &cobra.Command{
		Use:   "import BUNDEL | import --answers BERKAS --satker ID [--stage TAHAP] [--year TAHUN]",
		Short: "Impor bundel ekspor, atau berkas jawaban ke evaluasi sebuah satker",
		Long: `Impor semua atau tidak sama sekali: bila ada masalah, semuanya dilaporkan
dengan barisnya dan basis data tidak berubah; bila tidak, semuanya ditulis.

  ziwb import bundel.json        (atau "-" untuk membaca masukan standar)
      Bundel dari "ziwb export", dibaca sambil jalan: sebesar apa pun
      bundelnya, memori yang dipakai tetap kecil. Data baru ditambahkan; data
      yang sudah ada diganti hanya oleh versi yang lebih baru. Mengimpor
      bundel yang sama dua kali tidak mengubah apa pun.

  ziwb import --answers jawaban.json --satker ID [--stage TPI] [--year 2026]
      Berkas jawaban (bentuk yang sama dengan "ziwb score --answers") ke
      evaluasi satker itu. Tanpa --stage: PMPZI; tanpa --year: tahun terakhir
      evaluasi tahap itu, atau tahun ini. Evaluasi dibuat bila belum ada.
      Jawaban null mengosongkan jawaban tersimpan.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if answers != "" {
				return cobra.NoArgs(cmd, args)
			}
			if len(args) != 1 {
				return fmt.Errorf("beri satu berkas bundel, atau --answers BERKAS --satker ID")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			file := answers
			if file == "" {
				file = args[0]
			}
			var st model.Stage
			if stage != "" {
				var err error
				if st, err = model.ParseStage(stage); err != nil {
					return err
				}
			}
			if answers != "" && satker == "" {
				return flagError("--satker wajib diisi bersama --answers")
			}
			var src io.Reader = cmd.InOrStdin()
			if err := local(cmd, file); err != nil {
				return err
			}
			if file != "-" {
				f, err := os.Open(file)
				if err != nil {
					return fmt.Errorf("baca bundel: %w", err)
				}
				defer f.Close()
				src = f
			}
			db, err := openDB(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			var stats store.ImportStats
			if answers != "" {
				var data []byte
				if data, err = io.ReadAll(src); err != nil {
					return fmt.Errorf("baca berkas jawaban: %w", err)
				}
				stats, err = db.ImportAnswers(file, data, satker, st, year, currentUser(cmd))
			} else {
				stats, err = db.ImportFrom(file, src, currentUser(cmd))
			}
			if err != nil {
				return printImportErrors(cmd.ErrOrStderr(), db.Path(), err)
			}
			printImportStats(cmd.OutOrStdout(), file, db.Path(), stats)
			return nil
		},
	}
	cmd.Flags().StringVar(&answers, "answers", "", "berkas jawaban (JSON) yang diimpor ke evaluasi --satker")
	cmd.Flags().StringVar(&satker, "satker", "", "satker (id) tujuan berkas jawaban")
	cmd.Flags().StringVar(&stage, "stage", "", "tahap evaluasi: PMPZI, TPI, TPI-lapangan, TPN (bawaan: PMPZI)")
	cmd.Flags().IntVar(&year, "year", 0, "tahun evaluasi (bawaan: tahun terakhir tahap itu, atau tahun ini)")
	return cmd
}

func printImportStats(w io.Writer, file, path string, s store.ImportStats) {
	if !s.Changed() {
		fmt.Fprintf(w, "%s: semua data sudah ada di %s; tidak ada yang berubah\n", file, path)
		return
	}
	fmt.Fprintf(w, "%s diimpor ke %s:\n", file, path)
	for _, row := range []struct {
		name string
		c    store.Counts
	}{{"satker", s.Satkers}, {"evaluasi", s.Evaluations}, {"jawaban", s.Answers}, {"riwayat", s.History}, {"instrumen", s.Instruments}} {
		c := row.c
		if c == (store.Counts{}) {
			continue
		}
		parts := []string{fmt.Sprintf("%d baru", c.Added)}
		if c.Updated > 0 {
			parts = append(parts, fmt.Sprintf("%d diperbarui", c.Updated))
		}
		if c.Unchanged > 0 {
			parts = append(parts, fmt.Sprintf("%d sudah sama", c.Unchanged))
		}
		if c.Kept > 0 {
			parts = append(parts, fmt.Sprintf("%d dipertahankan (yang tersimpan lebih baru)", c.Kept))
		}
		fmt.Fprintf(w, "  %-10s %s\n", row.name, strings.Join(parts, ", "))
	}
}
