//go:build !unix

package store

// shed does nothing where there is no madvise: see shed_unix.go.
func (t txn) shed() {}
