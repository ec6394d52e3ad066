package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/kemenag-ortala/ziwb/model"
)

// Errors the store returns, wrapped with the file, record or field they are
// about. Compare with errors.Is; the screens and the command line turn them
// into messages once.
var (
	ErrLocked      = errors.New("basis data sedang dipakai program ziwb lain")
	ErrDamaged     = errors.New("berkas rusak atau bukan basis data ziwb")
	ErrNotFound    = errors.New("tidak ditemukan")
	ErrExists      = errors.New("sudah ada")
	ErrNewerSchema = errors.New("basis data dibuat oleh ziwb yang lebih baru")
	ErrInvalid     = errors.New("tidak sah")
)

// errUnchanged rolls back a write transaction that found nothing to change,
// so an idle save costs no fsync and leaves the file's bytes as they were.
var errUnchanged = errors.New("store: nothing to change")

// Options tune Open.
type Options struct {
	// Timeout is how long Open waits for another ziwb to let the file go;
	// 0 means one second.
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock and refuses every write.
	ReadOnly bool
	// Now is the clock the store stamps records with; nil means time.Now.
	Now func() time.Time
}

// DB is an open ziwb database. Its methods are safe for concurrent use.
// As gives views of one open database for people with a role; they share
// everything but the role.
type DB struct {
	*core
	role     Role // "" for the owner of the file: everything is allowed
	borrowed bool // made by As: closing it leaves the database open
}

// core is what the views of one open database share.
type core struct {
	bolt *bolt.DB
	path string
	now  func() time.Time
	opts Options
	swap sync.RWMutex // held for writing only while an import puts its copy in place

	mu          sync.Mutex
	instruments map[string]*model.Instrument // parsed stored instruments by hash
	closed      bool
	watchers    map[chan struct{}]bool // told after every commit
	lists       listCache              // the satker lists of the latest commit read
	memos       memos                  // the records the last save read
	people      map[string]Role        // who a team may name (a server's users), by name in lower case; nil: anyone
}

// DefaultPath is where ziwb keeps its database: $ZIWB_DB when set, else
// $XDG_DATA_HOME/ziwb/ziwb.db, else ~/.local/share/ziwb/ziwb.db
// (%LocalAppData%\ziwb\ziwb.db on Windows).
func DefaultPath() (string, error) {
	if p := os.Getenv("ZIWB_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "ziwb", "ziwb.db"), nil
	}
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "ziwb", "ziwb.db"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("lokasi basis data tidak diketahui: %w; beri --db BERKAS atau atur ZIWB_DB", err)
	}
	return filepath.Join(home, ".local", "share", "ziwb", "ziwb.db"), nil
}

// Open opens the database at path, creating it and its folder when the file
// does not exist. An existing file is validated before bbolt touches it: an
// empty, truncated, damaged or foreign file is refused with ErrDamaged and
// left exactly as it was; a file from a newer ziwb with ErrNewerSchema; a
// file another ziwb holds with ErrLocked after opts.Timeout. An older file
// is copied next to itself and then migrated in one transaction.
func Open(path string, opts Options) (*DB, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && opts.ReadOnly:
		return nil, fmt.Errorf("basis data %s %w", path, ErrNotFound)
	case errors.Is(err, fs.ErrNotExist):
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("buka basis data %s: %w", path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("buka basis data %s: ini folder, bukan berkas", path)
	case fi.Size() == 0:
		return nil, fmt.Errorf("%s: %w: berkas kosong (0 bita); ziwb tidak menimpanya — hapus atau pindahkan berkas itu bila memang tidak dipakai", path, ErrDamaged)
	}
	if err := validateFile(path); err != nil {
		return nil, err
	}
	bdb, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	db := &DB{core: &core{bolt: bdb, path: path, now: opts.Now, opts: opts, instruments: map[string]*model.Instrument{}}}
	version, err := db.schemaVersion()
	if err == nil {
		switch {
		case version > schemaVersion:
			err = fmt.Errorf("%s: %w (skema %d; versi ini hanya mengenal sampai skema %d) — perbarui ziwb; berkas tidak diubah",
				path, ErrNewerSchema, version, schemaVersion)
		case version < schemaVersion && opts.ReadOnly:
			err = fmt.Errorf("%s memakai skema lama %d dan perlu dimigrasi; buka sekali tanpa mode baca-saja", path, version)
		case version < schemaVersion:
			err = db.migrate(version)
		}
	}
	if err != nil {
		bdb.Close()
		return nil, err
	}
	return db, nil
}

// openBolt opens a validated file, turning bbolt's errors and panics into
// ours.
func openBolt(path string, opts Options) (bdb *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			bdb, err = nil, fmt.Errorf("%s: %w: %s", path, ErrDamaged, boltDetail(r))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	bdb, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
	switch {
	case err == nil:
		return bdb, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("%s: %w: kunci berkas tidak didapat dalam %s; tutup ziwb lain yang membuka berkas ini, lalu coba lagi",
			path, ErrLocked, opts.Timeout)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, fmt.Errorf("%s: %w: %v", path, ErrDamaged, err)
	}
	return nil, fmt.Errorf("buka basis data %s: %w", path, err)
}

// create makes a new database as a temporary file, initialised and synced,
// then links it into place, so an existing 0-byte file is never taken for a
// new database and a crash leaves either nothing or a whole file.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("buat folder basis data %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".baru-*")
	if err != nil {
		return fmt.Errorf("buat basis data %s: %w", path, err)
	}
	name := tmp.Name()
	tmp.Close()
	os.Remove(name) // bbolt must create it: it initialises only empty files it opens
	defer os.Remove(name)
	bdb, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("buat basis data %s: %w", path, err)
	}
	err = bdb.Update(initSchema)
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(name)
	}
	if err != nil {
		return fmt.Errorf("buat basis data %s: %w", path, err)
	}
	return publish(name, path, false)
}

// publish moves a finished temporary file to path and syncs the folder.
// With replace false an existing path wins (another ziwb created it first).
func publish(tmp, path string, replace bool) error {
	if !replace {
		err := os.Link(tmp, path)
		switch {
		case err == nil:
			os.Remove(tmp)
			return syncDir(filepath.Dir(path))
		case errors.Is(err, fs.ErrExist):
			return nil
		}
		if _, serr := os.Stat(path); serr == nil {
			return nil
		}
		// No hard links on this file system: fall back to rename.
	}
	if err := os.Rename(tmp, path); err != nil {
		if inUse(err) {
			return fmt.Errorf("%s sedang dibuka program lain (Excel?) atau tidak boleh ditimpa; tutup berkas itu, lalu coba lagi: %w", path, err)
		}
		return fmt.Errorf("pindahkan %s ke %s: %w", tmp, path, err)
	}
	return syncDir(filepath.Dir(path))
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename durable; folders cannot be synced on Windows.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Path is the file the database lives in.
func (db *DB) Path() string { return db.path }

// Close closes the file; calling it again does nothing, and neither does
// closing a view made by As.
func (db *DB) Close() error {
	if db.borrowed {
		return nil
	}
	db.mu.Lock()
	if db.closed {
		db.mu.Unlock()
		return nil
	}
	db.closed = true
	db.mu.Unlock()
	db.swap.Lock()
	defer db.swap.Unlock()
	return db.bolt.Close()
}

// view runs a read transaction; a damaged page that makes bbolt panic or
// fault comes back as ErrDamaged instead of taking the program down.
func (db *DB) view(fn func(tx *bolt.Tx) error) (err error) {
	defer db.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db.swap.RLock()
	defer db.swap.RUnlock()
	return db.bolt.View(fn)
}

// viewed is view for a read that makes one value.
func viewed[T any](db *DB, fn func(t txn) (T, error)) (T, error) {
	var out T
	err := db.read(func(t txn) error {
		var err error
		out, err = fn(t)
		return err
	})
	return out, err
}

// read is view with the transaction's typed reads.
func (db *DB) read(fn func(t txn) error) error {
	return db.view(func(tx *bolt.Tx) error { return fn(txn{db: db, tx: tx}) })
}

// write is update with the transaction's typed reads and writes.
func (db *DB) write(fn func(t txn) error) error {
	return db.update(func(tx *bolt.Tx) error { return fn(txn{db: db, tx: tx}) })
}

// update runs one write transaction and returns after its commit (fsync).
// fn returning errUnchanged rolls back and reports success. A viewer's
// view writes nothing.
func (db *DB) update(fn func(tx *bolt.Tx) error) (err error) {
	if err := db.may(RoleEvaluator, "mengubah data"); err != nil {
		return err
	}
	defer db.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db.swap.RLock()
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return txn{db: db, tx: tx}.foldIfFull()
	})
	db.swap.RUnlock()
	if err == nil {
		db.changed()
	}
	if errors.Is(err, errUnchanged) {
		return nil
	}
	if errors.Is(err, bolterrors.ErrDatabaseReadOnly) || errors.Is(err, bolterrors.ErrTxNotWritable) {
		return fmt.Errorf("%s dibuka baca-saja: %w", db.path, err)
	}
	return err
}

func (db *DB) recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: %s", db.path, ErrDamaged, boltDetail(r))
	}
}

// stamp is the store's clock, in UTC without a monotonic reading, so a
// record compares equal to itself after a round trip through the file.
func (db *DB) stamp() time.Time { return db.now().UTC().Round(0) }
