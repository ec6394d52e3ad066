package store

import (
	"errors"
	"testing"
)

// bbolt's words for a damaged file, as its check and its assertions say
// them, reach the user in Indonesian with their page numbers.
func TestBoltDetail(t *testing.T) {
	for _, c := range []struct {
		said any
		want string
	}{
		{"assertion failed: Page expected to be: 3, but self identifies as 7", "halaman 3 rusak: kepalanya menyebut halaman 7"},
		{errors.New("page 12: already freed"), "halaman 12 dibebaskan dua kali"},
		{errors.New("page 12: unreachable unfreed"), "halaman 12 tidak terjangkau tetapi tidak dibebaskan"},
		{errors.New("page 12: reachable freed"), "halaman 12 masih dipakai tetapi tercatat bebas"},
		{errors.New("page 12: multiple references (stack: [4 12])"), "halaman 12 dirujuk lebih dari sekali"},
		{errors.New("page 90: out of bounds: 80 (stack: [4 90])"), "halaman 90 di luar batas berkas (80 halaman)"},
		{errors.New("page 12: invalid type: unknown<00> (stack: [4 12])"), "halaman 12 berjenis tidak sah (unknown<00>)"},
		{errors.New("page ID (99) out of range [2, 80)"), "halaman 99 di luar batas berkas"},
		{errors.New("unexpected page type (flags: 0) for pgId:12"), "halaman 12 berjenis tidak sah (0)"},
		{errors.New("key[3]=(hex)6162 on leaf page(12) needs to be > (found <) than previous element (hex)6163. Stack: [4 12]"), "urutan kunci di halaman 12 salah"},
		{"something new", "rincian teknis bbolt: something new"},
	} {
		if got := boltDetail(c.said); got != c.want {
			t.Errorf("boltDetail(%q) = %q; want %q", c.said, got, c.want)
		}
	}
}
