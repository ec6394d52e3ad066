package model

import (
	"os"
	"testing"
)

func mustParseFile(t testing.TB, path string) *Instrument {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in, err := Parse(path, data)
	if err != nil {
		t.Fatalf("parse %s:\n%v", path, err)
	}
	return in
}

func mustParse(t testing.TB, text string) *Instrument {
	t.Helper()
	in, err := Parse("test.yaml", []byte(text))
	if err != nil {
		t.Fatalf("parse:\n%v", err)
	}
	return in
}
