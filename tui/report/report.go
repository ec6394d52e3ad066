// Package report writes what the commands print — the comparison table,
// the PMPZI–TPI gap, the recommendations, the scorecard, the Laporan
// Hasil Evaluasi — as Markdown for the evaluation report, HTML to print,
// CSV for spreadsheets and JSON for programs. The commands read the store
// and parse flags; this package writes, except LoadLHE, which reads one
// evaluation's report for the command line and the workbench alike. It
// draws nothing on a terminal.
package report

import (
	"encoding/json"
	"io"
	"strings"
)

// Query is what the reader asked for: the round, the filters and the
// grouping, which the report names in its heading.
type Query struct {
	Year                                               int
	Stage, Region, Kind, Target, Result, Search, Group string
	Status                                             string // statuses asked for, comma-separated
	All                                                bool   // the gap: also the questions answered alike
}

// report is a table a report writes in every format.
type report interface {
	markdown() []byte
	csv() ([]byte, error)
	json() ([]byte, error)
}

// render writes a report in a format the flags have already checked.
func render(format string, r report) ([]byte, error) {
	switch format {
	case "csv":
		return r.csv()
	case "json":
		return r.json()
	}
	return r.markdown(), nil
}

func mdCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// WriteJSON writes v indented, as every JSON of the commands is.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
