package main

import (
	"fmt"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

func (o *compareOpts) gapReport(db *store.DB) ([]byte, string, error) {
	g, err := db.AnswerGap(o.satker, o.year, model.Stage(o.stage))
	if err != nil {
		return nil, "", err
	}
	data, shown, err := report.Gap(o.format, o.query(), g)
	return data, fmt.Sprintf("Selisih %d pertanyaan", shown), err
}
