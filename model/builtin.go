package model

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"sync"
)

//go:embed instruments
var builtinFiles embed.FS

// DefaultInstrument is the id of the instrument new evaluations use.
const DefaultInstrument = "lke-zi-2021"

// builtins parses the embedded instruments once; they are read-only after.
var builtins = sync.OnceValues(func() ([]*Instrument, error) {
	entries, err := builtinFiles.ReadDir("instruments")
	if err != nil {
		return nil, err
	}
	var out []*Instrument
	for _, e := range entries {
		if path.Ext(e.Name()) != ".yaml" {
			continue
		}
		name := path.Join("instruments", e.Name())
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		in, err := Parse(name, data)
		if err != nil {
			return nil, fmt.Errorf("instrumen bawaan %s rusak: %w", name, err)
		}
		out = append(out, in)
	}
	// Newest first: the default instrument leads every list.
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, nil
})

// Builtins returns the instruments embedded in the binary, newest first.
func Builtins() []*Instrument {
	list, err := builtins()
	if err != nil {
		panic(err) // a broken embedded file is a build defect, caught by the tests
	}
	return list
}

// Builtin returns the built-in instrument with this id.
func Builtin(id string) (*Instrument, bool) {
	for _, in := range Builtins() {
		if in.ID == id {
			return in, true
		}
	}
	return nil, false
}
