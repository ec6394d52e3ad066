//go:build unix

package store

import (
	"golang.org/x/sys/unix"
)

// shed drops the pages of the file a long read has touched from the
// process, keeping them in the page cache: bbolt reads through a
// read-only shared mapping and writes with pwrite, so the mapping holds
// nothing the file does not, and a page touched again is mapped again.
// It must run inside a transaction, which keeps bbolt from remapping.
// Without it a whole-database export or import shows the whole file in
// its resident memory.
func (t txn) shed() {
	info := t.db.bolt.Info()
	if info.Data == 0 {
		return
	}
	unix.Syscall(unix.SYS_MADVISE, info.Data, uintptr(t.tx.Size()), unix.MADV_DONTNEED)
}
