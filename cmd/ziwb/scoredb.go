package main

import (
	"encoding/json"
	"fmt"

	"github.com/kemenag-ortala/ziwb/tui/report"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// addStoredScoreFlags gives "ziwb score" its database form:
// ziwb score --db PATH [--satker ID] [--json].
func addStoredScoreFlags(cmd *cobra.Command) {
	cmd.Flags().String("satker", "", "dengan --db: hanya evaluasi satker ini (id)")
	cmd.Long += `

Dengan --db BERKAS (atau --satker ID) dan tanpa --answers: kartu nilai setiap
evaluasi yang tersimpan, dinilai dengan instrumennya sendiri dan target
satkernya. --json menulis daftar kartu nilai berbentuk sama, masing-masing
diawali "evaluation", "satker", "year", "stage", "status" dan "team". Dengan
--satker, setiap kartu juga membawa "levels" (nilai per tingkat reviu) dan
"answers" (jawaban per tingkat), berbentuk sama dengan ziwb evaluasi show
--json.`
}

// storedScoresWanted reports whether "ziwb score" should read the database.
func storedScoresWanted(cmd *cobra.Command) bool {
	db, satker := cmd.Flag("db"), cmd.Flag("satker")
	return (db != nil && db.Changed) || (satker != nil && satker.Changed)
}

// runStoredScores prints the scorecards of stored evaluations.
func runStoredScores(cmd *cobra.Command, asJSON bool) error {
	satkerID := cmd.Flag("satker").Value.String()
	return withDB(cmd, readDB, func(db *store.DB) error {
		var satkers []model.Satker
		var err error
		if satkerID != "" {
			s, err := db.Satker(satkerID)
			if err != nil {
				return err
			}
			satkers = []model.Satker{s}
		} else if satkers, err = db.Satkers(); err != nil {
			return err
		}
		out := cmd.OutOrStdout()
		cards := []json.RawMessage{}
		for _, s := range satkers {
			evals, err := db.Evaluations(s.ID)
			if err != nil {
				return err
			}
			for _, e := range evals {
				sc, in, err := db.Scorecard(e.ID)
				if err != nil {
					return err
				}
				if !asJSON {
					fmt.Fprintf(out, "== %s — %s %d (%s) · %s\n", s.Name, e.Stage, e.Year, e.Status, e.ID)
					if err := report.Scorecard(out, in, sc); err != nil {
						return err
					}
					fmt.Fprintln(out)
					continue
				}
				var levels *cardLevels
				if satkerID != "" {
					if levels, err = loadCardLevels(db, e.ID); err != nil {
						return err
					}
				}
				card, err := storedCard(e, sc, levels)
				if err != nil {
					return err
				}
				cards = append(cards, card)
			}
		}
		if asJSON {
			return report.WriteJSON(out, cards)
		}
		if len(satkers) == 0 {
			fmt.Fprintf(out, "Belum ada satker di %s (ziwb demo mengisi data contoh)\n", db.Path())
		}
		return nil
	})
}

// cardLevels is what a card of one satker's evaluation carries beyond
// the scorecard: the score and the answers per review level.
type cardLevels struct {
	Levels  []levelScore     `json:"levels"`
	Answers []questionLevels `json:"answers"`
}

func loadCardLevels(db *store.DB, evalID string) (*cardLevels, error) {
	levels, err := db.Worksheet(evalID)
	if err != nil {
		return nil, err
	}
	cards, in, err := db.LevelScorecards(evalID)
	if err != nil {
		return nil, err
	}
	return &cardLevels{Levels: levelScores(cards, in), Answers: answersByLevel(levels.Levels, levels.Authors, in)}, nil
}

// storedCard is a scorecard in the contract's JSON shape, led by the
// evaluation it belongs to and followed, when given, by its levels.
func storedCard(e model.Evaluation, sc model.Scorecard, levels *cardLevels) (json.RawMessage, error) {
	team := e.Team
	if team == nil {
		team = model.Team{}
	}
	parts := []any{struct {
		Evaluation string       `json:"evaluation"`
		Satker     string       `json:"satker"`
		Year       int          `json:"year"`
		Stage      model.Stage  `json:"stage"`
		Status     model.Status `json:"status"`
		Team       model.Team   `json:"team"`
	}{e.ID, e.SatkerID, e.Year, e.Stage, e.Status, team}, sc}
	if levels != nil {
		parts = append(parts, levels)
	}
	return joinObjects(parts...)
}

// joinObjects writes values that marshal as JSON objects as one object:
// {a…} + {b…} → {a…, b…}.
func joinObjects(parts ...any) (json.RawMessage, error) {
	var out []byte
	for _, p := range parts {
		b, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = b
			continue
		}
		out = append(out[:len(out)-1], ',')
		out = append(out, b[1:]...)
	}
	return out, nil
}
