package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
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

Tanpa -o, hasil ditulis ke keluaran standar.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "md" && format != "csv" {
				return fmt.Errorf("--format %q tidak dikenal; yang ada: md, csv", format)
			}
			f := store.RekFilter{Satker: satker}
			for _, s := range strings.Split(status, ",") {
				if strings.TrimSpace(s) == "" {
					continue
				}
				st, err := model.ParseRekStatus(s)
				if err != nil {
					return fmt.Errorf("--status: %w", err)
				}
				f.Status = append(f.Status, st)
			}
			db, err := readDB(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			if satker != "" {
				if _, err := db.Satker(satker); err != nil {
					return err
				}
			}
			groups, n, err := rekGroups(db, f)
			if err != nil {
				return err
			}
			var data []byte
			if format == "md" {
				data = rekMarkdown(groups)
			} else if data, err = rekCSV(groups); err != nil {
				return err
			}
			if output == "" || output == "-" {
				_, err = cmd.OutOrStdout().Write(data)
				return err
			}
			if err := writeFileAtomic(output, data); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d rekomendasi ditulis ke %s\n", n, output)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "md atau csv")
	cmd.Flags().StringVar(&satker, "satker", "", "hanya satker ini (id)")
	cmd.Flags().StringVar(&status, "status", "", "hanya status ini, dipisah koma: baru, dikerjakan, selesai, diverifikasi, ditolak")
	cmd.Flags().StringVarP(&output, "output", "o", "", "tulis ke berkas ini (bawaan: keluaran standar)")
	return cmd
}

// rekRow is one recommendation with what the report says about it.
type rekRow struct {
	model.Rekomendasi
	eval     model.Evaluation
	node     string // the node's title or the question's text
	areaID   string
	areaName string
}

type rekArea struct {
	id, title string
	order     int // walking order in the instrument; unknown areas last
	rows      []rekRow
}

type rekSatker struct {
	satker model.Satker
	areas  []*rekArea
}

// rekGroups reads the selected recommendations grouped by satker (by id)
// and area (in the instrument's order).
func rekGroups(db *store.DB, f store.RekFilter) ([]rekSatker, int, error) {
	list, err := db.RekomendasiList(f)
	if err != nil {
		return nil, 0, err
	}
	var out []rekSatker
	evals := map[string]model.Evaluation{}
	insts := map[string]*model.Instrument{}
	for _, r := range list {
		if len(out) == 0 || out[len(out)-1].satker.ID != r.SatkerID {
			s, err := db.Satker(r.SatkerID)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, rekSatker{satker: s})
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
		row := rekRow{Rekomendasi: r, eval: e, node: nodeTitle(in, r.Node), areaID: in.Area(r.Node)}
		order := len(in.AllNodes())
		if a, ok := in.Node(row.areaID); ok {
			row.areaName = a.Title
			for i, n := range in.AllNodes() {
				if n == a {
					order = i
				}
			}
		}
		g := &out[len(out)-1]
		var area *rekArea
		for _, a := range g.areas {
			if a.id == row.areaID {
				area = a
			}
		}
		if area == nil {
			area = &rekArea{id: row.areaID, title: row.areaName, order: order}
			g.areas = append(g.areas, area)
		}
		area.rows = append(area.rows, row)
	}
	for _, g := range out {
		sort.SliceStable(g.areas, func(i, j int) bool { return g.areas[i].order < g.areas[j].order })
	}
	return out, len(list), nil
}

func nodeTitle(in *model.Instrument, id string) string {
	if n, ok := in.Node(id); ok {
		return n.Title
	}
	if q, ok := in.Question(id); ok {
		return q.Text
	}
	return ""
}

func (a *rekArea) heading() string {
	switch {
	case a.id == "":
		return "Lainnya"
	case a.title == "":
		return a.id
	}
	return fmt.Sprintf("%s (%s)", a.title, a.id)
}

func lastFollowUp(r model.Rekomendasi) (model.TindakLanjut, bool) {
	if len(r.FollowUps) == 0 {
		return model.TindakLanjut{}, false
	}
	return r.FollowUps[len(r.FollowUps)-1], true
}

func rekMarkdown(groups []rekSatker) []byte {
	var b bytes.Buffer
	b.WriteString("# Rekomendasi Hasil Evaluasi Zona Integritas\n")
	if len(groups) == 0 {
		b.WriteString("\nTidak ada rekomendasi yang cocok.\n")
	}
	for _, g := range groups {
		fmt.Fprintf(&b, "\n## %s (%s)\n", g.satker.Name, g.satker.ID)
		for _, a := range g.areas {
			fmt.Fprintf(&b, "\n### %s\n\n", a.heading())
			for i, r := range a.rows {
				indent := strings.Repeat(" ", len(fmt.Sprint(i+1))+2)
				text := strings.ReplaceAll(strings.TrimSpace(r.Text), "\n", "\n"+indent)
				fmt.Fprintf(&b, "%d. %s\n", i+1, text)
				fmt.Fprintf(&b, "%s- Prioritas: %s; status: %s; tenggat: %s\n", indent, r.Priority, r.Status, format.Date(r.Due))
				node := r.Node
				if r.node != "" {
					node += " " + r.node
				}
				fmt.Fprintf(&b, "%s- Komponen: %s (%s %d)\n", indent, node, r.eval.Stage, r.eval.Year)
				if r.Status == model.RekDitolak {
					fmt.Fprintf(&b, "%s- Alasan ditolak: %s\n", indent, r.Reason)
				}
				if tl, ok := lastFollowUp(r.Rekomendasi); ok {
					fmt.Fprintf(&b, "%s- Tindak lanjut terakhir (%s, %s): %s%s\n", indent, format.Date(tl.Date), tl.By,
						strings.ReplaceAll(strings.TrimSpace(tl.Text), "\n", " "), evidenceList(tl.Evidence))
				}
			}
		}
	}
	return b.Bytes()
}

func evidenceList(ev []model.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	parts := make([]string, len(ev))
	for i, e := range ev {
		parts[i] = strings.TrimSpace(e.Title + " " + e.Location)
		if e.Title != "" && e.Location != "" {
			parts[i] = e.Title + " — " + e.Location
		}
	}
	return " [eviden: " + strings.Join(parts, "; ") + "]"
}

func rekCSV(groups []rekSatker) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"satker", "nama satker", "area", "judul area", "evaluasi", "komponen", "prioritas", "status",
		"tenggat", "rekomendasi", "alasan ditolak", "jumlah tindak lanjut", "tanggal tindak lanjut terakhir",
		"tindak lanjut terakhir", "id"})
	for _, g := range groups {
		for _, a := range g.areas {
			for _, r := range a.rows {
				due, tlDate, tlText := "", "", ""
				if !r.Due.IsZero() {
					due = r.Due.Format("2006-01-02")
				}
				if tl, ok := lastFollowUp(r.Rekomendasi); ok {
					tlDate, tlText = tl.Date.Format("2006-01-02"), tl.Text+evidenceList(tl.Evidence)
				}
				w.Write([]string{g.satker.ID, g.satker.Name, a.id, a.title, fmt.Sprintf("%s %d", r.eval.Stage, r.eval.Year),
					r.Node, string(r.Priority), string(r.Status), due, r.Text, r.Reason, fmt.Sprint(len(r.FollowUps)),
					tlDate, tlText, r.ID})
			}
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
