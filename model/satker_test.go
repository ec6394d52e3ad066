package model

import (
	"errors"
	"testing"
)

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

// A satker's texts are shown on every evaluator's terminal: one with a
// control character (an escape sequence from someone's file) is refused,
// naming the field.
func TestSatkerRefusesControlCharacters(t *testing.T) {
	ok := Satker{ID: "kua-uji", Name: "KUA Uji", Kind: KUA, Province: "Jawa Tengah", Target: WBK}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for field, edit := range map[string]func(*Satker){
		"nama":           func(s *Satker) { s.Name = "KUA\x1b]0;x\x07 Uji" },
		"kepala":         func(s *Satker) { s.Head = "Budi\tS." },
		"provinsi":       func(s *Satker) { s.Province = "Jawa\u009bTengah" },
		"kabupaten/kota": func(s *Satker) { s.Regency = "Kab.\nMagelang" },
	} {
		s := ok
		edit(&s)
		var fe *FieldError
		if err := s.Validate(); !errors.As(err, &fe) || fe.Field != field {
			t.Errorf("%s with a control character: %v", field, err)
		}
	}
}
