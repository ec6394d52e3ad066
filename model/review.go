package model

import (
	"cmp"
	"fmt"
	"strings"
)

// The statuses of the review chain, in order.
const (
	Submitted Status = "diajukan" // the anggota handed it to the ketua
	Reviewed  Status = "direviu"  // the ketua passed it to the pengendali
)

// Statuses lists the statuses in the order of the chain.
var Statuses = []Status{Draft, Submitted, Reviewed, Final}

// ParseStatus accepts a status by name, in any case.
func ParseStatus(s string) (Status, error) {
	return parseName(s, Statuses, "status", "pilih draft, diajukan, direviu atau final")
}

// EditLevel is the level that works on an evaluation in a status: the
// anggota in draft, the ketua once submitted, the pengendali once
// reviewed; nobody once final.
func EditLevel(st Status) Level {
	switch st {
	case Draft:
		return Anggota
	case Submitted:
		return Ketua
	case Reviewed:
		return Pengendali
	}
	return NoLevel
}

// Action is what someone does to an evaluation.
type Action string

const (
	ActEdit    Action = "ubah"       // answer, note, evidence, undo
	ActSubmit  Action = "ajukan"     // draft → diajukan
	ActApprove Action = "setujui"    // diajukan → direviu → final
	ActReturn  Action = "kembalikan" // one step back, with a reason
	ActReopen  Action = "buka"       // final → direviu, with a reason
	ActSetTeam Action = "tim"        // set the team
)

// Actions lists the status steps, in the order menus offer them.
var Actions = []Action{ActSubmit, ActApprove, ActReturn, ActReopen}

// ParseAction accepts a status step by name.
func ParseAction(s string) (Action, error) {
	return parseName(s, Actions, "aksi", "pilih ajukan, setujui, kembalikan atau buka")
}

// Actor is who acts: a name, and whether the person administers the
// database (may set teams and reopen any final evaluation).
type Actor struct {
	Name  string
	Admin bool
}

// Step is what an allowed action does: the status it leads to and the
// level it acts at.
type Step struct {
	To    Status
	Level Level
}

// Decide says whether who may do act on an evaluation in status st with
// this team, and what it does; a refusal says why, in the words a person
// reads. Return and reopen need a reason.
func Decide(team Team, st Status, who Actor, act Action, reason string) (Step, error) {
	lvl := team.LevelOf(who.Name)
	solo := len(team) == 0
	holds := func(l Level) bool { return solo || lvl == l }
	need := EditLevel(st)
	refuse := func(format string, args ...any) (Step, error) {
		return Step{}, &DecisionError{Action: act, Status: st, Msg: fmt.Sprintf(format, args...)}
	}
	// review moves a submitted or reviewed evaluation a step, up on
	// approval or down on return, on the turn of the level it waits for;
	// a draft or a final one is refused with the word given.
	review := func(fromSubmitted, fromReviewed Status, draft, final string) (Step, error) {
		switch st {
		case Submitted, Reviewed:
			if !holds(need) {
				return refuse("%s", notYours(who.Name, lvl, need, st))
			}
			if st == Submitted {
				return Step{fromSubmitted, need}, nil
			}
			return Step{fromReviewed, need}, nil
		case Draft:
			return refuse("%s", draft)
		}
		return refuse("%s", final)
	}
	if act == ActReturn || act == ActReopen {
		if strings.TrimSpace(reason) == "" {
			return refuse("alasan wajib diisi")
		}
	}
	switch act {
	case ActEdit:
		if st == Final {
			return refuse("sudah final dan terkunci; buka dulu dengan alasan (pengendali atau admin)")
		}
		if !holds(need) {
			return refuse("%s", notYours(who.Name, lvl, need, st))
		}
		return Step{st, need}, nil
	case ActSubmit:
		if st != Draft {
			return refuse("hanya evaluasi draft yang bisa diajukan")
		}
		if !holds(Anggota) {
			return refuse("%s", notYours(who.Name, lvl, Anggota, st))
		}
		return Step{Submitted, Anggota}, nil
	case ActApprove:
		return review(Reviewed, Final, "evaluasi masih draft; anggota mengajukannya dulu", "evaluasi sudah final")
	case ActReturn:
		return review(Draft, Submitted, "evaluasi draft tidak bisa dikembalikan", "evaluasi final tidak dikembalikan; bukalah dengan alasan")
	case ActReopen:
		if st != Final {
			return refuse("hanya evaluasi final yang bisa dibuka")
		}
		if !holds(Pengendali) && !who.Admin {
			return refuse("hanya pengendali teknis evaluasi ini atau admin yang boleh membuka evaluasi final")
		}
		return Step{Reviewed, Pengendali}, nil
	case ActSetTeam:
		if st == Final {
			return refuse("evaluasi sudah final; buka dulu untuk mengubah tim")
		}
		if !who.Admin && !solo && lvl < Ketua {
			return refuse("hanya admin, ketua atau pengendali evaluasi ini yang boleh mengubah tim")
		}
		return Step{st, lvl}, nil
	}
	return refuse("aksi tidak dikenal")
}

// notYours explains a refusal by level: who the person is on this team
// and whose turn it is.
func notYours(name string, has, need Level, st Status) string {
	who := fmt.Sprintf("%s bukan anggota tim evaluasi ini", name)
	if has != NoLevel {
		who = fmt.Sprintf("%s adalah %s", name, has)
	}
	return fmt.Sprintf("%s; pada status %s giliran %s", who, st, need)
}

// DecisionError is an action the level and the status do not allow.
type DecisionError struct {
	Action Action
	Status Status
	Msg    string
	// What is what an edit changes (jawaban, catatan, eviden), when the
	// one asking knows; an edit says jawaban without it.
	What string
}

func (e *DecisionError) Error() string {
	what := string(e.Action)
	if e.Action == ActEdit {
		what = "ubah " + cmp.Or(e.What, "jawaban")
	}
	return fmt.Sprintf("%s ditolak: %s", what, e.Msg)
}

// Waits says whether the evaluation's next step is who's: the level the
// status asks for is theirs. A final evaluation waits on nobody, and so
// does one without a team (its one evaluator knows).
func Waits(team Team, st Status, name string) bool {
	need := EditLevel(st)
	return need != NoLevel && len(team) > 0 && team.LevelOf(name) == need
}

// Effective is the answer that counts among one question's answers per
// level: the highest level's with a value.
func Effective(byLevel map[Level]Answer) (Answer, bool) {
	for i := len(Levels) - 1; i >= 0; i-- {
		if a, ok := byLevel[Levels[i]]; ok && !a.Value.IsZero() {
			return a, true
		}
	}
	return Answer{}, false
}

// Below is the answer that counts under level l: what a reviewer at l
// is changing.
func Below(byLevel map[Level]Answer, l Level) (Answer, bool) {
	for i := len(Levels) - 1; i >= 0; i-- {
		if Levels[i] >= l {
			continue
		}
		if a, ok := byLevel[Levels[i]]; ok && !a.Value.IsZero() {
			return a, true
		}
	}
	return Answer{}, false
}

// NeedsReason says whether a level's answer must come with a reason: it
// changes the value a lower level gave.
func NeedsReason(byLevel map[Level]Answer, l Level, v Value) (Answer, bool) {
	below, ok := Below(byLevel, l)
	if !ok || v.IsZero() || l <= Anggota {
		return below, false
	}
	return below, below.Value != v
}

// ValuesUpTo is the values that count when the review stops at level l:
// per question, the highest level's value up to l. Scoring them gives the
// scorecard per level.
func ValuesUpTo(byQuestion map[string]map[Level]Answer, l Level) Answers {
	out := make(Answers, len(byQuestion))
	for qid, byLevel := range byQuestion {
		for i := len(Levels) - 1; i >= 0; i-- {
			if Levels[i] > l {
				continue
			}
			if a, ok := byLevel[Levels[i]]; ok && !a.Value.IsZero() {
				out[qid] = a.Value
				break
			}
		}
	}
	return out
}

// PreviousRound is the round an evaluation is compared with: the one it
// started from, else the TPI of the same year for a TPI-lapangan, else
// the latest earlier year of the same stage.
func PreviousRound(e Evaluation, others []Evaluation) (Evaluation, bool) {
	var best Evaluation
	found := false
	for _, o := range others {
		switch {
		case o.ID == e.ID:
		case e.From != "" && o.ID == e.From:
			return o, true
		case e.Stage == StageTPILapangan && o.Stage == StageTPI && o.Year == e.Year:
			best, found = o, true
		case o.Stage == e.Stage && o.Year < e.Year && (!found || o.Year > best.Year) &&
			!(best.Stage == StageTPI && best.Year == e.Year):
			best, found = o, true
		}
	}
	return best, found
}

// Progress is how a question's answer stands against the previous round.
type Progress int

const (
	ProgressNone      Progress = iota // no previous round
	ProgressNew                       // the previous round had no answer
	ProgressChanged                   // the answer differs
	ProgressUnchanged                 // the same answer
)

// Compare says how now stands against then.
func Compare(then, now Value, hasPrevious bool) Progress {
	switch {
	case !hasPrevious:
		return ProgressNone
	case then.IsZero():
		return ProgressNew
	case then != now:
		return ProgressChanged
	}
	return ProgressUnchanged
}
