package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// reviewKeys is the review's key map and its help, the status prompt's
// keys included; pgup and pgdown scroll the detail pane.
type reviewKeys struct {
	nav                                                  navKeys
	DetailUp, DetailDown                                 key.Binding
	Filter, ClearFilter, Status, Priority, Area, Overdue key.Binding
	EvalStatus                                           key.Binding
	Sort                                                 sortKeys // by reviewByDue, reviewByPriority, reviewBySatker
	ChangeStatus, FollowUp, Edit, Walk, Drafts, Back     key.Binding
}

func newReviewKeys() reviewKeys {
	up, down := detailScrollKeys()
	return reviewKeys{
		nav:          listNavKeys().withoutPages(),
		DetailUp:     up,
		DetailDown:   down,
		Filter:       openFilterKey(),
		ClearFilter:  clearFilterKey(),
		Status:       key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "saring status")),
		EvalStatus:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "saring status evaluasi")),
		Priority:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "saring prioritas")),
		Area:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "saring area")),
		Overdue:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "hanya lewat tenggat")),
		Sort:         newSortKeys("tenggat", "prioritas", "satker"),
		ChangeStatus: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status")),
		FollowUp:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tindak lanjut")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "ubah")),
		Walk:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka pertanyaan")),
		Drafts:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "draf")),
		Back:         backKey(),
	}
}

func (r *reviewScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case r.prompt != nil:
		return r.promptKey(msg)
	case r.editor != nil:
		return r.editorKey(msg)
	case r.followUp != nil:
		return r.followUpKey(msg)
	case r.filter.Focused():
		return r.filterKey(msg)
	}
	k := r.keys
	by, sorts := k.Sort.match(msg)
	switch {
	case key.Matches(msg, k.ClearFilter):
		r.filter.SetValue("")
		r.status, r.evalSt, r.priority, r.area, r.overdue = 0, 0, 0, 0, false
		r.newFilters()
		return nil
	case key.Matches(msg, k.Back):
		return r.env.goBack()
	case !r.loaded:
		return nil
	case key.Matches(msg, k.Filter):
		return r.filter.start()
	case key.Matches(msg, k.Status):
		r.cycle(&r.status, len(model.RekStatuses)+2)
	case key.Matches(msg, k.EvalStatus):
		r.cycle(&r.evalSt, len(model.Statuses)+1)
	case key.Matches(msg, k.Priority):
		r.cycle(&r.priority, len(model.Priorities)+1)
	case key.Matches(msg, k.Area):
		r.cycle(&r.area, len(r.areas)+1)
	case key.Matches(msg, k.Overdue):
		r.overdue = !r.overdue
		r.newFilters()
	case sorts:
		r.sortOn(by)
	case key.Matches(msg, k.DetailDown):
		r.detail.HalfPageDown()
	case key.Matches(msg, k.DetailUp):
		r.detail.HalfPageUp()
	case key.Matches(msg, k.ChangeStatus, k.FollowUp, k.Edit, k.Drafts) && r.env.db.Role() == store.RoleViewer:
		// Every save would be refused: say so before anything is typed.
		r.say("✗ Peran viewer hanya boleh melihat; perubahan dibuat oleh evaluator.", true)
	case key.Matches(msg, k.ChangeStatus):
		r.prompt = newStatusPrompt(r.selected().rek)
	case key.Matches(msg, k.FollowUp):
		r.followUp = newFollowUpForm(r.selected().rek, reviewNow())
		r.followUp.setSize(r.detail.Width(), r.detail.Height())
		// The date is today's already (shift+tab reaches it): what there
		// is to type is what was done.
		return r.followUp.focusField(fuText)
	case key.Matches(msg, k.Edit):
		r.editor = newRekEditor(r.selected().rek)
		r.editor.setSize(r.detail.Width(), r.detail.Height())
		return r.editor.focusField(0)
	case key.Matches(msg, k.Walk):
		it := r.selected()
		return r.open(newWalkAt(r.env, it.rek.EvaluationID, it.rek.Node))
	case key.Matches(msg, k.Drafts):
		return r.open(newDrafts(r.env, r.scope.draftsFor))
	default:
		before := r.table.Cursor()
		r.table.update(msg)
		if r.table.Cursor() != before {
			r.selectionMoved()
		}
	}
	return nil
}

func (r *reviewScreen) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	change, cmd := r.filter.edit(msg, func(bool) {
		r.table.update(msg)
		r.selectionMoved()
	})
	switch change {
	case filterTyped:
		r.refilter("")
	case filterDropped:
		r.refilter(r.selectedID())
	}
	return cmd
}

// newFilters shows the list again after a filter other than the text
// changed: the text's remembered results no longer hold.
func (r *reviewScreen) newFilters() {
	r.steps.reset()
	r.refilter(r.selectedID())
}

// cycle moves a filter on to the next of its n values, after the last
// back to 0 (no filter).
func (r *reviewScreen) cycle(v *int, n int) {
	*v = (*v + 1) % n
	r.newFilters()
}
