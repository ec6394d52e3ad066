package model

import (
	"fmt"
	"strings"
	"time"
)

// Priority is how urgent a recommendation is.
type Priority string

const (
	PriorityTinggi Priority = "tinggi"
	PrioritySedang Priority = "sedang"
	PriorityRendah Priority = "rendah"
)

// Priorities lists the priorities from the most urgent.
var Priorities = []Priority{PriorityTinggi, PrioritySedang, PriorityRendah}

// ParsePriority accepts a priority in any case.
func ParsePriority(s string) (Priority, error) {
	return parseName(s, Priorities, "prioritas", "pilih salah satu: tinggi, sedang, rendah")
}

// RekStatus is where a recommendation stands in its workflow.
type RekStatus string

const (
	RekBaru         RekStatus = "baru"         // proposed to the satker
	RekDikerjakan   RekStatus = "dikerjakan"   // the satker is acting on it
	RekSelesai      RekStatus = "selesai"      // the satker says it is done
	RekDiverifikasi RekStatus = "diverifikasi" // the evaluator has checked it: closed
	RekDitolak      RekStatus = "ditolak"      // dropped, with a reason: closed
)

// RekStatuses lists the statuses in workflow order.
var RekStatuses = []RekStatus{RekBaru, RekDikerjakan, RekSelesai, RekDiverifikasi, RekDitolak}

// ParseRekStatus accepts a status in any case.
func ParseRekStatus(s string) (RekStatus, error) {
	return parseName(s, RekStatuses, "status", "pilih salah satu: baru, dikerjakan, selesai, diverifikasi, ditolak")
}

// rekMoves is the workflow. It only goes forward, with two exceptions:
// selesai → dikerjakan reopens work whose verification failed (the
// evaluator found the evidence lacking), and any status not yet closed can
// be ditolak (with a reason). diverifikasi and ditolak are final: a closed
// recommendation that turns out wrong is answered with a new one, so the
// history of the old one stays true.
var rekMoves = map[RekStatus][]RekStatus{
	RekBaru:       {RekDikerjakan, RekDitolak},
	RekDikerjakan: {RekSelesai, RekDitolak},
	RekSelesai:    {RekDiverifikasi, RekDikerjakan, RekDitolak},
}

// Moves lists the statuses the workflow allows from s, none when s is
// final.
func (s RekStatus) Moves() []RekStatus { return rekMoves[s] }

// CanMoveTo reports whether the workflow allows going from s to t; the
// error says which moves s allows instead.
func (s RekStatus) CanMoveTo(t RekStatus) error {
	if _, err := ParseRekStatus(string(t)); err != nil {
		return err
	}
	if s == t {
		return &FieldError{"status", string(t), fmt.Sprintf("rekomendasi sudah berstatus %q", s)}
	}
	next := rekMoves[s]
	for _, n := range next {
		if n == t {
			return nil
		}
	}
	if len(next) == 0 {
		return &FieldError{"status", string(t), fmt.Sprintf("tidak bisa dari %q ke %q: status %q sudah final", s, t, s)}
	}
	names := make([]string, len(next))
	for i, n := range next {
		names[i] = string(n)
	}
	return &FieldError{"status", string(t), fmt.Sprintf("tidak bisa dari %q ke %q; dari %q hanya ke: %s", s, t, s, strings.Join(names, ", "))}
}

// TindakLanjut is one follow-up entry: what the satker did about a
// recommendation, when, by whom, and the evidence for it.
type TindakLanjut struct {
	Date     time.Time  `json:"date"` // a date; the time of day is not kept
	By       string     `json:"by"`
	Text     string     `json:"text"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Validate checks a follow-up entry.
func (tl TindakLanjut) Validate() error {
	switch {
	case strings.TrimSpace(tl.Text) == "":
		return &FieldError{"tindak lanjut", "", "uraian wajib diisi"}
	case tl.Date.IsZero():
		return &FieldError{"tanggal", "", "wajib diisi"}
	}
	for i, e := range tl.Evidence {
		if e.Title == "" && e.Location == "" {
			return &FieldError{fmt.Sprintf("eviden %d", i+1), "", "judul atau lokasi wajib diisi"}
		}
	}
	return nil
}

// Rekomendasi is an evaluator's recommendation to a satker, tied to one
// evaluation and one node (an area, a part, or a question) of its
// instrument.
type Rekomendasi struct {
	ID           string         `json:"id"` // evaluation id + "/r" + number; the store assigns it
	SatkerID     string         `json:"satker"`
	EvaluationID string         `json:"evaluation"`
	Node         string         `json:"node"` // a node or question id
	Text         string         `json:"text"`
	Priority     Priority       `json:"priority"`
	Due          time.Time      `json:"due"` // a date; zero: no due date
	Status       RekStatus      `json:"status"`
	Reason       string         `json:"reason,omitempty"` // why it was ditolak
	FollowUps    []TindakLanjut `json:"follow_ups,omitempty"`
	CreatedBy    string         `json:"created_by"`
	Created      time.Time      `json:"created"`
	UpdatedBy    string         `json:"updated_by"`
	Updated      time.Time      `json:"updated"`
}

// Validate checks a recommendation's own fields, first problem first.
func (r Rekomendasi) Validate() error {
	if _, err := ParsePriority(string(r.Priority)); err != nil {
		return err
	}
	if _, err := ParseRekStatus(string(r.Status)); err != nil {
		return err
	}
	switch {
	case r.EvaluationID == "":
		return &FieldError{"evaluasi", "", "wajib diisi"}
	case strings.TrimSpace(r.Node) == "":
		return &FieldError{"komponen", "", "wajib diisi (area, bagian, atau pertanyaan)"}
	case strings.TrimSpace(r.Text) == "":
		return &FieldError{"rekomendasi", "", "teks wajib diisi"}
	case r.Status == RekDitolak && strings.TrimSpace(r.Reason) == "":
		return &FieldError{"alasan", "", "wajib diisi bila rekomendasi ditolak"}
	}
	for i, tl := range r.FollowUps {
		if err := tl.Validate(); err != nil {
			return fmt.Errorf("tindak lanjut %d: %w", i+1, err)
		}
	}
	return nil
}

// IsOpen reports whether a recommendation still needs attention: anything
// not diverifikasi or ditolak. A selesai one is open until it is verified.
func (r Rekomendasi) IsOpen() bool { return r.Status != RekDiverifikasi && r.Status != RekDitolak }

// Overdue reports whether the due date has passed (today is after it)
// while the satker still owes the work: baru or dikerjakan. A selesai
// recommendation waits on the evaluator, not the satker.
func (r Rekomendasi) Overdue(today time.Time) bool {
	if r.Due.IsZero() || (r.Status != RekBaru && r.Status != RekDikerjakan) {
		return false
	}
	return Date(today).After(Date(r.Due))
}

// Date cuts a time down to its calendar date (in its own location), at
// midnight UTC, so dates compare and round-trip exactly.
func Date(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Area returns the area a node or question belongs to: the node one level
// below the top component (mp under pengungkit), or the top node itself
// when the instrument has no deeper level. "" for an unknown id.
func (in *Instrument) Area(id string) string {
	path := in.Path(id)
	switch len(path) {
	case 0:
		return ""
	case 1:
		return path[0].ID
	}
	return path[1].ID
}

// CarryOver groups a previous round's open recommendations by the area of
// the instrument they concern, for a new evaluation to check them first.
// Closed ones are left out; one whose node the instrument does not have
// (an older instrument) is grouped under "".
func CarryOver(open []Rekomendasi, in *Instrument) map[string][]Rekomendasi {
	out := map[string][]Rekomendasi{}
	for _, r := range open {
		if !r.IsOpen() {
			continue
		}
		a := in.Area(r.Node)
		out[a] = append(out[a], r)
	}
	return out
}

// ParseDate reads a date the way evaluators write it: 25-11-2026,
// 25/11/2026 or 2026-11-25. Empty gives the zero time (no date).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2-1-2006", "2/1/2006", "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, &FieldError{"tanggal", s, "tulis sebagai hari-bulan-tahun, mis. 25-11-2026"}
}
