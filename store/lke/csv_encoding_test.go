package lke

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// Excel's "CSV (Comma delimited)" on Windows writes the ANSI code page
// (Windows-1252), not UTF-8: a note's dash or curly quotes are single
// bytes that are no UTF-8. Such a file is refused at each line that holds
// them, saying how to save it, rather than stored with its characters
// turned into U+FFFD; nothing is written.
func TestReadCSVNotUTF8(t *testing.T) {
	db := demoDB(t)
	newSatker(t, db, richestEval(t, db).SatkerID, "ansi")
	before := bundleOf(t, db)
	data := []byte("id;jawaban;catatan\r\n" +
		"mp.pemenuhan.1;Y;SK tim \x97 sudah ditandatangani\r\n" +
		"mp.pemenuhan.2;A;\r\n" +
		"mp.pemenuhan.3;Y;\x93Rencana kerja\x94 ada\r\n")
	_, err := importFile(t, db, "ansi.csv", data, "ansi", "", 2026, ReadCSV)
	es, ok := model.AsFileErrors(err)
	if !ok {
		t.Fatalf("a Windows-1252 file was read: %v", err)
	}
	var lines []int
	for _, e := range es {
		lines = append(lines, e.Line)
		if !strings.Contains(e.Msg, "UTF-8") {
			t.Errorf("line %d: %q does not say what to do", e.Line, e.Msg)
		}
	}
	if len(lines) != 2 || lines[0] != 2 || lines[1] != 4 {
		t.Errorf("errors at lines %v, want 2 and 4: %v", lines, err)
	}
	if !bytes.Equal(before, bundleOf(t, db)) {
		t.Error("a refused file changed the database")
	}
}

// A workbook given where a CSV belongs (ziwb import --answers isi.xlsx)
// is one error that says to import it with --lke, not an error for each
// of its binary "lines"; a long file in another code page is refused in
// a few lines too.
func TestReadCSVWorkbook(t *testing.T) {
	db := demoDB(t)
	in, _ := model.Builtin("lke-zi-2021")
	_, err := ReadCSV("isi.xlsx", exportXLSX(t, db, richestEval(t, db).ID), in)
	es, ok := model.AsFileErrors(err)
	if !ok || len(es) != 1 || !strings.Contains(es[0].Msg, "--lke") {
		t.Errorf("a workbook read as CSV: %v", err)
	}
	long := []byte("id;jawaban;catatan\r\n" + strings.Repeat("mp.pemenuhan.1;Y;catatan \x97 panjang\r\n", 200))
	_, err = ReadCSV("ansi.csv", long, in)
	if es, ok := model.AsFileErrors(err); !ok || len(es) > 11 || !strings.Contains(err.Error(), "190 baris lain") {
		t.Errorf("%d errors for a long Windows-1252 file: %v", len(es), err)
	}
}

// A CSV that opens with Excel's "sep=;" line (written so that Excel
// splits its columns in any locale) is read with that separator, its
// lines numbered as in the file.
func TestReadCSVSepLine(t *testing.T) {
	in, _ := model.Builtin("lke-zi-2021")
	data := "sep=;\r\nid;jawaban;catatan\r\nmp.pemenuhan.1;Y;\"catatan; dengan\r\nbaris baru\"\r\nmp.pemenuhan.2;Z;\r\n"
	f, err := ReadCSV("sep.csv", []byte(data), in)
	es, _ := model.AsFileErrors(err)
	if len(es) != 1 || es[0].Line != 5 || !strings.Contains(es[0].Msg, `"Z"`) {
		t.Fatalf("errors %v, want one at line 5 about \"Z\"", err)
	}
	if len(f.Entries) != 1 || f.Entries[0].Note != "catatan; dengan\r\nbaris baru" && f.Entries[0].Note != "catatan; dengan\nbaris baru" || f.Entries[0].Line != 3 {
		t.Errorf("entries %+v", f.Entries)
	}
}
