package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// layout sizes the table to what the header and the bottom lines leave.
func (h *homeScreen) layout() {
	bl := 0
	if b := h.bottom(); b != "" {
		bl = lipgloss.Height(b)
	}
	h.size(h.width, max(0, h.height-2-bl))
}

func (h *homeScreen) Help() keyHelp {
	k := h.keys
	switch {
	case h.ask != nil:
		return keyHelp{short: h.ask.Help()}
	case h.filter.Focused():
		return h.filter.help(true)
	}
	merge := key.Binding{} // on the short line only while conflicts wait
	if h.conflicts > 0 {
		merge = k.Merge
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.Queue, merge, k.Filter, k.ClearFilter, k.New, k.Edit, k.Delete, k.Sort.Any, k.Review, k.Dashboard, k.Quit}),
		full: [][]key.Binding{
			{k.Open, k.Queue, k.Merge, k.New, k.Edit, k.Delete, k.Review, k.Dashboard},
			append([]key.Binding{k.Filter, k.ClearFilter}, k.Sort.By...),
			k.nav.bindings(),
			{k.Quit},
		},
	}
}

func (h *homeScreen) View() string { return h.memo(h.render) }

// bottom is what sits under the table: the delete question or the last
// notice.
func (h *homeScreen) bottom() string {
	if h.ask != nil {
		return h.ask.View(h.env.st, h.width)
	}
	return h.noticeView()
}

func (h *homeScreen) render() string {
	w := h.width
	var b strings.Builder
	switch {
	case h.top(&b, loadText{"✗ Daftar satker tidak bisa dimuat: ", "Memuat daftar satker…"}, h.title(h.headline()), h.filterLine()):
	case len(h.items) == 0:
		b.WriteString(ansi.Wrap("Belum ada satker. Tekan n untuk menambah satker, atau jalankan `ziwb demo` untuk data contoh.", w, ""))
	case len(h.shown) == 0:
		b.WriteString(ansi.Wrap(fmt.Sprintf("Tidak ada satker yang cocok dengan “%s”. Tekan esc untuk menghapus saringan.",
			h.filter.Value()), w, ""))
	case h.tableH >= 2:
		b.WriteString(h.table.View())
	}
	if bottom := h.bottom(); bottom != "" {
		// The question stays at the foot of the screen, under the table.
		used := strings.Count(b.String(), "\n") + 1
		pad := max(0, h.height-used-lipgloss.Height(bottom))
		b.WriteString(strings.Repeat("\n", pad+1) + bottom)
	}
	return fit(b.String(), w, h.height)
}

func (h *homeScreen) headline() string {
	if !h.loaded {
		return "Satker"
	}
	total := len(h.items)
	if h.partial > total { // the first screenful: the rest are on their way
		total = h.partial
	}
	text := countText(len(h.shown), total, h.filter.Value() != "", "satker") + " · urut: " + h.sort.name(sortNames[h.sort.by])
	if h.waiting > 0 {
		text += fmt.Sprintf(" · menunggu saya: %d (w)", h.waiting)
	}
	if h.conflicts > 0 {
		text += fmt.Sprintf(" · konflik: %d (m)", h.conflicts)
	}
	return text
}

func (h *homeScreen) filterLine() string {
	st := h.env.st
	switch {
	case h.filter.Focused():
		return h.filter.View()
	case h.filter.Value() != "":
		return st.Muted.Render(ansi.Truncate(fmt.Sprintf("Saringan: “%s” · / ubah · esc hapus", h.filter.Value()), max(0, h.width), "…"))
	}
	return ""
}
