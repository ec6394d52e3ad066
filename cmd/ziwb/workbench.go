package main

import (
	"fmt"
	"os"
	"os/user"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui"
)

// dbPath is the database a command works on: --db, else the default.
func dbPath(cmd *cobra.Command) (string, error) {
	if p, _ := cmd.Flags().GetString("db"); p != "" {
		return p, nil
	}
	return store.DefaultPath()
}

// openDB opens the command's database for writing.
func openDB(cmd *cobra.Command) (*store.DB, error) {
	path, err := dbPath(cmd)
	if err != nil {
		return nil, err
	}
	return store.Open(path, store.Options{})
}

// currentUser is who the history records as the author of a change:
// $ZIWB_USER, else the account name.
func currentUser() string {
	if u := os.Getenv("ZIWB_USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "evaluator"
}

func runWorkbench(cmd *cobra.Command, _ []string) error {
	if err := tui.CheckTerminal(); err != nil {
		fmt.Fprintln(cmd.ErrOrStderr(), "ziwb:", err)
		return exitError{2}
	}
	db, err := openDB(cmd)
	if err != nil {
		return err
	}
	defer db.Close()
	return tui.Run(db, currentUser())
}
