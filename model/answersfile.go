package model

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// AnswersFile is the answers file of the format contract, read but not yet
// checked against an instrument.
type AnswersFile struct {
	Instrument string
	Target     string
	Entries    []AnswerEntry // in file order
}

// AnswerEntry is one answer as the file gives it, with its line.
type AnswerEntry struct {
	Question string
	Raw      any // string, json.Number or nil
	Line     int
}

// ReadAnswersFile reads an answers file:
//
//	{"instrument": "lke-zi-2021", "target": "WBK", "answers": {"mp.pemenuhan.1": "A", "hasil.ipak": 3.41}}
//
// Every problem comes back at once as FileErrors, each with its line.
func ReadAnswersFile(name string, data []byte) (AnswersFile, error) {
	r := &jsonReader{}
	r.JSONReader = NewJSONReader(data, func(line int, msg string) {
		r.errs = append(r.errs, FileError{File: name, Line: line, Msg: msg})
	})
	af := r.read()
	if len(r.errs) > 0 {
		sort.SliceStable(r.errs, func(i, j int) bool { return r.errs[i].Line < r.errs[j].Line })
		return AnswersFile{}, r.errs
	}
	return af, nil
}

type jsonReader struct {
	*JSONReader
	errs FileErrors
}

// key reads the next object key, or reports the end of the object.
func (r *jsonReader) key() (key string, line int, ok bool) {
	if !r.Dec.More() {
		if _, err := r.Dec.Token(); err != nil { // the closing brace
			r.Fail(err)
		}
		return "", 0, false
	}
	tok, err := r.Dec.Token()
	if err != nil {
		r.Fail(err)
		return "", 0, false
	}
	return tok.(string), r.LineAt(r.Dec.InputOffset()), true
}

func (r *jsonReader) read() AnswersFile {
	var af AnswersFile
	if r.Blank() {
		r.Errf(1, "berkas kosong: tidak ada jawaban")
		return af
	}
	if !r.Delim('{', "berkas jawaban") {
		return af
	}
	seen := map[string]int{}
	for {
		key, line, ok := r.key()
		if !ok {
			break
		}
		r.Key(seen, key, line)
		switch key {
		case "instrument":
			af.Instrument, ok = r.str(key, line, false)
		case "target":
			af.Target, ok = r.str(key, line, true)
		case "answers":
			ok = r.answers(&af)
		default:
			ok = r.Unknown(key, line, "instrument, target, answers")
		}
		if !ok {
			return af
		}
	}
	if _, err := r.Dec.Token(); err != io.EOF {
		r.Errf(r.LineAt(r.Dec.InputOffset()), "ada isi lain setelah objek jawaban")
	}
	if _, ok := seen["answers"]; !ok {
		r.Errf(1, "berkas jawaban tidak punya \"answers\"")
	}
	return af
}

// str reads a string value; it returns false only when the stream is broken.
func (r *jsonReader) str(key string, line int, nullable bool) (string, bool) {
	var v any
	if err := r.Decode(&v); err != nil {
		r.Fail(err)
		return "", false
	}
	switch s := v.(type) {
	case string:
		return s, true
	case nil:
		if nullable {
			return "", true
		}
	}
	r.Errf(line, "%q harus berupa teks", key)
	return "", true
}

func (r *jsonReader) answers(af *AnswersFile) bool {
	if !r.Delim('{', "\"answers\"") {
		return false
	}
	seen := map[string]int{}
	for {
		qid, line, ok := r.key()
		if !ok {
			return true
		}
		var v any
		if err := r.Decode(&v); err != nil {
			r.Fail(err)
			return false
		}
		if first, dup := seen[qid]; dup {
			r.Errf(line, "jawaban untuk %q ganda (pertama di baris %d)", qid, first)
			continue
		}
		seen[qid] = line
		switch v.(type) {
		case string, json.Number, nil:
			af.Entries = append(af.Entries, AnswerEntry{Question: qid, Raw: v, Line: line})
		default:
			r.Errf(line, "jawaban untuk %q harus berupa huruf atau angka, bukan objek atau daftar", qid)
		}
	}
}

// CheckAnswers validates every entry of an answers file against the
// instrument: each answer's type and range, and that its question exists.
// A null answer means unanswered. All problems come back at once.
func (in *Instrument) CheckAnswers(file string, af AnswersFile) (Answers, error) {
	var errs FileErrors
	answers := make(Answers, len(af.Entries))
	for _, e := range af.Entries {
		q, ok := in.Question(e.Question)
		if !ok {
			errs = append(errs, FileError{file, e.Line, fmt.Sprintf("pertanyaan %q tidak ada di instrumen %s", e.Question, in.ID)})
			continue
		}
		if e.Raw == nil {
			continue
		}
		v, err := q.Check(e.Raw)
		if err != nil {
			errs = append(errs, FileError{file, e.Line, err.Error()})
			continue
		}
		answers[q.ID] = v
	}
	if af.Target != "" {
		if _, ok := in.Predicate(af.Target); !ok {
			errs = append(errs, FileError{file, 1, fmt.Sprintf("target %q tidak dikenal (yang ada: %s)", af.Target, in.predicateIDs())})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return answers, nil
}
