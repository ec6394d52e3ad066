package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// isCSV tells a CSV answers file from a JSON one: by its name, else by
// its content (a JSON answers file opens with "{").
func isCSV(file string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".csv":
		return true
	case ".json":
		return false
	}
	t := bytes.TrimSpace(model.UTF8(data))
	return len(t) > 0 && t[0] != '{'
}

// importSheet imports a CSV answers file or a filled LKE worksheet: read
// and checked against the instrument of the evaluation it goes into, then
// saved as an answers file is (lke.Import). Rows that match no question
// refuse the file unless skip is set; they are then listed and left out.
func importSheet(cmd *cobra.Command, db *store.DB, file string, data []byte,
	read func(string, []byte, *model.Instrument) (lke.File, error), satker string, st model.Stage, year int, skip bool) error {
	in, err := lke.Target(db, satker, st, year)
	if err != nil {
		return err
	}
	f, err := read(file, data, in)
	if err != nil && skip && len(f.Invalid) == 0 && len(f.Skipped) > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "%d baris dilewati (--skip-unmatched):\n", len(f.Skipped))
		for _, e := range f.Skipped {
			fmt.Fprintln(cmd.ErrOrStderr(), "  "+e.Error())
		}
		err = nil
	}
	var res lke.Result
	if err == nil {
		res, err = lke.Import(db, f, satker, st, year, currentUser(cmd))
	}
	if err != nil {
		if len(f.Invalid) == 0 && len(f.Skipped) > 0 && !skip {
			defer fmt.Fprintln(cmd.ErrOrStderr(), "Baris yang tidak cocok dengan pertanyaan mana pun dapat dilewati dengan --skip-unmatched.")
		}
		return printImportErrors(cmd.ErrOrStderr(), db.Path(), err)
	}
	out := cmd.OutOrStdout()
	if res.ImportStats.Changed() || res.Notes == 0 {
		printImportStats(out, file, db.Path(), res.ImportStats)
	} else {
		fmt.Fprintf(out, "%s diimpor ke %s:\n", file, db.Path())
	}
	if res.Notes > 0 {
		fmt.Fprintf(out, "  %-10s %d diperbarui\n", "catatan", res.Notes)
	}
	return nil
}
