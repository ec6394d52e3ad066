package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// compareOpts are the flags of "ziwb compare".
type compareOpts struct {
	format, region, kind, target, stage, result, search, sort, group, satker, output string
	year                                                                             int
	gap, all                                                                         bool
}

func newCompareCmd() *cobra.Command {
	var o compareOpts
	cmd := &cobra.Command{
		Use:   "compare [--format md|csv|json] [--year TAHUN] [--region S] [--kind JENIS] [--target WBK|WBBM] [--stage TAHAP] [--result WBK|WBBM|none] [--search TEKS] [--sort KOLOM] [--group region|kind] [-o BERKAS]\n  ziwb compare --satker ID --gap [--year TAHUN] [--stage TPI|TPI-lapangan] [--all] [--format md|csv|json] [-o BERKAS]",
		Short: "Bandingkan satker: tabel dasbor, atau selisih PMPZI dan TPI satu satker",
		Long: `Tanpa --gap: tabel dasbor, satu baris per satker — evaluasi terbaru (atau
tahun/tahap yang dipilih), total, hasil, progres, nilai dan verdict tiap area
pengungkit dan komponen hasil, serta perubahan terhadap evaluasi sebelumnya
(▲/▼ dan poin). Dibaca dari ringkasan tersimpan, tanpa menilai ulang.

  --year TAHUN        evaluasi tahun itu (bawaan: yang terbaru tiap satker)
  --stage TAHAP       evaluasi tahap itu: PMPZI, TPI, TPI-lapangan, TPN
  --region S          provinsi atau kabupaten/kota memuat S
  --kind JENIS        jenis satker: Kanwil, Kankemenag, KUA, Madrasah, PTKN, Lainnya
  --target T          target satker: WBK atau WBBM
  --result R          hasil evaluasi: WBK, WBBM, atau none (belum ada predikat)
  --search TEKS       id, nama, wilayah atau kepala satker memuat TEKS
  --sort KOLOM        urutkan: satker, name, kind, province, regency, target,
                      year, stage, status, total, result, progress, delta, atau
                      id area (mp, tl, sdm, ak, pw, pp, hasil); awali dengan -
                      untuk urutan menurun (-total)
  --group region|kind kelompokkan per provinsi atau jenis, dengan subtotal
                      (berapa satker WBBM, WBK, belum)

Dengan --satker ID --gap: jawaban PMPZI satker dibandingkan dengan jawaban TPI
(TPI-lapangan bila ada, atau --stage) pada tahun yang sama, per pertanyaan:
kedua jawaban, selisih poin terhadap nilai total, catatan kedua pihak —
selisih terbesar dahulu — dan selisih per area. Tanpa --all hanya pertanyaan
yang jawabannya berbeda.

--format md (bawaan) untuk laporan, csv (angka dengan titik desimal) untuk
lembar kerja, json untuk program lain. Tanpa -o, hasil ditulis ke keluaran
standar.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.check(cmd); err != nil {
				return err
			}
			db, err := readDB(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			var data []byte
			var summary string
			if o.gap {
				data, summary, err = o.gapReport(db)
			} else {
				data, summary, err = o.dashboard(db)
			}
			if err != nil {
				return err
			}
			if o.output == "" || o.output == "-" {
				_, err = cmd.OutOrStdout().Write(data)
				return err
			}
			if err := writeFileAtomic(o.output, data); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s ditulis ke %s\n", summary, o.output)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "md", "md, csv atau json")
	f.IntVar(&o.year, "year", 0, "tahun evaluasi (bawaan: yang terbaru)")
	f.StringVar(&o.region, "region", "", "provinsi atau kabupaten/kota memuat teks ini")
	f.StringVar(&o.kind, "kind", "", "jenis satker")
	f.StringVar(&o.target, "target", "", "target satker: WBK atau WBBM")
	f.StringVar(&o.stage, "stage", "", "tahap evaluasi: PMPZI, TPI, TPI-lapangan, TPN")
	f.StringVar(&o.result, "result", "", "hasil: WBK, WBBM atau none")
	f.StringVar(&o.search, "search", "", "id, nama, wilayah atau kepala satker memuat teks ini")
	f.StringVar(&o.sort, "sort", "", "kolom urutan; -KOLOM untuk urutan menurun")
	f.StringVar(&o.group, "group", "", "kelompokkan: region atau kind")
	f.StringVar(&o.satker, "satker", "", "dengan --gap: satker ini (id)")
	f.BoolVar(&o.gap, "gap", false, "selisih jawaban PMPZI dan TPI satu satker (butuh --satker)")
	f.BoolVar(&o.all, "all", false, "dengan --gap: juga pertanyaan yang dijawab sama")
	f.StringVarP(&o.output, "output", "o", "", "tulis ke berkas ini (bawaan: keluaran standar)")
	return cmd
}

// check refuses unknown values and flags that do not go together before
// the database is opened.
func (o *compareOpts) check(cmd *cobra.Command) error {
	switch o.format {
	case "md", "csv", "json":
	default:
		return fmt.Errorf("--format %q tidak dikenal; yang ada: md, csv, json", o.format)
	}
	if cmd.Flags().Changed("year") && (o.year < 2000 || o.year > 2100) {
		return fmt.Errorf("--year %d: tahun antara 2000 dan 2100", o.year)
	}
	if o.stage != "" {
		st, err := model.ParseStage(o.stage)
		if err != nil {
			return fmt.Errorf("--stage: %w", err)
		}
		o.stage = string(st)
	}
	if o.gap {
		if o.satker == "" {
			return fmt.Errorf("--gap butuh --satker ID: selisih PMPZI dan TPI dihitung per satker")
		}
		for _, name := range []string{"region", "kind", "target", "result", "search", "sort", "group"} {
			if cmd.Flags().Changed(name) {
				return fmt.Errorf("--%s tidak berlaku dengan --gap (yang berlaku: --year, --stage, --all, --format, -o)", name)
			}
		}
		if o.stage != "" && o.stage != string(model.StageTPI) && o.stage != string(model.StageTPILapangan) {
			return fmt.Errorf("--stage %q: dengan --gap pilih TPI atau TPI-lapangan (PMPZI dibandingkan dengan tahap itu)", o.stage)
		}
		return nil
	}
	if o.satker != "" {
		return fmt.Errorf("--satker hanya dipakai dengan --gap; untuk menyaring dasbor pakai --search %s", o.satker)
	}
	if o.all {
		return fmt.Errorf("--all hanya dipakai dengan --gap")
	}
	if o.kind != "" {
		k, err := model.ParseKind(o.kind)
		if err != nil {
			return fmt.Errorf("--kind: %w", err)
		}
		o.kind = string(k)
	}
	for _, v := range []struct {
		name  string
		val   *string
		parse func(string) (string, error)
	}{{"target", &o.target, model.ParseTarget}, {"result", &o.result, model.ParseResult},
		{"group", &o.group, func(s string) (string, error) { g, err := model.ParseGroupBy(s); return string(g), err }}} {
		if *v.val == "" {
			continue
		}
		x, err := v.parse(*v.val)
		if err != nil {
			return fmt.Errorf("--%s: %w", v.name, err)
		}
		*v.val = x
	}
	return nil
}

// dashView is the dashboard as the command prints it.
type dashView struct {
	o      *compareOpts
	d      model.Dashboard
	groups []model.DashboardGroup
	tally  model.Tally
	rows   int
}

func (o *compareOpts) dashboard(db *store.DB) ([]byte, string, error) {
	pick := model.RoundPick{Year: o.year, Stage: model.Stage(o.stage)}
	d, err := db.Dashboard(pick)
	if err != nil {
		return nil, "", err
	}
	rows := d.Filter(model.DashboardFilter{Region: o.region, Kind: model.SatkerKind(o.kind), Target: o.target,
		Stage: pick.Stage, Result: o.result, Year: o.year, Text: o.search})
	if o.sort != "" {
		key, err := d.ParseSort(o.sort)
		if err != nil {
			return nil, "", fmt.Errorf("--sort: %w", err)
		}
		d.Sort(rows, key)
	}
	v := dashView{o: o, d: d, groups: model.GroupRows(rows, model.GroupBy(o.group)), tally: model.TallyRows(rows), rows: len(rows)}
	data, err := render(o.format, &v)
	return data, fmt.Sprintf("Tabel %d satker", len(rows)), err
}

// report is a table the compare command writes in every format.
type report interface {
	markdown() []byte
	csv() ([]byte, error)
	json() ([]byte, error)
}

// render writes a report in a format the flags have already checked.
func render(format string, r report) ([]byte, error) {
	switch format {
	case "csv":
		return r.csv()
	case "json":
		return r.json()
	}
	return r.markdown(), nil
}

// pickText says which evaluation each row shows.
func (v *dashView) pickText() string {
	switch {
	case v.o.year != 0 && v.o.stage != "":
		return fmt.Sprintf("evaluasi %s %d", v.o.stage, v.o.year)
	case v.o.year != 0:
		return fmt.Sprintf("evaluasi terakhir tahun %d", v.o.year)
	case v.o.stage != "":
		return fmt.Sprintf("evaluasi %s terbaru", v.o.stage)
	}
	return "evaluasi terbaru tiap satker"
}

func (v *dashView) filterText() string {
	var parts []string
	for _, f := range [][2]string{{"wilayah", v.o.region}, {"jenis", v.o.kind}, {"target", v.o.target},
		{"hasil", v.o.result}, {"teks", v.o.search}} {
		if f[1] != "" {
			parts = append(parts, fmt.Sprintf("%s %q", f[0], f[1]))
		}
	}
	return strings.Join(parts, ", ")
}

func mdCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
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
		fmt.Fprintf(&b, "Komponen: %s. ✓ LULUS, ✗ TIDAK LULUS terhadap target satker.\n", strings.Join(legend, "; "))
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
	if v.o.group == "" {
		table(v.groups[0].Rows)
	} else {
		for _, g := range v.groups {
			key := g.Key
			if key == "" {
				key = "(tanpa " + map[string]string{"region": "provinsi", "kind": "jenis"}[v.o.group] + ")"
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

func trendWord(t model.Trend) string {
	switch t {
	case model.Up:
		return "naik"
	case model.Down:
		return "turun"
	}
	return "tetap"
}

func (v *dashView) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	grouped := v.o.group != ""
	head := []string{"satker", "nama", "jenis", "provinsi", "kabupaten/kota", "target", "evaluasi", "tahun", "tahap", "status",
		"dijawab", "pertanyaan", "progres (%)", "total", "maks", "verdict total", "predikat"}
	for _, c := range v.d.Columns {
		head = append(head, c.ID, c.ID+" verdict")
	}
	head = append(head, "perubahan (poin)", "arah", "evaluasi sebelumnya")
	tallyHead := []string{"jumlah satker", "dievaluasi", "WBBM", "WBK", "belum", "memenuhi target", "rata-rata total"}
	if grouped {
		head = append(append([]string{"kelompok", "baris"}, head...), tallyHead...)
	}
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
					rec = append(rec, format.Decimal(r.Delta.Points), trendWord(r.Delta.Trend), r.Delta.Prev)
				} else {
					rec = append(rec, "", "", "")
				}
			} else {
				rec = append(rec, make([]string, 11+2*len(v.d.Columns)+3)...)
			}
			if grouped {
				rec = append(append([]string{g.Key, "satker"}, rec...), make([]string, len(tallyHead))...)
			}
			w.Write(rec)
		}
		if grouped {
			t := g.Tally
			rec := append([]string{g.Key, "subtotal"}, make([]string, len(head)-2-len(tallyHead))...)
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

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
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
	}{Stage: strPtr(v.o.stage), Columns: []column{}, Rows: []rowJSON{}, Tally: tallyOf(v.tally),
		Filter: map[string]*string{"region": strPtr(v.o.region), "kind": strPtr(v.o.kind), "target": strPtr(v.o.target),
			"result": strPtr(v.o.result), "search": strPtr(v.o.search)}}
	if v.o.year != 0 {
		out.Year = &v.o.year
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
		if v.o.group != "" {
			out.Groups = append(out.Groups, gj)
		}
	}
	var b bytes.Buffer
	err := writeJSON(&b, out)
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
