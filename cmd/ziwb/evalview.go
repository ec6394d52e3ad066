package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// evalView is one evaluation as "ziwb evaluasi show" prints it, and its
// JSON shape (--json): the team, the status and how it got there, the
// score as each review level left it, and every question's answers per
// level. Lists are in a fixed order and never null, so the shape is the
// same for every evaluation.
type evalView struct {
	Evaluation string       `json:"evaluation"`
	Satker     string       `json:"satker"`
	SatkerName string       `json:"satker_name"`
	Year       int          `json:"year"`
	Stage      model.Stage  `json:"stage"`
	Instrument string       `json:"instrument"`
	Status     model.Status `json:"status"`
	// WaitsOn is the level whose step it is; null once final.
	WaitsOn *model.Level `json:"waits_on"`
	// From is the round this one started from; null when it started blank.
	From    *string          `json:"from"`
	Team    model.Team       `json:"team"`
	History []statusStep     `json:"history"` // oldest first
	Levels  []levelScore     `json:"levels"`  // anggota first; only levels that answered
	Answers []questionLevels `json:"answers"` // in the instrument's order
}

// statusStep is one move along the review chain, from the history.
type statusStep struct {
	At     time.Time    `json:"at"`
	By     string       `json:"by"`
	From   model.Status `json:"from"`
	To     model.Status `json:"to"`
	Level  model.Level  `json:"level"`
	Reason string       `json:"reason"`
}

// levelScore is the score with the review stopped at one level.
type levelScore struct {
	Level     model.Level `json:"level"`
	Total     float64     `json:"total"`
	Max       float64     `json:"max"`
	Answered  int         `json:"answered"`
	Questions int         `json:"questions"`
	Result    *string     `json:"result"`
	// Change is the total against the level below that answered; null for
	// the lowest.
	Change *float64    `json:"change"`
	Areas  []areaScore `json:"areas"`
}

// areaScore is one component of the dashboard's columns (the areas of the
// pengungkit, then the hasil).
type areaScore struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Score float64 `json:"score"`
	Max   float64 `json:"max"`
}

// questionLevels is one question's answers per level and the one that
// counts.
type questionLevels struct {
	Question string `json:"question"`
	// Counts is the value that counts (the highest level's), null for none;
	// CountsLevel its level.
	Counts      model.Value  `json:"counts"`
	CountsLevel *model.Level `json:"counts_level"`
	Levels      answerLevels `json:"levels"`
}

// answerLevels holds a question's answer at each level, null where the
// level has none.
type answerLevels struct {
	Anggota    *levelAnswer `json:"anggota"`
	Ketua      *levelAnswer `json:"ketua"`
	Pengendali *levelAnswer `json:"pengendali"`
}

func (a *answerLevels) at(l model.Level) **levelAnswer {
	switch l {
	case model.Ketua:
		return &a.Ketua
	case model.Pengendali:
		return &a.Pengendali
	}
	return &a.Anggota
}

// levelAnswer is one level's answer to a question.
type levelAnswer struct {
	Value    model.Value `json:"value"`
	By       string      `json:"by"`
	At       time.Time   `json:"at"`
	Note     string      `json:"note"`
	Evidence int         `json:"evidence"`
	// Carried marks an answer brought over from an earlier round that no
	// level has confirmed yet ("dibawa").
	Carried bool `json:"carried"`
}

// loadEvalView reads everything the view shows of one evaluation.
func loadEvalView(db *store.DB, evalID string) (*evalView, error) {
	w, err := db.Worksheet(evalID)
	if err != nil {
		return nil, err
	}
	e := w.Evaluation
	v := &evalView{Evaluation: e.ID, Satker: e.SatkerID, SatkerName: w.Satker.Name, Year: e.Year, Stage: e.Stage,
		Instrument: e.InstrumentID, Status: e.Status, Team: e.Team, History: []statusStep{}}
	if v.Team == nil {
		v.Team = model.Team{}
	}
	if l := model.EditLevel(e.Status); l != model.NoLevel {
		v.WaitsOn = &l
	}
	if e.From != "" {
		v.From = &e.From
	}
	changes, err := db.History(store.HistoryFilter{Evaluation: evalID})
	if err != nil {
		return nil, err
	}
	for i := len(changes) - 1; i >= 0; i-- { // newest first → oldest first
		c := changes[i]
		if c.Field != "status" {
			continue
		}
		v.History = append(v.History, statusStep{At: c.At, By: c.By, From: model.Status(c.Old), To: model.Status(c.New),
			Level: max(c.Level, model.Anggota), Reason: c.Reason})
	}
	cards, in, err := db.LevelScorecards(evalID)
	if err != nil {
		return nil, err
	}
	v.Levels = levelScores(cards, in)
	v.Answers = answersByLevel(w.Levels, in)
	return v, nil
}

// levelScores lists the scorecards per level, lowest first, with the
// change from the level below and the dashboard's components.
func levelScores(cards map[model.Level]model.Scorecard, in *model.Instrument) []levelScore {
	out := []levelScore{}
	cols := model.DashboardColumns(in)
	var prev *float64
	for _, l := range model.Levels {
		sc, ok := cards[l]
		if !ok {
			continue
		}
		ls := levelScore{Level: l, Total: sc.Total, Max: sc.Max, Answered: sc.Answered, Questions: sc.Questions, Areas: []areaScore{}}
		if sc.Result != "" {
			r := sc.Result
			ls.Result = &r
		}
		if prev != nil {
			d := sc.Total - *prev
			ls.Change = &d
		}
		for _, c := range cols {
			if n, ok := sc.Node(c.ID); ok {
				ls.Areas = append(ls.Areas, areaScore{ID: c.ID, Title: c.Title, Score: n.Score, Max: n.Max})
			}
		}
		total := sc.Total
		prev = &total
		out = append(out, ls)
	}
	return out
}

// answersByLevel lists every question with an answer at some level, in
// the instrument's order (ids it does not know last, sorted).
func answersByLevel(levels map[string]map[model.Level]model.Answer, in *model.Instrument) []questionLevels {
	order := map[string]int{}
	for i, q := range in.Questions() {
		order[q.ID] = i
	}
	qids := make([]string, 0, len(levels))
	for qid, byLevel := range levels {
		if len(byLevel) > 0 {
			qids = append(qids, qid)
		}
	}
	slices.SortFunc(qids, func(a, b string) int {
		ia, oka := order[a]
		ib, okb := order[b]
		switch {
		case oka && okb:
			return cmp.Compare(ia, ib)
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	out := make([]questionLevels, 0, len(qids))
	for _, qid := range qids {
		byLevel := levels[qid]
		ql := questionLevels{Question: qid}
		if a, ok := model.Effective(byLevel); ok {
			l := max(a.Level, model.Anggota)
			ql.Counts, ql.CountsLevel = a.Value, &l
		}
		for _, l := range model.Levels {
			a, ok := byLevel[l]
			if !ok {
				continue
			}
			*ql.Levels.at(l) = &levelAnswer{Value: a.Value, By: a.By, At: a.At, Note: a.Note, Evidence: len(a.Evidence), Carried: a.Carried}
		}
		out = append(out, ql)
	}
	return out
}

// timeText is a moment as people read it, in local time.
func timeText(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// oneLine keeps a note on its row.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " / ")), " ")
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

	fmt.Fprintln(out, "\nRiwayat status:")
	if len(v.History) == 0 {
		fmt.Fprintln(out, "  belum ada perubahan status")
	} else {
		rows := [][]string{{"WAKTU", "OLEH", "TINGKAT", "DARI → KE", "ALASAN"}}
		for _, s := range v.History {
			reason := oneLine(s.Reason)
			if reason == "" {
				reason = "-"
			}
			rows = append(rows, []string{timeText(s.At), s.By, s.Level.String(), fmt.Sprintf("%s → %s", s.From, s.To), reason})
		}
		if err := table(out, rows); err != nil {
			return err
		}
	}

	fmt.Fprintln(out, "\nNilai per tingkat:")
	if len(v.Levels) == 0 {
		fmt.Fprintln(out, "  belum ada jawaban")
	} else {
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
		if err := table(out, rows); err != nil {
			return err
		}
	}

	fmt.Fprintf(out, "\nJawaban per tingkat (%d pertanyaan):\n", len(v.Answers))
	if len(v.Answers) == 0 {
		fmt.Fprintln(out, "  belum ada jawaban")
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
			note := oneLine(a.Note)
			if a.Evidence > 0 {
				note = strings.TrimSpace(fmt.Sprintf("%s [%d eviden]", note, a.Evidence))
			}
			rows = append(rows, []string{qid, l.String(), value, a.By, timeText(a.At), note})
		}
	}
	if err := table(out, rows); err != nil {
		return err
	}
	fmt.Fprintln(out, "  * jawaban yang dihitung bila lebih dari satu tingkat menjawab; (dibawa) dari putaran sebelumnya, belum dikonfirmasi")
	return nil
}
