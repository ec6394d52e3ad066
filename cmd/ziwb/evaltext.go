package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// "ziwb evaluasi show" as text: the view's parts as aligned tables.

// timeText is a moment as people read it, in local time.
func timeText(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// table writes rows as aligned columns, two spaces apart, indented by
// two, without trailing blanks.
func table(out io.Writer, rows [][]string) error {
	var b bytes.Buffer
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(w, "  "+strings.Join(r, "\t"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(out, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// writeText prints the view for people: aligned, in Indonesian.
func (v *evalView) writeText(out io.Writer) error {
	fmt.Fprintf(out, "Evaluasi %s — %s, %s %d (%s)\n", v.Evaluation, v.SatkerName, v.Stage, v.Year, v.Instrument)
	status := string(v.Status)
	if v.WaitsOn != nil {
		status += " — giliran " + v.WaitsOn.String()
		if names := v.Team.Names(*v.WaitsOn); len(names) > 0 {
			status += " (" + strings.Join(names, ", ") + ")"
		}
	} else {
		status += " — terkunci"
	}
	from := "awal kosong"
	if v.From != nil {
		from = *v.From
	}
	head := [][]string{{"Status:", status}, {"Dimulai dari:", from}}
	if len(v.Team) == 0 {
		head = append(head, []string{"Tim:", "belum ditetapkan (satu evaluator bertindak di semua tingkat)"})
	} else {
		label := "Tim:"
		for _, l := range model.Levels {
			if names := v.Team.Names(l); len(names) > 0 {
				head = append(head, []string{label, l.Title(), strings.Join(names, ", ")})
				label = ""
			}
		}
	}
	if err := table(out, head); err != nil {
		return err
	}

	if err := section(out, "\nRiwayat status:", "belum ada perubahan status", v.historyRows()); err != nil {
		return err
	}
	if err := section(out, "\nNilai per tingkat:", "belum ada jawaban", v.levelRows()); err != nil {
		return err
	}
	title := fmt.Sprintf("\nJawaban per tingkat (%d pertanyaan):", len(v.Answers))
	if err := section(out, title, "belum ada jawaban", v.answerRows()); err != nil || len(v.Answers) == 0 {
		return err
	}
	fmt.Fprintln(out, "  * jawaban yang dihitung bila lebih dari satu tingkat menjawab; (dibawa) dari putaran sebelumnya, belum dikonfirmasi")
	return nil
}

// section prints one part of the view under its title: its rows as a
// table, or none when there are none.
func section(out io.Writer, title, none string, rows [][]string) error {
	fmt.Fprintln(out, title)
	if rows == nil {
		fmt.Fprintln(out, "  "+none)
		return nil
	}
	return table(out, rows)
}

// historyRows is the status history as a table; nil when it is empty.
func (v *evalView) historyRows() [][]string {
	if len(v.History) == 0 {
		return nil
	}
	rows := [][]string{{"WAKTU", "OLEH", "TINGKAT", "DARI → KE", "ALASAN"}}
	for _, s := range v.History {
		reason := format.OneLine(s.Reason)
		if reason == "" {
			reason = "-"
		}
		rows = append(rows, []string{timeText(s.At), s.By, s.Level.String(), fmt.Sprintf("%s → %s", s.From, s.To), reason})
	}
	return rows
}

// levelRows is each level's score as a table; nil when none answered.
func (v *evalView) levelRows() [][]string {
	if len(v.Levels) == 0 {
		return nil
	}
	rows := [][]string{{"TINGKAT", "TOTAL", "SELISIH", "DIJAWAB", "PREDIKAT"}}
	for _, a := range v.Levels[0].Areas {
		rows[0] = append(rows[0], strings.ToUpper(a.ID))
	}
	for _, ls := range v.Levels {
		change, result := "–", "–"
		if ls.Change != nil {
			change = format.SignedPoints(*ls.Change)
		}
		if ls.Result != nil {
			result = *ls.Result
		}
		row := []string{ls.Level.Title(), model.Points(ls.Total), change, fmt.Sprintf("%d/%d", ls.Answered, ls.Questions), result}
		for _, a := range ls.Areas {
			row = append(row, model.Points(a.Score))
		}
		rows = append(rows, row)
	}
	return rows
}

// answerRows is every level's answer to each question as a table; nil
// when there are none.
func (v *evalView) answerRows() [][]string {
	if len(v.Answers) == 0 {
		return nil
	}
	rows := [][]string{{"PERTANYAAN", "TINGKAT", "JAWABAN", "OLEH", "WAKTU", "CATATAN"}}
	for _, q := range v.Answers {
		answered := 0
		for _, l := range model.Levels {
			if a := *q.Levels.at(l); a != nil && !a.Value.IsZero() {
				answered++
			}
		}
		first := true
		for _, l := range model.Levels {
			a := *q.Levels.at(l)
			if a == nil {
				continue
			}
			qid := ""
			if first {
				qid, first = q.Question, false
			}
			value := a.Value.String()
			if value == "" {
				value = "–"
			}
			if answered > 1 && q.CountsLevel != nil && *q.CountsLevel == l {
				value += " *"
			}
			if a.Carried {
				value += " (dibawa)"
			}
			// Who answered: who gave the value, or who last changed an
			// answer without one; the note says whose it is when not theirs.
			by, at := a.By, a.At
			if a.ValueBy != "" {
				by, at = a.ValueBy, *a.ValueAt
			}
			note := format.OneLine(a.Note)
			if a.NoteBy != "" && a.NoteBy != by {
				note += " (oleh " + a.NoteBy + ")"
			}
			if a.Evidence > 0 {
				note = strings.TrimSpace(fmt.Sprintf("%s [%d eviden]", note, a.Evidence))
			}
			rows = append(rows, []string{qid, l.String(), value, by, timeText(at), note})
		}
	}
	return rows
}
