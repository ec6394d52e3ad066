package main

import (
	"encoding/json"
	"fmt"

	"github.com/kemenag-ortala/ziwb/cmd/ziwb/report"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
)

// addStoredScoreFlags gives "ziwb score" its database form:
// ziwb score --db PATH [--satker ID] [--json].
func addStoredScoreFlags(cmd *cobra.Command) {
	cmd.Flags().String("satker", "", "dengan --db: hanya evaluasi satker ini (id)")
	cmd.Long += `

Dengan --db BERKAS (atau --satker ID) dan tanpa --answers: kartu nilai setiap
evaluasi yang tersimpan, dinilai dengan instrumennya sendiri dan target
satkernya. --json menulis daftar kartu nilai berbentuk sama, masing-masing
diawali "evaluation", "satker", "year", "stage" dan "status".`
}

// storedScoresWanted reports whether "ziwb score" should read the database.
func storedScoresWanted(cmd *cobra.Command) bool {
	db, satker := cmd.Flag("db"), cmd.Flag("satker")
	return (db != nil && db.Changed) || (satker != nil && satker.Changed)
}

// runStoredScores prints the scorecards of stored evaluations.
func runStoredScores(cmd *cobra.Command, asJSON bool) error {
	satkerID := cmd.Flag("satker").Value.String()
	db, err := readDB(cmd)
	if err != nil {
		return err
	}
	defer db.Close()
	var satkers []model.Satker
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
			card, err := storedCard(e, sc)
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
}

// storedCard is a scorecard in the contract's JSON shape, led by the
// evaluation it belongs to.
func storedCard(e model.Evaluation, sc model.Scorecard) (json.RawMessage, error) {
	body, err := json.Marshal(sc)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(struct {
		Evaluation string       `json:"evaluation"`
		Satker     string       `json:"satker"`
		Year       int          `json:"year"`
		Stage      model.Stage  `json:"stage"`
		Status     model.Status `json:"status"`
	}{e.ID, e.SatkerID, e.Year, e.Stage, e.Status})
	if err != nil {
		return nil, err
	}
	// {head…} + {body…} → {head…, body…}
	card := append(head[:len(head)-1], ',')
	return append(card, body[1:]...), nil
}
