package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"

	"github.com/kemenag-ortala/ziwb/model"
)

// importError carries every problem of an import, each with its place.
type importError struct{ errs model.FileErrors }

func (e importError) Error() string   { return e.errs.Error() }
func (e importError) Unwrap() []error { return []error{ErrInvalid, e.errs} }

// bundleReader reads a bundle as it streams and hands each record, with
// the line it starts on, to emit; problems of the file itself — its JSON,
// its keys, a record that does not decode — are collected with their lines.
type bundleReader struct {
	*model.JSONReader
	errs       model.FileErrors
	recordErrs int    // errors confined to one record; the rest can still be checked
	satker     string // the "satker" key of a one-satker bundle
	emit       func(line int, rec any)
}

func newBundleReader(name string, src io.Reader, emit func(line int, rec any)) *bundleReader {
	r := &bundleReader{emit: emit}
	r.JSONReader = model.NewJSONStreamReader(src, func(line int, msg string) {
		r.errs = append(r.errs, model.FileError{File: name, Line: line, Msg: msg})
	})
	r.Dec.DisallowUnknownFields()
	return r
}

// broken reports whether the file had problems beyond single records, so
// that what was read of it cannot be trusted to be all of it.
func (r *bundleReader) broken() bool { return len(r.errs) > r.recordErrs }

func (r *bundleReader) read() {
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
		r.Key(seen, key, line)
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
			ok = r.value(key, line, &r.satker)
		case "origin":
			var o Origin
			if ok = r.value(key, line, &o); ok {
				r.emit(line, o)
			}
		default:
			if sec, known := bundleSections[key]; known {
				ok = sec.read(r, key)
				break
			}
			ok = r.Unknown(key, line, "format, version, satker, origin, satkers, evaluations, answers, history, recommendations, bases, instruments")
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
	if err := r.Decode(&raw); err != nil {
		r.Fail(err)
		return false
	}
	if err := strictDecode(raw, v); err != nil {
		r.Errf(line, "%q: %s", key, describeJSON(err))
	}
	return true
}

// bundleSections are the bundle's lists of records, each with its record
// type as the fast and the careful reader decode it.
var bundleSections = map[string]struct {
	fast func(*gojson.Decoder, *model.LineCounter, func(int, any)) bool
	read func(*bundleReader, string) bool
}{
	"bases":           {fastArray[baseRec], readArray[baseRec]},
	"instruments":     {fastArray[instrumentRec], readArray[instrumentRec]},
	"satkers":         {fastArray[satkerRec], readArray[satkerRec]},
	"evaluations":     {fastArray[evalRec], readArray[evalRec]},
	"answers":         {fastArray[answerRec], readArray[answerRec]},
	"history":         {fastArray[changeRec], readArray[changeRec]},
	"recommendations": {fastArray[rekRec], readArray[rekRec]},
}

// readArray reads a list of records, each strictly (no unknown fields)
// and each with the line it starts on, and emits those that decode.
func readArray[T any](r *bundleReader, key string) bool {
	if !r.Delim('[', fmt.Sprintf("%q", key)) {
		return false
	}
	for i := 0; r.Dec.More(); i++ {
		var rec T
		// Decoding straight from the stream scans each record once; when
		// the decoder's buffer does not yet show where the record starts,
		// it is read whole first so its line is exact.
		start, exact := r.ValueStart()
		var err error
		if exact {
			err = r.Decode(&rec)
		} else {
			var raw json.RawMessage
			if err = r.Decode(&raw); err == nil {
				start = r.Dec.InputOffset() - int64(len(raw))
				err = strictDecode(raw, &rec)
			}
		}
		if err != nil {
			if !recordError(err) {
				r.Fail(err)
				return false
			}
			line := r.LineAt(start)
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				line = r.LineAt(start + te.Offset)
			}
			r.Errf(line, "%s[%d]: %s", key, i, describeJSON(err))
			r.recordErrs++
			continue
		}
		r.emit(r.LineAt(start), rec)
	}
	if _, err := r.Dec.Token(); err != nil {
		r.Fail(err)
		return false
	}
	return true
}

// recordError reports an error confined to one record — a wrong type, an
// unknown field, a bad time or value — after which the stream reads on:
// the decoder reads a whole value before it decodes it, so only syntax and
// reading errors leave it lost.
func recordError(err error) bool {
	var se *json.SyntaxError
	var pe *fs.PathError
	return !errors.As(err, &se) && !errors.As(err, &pe) && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF)
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
