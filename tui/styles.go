package tui

import (
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kemenag-ortala/ziwb/model"
)

// styles holds every style of the interface. Meaning never rests on colour
// alone: under NO_COLOR bold and reverse vanish too, so verdicts are words
// and the selection is a glyph.
type styles struct {
	Title, Crumb, Header, Muted, Selected, Focus, Pass, Fail, None,
	Warn, Error, Saved, Box, FocusBox, Key, Badge lipgloss.Style
	bar progress.Model
}

func newStyles() styles {
	pass := lipgloss.AdaptiveColor{Light: "#1B7F3A", Dark: "#5FD38D"}
	fail := lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7B72"}
	accent := lipgloss.AdaptiveColor{Light: "#005F87", Dark: "#7DCFFF"}
	muted := lipgloss.AdaptiveColor{Light: "#6C6C6C", Dark: "#8A8A8A"}
	border := lipgloss.AdaptiveColor{Light: "#B0B0B0", Dark: "#4E4E4E"}
	return styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Crumb:    lipgloss.NewStyle().Foreground(muted),
		Header:   lipgloss.NewStyle().Bold(true),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Selected: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Focus:    lipgloss.NewStyle().Foreground(accent),
		Pass:     lipgloss.NewStyle().Foreground(pass),
		Fail:     lipgloss.NewStyle().Foreground(fail).Bold(true),
		None:     lipgloss.NewStyle().Foreground(muted),
		Warn:     lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#8A6D00", Dark: "#E3C26B"}),
		Error:    lipgloss.NewStyle().Foreground(fail).Bold(true),
		Saved:    lipgloss.NewStyle().Foreground(pass),
		Box:      lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(border).Padding(0, 1),
		FocusBox: lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(accent).Padding(0, 1),
		Key:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Badge:    lipgloss.NewStyle().Bold(true),
		// Bars are drawn without escape codes so they can sit inside table
		// cells, whose width arithmetic does not understand ANSI.
		bar: progress.New(progress.WithoutPercentage(), progress.WithColorProfile(termenv.Ascii),
			progress.WithFillCharacters('█', '░')),
	}
}

// verdictWord is how a verdict reads everywhere in the interface.
func verdictWord(v model.Verdict) string {
	switch v {
	case model.Pass:
		return "✓ LULUS"
	case model.Fail:
		return "✗ TIDAK LULUS"
	}
	return "·"
}

// verdict renders a verdict as a coloured word.
func (s styles) verdict(v model.Verdict) string {
	switch v {
	case model.Pass:
		return s.Pass.Render(verdictWord(v))
	case model.Fail:
		return s.Fail.Render(verdictWord(v))
	}
	return s.None.Render(verdictWord(v))
}

// resultText names a predicate result, or says there is none yet.
func resultText(result string) string {
	if result == "" {
		return "belum ada predikat"
	}
	return result
}

// progressBar draws frac (0..1) as a bar of the given width.
func (s styles) progressBar(frac float64, width int) string {
	b := s.bar
	b.Width = max(1, width)
	return b.ViewAs(min(1, max(0, frac)))
}
