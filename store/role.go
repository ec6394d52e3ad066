package store

import (
	"errors"
	"fmt"
)

// Role is what a person may do with the data; the store enforces it where
// it writes, whatever the screen shows.
type Role string

const (
	RoleAdmin     Role = "admin"     // everything: also satkers, import, backup
	RoleEvaluator Role = "evaluator" // answers, evaluations, recommendations
	RoleViewer    Role = "viewer"    // reads only
)

// Roles in the order of what they may do, the least first.
var Roles = []Role{RoleViewer, RoleEvaluator, RoleAdmin}

// ErrForbidden is a write the role of the view does not allow.
var ErrForbidden = errors.New("tidak diizinkan")

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return len(Roles) // "": the owner of the file
}

// As is a view of the database for someone with role: the same open file,
// with writes the role does not allow refused (ErrForbidden).
func (db *DB) As(role Role) *DB { return &DB{core: db.core, role: role, borrowed: true} }

// Role is the role of this view; "" for the owner of the file.
func (db *DB) Role() Role { return db.role }

// may refuses an action (what, in Indonesian) below the role least.
func (db *DB) may(least Role, what string) error {
	if db.role.rank() >= least.rank() {
		return nil
	}
	return fmt.Errorf("%w: peran %s tidak boleh %s (perlu peran %s)", ErrForbidden, db.role, what, least)
}

// Watch returns a channel told (at most one pending signal) after every
// commit of any view of this database, and a function to stop.
func (db *DB) Watch() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	db.mu.Lock()
	if db.watchers == nil {
		db.watchers = map[chan struct{}]bool{}
	}
	db.watchers[ch] = true
	db.mu.Unlock()
	return ch, func() {
		db.mu.Lock()
		delete(db.watchers, ch)
		db.mu.Unlock()
	}
}

// changed tells every watcher, without waiting for any.
func (db *DB) changed() {
	db.mu.Lock()
	defer db.mu.Unlock()
	for ch := range db.watchers {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}
