package lke

import (
	"io"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// ExportWorkbook writes a stored evaluation as the LKE ZI workbook, with
// everything it shows read from db, and returns its scorecard.
func ExportWorkbook(db *store.DB, w io.Writer, evalID string) (model.Scorecard, error) {
	ws, err := db.Worksheet(evalID)
	if err != nil {
		return model.Scorecard{}, err
	}
	sc, _, err := db.Scorecard(evalID)
	if err != nil {
		return sc, err
	}
	levels, _, err := db.LevelScorecards(evalID)
	if err != nil {
		return sc, err
	}
	reks, err := db.RekomendasiList(store.RekFilter{Evaluation: evalID})
	if err != nil {
		return sc, err
	}
	return sc, WriteWorkbook(w, ws, sc, levels, reks)
}
