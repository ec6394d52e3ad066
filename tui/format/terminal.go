package format

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Printable keeps of s what ziwb itself writes to a terminal — text, line
// breaks and colour (SGR) sequences — and drops every other control
// character and escape sequence. Stored text comes from people and from
// other people's files (a satker's name in a merged field bundle, a note):
// written raw, a sequence in it could clear the screen, retitle the window
// or write to the clipboard of everyone shown it. A tab becomes a space.
func Printable(s string) string {
	if !hasControl(s) {
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
		case width > 0 || !isControl(seq):
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

// hasControl reports a C0 or C1 control, DEL or a byte that is no UTF-8
// anywhere in s.
func hasControl(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == utf8.RuneError && size == 1 {
			return true
		}
		i += size
	}
	return false
}

// isControl reports a sequence or character that is not text: an escape
// sequence, a C0 or C1 control, DEL, or a byte that is no UTF-8.
func isControl(seq string) bool { return hasControl(seq) }

// PrintableWriter is w with Printable applied to every write: standard
// output of the commands that print stored text, when it is a terminal.
func PrintableWriter(w io.Writer) io.Writer { return printableWriter{w} }

type printableWriter struct{ w io.Writer }

func (p printableWriter) Write(b []byte) (int, error) {
	if !hasControl(string(b)) {
		return p.w.Write(b)
	}
	if _, err := io.WriteString(p.w, Printable(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}
