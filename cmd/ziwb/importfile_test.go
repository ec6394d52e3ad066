package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A folder given where a file is expected is named as a folder, not read
// as an empty bundle; a worksheet or answers file that is not there is
// called a file, not a bundle.
func TestImportNamesTheFileItCannotRead(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "z.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", dir}, "ini folder, bukan berkas"},
		{[]string{"import", "--lke", filepath.Join(dir, "tidak-ada.xlsx"), "--satker", "x"}, "baca lembar kerja: buka"},
		{[]string{"import", "--answers", filepath.Join(dir, "tidak-ada.csv"), "--satker", "x"}, "baca berkas jawaban: buka"},
	} {
		_, errOut, code := ziwb(t, append(c.args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, c.want) || (c.args[1] != dir && strings.Contains(errOut, "bundel")) {
			t.Errorf("%v: exit %d, %q; want 1 and %q", c.args, code, errOut, c.want)
		}
	}
}

// A file on a read-only file system (a write-protected flash disk, a
// read-only mount) is said in Indonesian, as a missing permission is.
func TestReadOnlyFileSystemMessage(t *testing.T) {
	err := fmt.Errorf("tulis hasil.md: %w", &fs.PathError{Op: "open", Path: "hasil.md.tmp-1", Err: syscall.EROFS})
	got := message(err)
	if want := "tulis hasil.md: buka hasil.md.tmp-1: sistem berkas hanya bisa dibaca"; got != want {
		t.Errorf("message = %q; want %q", got, want)
	}
}

// An import refused into a database that was not there leaves no new,
// empty database behind: the message says nothing was written, and
// nothing was.
func TestRefusedImportCreatesNoDatabase(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, "rusak.json", `{"format":"ziwb-bundle","version":1,"satkers":[`)
	answers := writeFile(t, "jawaban.csv", "id,jawaban\nmp.pemenuhan.1,Y\n")
	for _, args := range [][]string{
		{"import", bad},
		{"import", "--answers", answers, "--satker", "tidak-ada"},
	} {
		db := filepath.Join(dir, "baru.db")
		_, errOut, code := ziwb(t, append(args, "--db", db)...)
		if code != 1 {
			t.Errorf("%v: exit %d, %q; want 1", args, code, errOut)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("%v: refused, yet %s was created (%v)", args, db, err)
			os.Remove(db)
		}
	}
}
