package model

import "testing"

// An id comes from a name: lower-case letters and digits joined by
// dashes, a letter with a mark keeping its letter.
func TestSlug(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Kantor Kemenag Kab. Magelang", "kantor-kemenag-kab-magelang"},
		{"KUA Kecamatan Ñandú", "kua-kecamatan-nandu"},
		{"Madrasah Émile Zola — Café 2", "madrasah-emile-zola-cafe-2"},
		{"  MAN 1 / Kota  ", "man-1-kota"},
		{"中文", ""},
	} {
		if got := Slug(c.name); got != c.want {
			t.Errorf("Slug(%q) = %q; want %q", c.name, got, c.want)
		}
	}
}
