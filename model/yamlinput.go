package model

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml"
)

// An instrument file's text as the parser meets it: its encoding, and the
// parser's complaints said in Indonesian.

// yamlFaults say the YAML parser's messages in Indonesian, the ones an
// instrument's author meets (indentation, brackets, quotes, tabs, a key
// twice); matched by their start, so a message with a tail still counts.
var yamlFaults = Phrases([][2]string{
	{`^mapping key "([^"]*)" already defined at \[(\d+):\d+\]`, `kunci "$1" sudah ada di baris $2`},
	{`^mapping value is not allowed in this context`, "pasangan kunci: nilai tidak boleh di sini (periksa indentasi dan titik dua)"},
	{`^value is not allowed in this context`, "nilai tidak boleh di sini (periksa indentasi)"},
	{`^block sequence entries are not allowed in this context`, "butir daftar (- …) tidak boleh di sini (periksa indentasi)"},
	{`^could not find '([\[{])' character corresponding to '([\]}])'`, "'$2' tanpa '$1' pasangannya"},
	{`^sequence end token '\]' not found`, "']' penutup daftar tidak ditemukan"},
	{`^could not find flow mapping end token '\}'`, "'}' penutup pemetaan tidak ditemukan"},
	{`^',' or '([\]}])' must be specified`, "perlu ',' atau '$1'"},
	{`^expected map key-value delimiter ':'`, "perlu ':' di antara kunci dan nilai"},
	{`^could not find end character of double-quoted text`, `tanda kutip " tidak ditutup`},
	{`^could not find end character of single-quoted text`, "tanda kutip ' tidak ditutup"},
	{`^found a tab character where an indentation space is expected`, "ada tab di indentasi; pakai spasi"},
	{`^(found character '\t' that cannot start any token|tab character cannot)`, "ada tab di tempat yang tidak boleh; pakai spasi"},
	{`^could not find (value for mapping key|map value)`, "kunci tanpa nilai"},
	{`^non-map value is specified`, "di sini harus pemetaan (kunci: nilai)"},
	{`^(found unexpected document separator|value cannot be placed after document separator)`, "pemisah dokumen (---) tidak boleh di sini"},
	{`^map key definition includes an implicit line break`, "kunci pemetaan terputus ke baris berikutnya"},
	{`^unexpected (key name|map key)`, "kunci tidak terduga di sini (periksa indentasi)"},
	{`^unexpected scalar value`, "nilai tidak terduga di sini (periksa indentasi)"},
})

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
	if text, ok := yamlFaults(msg); ok {
		return text
	}
	return "pesan pengurai YAML: " + msg
}
