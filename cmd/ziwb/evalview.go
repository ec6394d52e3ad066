package main

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
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
	Value model.Value `json:"value"`
	// By and At are the answer's last change of any part: a note added
	// to another's value included.
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	Note     string    `json:"note"`
	Evidence int       `json:"evidence"`
	// Carried marks an answer brought over from an earlier round that no
	// level has confirmed yet ("dibawa").
	Carried bool `json:"carried"`
	// ValueBy and ValueAt are who gave the value and when, NoteBy and
	// NoteAt who last changed the note: "" and null without one.
	ValueBy string     `json:"value_by"`
	ValueAt *time.Time `json:"value_at"`
	NoteBy  string     `json:"note_by"`
	NoteAt  *time.Time `json:"note_at"`
}

// newLevelAnswer is one level's answer with its authorship.
func newLevelAnswer(a model.Answer, au store.Authorship) *levelAnswer {
	la := &levelAnswer{Value: a.Value, By: a.By, At: a.At, Note: a.Note, Evidence: len(a.Evidence), Carried: a.Carried}
	if !a.Value.IsZero() && au.ValueBy != "" {
		at := au.ValueAt
		la.ValueBy, la.ValueAt = au.ValueBy, &at
	}
	if a.Note != "" && au.NoteBy != "" {
		at := au.NoteAt
		la.NoteBy, la.NoteAt = au.NoteBy, &at
	}
	return la
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
	v.Answers = answersByLevel(w.Levels, w.Authors, in)
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
// the instrument's order (ids it does not know last, sorted), each with
// who gave it and who wrote its note.
func answersByLevel(levels map[string]map[model.Level]model.Answer, authors map[store.AnswerOf]store.Authorship,
	in *model.Instrument) []questionLevels {
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
			*ql.Levels.at(l) = newLevelAnswer(a, authors[store.AnswerOf{Question: qid, Level: l}])
		}
		out = append(out, ql)
	}
	return out
}
