package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func mini(t testing.TB) *Instrument {
	t.Helper()
	return mustParseFile(t, "testdata/mini.yaml")
}

func TestParseAnswer(t *testing.T) {
	in := mini(t)
	tests := []struct {
		name, qid, typed string
		want             Value
		fraction         float64
		wantErr          string // substring of the error; "" means accepted
	}{
		{"yesno Y", "a1.1", "Y", Letter("Y"), 1, ""},
		{"yesno lower t", "a1.1", "t", Letter("T"), 0, ""},
		{"yesno rejects A", "a1.1", "A", Value{}, 0, "yang diterima: Y, T"},
		{"yesno rejects Ya word", "a1.1", "Ya", Value{}, 0, "tidak diterima"},
		{"abc b", "a1.2", "b", Letter("B"), 0.5, ""},
		{"abc C", "a1.2", " C ", Letter("C"), 0, ""},
		{"abc rejects D", "a1.2", "D", Value{}, 0, "yang diterima: A, B, C"},
		{"abcd B", "a2.1", "B", Letter("B"), 0.67, ""},
		{"abcd c", "a2.1", "c", Letter("C"), 0.33, ""},
		{"abcd rejects E", "a2.1", "E", Value{}, 0, "A, B, C, D"},
		{"abcde d", "a2.2", "d", Letter("D"), 0.25, ""},
		{"abcde B", "a2.2", "B", Letter("B"), 0.75, ""},
		{"abcde rejects empty", "a2.2", "", Value{}, 0, "tidak diterima"},
		{"choice y", "a2.4", "y", Letter("Y"), 0.6, ""},
		{"choice lower key in file", "a2.4", "Z", Letter("Z"), 0, ""},
		{"choice rejects A", "a2.4", "A", Value{}, 0, "X, Y, Z"},
		{"percent 80", "a2.3", "80", Num(80), 0.8, ""},
		{"percent with sign", "a2.3", "80%", Num(80), 0.8, ""},
		{"percent decimal comma", "a2.3", "62,5", Num(62.5), 0.625, ""},
		{"percent counts", "a2.3", "8/10", Num(80), 0.8, ""},
		{"percent rejects 101", "a2.3", "101", Value{}, 0, "di luar rentang 0–100"},
		{"percent rejects negative", "a2.3", "-1", Value{}, 0, "di luar rentang"},
		{"percent rejects ratio above 100", "a2.3", "11/10", Value{}, 0, "melebihi 100%"},
		{"percent rejects zero denominator", "a2.3", "3/0", Value{}, 0, "penyebut nol"},
		{"percent rejects text", "a2.3", "banyak", Value{}, 0, "bukan angka"},
		{"number in range", "h.1", "3,41", Num(3.41), 3.41 / 4, ""},
		{"number at top", "h.1", "4", Num(4), 1, ""},
		{"number rejects above range", "h.1", "4.01", Value{}, 0, "di luar rentang 0–4"},
		{"number rejects NaN", "h.1", "NaN", Value{}, 0, "bukan angka"},
		{"number rejects hex", "h.1", "0x3", Value{}, 0, "bukan angka"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := in.Question(tt.qid)
			if !ok {
				t.Fatalf("no question %s", tt.qid)
			}
			got, err := q.Parse(tt.typed)
			if tt.wantErr != "" {
				var ae *AnswerError
				if !errors.As(err, &ae) || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), tt.qid) {
					t.Fatalf("Parse(%q) = %v, %v; want an AnswerError naming %s containing %q", tt.typed, got, err, tt.qid, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Parse(%q) = %v, %v; want %v", tt.typed, got, err, tt.want)
			}
			if f := q.Fraction(got); f != tt.fraction {
				t.Errorf("Fraction(%v) = %v; want %v", got, f, tt.fraction)
			}
		})
	}
}

func TestCheckJSONAnswer(t *testing.T) {
	in := mini(t)
	tests := []struct {
		name, qid string
		raw       any
		want      Value
		wantErr   string
	}{
		{"letter string", "a1.2", "a", Letter("A"), ""},
		{"number for letter", "a1.2", 1.0, Value{}, "bukan angka"},
		{"number", "h.1", json.Number("3.2"), Num(3.2), ""},
		{"text for number", "h.1", "3.2", Value{}, "bukan teks"},
		{"counts are not read from JSON", "a2.3", "8/10", Value{}, "bukan teks (yang diterima: angka 0 sampai 100; dua bilangan seperti 8/10 hanya di"},
		{"number out of range", "h.1", 5.0, Value{}, "di luar rentang"},
		{"null", "a1.1", nil, Value{}, "kosong"},
		{"object", "a1.1", map[string]any{}, Value{}, "huruf atau angka"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, _ := in.Question(tt.qid)
			got, err := q.Check(tt.raw)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Check(%v) = %v, %v; want error with %q", tt.raw, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Check(%v) = %v, %v; want %v", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestValueJSONRoundTrip(t *testing.T) {
	for _, v := range []Value{Letter("A"), Num(3.41), Num(0), {}} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back Value
		if err := json.Unmarshal(b, &back); err != nil || back != v {
			t.Errorf("%v → %s → %v, %v", v, b, back, err)
		}
	}
}

func TestReadAnswersFile(t *testing.T) {
	in := mini(t)
	good := "{\n \"instrument\": \"mini\",\n \"target\": \"WBBM\",\n \"answers\": {\n  \"a1.1\": \"y\",\n  \"h.1\": 3.6,\n  \"a2.3\": null\n }\n}\n"
	af, err := ReadAnswersFile("ok.json", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if af.Instrument != "mini" || af.Target != "WBBM" || len(af.Entries) != 3 || af.Entries[1].Line != 6 {
		t.Fatalf("got %+v", af)
	}
	answers, err := in.CheckAnswers("ok.json", af)
	if err != nil {
		t.Fatal(err)
	}
	if len(answers) != 2 || answers["a1.1"] != Letter("Y") || answers["h.1"] != Num(3.6) {
		t.Fatalf("answers = %v", answers)
	}

	bad := "{\n \"instrument\": \"mini\",\n \"answers\": {\n  \"a1.1\": \"B\",\n  \"nope\": \"A\",\n  \"h.1\": 9,\n  \"a1.1\": \"Y\"\n },\n \"extra\": 1\n}"
	af, err = ReadAnswersFile("bad.json", []byte(bad))
	es, _ := AsFileErrors(err)
	if len(es) != 2 || es[0].Line != 7 || es[1].Line != 9 {
		t.Fatalf("want duplicate (line 7) and unknown key (line 9), got %v", err)
	}
	af, _ = ReadAnswersFile("bad.json", []byte(strings.Replace(strings.Replace(bad, "\"a1.1\": \"Y\"", "\"a2.2\": \"A\"", 1), ",\n \"extra\": 1", "", 1)))
	_, err = in.CheckAnswers("bad.json", af)
	es, _ = AsFileErrors(err)
	if len(es) != 3 || es[0].Line != 4 || es[1].Line != 5 || es[2].Line != 6 {
		t.Fatalf("want three errors on lines 4, 5, 6, got %v", err)
	}
	for _, want := range []string{`bad.json:4: pertanyaan a1.1: jawaban "B"`, `"nope" tidak ada`, `"9" ditolak`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}

	for name, text := range map[string]string{
		"empty": "", "truncated": "{\"answers\": {\"a1.1\": ", "array": "[1]", "no answers": "{\"instrument\": \"mini\"}",
		"trailing": "{\"answers\": {}} {}", "answer object": "{\"answers\": {\"a1.1\": {\"x\": 1}}}",
	} {
		if _, err := ReadAnswersFile("x.json", []byte(text)); err == nil {
			t.Errorf("%s: accepted %q", name, text)
		} else if _, ok := AsFileErrors(err); !ok {
			t.Errorf("%s: error without a place: %v", name, err)
		}
	}
}

// A syntax error inside a value is reported on its own line, not on the
// line of the key before it: encoding/json counts such an error's offset
// from the value's start.
func TestReadAnswersFileSyntaxErrorLine(t *testing.T) {
	for name, c := range map[string]struct {
		text string
		line int
	}{
		"bare word":        {"{\n \"answers\": {\n  \"a1.1\": \"Y\",\n  \"a1.2\": \"A\",\n  \"a1.3\": Y\n }\n}\n", 5},
		"value on its own": {"{\n \"answers\": {\n  \"a1.1\": \"Y\",\n  \"a1.2\":\n   Y\n }\n}\n", 5},
		"inside an object": {"{\n \"answers\": {\n  \"a1.1\": {\"x\":\n\n   y}\n }\n}\n", 5},
		"first line":       {"{\"answers\": {\"a1.1\": Y}}", 1},
	} {
		_, err := ReadAnswersFile("x.json", []byte(c.text))
		es, ok := AsFileErrors(err)
		if !ok || len(es) != 1 || es[0].Line != c.line || !strings.Contains(es[0].Msg, "JSON tidak sah") {
			t.Errorf("%s: want a syntax error on line %d, got %v", name, c.line, err)
		}
	}
}
