package lke

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// editCSV exports an evaluation as CSV and changes it: the answer of the
// row of question qid becomes answer, and extra lines are added.
func editCSV(t *testing.T, data []byte, qid, answer string, extra ...string) []byte {
	t.Helper()
	lines := strings.Split(strings.TrimRight(string(data), "\r\n"), "\r\n")
	found := false
	for i, l := range lines {
		if f := strings.Split(l, ","); f[0] == qid {
			f[2] = answer
			lines[i], found = strings.Join(f, ","), true
		}
	}
	if !found {
		t.Fatalf("no row %s", qid)
	}
	return []byte(strings.Join(append(lines, extra...), "\r\n") + "\r\n")
}

// The preview tells what an import would change, without writing; rows
// that match no question are left out of the import, a refused value
// saves nothing.
func TestPreviewImport(t *testing.T) {
	db := demoDB(t)
	// A draft's Ya/Tidak question answered Y: the file says T.
	var ev model.Evaluation
	var ws store.Worksheet
	var qid string
	for _, e := range allEvals(t, db) {
		if e.Status != model.Draft || qid != "" {
			continue
		}
		w, err := db.Worksheet(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range w.Instrument.Questions() {
			if a := w.Answers[q.ID]; a.Value.Choice == "Y" && !strings.ContainsAny(a.Note, ",\"\n") {
				ev, ws, qid = e, w, q.ID
				break
			}
		}
	}
	if qid == "" {
		t.Fatal("no draft with a question answered Y")
	}
	data := editCSV(t, exportCSV(t, db, ev.ID), qid, "T", "tidak.ada,,Y,")
	before := bundleOf(t, db)

	f, err := ReadCSV("isi.csv", data, ws.Instrument)
	if err == nil || len(f.Skipped) != 1 || len(f.Invalid) != 0 {
		t.Fatalf("err %v, skipped %v, invalid %v", err, f.Skipped, f.Invalid)
	}
	p, err := PreviewImport(db, f, ev.ID, "uji")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changed) != 1 || p.Changed[0].Question != qid || p.Changed[0].From != "Y" || p.Changed[0].To != "T" || !p.Savable() {
		t.Fatalf("changed %+v", p.Changed)
	}
	if len(p.Unchanged) != len(ws.Instrument.Questions())-1 || len(p.Skipped) != 1 || !strings.Contains(p.Skipped[0].Error(), "isi.csv:") {
		t.Errorf("%d unchanged, skipped %v", len(p.Unchanged), p.Skipped)
	}
	if !bytes.Equal(before, bundleOf(t, db)) {
		t.Fatal("the preview wrote")
	}

	// A refused value: the preview lists it, the import saves nothing.
	bad := editCSV(t, data, qid, "Ya ya")
	fb, _ := ReadCSV("isi.csv", bad, ws.Instrument)
	pb, err := PreviewImport(db, fb, ev.ID, "uji")
	if err != nil {
		t.Fatal(err)
	}
	if pb.Savable() || len(pb.Invalid) != 1 || !strings.Contains(pb.Invalid[0].Msg, `"Ya ya" bukan jawaban Ya/Tidak`) || len(pb.Changed) != 0 {
		t.Fatalf("invalid %v, changed %+v", pb.Invalid, pb.Changed)
	}
	if _, err := Import(db, fb, ev.SatkerID, ev.Stage, ev.Year, "uji"); err == nil {
		t.Fatal("a file with a refused value was imported")
	}
	if !bytes.Equal(before, bundleOf(t, db)) {
		t.Fatal("a refused import wrote")
	}

	// Skipped rows accepted: the rest is saved.
	res, err := Import(db, f, ev.SatkerID, ev.Stage, ev.Year, "uji")
	if err != nil {
		t.Fatal(err)
	}
	if res.Answers.Updated != 1 {
		t.Errorf("result %+v", res)
	}
	got, _ := db.Answers(ev.ID)
	if got[qid].Value != model.Letter("T") {
		t.Errorf("%s = %v", qid, got[qid].Value)
	}
}

// The preview writes answers as the screens do, in Indonesian notation:
// a decimal comma, a percentage with its sign.
func TestPreviewDecimalComma(t *testing.T) {
	db := demoDB(t)
	var ev model.Evaluation
	for _, e := range allEvals(t, db) {
		if e.Status == model.Draft {
			ev = e
			break
		}
	}
	ws, err := db.Worksheet(ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	data := "id;jawaban\r\nmp.reform.1;80,5%\r\nhasil.ipak;3,41\r\n"
	f, err := ReadCSV("isi.csv", []byte(data), ws.Instrument)
	if err != nil {
		t.Fatal(err)
	}
	p, err := PreviewImport(db, f, ev.ID, "uji")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range append(p.Changed, p.Unchanged...) {
		got[r.Question] = r.To
	}
	if got["mp.reform.1"] != "80,5%" || got["hasil.ipak"] != "3,41" {
		t.Errorf("the preview writes %q and %q, want 80,5%% and 3,41", got["mp.reform.1"], got["hasil.ipak"])
	}
}
