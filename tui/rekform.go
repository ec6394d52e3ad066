package tui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// formKeys are the keys of the small recommendation forms.
var formKeys = struct {
	Next, Prev, Choice, ChoiceBack, Enter, Save, Cancel key.Binding
}{
	// Enter takes a choice further or moves on in a one-line field, and
	// saves from the last one.
	Enter:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "lanjut")),
	ChoiceBack: key.NewBinding(key.WithKeys("left")),
	Next:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "kolom berikut")),
	Prev:       key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "kolom sebelum")),
	Choice:     key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→", "pilihan")),
	Save:       ctrlSaveKey("simpan"),
	Cancel:     cancelKey(),
}

// Fields of the recommendation editor.
const (
	reText = iota
	rePriority
	reDue
	reCount
)

// rekEditor edits a recommendation's text, priority and due date: in the
// review before saving a change, and in the drafts before accepting one.
type rekEditor struct {
	rek     model.Rekomendasi // what it edits, as it was when opened
	text    textarea.Model
	prio    int
	due     textinput.Model
	focus   int
	problem string
}

func newRekEditor(rk model.Rekomendasi) *rekEditor {
	e := &rekEditor{rek: rk, text: newTextArea("Teks rekomendasi…"), due: newField("Tenggat:   ", "hari-bulan-tahun, mis. 31-03-2027", 10),
		prio: max(0, slices.Index(model.Priorities, rk.Priority))}
	e.text.CharLimit = 0 // SetValue would cut a longer text; the store checks the length
	e.text.SetValue(rk.Text)
	// SetValue leaves the cursor at the end; editing starts at the top.
	for i := 0; i < 10000 && e.text.Line() > 0; i++ {
		e.text.CursorUp()
	}
	e.text.CursorStart()
	if !rk.Due.IsZero() {
		e.due.SetValue(rk.Due.Format("02-01-2006"))
	}
	return e
}

func (e *rekEditor) setSize(width, height int) {
	e.text.SetWidth(max(10, width))
	e.text.SetHeight(max(2, height-5)) // title, priority, due, problem, spare
	fitField(&e.due, max(10, width-lipgloss.Width(e.due.Prompt)-1))
}

// fields are the editor's text fields by focus; the priority is a choice.
func (e *rekEditor) fields() []formField {
	return []formField{reText: areaField{&e.text}, reDue: lineField{&e.due}}
}

func (e *rekEditor) focusField(i int) tea.Cmd {
	e.focus = (i + reCount) % reCount
	return focusOn(e.fields(), e.focus)
}

// key handles one key: done when the form closes, save when it should
// be saved.
func (e *rekEditor) key(msg tea.KeyPressMsg) (done, save bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, formKeys.Cancel):
		return true, false, nil
	case key.Matches(msg, formKeys.Save):
		return true, true, nil
	case key.Matches(msg, formKeys.Next):
		return false, false, e.focusField(e.focus + 1)
	case key.Matches(msg, formKeys.Prev):
		return false, false, e.focusField(e.focus - 1)
	}
	e.problem = ""
	switch e.focus {
	case rePriority:
		if key.Matches(msg, formKeys.Choice, formKeys.Enter) {
			step := 1
			if key.Matches(msg, formKeys.ChoiceBack) {
				step = len(model.Priorities) - 1
			}
			e.prio = (e.prio + step) % len(model.Priorities)
		}
	case reDue:
		if key.Matches(msg, formKeys.Enter) {
			return true, true, nil
		}
	}
	return false, false, e.forward(msg)
}

func (e *rekEditor) forward(msg tea.Msg) tea.Cmd { return forwardTo(e.fields(), e.focus, msg) }

// submit handles a key: done when the form is finished with, ok when it
// was saved with a valid recommendation (rk); a value the form refuses
// stays on screen with the reason, not done.
func (e *rekEditor) submit(msg tea.KeyPressMsg) (rk model.Rekomendasi, done, ok bool, cmd tea.Cmd) {
	done, save, cmd := e.key(msg)
	if !done || !save {
		return rk, done, false, cmd
	}
	rk, err := e.value()
	if err != nil {
		e.problem = errorText(err)
		return rk, false, false, nil
	}
	return rk, true, true, nil
}

// value is the recommendation with the form's text, priority and due
// date, checked.
func (e *rekEditor) value() (model.Rekomendasi, error) {
	base := e.rek
	due, err := model.ParseDate(e.due.Value())
	if err != nil {
		return base, err
	}
	base.Text = strings.TrimSpace(e.text.Value())
	base.Priority = model.Priorities[e.prio]
	base.Due = due
	if base.Text == "" {
		return base, &model.FieldError{Field: "rekomendasi", Msg: "teks wajib diisi"}
	}
	return base, nil
}

func (e *rekEditor) help() []key.Binding {
	k := []key.Binding{formKeys.Save, formKeys.Next, formKeys.Cancel}
	if e.focus == rePriority {
		k = append(k, formKeys.Choice)
	}
	return k
}

// formView is a recommendation form: its title and keys, one line or
// block a field, and why the last save was refused.
func formView(st styles, width, height int, title, problem string, fields ...string) string {
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Header.Render(title)+st.Muted.Render("  ctrl+s simpan · tab kolom berikut · esc batal"), width, "…") + "\n")
	for _, f := range fields {
		b.WriteString(f + "\n")
	}
	if problem != "" {
		b.WriteString(st.Error.Render(strings.Join(wrapLines("✗ "+problem, max(1, width), 3), "\n")))
	}
	return clip(b.String(), width, height)
}

func (e *rekEditor) View(st styles, width, height int) string {
	prio := make([]string, len(model.Priorities))
	for i, p := range model.Priorities {
		prio[i] = "  " + string(p)
		if i == e.prio {
			prio[i] = st.Selected.Render("› " + string(p))
		}
	}
	label := "Prioritas: "
	if e.focus == rePriority {
		label = st.Focus.Render(label)
	}
	return formView(st, width, height, "Ubah rekomendasi", e.problem, e.text.View(), label+strings.Join(prio, " "), e.due.View())
}

// Fields of the follow-up form.
const (
	fuDate = iota
	fuText
	fuEvTitle
	fuEvLoc
	fuCount
)

// followUpForm records one tindak lanjut: when, what was done, and
// optionally one evidence reference.
type followUpForm struct {
	rek     model.Rekomendasi // what it follows up
	date    textinput.Model
	text    textarea.Model
	evTitle textinput.Model
	evLoc   textinput.Model
	focus   int
	problem string
}

func newFollowUpForm(rk model.Rekomendasi, today time.Time) *followUpForm {
	f := &followUpForm{
		rek:     rk,
		date:    newField("Tanggal: ", "hari-bulan-tahun", 10),
		text:    newTextArea("Apa yang sudah dilakukan satker…"),
		evTitle: newField("Eviden:  ", "judul dokumen (boleh kosong)", 200),
		evLoc:   newField("Lokasi:  ", "path, URL atau nomor dokumen", 500),
	}
	f.date.SetValue(today.Format("02-01-2006"))
	return f
}

func (f *followUpForm) setSize(width, height int) {
	f.text.SetWidth(max(10, width))
	f.text.SetHeight(max(2, height-6))
	for _, in := range []*textinput.Model{&f.date, &f.evTitle, &f.evLoc} {
		fitField(in, max(10, width-lipgloss.Width(in.Prompt)-1))
	}
}

// fields are the form's fields by focus.
func (f *followUpForm) fields() []formField {
	return []formField{fuDate: lineField{&f.date}, fuText: areaField{&f.text}, fuEvTitle: lineField{&f.evTitle}, fuEvLoc: lineField{&f.evLoc}}
}

func (f *followUpForm) focusField(i int) tea.Cmd {
	f.focus = (i + fuCount) % fuCount
	return focusOn(f.fields(), f.focus)
}

func (f *followUpForm) key(msg tea.KeyPressMsg) (done, save bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, formKeys.Cancel):
		return true, false, nil
	case key.Matches(msg, formKeys.Save):
		return true, true, nil
	case key.Matches(msg, formKeys.Next), key.Matches(msg, formKeys.Enter) && f.focus != fuText && f.focus != fuEvLoc:
		return false, false, f.focusField(f.focus + 1)
	case key.Matches(msg, formKeys.Enter) && f.focus == fuEvLoc:
		return true, true, nil
	case key.Matches(msg, formKeys.Prev):
		return false, false, f.focusField(f.focus - 1)
	}
	f.problem = ""
	return false, false, f.forward(msg)
}

func (f *followUpForm) forward(msg tea.Msg) tea.Cmd { return forwardTo(f.fields(), f.focus, msg) }

func (f *followUpForm) value(by string) (model.TindakLanjut, error) {
	date, err := model.ParseDate(f.date.Value())
	if err != nil {
		return model.TindakLanjut{}, err
	}
	tl := model.TindakLanjut{Date: date, By: by, Text: strings.TrimSpace(f.text.Value())}
	title, loc := strings.TrimSpace(f.evTitle.Value()), strings.TrimSpace(f.evLoc.Value())
	if title != "" || loc != "" {
		tl.Evidence = []model.Evidence{{Title: title, Location: loc}}
	}
	return tl, tl.Validate()
}

func (f *followUpForm) help() []key.Binding {
	return []key.Binding{formKeys.Save, formKeys.Next, formKeys.Cancel}
}

func (f *followUpForm) View(st styles, width, height int) string {
	return formView(st, width, height, "Tindak lanjut baru", f.problem, f.date.View(), f.text.View(), f.evTitle.View(), f.evLoc.View())
}
