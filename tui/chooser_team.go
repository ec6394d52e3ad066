package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// The team of an evaluation, changed later from the chooser: a one-line
// field at the foot, filled with the team as it is.

// teamEdit is the team field of one evaluation.
type teamEdit struct {
	evalID  string
	field   textinput.Model
	problem string
	saving  bool
}

// teamSetMsg is the store's answer to a team change.
type teamSetMsg struct{ err error }

func (c *chooserScreen) openTeam() tea.Cmd {
	e := c.selected()
	if e == nil {
		return nil
	}
	f := newField("Tim: ", "nama (anggota), nama (ketua), nama (pengendali)", 300)
	f.SetWidth(max(10, c.width-8))
	f.SetValue(e.Team.String())
	f.CursorEnd()
	c.team = &teamEdit{evalID: e.ID, field: f}
	return c.team.field.Focus()
}

func (c *chooserScreen) teamKey(msg tea.KeyPressMsg) tea.Cmd {
	t := c.team
	switch {
	case t.saving:
		return nil
	case key.Matches(msg, c.keys.Cancel):
		c.team = nil
		return nil
	case key.Matches(msg, c.keys.Submit, c.keys.Save):
		team, err := model.ParseTeam(t.field.Value())
		if err != nil {
			t.problem = err.Error()
			return nil
		}
		t.saving, t.problem = true, ""
		e, id := c.env, t.evalID
		return e.write(c, func() tea.Msg {
			_, err := e.db.SetTeam(id, team, e.user)
			return teamSetMsg{err}
		})
	}
	var cmd tea.Cmd
	t.field, cmd = t.field.Update(msg)
	t.problem = ""
	return cmd
}

func (c *chooserScreen) teamSet(msg teamSetMsg) tea.Cmd {
	t := c.team
	if t == nil {
		return nil
	}
	t.saving = false
	if msg.err != nil {
		t.problem = "Tidak tersimpan: " + errorText(msg.err)
		return nil
	}
	c.team = nil
	c.want = t.evalID
	c.say("✓ Tim disimpan: "+t.evalID, false)
	return c.load
}

func (c *chooserScreen) teamView() string {
	st := c.env.st
	t := c.team
	head := fmt.Sprintf("Tim evaluasi %s — enter simpan · esc batal", strings.TrimPrefix(t.evalID, c.satkerID+"/"))
	out := st.Header.Render(ansi.Truncate(head, c.width, "…")) + "\n" + t.field.View()
	switch {
	case t.saving:
		out += "\n" + st.Muted.Render("Menyimpan…")
	case t.problem != "":
		out += "\n" + st.Error.Render(ansi.Wrap(t.problem, c.width, ""))
	}
	return out
}
