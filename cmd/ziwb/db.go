package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

func newCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Periksa keutuhan basis data (bbolt dan rujukan antar-data)",
		Long: `Periksa basis data: pemeriksaan konsistensi bbolt, lalu pemeriksaan ziwb
sendiri — setiap jawaban milik sebuah evaluasi, setiap evaluasi milik sebuah
satker dan instrumen tersimpan, setiap nilai sah untuk instrumennya, dan
ringkasan sesuai dengan datanya. Keluar dengan status 1 bila ada masalah.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDB(cmd, readDB, func(db *store.DB) error {
				out := cmd.OutOrStdout()
				problems := db.Check()
				if len(problems) > 0 {
					fmt.Fprintf(out, "%s: %d masalah ditemukan\n", db.Path(), len(problems))
					for _, p := range problems {
						fmt.Fprintf(out, "  ✗ %s\n", p)
					}
					fmt.Fprintln(out, "Buat cadangan (ziwb backup) sebelum memperbaiki apa pun.")
					return exitError{1}
				}
				st, err := db.Stats()
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "%s: sehat — %d satker, %d evaluasi, %d jawaban, %d rekomendasi, %d entri riwayat, %d instrumen, %s\n",
					db.Path(), st.Satkers, st.Evaluations, st.Answers, st.Recommendations, st.History, st.Instruments, sizeText(st.FileSize))
				return nil
			})
		},
	}
}

func newBackupCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "backup BERKAS",
		Short: "Tulis salinan basis data yang utuh, juga saat ziwb lain sedang memakainya",
		Long: `Tulis salinan utuh basis data ke BERKAS (ditimpa bila sudah ada). Salinan
dibuat dari satu keadaan yang konsisten, juga saat ziwb lain sedang
membuka basis data itu; salinan diperiksa sebelum disimpan. BERKAS "-"
menulis salinan ke keluaran standar — lewat server ziwb hanya itu:
ssh … backup - > cadangan.db.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dst := args[0]
			if err := local(cmd, dst); err != nil {
				return err
			}
			if r := remoteOf(cmd); r != nil { // an admin's copy, through the session
				return r.db.BackupTo(cmd.OutOrStdout())
			}
			path, err := dbPath(cmd)
			if err != nil {
				return err
			}
			if dst == "-" {
				return backupToStdout(cmd, path)
			}
			db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
			switch {
			case err == nil:
				err = db.Backup(dst)
				db.Close()
			case errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrNotFound):
				return err
			default:
				// Held by another ziwb (or waiting for migration): copy the
				// file's latest commit without opening it.
				err = store.Snapshot(path, dst)
			}
			if err != nil {
				return err
			}
			size := int64(0)
			if fi, err := os.Stat(dst); err == nil {
				size = fi.Size()
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Cadangan %s ditulis ke %s (%s)\n", path, dst, sizeText(size))
			return nil
		},
	}
}

// backupToStdout writes the copy to standard output: from the database
// when it opens, else (another ziwb holds it) from a snapshot of its file
// taken beside the system's temporary files.
func backupToStdout(cmd *cobra.Command, path string) error {
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if err == nil {
		defer db.Close()
		return db.BackupTo(cmd.OutOrStdout())
	}
	if errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrNotFound) {
		return err
	}
	dir, err := os.MkdirTemp("", "ziwb-cadangan-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	snap := filepath.Join(dir, "ziwb.db")
	if err := store.Snapshot(path, snap); err != nil {
		return err
	}
	f, err := os.Open(snap)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(cmd.OutOrStdout(), f)
	return err
}

// sizeText shows a byte count the way people read it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return model.DecimalComma(fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)))
	case n >= 1<<10:
		return model.DecimalComma(fmt.Sprintf("%.1f KiB", float64(n)/(1<<10)))
	}
	return fmt.Sprintf("%d bita", n)
}

// printImportErrors prints every problem of a refused import and says that
// nothing was written.
func printImportErrors(w io.Writer, path string, err error) error {
	if _, ok := model.AsFileErrors(err); !ok {
		return err
	}
	err = printFileErrors(w, err)
	fmt.Fprintf(w, "Impor dibatalkan: tidak ada yang ditulis ke %s\n", path)
	return err
}
