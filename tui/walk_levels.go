package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// The review levels beside the question: each level's answer with who
// gave it and when, the previous round's answer, and where the user
// stands in the chain.

// reviewed reports whether the walk shows the levels at all: the
// evaluation has a team, or someone answered above the anggota.
func (w *walkScreen) reviewed() bool {
	if len(w.eval.Team) > 0 || w.eval.Status != model.Draft {
		return true
	}
	for _, byLevel := range w.levels {
		for l := range byLevel {
			if l > model.Anggota {
				return true
			}
		}
	}
	return false
}

// levelLines lists each level's answer to q, the one that counts marked,
// its note (a reviewer's reason) after it.
func (w *walkScreen) levelLines(q *model.Question, width int) string {
	if !w.reviewed() {
		return ""
	}
	st := w.env.st
	byLevel := w.levels[q.ID]
	counts, _ := model.Effective(byLevel)
	var b strings.Builder
	b.WriteString(st.Header.Render("Reviu: ") + st.Muted.Render(w.standing()) + "\n")
	if c := w.last; c != nil && c.Reason != "" { // why it came back: what the person now at work must read
		what := "dikembalikan"
		if model.Status(c.Old) == model.Final {
			what = "dibuka kembali"
		}
		lines := wrapLines(fmt.Sprintf("↩ %s oleh %s, %s: “%s”", what, c.By, format.ShortDate(c.At.Local()), c.Reason), width-4, 3)
		for i, line := range lines {
			indent := "  "
			if i > 0 {
				indent = "    "
			}
			b.WriteString(st.Warn.Render(indent+line) + "\n")
		}
	}
	for _, l := range model.Levels {
		a, ok := byLevel[l]
		names := strings.Join(w.eval.Team.Names(l), ", ")
		if !ok && names == "" {
			continue
		}
		mark := "  "
		if ok && !a.Value.IsZero() && a.Level == counts.Level {
			mark = "› "
		}
		value := "—"
		if ok && !a.Value.IsZero() {
			value = format.Answer(q, a.Value)
		}
		line := fmt.Sprintf("%s%-10s %-4s", mark, l, value)
		by, at := w.answerAuthor(q.ID, a)
		if ok && by != "" {
			line += " " + by + ", " + format.ShortDate(at.Local())
		} else if names != "" {
			line += " " + names
		}
		if ok && a.Carried {
			line += " · dibawa"
		}
		reason := ""
		// A reviewer's reason; the anggota's note too, unless it is the
		// one the user's own editor below shows.
		if ok && a.Note != "" && (l > model.Anggota || l != w.step.Level) {
			first, _, _ := strings.Cut(a.Note, "\n")
			reason = "“" + first + "”"
			if noteBy, _ := w.noteAuthor(q.ID, a); noteBy != by { // a note on another's value
				reason = noteBy + ": " + reason
			}
			// A reviewer's reason may share its line; the anggota's note,
			// no reason for the value beside it, goes under it.
			if l > model.Anggota && lipgloss.Width(line)+3+lipgloss.Width(reason) <= width {
				line, reason = line+" — "+reason, ""
			} else {
				reason = ansi.Truncate(strings.Repeat(" ", 18)+reason, width, "…")
			}
		}
		line = ansi.Truncate(line, width, "…")
		switch {
		case l == w.step.Level && w.stepErr == nil:
			line = st.Focus.Render(line)
		case mark == "  ":
			line = st.Muted.Render(line)
		}
		b.WriteString(line + "\n")
		if reason != "" {
			b.WriteString(st.Muted.Render(reason) + "\n")
		}
	}
	return b.String()
}

// answerAuthor is who a level's answer line names, and when: who gave
// its value, or, for an answer without one, who last changed it.
func (w *walkScreen) answerAuthor(qid string, a model.Answer) (string, time.Time) {
	if au := w.authors[store.AnswerOf{Question: qid, Level: a.Level}]; !a.Value.IsZero() && au.ValueBy != "" {
		return au.ValueBy, au.ValueAt
	}
	return a.By, a.At
}

// noteAuthor is who last changed a level's note, and when.
func (w *walkScreen) noteAuthor(qid string, a model.Answer) (string, time.Time) {
	if au := w.authors[store.AnswerOf{Question: qid, Level: a.Level}]; a.Note != "" && au.NoteBy != "" {
		return au.NoteBy, au.NoteAt
	}
	return a.By, a.At
}

// previousLine compares the answer that counts with the previous round's.
func (w *walkScreen) previousLine(q *model.Question, now model.Value, width int) string {
	if w.round == nil {
		return ""
	}
	st := w.env.st
	then := w.prev[q.ID].Value
	round := fmt.Sprintf("%d %s", w.round.Year, w.round.Stage)
	var text string
	switch model.Compare(then, now, true) {
	case model.ProgressNew:
		text = fmt.Sprintf("↺ %s: belum dijawab — baru", round)
	case model.ProgressChanged:
		pts, _ := w.inst.QuestionMax(q.ID)
		if now.IsZero() {
			text = fmt.Sprintf("↺ %s: %s — belum dijawab sekarang", round, format.Answer(q, then))
		} else {
			text = fmt.Sprintf("↺ %s: %s — berubah %s poin", round, format.Answer(q, then), format.SignedPoints((q.Fraction(now)-q.Fraction(then))*pts))
		}
	default:
		text = fmt.Sprintf("↺ %s: %s — sama", round, format.Answer(q, then))
	}
	if then.IsZero() && now.IsZero() {
		return ""
	}
	return st.Muted.Render(ansi.Truncate(text, width, "…")) + "\n"
}

// standing says where the user is in the chain: the status and the
// level they work at, or why they may not.
func (w *walkScreen) standing() string {
	switch {
	case w.eval.Status == model.Final:
		if _, err := model.Decide(w.eval.Team, w.eval.Status, w.env.db.Actor(w.env.user), model.ActReopen, "alasan"); err != nil {
			return "final · terkunci" // p would only say who may reopen it
		}
		return "final · terkunci (p: buka kembali)"
	case w.stepErr != nil:
		return fmt.Sprintf("%s · giliran %s", w.eval.Status, model.EditLevel(w.eval.Status))
	}
	return fmt.Sprintf("%s · Anda: %s (p: langkah)", w.eval.Status, w.step.Level)
}
