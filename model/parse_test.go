package model

import (
	"strings"
	"testing"
)

// validBase is a small valid instrument; each error case edits one line.
const validBase = `id: base
title: Dasar
nodes:
  - id: p
    title: Pengungkit
    weight: 10
    nodes:
      - id: p.a
        title: A
        weight: 6
        questions:
          - id: p.a.1
            text: Satu
            type: abc
      - id: p.b
        title: B
        weight: 4
        questions:
          - id: p.b.1
            text: Dua
            type: number
            range: [0, 4]
predicates:
  - id: WBK
    title: Satu
    rules:
      - {node: total, min: 5}
  - id: WBBM
    title: Dua
    requires: WBK
    rules:
      - {each: p, min_ratio: 0.5}
`

func TestParseValidBase(t *testing.T) {
	in := mustParse(t, validBase)
	if in.Max() != 10 || len(in.Questions()) != 2 || len(in.AllNodes()) != 3 || in.Hash == "" {
		t.Fatalf("got max %v, %d questions, %d nodes, hash %q", in.Max(), len(in.Questions()), len(in.AllNodes()), in.Hash)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		from, to string // replace in validBase
		line     int
		want     string
	}{
		{"unknown key", "    weight: 10\n", "    weight: 10\n    colour: red\n", 7, `kunci tidak dikenal "colour"`},
		{"misspelt key", "            type: abc\n", "            tipe: abc\n", 14, `kunci tidak dikenal "tipe"`},
		{"missing id", "  - id: p\n    title: Pengungkit\n", "  - title: Pengungkit\n", 4, `"id" wajib diisi`},
		{"missing title", "        title: A\n", "", 8, `"title" wajib diisi`},
		{"missing text", "            text: Satu\n", "", 12, `"text" wajib diisi`},
		{"bad id", "id: p.a.1", "id: P A", 12, `tidak sah`},
		{"duplicate id", "id: p.b.1", "id: p.a.1", 19, `id "p.a.1" ganda (pertama dipakai di baris 12)`},
		{"node id reused by question", "id: p.b.1", "id: p", 19, `id "p" ganda`},
		{"both nodes and questions", "        weight: 6\n", "        weight: 6\n        nodes: [{id: x, title: X, weight: 6, questions: [{id: x.1, text: t, type: abc}]}]\n", 8, `"nodes" dan "questions" sekaligus`},
		{"neither nodes nor questions", "        questions:\n          - id: p.a.1\n            text: Satu\n            type: abc\n", "", 8, `tidak punya "nodes" maupun "questions"`},
		{"weights do not add up", "        weight: 4\n", "        weight: 3\n", 4, `bobot "p" adalah 10, tetapi bobot anak-anaknya berjumlah 9`},
		{"zero weight", "        weight: 4\n", "        weight: 0\n", 17, `bobot harus positif`},
		{"negative question weight", "            type: abc\n", "            type: abc\n            weight: -1\n", 15, `bobot harus positif`},
		{"weight not a number", "        weight: 4\n", "        weight: empat\n", 17, `"weight" harus berupa angka`},
		{"number without range", "            range: [0, 4]\n", "", 19, `tidak punya "range: [lo, hi]"`},
		{"empty range", "range: [0, 4]", "range: [4, 4]", 22, `lo harus lebih kecil`},
		{"range on letters", "            type: abc\n", "            type: abc\n            range: [0, 1]\n", 15, `"range" hanya untuk jenis number`},
		{"unknown type", "type: abc", "type: abcdef", 14, `jenis jawaban "abcdef" tidak dikenal`},
		{"choice without options", "type: abc", "type: choice", 12, `tidak punya "options"`},
		{"letter option out of type", "            type: abc\n", "            type: abc\n            options: {D: {label: x}}\n", 15, `pilihan "D" tidak ada`},
		{"letter option with value", "            type: abc\n", "            type: abc\n            options: {A: {value: 1}}\n", 15, `ditentukan oleh jenis abc`},
		{"rule names missing node", "{node: total, min: 5}", "{node: nowhere, min: 5}", 27, `komponen "nowhere" yang tidak ada`},
		{"each on a leaf", "{each: p, min_ratio: 0.5}", "{each: p.a, min_ratio: 0.5}", 32, `butuh komponen yang punya sub-komponen`},
		{"rule with both min kinds", "{node: total, min: 5}", "{node: total, min: 5, min_ratio: 0.5}", 27, `tepat satu dari "min" atau "min_ratio"`},
		{"rule with neither target", "{node: total, min: 5}", "{min: 5}", 27, `tepat satu dari "node" atau "each"`},
		{"ratio above one", "min_ratio: 0.5", "min_ratio: 1.5", 32, `min_ratio 1.5`},
		{"requires unknown", "requires: WBK", "requires: WBX", 30, `predikat "WBX" yang tidak ada`},
		{"requires cycle", "    rules:\n      - {node: total, min: 5}\n", "    requires: WBBM\n    rules:\n      - {node: total, min: 5}\n", 24, `lingkaran`},
		{"duplicate key", "        weight: 6\n", "        weight: 6\n        weight: 6\n", 11, `YAML tidak sah: kunci "weight" sudah ada di baris 10`},
		{"syntax error", "    weight: 10\n", "    weight: [10\n", 7, `YAML tidak sah: perlu ',' atau ']'`},
		{"indented too far", "    weight: 10\n", "    weight: 10\n      nodes: []\n", 6, `YAML tidak sah: pasangan kunci: nilai tidak boleh di sini`},
		{"tab for indentation", "        weight: 4\n", "\tweight: 4\n", 17, `YAML tidak sah: ada tab`},
		{"unclosed quote", "text: Dua\n", "text: \"Dua\n", 20, `YAML tidak sah: tanda kutip " tidak ditutup`},
		{"sequence where mapping belongs", "  - id: p\n    title: Pengungkit\n", "  - [p]\n  - id: p\n    title: Pengungkit\n", 4, `harus berupa pemetaan`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validBase, tt.from) {
				t.Fatalf("test edits %q, which validBase lacks", tt.from)
			}
			text := strings.Replace(validBase, tt.from, tt.to, 1)
			_, err := Parse("bad.yaml", []byte(text))
			es, ok := AsFileErrors(err)
			if !ok {
				t.Fatalf("want FileErrors, got %v", err)
			}
			for _, e := range es {
				if e.Line == tt.line && strings.Contains(e.Msg, tt.want) && e.File == "bad.yaml" {
					return
				}
			}
			t.Fatalf("want an error on line %d containing %q; got:\n%v", tt.line, tt.want, err)
		})
	}
}

func TestParseReportsEveryErrorAtOnce(t *testing.T) {
	text := strings.NewReplacer(
		"    weight: 10\n", "    weight: 10\n    colour: red\n",
		"id: p.b.1", "id: p.a.1",
		"type: abc", "type: abx",
		"{node: total, min: 5}", "{node: nowhere, min: 5}",
	).Replace(validBase)
	_, err := Parse("many.yaml", []byte(text))
	es, _ := AsFileErrors(err)
	lines := map[int]bool{}
	for _, e := range es {
		lines[e.Line] = true
	}
	for _, l := range []int{7, 15, 20, 28} {
		if !lines[l] {
			t.Errorf("no error on line %d; got:\n%v", l, err)
		}
	}
	for i := 1; i < len(es); i++ {
		if es[i].Line < es[i-1].Line {
			t.Errorf("errors not in line order:\n%v", err)
		}
	}
}

func TestParseRejectsNonInstruments(t *testing.T) {
	for name, text := range map[string]string{
		"empty": "", "comment only": "# nothing\n", "scalar": "42", "list": "- a\n- b\n",
		"two documents": validBase + "---\n" + validBase, "alias": "id: a\ntitle: &t T\nsource: *t\nnodes: []\n",
	} {
		_, err := Parse("x.yaml", []byte(text))
		if _, ok := AsFileErrors(err); !ok {
			t.Errorf("%s: want FileErrors, got %v", name, err)
		}
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	in := mini(t)
	out, err := in.YAML()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("roundtrip.yaml", out)
	if err != nil {
		t.Fatalf("YAML() output does not validate:\n%v\n%s", err, out)
	}
	again, _ := back.YAML()
	if string(again) != string(out) {
		t.Errorf("YAML() is not stable:\n%s\n---\n%s", out, again)
	}
	answers := Answers{"a1.1": Letter("Y"), "a1.2": Letter("B"), "a2.4": Letter("Y"), "a2.3": Num(55), "h.1": Num(3.3)}
	a, _ := Score(in, answers, "WBBM")
	b, _ := Score(back, answers, "WBBM")
	ja, _ := a.MarshalJSON()
	jb, _ := b.MarshalJSON()
	if string(ja) != string(jb) {
		t.Errorf("scores differ after round trip:\n%s\n%s", ja, jb)
	}
}

// The parser's messages not in the table keep their words, marked as the
// parser's, so nothing is lost in translation.
func TestYAMLMessage(t *testing.T) {
	for msg, want := range map[string]string{
		"mapping key \"id\" already defined at [3:1]":                        `kunci "id" sudah ada di baris 3`,
		"could not find '[' character corresponding to ']'":                  "']' tanpa '[' pasangannya",
		"value is not allowed in this context. map key-value is pre-defined": "nilai tidak boleh di sini (periksa indentasi)",
		"undefined alias name":                                               "pesan pengurai YAML: undefined alias name",
	} {
		if got := yamlMessage(msg); got != want {
			t.Errorf("yamlMessage(%q) = %q; want %q", msg, got, want)
		}
	}
}

// Notepad and PowerShell on Windows save UTF-8 with a byte-order mark,
// and Windows PowerShell 5.1's > saves UTF-16: the first is the same
// instrument, the second is said for what it is.
func TestParseWindowsEncodings(t *testing.T) {
	plain := mustParse(t, validBase)
	crlf := strings.ReplaceAll(validBase, "\n", "\r\n")
	for name, text := range map[string]string{"bom": "\ufeff" + validBase, "bom+crlf": "\ufeff" + crlf} {
		in, err := Parse(name+".yaml", []byte(text))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if name == "bom" && in.Hash != plain.Hash {
			t.Errorf("%s: hash %s, without the mark %s", name, in.Hash, plain.Hash)
		}
	}
	utf16 := []byte{0xff, 0xfe} // Windows PowerShell's > and Out-File
	for _, r := range crlf {
		utf16 = append(utf16, byte(r), 0)
	}
	if in, err := Parse("ps.yaml", utf16); err != nil || in.Hash != mustParse(t, crlf).Hash {
		t.Errorf("UTF-16: %v; want the instrument as in UTF-8", err)
	}
}
