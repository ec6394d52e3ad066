package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/kemenag-ortala/ziwb/tui/report"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
)

func newInstrumentCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "instrument",
		Short: "Daftar, tampilkan dan periksa instrumen (LKE)",
	}
	cmd.AddCommand(newInstrumentListCmd(), newInstrumentShowCmd(), newInstrumentValidateCmd())
	return cmd
}

func newInstrumentListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Daftar instrumen bawaan",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			list := model.Builtins()
			if asJSON {
				type item struct {
					ID        string `json:"id"`
					Title     string `json:"title"`
					Source    string `json:"source"`
					Questions int    `json:"questions"`
					Hash      string `json:"hash"`
					Default   bool   `json:"default"`
				}
				items := make([]item, len(list))
				for i, in := range list {
					items[i] = item{in.ID, in.Title, in.Source, len(in.Questions()), in.Hash, in.ID == model.DefaultInstrument}
				}
				return report.WriteJSON(cmd.OutOrStdout(), items)
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tJUDUL\tSUMBER\tPERTANYAAN")
			for _, in := range list {
				id := in.ID
				if id == model.DefaultInstrument {
					id += " *"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%d\n", id, in.Title, in.Source, len(in.Questions()))
			}
			if _, ok := model.Builtin(model.DefaultInstrument); ok {
				fmt.Fprintln(w, "\n* bawaan untuk evaluasi baru")
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "tulis sebagai JSON")
	return cmd
}

func newInstrumentShowCmd() *cobra.Command {
	var asYAML bool
	cmd := &cobra.Command{
		Use:   "show [ID|BERKAS]",
		Short: "Tampilkan pohon komponen dengan bobot dan jumlah pertanyaan",
		Long: `Tampilkan pohon komponen instrumen dengan bobot dan jumlah pertanyaannya.
Tanpa argumen: instrumen bawaan terbaru. --yaml menulis instrumen dalam format
berkas, untuk disalin sebagai awal instrumen baru.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ref := model.DefaultInstrument
			if len(args) == 1 {
				ref = args[0]
			}
			in, err := loadInstrument(cmd, ref)
			if err != nil {
				return err
			}
			if asYAML {
				out, err := in.YAML()
				if err != nil {
					return err
				}
				_, err = cmd.OutOrStdout().Write(out)
				return err
			}
			return printTree(cmd.OutOrStdout(), in)
		},
	}
	cmd.Flags().BoolVar(&asYAML, "yaml", false, "tulis dalam format berkas instrumen (YAML)")
	return cmd
}

func newInstrumentValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate BERKAS",
		Short: "Periksa berkas instrumen; semua kesalahan dilaporkan sekaligus",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := parseInstrumentFile(cmd, args[0])
			if err != nil {
				return printFileErrors(cmd.ErrOrStderr(), err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: sah — %s (%s), %d komponen, %d pertanyaan, %d predikat, nilai maksimum %s\n",
				args[0], in.ID, in.Title, len(in.AllNodes()), len(in.Questions()), len(in.Predicates), model.Points(in.Max()))
			return nil
		},
	}
}

// loadInstrument resolves a built-in id or a file path.
func loadInstrument(cmd *cobra.Command, ref string) (*model.Instrument, error) {
	if in, ok := model.Builtin(ref); ok {
		return in, nil
	}
	if err := local(cmd, ref); err != nil {
		return nil, err
	}
	if _, err := os.Stat(ref); err != nil {
		ids := []string{}
		for _, in := range model.Builtins() {
			ids = append(ids, in.ID)
		}
		return nil, fmt.Errorf("instrumen %q tidak ditemukan: bukan instrumen bawaan (%s) dan bukan berkas", ref, strings.Join(ids, ", "))
	}
	return parseInstrumentFile(cmd, ref)
}

func parseInstrumentFile(cmd *cobra.Command, path string) (*model.Instrument, error) {
	if err := local(cmd, path); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baca instrumen: %w", err)
	}
	return model.ParseFile(path, data)
}

// printFileErrors prints every problem of a file and returns exit status 1.
func printFileErrors(w io.Writer, err error) error {
	es, ok := model.AsFileErrors(err)
	if !ok {
		return err
	}
	for _, e := range es {
		fmt.Fprintln(w, e.Error())
	}
	fmt.Fprintf(w, "%d kesalahan\n", len(es))
	return exitError{1}
}

func printTree(out io.Writer, in *model.Instrument) error {
	fmt.Fprintf(out, "%s — %s\n", in.ID, in.Title)
	if in.Source != "" {
		fmt.Fprintf(out, "Sumber: %s\n", in.Source)
	}
	fmt.Fprintf(out, "%d pertanyaan, nilai maksimum %s\n\n", len(in.Questions()), model.Points(in.Max()))
	type row struct{ title, id, weight, count string }
	rows := []row{{"KOMPONEN", "ID", "BOBOT", "PERTANYAAN"}}
	var walk func(n *model.Node, depth int)
	walk = func(n *model.Node, depth int) {
		rows = append(rows, row{strings.Repeat("  ", depth) + n.Title, n.ID, weightText(n.Weight), fmt.Sprint(n.CountQuestions())})
		for _, c := range n.Nodes {
			walk(c, depth+1)
		}
	}
	for _, n := range in.Nodes {
		walk(n, 0)
	}
	// Titles and ids read best left-aligned, numbers right-aligned.
	var wt, wi, ww, wc int
	for _, r := range rows {
		wt, wi = max(wt, runewidth.StringWidth(r.title)), max(wi, len(r.id))
		ww, wc = max(ww, len(r.weight)), max(wc, len(r.count))
	}
	for _, r := range rows {
		fmt.Fprintf(out, "%s  %-*s  %*s  %*s\n", runewidth.FillRight(r.title, wt), wi, r.id, ww, r.weight, wc, r.count)
	}
	if len(in.Predicates) > 0 {
		fmt.Fprintln(out, "\nPredikat (urut naik):")
	}
	for _, p := range in.Predicates {
		req := ""
		if p.Requires != "" {
			req = " — juga semua syarat " + p.Requires
		}
		fmt.Fprintf(out, "  %s  %s%s\n", p.ID, p.Title, req)
		for _, r := range p.Rules {
			fmt.Fprintf(out, "    %s\n", describeRule(in, r))
		}
	}
	return nil
}

func describeRule(in *model.Instrument, r model.Rule) string {
	name := func(id string) string {
		if id == model.TotalNode {
			return "Nilai total"
		}
		if n, ok := in.Node(id); ok {
			return n.Title
		}
		return id
	}
	subject := name(r.Node)
	if r.Each != "" {
		subject = "setiap bagian " + name(r.Each)
	}
	if r.Kind == model.RuleMinRatio {
		return fmt.Sprintf("%s ≥ %s%% dari bobotnya", subject, strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", r.Value*100), "0"), "."))
	}
	return fmt.Sprintf("%s ≥ %s", subject, model.Points(r.Value))
}

// weightText shows a weight with as many decimals as it has (up to three):
// 0,625 must not read as 0,62.
func weightText(w float64) string {
	s := strings.TrimRight(fmt.Sprintf("%.3f", w), "0")
	s = strings.TrimSuffix(s, ".")
	if !strings.Contains(s, ".") {
		s += ".00"
	} else if len(s)-strings.Index(s, ".") == 2 {
		s += "0"
	}
	return model.DecimalComma(s)
}
