package store

import (
	"bytes"
	"encoding/binary"
)

// Buckets. Canonical records are JSON; "values" and "summaries" are derived
// from them (schema 2) and can always be rebuilt.
var (
	bucketMeta        = []byte("meta")
	bucketSatkers     = []byte("satkers")     // satker id → satkerRec
	bucketEvaluations = []byte("evaluations") // evaluation id → evalRec
	bucketAnswers     = []byte("answers")     // evaluation id \0 question id → answerRec
	bucketInstruments = []byte("instruments") // sha-256 hex → instrument source
	bucketHistory     = []byte("history")     // seq (8 bytes, big-endian) → changeRec
	bucketHistSatker  = []byte("history-by-satker")
	bucketHistEval    = []byte("history-by-evaluation")
	bucketHistQ       = []byte("history-by-question")
	bucketValues      = []byte("values")    // evaluation id → compact answer values
	bucketSummaries   = []byte("summaries") // satker id → compact satker summary

	keyApp    = []byte("app")
	keySchema = []byte("schema")
	appName   = []byte("ziwb")
)

// baseBuckets are those of schema 1; derivedBuckets came with schema 2.
var (
	baseBuckets = [][]byte{bucketMeta, bucketSatkers, bucketEvaluations, bucketAnswers, bucketInstruments,
		bucketHistory, bucketHistSatker, bucketHistEval, bucketHistQ}
	derivedBuckets = [][]byte{bucketValues, bucketSummaries}
)

const sep = 0 // between the parts of a composite key; no id contains it

// answerKey is evaluation id \0 question id.
func answerKey(evalID, qid string) []byte {
	k := make([]byte, 0, len(evalID)+1+len(qid))
	k = append(k, evalID...)
	k = append(k, sep)
	return append(k, qid...)
}

// answerPrefix selects every answer of one evaluation.
func answerPrefix(evalID string) []byte { return append([]byte(evalID), sep) }

// splitAnswerKey returns the evaluation and question of an answer key.
func splitAnswerKey(k []byte) (evalID, qid string, ok bool) {
	i := bytes.IndexByte(k, sep)
	if i < 0 {
		return "", "", false
	}
	return string(k[:i]), string(k[i+1:]), true
}

// evalPrefix selects every evaluation of one satker (ids are satker/year/stage).
func evalPrefix(satkerID string) []byte { return []byte(satkerID + "/") }

func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}

// indexKey is part \0 … \0 seq: an index entry that sorts by seq within its
// parts, so a reverse cursor walk reads newest first.
func indexKey(seq uint64, parts ...string) []byte {
	var k []byte
	for _, p := range parts {
		k = append(k, p...)
		k = append(k, sep)
	}
	return append(k, seqKey(seq)...)
}

func indexPrefix(parts ...string) []byte {
	var k []byte
	for _, p := range parts {
		k = append(k, p...)
		k = append(k, sep)
	}
	return k
}

// indexSeq reads the seq at the end of an index key.
func indexSeq(k []byte) (uint64, bool) {
	if len(k) < 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(k[len(k)-8:]), true
}
