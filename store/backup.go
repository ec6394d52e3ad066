package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database to path while it stays in
// use: a read transaction's view, written to a temporary file next to path,
// synced, then renamed over path.
func (db *DB) Backup(path string) error {
	if err := db.may(RoleAdmin, "membuat cadangan"); err != nil {
		return err
	}
	if same(path, db.path) {
		return fmt.Errorf("cadangan %s: itu berkas basis data sendiri; pilih nama lain", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	return WriteAtomic(path, db.BackupTo)
}

// BackupTo writes a consistent copy of the database to w (standard output,
// an SSH session): one read transaction's view, the bytes of a database
// file. Admins only, as Backup.
func (db *DB) BackupTo(w io.Writer) error {
	if err := db.may(RoleAdmin, "membuat cadangan"); err != nil {
		return err
	}
	return db.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// WriteAtomic writes a file through a synced temporary file and a rename,
// so path holds either its old content or all of the new, and a failure
// leaves nothing behind. An error of write comes back as it is; one of the
// file names it. A device or a pipe (/dev/null, a FIFO) is written into as
// it is: renaming over it would put a file in its place.
func WriteAtomic(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("tulis %s: %w", path, err)
		}
		err = write(f)
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("tulis %s: %w", path, cerr)
		}
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("tulis %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("tulis %s: %w", path, err)
	}
	return publish(f.Name(), path, true)
}

func same(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}

// Snapshot copies the database file at src to dst without opening it, for
// when another ziwb holds it. bbolt never overwrites the pages of its latest
// commit until the next commit is written, so a copy taken while the latest
// transaction id stays the same is consistent; the copy is then opened and
// checked before it replaces dst. It retries while commits keep coming.
func Snapshot(src, dst string) error {
	if same(src, dst) {
		return fmt.Errorf("cadangan %s: itu berkas basis data sendiri; pilih nama lain", dst)
	}
	if err := validateFile(src); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("cadangan %s: %w", dst, err)
	}
	var lastErr error
	for attempt := 0; attempt < 50; attempt++ {
		err := WriteAtomic(dst, func(w io.Writer) error {
			f, ok := w.(*os.File)
			if !ok {
				return fmt.Errorf("snapshot needs a file")
			}
			return snapshotOnce(src, f)
		})
		if err == nil {
			return nil
		}
		lastErr = err
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return fmt.Errorf("cadangan %s: basis data terus berubah selama disalin: %w", src, lastErr)
}

func snapshotOnce(src string, out *os.File) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	metaNow := func() (meta, error) {
		fi, err := in.Stat()
		if err != nil {
			return meta{}, err
		}
		m, why := readMeta(in, fi.Size())
		if why != "" {
			return m, fmt.Errorf("%s: %w: %s", src, ErrDamaged, why)
		}
		return m, nil
	}
	before, err := metaNow()
	if err != nil {
		return err
	}
	size := int64(before.hwm) * int64(before.pageSize)
	if _, err := io.Copy(out, io.NewSectionReader(in, 0, size)); err != nil {
		return err
	}
	after, err := metaNow()
	if err != nil {
		return err
	}
	if after.txid != before.txid {
		return fmt.Errorf("berubah selama disalin (transaksi %d → %d)", before.txid, after.txid)
	}
	if err := out.Sync(); err != nil {
		return err
	}
	// The copy must open on the same commit and pass bbolt's check.
	if m, why := readMeta(out, size); why != "" || m.txid != before.txid {
		return fmt.Errorf("salinan tidak utuh")
	}
	if err := validateFile(out.Name()); err != nil {
		return err
	}
	return checkCopy(out.Name())
}

// checkCopy opens a copy read-only and runs bbolt's consistency check.
func checkCopy(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("salinan rusak: %s", boltDetail(r))
		}
	}()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer bdb.Close()
	return bdb.View(func(tx *bolt.Tx) error {
		var first error
		for cerr := range tx.Check() { // drain: the checker reads the tx until it closes the channel
			if first == nil {
				first = fmt.Errorf("salinan tidak konsisten: %s", boltDetail(cerr))
			}
		}
		return first
	})
}
