package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

type scorecardKeys struct {
	Up, Down, Page, Back, Detail key.Binding
}

// scorecardScreen summarises one evaluation: every component with score,
// bar and verdict, what each failing one misses, and what the next
// predicate needs.
type scorecardScreen struct {
	env    *env
	evalID string
	keys   scorecardKeys
	vp     viewport.Model

	loaded bool
	sc     model.Scorecard
	inst   *model.Instrument
	detail bool // show indicators as well as areas
	width  int
	height int
}

type scorecardLoadedMsg struct {
	sc   model.Scorecard
	inst *model.Instrument
}

func newScorecard(e *env, evalID string) screen {
	return &scorecardScreen{env: e, evalID: evalID, vp: viewport.New(), keys: scorecardKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "gulir")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "gulir")),
		Page:   key.NewBinding(key.WithKeys("pgdown", "pgup", "space"), key.WithHelp("pgup/pgdn", "halaman")),
		Detail: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "indikator tampil/sembunyi")),
		Back:   key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "kembali")),
	}}
}

func (s *scorecardScreen) Init() tea.Cmd { return s.load }

func (s *scorecardScreen) load() tea.Msg {
	sc, inst, err := s.env.db.Scorecard(s.evalID)
	if err != nil {
		return errMsg{err}
	}
	return scorecardLoadedMsg{sc, inst}
}

func (s *scorecardScreen) Title() string   { return "Kartu nilai" }
func (s *scorecardScreen) Capturing() bool { return false }

func (s *scorecardScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.vp.SetWidth(w)
	s.vp.SetHeight(max(1, h))
	s.render()
}

func (s *scorecardScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case scorecardLoadedMsg:
		s.loaded, s.sc, s.inst = true, msg.sc, msg.inst
		s.render()
		return nil
	case refreshMsg:
		return s.load
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.Back):
			return s.env.goBack()
		case key.Matches(msg, s.keys.Detail):
			s.detail = !s.detail
			s.render()
			return nil
		}
	}
	var cmd tea.Cmd
	s.vp, cmd = s.vp.Update(msg)
	return cmd
}

func (s *scorecardScreen) View() string {
	if !s.loaded {
		return s.env.st.Muted.Render("Menghitung nilai…")
	}
	return s.vp.View()
}

func (s *scorecardScreen) Help() keyHelp {
	k := s.keys
	return keyHelp{short: []key.Binding{k.Down, k.Page, k.Detail, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Page, k.Detail, k.Back}}}
}

// render lays the scorecard out once per change; scrolling reuses it.
func (s *scorecardScreen) render() {
	if !s.loaded || s.width == 0 {
		return
	}
	st := s.env.st
	sc := s.sc
	w := s.width
	nameW := max(12, min(46, w-52))
	barW := max(6, min(24, w-nameW-40))
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Header.Width(w).Render(fmt.Sprintf("Nilai total %s dari %s · dijawab %d/%d · hasil: %s · sasaran: %s",
		model.Points(sc.Total), model.Points(sc.Max), sc.Answered, sc.Questions, resultText(sc.Result), sc.Target)))
	b.WriteString(st.progressBar(sc.Total/sc.Max, min(w, 60)) + "\n\n")
	fmt.Fprintf(&b, "%-*s %7s %7s  %-*s  %s\n", nameW, "KOMPONEN", "NILAI", "MAKS", barW, "", "VERDICT")
	for _, n := range s.inst.AllNodes() {
		depth := len(s.inst.Path(n.ID)) - 1
		if depth > 1 && !s.detail && !s.named(n.ID) {
			continue
		}
		ns, _ := s.sc.Node(n.ID)
		name := ansi.Truncate(strings.Repeat("  ", depth)+n.Title, nameW, "…")
		frac := 0.0
		if ns.Max > 0 {
			frac = ns.Score / ns.Max
		}
		line := fmt.Sprintf("%s %7s %7s  %s  %s", name+strings.Repeat(" ", max(0, nameW-lipgloss.Width(name))),
			model.Points(ns.Score), model.Points(ns.Max), st.progressBar(frac, barW), st.verdict(ns.Verdict))
		if depth == 0 {
			line = st.Header.Render(line)
		}
		b.WriteString(line + "\n")
		for _, m := range ns.Missed {
			b.WriteString(st.Fail.Render(hangingWrap(fmt.Sprintf("↳ %s: perlu %s, kurang %s poin",
				m.Predicate, model.Points(m.Need), model.Points(m.Short())), 2*depth+2, w)) + "\n")
		}
	}
	b.WriteString("\n" + st.Header.Render("Predikat") + "\n")
	for _, p := range sc.Predicates {
		if p.Met {
			fmt.Fprintf(&b, "  %s  %s\n", st.Pass.Render("✓ "+p.ID), "terpenuhi")
			continue
		}
		fmt.Fprintf(&b, "  %s  %d syarat belum terpenuhi:\n", st.Fail.Render("✗ "+p.ID), len(p.Failed))
		for _, f := range p.Failed {
			name := "Nilai total"
			if n, ok := s.inst.Node(f.Node); ok {
				name = n.Title
			}
			b.WriteString(hangingWrap(fmt.Sprintf("%s: %s dari %s yang diperlukan — kurang %s poin",
				name, model.Points(f.Have), model.Points(f.Need), model.Points(f.Need-f.Have)), 6, w) + "\n")
		}
	}
	b.WriteString("\n" + ansi.Wrap(s.nextStep(), w, ""))
	s.vp.SetContent(b.String())
}

// named reports whether some predicate rule names this node, so its
// verdict matters even when indicators are hidden.
func (s *scorecardScreen) named(id string) bool {
	ns, _ := s.sc.Node(id)
	return ns.Verdict != model.VerdictNone
}

// nextStep says what the next predicate up needs, in one sentence.
func (s *scorecardScreen) nextStep() string {
	st := s.env.st
	for _, p := range s.sc.Predicates {
		if p.Met {
			continue
		}
		total := 0.0
		for _, f := range p.Failed {
			total += f.Need - f.Have
		}
		return st.Warn.Render(fmt.Sprintf("Untuk %s: penuhi %d syarat di atas (jumlah kekurangan %s poin).", p.ID, len(p.Failed), model.Points(total)))
	}
	return st.Pass.Render("Semua predikat terpenuhi.")
}
