package store

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// onlyReader hides a reader's Seek, as standard input does: the import
// then reads with the careful decoder alone.
type onlyReader struct{ io.Reader }

// TestBundleOfOlderZiwbImports: a bundle the schema-2 ziwb exported
// (instruments last, history by seq) imports into a new database whole,
// and its export is the same data.
func TestBundleOfOlderZiwbImports(t *testing.T) {
	for _, schema := range []int{2, 3} {
		old := gunzipTestdata(t, fmt.Sprintf("schema%d.bundle.json.gz", schema))
		for name, src := range map[string]io.Reader{"berkas": bytes.NewReader(old), "masukan standar": onlyReader{bytes.NewReader(old)}} {
			t.Run(fmt.Sprint(schema, "/", name), func(t *testing.T) {
				db, _ := testDB(t)
				if _, err := db.ImportFrom("lama.json", src, "penguji"); err != nil {
					t.Fatal(err)
				}
				mustCheckClean(t, db)
				got, want := normalBundle(t, exportJSON(t, db, "")), normalBundle(t, old)
				for _, section := range []string{"satkers", "evaluations", "answers", "history", "recommendations", "instruments"} {
					if !reflect.DeepEqual(got[section], want[section]) {
						t.Errorf("section %s differs after the import", section)
					}
				}
			})
		}
	}
}

// TestFastAndCarefulReadersAgree imports one bundle through each decoder
// and compares the databases they make.
func TestFastAndCarefulReadersAgree(t *testing.T) {
	src := demoDB(t, 30)
	data := exportJSON(t, src, "")
	fast, _ := testDB(t)
	careful, _ := testDB(t)
	fs, err := fast.ImportFrom("b.json", bytes.NewReader(data), "x")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := careful.ImportFrom("b.json", onlyReader{bytes.NewReader(data)}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if fs != cs {
		t.Errorf("stats differ: fast %+v, careful %+v", fs, cs)
	}
	if a, b := exportJSON(t, fast, ""), exportJSON(t, careful, ""); !bytes.Equal(a, b) {
		t.Error("the fast and the careful reader made different databases")
	}
	if !bytes.Equal(exportJSON(t, fast, ""), data) {
		t.Error("export → import → export is not the same bundle")
	}
}

// TestImportLeavesNoCopyBehind: whether it lands, changes nothing or fails,
// an import leaves only the database in its folder.
func TestImportLeavesNoCopyBehind(t *testing.T) {
	src := demoDB(t, 3)
	data := exportJSON(t, src, "")
	db, path := testDB(t)
	for i, b := range [][]byte{data, data, bytes.Replace(data, []byte(`"field":"`), []byte(`"bidang":"`), 1)} {
		db.Import("b.json", b, "x")
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("after import %d the folder holds %v", i+1, names)
		}
	}
}

// TestFastReaderReadsWhatZiwbWrites: the fast reader does not give up on a
// bundle ziwb wrote, and gives every record the line the careful one does.
func TestFastReaderReadsWhatZiwbWrites(t *testing.T) {
	src := demoDB(t, 20)
	data := exportJSON(t, src, "")
	var fast, careful []int
	if !readFast(bytes.NewReader(data), func(line int, _ any) { fast = append(fast, line) }) {
		t.Fatal("the fast reader gave up on a bundle ziwb wrote")
	}
	r := newBundleReader("b.json", bytes.NewReader(data), func(line int, _ any) { careful = append(careful, line) })
	r.read()
	if len(r.errs) > 0 || len(fast) < 1000 || !reflect.DeepEqual(fast, careful) {
		t.Fatalf("fast reader: %d records, careful: %d (%v)", len(fast), len(careful), r.errs)
	}
	// Spoiled, it gives up, and leaves the telling to the careful reader.
	if readFast(bytes.NewReader(bytes.Replace(data, []byte(`"field":"`), []byte(`"bidang":"`), 1)), func(int, any) {}) {
		t.Error("the fast reader read past an unknown field")
	}
}
