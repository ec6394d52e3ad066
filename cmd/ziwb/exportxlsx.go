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
	var sc model.Scorecard
	if err := store.WriteAtomic(output, func(w io.Writer) (err error) {
		sc, err = lke.ExportWorkbook(db, w, e.ID)
		return err
	}); err != nil {
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
