package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// exportXLSX writes one evaluation as the LKE ZI workbook (lke.WriteWorkbook)
// to output, atomically. The evaluation is picked as "ziwb evaluasi show"
// picks it: the satker's latest, or of --year and --stage.
func exportXLSX(cmd *cobra.Command, db *store.DB, satkers []string, stage string, year int, output string) error {
	if len(satkers) != 1 {
		return flagError("--format xlsx perlu tepat satu --satker ID")
	}
	if output == "" || output == "-" {
		return flagError("--format xlsx perlu -o BERKAS.xlsx")
	}
	p := evalPick{satker: satkers[0], stage: stage, year: year}
	if err := p.check(cmd); err != nil {
		return err
	}
	e, err := p.find(db)
	if err != nil {
		return err
	}
	ws, err := db.Worksheet(e.ID)
	if err != nil {
		return err
	}
	sc, _, err := db.Scorecard(e.ID)
	if err != nil {
		return err
	}
	levels, _, err := db.LevelScorecards(e.ID)
	if err != nil {
		return err
	}
	reks, err := db.RekomendasiList(store.RekFilter{Evaluation: e.ID})
	if err != nil {
		return err
	}
	if err := store.WriteAtomic(output, func(w io.Writer) error { return lke.WriteWorkbook(w, ws, sc, levels, reks) }); err != nil {
		return err
	}
	result := sc.Result
	if result == "" {
		result = "belum ada predikat"
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Lembar kerja %s ditulis ke %s (xlsx): total %s dari %s, %s\n",
		e.ID, output, model.Points(sc.Total), model.Points(sc.Max), result)
	return nil
}
