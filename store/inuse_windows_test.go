package store

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/windows"
)

// Replacing a file another program holds open (Excel showing the last
// export) fails; the message says so instead of "Access is denied" about
// a temporary file.
func TestWriteAtomicOverFileHeldOpen(t *testing.T) {
	for _, errno := range []syscall.Errno{windows.ERROR_SHARING_VIOLATION, windows.ERROR_ACCESS_DENIED} {
		if !inUse(&os.LinkError{Op: "rename", Err: errno}) {
			t.Errorf("%v not taken for a file in use", errno)
		}
	}
	path := filepath.Join(t.TempDir(), "lke.csv")
	if err := os.WriteFile(path, []byte("lama"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Open it as Excel does: others may read, not write or delete.
	p, _ := syscall.UTF16PtrFromString(path)
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.CloseHandle(h)
	err = WriteAtomic(path, func(w io.Writer) error { _, err := w.Write([]byte("baru")); return err })
	if err == nil || !strings.Contains(err.Error(), "sedang dibuka program lain") {
		t.Fatalf("WriteAtomic over a held file: %v", err)
	}
	if m, _ := filepath.Glob(path + ".tmp-*"); len(m) != 0 {
		t.Errorf("left behind: %v", m)
	}
}
