package format

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/kemenag-ortala/ziwb/model"
)

// Printable keeps of s what ziwb itself writes to a terminal — text, line
// breaks and colour (SGR) sequences — and drops every other control
// character and escape sequence. Stored text comes from people and from
// other people's files (a satker's name in a merged field bundle, a note):
// written raw, a sequence in it could clear the screen, retitle the window
// or write to the clipboard of everyone shown it. A tab becomes a space.
func Printable(s string) string {
	if !model.HasControl(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var state byte
	for len(s) > 0 {
		seq, width, n, next := ansi.DecodeSequence(s, state, nil)
		state = next
		switch {
		case n <= 0:
			n = len(s) // cannot happen; never loop for ever
		case width > 0 || !model.HasControl(seq):
			b.WriteString(seq)
		case seq == "\n":
			b.WriteByte('\n')
		case seq == "\t":
			b.WriteByte(' ')
		case ansi.HasCsiPrefix(seq) && strings.HasSuffix(seq, "m"):
			b.WriteString(seq) // colour and weight: what the styles write
		}
		s = s[n:]
	}
	return b.String()
}

// PrintableWriter is w with Printable applied to every write: standard
// output of the commands that print stored text, when it is a terminal.
func PrintableWriter(w io.Writer) io.Writer { return printableWriter{w} }

type printableWriter struct{ w io.Writer }

func (p printableWriter) Write(b []byte) (int, error) {
	if !model.HasControl(string(b)) {
		return p.w.Write(b)
	}
	if _, err := io.WriteString(p.w, Printable(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}
