package tui

import (
	"fmt"
	"maps"
	"strings"

	"charm.land/bubbles/v2/table"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// What the merge screen shows of a conflict: its evaluation's worksheet
// and scores, and the words for its fields and values.

// mergeSheet is one evaluation that conflicts touch: its worksheet, the
// total now (the answers that count) and the total once the decided
// value conflicts are applied.
type mergeSheet struct {
	ws         store.Worksheet
	err        error
	now, after float64
	scoreErr   error
}

func loadSheet(db *store.DB, evalID string) *mergeSheet {
	ws, err := db.Worksheet(evalID)
	sh := &mergeSheet{ws: ws, err: err}
	if err == nil {
		sh.now, sh.scoreErr = sh.score(nil)
		sh.after = sh.now
	}
	return sh
}

// score totals the evaluation with the answers that count, changed by
// the decided value conflicts in cs (nil: as it is).
func (sh *mergeSheet) score(cs []store.Conflict) (float64, error) {
	in := sh.ws.Instrument
	values := make(model.Answers, len(sh.ws.Answers))
	for q, a := range sh.ws.Answers {
		if !a.Value.IsZero() {
			values[q] = a.Value
		}
	}
	// A decision replaces one level's value; the value that counts is
	// then the highest level's again, as the store derives it.
	changed := map[string]map[model.Level]model.Answer{}
	for _, c := range cs {
		text, ok := c.Resolved()
		if !ok || c.Evaluation != sh.ws.Evaluation.ID || c.Kind != "jawaban" || c.Field != "value" {
			continue
		}
		q, known := in.Question(c.Question)
		if !known {
			continue
		}
		var v model.Value
		if strings.TrimSpace(text) != "" {
			var err error
			if v, err = q.Parse(text); err != nil {
				continue // the store refused it when it was typed
			}
		}
		lv := changed[c.Question]
		if lv == nil {
			lv = maps.Clone(sh.ws.Levels[c.Question])
			if lv == nil {
				lv = map[model.Level]model.Answer{}
			}
			changed[c.Question] = lv
		}
		l := max(c.Level, model.Anggota)
		a := lv[l]
		a.Value = v
		lv[l] = a
	}
	for q, lv := range changed {
		if a, ok := model.Effective(lv); ok {
			values[q] = a.Value
		} else {
			delete(values, q)
		}
	}
	sc, err := model.Score(in, values, in.TargetFor(sh.ws.Satker.Target))
	return sc.Total, err
}

// rescore recomputes the total once the decisions in cs are accepted.
func (sh *mergeSheet) rescore(cs []store.Conflict) {
	if sh.err != nil || sh.scoreErr != nil {
		return
	}
	if after, err := sh.score(cs); err == nil {
		sh.after = after
	}
}

// question is the conflict's question, when the worksheet knows it.
func (sh *mergeSheet) question(c store.Conflict) (*model.Question, bool) {
	if sh == nil || sh.err != nil || c.Kind != "jawaban" {
		return nil, false
	}
	return sh.ws.Instrument.Question(c.Question)
}

// Columns of the conflict table. The first holds the selection marker.
const (
	mcMark = iota
	mcSatker
	mcEval
	mcItem
	mcField
	mcOurs
	mcTheirs
	mcChoice
)

var (
	mergeColumns = []colSpec{
		mcMark:   {"", 1, 1, 0},
		mcSatker: {"SATKER", 10, 30, 90},
		mcEval:   {"EVALUASI", 10, 17, 0}, // "2026 PMPZI", "2026 TPI-lapangan"
		mcItem:   {"BUTIR", 6, 11, 0},     // "1.i.b", "rekomendasi"
		mcField:  {"ISIAN", 7, 16, 0},     // "nilai", "catatan (ketua)"
		mcOurs:   {"SINI", 6, 30, 0},
		mcTheirs: {"MEREKA", 6, 30, 0},
		mcChoice: {"PILIHAN", 8, 16, 0}, // "✓ mereka"
	}
	// The detail under the table names the satker and the evaluation in
	// full: their columns give way first; a narrow screen shows no satker,
	// whose name a few cells do not tell.
	mergeDrop = []int{mcEval, mcSatker}
	// The values and the decision come before the satker's name, which
	// the detail has in full.
	mergeGrow = []growStep{{mcEval, 10}, {mcItem, 8}, {mcField, 9}, {mcOurs, 12}, {mcTheirs, 12}, {mcChoice, 12},
		{mcSatker, 16}, {mcOurs, 20}, {mcTheirs, 20}, {mcChoice, 16}, {mcEval, 17}, {mcItem, 11}, {mcField, 16},
		{mcSatker, 30}, {mcOurs, 30}, {mcTheirs, 30}}
)

func (m *mergeScreen) cells(c *store.Conflict) table.Row {
	sh := m.sheets[c.Evaluation]
	return table.Row{"", shortSatkerName(m.names[c.Satker]), evalName(sh, c.Evaluation), itemName(sh, *c),
		fieldName(*c, sh), cellText(*c, c.Ours), cellText(*c, c.Theirs), choiceCell(*c)}
}

// cellText is one side's value in a cell: an answer's value alone (the
// detail has its criterion), a text on one line.
func cellText(c store.Conflict, v string) string {
	if v == "" {
		return sideText(c, v, nil)
	}
	return format.OneLine(v)
}

// evalName is "2026 TPI", or the evaluation's id when it cannot be read.
func evalName(sh *mergeSheet, id string) string {
	switch {
	case id == "":
		return "—"
	case sh == nil || sh.err != nil:
		return id
	}
	return fmt.Sprintf("%d %s", sh.ws.Evaluation.Year, sh.ws.Evaluation.Stage)
}

// itemName is what in the satker the conflict is about: a question's
// number, or the kind of record.
func itemName(sh *mergeSheet, c store.Conflict) string {
	if q, ok := sh.question(c); ok {
		return q.Number()
	}
	if c.Kind == "jawaban" {
		return c.Question
	}
	return c.Kind
}

// mergeFields names the fields a conflict can be about: in a heading,
// and short in the table.
var mergeFields = map[string][2]string{
	"value":                {"Nilai", "nilai"},
	"note":                 {"Catatan", "catatan"},
	"evidence":             {"Bukti", "bukti"},
	"carried":              {"Dibawa dari putaran lalu", "dibawa"},
	"status":               {"Status", "status"},
	"team":                 {"Tim", "tim"},
	"name":                 {"Nama", "nama"},
	"kind":                 {"Jenis", "jenis"},
	"province":             {"Provinsi", "provinsi"},
	"regency":              {"Kabupaten/kota", "kab/kota"},
	"head":                 {"Pimpinan", "pimpinan"},
	"target":               {"Target", "target"},
	"rekomendasi.text":     {"Teks rekomendasi", "teks"},
	"rekomendasi.priority": {"Prioritas", "prioritas"},
	"rekomendasi.due":      {"Tenggat", "tenggat"},
	"rekomendasi.node":     {"Butir", "butir"},
	"rekomendasi.status":   {"Status rekomendasi", "status"},
}

// fieldLabel names the conflict's field in a heading or a prompt.
func fieldLabel(c store.Conflict) string {
	if f, ok := mergeFields[c.Field]; ok {
		return f[0]
	}
	return c.Field
}

// fieldName names the field in the table, with the level when the
// evaluation has a team (each level answers in its own column).
func fieldName(c store.Conflict, sh *mergeSheet) string {
	name := c.Field
	if f, ok := mergeFields[c.Field]; ok {
		name = f[1]
	}
	if levelShown(c, sh) {
		name += " (" + max(c.Level, model.Anggota).String() + ")"
	}
	return name
}

// levelShown says whether an answer's level is worth naming: above the
// anggota's, or in an evaluation with a team, where every level answers
// in its own column.
func levelShown(c store.Conflict, sh *mergeSheet) bool {
	return c.Kind == "jawaban" && (c.Level > model.Anggota || sh != nil && sh.err == nil && len(sh.ws.Evaluation.Team) > 0)
}

// editable says whether a value of one's own makes sense for the field:
// an evidence item and the carried mark are either side's, nothing else.
func editable(c store.Conflict) bool { return c.Field != "evidence" && c.Field != "carried" }

// sideText says one side's value of the conflict's field: an answer's
// value with its criterion, the words for nothing.
func sideText(c store.Conflict, v string, sh *mergeSheet) string {
	if q, ok := sh.question(c); ok && c.Field == "value" {
		return answerText(q, v)
	}
	if v != "" {
		return v
	}
	switch c.Field {
	case "evidence":
		return "tidak ada"
	case "carried":
		return "tidak dibawa"
	}
	return "(kosong)"
}

// answerText is a value with the criterion of its option: "B — Sebagian
// anggota dipilih …".
func answerText(q *model.Question, v string) string {
	if strings.TrimSpace(v) == "" {
		return "(kosong)"
	}
	if o, ok := q.Option(v); ok && o.Label != "" {
		return o.Key + " — " + o.Label
	}
	return v
}

// choiceNames name each decision so far: in a word for the table's
// column, which reads the same without colour, and in words for the
// detail. An edit's names go before the value typed.
var choiceNames = map[store.Choice]struct{ cell, words string }{
	store.ChooseNone:   {"belum", "belum diputuskan"},
	store.ChooseOurs:   {"✓ sini", "milik sini"},
	store.ChooseTheirs: {"✓ mereka", "milik mereka"},
	store.ChooseEdit:   {"✓ baru: ", "nilai baru: "},
}

// choiceCell is the decision so far, in a word.
func choiceCell(c store.Conflict) string { return choiceName(c, false, c.Edited) }

// mergeChoiceText is the decision so far, in words.
func mergeChoiceText(c store.Conflict, sh *mergeSheet) string {
	return choiceName(c, true, sideText(c, c.Edited, sh))
}

// choiceName names c's decision, in words or in a word, with edited (the
// value typed, as it is shown) on one line after an edit's name.
func choiceName(c store.Conflict, words bool, edited string) string {
	n, ok := choiceNames[c.Choice]
	if !ok {
		n = choiceNames[store.ChooseNone]
	}
	name := n.cell
	if words {
		name = n.words
	}
	if c.Choice == store.ChooseEdit {
		name += format.OneLine(edited)
	}
	return name
}

// canonical writes a typed answer value as the store keeps values ("b"
// as "B", "72,5" as "72.5"), so that what is accepted is what was
// checked; text the question does not take goes as typed, for the store
// to refuse with its reason.
func (m *mergeScreen) canonical(id, text string) string {
	c := m.find(id)
	if c == nil || c.Field != "value" {
		return text
	}
	q, ok := m.sheets[c.Evaluation].question(*c)
	if !ok || strings.TrimSpace(text) == "" {
		return strings.TrimSpace(text)
	}
	if v, err := q.Parse(text); err == nil {
		return v.String()
	}
	return text
}
