// Package store keeps ziwb's data — satkers, evaluations, answers with their
// notes and evidence, the instruments they were made with, and the history
// of every change — in one bbolt file behind a small typed API.
//
// What it promises: every method that changes something is one committed
// bbolt transaction with the default fsync, and returns only after the
// commit; what a screen shows as saved is on disk. A file another ziwb holds,
// a damaged or foreign file and a file from a newer ziwb are refused with a
// clear error (ErrLocked, ErrDamaged, ErrNewerSchema) and never written to.
//
// What it must never do: leak bbolt types to callers, turn off fsync, batch
// interactive saves, or write to a file it could not validate. Its encodings
// are private: JSON records for what is canonical, compact binary records for
// what is derived (per-evaluation values and per-satker summaries, rebuilt
// from the canonical records by migration and checked by Check).
package store
