package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// Dashboard writes the comparison table — one row per satker, grouped
// when q.Group asks — in format (md, csv or json); q is what was asked,
// for the heading and the filters the report names.
func Dashboard(fmtName string, q Query, d model.Dashboard, groups []model.DashboardGroup, tally model.Tally) ([]byte, error) {
	rows := 0
	for _, g := range groups {
		rows += len(g.Rows)
	}
	return render(fmtName, &dashView{q: q, d: d, groups: groups, tally: tally, rows: rows})
}

// dashView is the dashboard table as a report.
type dashView struct {
	q      Query
	d      model.Dashboard
	groups []model.DashboardGroup
	tally  model.Tally
	rows   int
}

// pickText says which evaluation each row shows.
func (v *dashView) pickText() string {
	switch {
	case v.q.Year != 0 && v.q.Stage != "":
		return fmt.Sprintf("evaluasi %s %d", v.q.Stage, v.q.Year)
	case v.q.Year != 0:
		return fmt.Sprintf("evaluasi terakhir tahun %d", v.q.Year)
	case v.q.Stage != "":
		return fmt.Sprintf("evaluasi %s terbaru", v.q.Stage)
	}
	return "evaluasi terbaru tiap satker"
}

func (v *dashView) filterText() string {
	var parts []string
	for _, f := range [][2]string{{"wilayah", v.q.Region}, {"jenis", v.q.Kind}, {"target", v.q.Target},
		{"hasil", v.q.Result}, {"status", v.q.Status}, {"teks", v.q.Search}} {
		if f[1] != "" {
			parts = append(parts, fmt.Sprintf("%s %q", f[0], f[1]))
		}
	}
	return strings.Join(parts, ", ")
}

// verdictGlyph follows a score in a Markdown cell: " ✓", " ✗", or nothing.
func verdictGlyph(v model.Verdict) string {
	if v == model.VerdictNone {
		return ""
	}
	return " " + format.VerdictGlyph(v)
}

func resultText(r string) string {
	if r == "" {
		return "–"
	}
	return r
}

func deltaText(d model.Delta) string {
	if !d.Has() {
		return "–"
	}
	return fmt.Sprintf("%s %s (%s %d)", d.Trend.Arrow(), format.SignedPoints(d.Points), d.PrevStage, d.PrevYear)
}

func tallyText(t model.Tally) string {
	return fmt.Sprintf("%d satker, %d dievaluasi — WBBM %d · WBK %d · belum %d · memenuhi target %d · rata-rata total %s",
		t.Satkers, t.Evaluated, t.WBBM, t.WBK, t.None, t.OnTarget, model.Points(t.MeanTotal))
}

func (v *dashView) markdown() []byte {
	var b bytes.Buffer
	b.WriteString("# Perbandingan Satker Zona Integritas\n\n")
	fmt.Fprintf(&b, "Menampilkan %s", v.pickText())
	if f := v.filterText(); f != "" {
		fmt.Fprintf(&b, "; saringan: %s", f)
	}
	b.WriteString(".\n")
	if len(v.d.Columns) > 0 {
		var legend []string
		for _, c := range v.d.Columns {
			legend = append(legend, fmt.Sprintf("%s = %s (%s)", c.Short, c.Title, model.Points(c.Max)))
		}
		fmt.Fprintf(&b, "Komponen: %s. %s, %s terhadap target satker.\n", strings.Join(legend, "; "), format.Verdict(model.Pass), format.Verdict(model.Fail))
	}
	header := []string{"Satker", "Jenis", "Provinsi", "Target", "Evaluasi", "Progres", "Total", "Predikat"}
	for _, c := range v.d.Columns {
		header = append(header, c.Short)
	}
	header = append(header, "Perubahan")
	table := func(rows []*model.DashboardRow) {
		b.WriteString("\n| " + strings.Join(header, " | ") + " |\n|" + strings.Repeat(" --- |", len(header)) + "\n")
		if len(rows) == 0 {
			b.WriteString("| Tidak ada satker yang cocok |" + strings.Repeat(" |", len(header)-1) + "\n")
		}
		for _, r := range rows {
			cells := []string{fmt.Sprintf("%s (%s)", r.Satker.Name, r.Satker.ID), string(r.Satker.Kind), r.Satker.Province, r.Satker.Target}
			if !r.HasEval() {
				cells = append(cells, "belum ada evaluasi", "–", "–", "–")
				for range v.d.Columns {
					cells = append(cells, "–")
				}
				cells = append(cells, "–")
			} else {
				cells = append(cells, fmt.Sprintf("%s %d (%s)", r.Stage, r.Year, r.Status), fmt.Sprintf("%.0f%%", r.Progress()*100),
					model.Points(r.Total)+verdictGlyph(r.TotalVerdict), resultText(r.Result))
				for _, c := range r.Cells {
					if c.Max <= 0 {
						cells = append(cells, "–")
						continue
					}
					cells = append(cells, model.Points(c.Score)+verdictGlyph(c.Verdict))
				}
				cells = append(cells, deltaText(r.Delta))
			}
			for i := range cells {
				cells[i] = mdCell(cells[i])
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
	}
	if v.q.Group == "" {
		table(v.groups[0].Rows)
	} else {
		for _, g := range v.groups {
			key := g.Key
			if key == "" {
				key = "(tanpa " + map[string]string{"region": "provinsi", "kind": "jenis"}[v.q.Group] + ")"
			}
			fmt.Fprintf(&b, "\n## %s\n", mdCell(key))
			table(g.Rows)
			fmt.Fprintf(&b, "\nSubtotal %s: %s.\n", mdCell(key), tallyText(g.Tally))
		}
		if len(v.groups) == 0 {
			table(nil)
		}
	}
	fmt.Fprintf(&b, "\n**Jumlah: %s.**\n", tallyText(v.tally))
	return b.Bytes()
}

func verdictCSV(v model.Verdict) string {
	if v == model.VerdictNone {
		return ""
	}
	return format.VerdictWord(v)
}

func (v *dashView) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	grouped := v.q.Group != ""
	head := v.d.ExportHead(grouped)
	w.Write(head)
	for _, g := range v.groups {
		for _, r := range g.Rows {
			rec := []string{r.Satker.ID, r.Satker.Name, string(r.Satker.Kind), r.Satker.Province, r.Satker.Regency, r.Satker.Target}
			if r.HasEval() {
				rec = append(rec, r.Eval, fmt.Sprint(r.Year), string(r.Stage), string(r.Status), fmt.Sprint(r.Answered), fmt.Sprint(r.Questions),
					format.Decimal(r.Progress()*100), format.Decimal(r.Total), format.Decimal(r.Max), verdictCSV(r.TotalVerdict), r.Result)
				for _, c := range r.Cells {
					if c.Max <= 0 {
						rec = append(rec, "", "")
						continue
					}
					rec = append(rec, format.Decimal(c.Score), verdictCSV(c.Verdict))
				}
				if r.Delta.Has() {
					rec = append(rec, format.Decimal(r.Delta.Points), r.Delta.Trend.Word(), r.Delta.Prev)
				} else {
					rec = append(rec, "", "", "")
				}
			} else {
				rec = append(rec, make([]string, 11+2*len(v.d.Columns)+3)...)
			}
			if grouped {
				rec = append(append([]string{g.Key, "satker"}, rec...), make([]string, len(model.TallyHead))...)
			}
			w.Write(rec)
		}
		if grouped {
			t := g.Tally
			rec := append([]string{g.Key, "subtotal"}, make([]string, len(head)-2-len(model.TallyHead))...)
			rec = append(rec, fmt.Sprint(t.Satkers), fmt.Sprint(t.Evaluated), fmt.Sprint(t.WBBM), fmt.Sprint(t.WBK),
				fmt.Sprint(t.None), fmt.Sprint(t.OnTarget), format.Decimal(t.MeanTotal))
			w.Write(rec)
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

type cellJSON struct {
	Score   float64 `json:"score"`
	Max     float64 `json:"max"`
	Verdict *string `json:"verdict"`
}

type deltaJSON struct {
	Previous string      `json:"previous"`
	Year     int         `json:"year"`
	Stage    model.Stage `json:"stage"`
	Total    float64     `json:"total"`
	Points   float64     `json:"points"`
	Trend    string      `json:"trend"` // up, down, flat
}

type rowJSON struct {
	Satker       string              `json:"satker"`
	Name         string              `json:"name"`
	Kind         model.SatkerKind    `json:"kind"`
	Province     string              `json:"province"`
	Regency      string              `json:"regency"`
	Target       string              `json:"target"`
	Evaluation   *string             `json:"evaluation"`
	Year         int                 `json:"year,omitempty"`
	Stage        model.Stage         `json:"stage,omitempty"`
	Status       model.Status        `json:"status,omitempty"`
	Instrument   string              `json:"instrument,omitempty"`
	Answered     int                 `json:"answered"`
	Questions    int                 `json:"questions"`
	Total        float64             `json:"total"`
	Max          float64             `json:"max"`
	TotalVerdict *string             `json:"total_verdict"`
	Result       *string             `json:"result"`
	Cells        map[string]cellJSON `json:"cells"`
	Delta        *deltaJSON          `json:"delta"`
}

type tallyJSON struct {
	Satkers   int     `json:"satkers"`
	Evaluated int     `json:"evaluated"`
	WBBM      int     `json:"wbbm"`
	WBK       int     `json:"wbk"`
	None      int     `json:"none"`
	OnTarget  int     `json:"on_target"`
	MeanTotal float64 `json:"mean_total"`
}

func tallyOf(t model.Tally) tallyJSON {
	return tallyJSON{t.Satkers, t.Evaluated, t.WBBM, t.WBK, t.None, t.OnTarget, t.MeanTotal}
}

func (v *dashView) json() ([]byte, error) {
	type column struct {
		ID    string  `json:"id"`
		Title string  `json:"title"`
		Max   float64 `json:"max"`
	}
	type group struct {
		Key     string    `json:"key"`
		Tally   tallyJSON `json:"tally"`
		Satkers []string  `json:"satkers"`
	}
	out := struct {
		Year    *int      `json:"year"`
		Stage   *string   `json:"stage"`
		Filter  any       `json:"filter"`
		Columns []column  `json:"columns"`
		Rows    []rowJSON `json:"rows"`
		Groups  []group   `json:"groups,omitempty"`
		Tally   tallyJSON `json:"tally"`
	}{Stage: strPtr(v.q.Stage), Columns: []column{}, Rows: []rowJSON{}, Tally: tallyOf(v.tally),
		Filter: map[string]*string{"region": strPtr(v.q.Region), "kind": strPtr(v.q.Kind), "target": strPtr(v.q.Target),
			"result": strPtr(v.q.Result), "status": strPtr(v.q.Status), "search": strPtr(v.q.Search)}}
	if v.q.Year != 0 {
		out.Year = &v.q.Year
	}
	for _, c := range v.d.Columns {
		out.Columns = append(out.Columns, column{c.ID, c.Title, c.Max})
	}
	for _, g := range v.groups {
		gj := group{Key: g.Key, Tally: tallyOf(g.Tally), Satkers: []string{}}
		for _, r := range g.Rows {
			gj.Satkers = append(gj.Satkers, r.Satker.ID)
			out.Rows = append(out.Rows, v.rowJSON(r))
		}
		if v.q.Group != "" {
			out.Groups = append(out.Groups, gj)
		}
	}
	var b bytes.Buffer
	err := WriteJSON(&b, out)
	return b.Bytes(), err
}

func (v *dashView) rowJSON(r *model.DashboardRow) rowJSON {
	s := r.Satker
	j := rowJSON{Satker: s.ID, Name: s.Name, Kind: s.Kind, Province: s.Province, Regency: s.Regency, Target: s.Target,
		Cells: map[string]cellJSON{}}
	if !r.HasEval() {
		return j
	}
	j.Evaluation, j.Year, j.Stage, j.Status, j.Instrument = &r.Eval, r.Year, r.Stage, r.Status, r.Instrument
	j.Answered, j.Questions, j.Total, j.Max = r.Answered, r.Questions, r.Total, r.Max
	j.TotalVerdict, j.Result = strPtr(string(r.TotalVerdict)), strPtr(r.Result)
	for i, c := range v.d.Columns {
		if cell := r.Cells[i]; cell.Max > 0 {
			j.Cells[c.ID] = cellJSON{cell.Score, cell.Max, strPtr(string(cell.Verdict))}
		}
	}
	if d := r.Delta; d.Has() {
		j.Delta = &deltaJSON{d.Prev, d.PrevYear, d.PrevStage, d.PrevTotal, d.Points, map[model.Trend]string{model.Up: "up", model.Down: "down", model.Flat: "flat"}[d.Trend]}
	}
	return j
}
