package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// lined is a record with the line of the file it starts on.
type lined[T any] struct {
	rec  T
	line int
}

// bundleIn is a bundle as read from a file, before any check against the
// database.
type bundleIn struct {
	satker      string
	satkers     []lined[satkerRec]
	evaluations []lined[evalRec]
	answers     []lined[answerRec]
	history     []lined[changeRec]
	instruments []lined[instrumentRec]
	reks        []lined[rekRec]
}

// importError carries every problem of an import, each with its place.
type importError struct{ errs model.FileErrors }

func (e importError) Error() string   { return e.errs.Error() }
func (e importError) Unwrap() []error { return []error{ErrInvalid, e.errs} }

type bundleReader struct {
	*model.JSONReader
	errs       model.FileErrors
	recordErrs int // errors confined to one record; the rest can still be checked
}

// readBundle reads a bundle file, each problem with its line. When the
// only problems are records that could not be decoded, it returns the
// records that could, with those problems, so the import can report the
// problems of the rest too; otherwise the bundle is nil.
func readBundle(name string, data []byte) (*bundleIn, model.FileErrors) {
	r := &bundleReader{}
	r.JSONReader = model.NewJSONReader(data, func(line int, msg string) {
		r.errs = append(r.errs, model.FileError{File: name, Line: line, Msg: msg})
	})
	b := &bundleIn{}
	r.read(b)
	if len(r.errs) > r.recordErrs {
		return nil, r.errs
	}
	return b, r.errs
}

func (r *bundleReader) read(b *bundleIn) {
	if r.Blank() {
		r.Errf(1, "berkas kosong: bukan bundel ziwb")
		return
	}
	if !r.Delim('{', "bundel") {
		return
	}
	seen := map[string]int{}
	for r.Dec.More() {
		tok, err := r.Dec.Token()
		if err != nil {
			r.Fail(err)
			return
		}
		key, _ := tok.(string)
		line := r.LineAt(r.Dec.InputOffset())
		if first, dup := seen[key]; dup {
			r.Errf(line, "kunci %q ganda (pertama di baris %d)", key, first)
		}
		seen[key] = line
		ok := true
		switch key {
		case "format":
			var s string
			if ok = r.value(key, line, &s); ok && s != bundleFormat {
				r.Errf(line, "format %q bukan bundel ziwb (%q)", s, bundleFormat)
				return
			}
		case "version":
			var n json.Number
			if ok = r.value(key, line, &n); ok {
				v, err := n.Int64()
				switch {
				case err != nil || v < 1:
					r.Errf(line, "versi bundel %s tidak sah", n)
				case v > bundleVersion:
					r.Errf(line, "bundel versi %d dibuat oleh ziwb yang lebih baru (versi ini mengenal sampai %d); perbarui ziwb", v, bundleVersion)
					return
				}
			}
		case "satker":
			ok = r.value(key, line, &b.satker)
		case "satkers":
			ok = readArray(r, key, &b.satkers)
		case "evaluations":
			ok = readArray(r, key, &b.evaluations)
		case "answers":
			ok = readArray(r, key, &b.answers)
		case "history":
			ok = readArray(r, key, &b.history)
		case "instruments":
			ok = readArray(r, key, &b.instruments)
		case "recommendations":
			ok = readArray(r, key, &b.reks)
		default:
			r.Errf(line, "kunci tidak dikenal %q (yang dikenal: format, version, satker, satkers, evaluations, answers, history, recommendations, instruments)", key)
			var skip json.RawMessage
			if err := r.Dec.Decode(&skip); err != nil {
				r.Fail(err)
				return
			}
		}
		if !ok {
			return
		}
	}
	if _, err := r.Dec.Token(); err != nil { // the closing brace
		r.Fail(err)
		return
	}
	if _, err := r.Dec.Token(); err != io.EOF {
		r.Errf(r.LineAt(r.Dec.InputOffset()), "ada isi lain setelah bundel")
	}
	for _, k := range []string{"format", "version"} {
		if _, ok := seen[k]; !ok {
			r.Errf(1, "bundel tidak punya %q", k)
		}
	}
}

// value decodes one scalar; false only when the stream is broken.
func (r *bundleReader) value(key string, line int, v any) bool {
	var raw json.RawMessage
	if err := r.Dec.Decode(&raw); err != nil {
		r.Fail(err)
		return false
	}
	if err := strictDecode(raw, v); err != nil {
		r.Errf(line, "%q: %s", key, describeJSON(err))
	}
	return true
}

// readArray reads a list of records, each strictly (no unknown fields) and
// each with the line it starts on.
func readArray[T any](r *bundleReader, key string, out *[]lined[T]) bool {
	if !r.Delim('[', fmt.Sprintf("%q", key)) {
		return false
	}
	for i := 0; r.Dec.More(); i++ {
		var raw json.RawMessage
		if err := r.Dec.Decode(&raw); err != nil {
			r.Fail(err)
			return false
		}
		start := r.Dec.InputOffset() - int64(len(raw))
		line := r.LineAt(start)
		var rec T
		if err := strictDecode(raw, &rec); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				line = r.LineAt(start + te.Offset)
			}
			r.Errf(line, "%s[%d]: %s", key, i, describeJSON(err))
			r.recordErrs++
			continue
		}
		*out = append(*out, lined[T]{rec, line})
	}
	if _, err := r.Dec.Token(); err != nil {
		r.Fail(err)
		return false
	}
	return true
}

func strictDecode(raw []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return errors.New("ada isi lain setelah rekaman")
	}
	return nil
}

// describeJSON says in Indonesian what a decoding error means.
func describeJSON(err error) string {
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	msg := err.Error()
	switch {
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			return fmt.Sprintf("harus berupa %s, bukan %s", typeName(te.Type.Kind().String()), te.Value)
		}
		return fmt.Sprintf("kolom %q harus berupa %s, bukan %s", field, typeName(te.Type.Kind().String()), te.Value)
	case errors.As(err, &pe):
		return fmt.Sprintf("waktu %q tidak sah (bentuk RFC 3339, mis. 2026-03-01T09:30:00Z)", pe.Value)
	case strings.HasPrefix(msg, "json: unknown field "):
		return "kolom tidak dikenal " + strings.TrimPrefix(msg, "json: unknown field ")
	}
	return strings.TrimPrefix(msg, "json: ")
}

func typeName(kind string) string {
	switch kind {
	case "string":
		return "teks"
	case "int", "int64", "uint64", "float64":
		return "angka"
	case "bool":
		return "true/false"
	case "slice":
		return "daftar"
	case "struct", "map":
		return "objek"
	}
	return kind
}
