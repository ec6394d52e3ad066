package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Fields of the satker form, in tab order.
type satkerField int

const (
	sfName satkerField = iota
	sfKind
	sfProvince
	sfRegency
	sfHead
	sfTarget
	sfCount
)

var satkerLabels = [sfCount]string{"Nama satker", "Jenis", "Provinsi", "Kabupaten/Kota", "Kepala satker", "Target"}

// Placeholders are in parentheses: under NO_COLOR they are not faint, and
// must not read as values.
var satkerPlaceholders = [sfCount]string{
	sfName:     "(mis. Kantor Kemenag Kab. Magelang)",
	sfProvince: "(mis. Jawa Tengah)",
	sfRegency:  "(boleh kosong; mis. Kabupaten Magelang)",
	sfHead:     "(boleh kosong)",
}

// satkerFieldOf maps model.FieldError field names to form fields; the id
// is made from the name, so its problems show beside the name.
var satkerFieldOf = map[string]satkerField{"id": sfName, "nama": sfName, "jenis": sfKind, "provinsi": sfProvince,
	"kabupaten/kota": sfRegency, "kepala": sfHead, "target": sfTarget}

var satkerTargets = []string{model.WBK, model.WBBM}

const formLabelW = 16 // widest label, "Kabupaten/Kota", and room

// satkerForm adds a satker or edits one. It validates as it is typed,
// with the model's own rules, and shows each problem beside its field; it
// leaves only once the store has the record, so nothing typed is lost to
// a refused save.
type satkerForm struct {
	env  *env
	keys fieldFormKeys

	orig   model.Satker
	isNew  bool
	inputs [sfCount]textinput.Model // text fields; the choice fields' are unused
	kind   int                      // index into model.SatkerKinds, -1: a stored kind not in the list
	target int                      // index into satkerTargets
	focus  satkerField

	touched  [sfCount]bool
	problems [sfCount]string
	formErr  string
	saving   bool
	discard  bool // esc was pressed once with unsaved changes
	closing  bool // back has been sent; keys until it lands are not the form's
	initial  model.Satker

	taken func(id string) bool               // a new id already in use
	saved func(s model.Satker, created bool) // called once the store has it

	width, height int
}

// newSatkerForm opens the form on edit, or on a new satker when edit is nil.
func newSatkerForm(e *env, edit *model.Satker, taken func(string) bool, saved func(model.Satker, bool)) *satkerForm {
	f := &satkerForm{env: e, keys: newFieldFormKeys("simpan"), isNew: edit == nil, taken: taken, saved: saved}
	if edit != nil {
		f.orig = *edit
	} else {
		// Most units evaluated for ZI are district offices.
		f.orig = model.Satker{Kind: model.Kankemenag, Target: model.WBK}
	}
	for i := range f.inputs {
		f.inputs[i] = newField("", satkerPlaceholders[i], 120)
	}
	for i, v := range map[satkerField]string{sfName: f.orig.Name, sfProvince: f.orig.Province, sfRegency: f.orig.Regency, sfHead: f.orig.Head} {
		// A stored value (an import's) may be longer than the typing
		// limit: SetValue would cut it, and a save of another field too.
		f.inputs[i].CharLimit = max(f.inputs[i].CharLimit, utf8.RuneCountInString(v))
		f.inputs[i].SetValue(v)
	}
	f.kind = slices.Index(model.SatkerKinds, f.orig.Kind)
	f.target = max(0, slices.Index(satkerTargets, f.orig.Target))
	f.initial = f.value()
	f.setFocus(sfName)
	f.validate()
	return f
}

// satkerSavedMsg is the store's answer to a save.
type satkerSavedMsg struct {
	s   model.Satker
	err error
}

func (f *satkerForm) Init() tea.Cmd { return nil }

func (f *satkerForm) Title() string {
	if f.isNew {
		return "Satker baru"
	}
	return "Ubah " + f.orig.Name
}

func (f *satkerForm) Capturing() bool { return isTextField(f.focus) }

func isTextField(fl satkerField) bool { return fl != sfKind && fl != sfTarget }

func (f *satkerForm) SetSize(width, height int) {
	f.width, f.height = width, height
	for i := range f.inputs {
		w := max(1, f.inputW()-1) // one cell for the cursor
		fitField(&f.inputs[i], w)
		// The field cuts a long placeholder without saying so.
		f.inputs[i].Placeholder = ansi.Truncate(satkerPlaceholders[i], w, "…")
	}
}

// inputW leaves room beside the field for its message when it can.
func (f *satkerForm) inputW() int {
	return min(48, max(12, f.width-2-formLabelW-26))
}

// value is the record as the form now holds it.
func (f *satkerForm) value() model.Satker {
	s := f.orig
	s.Name = strings.TrimSpace(f.inputs[sfName].Value())
	s.Province = strings.TrimSpace(f.inputs[sfProvince].Value())
	s.Regency = strings.TrimSpace(f.inputs[sfRegency].Value())
	s.Head = strings.TrimSpace(f.inputs[sfHead].Value())
	if f.isNew {
		s.ID = model.Slug(s.Name)
	}
	if f.kind >= 0 {
		s.Kind = model.SatkerKinds[f.kind]
	}
	s.Target = satkerTargets[f.target]
	return s
}

// validate finds every field's problem. Satker.Validate stops at the
// first, so each field is checked on its own against an otherwise valid
// record: the rules stay the model's.
func (f *satkerForm) validate() {
	s := f.value()
	f.problems = [sfCount]string{}
	ok := model.Satker{ID: "x", Name: "x", Kind: model.SatkerKinds[0], Province: "x", Target: model.WBK}
	probe := func(p model.Satker) {
		var fe *model.FieldError
		if err := p.Validate(); errors.As(err, &fe) {
			if fl, known := satkerFieldOf[fe.Field]; known && f.problems[fl] == "" {
				f.problems[fl] = fieldMessage(fe)
			}
		}
	}
	p := ok
	p.Name = s.Name
	probe(p)
	if f.problems[sfName] == "" {
		p.ID = s.ID
		probe(p)
	}
	p = ok
	p.Kind = s.Kind
	probe(p)
	p = ok
	p.Province = s.Province
	probe(p)
	p = ok
	p.Target = s.Target
	probe(p)
	if f.isNew && f.problems[sfName] == "" && f.taken != nil && f.taken(s.ID) {
		f.problems[sfName] = fmt.Sprintf("id %s sudah dipakai satker lain; ubah namanya", s.ID)
	}
}

// fieldMessage words a model error for the place beside its field.
func fieldMessage(fe *model.FieldError) string {
	if fe.Field == "id" {
		return "nama harus memuat huruf atau angka (untuk id)"
	}
	return fe.Msg
}

func (f *satkerForm) setFocus(fl satkerField) tea.Cmd {
	if f.focus != fl {
		f.touched[f.focus] = true
	}
	f.inputs[f.focus].Blur()
	f.inputs[f.focus].CursorStart() // a long value shows its start when left
	f.focus = fl
	choice := !isTextField(fl)
	f.keys.Left.SetEnabled(choice)
	f.keys.Right.SetEnabled(choice)
	if choice {
		return nil
	}
	f.inputs[fl].CursorEnd()
	return f.inputs[fl].Focus()
}

func (f *satkerForm) move(d int) tea.Cmd {
	return f.setFocus(satkerField((int(f.focus) + d + int(sfCount)) % int(sfCount)))
}

func (f *satkerForm) cycle(d int) {
	switch f.focus {
	case sfKind:
		n := len(model.SatkerKinds)
		f.kind = ((max(f.kind, 0)+d)%n + n) % n
	case sfTarget:
		n := len(satkerTargets)
		f.target = ((f.target+d)%n + n) % n
	}
	f.touched[f.focus] = true
}

// pick selects a pasted choice when it names one.
func (f *satkerForm) pick(text string) {
	text = strings.TrimSpace(text)
	switch f.focus {
	case sfKind:
		for i, k := range model.SatkerKinds {
			if strings.EqualFold(string(k), text) || strings.EqualFold(kindShort(k), text) {
				f.kind = i
			}
		}
	case sfTarget:
		for i, t := range satkerTargets {
			if strings.EqualFold(t, text) {
				f.target = i
			}
		}
	}
}

func (f *satkerForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case satkerSavedMsg:
		f.saving = false
		if msg.err == nil {
			if f.saved != nil {
				f.saved(msg.s, f.isNew)
			}
			f.closing = true
			return back
		}
		f.refused(msg.err)
		return nil
	case tea.KeyPressMsg:
		return f.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case f.saving || f.closing:
			return nil
		case !isTextField(f.focus):
			f.pick(msg.Content) // a pasted "KUA" picks the kind
			f.validate()
			return nil
		}
		return f.typeInto(msg)
	}
	if isTextField(f.focus) {
		return f.typeInto(msg) // a cursor message, which changes no value
	}
	return nil
}

// refused shows in place why the store did not take the record; every
// field keeps what was typed.
func (f *satkerForm) refused(err error) {
	var fe *model.FieldError
	switch {
	case errors.Is(err, store.ErrExists):
		f.problems[sfName] = fmt.Sprintf("id %s sudah dipakai satker lain; ubah namanya", f.value().ID)
		f.touched[sfName] = true
		f.setFocus(sfName)
		f.formErr = "Belum tersimpan: id sudah ada."
	case errors.As(err, &fe):
		fl := satkerFieldOf[fe.Field]
		f.problems[fl] = fieldMessage(fe)
		f.touched[fl] = true
		f.setFocus(fl)
		f.formErr = "Belum tersimpan: periksa kolom yang ditandai ✗."
	default:
		f.formErr = "Belum tersimpan: " + errorText(err)
	}
}

func (f *satkerForm) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if f.saving || f.closing {
		return nil // the store answers in a moment, or the form is closing
	}
	k := f.keys
	armed := f.discard
	f.discard = false
	f.formErr = ""
	switch {
	case key.Matches(msg, k.Cancel):
		if f.value() != f.initial && !armed {
			f.discard = true
			f.formErr = "Perubahan belum disimpan. Tekan esc lagi untuk membuang, atau ctrl+s untuk menyimpan."
			return nil
		}
		f.closing = true
		return f.env.goBack()
	case key.Matches(msg, k.Save):
		return f.submit()
	case key.Matches(msg, k.Submit):
		if f.focus == sfCount-1 {
			return f.submit()
		}
		return f.move(1)
	case key.Matches(msg, k.Next):
		return f.move(1)
	case key.Matches(msg, k.Prev):
		return f.move(-1)
	case !isTextField(f.focus):
		switch {
		case key.Matches(msg, k.Left):
			f.cycle(-1)
		case key.Matches(msg, k.Right):
			f.cycle(1)
		}
		f.validate()
		return nil
	}
	return f.typeInto(msg)
}

// typeInto hands a key or a paste to the focused text field.
func (f *satkerForm) typeInto(msg tea.Msg) tea.Cmd {
	before := f.inputs[f.focus].Value()
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	if f.inputs[f.focus].Value() != before {
		f.touched[f.focus] = true
		f.validate()
	}
	return cmd
}

// submit saves through the store when every field is valid; otherwise it
// shows every problem and goes to the first.
func (f *satkerForm) submit() tea.Cmd {
	for i := range f.touched {
		f.touched[i] = true
	}
	f.validate()
	for fl, p := range f.problems {
		if p != "" {
			f.formErr = "Belum tersimpan: periksa kolom yang ditandai ✗."
			return f.setFocus(satkerField(fl))
		}
	}
	s := f.value()
	if err := s.Validate(); err != nil { // the per-field checks should have caught it
		f.refused(err)
		return nil
	}
	f.saving = true
	e, isNew := f.env, f.isNew
	return e.write(f, func() tea.Msg {
		var out model.Satker
		var err error
		if isNew {
			out, err = e.db.CreateSatker(s, e.user)
		} else {
			out, err = e.db.UpdateSatker(s, e.user)
		}
		return satkerSavedMsg{out, err}
	})
}

func (f *satkerForm) Help() keyHelp {
	k := f.keys
	short := bindings([]key.Binding{k.Next, k.Left, k.Right, k.Save, k.Cancel})
	return keyHelp{short: short, full: [][]key.Binding{{k.Next, k.Prev, k.Left, k.Right}, {k.Submit, k.Save, k.Cancel}}}
}
