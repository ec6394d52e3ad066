package tui

import (
	"charm.land/bubbles/v2/key"
)

type walkKeys struct {
	Next, Prev, NextGap, PrevGap, NextPart, PrevPart     key.Binding
	Answer, Type, Clear, Undo, Note, Evidence, Scorecard key.Binding
	Review, Back, Step, Confirm, Path                    key.Binding
	// evidence list
	EvAdd, EvEdit, EvRemove, EvCheck, EvUp, EvDown key.Binding
	// fields: the answer, the note, the evidence form
	Save, Cancel, Submit, ToEvidence, NextField, LeaveList key.Binding
}

func newWalkKeys() walkKeys {
	return walkKeys{
		Next:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "pertanyaan berikut")),
		Prev:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "pertanyaan sebelum")),
		NextGap:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "belum dijawab/dibawa")),
		PrevGap:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "belum dijawab/dibawa sebelum")),
		NextPart:   key.NewBinding(key.WithKeys("pgdown", "J"), key.WithHelp("pgdn/J", "indikator berikut")),
		PrevPart:   key.NewBinding(key.WithKeys("pgup", "K"), key.WithHelp("pgup/K", "indikator sebelum")),
		Answer:     key.NewBinding(key.WithKeys("y", "t", "a", "b", "c", "d", "e"), key.WithHelp("y/t a–e", "jawab")),
		Type:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ketik jawaban")),
		Clear:      key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "hapus jawaban")),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "urungkan")),
		Note:       key.NewBinding(key.WithKeys("n", "tab"), key.WithHelp("n/tab", "catatan")),
		Evidence:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "eviden")),
		Scorecard:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "kartu nilai")),
		Review:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rekomendasi")),
		Path:       pathKey(),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali")),
		Step:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "ajukan/setujui/kembalikan")),
		Confirm:    key.NewBinding(key.WithKeys("="), key.WithHelp("=", "konfirmasi jawaban")),
		EvAdd:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "tambah eviden")),
		EvEdit:     key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "ubah eviden")),
		EvRemove:   key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "hapus eviden")),
		EvCheck:    key.NewBinding(key.WithKeys("space"), key.WithHelp("spasi", "tandai diperiksa")),
		EvUp:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "naik")),
		EvDown:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "turun")),
		Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "simpan")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "selesai")),
		Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "simpan")),
		ToEvidence: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "simpan, ke eviden")),
		NextField:  key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "kolom berikut")),
		LeaveList:  key.NewBinding(key.WithKeys("esc", "tab"), key.WithHelp("esc", "selesai")),
	}
}

func (w *walkScreen) Help() keyHelp {
	k := w.keys
	if w.prompt != nil {
		return keyHelp{short: w.prompt.help()}
	}
	switch w.focus {
	case focusInput:
		return keyHelp{short: []key.Binding{k.Submit, k.Cancel}}
	case focusNote:
		return keyHelp{short: []key.Binding{k.Cancel, k.ToEvidence}}
	case focusEvidence:
		s := []key.Binding{k.EvAdd, k.EvEdit, k.EvCheck, k.EvRemove, k.LeaveList}
		return keyHelp{short: s, full: [][]key.Binding{s, {k.EvUp, k.EvDown}}}
	case focusEvidenceForm:
		return keyHelp{short: []key.Binding{k.NextField, k.Submit, k.Cancel}}
	}
	return keyHelp{
		short: []key.Binding{k.Answer, k.Next, k.NextGap, k.Note, k.Undo, k.Scorecard, k.Path, k.Step, k.Review, k.Back},
		full: [][]key.Binding{
			{k.Answer, k.Type, k.Clear, k.Confirm, k.Undo},
			{k.Next, k.Prev, k.NextGap, k.PrevGap, k.NextPart, k.PrevPart},
			{k.Note, k.Evidence, k.Scorecard, k.Path, k.Step, k.Review},
		},
	}
}
