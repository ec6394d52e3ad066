package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

func newExportCmd() *cobra.Command {
	var format, output, stage string
	var satkers []string
	var skipMissing bool
	var year int
	cmd := &cobra.Command{
		Use:   "export [--format json|csv|xlsx] [--satker ID[,ID…]] [-o BERKAS]",
		Short: "Ekspor basis data, atau satker untuk dibawa ke lapangan, ke satu bundel JSON",
		Long: `Tulis bundel JSON yang utuh dan berversi: satker, evaluasi, jawaban beserta
catatan dan eviden, riwayat perubahan, dan instrumen yang dipakai. Bundel
yang sama selalu menghasilkan bita yang sama; "ziwb import BERKAS" membacanya
kembali. Tanpa -o, bundel ditulis ke keluaran standar; tanpa --format,
format mengikuti akhiran berkas -o (.json, .csv, .xlsx).

Dengan --satker ID[,ID…]: bundel lapangan, untuk kerja yang dibawa keluar
(mis. ke laptop) dan dibawa kembali. Bundel itu membawa satker-satker tadi
dengan semua miliknya, asalnya (basis data ini, siapa, kapan) dan dasar
penggabungan berikutnya. "ziwb import" atas bundel lapangan menggabungkan
tiga arah: yang diubah satu sisi diambil, yang diubah kedua sisi dengan
nilai berbeda menjadi konflik untuk diputuskan orang. Lihat juga ziwb sync.

Dengan --format xlsx --satker ID [--year TAHUN] [--stage TAHAP] -o BERKAS:
lembar kerja LKE ZI satu evaluasi (dipilih seperti ziwb evaluasi show:
yang terbaru bila tanpa --year dan --stage) untuk Excel atau LibreOffice —
lembar "LKE ZI" dengan penomoran, pertanyaan, kriteria, jawaban (juga
PMPZI satker dan tiap tingkat reviu), nilai, bobot, skor, catatan dan
eviden, dengan rumus subtotal yang hidup: mengubah jawaban menghitung ulang
skor sama seperti ziwb; "Rekap" (nilai dan verdict tiap komponen, syarat
predikat) dan "Rekomendasi".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := formatFromName(cmd, output, &format, "json", "csv", "xlsx"); err != nil {
				return err
			}
			if format != "json" && format != "csv" && format != "xlsx" {
				return flagError("--format %q tidak dikenal; yang ada: json, csv, xlsx", format)
			}
			if err := local(cmd, output); err != nil {
				return err
			}
			db, err := readDB(cmd)
			if err != nil {
				return err
			}
			defer func() { db.Close() }()
			if format == "csv" {
				return exportCSV(cmd, db, satkerList(satkers), stage, year, output)
			}
			if format == "xlsx" {
				return exportXLSX(cmd, db, satkerList(satkers), stage, year, output)
			}
			write := func(w io.Writer) (store.BundleCounts, error) { return db.WriteBundle(w, "") }
			what := "Bundel"
			if satkers = satkerList(satkers); len(satkers) > 0 && skipMissing {
				if satkers, err = existing(db, satkers); err != nil {
					return err
				}
			}
			if len(satkers) > 0 || skipMissing {
				// A field bundle names this database: one opened
				// read-only for the first time gets its identity now.
				if id, err := db.Identity(); err == nil && id == "" && remoteOf(cmd) == nil {
					db.Close()
					if db, err = writeDB(cmd); err != nil {
						return err
					}
				}
				by := currentUser(cmd)
				write = func(w io.Writer) (store.BundleCounts, error) { return db.FieldBundle(w, satkers, by) }
				what = "Bundel lapangan"
			}
			// Streamed as the store reads it: memory stays small whatever
			// the size of the database.
			if output == "" || output == "-" {
				_, err := write(cmd.OutOrStdout())
				return err
			}
			var c store.BundleCounts
			if err := store.WriteAtomic(output, func(w io.Writer) (err error) {
				c, err = write(w)
				return err
			}); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s ditulis ke %s: %d satker, %d evaluasi, %d jawaban, %d entri riwayat, %d instrumen\n",
				what, output, c.Satkers, c.Evaluations, c.Answers, c.History, c.Instruments)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "format: json (bundel), csv (jawaban satu evaluasi --satker, satu baris per pertanyaan), xlsx (lembar kerja LKE ZI satu evaluasi --satker, wajib -o)")
	cmd.Flags().StringVar(&stage, "stage", "", "--format csv/xlsx: tahap evaluasi (bawaan csv: PMPZI; xlsx: tahap terakhir)")
	cmd.Flags().IntVar(&year, "year", 0, "--format csv/xlsx: tahun evaluasi (bawaan: tahun terakhir tahap itu)")
	cmd.Flags().BoolVar(&skipMissing, "skip-missing", false, "bundel lapangan: lewati satker --satker yang tidak ada di sini (dipakai ziwb sync untuk satker yang baru dibuat di sisi lain)")
	cmd.Flags().StringSliceVar(&satkers, "satker", nil, "bundel lapangan satker ini (id, dipisah koma), dengan evaluasi, riwayat dan dasar penggabungannya")
	cmd.Flags().StringVarP(&output, "output", "o", "", "tulis ke berkas ini (bawaan: keluaran standar)")
	return cmd
}

// exportCSV writes one evaluation's answers as CSV (lke.WriteCSV).
func exportCSV(cmd *cobra.Command, db *store.DB, satkers []string, stage string, year int, output string) error {
	if len(satkers) != 1 {
		return flagError("--format csv perlu tepat satu --satker ID")
	}
	st, err := stageFlag(stage)
	if err != nil {
		return err
	}
	e, err := lke.FindEvaluation(db, satkers[0], st, year)
	if err != nil {
		return err
	}
	if output == "" || output == "-" {
		return lke.ExportCSV(db, cmd.OutOrStdout(), e.ID)
	}
	if err := store.WriteAtomic(output, func(w io.Writer) error { return lke.ExportCSV(db, w, e.ID) }); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Jawaban %s ditulis ke %s (CSV)\n", e.ID, output)
	return nil
}

// stageFlag reads --stage; empty stays empty (PMPZI).
func stageFlag(s string) (model.Stage, error) {
	if s == "" {
		return "", nil
	}
	return model.ParseStage(s)
}

// existing keeps the satkers this database has: a sync pulls every
// satker it shares, and one made on the other side is not here yet.
func existing(db *store.DB, ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		switch _, err := db.Satker(id); {
		case err == nil:
			out = append(out, id)
		case !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
	}
	return out, nil
}

// satkerList is --satker ID[,ID…] without blanks or repeats, in order.
func satkerList(ids []string) []string {
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func newImportCmd() *cobra.Command {
	var answers, lkeFile, satker, stage, conflicts string
	var year int
	var asJSON, skipUnmatched bool
	cmd := &cobra.Command{
		Use:   "import BUNDEL | import --answers BERKAS | --lke BERKAS.xlsx --satker ID [--stage TAHAP] [--year TAHUN]",
		Short: "Impor bundel ekspor, atau berkas jawaban ke evaluasi sebuah satker",
		Long: `Impor semua atau tidak sama sekali: bila ada masalah, semuanya dilaporkan
dengan barisnya dan basis data tidak berubah; bila tidak, semuanya ditulis.

  ziwb import bundel.json        (atau "-" untuk membaca masukan standar)
      Bundel dari "ziwb export", dibaca sambil jalan: sebesar apa pun
      bundelnya, memori yang dipakai tetap kecil. Data baru ditambahkan; data
      yang sudah ada diganti hanya oleh versi yang lebih baru. Mengimpor
      bundel yang sama dua kali tidak mengubah apa pun. Perlu peran admin.

  ziwb import bundel-lapangan.json [--conflicts list|ours|theirs] [--json]
      Bundel lapangan dari "ziwb export --satker" digabung tiga arah, dalam
      satu transaksi: yang hanya diubah di bundel diambil, yang hanya diubah
      di sini tetap, yang diubah kedua sisi dengan nilai berbeda menjadi
      konflik. Tanpa --conflicts, konflik disimpan untuk diputuskan di layar
      penggabungan (buka ziwb, tekan m) dan perintah tetap keluar dengan
      status 0. --conflicts ours mempertahankan nilai di sini, theirs
      mengambil nilai bundel (keduanya tercatat di riwayat), list hanya
      melaporkan tanpa menulis apa pun. --json menulis laporannya sebagai
      JSON. Cukup peran evaluator; lewat ziwb serve: ssh … import - .

  ziwb import --answers jawaban.json --satker ID [--stage TPI] [--year 2026]
      Berkas jawaban (bentuk yang sama dengan "ziwb score --answers") ke
      evaluasi satker itu. Tanpa --stage: PMPZI; tanpa --year: tahun terakhir
      evaluasi tahap itu, atau tahun ini. Evaluasi dibuat bila belum ada.
      Jawaban null mengosongkan jawaban tersimpan. Berkas .csv (dari "ziwb
      export --format csv": id, nomor, jawaban, nilai, skor, catatan) juga
      diterima; jawaban kosong mengosongkan, catatan ikut disimpan.

  ziwb import --lke isian.xlsx --satker ID [--stage PMPZI] [--year 2026]
      Lembar "LKE ZI" yang sudah diisi: bentuk resmi PermenPANRB 90/2021
      (baris dikenali dari nomornya — 1.i.a, R1.ii, H.I.a — dan jawaban dari
      kolom berjudul "Jawaban"; baris "Jumlah" memberi persentasenya) atau
      hasil "ziwb export --format xlsx". Ketikan biasa diterima (ya, T, a.,
      80%, 0,8, 3,41). Setiap masalah dilaporkan dengan selnya, mis.
      LKE ZI!F45; sel Jawaban yang kosong tidak mengubah apa pun. Baris yang
      tidak cocok dengan pertanyaan mana pun membatalkan impor, kecuali
      dengan --skip-unmatched: baris itu disebut lalu dilewati. Nilai yang
      tidak sah selalu membatalkan impor.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if answers != "" || lkeFile != "" {
				return cobra.NoArgs(cmd, args)
			}
			if len(args) != 1 {
				return fmt.Errorf("beri satu berkas bundel, atau --answers BERKAS --satker ID")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if lkeFile != "" && answers != "" {
				return flagError("pilih salah satu: --answers atau --lke")
			}
			if lkeFile != "" { // a worksheet goes where an answers file goes
				answers = lkeFile
				defer func() { answers = "" }()
			}
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
				return flagError("--satker wajib diisi bersama --answers atau --lke")
			}
			policy, err := policyFlag(conflicts)
			if err != nil {
				return err
			}
			mergeOnly := cmd.Flags().Changed("conflicts") || asJSON
			if answers != "" && mergeOnly {
				return flagError("--conflicts dan --json hanya untuk bundel lapangan, bukan --answers")
			}
			var src io.Reader = cmd.InOrStdin()
			if err := local(cmd, file); err != nil {
				return err
			}
			what := "bundel"
			switch {
			case lkeFile != "":
				what = "lembar kerja"
			case answers != "":
				what = "berkas jawaban"
			}
			if file != "-" {
				f, err := os.Open(file)
				if err != nil {
					return fmt.Errorf("baca %s: %w", what, err)
				}
				defer f.Close()
				// A folder opens, then reads as nothing: say what it is.
				if fi, err := f.Stat(); err == nil && fi.IsDir() {
					return fmt.Errorf("baca %s: %w", what, &fs.PathError{Op: "read", Path: file, Err: syscall.EISDIR})
				}
				src = f
			}
			// A field bundle (with an origin) merges; any other imports.
			var field *bufio.Reader
			if answers == "" {
				br := bufio.NewReaderSize(src, 1<<16)
				if store.IsFieldBundle(br) {
					field = br
				} else if mergeOnly {
					return flagError("%s bukan bundel lapangan (ziwb export --satker): --conflicts dan --json hanya untuk bundel lapangan", file)
				}
				src = br
			}
			return withNewDB(cmd, func(db *store.DB) error {
				var stats store.ImportStats
				if field != nil {
					return mergeBundle(cmd, db, file, field, policy, asJSON)
				}
				if answers != "" {
					var data []byte
					if data, err = io.ReadAll(src); err != nil {
						return fmt.Errorf("baca %s: %w", what, err)
					}
					if lkeFile != "" {
						return importSheet(cmd, db, file, data, lke.ReadLKE, satker, st, year, skipUnmatched)
					}
					if isCSV(file, data) {
						return importSheet(cmd, db, file, data, lke.ReadCSV, satker, st, year, skipUnmatched)
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
			})
		},
	}
	cmd.Flags().StringVar(&answers, "answers", "", "berkas jawaban (JSON atau CSV) yang diimpor ke evaluasi --satker")
	cmd.Flags().StringVar(&lkeFile, "lke", "", "lembar kerja LKE ZI (.xlsx) yang sudah diisi, diimpor ke evaluasi --satker")
	cmd.Flags().StringVar(&satker, "satker", "", "satker (id) tujuan berkas jawaban")
	cmd.Flags().StringVar(&stage, "stage", "", "tahap evaluasi: PMPZI, TPI, TPI-lapangan, TPN (bawaan: PMPZI)")
	cmd.Flags().IntVar(&year, "year", 0, "tahun evaluasi (bawaan: tahun terakhir tahap itu, atau tahun ini)")
	cmd.Flags().BoolVar(&skipUnmatched, "skip-unmatched", false, "lembar kerja atau CSV: lewati baris yang tidak cocok dengan pertanyaan mana pun (tetap disebut); nilai yang tidak sah tetap membatalkan impor")
	cmd.Flags().StringVar(&conflicts, "conflicts", "", "bundel lapangan: list (hanya laporkan), ours (pertahankan nilai di sini), theirs (ambil nilai bundel); bawaan: simpan untuk diputuskan")
	cmd.Flags().BoolVar(&asJSON, "json", false, "bundel lapangan: tulis laporan penggabungan sebagai JSON")
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
