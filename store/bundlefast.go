package store

import (
	"io"

	gojson "github.com/goccy/go-json"

	"github.com/kemenag-ortala/ziwb/model"
)

// readFast reads a bundle as ziwb writes it with goccy/go-json, which
// decodes it three times faster than encoding/json. It gives up on
// anything unexpected — a record that does not decode, an unknown key, a
// format or version it does not know, bad JSON — and says so with false:
// the careful reader (bundleReader) then reads the file again and reports
// each problem with its line. A sound bundle never needs it.
func readFast(src io.Reader, emit func(line int, rec any)) bool {
	lines := model.NewLineCounter(src)
	dec := gojson.NewDecoder(lines)
	dec.DisallowUnknownFields()
	if tok, err := dec.Token(); err != nil || tok != gojson.Delim('{') {
		return false
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		key, _ := tok.(string)
		if err != nil || seen[key] {
			return false
		}
		seen[key] = true
		ok := false
		switch key {
		case "format":
			var s string
			ok = dec.Decode(&s) == nil && s == bundleFormat
		case "version":
			var v int
			ok = dec.Decode(&v) == nil && v >= 1 && v <= bundleVersion
		case "satker":
			var s string
			ok = dec.Decode(&s) == nil
		case "origin":
			var o Origin
			if ok = dec.Decode(&o) == nil; ok {
				emit(lines.LineAt(dec.InputOffset()), o)
			}
		default:
			if sec, known := bundleSections[key]; known {
				ok = sec.fast(dec, lines, emit)
			}
		}
		if !ok {
			return false
		}
	}
	if tok, err := dec.Token(); err != nil || tok != gojson.Delim('}') || !seen["format"] || !seen["version"] {
		return false
	}
	_, err := dec.Token()
	return err == io.EOF
}

// fastArray reads one section's records, each with the line it starts on.
func fastArray[T any](dec *gojson.Decoder, lines *model.LineCounter, emit func(line int, rec any)) bool {
	if tok, err := dec.Token(); err != nil || tok != gojson.Delim('[') {
		return false
	}
	for dec.More() {
		start, ok := model.ValueStartIn(dec.InputOffset(), dec.Buffered())
		if !ok {
			// The buffer ends before the record starts: read it whole,
			// which tells where it started, and decode it carefully.
			var raw gojson.RawMessage
			if dec.Decode(&raw) != nil {
				return false
			}
			var rec T
			if strictDecode(raw, &rec) != nil {
				return false
			}
			emit(lines.LineAt(dec.InputOffset()-int64(len(raw))), rec)
			continue
		}
		var rec T
		if dec.Decode(&rec) != nil {
			return false
		}
		emit(lines.LineAt(start), rec)
	}
	tok, err := dec.Token()
	return err == nil && tok == gojson.Delim(']')
}
