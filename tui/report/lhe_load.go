package report

import (
	"errors"
	"fmt"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// LoadLHE reads from the store what the Laporan Hasil Evaluasi of one
// evaluation shows: its worksheet and scorecard, for a TPI the gap against
// the satker's PMPZI, and the recommendations — its own and those of
// earlier rounds still open. "ziwb report lhe" and the workbench's export
// both read it here.
func LoadLHE(db *store.DB, evalID string) (LHEInput, error) {
	var in LHEInput
	var err error
	if in.Worksheet, err = db.Worksheet(evalID); err != nil {
		return in, err
	}
	e := in.Worksheet.Evaluation
	if in.Scorecard, _, err = db.Scorecard(e.ID); err != nil {
		return in, err
	}
	if e.Stage == model.StageTPI || e.Stage == model.StageTPILapangan {
		g, err := db.AnswerGap(e.SatkerID, e.Year, e.Stage)
		switch {
		case errors.Is(err, store.ErrNotFound):
			in.GapNote = fmt.Sprintf("Satker belum punya penilaian mandiri (PMPZI) tahun %d, sehingga selisihnya dengan %s tidak dapat dihitung.", e.Year, e.Stage)
		case err != nil:
			return in, err
		default:
			in.Gap = &g
		}
	}
	own, err := db.RekomendasiList(store.RekFilter{Evaluation: e.ID})
	if err != nil {
		return in, err
	}
	evals := map[string]model.Evaluation{e.ID: e}
	insts := map[string]*model.Instrument{e.InstrumentHash: in.Worksheet.Instrument}
	for _, r := range append(own, in.Worksheet.Open...) {
		re, ok := evals[r.EvaluationID]
		if !ok {
			if re, err = db.Evaluation(r.EvaluationID); err != nil {
				return in, err
			}
			evals[re.ID] = re
		}
		inst, ok := insts[re.InstrumentHash]
		if !ok {
			if inst, err = db.Instrument(re.InstrumentHash); err != nil {
				return in, err
			}
			insts[re.InstrumentHash] = inst
		}
		in.Reks = append(in.Reks, NewRekRow(r, re, inst))
	}
	return in, nil
}
