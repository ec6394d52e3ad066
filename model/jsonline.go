package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
)

// JSONReader reads a JSON document token by token (numbers as
// json.Number) and reports each problem with its line: what the
// answers-file reader and the store's bundle reader share.
type JSONReader struct {
	Dec    *json.Decoder
	data   []byte
	report func(line int, msg string)

	lastOff  int64 // LineAt's position
	lastLine int
}

// NewJSONReader reads data; report receives every problem. A UTF-8
// byte-order mark, which Windows Notepad writes, is skipped.
func NewJSONReader(data []byte, report func(line int, msg string)) *JSONReader {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := &JSONReader{Dec: json.NewDecoder(bytes.NewReader(data)), data: data, report: report, lastLine: 1}
	r.Dec.UseNumber()
	return r
}

// LineAt turns a byte offset into a 1-based line number. Offsets mostly
// grow as the file is read, so it counts on from the last one asked for:
// a file of a million records must not be rescanned a million times.
func (r *JSONReader) LineAt(off int64) int {
	off = max(0, min(off, int64(len(r.data))))
	if off < r.lastOff {
		r.lastOff, r.lastLine = 0, 1
	}
	r.lastLine += bytes.Count(r.data[r.lastOff:off], []byte("\n"))
	r.lastOff = off
	return r.lastLine
}

// Line is the line the decoder has read up to.
func (r *JSONReader) Line() int { return r.LineAt(r.Dec.InputOffset()) }

// Errf reports a problem on a line.
func (r *JSONReader) Errf(line int, format string, args ...any) {
	r.report(line, fmt.Sprintf(format, args...))
}

// Fail reports an error of the decoder, after which the document cannot
// be read further.
func (r *JSONReader) Fail(err error) {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		r.Errf(r.LineAt(se.Offset), "JSON tidak sah: %s", syntaxText(se.Error()))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		r.Errf(r.LineAt(int64(len(r.data))), "JSON terpotong: berkas berakhir sebelum waktunya")
	default:
		r.Errf(r.Line(), "JSON tidak sah: %v", err)
	}
}

// Delim reads the opening of an object ('{') or array ('['); what names
// the value for the message when it is something else.
func (r *JSONReader) Delim(want json.Delim, what string) bool {
	tok, err := r.Dec.Token()
	if err != nil {
		r.Fail(err)
		return false
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		kind := "objek JSON {…}"
		if want == '[' {
			kind = "daftar JSON […]"
		}
		r.Errf(r.Line(), "%s harus berupa %s", what, kind)
		return false
	}
	return true
}

// Blank reports a document with nothing but white space.
func (r *JSONReader) Blank() bool { return len(bytes.TrimSpace(r.data)) == 0 }

// jsonSyntax says encoding/json's syntax errors in Indonesian.
var jsonSyntax = []struct {
	re   *regexp.Regexp
	text string
}{
	{regexp.MustCompile(`^invalid character (.+) looking for beginning of value$`), "karakter $1 tidak sah di awal sebuah nilai (teks harus di antara tanda kutip)"},
	{regexp.MustCompile(`^invalid character (.+) looking for beginning of object key string$`), "karakter $1 tidak sah; nama kolom harus di antara tanda kutip"},
	{regexp.MustCompile(`^invalid character (.+) after object key$`), "karakter $1 tidak sah setelah nama kolom; seharusnya titik dua (:)"},
	{regexp.MustCompile(`^invalid character (.+) after object key:value pair$`), "karakter $1 tidak sah setelah nilai; seharusnya koma (,) atau kurung tutup (})"},
	{regexp.MustCompile(`^invalid character (.+) after array element$`), "karakter $1 tidak sah setelah unsur daftar; seharusnya koma (,) atau kurung tutup (])"},
	{regexp.MustCompile(`^invalid character (.+) after top-level value$`), "karakter $1 tidak sah setelah akhir dokumen"},
	{regexp.MustCompile(`^invalid character (.+) in string literal$`), "karakter $1 tidak boleh ada di dalam teks"},
	{regexp.MustCompile(`^invalid character (.+) in string escape code$`), "kode escape \\ tidak sah: $1"},
	{regexp.MustCompile(`^invalid character (.+) in literal (\w+) \(expecting (.+)\)$`), "karakter $1 tidak sah dalam $2 (seharusnya $3)"},
	{regexp.MustCompile(`^invalid character (.+) in numeric literal$`), "karakter $1 tidak sah dalam angka"},
	{regexp.MustCompile(`^unexpected end of JSON input$`), "berkas berakhir sebelum waktunya"},
}

func syntaxText(msg string) string {
	for _, m := range jsonSyntax {
		if m.re.MatchString(msg) {
			return m.re.ReplaceAllString(msg, m.text)
		}
	}
	return msg
}
