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
	"github.com/kemenag-ortala/ziwb/tui/format"
)

type scorecardKeys struct {
	Up, Down, Page, Back, Detail, Level, Export, Path key.Binding
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
	sc     model.Scorecard // the answers that count
	inst   *model.Instrument
	levels map[model.Level]model.Scorecard // as each review level left it
	level  model.Level                     // the level shown; NoLevel: the answers that count
	detail bool                            // show indicators as well as areas
	// export: x asked which file to write; notice: what it did
	export exportMenu
	notice string
	failed bool // notice reports a failure
	width  int
	height int
}

type scorecardLoadedMsg struct {
	sc     model.Scorecard
	inst   *model.Instrument
	levels map[model.Level]model.Scorecard
}

func newScorecard(e *env, evalID string) screen {
	up, down := scrollKeys()
	return &scorecardScreen{env: e, evalID: evalID, vp: viewport.New(), export: exportMenu{env: e}, keys: scorecardKeys{
		Up:     up,
		Down:   down,
		Page:   key.NewBinding(key.WithKeys("pgdown", "pgup", "space"), key.WithHelp("pgup/pgdn", "halaman")),
		Detail: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "indikator tampil/sembunyi")),
		Level:  key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "per tingkat reviu")),
		Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "ekspor")),
		Path:   pathKey(),
		Back:   key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "kembali")),
	}}
}

func (s *scorecardScreen) Init() tea.Cmd { return s.load }

func (s *scorecardScreen) load() tea.Msg {
	sc, inst, err := s.env.db.Scorecard(s.evalID)
	if err != nil {
		return errMsg{err}
	}
	levels, _, err := s.env.db.LevelScorecards(s.evalID)
	if err != nil {
		return errMsg{err}
	}
	return scorecardLoadedMsg{sc, inst, levels}
}

func (s *scorecardScreen) Title() string   { return "Kartu nilai" }
func (s *scorecardScreen) Capturing() bool { return s.export.isOpen() }

func (s *scorecardScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.vp.SetWidth(w)
	s.vp.SetHeight(max(1, h))
	s.render()
}

func (s *scorecardScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case scorecardLoadedMsg:
		s.loaded, s.sc, s.inst, s.levels = true, msg.sc, msg.inst, msg.levels
		if _, ok := s.levels[s.level]; !ok {
			s.level = model.NoLevel
		}
		s.render()
		return nil
	case refreshMsg:
		return s.load
	case exportedMsg:
		s.notice, s.failed = msg.notice()
		return nil
	case tea.KeyPressMsg:
		if s.export.isOpen() {
			return s.export.key(msg)
		}
		s.notice = ""
		switch {
		case key.Matches(msg, s.keys.Export):
			s.export.open(s.evalID)
			return nil
		case key.Matches(msg, s.keys.Back):
			return s.env.goBack()
		case key.Matches(msg, s.keys.Path):
			return s.env.open(newPath(s.env, s.evalID))
		case key.Matches(msg, s.keys.Detail):
			s.detail = !s.detail
			s.render()
			return nil
		case key.Matches(msg, s.keys.Level):
			s.nextLevel()
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
	if foot := s.foot(); foot != "" { // the foot takes the viewport's last lines
		room := s.height - strings.Count(foot, "\n") - 1
		if room < 1 {
			return fit(foot, s.width, s.height)
		}
		s.vp.SetHeight(room)
		defer s.vp.SetHeight(max(1, s.height))
		return s.vp.View() + "\n" + foot
	}
	return s.vp.View()
}

// foot is the export menu, or what the last export did.
func (s *scorecardScreen) foot() string {
	st := s.env.st
	switch {
	case s.export.isOpen():
		return s.export.view(s.width)
	case s.notice == "":
		return ""
	case s.failed:
		return st.Error.Render(strings.Join(wrapLines(s.notice, max(1, s.width), 3), "\n"))
	}
	return st.Saved.Render(strings.Join(wrapLines(s.notice, max(1, s.width), 3), "\n"))
}

func (s *scorecardScreen) Help() keyHelp {
	k := s.keys
	if len(s.levels) < 2 {
		return keyHelp{short: []key.Binding{k.Down, k.Page, k.Path, k.Detail, k.Export, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Page, k.Path, k.Detail, k.Export, k.Back}}}
	}
	return keyHelp{short: []key.Binding{k.Down, k.Page, k.Path, k.Detail, k.Level, k.Export, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Page, k.Path, k.Detail, k.Level, k.Export, k.Back}}}
}

// render lays the scorecard out once per change; scrolling reuses it.
func (s *scorecardScreen) render() {
	if !s.loaded || s.width == 0 {
		return
	}
	st := s.env.st
	sc := s.shown()
	w := s.width
	nameW := max(12, min(46, w-52))
	barW := max(6, min(24, w-nameW-40))
	// A line is the name, the bar and 33 cells of figures and verdict:
	// what the two above leave goes to the name, which tells the rows
	// apart ("Penataan Tatalak…", "Penataan Sistem …").
	nameW = max(nameW, min(46, w-33-barW))
	var b strings.Builder
	if s.level != model.NoLevel {
		b.WriteString(st.Warn.Width(w).Render(fmt.Sprintf("Tingkat %s: jawaban sampai %s saja (l: tingkat berikut)", s.level.Title(), s.level)) + "\n")
	}
	fmt.Fprintf(&b, "%s\n", st.Header.Width(w).Render(fmt.Sprintf("Nilai total %s dari %s · dijawab %d/%d · hasil: %s · sasaran: %s",
		model.Points(sc.Total), model.Points(sc.Max), sc.Answered, sc.Questions, resultText(sc.Result), sc.Target)))
	b.WriteString(st.progressBar(sc.Total/sc.Max, min(w, 60)) + "\n")
	b.WriteString(s.reviewMoves(min(nameW, max(12, w-42))) + "\n") // three levels and the change beside it
	fmt.Fprintf(&b, "%-*s %7s %7s  %-*s  %s\n", nameW, "KOMPONEN", "NILAI", "MAKS", barW, "", "SYARAT")
	for _, n := range s.inst.AllNodes() {
		depth := s.inst.Depth(n.ID)
		if depth > 1 && !s.detail && !s.named(n.ID) {
			continue
		}
		ns, _ := sc.Node(n.ID)
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
				m.Predicate, model.Points(m.Need), model.PointsShort(m.Short())), 2*depth+2, w)) + "\n")
		}
	}
	b.WriteString("\n" + st.Header.Render("Predikat") + "\n")
	for _, p := range sc.Predicates {
		if p.Met {
			fmt.Fprintf(&b, "  %s  %s\n", st.Pass.Render("✓ "+p.ID), "terpenuhi")
			continue
		}
		failed := p.Distinct()
		fmt.Fprintf(&b, "  %s  %d syarat belum terpenuhi:\n", st.Fail.Render("✗ "+p.ID), len(failed))
		cited := ""
		for i, f := range failed {
			b.WriteString(hangingWrap(fmt.Sprintf("%s: %s dari %s yang diperlukan — kurang %s poin",
				s.inst.NodeCaption(f.Node), model.PointsAgainst(f.Have, f.Need), model.Points(f.Need), model.PointsShort(f.Need-f.Have)), 6, w) + "\n")
			// Which rule says so, for the satker's question on the spot:
			// once under the rules that share a clause.
			if f.Source != "" && f.Source != cited && (i+1 == len(failed) || failed[i+1].Source != f.Source) {
				b.WriteString(st.Muted.Render(hangingWrap("dasar: "+f.Source, 8, w)) + "\n")
				cited = f.Source
			}
		}
	}
	b.WriteString("\n" + ansi.Wrap(s.nextStep(), w, ""))
	s.vp.SetContent(b.String())
}

// named reports whether some predicate rule names this node, so its
// verdict matters even when indicators are hidden.
func (s *scorecardScreen) named(id string) bool {
	sc := s.shown()
	ns, _ := sc.Node(id)
	return ns.Verdict != model.VerdictNone
}

// nextStep says what the next predicate up needs, in one sentence.
func (s *scorecardScreen) nextStep() string {
	st := s.env.st
	sc := s.shown()
	for _, p := range sc.Predicates {
		if p.Met {
			continue
		}
		total, failed := 0.0, p.Distinct()
		for _, f := range failed {
			total += f.Need - f.Have
		}
		return st.Warn.Render(fmt.Sprintf("Untuk %s: penuhi %d syarat di atas (jumlah kekurangan %s poin).", p.ID, len(failed), model.Points(total)))
	}
	return st.Pass.Render("Semua predikat terpenuhi.")
}

// shown is the scorecard on screen: the answers that count, or one
// level's.
func (s *scorecardScreen) shown() *model.Scorecard {
	if sc, ok := s.levels[s.level]; ok && s.level != model.NoLevel {
		return &sc
	}
	return &s.sc
}

// nextLevel steps through the levels that answered, then back to the
// answers that count.
func (s *scorecardScreen) nextLevel() {
	for _, l := range model.Levels {
		if _, ok := s.levels[l]; ok && l > s.level {
			s.level = l
			return
		}
	}
	s.level = model.NoLevel
}

// reviewMoves shows how much the review moved the score: each area the
// review changed and the total, as each level left them, and the
// difference from the lowest level's.
func (s *scorecardScreen) reviewMoves(nameW int) string {
	if len(s.levels) < 2 {
		return ""
	}
	st := s.env.st
	var levels []model.Level
	for _, l := range model.Levels {
		if _, ok := s.levels[l]; ok {
			levels = append(levels, l)
		}
	}
	var b strings.Builder
	b.WriteString("\n" + st.Header.Render("Perubahan nilai oleh reviu") + st.Muted.Render(" (l: kartu per tingkat)") + "\n")
	head := fmt.Sprintf("%-*s", nameW, "AREA")
	for _, l := range levels {
		head += fmt.Sprintf(" %10s", l)
	}
	b.WriteString(st.Muted.Render(head+fmt.Sprintf(" %8s", "SELISIH")) + "\n")
	first, last := s.levels[levels[0]], s.levels[levels[len(levels)-1]]
	row := func(title string, score func(*model.Scorecard) float64) {
		name := ansi.Truncate(title, nameW, "…")
		line := name + strings.Repeat(" ", max(0, nameW-lipgloss.Width(name)))
		for _, l := range levels {
			sc := s.levels[l]
			line += fmt.Sprintf(" %10s", model.Points(score(&sc)))
		}
		diff := score(&last) - score(&first)
		if diff == 0 && title != "Nilai total" {
			return // only what the review moved
		}
		b.WriteString(line + fmt.Sprintf(" %8s", format.SignedPoints(diff)) + "\n")
	}
	for _, n := range s.inst.AllNodes() {
		if depth := s.inst.Depth(n.ID); depth == 1 {
			id := n.ID
			row(n.Title, func(sc *model.Scorecard) float64 { ns, _ := sc.Node(id); return ns.Score })
		}
	}
	row("Nilai total", func(sc *model.Scorecard) float64 { return sc.Total })
	return b.String()
}
