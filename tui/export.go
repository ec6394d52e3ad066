package tui

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
	"github.com/kemenag-ortala/ziwb/tui/report"
)

// Exporting an evaluation (x on its scorecard, or on it in the chooser):
// the LKE ZI workbook, the answers as CSV, or the Laporan Hasil Evaluasi
// as HTML or Markdown, written into the folder ziwb was started in, the
// path shown. A session on the server writes no file there: it names the
// command line that brings the file over ssh instead.

// exportFormat is one kind of file x writes.
type exportFormat struct {
	label  string
	prefix string // of the file's name: lke-…, lhe-…
	ext    string
	// command is the command line that writes it, for ssh, before the
	// evaluation's flags.
	command string
	write   func(db *store.DB, w io.Writer, evalID string) error
}

// exportFormats are what x offers, by the digit that picks them.
var exportFormats = []exportFormat{
	{"lembar kerja LKE ZI (.xlsx)", "lke", "xlsx", "export --format xlsx", func(db *store.DB, w io.Writer, evalID string) error {
		_, err := lke.ExportWorkbook(db, w, evalID)
		return err
	}},
	{"jawaban (.csv)", "lke", "csv", "export --format csv", lke.ExportCSV},
	{"Laporan Hasil Evaluasi (.html)", "lhe", "html", "report lhe --format html", writeLHE("html")},
	{"Laporan Hasil Evaluasi (.md)", "lhe", "md", "report lhe --format md", writeLHE("md")},
}

// writeLHE writes an evaluation's Laporan Hasil Evaluasi in format md or
// html, read and rendered as "ziwb report lhe" does.
func writeLHE(format string) func(*store.DB, io.Writer, string) error {
	return func(db *store.DB, w io.Writer, evalID string) error {
		in, err := report.LoadLHE(db, evalID)
		if err != nil {
			return err
		}
		data, err := report.LHE(format, in)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
}

// fileName is the file f of an evaluation is written to: the format's
// prefix and the evaluation's id, "lhe-kankemenag-sinjai-2026-TPI.html".
func (f exportFormat) fileName(evalID string) string {
	return f.prefix + "-" + strings.ReplaceAll(evalID, "/", "-") + "." + f.ext
}

// freeName is path, or when a file is there already (a workbook exported
// before and filled in since) the first of "name (2).ext", "name (3).ext"
// … that is free: x never writes over a file. A name taken by something
// else (a folder) is kept, and writing to it fails and says so.
func freeName(path string) string {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for n := 2; ; n++ {
		fi, err := os.Lstat(path)
		if err != nil || !fi.Mode().IsRegular() && fi.Mode()&fs.ModeSymlink == 0 {
			return path // free, or not a file: the write says what is wrong
		}
		path = fmt.Sprintf("%s (%d)%s", base, n, ext)
	}
}

// sshCommand is the command line that writes f of an evaluation over ssh.
func (f exportFormat) sshCommand(evalID string) string {
	flags := "--satker " + evalID
	if p := strings.SplitN(evalID, "/", 3); len(p) == 3 { // satker/year/stage
		flags = fmt.Sprintf("--satker %s --year %s --stage %s", p[0], p[1], p[2])
	}
	return fmt.Sprintf("ssh … %s %s > %s", f.command, flags, f.fileName(evalID))
}

// exportedMsg is a file written, or why not; on the server, the command
// line to run instead.
type exportedMsg struct {
	path    string
	command string
	err     error
}

func (m exportedMsg) failureText() string {
	if m.err == nil {
		return ""
	}
	text, _ := m.notice()
	return text
}

// notice is what the screen says about an export, and whether it failed.
func (m exportedMsg) notice() (text string, failed bool) {
	switch {
	case m.command != "":
		return "Lewat server tidak ada berkas yang ditulis di sini: jalankan " + m.command, true
	case m.err != nil:
		return "Tidak terekspor: " + errorText(m.err), true
	}
	return "✓ Ditulis ke " + m.path, false
}

// exportMenu is x on one evaluation: the formats to pick at the foot of
// the screen, then the command that writes the file. The scorecard and
// the chooser both hold one.
type exportMenu struct {
	env    *env
	evalID string // the evaluation asked about; "" while the menu is closed
}

func (m *exportMenu) open(evalID string) { m.evalID = evalID }
func (m *exportMenu) isOpen() bool       { return m.evalID != "" }

// key takes a key pressed while the menu is open, and closes it: a
// format's digit returns the command that writes its file; esc, or
// anything else, writes nothing.
func (m *exportMenu) key(msg tea.KeyPressMsg) tea.Cmd {
	evalID := m.evalID
	m.evalID = ""
	r, ok := typedRune(msg)
	n := int(r - '1')
	if !ok || n < 0 || n >= len(exportFormats) {
		return nil
	}
	f, db := exportFormats[n], m.env.db
	if m.env.remote {
		command := f.sshCommand(evalID)
		return func() tea.Msg { return exportedMsg{command: command} }
	}
	return func() tea.Msg {
		dir, err := os.Getwd()
		if err != nil {
			return exportedMsg{err: err}
		}
		path := freeName(filepath.Join(dir, f.fileName(evalID)))
		err = store.WriteAtomic(path, func(w io.Writer) error { return f.write(db, w, evalID) })
		return exportedMsg{path: path, err: err}
	}
}

// view is the open menu, one line per format, each cut to width.
func (m *exportMenu) view(width int) string {
	st := m.env.st
	round := m.evalID
	if p := strings.SplitN(m.evalID, "/", 3); len(p) == 3 {
		round = p[2] + " " + p[1]
	}
	head := "Ekspor " + round + " ke berkas (esc batal):"
	if m.env.remote {
		head = "Lewat server tidak ada berkas yang ditulis di sini; perintah ssh untuk " + round + " (esc batal):"
	}
	lines := []string{st.Warn.Render(ansi.Truncate(head, max(0, width), "…"))}
	for i, f := range exportFormats {
		lines = append(lines, ansi.Truncate(fmt.Sprintf("  %s %s", st.Key.Render(fmt.Sprint(i+1)), f.label), max(0, width), "…"))
	}
	return strings.Join(lines, "\n")
}
