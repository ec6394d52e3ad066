package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRekStatusCanMoveTo(t *testing.T) {
	tests := []struct {
		from, to RekStatus
		ok       bool
		msg      string // part of the error
	}{
		{RekBaru, RekDikerjakan, true, ""},
		{RekDikerjakan, RekSelesai, true, ""},
		{RekSelesai, RekDiverifikasi, true, ""},
		{RekSelesai, RekDikerjakan, true, ""}, // reopened after a failed verification
		{RekBaru, RekDitolak, true, ""},
		{RekDikerjakan, RekDitolak, true, ""},
		{RekSelesai, RekDitolak, true, ""},
		{RekBaru, RekSelesai, false, `tidak bisa dari "baru" ke "selesai"; dari "baru" hanya ke: dikerjakan, ditolak`},
		{RekBaru, RekDiverifikasi, false, `dari "baru" ke "diverifikasi"`},
		{RekDikerjakan, RekBaru, false, `dari "dikerjakan" ke "baru"`},
		{RekDiverifikasi, RekDikerjakan, false, `status "diverifikasi" sudah final`},
		{RekDitolak, RekBaru, false, `status "ditolak" sudah final`},
		{RekBaru, RekBaru, false, `sudah berstatus "baru"`},
		{RekBaru, "tutup", false, "pilih salah satu"},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"→"+string(tt.to), func(t *testing.T) {
			err := tt.from.CanMoveTo(tt.to)
			if tt.ok {
				if err != nil {
					t.Fatalf("want allowed, got %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("got %v; want a *FieldError containing %q", err, tt.msg)
			}
		})
	}
}

func validRek() Rekomendasi {
	return Rekomendasi{EvaluationID: "s/2026/PMPZI", Node: "a2", Text: "Lengkapi SK tim.", Priority: PrioritySedang, Status: RekBaru}
}

func TestRekomendasiValidate(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		edit  func(*Rekomendasi)
		field string // "" when valid
	}{
		{"valid", func(*Rekomendasi) {}, ""},
		{"no text", func(r *Rekomendasi) { r.Text = "  " }, "rekomendasi"},
		{"no node", func(r *Rekomendasi) { r.Node = "" }, "komponen"},
		{"no evaluation", func(r *Rekomendasi) { r.EvaluationID = "" }, "evaluasi"},
		{"bad priority", func(r *Rekomendasi) { r.Priority = "segera" }, "prioritas"},
		{"bad status", func(r *Rekomendasi) { r.Status = "tutup" }, "status"},
		{"ditolak without reason", func(r *Rekomendasi) { r.Status = RekDitolak }, "alasan"},
		{"ditolak with reason", func(r *Rekomendasi) { r.Status, r.Reason = RekDitolak, "sudah dipenuhi" }, ""},
		{"follow-up without text", func(r *Rekomendasi) { r.FollowUps = []TindakLanjut{{Date: day}} }, "tindak lanjut"},
		{"follow-up without date", func(r *Rekomendasi) { r.FollowUps = []TindakLanjut{{Text: "rapat"}} }, "tanggal"},
		{"follow-up empty evidence", func(r *Rekomendasi) {
			r.FollowUps = []TindakLanjut{{Date: day, Text: "rapat", Evidence: []Evidence{{}}}}
		}, "eviden 1"},
		{"follow-up ok", func(r *Rekomendasi) {
			r.FollowUps = []TindakLanjut{{Date: day, By: "ani", Text: "SK terbit", Evidence: []Evidence{{Title: "SK 12/2026"}}}}
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRek()
			tt.edit(&r)
			err := r.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("got %v; want a problem with %q", err, tt.field)
			}
		})
	}
}

func TestRekomendasiOpenAndOverdue(t *testing.T) {
	due := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	sameDay := time.Date(2026, 6, 30, 23, 59, 0, 0, time.UTC)
	after := time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		status        RekStatus
		due, today    time.Time
		open, overdue bool
	}{
		{RekBaru, due, sameDay, true, false},
		{RekBaru, due, after, true, true},
		{RekDikerjakan, due, after, true, true},
		{RekSelesai, due, after, true, false}, // waits on the evaluator
		{RekDiverifikasi, due, after, false, false},
		{RekDitolak, due, after, false, false},
		{RekBaru, time.Time{}, after, true, false}, // no due date
	}
	for _, tt := range tests {
		t.Run(string(tt.status)+" "+tt.today.Format("01-02"), func(t *testing.T) {
			r := Rekomendasi{Status: tt.status, Due: tt.due}
			if r.IsOpen() != tt.open || r.Overdue(tt.today) != tt.overdue {
				t.Fatalf("open %v overdue %v; want %v %v", r.IsOpen(), r.Overdue(tt.today), tt.open, tt.overdue)
			}
		})
	}
}

// miniAnswers fail a2 by 9 points and h by 10 under WBK; a1 passes.
func miniAnswers() map[string]Answer {
	return map[string]Answer{
		"a1.1": {Value: Letter("T")},
		"a1.2": {Value: Letter("A")},
		"a2.1": {Value: Letter("D"), Note: "SK tim belum ada"},
		"a2.3": {Value: Num(10)},
		"a2.4": {Value: Letter("X"), Note: "lengkap"},
		"h.1":  {Value: Num(1), Note: "survei baru sebagian"},
	}
}

func values(as map[string]Answer) Answers {
	out := Answers{}
	for id, a := range as {
		out[id] = a.Value
	}
	return out
}

func TestCarryOver(t *testing.T) {
	in := mustParseFile(t, "testdata/mini.yaml")
	recs := []Rekomendasi{
		{ID: "r1", Node: "a2.1", Status: RekBaru},
		{ID: "r2", Node: "a2", Status: RekSelesai},
		{ID: "r3", Node: "h.1", Status: RekDikerjakan},
		{ID: "r4", Node: "a1", Status: RekDiverifikasi}, // closed: left out
		{ID: "r5", Node: "p", Status: RekBaru},          // the top node is its own area
		{ID: "r6", Node: "gone.1", Status: RekBaru},     // not in this instrument
	}
	got := CarryOver(recs, in)
	want := map[string][]string{"a2": {"r1", "r2"}, "h": {"r3"}, "p": {"r5"}, "": {"r6"}}
	if len(got) != len(want) {
		t.Fatalf("areas %v; want %v", got, want)
	}
	for area, ids := range want {
		var have []string
		for _, r := range got[area] {
			have = append(have, r.ID)
		}
		if strings.Join(have, ",") != strings.Join(ids, ",") {
			t.Errorf("area %q: %v; want %v", area, have, ids)
		}
	}
}

// Moves offers exactly the moves CanMoveTo allows.
func TestRekStatusMovesAgreeWithCanMoveTo(t *testing.T) {
	for _, from := range RekStatuses {
		var allowed []RekStatus
		for _, to := range RekStatuses {
			if from.CanMoveTo(to) == nil {
				allowed = append(allowed, to)
			}
		}
		got := slices.Clone(from.Moves())
		slices.Sort(got)
		slices.Sort(allowed)
		if fmt.Sprint(got) != fmt.Sprint(allowed) {
			t.Errorf("%s: Moves %v, CanMoveTo allows %v", from, got, allowed)
		}
	}
}

func TestFirstQuestion(t *testing.T) {
	in, _ := Builtin(DefaultInstrument)
	tests := []struct{ id, want string }{
		{"mp.pemenuhan.1", "mp.pemenuhan.1"}, // a question is its own first
		{"pengungkit", "mp.pemenuhan.1"},
		{"mp", "mp.pemenuhan.1"},
		{"pp.reform", ""},
		{"hasil", ""},
		{"tidak.ada", ""},
	}
	for _, tt := range tests {
		q, ok := in.FirstQuestion(tt.id)
		switch {
		case tt.want == "" && tt.id == "tidak.ada":
			if ok {
				t.Errorf("%s: got %s, want none", tt.id, q.ID)
			}
		case !ok:
			t.Errorf("%s: none found", tt.id)
		case tt.want != "" && q.ID != tt.want:
			t.Errorf("%s: got %s, want %s", tt.id, q.ID, tt.want)
		case tt.want == "" && !strings.HasPrefix(q.ID, strings.Split(tt.id, ".")[0]):
			t.Errorf("%s: got %s, outside the node", tt.id, q.ID)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"5-11-2026", "05-11-2026", "5/11/2026", "2026-11-05", " 2026-11-5 "} {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if got, err := ParseDate(""); err != nil || !got.IsZero() {
		t.Errorf("empty: got %v, %v; want no date", got, err)
	}
	for _, in := range []string{"31-02-2026", "11/2026", "besok", "2026-13-01"} {
		if _, err := ParseDate(in); err == nil || !strings.Contains(err.Error(), "hari-bulan-tahun") {
			t.Errorf("ParseDate(%q): got %v, want a refusal naming the format", in, err)
		}
	}
}
