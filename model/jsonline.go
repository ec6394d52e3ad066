package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// JSONReader reads a JSON document token by token (numbers as
// json.Number) and reports each problem with its line: what the
// answers-file reader and the store's bundle reader share.
type JSONReader struct {
	Dec    *json.Decoder
	data   []byte
	stream *LineCounter // instead of data, for a document read as it streams
	report func(line int, msg string)

	lastOff  int64 // LineAt's position
	lastLine int
}

// NewJSONReader reads data; report receives every problem. A file from
// Windows with a byte-order mark is read as its UTF-8 (see UTF8).
func NewJSONReader(data []byte, report func(line int, msg string)) *JSONReader {
	data = UTF8(data)
	r := &JSONReader{Dec: json.NewDecoder(bytes.NewReader(data)), data: data, report: report, lastLine: 1}
	r.Dec.UseNumber()
	return r
}

// NewJSONStreamReader reads a document from src as it comes, holding only
// the decoder's buffer and where each line starts (8 bytes a line).
func NewJSONStreamReader(src io.Reader, report func(line int, msg string)) *JSONReader {
	lc := &LineCounter{r: UTF8Reader(src)}
	r := &JSONReader{Dec: json.NewDecoder(lc), stream: lc, report: report, lastLine: 1}
	r.Dec.UseNumber()
	return r
}

// LineCounter notes where the lines of what passes through it end. It
// forgets those before the last offset asked about: a stream is asked
// about ever later offsets, and keeps only what its decoder has buffered.
type LineCounter struct {
	r      io.Reader
	read   int64
	ends   []int64 // offset of each '\n' not yet forgotten
	before int     // lines ended before ends[0]
}

// NewLineCounter counts the lines of what is read from r.
func NewLineCounter(r io.Reader) *LineCounter { return &LineCounter{r: r} }

func (c *LineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.ends = append(c.ends, c.read+int64(i))
		}
	}
	c.read += int64(n)
	return n, err
}

// LineAt turns a byte offset into a 1-based line number. Offsets mostly
// grow as the file is read, so it counts on from the last one asked for:
// a file of a million records must not be rescanned a million times.
func (r *JSONReader) LineAt(off int64) int {
	if r.stream != nil {
		return r.stream.LineAt(off)
	}
	off = max(0, min(off, int64(len(r.data))))
	if off < r.lastOff {
		r.lastOff, r.lastLine = 0, 1
	}
	r.lastLine += bytes.Count(r.data[r.lastOff:off], []byte("\n"))
	r.lastOff = off
	return r.lastLine
}

// LineAt is the 1-based line of a byte offset read so far, no earlier
// than the last one asked about.
func (c *LineCounter) LineAt(off int64) int {
	off = max(0, min(off, c.read))
	i := sort.Search(len(c.ends), func(i int) bool { return c.ends[i] >= off })
	c.before, c.ends = c.before+i, c.ends[i:]
	return 1 + c.before
}

// size is how many bytes of the document there are (or were read).
func (r *JSONReader) size() int64 {
	if r.stream != nil {
		return r.stream.read
	}
	return int64(len(r.data))
}

// Line is the line the decoder has read up to.
func (r *JSONReader) Line() int { return r.LineAt(r.Dec.InputOffset()) }

// Decode decodes the next value into v, as Dec.Decode does, but a syntax
// error inside the value gets the offset of its bad byte in the document:
// encoding/json counts only the bytes its earlier Decode calls scanned,
// not those its Token calls read, so Fail would name an earlier line.
func (r *JSONReader) Decode(v any) error {
	err := r.Dec.Decode(v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	switch se.Error() {
	case "expected comma after array element", "expected colon after object key", "not at beginning of value":
		return err // found before the value, at the decoder's offset
	}
	// The decoder stays where the value begins, its buffer holding the
	// value up to the bad byte: a fresh decoder finds that byte again.
	var raw json.RawMessage
	var again *json.SyntaxError
	if !errors.As(json.NewDecoder(r.Dec.Buffered()).Decode(&raw), &again) {
		return err
	}
	abs := *again
	abs.Offset = r.Dec.InputOffset() + max(again.Offset-1, 0)
	return &abs
}

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
		r.Errf(r.LineAt(r.size()), "JSON terpotong: berkas berakhir sebelum waktunya")
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

// Key notes the line of an object's key in seen, and reports the key when
// seen holds it already.
func (r *JSONReader) Key(seen map[string]int, key string, line int) {
	if first, dup := seen[key]; dup {
		r.Errf(line, "kunci %q ganda (pertama di baris %d)", key, first)
	}
	seen[key] = line
}

// Unknown reports a key the format does not know, naming those it does,
// and skips its value; false when the document cannot be read further.
func (r *JSONReader) Unknown(key string, line int, known string) bool {
	r.Errf(line, "kunci tidak dikenal %q (yang dikenal: %s)", key, known)
	var skip json.RawMessage
	if err := r.Decode(&skip); err != nil {
		r.Fail(err)
		return false
	}
	return true
}

// Blank reports a document with nothing but white space.
func (r *JSONReader) Blank() bool {
	if r.stream != nil {
		br := r.stream.r.(*bufio.Reader)
		head, err := br.Peek(br.Size()) // looks without reading, so offsets stay the decoder's
		return err != nil && len(bytes.TrimSpace(head)) == 0
	}
	return len(bytes.TrimSpace(r.data)) == 0
}

// ValueStart is the offset where the decoder's next value starts, past
// white space and a separating comma, when its buffer already holds it;
// ok is false when the buffer ends first.
func (r *JSONReader) ValueStart() (off int64, ok bool) {
	return ValueStartIn(r.Dec.InputOffset(), r.Dec.Buffered())
}

// ValueStartIn is ValueStart for any decoder: off is its input offset,
// buffered what it has read beyond it.
func ValueStartIn(off int64, buffered io.Reader) (int64, bool) {
	buf, ok := buffered.(*bytes.Reader)
	if !ok {
		return off, false
	}
	for {
		c, err := buf.ReadByte()
		if err != nil {
			return off, false
		}
		switch c {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off, true
		}
	}
}

// jsonSyntax says encoding/json's syntax errors in Indonesian.
var jsonSyntax = Phrases([][2]string{
	{`^invalid character (.+) looking for beginning of value$`, "karakter $1 tidak sah di awal sebuah nilai (teks harus di antara tanda kutip)"},
	{`^invalid character (.+) looking for beginning of object key string$`, "karakter $1 tidak sah; nama kolom harus di antara tanda kutip"},
	{`^invalid character (.+) after object key$`, "karakter $1 tidak sah setelah nama kolom; seharusnya titik dua (:)"},
	{`^invalid character (.+) after object key:value pair$`, "karakter $1 tidak sah setelah nilai; seharusnya koma (,) atau kurung tutup (})"},
	{`^invalid character (.+) after array element$`, "karakter $1 tidak sah setelah unsur daftar; seharusnya koma (,) atau kurung tutup (])"},
	{`^invalid character (.+) after top-level value$`, "karakter $1 tidak sah setelah akhir dokumen"},
	{`^invalid character (.+) in string literal$`, "karakter $1 tidak boleh ada di dalam teks"},
	{`^invalid character (.+) in string escape code$`, "kode escape \\ tidak sah: $1"},
	{`^invalid character (.+) in literal (\w+) \(expecting (.+)\)$`, "karakter $1 tidak sah dalam $2 (seharusnya $3)"},
	{`^invalid character (.+) in numeric literal$`, "karakter $1 tidak sah dalam angka"},
	{`^unexpected end of JSON input$`, "berkas berakhir sebelum waktunya"},
})

func syntaxText(msg string) string {
	text, _ := jsonSyntax(msg)
	return text
}
