package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

// Field work on the command line: a field bundle (ziwb export --satker)
// merges three-way on import; what both sides changed differently is a
// conflict, kept for the merge screen (m in the workbench) unless
// --conflicts decides it.

// mergeHint is what a person does with the conflicts a merge kept.
const mergeHint = "buka ziwb, tekan m"

// policyFlag reads --conflicts; a wrong value is a usage error.
func policyFlag(s string) (store.MergePolicy, error) {
	p, err := store.ParseMergePolicy(s)
	if err != nil {
		return p, flagError("--conflicts %q tidak dikenal; pilih list, ours atau theirs (tanpa --conflicts: konflik disimpan untuk diputuskan)", s)
	}
	return p, nil
}

// mergeBundle merges a field bundle into db and reports it, in text or
// as the MergeReport in JSON.
func mergeBundle(cmd *cobra.Command, db *store.DB, file string, src *bufio.Reader, policy store.MergePolicy, asJSON bool) error {
	rep, err := db.Merge(file, src, currentUser(cmd), policy)
	if err != nil {
		return printImportErrors(cmd.ErrOrStderr(), db.Path(), err)
	}
	out := cmd.OutOrStdout()
	if asJSON {
		return writeMergeJSON(out, rep)
	}
	printMergeReport(out, db, file, db.Path(), rep, 0)
	return nil
}

func writeMergeJSON(w io.Writer, rep store.MergeReport) error {
	if rep.Conflicts == nil {
		rep.Conflicts = []store.Conflict{}
	}
	if rep.Satkers == nil {
		rep.Satkers = []string{}
	}
	return report.WriteJSON(w, rep)
}

// originText says where a bundle came from: the database, who, when.
func originText(o store.Origin) string {
	var who []string
	if o.By != "" {
		who = append(who, o.By)
	}
	if !o.At.IsZero() {
		who = append(who, timeText(o.At))
	}
	if len(who) == 0 {
		return o.Database
	}
	return fmt.Sprintf("%s (%s)", o.Database, strings.Join(who, ", "))
}

// printMergeReport tells what a merge did (or, with --conflicts list,
// would do), the conflicts with their three values (the first most; all
// when most is 0), and what is left to decide. db, when not nil, names
// the questions of the conflicts.
func printMergeReport(w io.Writer, db *store.DB, file, path string, rep store.MergeReport, most int) {
	verb := "digabung ke"
	if rep.Policy == store.MergeList {
		verb = "dibandingkan dengan"
	}
	fmt.Fprintf(w, "Bundel lapangan %s %s %s\n", file, verb, path)
	fmt.Fprintf(w, "  %-9s %s\n", "dari", originText(rep.From))
	fmt.Fprintf(w, "  %-9s %s\n", "satker", strings.Join(rep.Satkers, ", "))
	if !rep.Changed() {
		fmt.Fprintf(w, "Semua isi bundel sudah ada di %s; tidak ada yang berubah.\n", path)
		return
	}
	type row struct {
		name string
		n    int
		what string
	}
	rows := []row{
		{"baru", rep.Added, "data yang belum ada di sini"},
		{"diambil", rep.Applied, "isian yang hanya diubah di bundel"},
		{"sama", rep.Same, "isian yang sama, atau hanya diubah di sini"},
		{"riwayat", rep.History, "entri baru"},
	}
	if rep.Applied+rep.Same == 0 && len(rep.Conflicts) == 0 {
		// Nothing compared: every satker was new here (a satker here counts
		// its fields as the same or taken), a first copy of them.
		rows = []row{{"baru", rep.Added, "data diambil dari bundel (salinan pertama: belum ada di sini)"}, rows[3]}
	}
	for _, row := range rows {
		fmt.Fprintf(w, "  %-9s %d %s\n", row.name, row.n, row.what)
	}
	fmt.Fprintf(w, "  %-9s %d\n", "konflik", len(rep.Conflicts))
	if len(rep.Conflicts) > 0 {
		fmt.Fprintln(w, "\nKonflik (diubah di kedua sisi dengan nilai berbeda):")
		names := questionNames{db: db}
		for i, c := range rep.Conflicts {
			if most > 0 && i == most {
				fmt.Fprintf(w, "  … dan %d konflik lain (semuanya: ziwb import --conflicts list, atau layar penggabungan)\n", len(rep.Conflicts)-most)
				break
			}
			printConflict(w, i+1, c, names.text(c))
		}
		fmt.Fprintln(w)
	}
	n := len(rep.Conflicts)
	switch {
	case rep.Policy == store.MergeList:
		fmt.Fprintf(w, "Hanya daftar (--conflicts list): tidak ada yang ditulis ke %s.\n", path)
	case n == 0:
	case rep.Policy == store.MergeOurs:
		fmt.Fprintf(w, "%d konflik diputuskan: nilai di sini dipertahankan (--conflicts ours); kedua nilai tercatat di riwayat.\n", n)
	case rep.Policy == store.MergeTheirs:
		fmt.Fprintf(w, "%d konflik diputuskan: nilai dari bundel diambil (--conflicts theirs); kedua nilai tercatat di riwayat.\n", n)
	default:
		fmt.Fprintf(w, "%d konflik menunggu keputusan: %s\n", n, mergeHint)
	}
}

// printConflict writes one conflict: what, then base, ours and theirs.
func printConflict(w io.Writer, n int, c store.Conflict, question string) {
	where := []string{c.Satker}
	switch {
	case strings.HasPrefix(c.Evaluation, c.Satker+"/"):
		where[0] = c.Evaluation // its id names the satker
	case c.Evaluation != "":
		where = append(where, c.Evaluation)
	}
	if c.Question != "" {
		q := c.Question
		if c.Level != 0 && c.Kind == "jawaban" {
			q += " (" + c.Level.String() + ")"
		}
		if question != "" {
			q += " " + question
		}
		where = append(where, q)
	}
	if c.Rek != "" {
		where = append(where, "rekomendasi "+c.Rek)
	}
	field := fieldText(c.Field)
	if c.Item != "" {
		title, loc, _ := strings.Cut(c.Item, "\x00")
		field += " «" + title
		if loc != "" {
			field += " — " + loc
		}
		field += "»"
	}
	fmt.Fprintf(w, "  %d. %s · %s\n", n, strings.Join(where, " · "), field)
	base := valueText(c.Base)
	if !c.HasBase {
		base = "(tidak ada: kedua sisi menambahkannya)"
	}
	fmt.Fprintf(w, "     %-8s %s\n", "dasar", base)
	fmt.Fprintf(w, "     %-8s %s%s\n", "di sini", valueText(c.Ours), byText(c.OursBy, c.OursAt.IsZero(), timeText(c.OursAt)))
	fmt.Fprintf(w, "     %-8s %s%s\n", "bundel", valueText(c.Theirs), byText(c.TheirsBy, c.TheirsAt.IsZero(), timeText(c.TheirsAt)))
}

func byText(by string, noTime bool, at string) string {
	switch {
	case by != "" && !noTime:
		return "  — " + by + ", " + at
	case by != "":
		return "  — " + by
	case !noTime:
		return "  — " + at
	}
	return ""
}

// valueText shows a field's value on one line; empty is said so.
func valueText(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(kosong)"
	}
	const most = 100
	s = format.OneLine(s)
	if r := []rune(s); len(r) > most {
		s = string(r[:most-1]) + "…"
	}
	return s
}

// fieldText names a conflicting field in Indonesian.
func fieldText(f string) string {
	switch f {
	case "value":
		return "nilai"
	case "note":
		return "catatan"
	case "carried":
		return "bawaan ronde lalu"
	case "evidence":
		return "eviden"
	case "status":
		return "status"
	case "team":
		return "tim"
	case "name":
		return "nama"
	case "kind":
		return "jenis"
	case "province":
		return "provinsi"
	case "regency":
		return "kabupaten/kota"
	case "head":
		return "pimpinan"
	case "target":
		return "target"
	}
	if rest, ok := strings.CutPrefix(f, "rekomendasi."); ok {
		switch rest {
		case "text":
			return "teks rekomendasi"
		case "priority":
			return "prioritas rekomendasi"
		case "due":
			return "tenggat rekomendasi"
		case "node":
			return "komponen rekomendasi"
		case "status":
			return "status rekomendasi"
		}
	}
	return f
}

// questionNames finds a question's text by its evaluation's instrument,
// as far as this database knows the evaluation.
type questionNames struct {
	db    *store.DB
	cache map[string]func(string) string
}

func (n *questionNames) text(c store.Conflict) string {
	if n.db == nil || c.Evaluation == "" || c.Question == "" || c.Kind != "jawaban" {
		return ""
	}
	if n.cache == nil {
		n.cache = map[string]func(string) string{}
	}
	find, ok := n.cache[c.Evaluation]
	if !ok {
		find = func(string) string { return "" }
		if e, err := n.db.Evaluation(c.Evaluation); err == nil {
			if in, err := n.db.Instrument(e.InstrumentHash); err == nil {
				find = func(id string) string {
					if q, ok := in.Question(id); ok {
						return "«" + valueText(q.Text) + "»"
					}
					return ""
				}
			}
		}
		n.cache[c.Evaluation] = find
	}
	return find(c.Question)
}
