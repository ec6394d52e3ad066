package store

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// boltFaults say bbolt's reports of a damaged page (its consistency
// check's errors and its assertions' panics) in Indonesian; the page
// numbers stay, for whoever repairs the file.
var boltFaults = sync.OnceValue(func() []boltFault { // compiled when a file is damaged, not at every start
	return []boltFault{
		{regexp.MustCompile(`Page expected to be: (\d+), but self identifies as (\d+)`), "halaman $1 rusak: kepalanya menyebut halaman $2"},
		{regexp.MustCompile(`^page (\d+): already freed`), "halaman $1 dibebaskan dua kali"},
		{regexp.MustCompile(`^page (\d+): unreachable unfreed`), "halaman $1 tidak terjangkau tetapi tidak dibebaskan"},
		{regexp.MustCompile(`^page (\d+): reachable freed`), "halaman $1 masih dipakai tetapi tercatat bebas"},
		{regexp.MustCompile(`^page (\d+): multiple references`), "halaman $1 dirujuk lebih dari sekali"},
		{regexp.MustCompile(`^page (\d+): out of bounds: (\d+)`), "halaman $1 di luar batas berkas ($2 halaman)"},
		{regexp.MustCompile(`^page (\d+): invalid type: (\S+)`), "halaman $1 berjenis tidak sah ($2)"},
		{regexp.MustCompile(`^page ID \((\d+)\) out of range`), "halaman $1 di luar batas berkas"},
		{regexp.MustCompile(`unexpected page type \(flags: (\w+)\) for pgId:(\d+)`), "halaman $2 berjenis tidak sah ($1)"},
		{regexp.MustCompile(`key\[\d+\]=\(hex\)\w* on \w+ page\((\d+)\) needs to be`), "urutan kunci di halaman $1 salah"},
	}
})

type boltFault struct {
	re   *regexp.Regexp
	text string
}

// boltDetail is what bbolt said of a damaged file, in Indonesian where it
// is one of the faults it names, else marked as its own technical words.
func boltDetail(v any) string {
	msg := strings.TrimPrefix(fmt.Sprint(v), "assertion failed: ")
	for _, f := range boltFaults() {
		if m := f.re.FindStringSubmatchIndex(msg); m != nil {
			return string(f.re.ExpandString(nil, f.text, msg, m))
		}
	}
	return "rincian teknis bbolt: " + msg
}
