package format

import (
	"bytes"
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// Stored text may carry escape sequences; what reaches the terminal keeps
// text, line breaks and colour only.
func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"KUA Kecamatan Tombatu", "KUA Kecamatan Tombatu"},
		{"Kanwil\x1b]0;dibajak\x07\x1b[2J\x1b[H Bengkulu", "Kanwil Bengkulu"},
		{"a\x1b]52;c;ZWNobw==\x1b\\b", "ab"},                               // clipboard write, ended by ST
		{"a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},                                 // DCS (sixel)
		{"\x1b[1;31m✗ TIDAK LULUS\x1b[m", "\x1b[1;31m✗ TIDAK LULUS\x1b[m"}, // the styles' own colour
		{"baris 1\nbaris\t2\r\x08\x7f", "baris 1\nbaris 2"},
		{"C1 \u009b2J CSI", "C1 2J CSI"},
		{"中文 ✓ café 👨‍👩‍👧", "中文 ✓ café 👨‍👩‍👧"},
		{"\x1bc reset", " reset"},
	} {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestPrintableWriter(t *testing.T) {
	var b bytes.Buffer
	w := PrintableWriter(&b)
	n, err := w.Write([]byte("nama: \x1b]0;x\x07Budi\n"))
	if err != nil || n != len("nama: \x1b]0;x\x07Budi\n") || b.String() != "nama: Budi\n" {
		t.Fatalf("wrote %d, %v: %q", n, err, b.String())
	}
}

// Text without a control is returned as it is, whatever its script.
func TestPrintableKeepsText(t *testing.T) {
	for _, s := range []string{"✓ ✗ · ▲ ▼ — …", "a\u200db", "中文", "Ñandú"} {
		if model.HasControl(s) || Printable(s) != s {
			t.Errorf("%q: control %v, printable %q", s, model.HasControl(s), Printable(s))
		}
	}
}
