package tui

import (
	"archive/zip"
	"bytes"
	"testing"
)

// A workbook LibreOffice saved in its own format (.ods), or an old Excel
// one (.xls), is read as a workbook, so the screen says how to save it as
// .xlsx instead of only that the kind of file is unknown.
func TestImportOtherWorkbooks(t *testing.T) {
	f := newImportFixture(t)
	var ods bytes.Buffer
	z := zip.NewWriter(&ods)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	z.Close()
	f.write(t, "isi.ods", ods.String())
	f.write(t, "lama.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 bukan zip")
	h := f.open(t, 120, 24)
	h.keys("isi.ods[enter]")
	h.mustSee("✗ isi.ods: berkas OpenDocument (.ods) dari LibreOffice", "2007-365 (.xlsx)")
	h.keys("[ctrl+u]lama.xls[enter]")
	h.mustSee("✗ lama.xls: berkas Excel lama (.xls)", "simpan ulang sebagai .xlsx")
}
