package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// Scorecard writes a scorecard as a table for the terminal: every
// component with its score, verdict and what it misses, then each
// predicate with the rules it fails.
func Scorecard(out io.Writer, in *model.Instrument, sc model.Scorecard) error {
	fmt.Fprintf(out, "%s — %s\n", in.ID, in.Title)
	result := sc.Result
	if result == "" {
		result = "belum ada predikat"
	}
	fmt.Fprintf(out, "Nilai total %s dari %s · dijawab %d/%d · hasil: %s · sasaran: %s\n\n",
		model.Points(sc.Total), model.Points(sc.Max), sc.Answered, sc.Questions, result, sc.Target)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "KOMPONEN\tNILAI\tMAKS\tDIJAWAB\tSYARAT\tKURANG")
	for _, n := range in.AllNodes() {
		ns, _ := sc.Node(n.ID)
		fmt.Fprintf(w, "%s%s\t%s\t%s\t%d/%d\t%s\t%s\n", strings.Repeat("  ", in.Depth(n.ID)), n.Title,
			model.Points(ns.Score), model.Points(ns.Max), ns.Answered, ns.Questions, format.VerdictWord(ns.Verdict), missedText(ns.Missed))
	}
	fmt.Fprintf(w, "Nilai total\t%s\t%s\t%d/%d\t\t\n", model.Points(sc.Total), model.Points(sc.Max), sc.Answered, sc.Questions)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	for _, p := range sc.Predicates {
		if p.Met {
			fmt.Fprintf(out, "%s: TERPENUHI\n", p.ID)
			continue
		}
		fmt.Fprintf(out, "%s: TIDAK TERPENUHI\n", p.ID)
		for _, f := range p.Distinct() {
			name := "Nilai total"
			if n, ok := in.Node(f.Node); ok {
				name = n.Title
			}
			inherited := ""
			if f.Predicate != p.ID {
				inherited = " — syarat " + f.Predicate
			}
			fmt.Fprintf(out, "  %s: %s, perlu %s (kurang %s poin)%s\n", name, model.PointsAgainst(f.Have, f.Need), model.Points(f.Need), model.PointsShort(f.Need-f.Have), inherited)
		}
	}
	return nil
}

func missedText(ms []model.Miss) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("kurang %s poin (%s: perlu %s)", model.PointsShort(m.Short()), m.Predicate, model.Points(m.Need))
	}
	return strings.Join(parts, "; ")
}
