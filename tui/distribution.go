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

// distributionScreen draws, for the satkers the dashboard shows, how many
// pass and fail each component and how their scores spread.
type distributionScreen struct {
	env   *env
	dist  model.Distribution
	rows  int
	scope string
	vp    viewport.Model
	keys  struct{ Scroll, Page, Ends, Back key.Binding }

	width, height int
}

// distributionBins is how finely the scores are binned: tenths of the
// maximum, the way evaluators talk about them (70 %, 80 %).
const distributionBins = 10

func newDistribution(e *env, dash *model.Dashboard, rows []*model.DashboardRow, scope string) *distributionScreen {
	s := &distributionScreen{env: e, dist: dash.Distribute(rows, distributionBins), rows: len(rows), scope: scope,
		vp: viewport.New()}
	s.keys.Scroll = key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "gulir"))
	s.keys.Page = key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "halaman"))
	s.keys.Ends = key.NewBinding(key.WithKeys("g", "G", "home", "end"), key.WithHelp("g/G", "awal/akhir"))
	s.keys.Back = key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "kembali"))
	return s
}

func (s *distributionScreen) Init() tea.Cmd   { return nil }
func (s *distributionScreen) Title() string   { return "Sebaran" }
func (s *distributionScreen) Capturing() bool { return false }

func (s *distributionScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.vp.SetWidth(w)
	s.vp.SetHeight(max(1, h-1))
	s.vp.SetContent(s.content())
}

func (s *distributionScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.Back):
			return s.env.goBack()
		case key.Matches(k, s.keys.Ends) && (k.String() == "g" || k.String() == "home"):
			s.vp.GotoTop()
		case key.Matches(k, s.keys.Ends):
			s.vp.GotoBottom()
		default:
			s.vp, _ = s.vp.Update(k)
		}
	}
	return nil
}

func (s *distributionScreen) Help() keyHelp {
	k := []key.Binding{s.keys.Scroll, s.keys.Page, s.keys.Ends, s.keys.Back}
	return keyHelp{short: k, full: [][]key.Binding{k}}
}

func (s *distributionScreen) View() string {
	st := s.env.st
	head := fmt.Sprintf("Sebaran %s satker", format.Thousands(s.rows))
	if s.scope != "" {
		head += " · " + s.scope
	}
	return st.Header.Render(ansi.Truncate(head, s.width, "…")) + "\n" + clip(s.vp.View(), s.width, max(1, s.height-1))
}

// content is one block per component: a bar of how many pass and fail,
// then a histogram of the scores by tenth of the maximum.
func (s *distributionScreen) content() string {
	st := s.env.st
	w := s.width
	var b strings.Builder
	if s.rows == 0 || len(s.dist.Components) == 0 {
		return "Tidak ada satker dengan evaluasi untuk digambar."
	}
	// Each bin is a column of the histogram: as wide as the window allows.
	binW := max(1, min(6, (w-14)/s.dist.Bins))
	histH := 4
	if s.height >= 40 {
		histH = 6
	}
	for _, c := range s.dist.Components {
		title := c.Title
		if c.ID == "total" {
			title = "Total"
		}
		evaluated := c.Pass + c.Fail + c.None
		fmt.Fprintf(&b, "%s\n", st.Header.Render(ansi.Truncate(title, w, "…")))
		// Pass and fail side by side on one bar, with the counts as words.
		counts := fmt.Sprintf(" %s %d · %s %d", st.Pass.Render("✓ lulus"), c.Pass, st.Fail.Render("✗ tidak lulus"), c.Fail)
		if c.None > 0 {
			counts += fmt.Sprintf(" · %d tanpa putusan", c.None)
		}
		barW := max(4, min(40, w-lipgloss.Width(counts)-1))
		frac := 0.0
		if evaluated > 0 {
			frac = float64(c.Pass) / float64(evaluated)
		}
		b.WriteString(st.progressBar(frac, barW) + counts + "\n")
		b.WriteString(s.histogram(c.Bins, binW, histH))
		b.WriteString("\n")
	}
	labels := make([]string, s.dist.Bins)
	for i := range labels {
		labels[i] = s.dist.BinLabel(i)
	}
	b.WriteString(st.Muted.Render(ansi.Wrap("Histogram: jumlah satker per rentang nilai terhadap bobot, dari kiri "+
		labels[0]+" sampai kanan "+labels[len(labels)-1]+".", w, "")))
	return b.String()
}

// histogram draws counts as vertical bars of height rows, eighths of a
// row precise, with the highest count at the left.
func (s *distributionScreen) histogram(bins []int, binW, height int) string {
	st := s.env.st
	peak := 0
	for _, n := range bins {
		peak = max(peak, n)
	}
	axis := fmt.Sprintf("%5d ┤", peak)
	pad := strings.Repeat(" ", lipgloss.Width(axis)-1) + "│"
	var b strings.Builder
	for row := height; row >= 1; row-- {
		if row == height {
			b.WriteString(st.Muted.Render(axis))
		} else {
			b.WriteString(st.Muted.Render(pad))
		}
		for _, n := range bins {
			eighths := 0
			if peak > 0 {
				eighths = (n*height*8 + peak - 1) / peak // any count shows at least a sliver
			}
			fill := eighths - (row-1)*8
			ch := " "
			switch {
			case fill >= 8:
				ch = "█"
			case fill > 0:
				ch = string(levels[fill])
			}
			b.WriteString(strings.Repeat(ch, max(1, binW-1)) + " ")
		}
		b.WriteString("\n")
	}
	b.WriteString(st.Muted.Render(strings.Repeat(" ", lipgloss.Width(axis)-1) + "└" + strings.Repeat("─", len(bins)*binW)))
	b.WriteString(st.Muted.Render(" 0–100%") + "\n")
	return b.String()
}
