package main

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui"
)

// dbPath is the database a command works on: --db, else the default. An
// empty --db is a mistake, not a request for the default.
func dbPath(cmd *cobra.Command) (string, error) {
	if remoteOf(cmd) != nil {
		return "", usageError{err: errors.New("di server ziwb, --db dan berkas basis data lain tidak dipakai: perintah bekerja pada basis data server")}
	}
	if p, _ := cmd.Flags().GetString("db"); p != "" {
		return p, nil
	}
	if cmd.Flags().Changed("db") {
		return "", usageError{err: errors.New("--db kosong; beri nama berkas, atau hilangkan --db untuk memakai basis data bawaan")}
	}
	return store.DefaultPath()
}

// openDB opens the command's database for writing, creating it when it
// does not exist: only the workbench, demo and import do.
func openDB(cmd *cobra.Command) (*store.DB, error) {
	return commandDB(cmd, func(path string) (*store.DB, error) {
		return store.Open(path, store.Options{})
	})
}

// readDB opens the command's database for reading only: a command that
// only reads never creates a file, and says so when there is none.
func readDB(cmd *cobra.Command) (*store.DB, error) {
	return commandDB(cmd, func(path string) (*store.DB, error) {
		db, err := store.Open(path, store.Options{ReadOnly: true})
		if errors.Is(err, store.ErrNotFound) {
			return nil, noDatabase(path)
		}
		return db, err
	})
}

// writeDB opens the command's database for writing, never creating it: a
// command that changes an evaluation has nothing to change in a new file.
func writeDB(cmd *cobra.Command) (*store.DB, error) {
	return commandDB(cmd, func(path string) (*store.DB, error) {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, noDatabase(path)
		}
		return store.Open(path, store.Options{})
	})
}

// withDB runs fn with the command's database, opened with open (openDB,
// readDB or writeDB), and closes it when fn returns.
func withDB(cmd *cobra.Command, open func(*cobra.Command) (*store.DB, error), fn func(*store.DB) error) error {
	db, err := open(cmd)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// withNewDB is withDB with openDB for a command that may create the
// database (import): when it did, and fn fails, the new empty file is
// removed again, so a refused import leaves nothing behind.
func withNewDB(cmd *cobra.Command, fn func(*store.DB) error) error {
	path, fresh := "", false
	if remoteOf(cmd) == nil {
		if p, err := dbPath(cmd); err == nil {
			_, err := os.Stat(p)
			path, fresh = p, errors.Is(err, os.ErrNotExist)
		}
	}
	err := withDB(cmd, openDB, fn)
	if err != nil && fresh {
		os.Remove(path)
	}
	return err
}

// commandDB is the database of a command run over ziwb serve, or else the
// file of --db (or the default) opened with open.
func commandDB(cmd *cobra.Command, open func(path string) (*store.DB, error)) (*store.DB, error) {
	if r := remoteOf(cmd); r != nil {
		return r.database(cmd)
	}
	path, err := dbPath(cmd)
	if err != nil {
		return nil, err
	}
	return open(path)
}

// noDatabase says that the file is not there, and how to get one.
func noDatabase(path string) error {
	return fmt.Errorf("basis data %s tidak ada; buat dengan ziwb demo atau ziwb import, buka meja kerja dengan ziwb, atau pilih berkas lain dengan --db", path)
}

// currentUser is who the history records as the author of a change: on a
// server, the person; else $ZIWB_USER, else the account name.
func currentUser(cmd *cobra.Command) string {
	if r := remoteOf(cmd); r != nil {
		return r.user
	}
	if u := os.Getenv("ZIWB_USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return accountName(u.Username)
	}
	return "evaluator"
}

// accountName is the account's name as a team writes it: Windows reports
// DOMAIN\name (LAPTOP-7QK2\budi), which no team lists, so every review
// level would refuse the person on their own laptop.
func accountName(username string) string {
	if i := strings.LastIndex(username, `\`); i >= 0 && i < len(username)-1 {
		return username[i+1:]
	}
	return username
}

func runWorkbench(cmd *cobra.Command, _ []string) error {
	if err := tui.CheckTerminal(); err != nil {
		fmt.Fprintln(cmd.ErrOrStderr(), "ziwb:", err)
		return exitError{2}
	}
	return withDB(cmd, openDB, func(db *store.DB) error { return tui.Run(db, currentUser(cmd)) })
}
