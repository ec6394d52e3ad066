package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// chooserKeys is the chooser's key map and its help: the list's and the
// new-evaluation form's.
type chooserKeys struct {
	nav                     navKeys // one line, top and bottom: a satker has a few rounds
	Open, New, Review, Back key.Binding
	Team, Export            key.Binding
	Mark, Compare           key.Binding
	Import                  key.Binding
	fieldFormKeys           // the new-evaluation form's
}

func newChooserKeys() chooserKeys {
	k := chooserKeys{
		nav:     listNavKeys().withoutPages().withoutHalves(),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka")),
		New:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "evaluasi baru")),
		Review:  reviewKey(),
		Team:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tim evaluasi")),
		Export:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "ekspor")),
		Mark:    markKey(),
		Compare: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "bandingkan yang ditandai")),
		Import:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "impor")),
		Back:    backKey(),

		fieldFormKeys: newFieldFormKeys("buat"),
	}
	// The evaluation form's help names space, the satker form's does not.
	k.Right.SetHelp("→/spasi", "pilihan berikut")
	return k
}

func (c *chooserScreen) updateKeys() {
	k := &c.keys
	inForm := c.form != nil
	k.Back.SetEnabled(!inForm)
	k.nav.setEnabled(!inForm && len(c.evals) > 1)
	k.Open.SetEnabled(!inForm && c.selected() != nil)
	k.New.SetEnabled(!inForm && c.loaded)
	k.Review.SetEnabled(!inForm && c.loaded)
	k.Mark.SetEnabled(!inForm && c.selected() != nil)
	k.Team.SetEnabled(!inForm && c.selected() != nil)
	k.Export.SetEnabled(!inForm && c.selected() != nil)
	k.Import.SetEnabled(!inForm && c.selected() != nil)
	k.Compare.SetEnabled(!inForm && len(c.marked) >= 2)
	for _, b := range []*key.Binding{&k.Next, &k.Prev} {
		b.SetEnabled(inForm)
	}
	for _, b := range []*key.Binding{&k.Submit, &k.Save} {
		b.SetEnabled(inForm || c.team != nil)
	}
	k.Cancel.SetEnabled(inForm || c.team != nil || c.export.isOpen())
	choice := inForm && !c.form.typing()
	k.Left.SetEnabled(choice)
	k.Right.SetEnabled(choice)
}

func (c *chooserScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := c.keys
	switch {
	case key.Matches(msg, k.Back):
		return c.env.goBack()
	case !c.loaded:
		return nil
	case key.Matches(msg, k.New):
		return c.openForm()
	case key.Matches(msg, k.Mark):
		c.toggleMark(c.selected().ID)
		return nil
	case key.Matches(msg, k.Team):
		return c.openTeam()
	case key.Matches(msg, k.Export):
		c.export.open(c.selected().ID)
		return nil
	case key.Matches(msg, k.Import):
		return c.openImport()
	case key.Matches(msg, k.Compare):
		return c.open(newSideBySide(c.env, slices.Clone(c.marked)))
	case key.Matches(msg, k.Review):
		return c.open(newReview(c.env, reviewScope{satkerID: c.satkerID}))
	case key.Matches(msg, k.Open):
		return c.open(newWalk(c.env, c.selected().ID))
	}
	c.table.update(msg)
	return nil
}

func (c *chooserScreen) Help() keyHelp {
	k := c.keys
	if c.team != nil {
		// The team field saves on enter; the form's "next field" does not apply.
		save := k.Submit
		save.SetHelp("enter", "simpan")
		return keyHelp{short: []key.Binding{save, k.Cancel}}
	}
	if c.export.isOpen() { // a digit picks the format, shown in the menu
		return keyHelp{short: []key.Binding{k.Cancel}}
	}
	if c.form != nil {
		s := bindings([]key.Binding{k.Next, k.Left, k.Right, k.Submit, k.Cancel})
		return keyHelp{short: s, full: [][]key.Binding{{k.Next, k.Prev, k.Left, k.Right}, {k.Submit, k.Save, k.Cancel}}}
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.New, k.Review, k.Compare, k.Back}),
		full:  [][]key.Binding{{k.Open, k.New, k.Review, k.Back}, {k.Mark, k.Compare, k.Team, k.Export, k.Import}, k.nav.bindings()},
	}
}
