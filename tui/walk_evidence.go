package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// The evidence (data dukung) of the current question: the list, and the
// form that adds or edits one item.

// evidence is the list shown and edited: the one of the highest level up
// to the user's own that has any (every level when they may not edit),
// so a reviewer starts from what the level below gathered.
func (w *walkScreen) evidence() []model.Evidence {
	top := model.Pengendali
	if w.stepErr == nil {
		top = w.step.Level
	}
	byLevel := w.levels[w.question().ID]
	for l := top; l >= model.Anggota; l-- {
		if ev := byLevel[l].Evidence; len(ev) > 0 {
			return ev
		}
	}
	return nil
}

func (w *walkScreen) evidenceKey(msg tea.KeyPressMsg) tea.Cmd {
	k := w.keys
	ev := w.evidence()
	switch {
	case key.Matches(msg, k.LeaveList):
		w.focus = focusQuestion
	case key.Matches(msg, k.EvUp):
		w.evCur = max(0, w.evCur-1)
	case key.Matches(msg, k.EvDown):
		w.evCur = max(0, min(len(ev)-1, w.evCur+1))
	case key.Matches(msg, k.EvAdd) || key.Matches(msg, k.EvEdit) && len(ev) > 0:
		if why := w.editRefused("eviden"); why != "" {
			w.refuse(why) // before anything is typed, not after
			return nil
		}
		if key.Matches(msg, k.EvAdd) {
			return w.openEvidenceForm(-1)
		}
		return w.openEvidenceForm(w.evCur)
	case key.Matches(msg, k.EvRemove, k.EvCheck) && w.pending > 0:
		w.problem = "Tunggu sebentar: perubahan sebelumnya masih disimpan."
	case key.Matches(msg, k.EvRemove) && len(ev) > 0:
		next := append(append([]model.Evidence{}, ev[:w.evCur]...), ev[w.evCur+1:]...)
		w.evCur = max(0, min(w.evCur, len(next)-1))
		return w.saveEvidence(next)
	case key.Matches(msg, k.EvCheck) && len(ev) > 0:
		next := append([]model.Evidence{}, ev...)
		next[w.evCur].Checked = !next[w.evCur].Checked
		return w.saveEvidence(next)
	}
	return nil
}

func (w *walkScreen) openEvidenceForm(idx int) tea.Cmd {
	w.focus = focusEvidenceForm
	w.evIdx = idx
	title, loc := "", ""
	if idx >= 0 {
		e := w.evidence()[idx]
		title, loc = e.Title, e.Location
	}
	w.evForm[0].SetValue(title)
	w.evForm[1].SetValue(loc)
	w.evForm[1].Blur()
	return w.evForm[0].Focus()
}

// evField is the evidence form's field with focus: 0 the title, 1 the
// location.
func (w *walkScreen) evField() int {
	if w.evForm[1].Focused() {
		return 1
	}
	return 0
}

func (w *walkScreen) evidenceFormKey(msg tea.KeyPressMsg) tea.Cmd {
	field := w.evField()
	switch {
	case key.Matches(msg, w.keys.Discard):
		w.evForm[field].Blur()
		w.focus = focusEvidence
		w.problem = ""
		return nil
	case key.Matches(msg, w.keys.NextField) || (key.Matches(msg, w.keys.Submit) && field == 0):
		w.evForm[field].Blur()
		return w.evForm[1-field].Focus()
	case key.Matches(msg, w.keys.Submit, w.keys.Save):
		title := strings.TrimSpace(w.evForm[0].Value())
		loc := strings.TrimSpace(w.evForm[1].Value())
		if title == "" {
			w.problem = "Judul eviden wajib diisi."
			w.evForm[1].Blur()
			return w.evForm[0].Focus()
		}
		next := append([]model.Evidence{}, w.evidence()...)
		if w.evIdx >= 0 && w.evIdx < len(next) {
			next[w.evIdx].Title, next[w.evIdx].Location = title, loc
		} else {
			next = append(next, model.Evidence{Title: title, Location: loc})
			w.evCur = len(next) - 1
		}
		w.evForm[field].Blur()
		w.focus = focusEvidence
		w.problem = ""
		return w.saveEvidence(next)
	}
	var cmd tea.Cmd
	w.evForm[field], cmd = w.evForm[field].Update(msg)
	return cmd
}

func (w *walkScreen) saveEvidence(ev []model.Evidence) tea.Cmd {
	db, evalID, qid, user := w.env.db, w.evalID, w.question().ID, w.env.user
	return w.write(func() (model.Answer, error) { return db.SetEvidence(evalID, qid, ev, user) })
}
