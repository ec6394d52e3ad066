package store

import (
	"errors"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestDemoNamedSet(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(0, fixedNow); err != nil {
		t.Fatal(err)
	}
	sums, err := db.SatkerSummaries()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]SatkerSummary{}
	kinds := map[model.SatkerKind]int{}
	for _, s := range sums {
		byID[s.Satker.ID] = s
		kinds[s.Satker.Kind]++
	}
	for _, name := range []string{"Kantor Kemenag Kabupaten Minahasa Tenggara", "Kantor Kemenag Kabupaten Magelang",
		"Kantor Kemenag Kabupaten Sinjai", "Kanwil Kemenag Provinsi Kalimantan Tengah", "Kanwil Kemenag Provinsi Bengkulu"} {
		found := false
		for _, s := range sums {
			found = found || s.Satker.Name == name
		}
		if !found {
			t.Errorf("demo lacks %s", name)
		}
	}
	if kinds[model.KUA] < 2 || kinds[model.Madrasah] < 2 {
		t.Errorf("demo kinds %v: want KUAs and madrasahs", kinds)
	}
	// Varied progress: complete, partial and empty; some with a TPI whose
	// answers differ from the PMPZI.
	full, partial, none, differing := 0, 0, 0, 0
	for _, s := range sums {
		switch l := s.Latest; {
		case l == nil:
			none++
		case l.Answered == l.Questions:
			full++
		default:
			partial++
		}
		var pm, tpi string
		for _, e := range s.Evaluations {
			if e.Year == fixedNow.Year() && e.Stage == model.StagePMPZI {
				pm = e.ID
			}
			if e.Year == fixedNow.Year() && e.Stage == model.StageTPI {
				tpi = e.ID
			}
		}
		if pm != "" && tpi != "" {
			a, _ := db.Answers(pm)
			b, _ := db.Answers(tpi)
			for q, x := range b {
				if y, ok := a[q]; ok && y.Value != x.Value && x.Note != "" {
					differing++
					break
				}
			}
		}
	}
	if full == 0 || partial < 3 || none == 0 || differing < 3 {
		t.Errorf("progress: %d complete, %d partial, %d without evaluation, %d TPIs differing with notes", full, partial, none, differing)
	}
	results := map[string]int{}
	for _, s := range sums {
		for _, e := range s.Evaluations {
			results[e.Result]++
		}
	}
	t.Logf("demo results by predicate: %v", results)
	if len(results) < 2 {
		t.Errorf("every evaluation has the same result: %v", results)
	}
	if mg := byID["kankemenag-magelang"]; len(mg.Evaluations) != 4 || mg.Latest.Year != fixedNow.Year() || mg.Evaluations[0].Status != model.Final {
		t.Errorf("Magelang's rounds: %+v", mg.Evaluations)
	}
	if h, _ := db.History(HistoryFilter{Satker: "kankemenag-sinjai"}); len(h) < 100 {
		t.Errorf("Sinjai's history has %d entries", len(h))
	}
	mustCheckClean(t, db)
	if err := db.Demo(0, fixedNow); !errors.Is(err, ErrExists) {
		t.Errorf("second named demo: %v; want ErrExists", err)
	}
}

func TestDemoGenerated(t *testing.T) {
	db, _ := testDB(t)
	if err := db.Demo(30, fixedNow); err != nil {
		t.Fatal(err)
	}
	if err := db.Demo(5, fixedNow); err != nil {
		t.Fatal(err)
	}
	sums, _ := db.SatkerSummaries()
	if len(sums) != 35 || sums[34].Satker.ID != "uji-00035" {
		t.Fatalf("%d satkers, last %s", len(sums), sums[len(sums)-1].Satker.ID)
	}
	mustCheckClean(t, db)
}
