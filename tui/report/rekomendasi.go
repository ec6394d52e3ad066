package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// Rekomendasi writes recommendations grouped by satker and area, as
// Markdown for the Laporan Hasil Evaluasi or as CSV, one row each.
func Rekomendasi(fmtName string, groups []RekSatker) ([]byte, error) {
	if fmtName == "csv" {
		return rekCSV(groups)
	}
	return rekMarkdown(groups), nil
}

// RekRow is one recommendation with what the report says about it.
type RekRow struct {
	model.Rekomendasi
	Eval      model.Evaluation
	NodeTitle string // the node's title or the question's text
	AreaID    string
	AreaName  string
}

// NewRekRow is recommendation r of evaluation e with the title of its
// node and the area it falls in, read from e's instrument.
func NewRekRow(r model.Rekomendasi, e model.Evaluation, inst *model.Instrument) RekRow {
	row := RekRow{Rekomendasi: r, Eval: e, NodeTitle: inst.Caption(r.Node), AreaID: inst.Area(r.Node)}
	if a, ok := inst.Node(row.AreaID); ok {
		row.AreaName = a.Title
	}
	return row
}

type RekArea struct {
	ID, Title string
	Order     int // walking order in the instrument; unknown areas last
	Rows      []RekRow
}

type RekSatker struct {
	Satker model.Satker
	Areas  []*RekArea
}

func (a *RekArea) heading() string {
	switch {
	case a.ID == "":
		return "Lainnya"
	case a.Title == "":
		return a.ID
	}
	return fmt.Sprintf("%s (%s)", a.Title, a.ID)
}

func lastFollowUp(r model.Rekomendasi) (model.TindakLanjut, bool) {
	if len(r.FollowUps) == 0 {
		return model.TindakLanjut{}, false
	}
	return r.FollowUps[len(r.FollowUps)-1], true
}

func rekMarkdown(groups []RekSatker) []byte {
	var b bytes.Buffer
	b.WriteString("# Rekomendasi Hasil Evaluasi Zona Integritas\n")
	if len(groups) == 0 {
		b.WriteString("\nTidak ada rekomendasi yang cocok.\n")
	}
	for _, g := range groups {
		fmt.Fprintf(&b, "\n## %s (%s)\n", g.Satker.Name, g.Satker.ID)
		for _, a := range g.Areas {
			fmt.Fprintf(&b, "\n### %s\n\n", a.heading())
			for i, r := range a.Rows {
				indent := strings.Repeat(" ", len(fmt.Sprint(i+1))+2)
				text := strings.ReplaceAll(strings.TrimSpace(r.Text), "\n", "\n"+indent)
				fmt.Fprintf(&b, "%d. %s\n", i+1, text)
				fmt.Fprintf(&b, "%s- Prioritas: %s; status: %s; tenggat: %s\n", indent, r.Priority, r.Status, format.Date(r.Due))
				node := r.Node
				if r.NodeTitle != "" {
					node += " " + r.NodeTitle
				}
				fmt.Fprintf(&b, "%s- Komponen: %s (%s %d)\n", indent, node, r.Eval.Stage, r.Eval.Year)
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

func rekCSV(groups []RekSatker) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"satker", "nama satker", "area", "judul area", "evaluasi", "komponen", "prioritas", "status",
		"tenggat", "rekomendasi", "alasan ditolak", "jumlah tindak lanjut", "tanggal tindak lanjut terakhir",
		"tindak lanjut terakhir", "id"})
	for _, g := range groups {
		for _, a := range g.Areas {
			for _, r := range a.Rows {
				due, tlDate, tlText := "", "", ""
				if !r.Due.IsZero() {
					due = r.Due.Format("2006-01-02")
				}
				if tl, ok := lastFollowUp(r.Rekomendasi); ok {
					tlDate, tlText = tl.Date.Format("2006-01-02"), tl.Text+evidenceList(tl.Evidence)
				}
				w.Write([]string{g.Satker.ID, g.Satker.Name, a.ID, a.Title, fmt.Sprintf("%s %d", r.Eval.Stage, r.Eval.Year),
					r.Node, string(r.Priority), string(r.Status), due, r.Text, r.Reason, fmt.Sprint(len(r.FollowUps)),
					tlDate, tlText, r.ID})
			}
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
