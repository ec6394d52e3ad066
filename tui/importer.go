package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// Importing a filled LKE ZI worksheet (.xlsx) or a CSV of answers into
// the evaluation selected in the chooser (i): the path typed, the file
// read and compared with what is stored (lke.PreviewImport), and only
// then, on enter, saved as the command line saves it (lke.Import): one
// transaction, one action in the history. A session on the server reads
// no file where it runs: the command line over ssh takes the file on its
// standard input instead.

// importKeys is the import screen's key map and its help.
type importKeys struct {
	Read, Save, Other, Done, Back key.Binding
	Up, Down, PageUp, PageDown    key.Binding
}

func newImportKeys() importKeys {
	return importKeys{
		Read:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "baca berkas")),
		Save:     enterSaveKey(),
		Other:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "berkas lain")),
		Done:     key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "kembali ke daftar")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "kembali tanpa menyimpan")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "gulir naik")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "gulir turun")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "halaman sebelum")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "halaman berikut")),
	}
}

// importStep is where the import screen is.
type importStep int

const (
	importAsk     importStep = iota // the path is typed
	importReading                   // the file is read and compared
	importShown                     // the preview is shown
	importSaving                    // the store is saving it
	importDone                      // saved: the result is shown
)

// importScreen imports a file into one evaluation.
type importScreen struct {
	env    *env
	eval   model.Evaluation
	satker string // its name, for the headline
	keys   importKeys

	step    importStep
	field   textinput.Model
	problem string // why the path was refused, or the file not read
	path    string // as typed

	file    lke.File
	in      *model.Instrument
	preview lke.Preview
	vp      viewport.Model
	notice  string // the foot: a refusal, until the next key
	saveErr string // why the store refused the save
	result  lke.Result

	width, height int
	view          string
	dirty         bool
}

func newImporter(e *env, ev model.Evaluation, satkerName string) *importScreen {
	f := newField("> ", "mis. ~/Unduhan/lke-isi.xlsx atau jawaban.csv", 1024)
	s := &importScreen{env: e, eval: ev, satker: satkerName, keys: newImportKeys(), field: f, vp: viewport.New(), dirty: true}
	s.updateKeys()
	return s
}

// openImport opens the import screen for the selected evaluation; on the
// server it says how to import over ssh instead.
func (c *chooserScreen) openImport() tea.Cmd {
	ev := c.selected()
	if ev == nil {
		return nil
	}
	if c.env.remote {
		c.say(fmt.Sprintf("Lewat server berkas di komputer Anda tidak terbaca: jalankan ssh … import --lke - --satker %s --stage %s --year %d < isi.xlsx (atau --answers - untuk .csv)",
			ev.SatkerID, ev.Stage, ev.Year), true)
		return nil
	}
	return c.open(newImporter(c.env, *ev, c.satker.Name))
}

// Messages of the import screen.
type (
	importReadMsg struct {
		file    lke.File
		in      *model.Instrument
		preview lke.Preview
		err     error // the file could not be read at all
	}
	importSavedMsg struct {
		res lke.Result
		err error
	}
)

func (s *importScreen) Init() tea.Cmd { return s.field.Focus() }

func (s *importScreen) Title() string   { return "Impor" }
func (s *importScreen) Capturing() bool { return s.step == importAsk }

func (s *importScreen) SetSize(width, height int) {
	s.width, s.height = width, height
	fitField(&s.field, max(10, width-4))
	s.fill()
	s.dirty = true
}

func (s *importScreen) updateKeys() {
	k := &s.keys
	k.Read.SetEnabled(s.step == importAsk)
	k.Save.SetEnabled(s.step == importShown)
	k.Other.SetEnabled(s.step == importShown)
	k.Done.SetEnabled(s.step == importDone)
	k.Back.SetEnabled(s.step != importDone && s.step != importSaving)
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown} {
		b.SetEnabled(s.step == importShown || s.step == importDone)
	}
}

func (s *importScreen) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case importReadMsg:
		s.read(msg)
	case importSavedMsg:
		s.saved(msg)
	case tea.KeyPressMsg:
		s.notice = ""
		cmd = s.handleKey(msg)
	case refreshMsg:
		return nil // nothing here changes under someone else's edit
	default:
		if s.step != importAsk {
			return nil
		}
		s.field, cmd = s.field.Update(msg) // a paste
		s.problem = ""
	}
	s.updateKeys()
	s.dirty = true
	return cmd
}

func (s *importScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Done):
		return s.env.goBack()
	case key.Matches(msg, k.Back):
		return s.env.goBack() // nothing is saved before enter on the preview
	case key.Matches(msg, k.Read):
		return s.startRead()
	case key.Matches(msg, k.Save):
		return s.save()
	case key.Matches(msg, k.Other):
		s.step, s.problem = importAsk, ""
		return s.field.Focus()
	case s.step == importAsk:
		var cmd tea.Cmd
		s.field, cmd = s.field.Update(msg)
		s.problem = ""
		return cmd
	case key.Matches(msg, k.Up):
		s.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		s.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		s.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		s.vp.PageDown()
	}
	return nil
}

// importKinds are the files the screen reads, by their extension. An
// .ods or an old .xls is read as a workbook too, so that the reader says
// how to save it as .xlsx.
var importKinds = map[string]func(string, []byte, *model.Instrument) (lke.File, error){
	".xlsx": lke.ReadLKE,
	".ods":  lke.ReadLKE,
	".xls":  lke.ReadLKE,
	".csv":  lke.ReadCSV,
}

// startRead checks the path as typed and reads the file in a command.
// droppedPath is a path as typed, pasted or dropped from a file manager:
// terminals quote a dropped path ('/a b.csv' or "/a b.csv") or escape its
// spaces (/a\ b.csv), and add a space after it.
func droppedPath(typed string) string {
	p := strings.TrimSpace(typed)
	if len(p) >= 2 && (p[0] == '\'' || p[0] == '"') && p[len(p)-1] == p[0] {
		return p[1 : len(p)-1]
	}
	if runtime.GOOS != "windows" { // there \ separates folders
		p = strings.ReplaceAll(p, `\ `, " ")
	}
	return strings.TrimPrefix(p, "file://")
}

func (s *importScreen) startRead() tea.Cmd {
	path := droppedPath(s.field.Value())
	if path == "" {
		s.problem = "Tulis jalur berkasnya dulu."
		return nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	read, ok := importKinds[ext]
	if !ok {
		s.problem = fmt.Sprintf("Jenis berkas %q tidak dikenal: pilih lembar kerja LKE ZI (.xlsx) atau jawaban (.csv).", filepath.Ext(path))
		if ext == "" {
			s.problem = "Berkas tanpa akhiran: pilih lembar kerja LKE ZI (.xlsx) atau jawaban (.csv)."
		}
		return nil
	}
	s.path, s.problem, s.step = path, "", importReading
	s.field.Blur()
	db, ev, user := s.env.db, s.eval, s.env.user
	return func() tea.Msg {
		data, err := readLocal(path)
		if err != nil {
			return importReadMsg{err: err}
		}
		in, err := db.Instrument(ev.InstrumentHash)
		if err != nil {
			return importReadMsg{err: err}
		}
		f, err := read(filepath.Base(path), data, in)
		if err != nil && len(f.Skipped) == 0 && len(f.Invalid) == 0 {
			return importReadMsg{err: err} // not readable at all
		}
		p, err := lke.PreviewImport(db, f, ev.ID, user)
		return importReadMsg{file: f, in: in, preview: p, err: err}
	}
}

// readLocal reads a file named as a person types it: ~ is their home,
// a relative path is from the folder ziwb was started in.
func readLocal(path string) ([]byte, error) {
	if path == "~" || strings.HasPrefix(path, "~/") || strings.HasPrefix(path, `~\`) {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("folder rumah tidak diketahui: %w", err)
		}
		path = filepath.Join(home, path[1:])
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	switch info, err := os.Stat(abs); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("berkas %s tidak ada", abs)
	case err != nil:
		return nil, fmt.Errorf("berkas %s tidak terbaca: %w", abs, err)
	case info.IsDir():
		return nil, fmt.Errorf("%s adalah folder, bukan berkas", abs)
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("berkas %s tidak terbaca: %w", abs, err)
	}
	return data, nil
}

func (s *importScreen) read(msg importReadMsg) {
	if s.step != importReading {
		return
	}
	if msg.err != nil {
		s.step, s.problem = importAsk, errorText(msg.err)
		s.field.Focus()
		return
	}
	s.step, s.file, s.in, s.preview, s.saveErr = importShown, msg.file, msg.in, msg.preview, ""
	if r := msg.preview.Refusal; r != nil {
		s.saveErr = errorText(r) // said before enter: the store will not take it
	}
	s.fill()
	s.vp.GotoTop()
}

// save imports the file, unless a value in it is refused or nothing in it
// differs from what is stored.
func (s *importScreen) save() tea.Cmd {
	p := s.preview
	switch {
	case p.Refusal != nil:
		return nil // the preview already says why, above and in the foot
	case !p.Savable():
		s.notice = fmt.Sprintf("Tidak disimpan: %d isian tidak sah. Perbaiki berkasnya, lalu b untuk membacanya lagi.", len(p.Invalid))
		return nil
	case len(p.Changed) == 0:
		s.notice = "Tidak ada yang disimpan: semua jawaban di berkas sudah sama dengan yang tersimpan."
		return nil
	}
	s.step, s.saveErr = importSaving, ""
	e, f, ev := s.env, s.file, s.eval
	return e.write(s, func() tea.Msg {
		res, err := lke.Import(e.db, f, ev.SatkerID, ev.Stage, ev.Year, e.user)
		return importSavedMsg{res, err}
	})
}

func (s *importScreen) saved(msg importSavedMsg) {
	if msg.err != nil {
		s.step, s.saveErr = importShown, errorText(msg.err)
		s.fill()
		s.vp.GotoTop()
		return
	}
	s.step, s.result = importDone, msg.res
	s.fill()
}
