// Package lke reads and writes the official LKE ZI worksheet (Lembar Kerja
// Evaluasi Zona Integritas) as an Excel workbook: the write side lays an
// evaluation out as the regulation's worksheet reads, with live formulas so
// a value edited in Excel or LibreOffice recalculates to the numbers ziwb
// prints; the read side takes a filled worksheet back in.
//
// The workbook is made with excelize, so no OOXML is written by hand.
package lke

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the exported workbook.
const (
	SheetLKE         = "LKE ZI"
	SheetRekap       = "Rekap"
	SheetRekomendasi = "Rekomendasi"
)

// newWorkbook starts a workbook whose first sheet is the worksheet.
func newWorkbook() (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", SheetLKE); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// save writes the workbook to w and releases it.
func save(f *excelize.File, w io.Writer) error {
	defer f.Close()
	_, err := f.WriteTo(w)
	return err
}
