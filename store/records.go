package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// The canonical records, as JSON. They are the store's own types, not the
// model's, so a change to a model struct's tags cannot silently change the
// file format; the export bundle uses the same records.

type satkerRec struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Kind     string    `json:"kind"`
	Province string    `json:"province"`
	Regency  string    `json:"regency,omitempty"`
	Head     string    `json:"head,omitempty"`
	Target   string    `json:"target"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
}

type evalRec struct {
	ID             string      `json:"id"`
	Satker         string      `json:"satker"`
	Year           int         `json:"year"`
	Stage          string      `json:"stage"`
	Evaluators     []string    `json:"evaluators,omitempty"`
	Team           []memberRec `json:"team,omitempty"`
	Instrument     string      `json:"instrument"`
	InstrumentHash string      `json:"instrument_hash"`
	Status         string      `json:"status"`
	From           string      `json:"from,omitempty"`
	Created        time.Time   `json:"created"`
	Updated        time.Time   `json:"updated"`
}

type memberRec struct {
	Name  string      `json:"name"`
	Level model.Level `json:"level"`
}

type evidenceRec struct {
	Title    string `json:"title"`
	Location string `json:"location"`
	Checked  bool   `json:"checked,omitempty"`
}

type answerRec struct {
	Evaluation string        `json:"evaluation"`
	Question   string        `json:"question"`
	Value      model.Value   `json:"value"`
	Note       string        `json:"note,omitempty"`
	Evidence   []evidenceRec `json:"evidence,omitempty"`
	By         string        `json:"by"`
	At         time.Time     `json:"at"`
	// Level is the review level; 0 is the anggota's (and every answer of
	// a file or bundle from before review levels).
	Level   model.Level `json:"level,omitempty"`
	Carried bool        `json:"carried,omitempty"`
}

type changeRec struct {
	Seq        uint64    `json:"seq"`
	At         time.Time `json:"at"`
	By         string    `json:"by"`
	Satker     string    `json:"satker"`
	Evaluation string    `json:"evaluation,omitempty"`
	Question   string    `json:"question,omitempty"`
	Field      string    `json:"field"`
	Old        string    `json:"old"`
	New        string    `json:"new"`
	Undoes     uint64    `json:"undoes,omitempty"` // the seq this change reverted
	// Group is the seq of the first entry one user action wrote: the
	// value and the note of "8/10" are one action, undone together. 0 in
	// files written before groups: each entry is its own action.
	Group uint64 `json:"group,omitempty"`
	// Level is the review level of an answer change (0 for the anggota);
	// Reason is why a status went back or a final evaluation reopened.
	Level  model.Level `json:"level,omitempty"`
	Reason string      `json:"reason,omitempty"`
}

type instrumentRec struct {
	ID     string `json:"id"`
	Hash   string `json:"hash"`
	Source string `json:"source"`
}

// encode writes a record as compact JSON without HTML escaping, so notes
// with "<" or "&" read as typed in an exported bundle.
func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // our records always encode
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func decode(data []byte, v any) error { return json.Unmarshal(data, v) }

// recordsOf walks a bucket's records for ForEach, handing each to fn
// decoded as a T; one that does not decode stops the walk as damage to
// a record of what ("satker").
func recordsOf[T any](t txn, what string, fn func(T)) func(k, v []byte) error {
	return func(k, v []byte) error {
		var r T
		if err := decode(v, &r); err != nil {
			return t.damaged(what, k, err)
		}
		fn(r)
		return nil
	}
}

// damaged is the error of a record of what, at key k, that does not read.
func (t txn) damaged(what string, k []byte, err error) error {
	return fmt.Errorf("%s: %w: %s %q: %v", t.db.path, ErrDamaged, what, k, err)
}

func satkerToRec(s model.Satker) satkerRec {
	return satkerRec{s.ID, s.Name, string(s.Kind), s.Province, s.Regency, s.Head, s.Target, s.Created, s.Updated}
}

// recordField is a field of a record a person edits, by the name its
// history entries and merge conflicts give it.
type recordField struct {
	name string
	v    *string
}

// fields lists r's editable fields, always in this order.
func (r *satkerRec) fields() []recordField {
	return []recordField{{"name", &r.Name}, {"kind", &r.Kind}, {"province", &r.Province},
		{"regency", &r.Regency}, {"head", &r.Head}, {"target", &r.Target}}
}

func (r satkerRec) model() model.Satker {
	return model.Satker{ID: r.ID, Name: r.Name, Kind: model.SatkerKind(r.Kind), Province: r.Province,
		Regency: r.Regency, Head: r.Head, Target: r.Target, Created: r.Created, Updated: r.Updated}
}

func evalToRec(e model.Evaluation) evalRec {
	return evalRec{e.ID, e.SatkerID, e.Year, string(e.Stage), e.Evaluators, teamToRecs(e.Team), e.InstrumentID,
		e.InstrumentHash, string(e.Status), e.From, e.Created, e.Updated}
}

func (r evalRec) model() model.Evaluation {
	return model.Evaluation{ID: r.ID, SatkerID: r.Satker, Year: r.Year, Stage: model.Stage(r.Stage),
		Evaluators: r.Evaluators, Team: r.team(), InstrumentID: r.Instrument, InstrumentHash: r.InstrumentHash,
		Status: model.Status(r.Status), From: r.From, Created: r.Created, Updated: r.Updated}
}

func teamToRecs(t model.Team) []memberRec {
	if len(t) == 0 {
		return nil
	}
	out := make([]memberRec, len(t))
	for i, m := range t {
		out[i] = memberRec(m)
	}
	return out
}

func (r evalRec) team() model.Team {
	if len(r.Team) == 0 {
		return nil
	}
	out := make(model.Team, len(r.Team))
	for i, m := range r.Team {
		out[i] = model.Member(m)
	}
	return out
}

func evidenceToRecs(ev []model.Evidence) []evidenceRec {
	if len(ev) == 0 {
		return nil
	}
	out := make([]evidenceRec, len(ev))
	for i, e := range ev {
		out[i] = evidenceRec(e)
	}
	return out
}

func evidenceFromRecs(rs []evidenceRec) []model.Evidence {
	if len(rs) == 0 {
		return nil
	}
	out := make([]model.Evidence, len(rs))
	for i, r := range rs {
		out[i] = model.Evidence(r)
	}
	return out
}

func (r answerRec) model() model.Answer {
	return model.Answer{Question: r.Question, Value: r.Value, Note: r.Note, Evidence: evidenceFromRecs(r.Evidence),
		By: r.By, At: r.At, Level: r.level(), Carried: r.Carried}
}

// level is the answer's review level, anggota for the stored 0.
func (r answerRec) level() model.Level { return max(r.Level, model.Anggota) }

// empty reports whether an answer holds nothing worth keeping.
func (r answerRec) empty() bool {
	return r.Value.IsZero() && r.Note == "" && len(r.Evidence) == 0 && !r.Carried
}

// same compares what an answer says, not who said it when.
func (r answerRec) same(o answerRec) bool {
	return r.Value == o.Value && r.Note == o.Note && r.Carried == o.Carried &&
		evidenceText(r.Evidence) == evidenceText(o.Evidence)
}

// evidenceText is the history's form of an evidence list: "" for none.
func evidenceText(ev []evidenceRec) string {
	if len(ev) == 0 {
		return ""
	}
	return string(encode(ev))
}

func (r changeRec) model() model.Change {
	return model.Change{Seq: r.Seq, At: r.At, By: r.By, Satker: r.Satker, Evaluation: r.Evaluation,
		Question: r.Question, Field: r.Field, Old: r.Old, New: r.New, Group: r.Group, Level: r.Level, Reason: r.Reason}
}

func (r evalRec) equal(o evalRec) bool { return bytes.Equal(encode(r), encode(o)) }

func (r satkerRec) equal(o satkerRec) bool { return r == o }
