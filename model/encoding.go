package model

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Text files from Windows come as UTF-8 with a byte-order mark (Notepad)
// or as UTF-16 (what Windows PowerShell's > and Out-File write, as in
// "ssh … export > bundel.json"). ziwb reads all of them as the UTF-8 they
// stand for; a file without a mark is read as it is.

var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

func utf16Marked(head []byte) bool {
	return bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE)
}

// fromMarked decodes text by its byte-order mark, UTF-16 or UTF-8.
func fromMarked() transform.Transformer { return unicode.BOMOverride(encoding.Nop.NewDecoder()) }

// UTF8 is data as UTF-8 without a byte-order mark.
func UTF8(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case utf16Marked(data):
		if out, _, err := transform.Bytes(fromMarked(), data); err == nil {
			return out
		}
	}
	return data
}

// UTF8Reader is UTF8 for a stream, buffered: UTF-8 passes through the
// buffer untouched (a bundle of hundreds of megabytes pays nothing for
// this), UTF-16 is decoded as it is read.
func UTF8Reader(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(len(bomUTF8))
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
	case utf16Marked(head):
		return bufio.NewReaderSize(transform.NewReader(br, fromMarked()), 1<<16)
	}
	return br
}

// NotUTF8 is a problem for each line of data that is no UTF-8 (a file
// saved in the Windows code page, as Excel's plain "CSV" and Notepad's
// "ANSI" do), up to ten and then how many more; read as it is, its
// characters would be stored as U+FFFD. how says how to save the file
// right. Nil when data is UTF-8.
func NotUTF8(name string, data []byte, how string) FileErrors {
	if utf8.Valid(data) {
		return nil
	}
	const shown = 10
	var errs FileErrors
	bad := 0
	for i, line := range bytes.Split(data, []byte("\n")) {
		if utf8.Valid(line) {
			continue
		}
		if bad++; bad <= shown {
			errs = append(errs, FileError{File: name, Line: i + 1, Msg: "bukan teks UTF-8 (" + how + ")"})
		}
	}
	if bad > shown {
		errs = append(errs, FileError{File: name, Msg: fmt.Sprintf("… dan %d baris lain yang bukan teks UTF-8", bad-shown)})
	}
	return errs
}
