package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// writeXLSX writes the dashboard table as an .xlsx workbook to -o,
// atomically; its rows are streamed into the workbook, so thousands of
// satkers stay in bounded memory.
func (o *compareOpts) writeXLSX(cmd *cobra.Command, db *store.DB) error {
	if err := local(cmd, o.output); err != nil {
		return err
	}
	d, rows, err := o.dashboardRows(db)
	if err != nil {
		return err
	}
	groups := model.GroupRows(rows, model.GroupBy(o.group))
	if err := store.WriteAtomic(o.output, func(w io.Writer) error {
		return lke.WriteDashboard(w, d, groups, model.TallyRows(rows), o.group != "")
	}); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Tabel %d satker ditulis ke %s (xlsx)\n", len(rows), o.output)
	return nil
}
