package store

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Field work: a bundle that names where it came from (an origin: the
// database, the person, the time) is merged three-way instead of imported
// record by record. The base of every record is what the two databases
// last shared: the bundle carries the sender's bases for this database,
// and this database keeps, per sender, the records as it last received
// them. A field changed on one side only is taken; changed on both sides
// alike is agreement; changed on both sides differently is a conflict,
// kept for a person to decide (Conflicts, Choose, AcceptMerge) and never
// applied silently.

var (
	bucketBases     = []byte("bases")     // satker \0 peer \0 record key → the record as the peer last had it
	bucketConflicts = []byte("conflicts") // conflict id → conflictRec
	keyIdentity     = []byte("id")        // in meta: this database's identity
)

// Origin is where a field bundle came from.
type Origin struct {
	Database string    `json:"database"`
	By       string    `json:"by,omitempty"`
	At       time.Time `json:"at,omitempty"`
	// Merged counts, per database, the bundles from it this one merged:
	// the receiver learns whether its last bundle was merged since it
	// last merged from here (see bundleBasesWin).
	Merged map[string]uint64 `json:"merged,omitempty"`
}

// baseRec is one base a bundle carries: a record as the sender last had
// it from peer.
type baseRec struct {
	Peer   string          `json:"peer"`
	Key    string          `json:"key"`
	Record json.RawMessage `json:"record"`
}

// MergePolicy says what a merge does with conflicts.
type MergePolicy int

const (
	MergeAsk    MergePolicy = iota // keep them for a person (the merge screen)
	MergeOurs                      // keep this database's value, recorded as a resolution
	MergeTheirs                    // take the bundle's value, recorded as a resolution
	MergeList                      // report only: apply nothing
)

// ParseMergePolicy reads --conflicts.
func ParseMergePolicy(s string) (MergePolicy, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "tanya", "ask":
		return MergeAsk, nil
	case "ours", "kita":
		return MergeOurs, nil
	case "theirs", "mereka":
		return MergeTheirs, nil
	case "list", "daftar":
		return MergeList, nil
	}
	return 0, &model.FieldError{Field: "--conflicts", Value: s, Msg: "pilih list, ours atau theirs"}
}

// Choice is a person's decision on one conflict.
type Choice string

const (
	ChooseNone   Choice = ""
	ChooseOurs   Choice = "ours"
	ChooseTheirs Choice = "theirs"
	ChooseEdit   Choice = "edit" // a value typed in the merge screen
)

// Conflict is one field both sides changed differently.
type Conflict struct {
	ID         string      `json:"id"`             // record, field and item: unique
	Record     string      `json:"record"`         // the record's key (see satkerKey …)
	Item       string      `json:"item,omitempty"` // an evidence item: title \0 location
	Kind       string      `json:"kind"`           // satker, evaluasi, jawaban, rekomendasi
	Satker     string      `json:"satker"`
	Evaluation string      `json:"evaluation,omitempty"`
	Question   string      `json:"question,omitempty"`
	Level      model.Level `json:"level,omitempty"`
	Rek        string      `json:"rekomendasi,omitempty"`
	Field      string      `json:"field"` // value, note, evidence, status, team, text, …
	HasBase    bool        `json:"has_base"`
	Base       string      `json:"base"`
	Ours       string      `json:"ours"`
	Theirs     string      `json:"theirs"`
	OursBy     string      `json:"ours_by,omitempty"`
	OursAt     time.Time   `json:"ours_at,omitzero"`
	TheirsBy   string      `json:"theirs_by,omitempty"`
	TheirsAt   time.Time   `json:"theirs_at,omitzero"`
	From       Origin      `json:"from"`
	Choice     Choice      `json:"choice,omitempty"`
	Edited     string      `json:"edited,omitempty"`
	// TheirsItem is the evidence item's title \0 location in the bundle
	// when the sides name it differently (Item names it as here): taking
	// theirs renames it.
	TheirsItem string `json:"theirs_item,omitempty"`
}

// Resolved is the value the conflict's choice gives; ok is false while
// it has none.
func (c Conflict) Resolved() (string, bool) {
	switch c.Choice {
	case ChooseOurs:
		return c.Ours, true
	case ChooseTheirs:
		return c.Theirs, true
	case ChooseEdit:
		return c.Edited, true
	}
	return "", false
}

// MergeReport is what a merge did, or would do (MergeList).
type MergeReport struct {
	From      Origin      `json:"from"`
	Satkers   []string    `json:"satkers"`
	Added     int         `json:"added"`     // records new here
	Applied   int         `json:"applied"`   // fields taken from the bundle
	Same      int         `json:"same"`      // fields the two sides agree on, or only this side changed
	History   int         `json:"history"`   // history entries added
	Conflicts []Conflict  `json:"conflicts"` // both sides changed them differently
	Resolved  int         `json:"resolved"`  // conflicts decided by the policy
	Policy    MergePolicy `json:"-"`
}

// Changed reports whether the merge wrote anything.
func (r MergeReport) Changed() bool {
	return r.Added+r.Applied+r.History > 0 || (len(r.Conflicts) > 0 && r.Policy != MergeList)
}

// Identity is this database's identity, made when it is first asked for.
func (db *DB) Identity() (string, error) {
	var id string
	err := db.view(func(tx *bolt.Tx) error {
		id = string(tx.Bucket(bucketMeta).Get(keyIdentity))
		return nil
	})
	if err != nil || id != "" || db.opts.ReadOnly {
		return id, err
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyIdentity); v != nil {
			id = string(v)
			return nil
		}
		b := make([]byte, 8)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		id = "db-" + hex.EncodeToString(b)
		return tx.Bucket(bucketMeta).Put(keyIdentity, []byte(id))
	})
	return id, err
}

// hasOrigin peeks at the start of a bundle for its origin: a field
// bundle, to merge. The origin comes before the first section.
func hasOrigin(r *bufio.Reader) bool {
	head, _ := r.Peek(4096)
	end := bytes.IndexByte(head, '[')
	if end < 0 {
		end = len(head)
	}
	return bytes.Contains(head[:end], []byte(`"origin"`))
}

// conflictID names a conflict: the record, the field and the item.
func conflictID(c Conflict) string {
	id := c.Record + "\x00" + c.Field
	if c.Item != "" {
		id += "\x00" + c.Item
	}
	return id
}

// sortConflicts orders conflicts by satker, evaluation, question, field.
func sortConflicts(cs []Conflict) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
}

var _ = io.EOF
