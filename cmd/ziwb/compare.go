package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

// compareOpts are the flags of "ziwb compare".
type compareOpts struct {
	format, region, kind, target, stage, result, search, sort, group, satker, output string
	year                                                                             int
	gap, all                                                                         bool
	status                                                                           string         // as given: S[,S…]
	statuses                                                                         []model.Status // parsed from status
}

func newCompareCmd() *cobra.Command {
	var o compareOpts
	cmd := &cobra.Command{
		Use:   "compare [--format md|csv|json|xlsx] [--year TAHUN] [--region S] [--kind JENIS] [--target WBK|WBBM] [--stage TAHAP] [--result WBK|WBBM|none] [--status S[,S…]] [--search TEKS] [--sort KOLOM] [--group region|kind] [-o BERKAS]\n  ziwb compare --satker ID --gap [--year TAHUN] [--stage TPI|TPI-lapangan] [--all] [--format md|csv|json] [-o BERKAS]",
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
  --status S[,S…]     status evaluasi yang ditampilkan: draft, diajukan,
                      direviu, final (beberapa dipisah koma)
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
lembar kerja, json untuk program lain, xlsx (tabel dasbor saja, wajib -o)
untuk Excel atau LibreOffice: kolom yang sama dengan csv, angka berformat
Indonesia, verdict berwarna (LULUS hijau, TIDAK LULUS merah). Tanpa -o,
hasil ditulis ke keluaran standar; tanpa --format, format mengikuti akhiran
berkas -o (.csv, .json, .xlsx), selain itu md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.check(cmd); err != nil {
				return err
			}
			return withDB(cmd, readDB, func(db *store.DB) error {
				if o.format == "xlsx" {
					return o.writeXLSX(cmd, db)
				}
				var data []byte
				var summary string
				var err error
				if o.gap {
					data, summary, err = o.gapReport(db)
				} else {
					data, summary, err = o.dashboard(db)
				}
				if err != nil {
					return err
				}
				return writeResult(cmd, o.output, data, summary)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "md", "md, csv, json atau xlsx (dengan -o)")
	f.IntVar(&o.year, "year", 0, "tahun evaluasi (bawaan: yang terbaru)")
	f.StringVar(&o.region, "region", "", "provinsi atau kabupaten/kota memuat teks ini")
	f.StringVar(&o.kind, "kind", "", "jenis satker")
	f.StringVar(&o.target, "target", "", "target satker: WBK atau WBBM")
	f.StringVar(&o.stage, "stage", "", "tahap evaluasi: PMPZI, TPI, TPI-lapangan, TPN")
	f.StringVar(&o.result, "result", "", "hasil: WBK, WBBM atau none")
	f.StringVar(&o.status, "status", "", "status evaluasi, dipisah koma: draft, diajukan, direviu, final")
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
	if err := formatFromName(cmd, o.output, &o.format, "md", "csv", "json", "xlsx"); err != nil {
		return err
	}
	switch o.format {
	case "md", "csv", "json":
	case "xlsx":
		if o.gap {
			return flagError("--format xlsx hanya untuk tabel dasbor; dengan --gap pakai md, csv atau json")
		}
		if o.output == "" || o.output == "-" {
			return flagError("--format xlsx perlu -o BERKAS.xlsx")
		}
	default:
		return flagError("--format %q tidak dikenal; yang ada: md, csv, json, xlsx", o.format)
	}
	if err := checkRound(cmd, o.year, &o.stage); err != nil {
		return err
	}
	if o.gap {
		if o.satker == "" {
			return flagError("--gap butuh --satker ID: selisih PMPZI dan TPI dihitung per satker")
		}
		for _, name := range []string{"region", "kind", "target", "result", "status", "search", "sort", "group"} {
			if cmd.Flags().Changed(name) {
				return flagError("--%s tidak berlaku dengan --gap (yang berlaku: --year, --stage, --all, --format, -o)", name)
			}
		}
		if o.stage != "" && o.stage != string(model.StageTPI) && o.stage != string(model.StageTPILapangan) {
			return flagError("--stage %q: dengan --gap pilih TPI atau TPI-lapangan (PMPZI dibandingkan dengan tahap itu)", o.stage)
		}
		return nil
	}
	if o.satker != "" {
		return flagError("--satker hanya dipakai dengan --gap; untuk menyaring dasbor pakai --search %s", o.satker)
	}
	if o.all {
		return flagError("--all hanya dipakai dengan --gap")
	}
	for _, part := range strings.Split(o.status, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		st, err := model.ParseStatus(part)
		if err != nil {
			return flagError("--status: %w", err)
		}
		if !slices.Contains(o.statuses, st) {
			o.statuses = append(o.statuses, st)
		}
	}
	if o.kind != "" {
		k, err := model.ParseKind(o.kind)
		if err != nil {
			return flagError("--kind: %w", err)
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
			return flagError("--%s: %w", v.name, err)
		}
		*v.val = x
	}
	return nil
}

func (o *compareOpts) dashboard(db *store.DB) ([]byte, string, error) {
	d, rows, err := o.dashboardRows(db)
	if err != nil {
		return nil, "", err
	}
	data, err := report.Dashboard(o.format, o.query(), d, model.GroupRows(rows, model.GroupBy(o.group)), model.TallyRows(rows))
	return data, fmt.Sprintf("Tabel %d satker", len(rows)), err
}

// dashboardRows is the dashboard and the rows the flags keep, in the
// order they ask for.
func (o *compareOpts) dashboardRows(db *store.DB) (model.Dashboard, []*model.DashboardRow, error) {
	pick := model.RoundPick{Year: o.year, Stage: model.Stage(o.stage)}
	d, err := db.Dashboard(pick)
	if err != nil {
		return d, nil, err
	}
	rows := d.Filter(model.DashboardFilter{Region: o.region, Kind: model.SatkerKind(o.kind), Target: o.target,
		Stage: pick.Stage, Result: o.result, Year: o.year, Text: o.search})
	if len(o.statuses) > 0 {
		rows = slices.DeleteFunc(rows, func(r *model.DashboardRow) bool { return !r.HasEval() || !slices.Contains(o.statuses, r.Status) })
	}
	if o.sort != "" {
		key, err := d.ParseSort(o.sort)
		if err != nil {
			return d, nil, flagError("--sort: %w", err)
		}
		d.Sort(rows, key)
	}
	return d, rows, nil
}

// query is what the flags asked for, as the report names it.
func (o *compareOpts) query() report.Query {
	var status []string
	for _, st := range o.statuses {
		status = append(status, string(st))
	}
	return report.Query{Year: o.year, Stage: o.stage, Region: o.region, Kind: o.kind, Target: o.target,
		Result: o.result, Status: strings.Join(status, ","), Search: o.search, Group: o.group, All: o.all}
}
