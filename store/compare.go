package store

import (
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// The reads behind the comparisons: the dashboard from the compact
// summaries, scorecards side by side, and a satker's PMPZI against its TPI.

// Rounds is a satker's summary as the dashboard reads it. The maps are
// shared with the summary, not copied.
func (s SatkerSummary) Rounds() model.SatkerRounds {
	out := model.SatkerRounds{Satker: s.Satker, Rounds: make([]model.Round, len(s.Evaluations))}
	for i, e := range s.Evaluations {
		out.Rounds[i] = model.Round{ID: e.ID, Year: e.Year, Stage: e.Stage, Status: e.Status, Instrument: e.InstrumentID,
			Answered: e.Answered, Questions: e.Questions, Total: e.Total, Result: e.Result, Verdicts: e.Verdicts, Scores: e.AreaScores}
	}
	return out
}

// DashboardInput turns summaries into the dashboard's input.
func DashboardInput(sums []SatkerSummary) []model.SatkerRounds {
	out := make([]model.SatkerRounds, len(sums))
	for i, s := range sums {
		out[i] = s.Rounds()
	}
	return out
}

// InstrumentsByID returns every stored instrument by id, parsed once per
// open database. Where several versions of one id are stored, the built-in
// one wins, else the first by content hash: a summary names its
// evaluation's instrument by id only, and versions of one worksheet share
// their weights.
func (db *DB) InstrumentsByID() (map[string]*model.Instrument, error) {
	var hashes []string
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInstruments).ForEach(func(k, _ []byte) error {
			hashes = append(hashes, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(hashes)
	out := map[string]*model.Instrument{}
	for _, h := range hashes {
		in, err := db.Instrument(h)
		if err != nil {
			return nil, err
		}
		old, ok := out[in.ID]
		if !ok || (!isBuiltin(old) && isBuiltin(in)) {
			out[in.ID] = in
		}
	}
	return out, nil
}

func isBuiltin(in *model.Instrument) bool {
	b, ok := model.Builtin(in.ID)
	return ok && b.Hash == in.Hash
}

// Dashboard reads every satker's summary and builds the comparison
// dashboard for a round pick (model.RoundPick{} is each satker's latest
// evaluation). It reads one compact record per satker and scores nothing.
//
// Built once per commit and pick, and shared: sessions on a server see the
// same rows. Callers must not change the rows.
func (db *DB) Dashboard(pick model.RoundPick) (model.Dashboard, error) {
	var txid int
	if err := db.view(func(tx *bolt.Tx) error { txid = tx.ID(); return nil }); err != nil {
		return model.Dashboard{}, err
	}
	if d, ok := db.lists.dashboard(txid, pick); ok {
		return d, nil
	}
	sums, err := db.SatkerSummaries()
	if err != nil {
		return model.Dashboard{}, err
	}
	ins, err := db.InstrumentsByID()
	if err != nil {
		return model.Dashboard{}, err
	}
	d := model.BuildDashboard(DashboardInput(sums), pick, instrumentLookup(ins))
	db.lists.keepDashboard(txid, pick, d)
	return d, nil
}

// instrumentLookup resolves ids among the stored instruments, then the
// built-in ones.
func instrumentLookup(ins map[string]*model.Instrument) func(string) *model.Instrument {
	return func(id string) *model.Instrument {
		if in, ok := ins[id]; ok {
			return in
		}
		if in, ok := model.Builtin(id); ok {
			return in
		}
		return nil
	}
}

// CompareEvaluations scores 2 to 4 stored evaluations and lines them up
// node by node (model.CompareScorecards).
func (db *DB) CompareEvaluations(ids ...string) (model.SideBySide, []model.Scorecard, error) {
	if len(ids) < 2 || len(ids) > model.MaxSideBySide {
		return model.SideBySide{}, nil, invalid("perbandingan", fmt.Errorf("pilih 2 sampai %d evaluasi (dipilih %d)", model.MaxSideBySide, len(ids)))
	}
	cards := make([]model.Scorecard, len(ids))
	for i, id := range ids {
		sc, _, err := db.Scorecard(id)
		if err != nil {
			return model.SideBySide{}, nil, err
		}
		cards[i] = sc
	}
	s, err := model.CompareScorecards(cards...)
	return s, cards, err
}

// Gap is a satker's self-assessment (PMPZI) against the evaluators' round
// (TPI or TPI-lapangan) of the same year, question by question.
type Gap struct {
	Satker     model.Satker
	Self       model.Evaluation
	Eval       model.Evaluation
	Instrument *model.Instrument // the evaluators' round's
	Report     model.GapReport
}

// evaluatorStages are the rounds a self-assessment is held against, the
// later first.
var evaluatorStages = []model.Stage{model.StageTPILapangan, model.StageTPI}

// AnswerGap compares a satker's PMPZI answers with its TPI answers of one
// year (0: the latest year that has both). stage picks TPI or
// TPI-lapangan; "" takes TPI-lapangan when there is one, else TPI. Both
// sides are scored with the evaluators' instrument, question by question
// id. A satker without both rounds gives an ErrNotFound that lists the
// rounds it has.
func (db *DB) AnswerGap(satkerID string, year int, stage model.Stage) (Gap, error) {
	stages := evaluatorStages
	if stage != "" {
		if stage != model.StageTPI && stage != model.StageTPILapangan {
			return Gap{}, invalid("tahap", &model.FieldError{Field: "tahap", Value: string(stage), Msg: "bandingkan PMPZI dengan TPI atau TPI-lapangan"})
		}
		stages = []model.Stage{stage}
	}
	var g Gap
	err := db.read(func(t txn) error {
		s, err := t.satker(satkerID)
		if err != nil {
			return err
		}
		g.Satker = s.model()
		recs, err := t.evaluationsOf(satkerID)
		if err != nil {
			return err
		}
		byRound := map[string]evalRec{}
		years := map[int]bool{}
		for _, r := range recs {
			byRound[fmt.Sprintf("%d/%s", r.Year, r.Stage)] = r
			years[r.Year] = true
		}
		var found bool
		var self, eval evalRec
		for y := range years {
			if year != 0 && y != year {
				continue
			}
			se, ok := byRound[fmt.Sprintf("%d/%s", y, model.StagePMPZI)]
			if !ok {
				continue
			}
			if found && y < eval.Year {
				continue
			}
			for _, st := range stages {
				if ev, ok := byRound[fmt.Sprintf("%d/%s", y, st)]; ok {
					self, eval, found = se, ev, true
					break
				}
			}
		}
		if !found {
			return noGapPair(satkerID, year, stages, recs)
		}
		g.Self, g.Eval = self.model(), eval.model()
		if g.Instrument, err = t.instrument(eval.InstrumentHash); err != nil {
			return err
		}
		selfAns, err := t.answers(self.ID)
		if err != nil {
			return err
		}
		evalAns, err := t.answers(eval.ID)
		if err != nil {
			return err
		}
		g.Report = model.AnswerGaps(g.Instrument, answerMap(selfAns), answerMap(evalAns))
		return nil
	})
	if err != nil {
		return Gap{}, err
	}
	return g, nil
}

// answerMap is, per question, the answer that counts: the highest
// level's with a value, else the lowest level's (a note alone).
func answerMap(recs []answerRec) map[string]model.Answer {
	out := make(map[string]model.Answer, len(recs))
	for _, r := range recs { // a higher level comes later
		if _, seen := out[r.Question]; !seen || !r.Value.IsZero() {
			out[r.Question] = r.model()
		}
	}
	return out
}

// noGapPair says what a satker lacks for a gap report and what it has.
func noGapPair(satkerID string, year int, stages []model.Stage, recs []evalRec) error {
	sort.SliceStable(recs, func(i, j int) bool {
		if recs[i].Year != recs[j].Year {
			return recs[i].Year < recs[j].Year
		}
		return stageOrder(model.Stage(recs[i].Stage)) < stageOrder(model.Stage(recs[j].Stage))
	})
	var have []string
	for _, r := range recs {
		have = append(have, fmt.Sprintf("%s %d", r.Stage, r.Year))
	}
	list := "belum ada evaluasi"
	if len(have) > 0 {
		list = "yang ada: " + strings.Join(have, ", ")
	}
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = string(s)
	}
	when := "pada tahun yang sama"
	if year != 0 {
		when = fmt.Sprintf("pada tahun %d", year)
	}
	return fmt.Errorf("satker %s: pasangan evaluasi PMPZI dan %s %s %w (%s)", satkerID, strings.Join(names, " atau "), when, ErrNotFound, list)
}
