package model

import (
	"strings"
	"testing"
)

// An instrument saved in the Windows code page (Notepad's "ANSI") is not
// "sah": its dashes and signs (—, ≥) are bytes that are no UTF-8 and would
// be stored as U+FFFD. ParseFile names each such line and what to do.
func TestParseNotUTF8(t *testing.T) {
	data := []byte("id: coba\ntitle: Instrumen \x97 coba\nsource: uji\nnodes:\n  - id: a\n    title: A \x96 B\n    weight: 1\n    questions:\n      - {id: a.1, text: Ya?, type: yesno}\n")
	_, err := ParseFile("ansi.yaml", data)
	es, ok := AsFileErrors(err)
	if !ok || len(es) != 2 || es[0].Line != 2 || es[1].Line != 6 || !strings.Contains(es[0].Msg, "UTF-8") {
		t.Fatalf("a Windows-1252 instrument: %v", err)
	}
	if _, err := ParseFile("utf8.yaml", []byte(strings.NewReplacer("\x97", "—", "\x96", "–").Replace(string(data)))); err != nil {
		t.Fatalf("the same instrument in UTF-8: %v", err)
	}
}
