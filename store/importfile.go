package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// session is an import's copy of the database, written in a series of
// transactions and then published in place of the file, or discarded.
type session struct {
	db     *DB // the target
	copy   *DB // the copy; its messages name the target
	tmp    string
	tx     *bolt.Tx
	t      txn
	puts   int   // records written in the open transaction
	failed error // the first write error; then nothing more is written

	bundleInst map[string]int // instrument hashes the bundle lists → line
}

// importBatch is how many records one transaction of an import writes:
// enough that commits are a small part of the time, few enough that a
// transaction's pages stay a few megabytes.
const importBatch = 10000

// beginImport copies the database next to itself and opens the copy.
func (db *DB) beginImport() (*session, error) {
	if db.bolt.IsReadOnly() {
		return nil, fmt.Errorf("%s dibuka baca-saja: impor ditolak", db.path)
	}
	f, err := os.CreateTemp(filepath.Dir(db.path), filepath.Base(db.path)+".impor-*")
	if err != nil {
		return nil, fmt.Errorf("impor ke %s: salinan kerja tidak bisa dibuat: %w", db.path, err)
	}
	s := &session{db: db, tmp: f.Name(), bundleInst: map[string]int{}}
	err = db.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		var b *bolt.DB
		if b, err = bolt.Open(s.tmp, 0o600, &bolt.Options{Timeout: db.opts.Timeout}); err == nil {
			s.copy = &DB{core: &core{bolt: b, path: db.path, now: db.now, opts: db.opts, instruments: map[string]*model.Instrument{}}}
			err = s.begin()
		}
	}
	if err != nil {
		s.discard()
		return nil, fmt.Errorf("impor ke %s: salinan kerja: %w", db.path, err)
	}
	return s, nil
}

func (s *session) begin() error {
	tx, err := s.copy.bolt.Begin(true)
	if err != nil {
		return err
	}
	t, err := txn{db: s.copy, tx: tx}.bulk()
	if err != nil {
		tx.Rollback()
		return err
	}
	s.tx, s.t, s.puts = tx, t, 0
	return nil
}

// write runs one write unless an earlier one failed, and counts it.
func (s *session) write(fn func() error) {
	if s.failed != nil {
		return
	}
	if err := s.guard(fn); err != nil {
		s.failed = err
		return
	}
	s.tick(1)
}

// guard turns a panic of bbolt on a damaged page into an error.
func (s *session) guard(fn func() error) (err error) {
	defer s.copy.recoverDamage(&err)
	return fn()
}

// tick counts n records written and commits when the batch is full.
func (s *session) tick(n int) {
	if s.puts += n; s.puts < importBatch || s.failed != nil {
		return
	}
	err := s.tx.Commit()
	s.tx = nil
	if err == nil {
		err = s.remap()
	}
	if err == nil {
		err = s.begin()
	}
	s.failed = err
}

// remap closes and opens the copy again: the pages a batch read stay
// mapped into the process until the file is unmapped, and an import of a
// large bundle would otherwise hold most of the file in memory.
func (s *session) remap() error {
	if err := s.copy.bolt.Close(); err != nil {
		return err
	}
	b, err := bolt.Open(s.tmp, 0o600, &bolt.Options{Timeout: s.db.opts.Timeout})
	s.copy.bolt = b
	return err
}

// publish commits the last batch and puts the copy in place of the file.
func (s *session) publish() error {
	if s.failed != nil {
		s.discard()
		return s.failed
	}
	err := s.tx.Commit()
	s.tx = nil
	if cerr := s.copy.bolt.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.discard()
		return fmt.Errorf("impor ke %s gagal, berkas tidak diubah: %w", s.db.path, err)
	}
	return s.db.replaceWith(s.tmp)
}

// discard drops the copy; the file is as it was.
func (s *session) discard() {
	if s.tx != nil {
		s.tx.Rollback()
		s.tx = nil
	}
	if s.copy != nil && s.copy.bolt != nil {
		s.copy.bolt.Close()
	}
	os.Remove(s.tmp)
}

// replaceWith puts a finished copy in place of the database file and
// opens it, while no transaction of this DB runs. Should the reopening
// fail, the DB is closed and says so.
func (db *DB) replaceWith(tmp string) error {
	db.swap.Lock()
	defer db.swap.Unlock()
	if err := db.bolt.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("impor ke %s gagal, berkas tidak diubah: %w", db.path, err)
	}
	err := publish(tmp, db.path, true)
	b, oerr := openBolt(db.path, db.opts)
	if oerr != nil {
		db.mu.Lock()
		db.closed = true
		db.mu.Unlock()
		return errors.Join(err, fmt.Errorf("impor ke %s: berkas tidak bisa dibuka lagi: %w", db.path, oerr))
	}
	db.bolt = b
	db.lists.forget()
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("impor ke %s gagal, berkas tidak diubah: %w", db.path, err)
	}
	db.changed()
	return nil
}
