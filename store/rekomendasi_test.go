package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// rekDB holds satker kab-a with a 2025 and a 2026 PMPZI on the mini
// instrument.
func rekDB(t *testing.T) (*DB, string, model.Evaluation, model.Evaluation) {
	t.Helper()
	db, path := testDB(t)
	mini := miniInstrument(t)
	cur := seed(t, db, "kab-a", model.StagePMPZI, mini)
	prev, err := db.CreateEvaluation(model.Evaluation{SatkerID: "kab-a", Year: 2025, Stage: model.StagePMPZI}, mini, "penguji")
	if err != nil {
		t.Fatal(err)
	}
	return db, path, prev, cur
}

func mustRek(t *testing.T, db *DB, evalID, node, text string) model.Rekomendasi {
	t.Helper()
	r, err := db.CreateRekomendasi(model.Rekomendasi{EvaluationID: evalID, Node: node, Text: text,
		Priority: model.PrioritySedang, Due: time.Date(2026, 6, 30, 15, 0, 0, 0, time.UTC)}, "evaluator")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rekHistory(t *testing.T, db *DB, r model.Rekomendasi) []model.Change {
	t.Helper()
	h, err := db.History(HistoryFilter{Evaluation: r.EvaluationID, Question: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestCreateRekomendasi(t *testing.T) {
	db, _, _, cur := rekDB(t)
	r1 := mustRek(t, db, cur.ID, "a2", "Lengkapi SK tim.")
	r2 := mustRek(t, db, cur.ID, "a2.1", "Unggah SK.")
	if r1.ID != cur.ID+"/r1" || r2.ID != cur.ID+"/r2" || r1.SatkerID != "kab-a" || r1.Status != model.RekBaru ||
		r1.CreatedBy != "evaluator" || r1.Created.IsZero() || !r1.Due.Equal(time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("created %+v, %+v", r1, r2)
	}
	got, err := db.Rekomendasi(r1.ID)
	if err != nil || got.Text != r1.Text || !got.Due.Equal(r1.Due) {
		t.Fatalf("read back %+v, %v", got, err)
	}
	if h := rekHistory(t, db, r1); len(h) != 1 || h[0].Field != "rekomendasi" || h[0].New != "Lengkapi SK tim." || h[0].Satker != "kab-a" {
		t.Fatalf("history %+v", h)
	}

	tests := []struct {
		name  string
		r     model.Rekomendasi
		is    error
		field string
	}{
		{"unknown node", model.Rekomendasi{EvaluationID: cur.ID, Node: "mp.9", Text: "x", Priority: model.PriorityRendah}, ErrInvalid, "komponen"},
		{"no text", model.Rekomendasi{EvaluationID: cur.ID, Node: "a2", Priority: model.PriorityRendah}, ErrInvalid, "rekomendasi"},
		{"bad priority", model.Rekomendasi{EvaluationID: cur.ID, Node: "a2", Text: "x", Priority: "segera"}, ErrInvalid, "prioritas"},
		{"not new", model.Rekomendasi{EvaluationID: cur.ID, Node: "a2", Text: "x", Priority: model.PriorityRendah, Status: model.RekSelesai}, ErrInvalid, "status"},
		{"other satker", model.Rekomendasi{SatkerID: "kab-b", EvaluationID: cur.ID, Node: "a2", Text: "x", Priority: model.PriorityRendah}, ErrInvalid, ""},
		{"unknown evaluation", model.Rekomendasi{EvaluationID: "kab-a/2020/TPN", Node: "a2", Text: "x", Priority: model.PriorityRendah}, ErrNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.CreateRekomendasi(tt.r, "evaluator")
			if !errors.Is(err, tt.is) {
				t.Fatalf("got %v; want %v", err, tt.is)
			}
			var fe *model.FieldError
			if tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field) {
				t.Fatalf("got %v; want a problem with %q", err, tt.field)
			}
		})
	}
	if list, _ := db.RekomendasiList(RekFilter{}); len(list) != 2 {
		t.Fatalf("%d stored; the refused ones must not be", len(list))
	}
}

func TestRekStatusWorkflow(t *testing.T) {
	db, _, _, cur := rekDB(t)
	r := mustRek(t, db, cur.ID, "a2", "Lengkapi SK tim.")
	steps := []struct {
		to     model.RekStatus
		reason string
		msg    string // "" when allowed
	}{
		{model.RekSelesai, "", `tidak bisa dari "baru" ke "selesai"; dari "baru" hanya ke: dikerjakan, ditolak`},
		{model.RekDikerjakan, "", ""},
		{model.RekBaru, "", `tidak bisa dari "dikerjakan" ke "baru"`},
		{model.RekSelesai, "", ""},
		{model.RekDikerjakan, "bukti belum cukup", ""}, // verification failed: reopened
		{model.RekSelesai, "", ""},
		{model.RekDitolak, "", "alasan: wajib diisi"},
		{model.RekDiverifikasi, "", ""},
		{model.RekDikerjakan, "", `status "diverifikasi" sudah final`},
	}
	wantHistory := 1 // the creation
	for i, s := range steps {
		before, _ := db.Rekomendasi(r.ID)
		got, err := db.SetRekStatus(r.ID, s.to, s.reason, "verifikator")
		if s.msg == "" {
			if err != nil || got.Status != s.to || got.UpdatedBy != "verifikator" {
				t.Fatalf("step %d → %s: %+v, %v", i, s.to, got, err)
			}
			wantHistory++
			continue
		}
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), s.msg) {
			t.Fatalf("step %d → %s: got %v; want ErrInvalid saying %q", i, s.to, err, s.msg)
		}
		if after, _ := db.Rekomendasi(r.ID); after.Status != before.Status || !after.Updated.Equal(before.Updated) {
			t.Fatalf("step %d: a refused move changed the record: %+v", i, after)
		}
	}
	h := rekHistory(t, db, r)
	if len(h) != wantHistory {
		t.Fatalf("%d history entries; want %d: %+v", len(h), wantHistory, h)
	}
	if h[0].Field != "rekomendasi.status" || h[0].Old != "selesai" || h[0].New != "diverifikasi" {
		t.Errorf("newest entry %+v", h[0])
	}
	if h[2].New != "dikerjakan: bukti belum cukup" {
		t.Errorf("reopening entry %+v; want the reason in it", h[2])
	}

	// ditolak with a reason keeps it; the same status again writes nothing.
	r2 := mustRek(t, db, cur.ID, "h", "Survei ulang.")
	got, err := db.SetRekStatus(r2.ID, model.RekDitolak, "sudah dipenuhi di 2025", "verifikator")
	if err != nil || got.Reason != "sudah dipenuhi di 2025" || got.IsOpen() {
		t.Fatalf("ditolak: %+v, %v", got, err)
	}
	if _, err := db.SetRekStatus(r2.ID, model.RekDitolak, "lagi", "x"); err != nil {
		t.Fatal(err)
	}
	if h := rekHistory(t, db, r2); len(h) != 2 {
		t.Fatalf("setting the same status again wrote history: %+v", h)
	}
	if _, err := db.SetRekStatus("kab-a/2026/PMPZI/r99", model.RekDikerjakan, "", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	mustCheckClean(t, db)
}

func TestTindakLanjut(t *testing.T) {
	db, path, _, cur := rekDB(t)
	r := mustRek(t, db, cur.ID, "a2", "Lengkapi SK tim.")
	day := time.Date(2026, 4, 7, 10, 0, 0, 0, time.UTC)
	if _, err := db.AddTindakLanjut(r.ID, model.TindakLanjut{Date: day, By: "Kasubbag TU", Text: "SK tim terbit",
		Evidence: []model.Evidence{{Title: "SK 12/2026", Location: "arsip/sk-12.pdf"}}}, "evaluator"); err != nil {
		t.Fatal(err)
	}
	got, err := db.AddTindakLanjut(r.ID, model.TindakLanjut{Text: "Sosialisasi SK"}, "evaluator")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.FollowUps) != 2 {
		t.Fatalf("follow-ups %+v", got.FollowUps)
	}
	a, b := got.FollowUps[0], got.FollowUps[1]
	if !a.Date.Equal(model.Date(day)) || a.By != "Kasubbag TU" || len(a.Evidence) != 1 || a.Evidence[0].Location != "arsip/sk-12.pdf" {
		t.Errorf("first %+v", a)
	}
	if b.Date.IsZero() || b.By != "evaluator" || b.Date.Hour() != 0 {
		t.Errorf("second (defaults) %+v", b)
	}
	for _, bad := range []model.TindakLanjut{{Text: " "}, {Text: "x", Evidence: []model.Evidence{{}}}} {
		if _, err := db.AddTindakLanjut(r.ID, bad, "x"); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: %v; want ErrInvalid", bad, err)
		}
	}
	if h := rekHistory(t, db, r); len(h) != 3 || h[0].Field != "rekomendasi.tindak-lanjut" || !strings.Contains(h[0].New, "Sosialisasi SK") {
		t.Fatalf("history %+v", h)
	}
	// Closed: no more follow-ups, no more edits.
	if _, err := db.SetRekStatus(r.ID, model.RekDitolak, "diganti rekomendasi lain", "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddTindakLanjut(r.ID, model.TindakLanjut{Text: "terlambat"}, "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("follow-up on a closed recommendation: %v", err)
	}
	// They survive closing and reopening the file.
	db.Close()
	db2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	again, err := db2.Rekomendasi(r.ID)
	if err != nil || len(again.FollowUps) != 2 || again.FollowUps[0].Text != "SK tim terbit" {
		t.Fatalf("after reopening: %+v, %v", again, err)
	}
}

func TestUpdateRekomendasi(t *testing.T) {
	db, _, _, cur := rekDB(t)
	r := mustRek(t, db, cur.ID, "a2", "Lengkapi SK tim.")
	r.Text, r.Priority, r.Node = "Lengkapi dan tetapkan SK tim.", model.PriorityTinggi, "a2.1"
	got, err := db.UpdateRekomendasi(r, "ketua")
	if err != nil || got.Text != r.Text || got.Priority != model.PriorityTinggi || got.Node != "a2.1" || got.UpdatedBy != "ketua" {
		t.Fatalf("%+v, %v", got, err)
	}
	if h := rekHistory(t, db, r); len(h) != 4 {
		t.Fatalf("want creation + text, priority, node entries: %+v", h)
	}
	if _, err := db.UpdateRekomendasi(got, "ketua"); err != nil {
		t.Fatal(err)
	}
	if h := rekHistory(t, db, r); len(h) != 4 {
		t.Fatalf("an update without changes wrote history: %d entries", len(h))
	}
	got.Node = "zz"
	if _, err := db.UpdateRekomendasi(got, "ketua"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown node: %v", err)
	}
}

func TestOpenRekomendasiCarryOver(t *testing.T) {
	db, _, prev, cur := rekDB(t)
	open1 := mustRek(t, db, prev.ID, "a2.1", "Unggah SK.")
	done := mustRek(t, db, prev.ID, "a1", "Perbaiki SOP.")
	waiting := mustRek(t, db, prev.ID, "h", "Survei ulang.")
	mustRek(t, db, cur.ID, "a2", "Baru tahun ini.")
	for _, st := range []model.RekStatus{model.RekDikerjakan, model.RekSelesai, model.RekDiverifikasi} {
		if _, err := db.SetRekStatus(done.ID, st, "", "x"); err != nil {
			t.Fatal(err)
		}
	}
	for _, st := range []model.RekStatus{model.RekDikerjakan, model.RekSelesai} {
		if _, err := db.SetRekStatus(waiting.ID, st, "", "x"); err != nil {
			t.Fatal(err)
		}
	}
	open, err := db.OpenRekomendasi("kab-a", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if ids := rekIDs(open); ids != open1.ID+","+waiting.ID {
		t.Fatalf("open before 2026: %s", ids)
	}
	byArea := model.CarryOver(open, miniInstrument(t))
	if len(byArea) != 2 || rekIDs(byArea["a2"]) != open1.ID || rekIDs(byArea["h"]) != waiting.ID {
		t.Fatalf("carry-over %+v", byArea)
	}
	if all, _ := db.OpenRekomendasi("kab-a", 0); len(all) != 3 {
		t.Fatalf("every open one: %d; want 3", len(all))
	}
	if _, err := db.OpenRekomendasi("kab-x", 2026); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown satker: %v", err)
	}

	list, err := db.RekomendasiList(RekFilter{Satker: "kab-a", Status: []model.RekStatus{model.RekBaru, model.RekDiverifikasi}})
	if err != nil || rekIDs(list) != prev.ID+"/r1,"+prev.ID+"/r2,"+cur.ID+"/r1" {
		t.Fatalf("by status: %s, %v", rekIDs(list), err)
	}
	if list, _ := db.RekomendasiList(RekFilter{Evaluation: cur.ID}); rekIDs(list) != cur.ID+"/r1" {
		t.Fatalf("by evaluation: %s", rekIDs(list))
	}
}

func rekIDs(rs []model.Rekomendasi) string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return strings.Join(ids, ",")
}

func TestRekomendasiNumbersSortAndDelete(t *testing.T) {
	db, _, _, cur := rekDB(t)
	var last model.Rekomendasi
	for i := 0; i < 11; i++ {
		last = mustRek(t, db, cur.ID, "a2", "r")
	}
	list, _ := db.RekomendasiList(RekFilter{Evaluation: cur.ID})
	if len(list) != 11 || list[1].ID != cur.ID+"/r2" || list[10].ID != cur.ID+"/r11" {
		t.Fatalf("order: %s", rekIDs(list))
	}
	if err := db.DeleteRekomendasi(last.ID, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Rekomendasi(last.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted: %v", err)
	}
	if h := rekHistory(t, db, last); len(h) != 2 || h[0].Old != "r" || h[0].New != "" {
		t.Fatalf("deletion history %+v", h)
	}
}

func TestRekomendasiCascadeAndCheck(t *testing.T) {
	db, _, prev, cur := rekDB(t)
	mustRek(t, db, prev.ID, "a2", "lama")
	mustRek(t, db, cur.ID, "a2", "baru")
	mustCheckClean(t, db)

	// A recommendation whose evaluation is gone, and one naming an
	// unknown node, are found.
	err := db.update(func(tx *bolt.Tx) error {
		t2 := txn{db: db, tx: tx}
		if err := t2.putRek(rekRec{ID: "kab-a/2019/TPN/r1", Satker: "kab-a", Evaluation: "kab-a/2019/TPN", Node: "a2",
			Text: "x", Priority: "rendah", Status: "baru", Created: fixedNow, Updated: fixedNow}); err != nil {
			return err
		}
		return t2.putRek(rekRec{ID: cur.ID + "/r7", Satker: "kab-a", Evaluation: cur.ID, Node: "nope",
			Text: "x", Priority: "rendah", Status: "baru", Created: fixedNow, Updated: fixedNow})
	})
	if err != nil {
		t.Fatal(err)
	}
	ps := db.Check()
	if len(ps) != 2 || !strings.Contains(ps[0].String()+ps[1].String(), `evaluasi "kab-a/2019/TPN" tidak ada`) ||
		!strings.Contains(ps[0].String()+ps[1].String(), `komponen "nope" tidak ada`) {
		t.Fatalf("check: %v", ps)
	}
	if err := db.DeleteRekomendasi("kab-a/2019/TPN/r1", "x"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteRekomendasi(cur.ID+"/r7", "x"); err != nil {
		t.Fatal(err)
	}

	if err := db.DeleteEvaluation(cur.ID, "x"); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.RekomendasiList(RekFilter{}); rekIDs(list) != prev.ID+"/r1" {
		t.Fatalf("after deleting %s: %s", cur.ID, rekIDs(list))
	}
	if err := db.DeleteSatker("kab-a", "x"); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.RekomendasiList(RekFilter{}); len(list) != 0 {
		t.Fatalf("after deleting the satker: %s", rekIDs(list))
	}
	mustCheckClean(t, db)
}

// A file from before recommendations has no bucket for them: it reads as
// empty and the first write creates it.
func TestRekomendasiMissingBucket(t *testing.T) {
	db, _, _, cur := rekDB(t)
	if err := db.update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketRekomendasi) }); err != nil {
		t.Fatal(err)
	}
	if list, err := db.RekomendasiList(RekFilter{}); err != nil || len(list) != 0 {
		t.Fatalf("%v, %v", list, err)
	}
	if _, err := db.OpenRekomendasi("kab-a", 2026); err != nil {
		t.Fatal(err)
	}
	if b, err := db.Export(""); err != nil || b.Counts().Recommendations != 0 {
		t.Fatalf("export: %v", err)
	}
	mustCheckClean(t, db)
	if err := db.DeleteEvaluation(cur.ID, "x"); err != nil {
		t.Fatal(err)
	}
	e := seed(t, db, "kab-b", model.StagePMPZI, miniInstrument(t))
	mustRek(t, db, e.ID, "a1", "x")
	mustCheckClean(t, db)
}

func TestRekomendasiExportImportRoundTrip(t *testing.T) {
	src, _, prev, cur := rekDB(t)
	r := mustRek(t, src, prev.ID, "a2.1", "Unggah SK <tim> & arsipkan.")
	mustRek(t, src, cur.ID, "h", "Survei ulang.")
	if _, err := src.AddTindakLanjut(r.ID, model.TindakLanjut{Text: "SK terbit", Evidence: []model.Evidence{{Title: "SK 12"}}}, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := src.SetRekStatus(r.ID, model.RekDikerjakan, "", "x"); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, src, "")
	if !bytes.Contains(first, []byte(`"recommendations": [`)) || !bytes.Contains(first, []byte(`"follow_ups":[{"date":`)) {
		t.Fatalf("bundle lacks recommendations:\n%s", first)
	}

	dst, dstPath := testDB(t)
	stats, err := dst.Import("bundel.json", first, "pengimpor")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Recommendations.Added != 2 {
		t.Fatalf("stats %+v", stats.Recommendations)
	}
	if second := exportJSON(t, dst, ""); !bytes.Equal(first, second) {
		t.Fatalf("export → import → export differs:\n%s", firstDiff(first, second))
	}
	one := exportJSON(t, src, "kab-a")
	if again := exportJSON(t, dst, "kab-a"); !bytes.Equal(stripSeqs(one), stripSeqs(again)) {
		t.Fatalf("satker bundle differs:\n%s", firstDiff(one, again))
	}
	mustCheckClean(t, dst)

	// Idempotent: the second import changes not a byte.
	dst.Close()
	sum := fileSum(t, dstPath)
	dst, err = Open(dstPath, Options{Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	stats, err = dst.Import("bundel.json", first, "pengimpor")
	if err != nil || stats.Changed() || stats.Recommendations.Unchanged != 2 {
		t.Fatalf("second import: %+v, %v", stats, err)
	}
	dst.Close()
	if fileSum(t, dstPath) != sum {
		t.Fatal("the second import changed the file")
	}
	dst, err = Open(dstPath, Options{Now: func() time.Time { return fixedNow.Add(time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()

	// Newer wins: a later status in the source replaces the copy, with a
	// history entry; an older bundle is kept out.
	if _, err := dst.SetRekStatus(cur.ID+"/r1", model.RekDikerjakan, "", "di-tujuan"); err != nil {
		t.Fatal(err)
	}
	stats, err = dst.Import("bundel.json", first, "pengimpor")
	if err != nil || stats.Recommendations.Kept != 1 {
		t.Fatalf("older bundle: %+v, %v", stats.Recommendations, err)
	}
	if got, _ := dst.Rekomendasi(cur.ID + "/r1"); got.Status != model.RekDikerjakan {
		t.Fatalf("the older bundle overwrote a newer record: %s", got.Status)
	}
}

func TestImportRejectsBadRekomendasi(t *testing.T) {
	src, _, _, cur := rekDB(t)
	mustRek(t, src, cur.ID, "a2", "Lengkapi SK.")
	good := exportJSON(t, src, "")
	tests := []struct {
		name, from, to, msg string
	}{
		{"unknown node", `"node":"a2"`, `"node":"mp.1"`, `komponen "mp.1" tidak ada di instrumen mini`},
		{"bad status", `"status":"baru"`, `"status":"tutup"`, "pilih salah satu"},
		{"ditolak without reason", `"status":"baru"`, `"status":"ditolak"`, "alasan"},
		{"bad due date", `"due":"2026-06-30"`, `"due":"30/06/2026"`, `tanggal "30/06/2026" tidak sah`},
		{"id outside its evaluation", `"id":"kab-a/2026/PMPZI/r1"`, `"id":"kab-a/2025/PMPZI/r1"`, "harus kab-a/2026/PMPZI/rN"},
		{"wrong satker", `"satker":"kab-a","evaluation":"kab-a/2026/PMPZI","node"`, `"satker":"kab-b","evaluation":"kab-a/2026/PMPZI","node"`, `evaluasinya milik "kab-a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := bytes.Replace(good, []byte(tt.from), []byte(tt.to), 1)
			if bytes.Equal(bad, good) {
				t.Fatalf("%s not in the bundle", tt.from)
			}
			dst, path := testDB(t)
			dst.Close()
			sum := fileSum(t, path)
			dst, _ = Open(path, Options{})
			defer dst.Close()
			_, err := dst.Import("bundel.json", bad, "x")
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("got %v; want ErrInvalid saying %q", err, tt.msg)
			}
			dst.Close()
			if fileSum(t, path) != sum {
				t.Fatal("a refused import wrote to the file")
			}
		})
	}
}

// Two databases number their recommendations each on their own: the same
// id from elsewhere is another recommendation, added under the next free
// number, never put in place of this one; importing it again changes
// nothing; a newer version of it updates it with history.
func TestImportRekomendasiWithATakenNumber(t *testing.T) {
	a, _, _, cur := rekDB(t)
	b, _ := testDB(t)
	if _, err := b.Import("a.json", exportJSON(t, a, ""), "b"); err != nil {
		t.Fatal(err)
	}
	mine := mustRek(t, a, cur.ID, "a2.1", "Perbarui SOP.")
	theirs := mustRek(t, b, cur.ID, "h", "Survei kepuasan ulang.")
	if mine.ID != theirs.ID {
		t.Fatalf("the test needs the same number on both sides: %s, %s", mine.ID, theirs.ID)
	}
	fromB := exportJSON(t, b, "")
	stats, err := a.Import("b.json", fromB, "a")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Recommendations.Added != 1 || stats.Recommendations.Updated != 0 {
		t.Fatalf("stats %+v; want theirs added", stats.Recommendations)
	}
	list, _ := a.RekomendasiList(RekFilter{Evaluation: cur.ID})
	if len(list) != 2 || list[0].Text != "Perbarui SOP." || list[1].Text != "Survei kepuasan ulang." || list[1].ID != cur.ID+"/r2" {
		t.Fatalf("after the import: %+v", list)
	}
	if stats, err := a.Import("b.json", fromB, "a"); err != nil || stats.Changed() {
		t.Fatalf("importing again: %+v, %v", stats, err)
	}

	// B moves its recommendation on; A takes the newer version, under
	// A's number, with the change in its history.
	time.Sleep(time.Millisecond) // a later Updated
	if _, err := b.SetRekStatus(theirs.ID, model.RekDikerjakan, "", "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Import("b2.json", exportJSON(t, b, ""), "a"); err != nil {
		t.Fatal(err)
	}
	got, _ := a.Rekomendasi(cur.ID + "/r2")
	if got.Status != model.RekDikerjakan {
		t.Fatalf("the newer version did not land: %+v", got)
	}
	if mineNow, _ := a.Rekomendasi(mine.ID); mineNow.Text != "Perbarui SOP." || mineNow.Status != model.RekBaru {
		t.Fatalf("A's own recommendation changed: %+v", mineNow)
	}
	if h := rekHistory(t, a, got); len(h) == 0 || h[len(h)-1].Field != fieldRekStatus {
		t.Fatalf("history of the update: %+v", h)
	}
	mustCheckClean(t, a)
}
