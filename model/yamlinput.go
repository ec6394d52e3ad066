package model

import (
	"errors"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
)

// An instrument file's text as the parser meets it: its encoding, and the
// parser's complaints said in Indonesian.

// yamlFaults say the YAML parser's messages in Indonesian, the ones an
// instrument's author meets (indentation, brackets, quotes, tabs, a key
// twice); matched by their start, so a message with a tail still counts.
var yamlFaults = []struct {
	re   *regexp.Regexp
	text string
}{
	{regexp.MustCompile(`^mapping key "([^"]*)" already defined at \[(\d+):\d+\]`), `kunci "$1" sudah ada di baris $2`},
	{regexp.MustCompile(`^mapping value is not allowed in this context`), "pasangan kunci: nilai tidak boleh di sini (periksa indentasi dan titik dua)"},
	{regexp.MustCompile(`^value is not allowed in this context`), "nilai tidak boleh di sini (periksa indentasi)"},
	{regexp.MustCompile(`^block sequence entries are not allowed in this context`), "butir daftar (- …) tidak boleh di sini (periksa indentasi)"},
	{regexp.MustCompile(`^could not find '([\[{])' character corresponding to '([\]}])'`), "'$2' tanpa '$1' pasangannya"},
	{regexp.MustCompile(`^sequence end token '\]' not found`), "']' penutup daftar tidak ditemukan"},
	{regexp.MustCompile(`^could not find flow mapping end token '\}'`), "'}' penutup pemetaan tidak ditemukan"},
	{regexp.MustCompile(`^',' or '([\]}])' must be specified`), "perlu ',' atau '$1'"},
	{regexp.MustCompile(`^expected map key-value delimiter ':'`), "perlu ':' di antara kunci dan nilai"},
	{regexp.MustCompile(`^could not find end character of double-quoted text`), `tanda kutip " tidak ditutup`},
	{regexp.MustCompile(`^could not find end character of single-quoted text`), "tanda kutip ' tidak ditutup"},
	{regexp.MustCompile(`^found a tab character where an indentation space is expected`), "ada tab di indentasi; pakai spasi"},
	{regexp.MustCompile(`^(found character '\t' that cannot start any token|tab character cannot)`), "ada tab di tempat yang tidak boleh; pakai spasi"},
	{regexp.MustCompile(`^could not find (value for mapping key|map value)`), "kunci tanpa nilai"},
	{regexp.MustCompile(`^non-map value is specified`), "di sini harus pemetaan (kunci: nilai)"},
	{regexp.MustCompile(`^(found unexpected document separator|value cannot be placed after document separator)`), "pemisah dokumen (---) tidak boleh di sini"},
	{regexp.MustCompile(`^map key definition includes an implicit line break`), "kunci pemetaan terputus ke baris berikutnya"},
	{regexp.MustCompile(`^unexpected (key name|map key)`), "kunci tidak terduga di sini (periksa indentasi)"},
	{regexp.MustCompile(`^unexpected scalar value`), "nilai tidak terduga di sini (periksa indentasi)"},
}

func (l *loader) syntaxError(err error) {
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil {
		l.errf(se.Token.Position.Line, "YAML tidak sah: %s", yamlMessage(se.Message))
		return
	}
	l.errf(0, "YAML tidak sah: %v", err)
}

// yamlMessage is the YAML parser's message in Indonesian, or, for one not
// in the table, its own words marked as the parser's.
func yamlMessage(msg string) string {
	msg = strings.TrimSpace(msg)
	for _, f := range yamlFaults {
		if m := f.re.FindStringSubmatchIndex(msg); m != nil {
			return string(f.re.ExpandString(nil, f.text, msg, m))
		}
	}
	return "pesan pengurai YAML: " + msg
}
