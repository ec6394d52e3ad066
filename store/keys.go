package store

import (
	"bytes"
	"encoding/binary"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// Buckets. Satkers, evaluations, instruments and recommendations are JSON
// records; everything a save touches lives in one bucket, "work", keyed by
// its owner so that one evaluation's answers, history and state are
// neighbours in the file (schema 3). Saves reach it through a small
// journal of the same keys (schema 4, journal.go).
var (
	bucketMeta        = []byte("meta")
	bucketSatkers     = []byte("satkers")      // satker id → satkerRec
	bucketEvaluations = []byte("evaluations")  // evaluation id → evalRec
	bucketInstruments = []byte("instruments")  // sha-256 hex → instrument source
	bucketWork        = []byte("work")         // owner \0 kind … → compact records; see workKey
	bucketSummaries   = []byte("summaries")    // satker id → compact list record
	bucketNames       = []byte("satker-names") // lower-case name \0 satker id → nothing: the list's first order

	keyApp    = []byte("app")
	keySchema = []byte("schema")
	appName   = []byte("ziwb")
)

// schemaBuckets must exist in a file of the current schema.
var schemaBuckets = [][]byte{bucketMeta, bucketSatkers, bucketEvaluations, bucketInstruments, bucketWork,
	bucketSummaries, bucketNames, bucketJournal}

const sep = 0 // between the parts of a composite key; no id contains it

// The kinds of record in the work bucket. Within one owner they sort
// answers, then history, then the state, so the history's newest entry
// and the state — both written by every save — share a page.
const (
	kindAnswer = 'a' // evaluation \0 a question id → answer
	kindChange = 'h' // owner \0 h seq (8 bytes, big-endian) → history entry
	kindState  = 's' // evaluation \0 s → values, figures and last change
)

// The owner of a record is its evaluation, or its satker for a change
// that concerns the satker alone (a satker is made, edited or deleted).
// Evaluation ids are satker/year/stage, so one satker's records are all
// under the prefix "satker\0" or "satker/".

func ownerPrefix(owner string, kind byte) []byte {
	k := make([]byte, 0, len(owner)+2+8)
	k = append(k, owner...)
	return append(k, sep, kind)
}

// answerKey files an answer: the anggota's (level 0) under the question
// id alone, as before review levels, a higher level's after it and a
// separator, so one question's levels are neighbours.
func answerKey(evalID, qid string, level model.Level) []byte {
	k := append(ownerPrefix(evalID, kindAnswer), qid...)
	if level > model.Anggota {
		k = append(k, sep, byte('0'+level))
	}
	return k
}

// splitAnswerKey is the question id and level of the rest of an answer key.
func splitAnswerKey(rest []byte) (string, model.Level, bool) {
	qid, lvl, found := bytes.Cut(rest, []byte{sep})
	if !found {
		return string(qid), 0, true
	}
	if len(lvl) != 1 || lvl[0] < '2' || lvl[0] > '3' {
		return string(qid), 0, false
	}
	return string(qid), model.Level(lvl[0] - '0'), true
}

// storedLevel is how a level is kept in answer and history records: the
// anggota as 0, as in every file from before review levels.
func storedLevel(l model.Level) model.Level {
	if l <= model.Anggota {
		return 0
	}
	return l
}

func stateKey(evalID string) []byte { return ownerPrefix(evalID, kindState) }

func changeKey(owner string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(ownerPrefix(owner, kindChange), seq)
}

// splitWorkKey returns the owner, kind and rest of a work key.
func splitWorkKey(k []byte) (owner string, kind byte, rest []byte, ok bool) {
	i := bytes.IndexByte(k, sep)
	if i < 0 || i+1 >= len(k) {
		return "", 0, nil, false
	}
	return string(k[:i]), k[i+1], k[i+2:], true
}

// changeOwner is where a change is filed.
func changeOwner(r changeRec) string {
	if r.Evaluation != "" {
		return r.Evaluation
	}
	return r.Satker
}

// satkerOfEval is the satker part of an evaluation id.
func satkerOfEval(evalID string) string {
	s, _, _ := strings.Cut(evalID, "/")
	return s
}

// nameKey files a satker in the list's first order: by name (as the list
// compares names, lower-case), then by id.
func nameKey(s satkerRec) []byte {
	return append(append([]byte(strings.ToLower(s.Name)), sep), s.ID...)
}

// evalPrefix selects every evaluation of one satker (ids are satker/year/stage).
func evalPrefix(satkerID string) []byte { return []byte(satkerID + "/") }
