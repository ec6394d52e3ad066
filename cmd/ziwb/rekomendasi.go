package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

func newRekomendasiCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rekomendasi",
		Short: "Rekomendasi hasil evaluasi dan tindak lanjutnya",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newRekExportCmd())
	return cmd
}

func newRekExportCmd() *cobra.Command {
	var format, satker, status, output string
	cmd := &cobra.Command{
		Use:   "export --format md|csv [--satker ID] [--status baru,dikerjakan,...] [-o BERKAS]",
		Short: "Tulis rekomendasi per satker dan area, siap ditempel ke Laporan Hasil Evaluasi",
		Long: `Tulis rekomendasi yang tersimpan, dikelompokkan per satker lalu per area
instrumen:

  --format md   Markdown: judul per satker dan area, lalu daftar rekomendasi
                dengan prioritas, status, tenggat, teks, dan tindak lanjut
                terakhir — siap ditempel ke Laporan Hasil Evaluasi.
  --format csv  CSV dengan baris judul, satu baris per rekomendasi.

Tanpa -o, hasil ditulis ke keluaran standar; tanpa --format, format
mengikuti akhiran berkas -o (.md, .csv).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := formatFromName(cmd, output, &format, "md", "csv"); err != nil {
				return err
			}
			if format != "md" && format != "csv" {
				return flagError("--format %q tidak dikenal; yang ada: md, csv", format)
			}
			f := store.RekFilter{Satker: satker}
			for _, s := range strings.Split(status, ",") {
				if strings.TrimSpace(s) == "" {
					continue
				}
				st, err := model.ParseRekStatus(s)
				if err != nil {
					return flagError("--status: %w", err)
				}
				f.Status = append(f.Status, st)
			}
			return withDB(cmd, readDB, func(db *store.DB) error {
				if satker != "" {
					if _, err := db.Satker(satker); err != nil {
						return err
					}
				}
				groups, n, err := rekGroups(db, f)
				if err != nil {
					return err
				}
				data, err := report.Rekomendasi(format, groups)
				if err != nil {
					return err
				}
				return writeResult(cmd, output, data, fmt.Sprintf("%d rekomendasi", n))
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "md atau csv")
	cmd.Flags().StringVar(&satker, "satker", "", "hanya satker ini (id)")
	cmd.Flags().StringVar(&status, "status", "", "hanya status ini, dipisah koma: baru, dikerjakan, selesai, diverifikasi, ditolak")
	cmd.Flags().StringVarP(&output, "output", "o", "", "tulis ke berkas ini (bawaan: keluaran standar)")
	return cmd
}

// rekGroups reads the selected recommendations grouped by satker (by id)
// and area (in the instrument's order).
func rekGroups(db *store.DB, f store.RekFilter) ([]report.RekSatker, int, error) {
	list, err := db.RekomendasiList(f)
	if err != nil {
		return nil, 0, err
	}
	var out []report.RekSatker
	evals := map[string]model.Evaluation{}
	insts := map[string]*model.Instrument{}
	for _, r := range list {
		if len(out) == 0 || out[len(out)-1].Satker.ID != r.SatkerID {
			s, err := db.Satker(r.SatkerID)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, report.RekSatker{Satker: s})
		}
		e, ok := evals[r.EvaluationID]
		if !ok {
			if e, err = db.Evaluation(r.EvaluationID); err != nil {
				return nil, 0, err
			}
			evals[e.ID] = e
		}
		in, ok := insts[e.InstrumentHash]
		if !ok {
			if in, err = db.Instrument(e.InstrumentHash); err != nil {
				return nil, 0, err
			}
			insts[e.InstrumentHash] = in
		}
		row := report.NewRekRow(r, e, in)
		order := len(in.AllNodes())
		if a, ok := in.Node(row.AreaID); ok {
			for i, n := range in.AllNodes() {
				if n == a {
					order = i
				}
			}
		}
		g := &out[len(out)-1]
		var area *report.RekArea
		for _, a := range g.Areas {
			if a.ID == row.AreaID {
				area = a
			}
		}
		if area == nil {
			area = &report.RekArea{ID: row.AreaID, Title: row.AreaName, Order: order}
			g.Areas = append(g.Areas, area)
		}
		area.Rows = append(area.Rows, row)
	}
	for _, g := range out {
		sort.SliceStable(g.Areas, func(i, j int) bool { return g.Areas[i].Order < g.Areas[j].Order })
	}
	return out, len(list), nil
}
