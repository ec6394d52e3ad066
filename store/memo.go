package store

import (
	"bytes"
	"slices"
	"sync"

	"github.com/kemenag-ortala/ziwb/model"
)

// A save reads the evaluation, its satker and its values, and the next
// save reads them again: decoding them costs more CPU than the rest of
// the save's own work. Each memo keeps the last record read or written
// with the bytes it was decoded from, and serves it again only while the
// file holds those very bytes, so a rolled-back write or another writer's
// change is never served.
type memo[T any] struct {
	mu  sync.Mutex
	key string // what else v depends on: the record's id, or the instrument values are placed by
	raw []byte
	v   T
}

// get is the value decoded from raw, when it is the one kept, made by
// copy from the kept one while no one else can take it.
func (m *memo[T]) get(key string, raw []byte, copy func(T) T) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.holds(key, raw) {
		var zero T
		return zero, false
	}
	return copy(m.v), true
}

// take is get for a caller that will change the value: the memo lets go
// of it instead of copying it.
func (m *memo[T]) take(key string, raw []byte) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var zero T
	if !m.holds(key, raw) {
		return zero, false
	}
	v := m.v
	m.raw, m.v = nil, zero
	return v, true
}

func (m *memo[T]) holds(key string, raw []byte) bool {
	return raw != nil && key == m.key && bytes.Equal(m.raw, raw)
}

// keep remembers v as what raw decodes to; the memo owns raw from now on.
func (m *memo[T]) keep(key string, raw []byte, v T) {
	m.mu.Lock()
	m.key, m.raw, m.v = key, raw, v
	m.mu.Unlock()
}

// memos are the records a save reads. What they hold is never handed
// out: callers get copies they may change.
type memos struct {
	satker memo[satkerRec]
	eval   memo[evalRec]
	values memo[[]model.Value] // by position in the instrument's questions

	scoring model.Rescorer // the room of the last save's scorecard, for the next
}

// asIs copies a value that holds no references.
func asIs[T any](v T) T { return v }

func (r evalRec) clone() evalRec {
	r.Evaluators, r.Team = slices.Clone(r.Evaluators), slices.Clone(r.Team)
	return r
}

func (t txn) satker(id string) (satkerRec, error) {
	raw := t.bucket(bucketSatkers).Get([]byte(id))
	if r, ok := t.db.memos.satker.get(id, raw, asIs); ok {
		return r, nil
	}
	r, err := must[satkerRec](t, bucketSatkers, "satker", id)
	if err == nil {
		t.db.memos.satker.keep(id, bytes.Clone(raw), r)
	}
	return r, err
}

func (t txn) evaluation(id string) (evalRec, error) {
	raw := t.bucket(bucketEvaluations).Get([]byte(id))
	if r, ok := t.db.memos.eval.get(id, raw, evalRec.clone); ok {
		return r, nil
	}
	r, err := must[evalRec](t, bucketEvaluations, "evaluasi", id)
	if err == nil {
		t.db.memos.eval.keep(id, bytes.Clone(raw), r.clone())
	}
	return r, err
}
