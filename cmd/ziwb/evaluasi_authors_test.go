package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// show names who gave a level's value, not who last touched the answer:
// budi answered, rahmat only wrote a note on the same level.
func TestEvaluasiShowNamesTheValuesAuthor(t *testing.T) {
	f := newReviewFixture(t)
	q := f.qs[1]
	db := mustOpen(t, f.path, false)
	id := model.EvaluationID(reviewSatker, 2026, model.StageTPI)
	if _, err := db.SetAnswer(id, q.ID, q.Best(), "budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetNote(id, q.ID, "Berita acara seleksi belum ada.", "rahmat"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, raw := f.show(t)
	var v struct {
		Answers []struct {
			Levels map[string]*struct {
				By      string  `json:"by"`
				ValueBy string  `json:"value_by"`
				ValueAt *string `json:"value_at"`
				NoteBy  string  `json:"note_by"`
				NoteAt  *string `json:"note_at"`
			}
		}
	}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Answers) != 1 || v.Answers[0].Levels["anggota"] == nil {
		t.Fatalf("answers:\n%s", raw)
	}
	a := v.Answers[0].Levels["anggota"]
	if a.By != "rahmat" || a.ValueBy != "budi" || a.ValueAt == nil || a.NoteBy != "rahmat" || a.NoteAt == nil {
		t.Errorf("by %q (the last change, kept), value by %q at %v, note by %q at %v; want rahmat, budi, rahmat:\n%s",
			a.By, a.ValueBy, a.ValueAt, a.NoteBy, a.NoteAt, raw)
	}

	text := f.ok(t, "siapa.saja", "evaluasi", "show", "--satker", reviewSatker)
	var row string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), q.ID) {
			row = line
		}
	}
	fields := strings.Fields(row)
	if len(fields) < 4 || fields[3] != "budi" || !strings.Contains(row, "Berita acara seleksi belum ada. (oleh rahmat)") {
		t.Errorf("the answer's row should name budi as who answered and rahmat as the note's:\n%s", text)
	}
}
