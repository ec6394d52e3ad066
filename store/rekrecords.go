package store

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Recommendations live in their own bucket, keyed by their id (evaluation
// id + "/r" + number), so an evaluation's or a satker's recommendations
// are one prefix scan. The bucket came after schema 2 without a schema
// change: a file that lacks it reads as holding none, and the first write
// creates it.
var bucketRekomendasi = []byte("rekomendasi")

// History fields of a recommendation; the change's Question holds the
// recommendation's id, so its history is one index read.
const (
	fieldRek          = "rekomendasi" // created (Old "") or deleted (New ""); the text
	fieldRekText      = "rekomendasi.text"
	fieldRekPriority  = "rekomendasi.priority"
	fieldRekDue       = "rekomendasi.due"
	fieldRekNode      = "rekomendasi.node"
	fieldRekStatus    = "rekomendasi.status"
	fieldRekFollowUp  = "rekomendasi.tindak-lanjut"
	dateLayout        = "2006-01-02"
	rekIDInfix        = "/r"
	maxRekTextLength  = 20000
	rekTextLengthHint = "teks terlalu panjang (lebih dari 20.000 karakter)"
)

// fields lists r's fields a person edits, always in this order.
func (r *rekRec) fields() []recordField {
	return []recordField{{fieldRekText, &r.Text}, {fieldRekPriority, &r.Priority}, {fieldRekDue, &r.Due},
		{fieldRekNode, &r.Node}, {fieldRekStatus, &r.Status}}
}

type tindakLanjutRec struct {
	Date     string        `json:"date"` // YYYY-MM-DD
	By       string        `json:"by"`
	Text     string        `json:"text"`
	Evidence []evidenceRec `json:"evidence,omitempty"`
}

type rekRec struct {
	ID         string            `json:"id"`
	Satker     string            `json:"satker"`
	Evaluation string            `json:"evaluation"`
	Node       string            `json:"node"`
	Text       string            `json:"text"`
	Priority   string            `json:"priority"`
	Due        string            `json:"due,omitempty"` // YYYY-MM-DD
	Status     string            `json:"status"`
	Reason     string            `json:"reason,omitempty"`
	FollowUps  []tindakLanjutRec `json:"follow_ups,omitempty"`
	CreatedBy  string            `json:"created_by"`
	Created    time.Time         `json:"created"`
	UpdatedBy  string            `json:"updated_by"`
	Updated    time.Time         `json:"updated"`
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return model.Date(t).Format(dateLayout)
}

// parseDate reads a stored date; "" is no date.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("tanggal %q tidak sah (bentuk 2026-06-30)", s)
	}
	return t, nil
}

func rekToRec(r model.Rekomendasi) rekRec {
	out := rekRec{ID: r.ID, Satker: r.SatkerID, Evaluation: r.EvaluationID, Node: r.Node, Text: r.Text,
		Priority: string(r.Priority), Due: dateText(r.Due), Status: string(r.Status), Reason: r.Reason,
		CreatedBy: r.CreatedBy, Created: r.Created, UpdatedBy: r.UpdatedBy, Updated: r.Updated}
	for _, tl := range r.FollowUps {
		out.FollowUps = append(out.FollowUps, tindakLanjutToRec(tl))
	}
	return out
}

func tindakLanjutToRec(tl model.TindakLanjut) tindakLanjutRec {
	return tindakLanjutRec{Date: dateText(tl.Date), By: tl.By, Text: tl.Text, Evidence: evidenceToRecs(tl.Evidence)}
}

// model converts a record; its dates were checked when it was written (or
// imported), and an unreadable one reads as no date. Check reports them.
func (r rekRec) model() model.Rekomendasi {
	due, _ := parseDate(r.Due)
	out := model.Rekomendasi{ID: r.ID, SatkerID: r.Satker, EvaluationID: r.Evaluation, Node: r.Node, Text: r.Text,
		Priority: model.Priority(r.Priority), Due: due, Status: model.RekStatus(r.Status), Reason: r.Reason,
		CreatedBy: r.CreatedBy, Created: r.Created, UpdatedBy: r.UpdatedBy, Updated: r.Updated}
	for _, tl := range r.FollowUps {
		d, _ := parseDate(tl.Date)
		out.FollowUps = append(out.FollowUps, model.TindakLanjut{Date: d, By: tl.By, Text: tl.Text, Evidence: evidenceFromRecs(tl.Evidence)})
	}
	return out
}

// problem says what is wrong with a record on its own: its dates, its
// fields, its id; "" when nothing is.
func (r rekRec) problem() string {
	if _, err := parseDate(r.Due); err != nil {
		return "tenggat: " + err.Error()
	}
	for i, tl := range r.FollowUps {
		if _, err := parseDate(tl.Date); err != nil || tl.Date == "" {
			return fmt.Sprintf("tindak lanjut %d: tanggal %q tidak sah (bentuk 2026-06-30)", i+1, tl.Date)
		}
	}
	if len(r.Text) > maxRekTextLength {
		return rekTextLengthHint
	}
	if err := r.model().Validate(); err != nil {
		return err.Error()
	}
	if _, ok := rekSeq(r.ID, r.Evaluation); !ok {
		return fmt.Sprintf("id %q harus %s%sN", r.ID, r.Evaluation, rekIDInfix)
	}
	return ""
}

func (r rekRec) equal(o rekRec) bool { return bytes.Equal(encode(r), encode(o)) }

// rekPrefix selects an evaluation's recommendations.
func rekPrefix(evalID string) []byte { return []byte(evalID + rekIDInfix) }

// rekSeq reads the number of a recommendation id of an evaluation.
func rekSeq(id, evalID string) (int, bool) {
	rest, ok := strings.CutPrefix(id, evalID+rekIDInfix)
	if !ok || rest == "" || rest[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n > 0
}

// rekBucket is the recommendations' bucket, nil on a file that has none
// yet (read as empty).
func (t txn) rekBucket() *bolt.Bucket { return t.tx.Bucket(bucketRekomendasi) }

// rekBucketW is the bucket for writing, created on first use.
func (t txn) rekBucketW() (*bolt.Bucket, error) {
	return t.tx.CreateBucketIfNotExists(bucketRekomendasi)
}

func (t txn) rek(id string) (rekRec, error) {
	var r rekRec
	b := t.rekBucket()
	var data []byte
	if b != nil {
		data = b.Get([]byte(id))
	}
	if data == nil {
		return r, fmt.Errorf("rekomendasi %q %w", id, ErrNotFound)
	}
	if err := decode(data, &r); err != nil {
		return r, fmt.Errorf("%s: %w: rekomendasi %q: %v", t.db.path, ErrDamaged, id, err)
	}
	return r, nil
}

func (t txn) putRek(r rekRec) error {
	b, err := t.rekBucketW()
	if err != nil {
		return err
	}
	return b.Put([]byte(r.ID), encode(r))
}

// reks reads the recommendations whose keys start with prefix (all of them
// for nil), in key order, keeping those keep accepts.
func (t txn) reks(prefix []byte, keep func(rekRec) bool) ([]rekRec, error) {
	b := t.rekBucket()
	if b == nil {
		return nil, nil
	}
	var out []rekRec
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var r rekRec
		if err := decode(v, &r); err != nil {
			return nil, t.damaged("rekomendasi", k, err)
		}
		if keep == nil || keep(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// deleteReks removes an evaluation's recommendations (not their history).
func (t txn) deleteReks(evalID string) error {
	b := t.rekBucket()
	if b == nil {
		return nil
	}
	prefix := rekPrefix(evalID)
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// nodeKnown reports whether id is a node or a question of the instrument.
func nodeKnown(in *model.Instrument, id string) bool {
	if _, ok := in.Node(id); ok {
		return true
	}
	_, ok := in.Question(id)
	return ok
}
