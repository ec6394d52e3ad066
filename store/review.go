package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// The review chain: who may do what follows the team and the status
// (model.Decide); the store asks it on every write to an evaluation, so a
// screen or a script cannot go around it.

// Refusal is an action the person's level and the evaluation's status do
// not allow; errors.Is(err, ErrForbidden) holds for it.
type Refusal struct {
	Evaluation string
	Why        *model.DecisionError
}

func (r *Refusal) Error() string   { return fmt.Sprintf("evaluasi %s: %v", r.Evaluation, r.Why) }
func (r *Refusal) Unwrap() []error { return []error{ErrForbidden, r.Why} }

// Actor is who by is through this view, as the review chain sees them:
// an admin view (and the owner of the file) may set any team and reopen
// any final evaluation.
func (db *DB) Actor(by string) model.Actor {
	return model.Actor{Name: by, Admin: db.role.rank() >= RoleAdmin.rank()}
}

// decide asks model.Decide about an evaluation record.
func (db *DB) decide(e evalRec, act model.Action, by, reason string) (model.Step, error) {
	step, err := model.Decide(e.team(), model.Status(e.Status), db.Actor(by), act, reason)
	if de, ok := err.(*model.DecisionError); ok {
		return step, &Refusal{Evaluation: e.ID, Why: de}
	}
	return step, err
}

// Act moves an evaluation along the review chain: ajukan, setujui,
// kembalikan (with a reason) or buka (a final one, with a reason). The
// step is one history entry with who, when and why.
func (db *DB) Act(evalID string, act model.Action, reason, by string) (model.Evaluation, error) {
	if act == model.ActEdit || act == model.ActSetTeam {
		return model.Evaluation{}, fmt.Errorf("aksi %q %w di sini", act, ErrInvalid)
	}
	return db.editEvaluation(evalID, act, reason, by, func(e *evalRec, step model.Step) (changeRec, error) {
		old := e.Status
		e.Status = string(step.To)
		return changeRec{Field: fieldStatus, Old: old, New: e.Status, Level: storedLevel(step.Level),
			Reason: strings.TrimSpace(reason)}, nil
	})
}

// SetTeam gives an evaluation its team, checked (a name once, a level
// each); an admin or the evaluation's ketua or pengendali may, and anyone
// while the evaluation has no team yet.
func (db *DB) SetTeam(evalID string, team model.Team, by string) (model.Evaluation, error) {
	for i, m := range team {
		if strings.TrimSpace(m.Name) == "" || m.Level < model.Anggota || m.Level > model.Pengendali {
			return model.Evaluation{}, invalid("tim", &model.FieldError{Field: fmt.Sprintf("tim %d", i+1), Value: m.Name, Msg: "nama dan tingkat wajib diisi"})
		}
	}
	if err := db.checkTeam(team); err != nil {
		return model.Evaluation{}, err
	}
	return db.editEvaluation(evalID, model.ActSetTeam, "", by, func(e *evalRec, _ model.Step) (changeRec, error) {
		old := e.team().String()
		if old == team.String() {
			return changeRec{}, errUnchanged
		}
		e.Team = teamToRecs(team)
		return changeRec{Field: fieldTeam, Old: old, New: team.String()}, nil
	})
}

// editEvaluation is the one write path of an evaluation's own record (its
// status, its team): one transaction that asks the review chain, applies
// edit, records the one history entry edit describes and rebuilds the
// satker's list record. It returns the evaluation also when edit finds
// nothing to change (errUnchanged).
func (db *DB) editEvaluation(evalID string, act model.Action, reason, by string, edit func(*evalRec, model.Step) (changeRec, error)) (model.Evaluation, error) {
	var out evalRec
	err := db.write(func(t txn) error {
		e, err := t.evaluation(evalID)
		if err != nil {
			return err
		}
		step, err := db.decide(e, act, by, reason)
		if err != nil {
			return err
		}
		out = e
		c, err := edit(&e, step)
		if err != nil {
			return err
		}
		e.Updated = db.stamp()
		if err := t.put(bucketEvaluations, evalID, e); err != nil {
			return err
		}
		c.By, c.At, c.Satker, c.Evaluation = by, e.Updated, e.Satker, evalID
		if _, err := t.record(c); err != nil {
			return err
		}
		out = e
		return t.rebuildSummary(e.Satker)
	})
	if err != nil {
		return model.Evaluation{}, err
	}
	return out.model(), nil
}

// QueueItem is an evaluation whose next step is someone's.
type QueueItem struct {
	Satker     model.Satker
	Evaluation EvalSummary
	Level      model.Level // the level its status waits on
}

// Queue lists the evaluations whose next step is name's (model.Waits), by
// satker name, from the list records: no evaluation is read.
func (db *DB) Queue(name string) ([]QueueItem, error) {
	list, err := db.SatkerList()
	if err != nil {
		return nil, err
	}
	var out []QueueItem
	for _, s := range list {
		for _, e := range s.Evaluations {
			if model.Waits(e.Team, e.Status, name) {
				out = append(out, QueueItem{Satker: s.Satker, Evaluation: e, Level: model.EditLevel(e.Status)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b QueueItem) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Satker.Name), strings.ToLower(b.Satker.Name)),
			cmp.Compare(a.Evaluation.Year, b.Evaluation.Year),
			cmp.Compare(stageOrder(a.Evaluation.Stage), stageOrder(b.Evaluation.Stage)))
	})
	return out, nil
}

// LastSteps gives each evaluation's newest status step, as the walk finds
// it (among its latest stepHorizon entries): the queue says with it who
// sent an evaluation back, and why. An evaluation without one is absent.
func (db *DB) LastSteps(evalIDs []string) (map[string]model.Change, error) {
	out := map[string]model.Change{}
	err := db.read(func(t txn) error {
		for _, id := range evalIDs {
			seen := 0
			if err := t.walkOwner(id, func(c changeRec) bool {
				if c.Field == fieldStatus {
					out[id] = c.model()
					return false
				}
				seen++
				return seen < stepHorizon
			}); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// LevelScorecards scores an evaluation as each review level left it: the
// anggota's answers alone, then with the ketua's over them, then with the
// pengendali's. Only levels that answered something are there.
func (db *DB) LevelScorecards(evalID string) (map[model.Level]model.Scorecard, *model.Instrument, error) {
	var levels map[string]map[model.Level]model.Answer
	in, target, err := db.scoring(evalID, func(t txn) error {
		recs, err := t.answers(evalID)
		levels = levelMap(recs)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	answered := map[model.Level]bool{}
	for _, byLevel := range levels {
		for l, a := range byLevel {
			if !a.Value.IsZero() {
				answered[l] = true
			}
		}
	}
	out := map[model.Level]model.Scorecard{}
	for _, l := range model.Levels {
		if !answered[l] {
			continue
		}
		sc, err := model.Score(in, model.ValuesUpTo(levels, l), in.TargetFor(target))
		if err != nil {
			return nil, nil, err
		}
		out[l] = sc
	}
	return out, in, nil
}

// SetPeople limits the names a team may hold to these people and their
// roles (a server's users file); nil lifts the limit, as on a laptop.
func (db *DB) SetPeople(people map[string]Role) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if people == nil {
		db.people = nil
		return
	}
	db.people = make(map[string]Role, len(people))
	for n, r := range people {
		db.people[strings.ToLower(n)] = r
	}
}

// checkTeam refuses a team with a name the database does not know, or
// with someone whose role may not write (a viewer would hold the review
// chain at her turn, every step refused), when it knows its people.
func (db *DB) checkTeam(team model.Team) error {
	if _, err := model.ParseTeam(team.String()); err != nil {
		return invalid("tim", err)
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.people == nil {
		return nil
	}
	for _, m := range team {
		role, ok := db.people[strings.ToLower(m.Name)]
		switch {
		case !ok:
			return invalid("tim", &model.FieldError{Field: "tim", Value: m.Name, Msg: "bukan pengguna server ini (lihat berkas pengguna)"})
		case role.rank() < RoleEvaluator.rank():
			return invalid("tim", &model.FieldError{Field: "tim", Value: m.Name,
				Msg: fmt.Sprintf("berperan %s di berkas pengguna dan hanya boleh melihat; anggota tim perlu peran %s atau %s", role, RoleEvaluator, RoleAdmin)})
		}
	}
	return nil
}
