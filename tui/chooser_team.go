package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// The team of an evaluation, changed later from the chooser: a one-line
// field at the foot, filled with the team as it is.

// teamSetMsg is the store's answer to a team change.
type teamSetMsg struct{ err error }

func (c *chooserScreen) openTeam() tea.Cmd {
	e := c.selected()
	if e == nil {
		return nil
	}
	f := newField("Tim: ", "nama (anggota), nama (ketua), nama (pengendali)", 300)
	fitField(&f, max(10, c.width-8))
	var cmd tea.Cmd
	c.team, cmd = openLineEdit(e.ID, f, e.Team.String())
	return cmd
}

func (c *chooserScreen) teamKey(msg tea.KeyPressMsg) tea.Cmd {
	t := c.team
	switch do, cmd := t.key(msg, c.keys.Cancel, c.keys.Submit, c.keys.Save); do {
	case lineCancel:
		c.team = nil
	case lineSave:
		team, err := model.ParseTeam(t.field.Value())
		if err != nil {
			t.problem = err.Error()
			return nil
		}
		t.saving, t.problem = true, ""
		e, id := c.env, t.id
		return e.write(c, func() tea.Msg {
			_, err := e.db.SetTeam(id, team, e.user)
			return teamSetMsg{err}
		})
	default:
		return cmd
	}
	return nil
}

func (c *chooserScreen) teamSet(msg teamSetMsg) tea.Cmd {
	t := c.team
	if t == nil {
		return nil
	}
	if !t.saved(msg.err, "Tidak tersimpan: ") {
		return nil
	}
	c.team = nil
	c.want = t.id
	c.say("✓ Tim disimpan: "+t.id, false)
	return c.load
}

func (c *chooserScreen) teamView() string {
	t := c.team
	head := fmt.Sprintf("Tim evaluasi %s — enter simpan · esc batal", strings.TrimPrefix(t.id, c.satkerID+"/"))
	return t.view(c.env.st, c.width, head)
}
