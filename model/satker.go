package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SatkerKind is the kind of work unit.
type SatkerKind string

const (
	Kanwil     SatkerKind = "Kanwil"
	Kankemenag SatkerKind = "Kantor Kemenag Kab/Kota"
	KUA        SatkerKind = "KUA"
	Madrasah   SatkerKind = "Madrasah"
	PTKN       SatkerKind = "PTKN"
	OtherKind  SatkerKind = "Lainnya"
)

// SatkerKinds lists the kinds in the order forms offer them.
var SatkerKinds = []SatkerKind{Kanwil, Kankemenag, KUA, Madrasah, PTKN, OtherKind}

// Predicate ids the satker record uses as targets.
const (
	WBK  = "WBK"
	WBBM = "WBBM"
)

// Satker is a work unit building toward WBK or WBBM.
type Satker struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Kind     SatkerKind `json:"kind"`
	Province string     `json:"province"`
	Regency  string     `json:"regency,omitempty"` // kabupaten/kota
	Head     string     `json:"head,omitempty"`    // head of unit
	Target   string     `json:"target"`            // WBK or WBBM
	Created  time.Time  `json:"created"`
	Updated  time.Time  `json:"updated"`
}

// FieldError names the field a value is wrong in.
type FieldError struct {
	Field string
	Value string
	Msg   string
}

// parseName finds s among names, in any case and without the space
// around it; else it is a FieldError of field, hint saying what to pick.
func parseName[T ~string](s string, names []T, field, hint string) (T, error) {
	for _, n := range names {
		if strings.EqualFold(string(n), strings.TrimSpace(s)) {
			return n, nil
		}
	}
	return "", &FieldError{field, s, hint}
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Msg)
	}
	return fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Msg)
}

var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Slug makes an id from a name: "Kantor Kemenag Kab. Magelang" →
// "kantor-kemenag-kab-magelang". A letter with a mark keeps its letter
// ("Ñandú" → "nandu").
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFD.String(name)) {
		if unicode.Is(unicode.Mn, r) {
			continue // the mark of a decomposed letter
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// HasControl reports a control character (C0, DEL or C1; a line break
// too) or a byte that is no UTF-8 in s: text that, written to a
// terminal, could act instead of show.
func HasControl(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == utf8.RuneError && size == 1 {
			return true
		}
		i += size
	}
	return false
}

// Validate checks a satker record field by field, first problem first.
func (s Satker) Validate() error {
	for _, f := range []struct{ field, text string }{
		{"nama", s.Name}, {"kepala", s.Head}, {"provinsi", s.Province}, {"kabupaten/kota", s.Regency},
	} {
		if HasControl(f.text) {
			return &FieldError{f.field, "", "berisi karakter kendali (mis. ESC atau tab); ketik ulang tanpa karakter itu"}
		}
	}
	switch {
	case !slugPattern.MatchString(s.ID):
		return &FieldError{"id", s.ID, "pakai huruf kecil, angka dan tanda hubung"}
	case strings.TrimSpace(s.Name) == "":
		return &FieldError{"nama", "", "wajib diisi"}
	case !slices.Contains(SatkerKinds, s.Kind):
		return &FieldError{"jenis", string(s.Kind), "pilih salah satu: " + kindList()}
	case strings.TrimSpace(s.Province) == "":
		return &FieldError{"provinsi", "", "wajib diisi"}
	case s.Target != WBK && s.Target != WBBM:
		return &FieldError{"target", s.Target, "pilih WBK atau WBBM"}
	}
	return nil
}

func kindList() string {
	s := make([]string, len(SatkerKinds))
	for i, k := range SatkerKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Stage is the round an evaluation belongs to.
type Stage string

const (
	StagePMPZI       Stage = "PMPZI"        // the satker's self-assessment
	StageTPI         Stage = "TPI"          // desk evaluation by the internal team
	StageTPILapangan Stage = "TPI-lapangan" // field evaluation by the internal team
	StageTPN         Stage = "TPN"          // national team
)

// Stages lists the stages in the order of a satker's year.
var Stages = []Stage{StagePMPZI, StageTPI, StageTPILapangan, StageTPN}

// ParseStage accepts a stage name in any case.
func ParseStage(s string) (Stage, error) {
	return parseName(s, Stages, "tahap", "pilih salah satu: PMPZI, TPI, TPI-lapangan, TPN")
}

// Status of an evaluation.
type Status string

const (
	Draft Status = "draft"
	Final Status = "final"
)

// Evaluation is one satker's assessment in one round (year and stage).
type Evaluation struct {
	ID             string   `json:"id"` // see EvaluationID
	SatkerID       string   `json:"satker"`
	Year           int      `json:"year"`
	Stage          Stage    `json:"stage"`
	Evaluators     []string `json:"evaluators,omitempty"` // names given before teams, kept as they were
	Team           Team     `json:"team,omitempty"`
	InstrumentID   string   `json:"instrument"`
	InstrumentHash string   `json:"instrument_hash"`
	Status         Status   `json:"status"`
	// From is the earlier round this one started from (its answers came
	// over marked carried); empty when it started blank.
	From    string    `json:"from,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// ImportYear is the year of the round an import that names no year goes
// into: the satker's latest of that stage among evals, else thisYear.
func ImportYear(evals []Evaluation, stage Stage, thisYear int) int {
	year := 0
	for _, e := range evals {
		if e.Stage == stage && e.Year > year {
			year = e.Year
		}
	}
	if year == 0 {
		return thisYear
	}
	return year
}

// ValidYear says whether an evaluation can be of year y: 2000 to 2100.
func ValidYear(y int) bool { return y >= 2000 && y <= 2100 }

// EvaluationID is the natural key of a round: one evaluation per satker,
// year and stage, so imports of the same round meet the same record.
func EvaluationID(satkerID string, year int, stage Stage) string {
	return fmt.Sprintf("%s/%d/%s", satkerID, year, stage)
}

// Validate checks an evaluation record.
func (e Evaluation) Validate() error {
	if _, err := ParseStage(string(e.Stage)); err != nil {
		return err
	}
	switch {
	case !ValidYear(e.Year):
		return &FieldError{"tahun", fmt.Sprint(e.Year), "tahun antara 2000 dan 2100"}
	case !slices.Contains(Statuses, e.Status):
		return &FieldError{"status", string(e.Status), "pilih draft, diajukan, direviu atau final"}
	case e.ID != EvaluationID(e.SatkerID, e.Year, e.Stage):
		return &FieldError{"id", e.ID, "harus " + EvaluationID(e.SatkerID, e.Year, e.Stage)}
	}
	return nil
}

// Evidence is a document (data dukung) backing an answer.
type Evidence struct {
	Title    string `json:"title"`
	Location string `json:"location"` // a path, URL or document number
	Checked  bool   `json:"checked"`  // the evaluator has looked at it
}

// Answer is what an evaluation holds for one question.
type Answer struct {
	Question string     `json:"question"`
	Value    Value      `json:"value"`
	Note     string     `json:"note,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	By       string     `json:"by"`
	At       time.Time  `json:"at"`
	// Level is the review level this answer is from (anggota when the
	// evaluation has no team); Carried marks an answer brought over from
	// an earlier round that no level has confirmed or changed yet.
	Level   Level `json:"level,omitempty"`
	Carried bool  `json:"carried,omitempty"`
}

// Change is one entry of the append-only history: who changed what, when,
// from what to what. Undo replays it backwards.
type Change struct {
	Seq        uint64    `json:"seq"`
	At         time.Time `json:"at"`
	By         string    `json:"by"`
	Satker     string    `json:"satker"`
	Evaluation string    `json:"evaluation,omitempty"`
	Question   string    `json:"question,omitempty"`
	Field      string    `json:"field"` // e.g. "value", "note", "evidence", "satker", "status"
	Old        string    `json:"old"`
	New        string    `json:"new"`
	// Group is the Seq of the first change of the user action this one
	// belongs to (a value and its note saved together); 0 when unknown.
	Group uint64 `json:"group,omitempty"`
	// Level is the review level an answer change was made at (0 for
	// anggota); Reason is why a status went back or a final evaluation
	// was reopened.
	Level  Level  `json:"level,omitempty"`
	Reason string `json:"reason,omitempty"`
}
