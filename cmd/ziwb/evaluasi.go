package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

// evalPick is how a command names one evaluation: --satker ID, with
// --year and --stage to choose among its rounds.
type evalPick struct {
	satker, stage string
	year          int
}

// addEvalPickFlags gives a command --satker, --year and --stage.
func addEvalPickFlags(cmd *cobra.Command, p *evalPick) {
	cmd.Flags().StringVar(&p.satker, "satker", "", "satker (id) yang evaluasinya dipilih (wajib)")
	cmd.Flags().IntVar(&p.year, "year", 0, "tahun evaluasi (bawaan: yang terbaru)")
	cmd.Flags().StringVar(&p.stage, "stage", "", "tahap evaluasi: PMPZI, TPI, TPI-lapangan, TPN (bawaan: tahap terakhir tahun itu)")
}

// check refuses a missing satker and values that cannot be, before the
// database is opened.
func (p *evalPick) check(cmd *cobra.Command) error {
	if p.satker == "" {
		return flagError("--satker wajib diisi (id satker; lihat ziwb compare)")
	}
	return checkRound(cmd, p.year, &p.stage)
}

// checkRound checks the --year and --stage that pick a round, and writes
// the stage as the model names it.
func checkRound(cmd *cobra.Command, year int, stage *string) error {
	if cmd.Flags().Changed("year") && !model.ValidYear(year) {
		return flagError("--year %d: tahun antara 2000 dan 2100", year)
	}
	if *stage != "" {
		st, err := model.ParseStage(*stage)
		if err != nil {
			return flagError("--stage: %w", err)
		}
		*stage = string(st)
	}
	return nil
}

// run checks the flags, opens the database with open, finds the
// evaluation they pick and hands both to fn.
func (p *evalPick) run(cmd *cobra.Command, open func(*cobra.Command) (*store.DB, error), fn func(*store.DB, model.Evaluation) error) error {
	if err := p.check(cmd); err != nil {
		return err
	}
	return withDB(cmd, open, func(db *store.DB) error {
		e, err := p.find(db)
		if err != nil {
			return err
		}
		return fn(db, e)
	})
}

// find is the satker's evaluation the flags pick: of the year and stage
// given, and among those the latest (by year, then stage order) — the
// round the dashboard of "ziwb compare" shows for the same --year and
// --stage.
func (p *evalPick) find(db *store.DB) (model.Evaluation, error) {
	evals, err := db.Evaluations(p.satker) // by year, then stage order
	if err != nil {
		return model.Evaluation{}, err
	}
	for i := len(evals) - 1; i >= 0; i-- {
		e := evals[i]
		if (p.year == 0 || e.Year == p.year) && (p.stage == "" || string(e.Stage) == p.stage) {
			return e, nil
		}
	}
	what := "satker " + p.satker + " belum punya evaluasi"
	if p.stage != "" {
		what += " " + p.stage
	}
	if p.year != 0 {
		what += fmt.Sprintf(" tahun %d", p.year)
	}
	if len(evals) > 0 {
		var have []string
		for _, e := range evals {
			have = append(have, fmt.Sprintf("%s %d", e.Stage, e.Year))
		}
		what += " (yang ada: " + strings.Join(have, ", ") + ")"
	}
	return model.Evaluation{}, noEvaluation(what)
}

// noEvaluation is a satker without the evaluation asked for; it is a
// store.ErrNotFound.
type noEvaluation string

func (e noEvaluation) Error() string { return string(e) }
func (e noEvaluation) Unwrap() error { return store.ErrNotFound }

func newEvaluasiCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evaluasi",
		Short: "Tim, status dan reviu berjenjang sebuah evaluasi",
		Long: `Reviu berjenjang sebuah evaluasi: anggota tim menilai dan mengajukan, ketua
tim mereviu lalu meneruskan atau mengembalikan, pengendali teknis menyetujui
sampai final. Evaluasi final terkunci sampai dibuka kembali dengan alasan.

Evaluasi dipilih dengan --satker ID; tanpa --year dan --stage, evaluasi
terbaru satker itu (tahun terakhir, tahap terakhir tahun itu), seperti
dasbor ziwb compare. Perubahan dicatat atas nama $ZIWB_USER (bawaan: nama
akun), atau nama orangnya di server ziwb.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newEvaluasiShowCmd(), newEvaluasiTimCmd())
	for _, a := range []struct {
		act   model.Action
		short string
	}{
		{model.ActSubmit, "Anggota mengajukan evaluasi draft ke ketua tim"},
		{model.ActApprove, "Ketua meneruskan ke pengendali teknis; pengendali menetapkan final"},
		{model.ActReturn, "Kembalikan satu langkah (diajukan → draft, direviu → diajukan), dengan --alasan"},
		{model.ActReopen, "Buka kembali evaluasi final (pengendali teknis atau admin), dengan --alasan"},
	} {
		cmd.AddCommand(newEvaluasiActCmd(a.act, a.short))
	}
	return cmd
}

func newEvaluasiShowCmd() *cobra.Command {
	var p evalPick
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show --satker ID [--year TAHUN] [--stage TAHAP] [--json]",
		Short: "Tampilkan tim, status, riwayat status, nilai dan jawaban per tingkat",
		Long: `Tampilkan satu evaluasi: tim (nama dan tingkatnya), status dan giliran
siapa, putaran asal, riwayat status (siapa, kapan, dari → ke, alasan), nilai
per tingkat reviu (total, selisih terhadap tingkat di bawahnya, nilai tiap
area) dan jawaban setiap tingkat untuk setiap pertanyaan yang dijawab (oleh
siapa, kapan, catatan; "dibawa" bila dari putaran sebelumnya dan belum
dikonfirmasi).

--json menulis bentuk yang tetap: "evaluation", "satker", "satker_name",
"year", "stage", "instrument", "status", "waits_on", "from", "team",
"history" (terlama dahulu), "levels" (per tingkat yang menjawab) dan
"answers" (urutan instrumen; tiap tingkat "anggota", "ketua", "pengendali"
berisi jawabannya atau null).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return p.run(cmd, readDB, func(db *store.DB, e model.Evaluation) error {
				v, err := loadEvalView(db, e.ID)
				if err != nil {
					return err
				}
				if asJSON {
					return report.WriteJSON(cmd.OutOrStdout(), v)
				}
				return v.writeText(cmd.OutOrStdout())
			})
		},
	}
	addEvalPickFlags(cmd, &p)
	cmd.Flags().BoolVar(&asJSON, "json", false, "tulis sebagai JSON")
	return cmd
}

func newEvaluasiActCmd(act model.Action, short string) *cobra.Command {
	var p evalPick
	var reason string
	cmd := &cobra.Command{
		Use:   string(act) + " --satker ID [--year TAHUN] [--stage TAHAP] [--alasan TEKS]",
		Short: short,
		Long: short + `.

Siapa boleh melakukan apa mengikuti tim dan status evaluasi: anggota
mengajukan draft; ketua meneruskan (setujui) atau mengembalikan yang
diajukan; pengendali teknis menyetujui (final) atau mengembalikan yang
direviu, dan membuka kembali yang final. Tanpa tim, satu evaluator bertindak
di semua tingkat. kembalikan dan buka wajib dengan --alasan. Penolakan
ditulis dengan alasannya dan keluar dengan status 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return p.run(cmd, writeDB, func(db *store.DB, e model.Evaluation) error {
				after, err := db.Act(e.ID, act, reason, currentUser(cmd))
				if err != nil {
					return err
				}
				line := fmt.Sprintf("Evaluasi %s: %s → %s", e.ID, e.Status, after.Status)
				if l := model.EditLevel(after.Status); l != model.NoLevel {
					line += "; giliran " + l.String()
					if names := after.Team.Names(l); len(names) > 0 {
						line += " (" + strings.Join(names, ", ") + ")"
					}
				} else {
					line += "; terkunci"
				}
				fmt.Fprintln(cmd.OutOrStdout(), line)
				return nil
			})
		},
	}
	addEvalPickFlags(cmd, &p)
	cmd.Flags().StringVar(&reason, "alasan", "", "alasan langkah ini (wajib untuk kembalikan dan buka)")
	return cmd
}

func newEvaluasiTimCmd() *cobra.Command {
	var p evalPick
	var set string
	cmd := &cobra.Command{
		Use:   `tim --satker ID [--year TAHUN] [--stage TAHAP] [--set "budi (anggota), sari (ketua), rahmat (pengendali)"]`,
		Short: "Tampilkan atau tetapkan tim evaluasi",
		Long: `Tanpa --set: tampilkan tim evaluasi. Dengan --set: tetapkan tim, nama
dipisah koma, tingkat dalam kurung — anggota, ketua, atau pengendali
(pengendali teknis, dalnis); nama tanpa tingkat adalah anggota. --set ""
mengosongkan tim (satu evaluator bertindak di semua tingkat).

Yang boleh menetapkan tim: admin, ketua atau pengendali evaluasi itu, dan
siapa pun selama evaluasi belum punya tim; evaluasi final dibuka dulu.
Di server, nama tim harus ada di berkas pengguna dengan peran evaluator
atau admin; seorang viewer tidak bisa masuk tim.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var team model.Team
			setting := cmd.Flags().Changed("set")
			if setting {
				var err error
				if team, err = model.ParseTeam(set); err != nil {
					return flagError("--set: %w", err)
				}
			}
			open := readDB
			if setting {
				open = writeDB
			}
			return p.run(cmd, open, func(db *store.DB, e model.Evaluation) error {
				out := cmd.OutOrStdout()
				if !setting {
					fmt.Fprintf(out, "Tim evaluasi %s: %s\n", e.ID, teamText(e.Team))
					return nil
				}
				if _, err := db.SetTeam(e.ID, team, currentUser(cmd)); err != nil {
					return err
				}
				if e.Team.String() == team.String() {
					fmt.Fprintf(out, "Tim evaluasi %s tidak berubah: %s\n", e.ID, teamText(team))
					return nil
				}
				fmt.Fprintf(out, "Tim evaluasi %s: %s\n", e.ID, teamText(team))
				return nil
			})
		},
	}
	addEvalPickFlags(cmd, &p)
	cmd.Flags().StringVar(&set, "set", "", `tim baru, mis. "budi (anggota), sari (ketua), rahmat (pengendali)"`)
	return cmd
}

// teamText is a team as people read it.
func teamText(t model.Team) string {
	if len(t) == 0 {
		return "belum ditetapkan (satu evaluator bertindak di semua tingkat)"
	}
	return t.String()
}
