package tui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/store/lke"
)

// Exporting an evaluation from the scorecard (x): the LKE ZI workbook or
// the answers as CSV, written into the folder ziwb was started in, the
// path shown. A session on the server writes no file there: the command
// line over ssh brings the file to the evaluator instead.

// exportFormats are what x offers, by the digit that picks them.
var exportFormats = []struct{ label, ext string }{
	{"lembar kerja LKE ZI (.xlsx)", "xlsx"},
	{"jawaban (.csv)", "csv"},
}

// exportedMsg is a file written, or why not.
type exportedMsg struct {
	path string
	err  error
}

func (s *scorecardScreen) openExport() {
	if s.env.remote {
		id := strings.SplitN(s.evalID, "/", 2)[0]
		s.notice = fmt.Sprintf("Lewat server tidak ada berkas yang ditulis di sini: jalankan ssh … export --format xlsx --satker %s > lke.xlsx", id)
		return
	}
	s.exporting = true
}

func (s *scorecardScreen) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	s.exporting = false
	r, ok := typedRune(msg)
	n := int(r - '1')
	if !ok || n < 0 || n >= len(exportFormats) {
		return nil // esc, or anything else: nothing is written
	}
	ext, db, evalID := exportFormats[n].ext, s.env.db, s.evalID
	name := "lke-" + strings.ReplaceAll(evalID, "/", "-") + "." + ext
	return func() tea.Msg {
		dir, err := os.Getwd()
		if err != nil {
			return exportedMsg{err: err}
		}
		path := filepath.Join(dir, name)
		err = store.WriteAtomic(path, func(w io.Writer) error {
			if ext == "csv" {
				return lke.ExportCSV(db, w, evalID)
			}
			_, err := lke.ExportWorkbook(db, w, evalID)
			return err
		})
		return exportedMsg{path, err}
	}
}

func (s *scorecardScreen) exported(msg exportedMsg) {
	if msg.err != nil {
		s.notice = "Tidak terekspor: " + errorText(msg.err)
		return
	}
	s.notice = "✓ Ditulis ke " + msg.path
}

// exportLine is the foot of the scorecard: the formats to pick, or what
// the last export did.
func (s *scorecardScreen) exportLine() string {
	st := s.env.st
	if s.exporting {
		var opts []string
		for i, f := range exportFormats {
			opts = append(opts, fmt.Sprintf("%s %s", st.Key.Render(fmt.Sprint(i+1)), f.label))
		}
		return st.Warn.Render(ansi.Truncate("Ekspor ke berkas: "+strings.Join(opts, " · ")+" · esc batal", s.width, "…"))
	}
	if strings.HasPrefix(s.notice, "✓") {
		return st.Saved.Render(ansi.Truncate(s.notice, s.width, "…"))
	}
	return st.Error.Render(ansi.Truncate(s.notice, s.width, "…"))
}
