package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
)

// writeResult writes a command's result to standard output, or to the
// file -o names (atomically, and not on a server), and then says on
// standard error "what ditulis ke FILE".
func writeResult(cmd *cobra.Command, output string, data []byte, what string) error {
	if output == "" || output == "-" {
		_, err := cmd.OutOrStdout().Write(data)
		return err
	}
	if err := local(cmd, output); err != nil {
		return err
	}
	if err := store.WriteAtomic(output, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "%s ditulis ke %s\n", what, output)
	return nil
}

// fileFormats are the endings of the formats ziwb writes somewhere, and
// of the ones people ask for that it does not (PDF, Word, older Excel).
var fileFormats = map[string]string{
	".md": "md", ".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".html": "html", ".htm": "html",
	".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".xls": "xls", ".ods": "ods",
}

// formatFromName sets a command's format from the name -o gives when
// --format is not given, so tabel.xlsx never holds Markdown: an ending of
// one of the formats the command writes picks it, an ending of another
// known format is a usage error, and any other name keeps the default.
func formatFromName(cmd *cobra.Command, output string, format *string, writes ...string) error {
	if cmd.Flags().Changed("format") {
		return nil
	}
	f, known := fileFormats[strings.ToLower(filepath.Ext(output))]
	switch {
	case !known:
		return nil
	case slices.Contains(writes, f):
		*format = f
		return nil
	}
	return flagError("-o %s: perintah ini tidak menulis %s; yang ada: %s (pilih dengan --format, atau akhiran berkas yang sesuai)",
		output, f, strings.Join(writes, ", "))
}
