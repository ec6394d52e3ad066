package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

func (r *reviewScreen) setStatus(rk model.Rekomendasi, to model.RekStatus, reason string) tea.Cmd {
	r.saving = true
	e := r.env
	from := rk.Status
	return e.write(r, func() tea.Msg {
		saved, err := e.db.SetRekStatus(rk.ID, to, reason, e.user)
		return rekSavedMsg{saved, fmt.Sprintf("✓ Status %s diubah: %s → %s", shortRekID(rk), from, to), err}
	})
}

// The forms stay open until the store has answered, so a refusal is
// shown beside what was typed and nothing typed is lost; keys wait
// meanwhile (saving).

func (r *reviewScreen) editorKey(msg tea.KeyPressMsg) tea.Cmd {
	rk, done, ok, cmd := r.editor.submit(msg)
	switch {
	case !done:
		return cmd
	case !ok:
		r.editor = nil
		return nil
	}
	r.saving = true
	e := r.env
	return e.write(r, func() tea.Msg {
		saved, err := e.db.UpdateRekomendasi(rk, e.user)
		return rekSavedMsg{saved, "✓ Rekomendasi " + shortRekID(rk) + " disimpan", err}
	})
}

func (r *reviewScreen) followUpKey(msg tea.KeyPressMsg) tea.Cmd {
	done, save, cmd := r.followUp.key(msg)
	if !done {
		return cmd
	}
	f := r.followUp
	if !save {
		r.followUp = nil
		return nil
	}
	tl, err := f.value(r.env.user)
	if err != nil {
		f.problem = errorText(err)
		return nil
	}
	r.saving = true
	rk := f.rek
	e := r.env
	return e.write(r, func() tea.Msg {
		saved, err := e.db.AddTindakLanjut(rk.ID, tl, e.user)
		return rekSavedMsg{saved, "✓ Tindak lanjut " + shortRekID(rk) + " disimpan", err}
	})
}

// saved puts a recommendation the store has just committed back in the
// list; only then does the screen say saved.
func (r *reviewScreen) saved(msg rekSavedMsg) {
	r.saving = false
	if msg.err != nil {
		problem := "Tidak tersimpan: " + errorText(msg.err)
		switch {
		case r.editor != nil:
			r.editor.problem = problem
		case r.followUp != nil:
			r.followUp.problem = problem
		default:
			r.say("✗ "+problem, true)
		}
		return
	}
	r.editor, r.followUp = nil, nil
	r.say(msg.notice, false)
	for i := range r.items {
		if r.items[i].rek.ID == msg.rek.ID {
			it := &r.items[i]
			*it = newReviewItem(msg.rek, it.satker, it.eval, it.inst, model.Date(reviewNow()))
			break
		}
	}
	// The row may now sort or filter elsewhere; it stays selected while
	// the filters still show it.
	r.packFacets()
	r.sortItems()
	r.refilter(msg.rek.ID)
}

// shortRekID is the recommendation's number within its evaluation: r3.
func shortRekID(rk model.Rekomendasi) string {
	if i := strings.LastIndex(rk.ID, "/"); i >= 0 {
		return rk.ID[i+1:]
	}
	return rk.ID
}
