package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

func TestOpenCreatesFileAndFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "ziwb.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if db.Path() != path {
		t.Errorf("Path() = %q", db.Path())
	}
	mustCheckClean(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries; want only the database (no temporary file left)", len(entries))
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	db.Close()
}

func TestOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "none.db"), Options{ReadOnly: true}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("read-only open of a missing file: %v; want ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Fatal("read-only open created the file")
	}
	db, path := testDB(t)
	seed(t, db, "kk-a", model.StagePMPZI, testInstrument(t))
	db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Satker("kk-a"); err != nil {
		t.Fatal(err)
	}
	if _, err := ro.CreateSatker(satkerFixture("kk-b"), "x"); err == nil {
		t.Fatal("read-only database took a write")
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("ZIWB_DB", "/tmp/x/ziwb.db")
	if p, _ := DefaultPath(); p != "/tmp/x/ziwb.db" {
		t.Errorf("with ZIWB_DB: %q", p)
	}
	t.Setenv("ZIWB_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if p, _ := DefaultPath(); p != filepath.Join("/data/home", "ziwb", "ziwb.db") {
		t.Errorf("with XDG_DATA_HOME: %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/evaluator")
	if p, _ := DefaultPath(); p != filepath.Join("/home/evaluator", ".local", "share", "ziwb", "ziwb.db") {
		t.Errorf("default: %q", p)
	}
}

func TestSecondOpenerGetsLockedWithinTwoSeconds(t *testing.T) {
	db, path := testDB(t)
	_ = db
	start := time.Now()
	_, err := Open(path, Options{})
	took := time.Since(start)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v; want ErrLocked", err)
	}
	if took > 2*time.Second {
		t.Errorf("second open took %v; want under 2 s", took)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "ziwb lain") {
		t.Errorf("message does not name the file and say why: %v", err)
	}
	if _, err := Open(path, Options{ReadOnly: true, Timeout: 100 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("read-only open while held: %v; want ErrLocked", err)
	}
}

// populated makes a database with some data and returns its path, closed.
func populated(t *testing.T) string {
	t.Helper()
	db, path, in, e := seeded(t, "kk-a", model.StagePMPZI)
	for i, q := range in.Questions() {
		mustAnswer(t, db, e.ID, q.ID, validValue(q, i), "penguji")
	}
	db.Close()
	return path
}

func TestDamagedFilesAreRefusedAndLeftAlone(t *testing.T) {
	good := populated(t)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	flipMetas := append([]byte(nil), data...)
	flipMetas[pageHeaderSize+20] ^= 0xff // meta 0's page size
	flipMetas[4096+pageHeaderSize+20] ^= 0xff
	cases := map[string][]byte{
		"empty":             {},
		"truncated to half": data[:len(data)/2],
		"truncated to 4096": data[:4096],
		"truncated to 100":  data[:100],
		"one page short":    data[:usedBytes(t, good)-4096],
		"random 100 bytes":  random(100),
		"random 64 KiB":     random(64 << 10),
		"text file":         []byte("Laporan Hasil Evaluasi\nbukan basis data\n"),
		"both metas broken": flipMetas,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ziwb.db")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileSum(t, path)
			db, err := Open(path, Options{})
			if err == nil {
				db.Close()
				t.Fatal("opened a damaged file")
			}
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("error %v; want ErrDamaged", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("message does not name the file: %v", err)
			}
			if fileSum(t, path) != before {
				t.Fatal("the damaged file was written to")
			}
		})
	}
}

func TestForeignBoltFileIsRefusedAndLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lain.db")
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("users"))
		return b.Put([]byte("a"), []byte("b"))
	})
	bdb.Close()
	before := fileSum(t, path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "bukan milik ziwb") {
		t.Fatalf("foreign file: %v; want ErrDamaged saying it is not ziwb's", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("the foreign file was written to")
	}
}

// TestDamagedPageIsAnErrorNotACrash flips bytes inside each data page in
// turn: opening may work, but reads and Check report damage instead of
// taking the program down.
func TestDamagedPageIsAnErrorNotACrash(t *testing.T) {
	good := populated(t)
	data, _ := os.ReadFile(good)
	refused, found, quiet := 0, 0, 0
	raw := map[string]bool{} // bbolt's words the user was shown untranslated
	said := func(msg string) {
		if _, rest, ok := strings.Cut(msg, "rincian teknis bbolt: "); ok {
			raw[rest] = true
		}
		if strings.Contains(msg, "assertion failed") || strings.Contains(msg, "identifies as") {
			t.Errorf("bbolt's English reaches the user: %s", msg)
		}
	}
	for page := 2; page*4096 < usedBytes(t, good); page++ {
		bad := append([]byte(nil), data...)
		for i := page * 4096; i < (page+1)*4096; i += 7 {
			bad[i] ^= 0x5a
		}
		path := filepath.Join(t.TempDir(), "ziwb.db")
		os.WriteFile(path, bad, 0o600)
		func() {
			db, err := Open(path, Options{})
			if err != nil {
				if !errors.Is(err, ErrDamaged) {
					t.Errorf("page %d: open: %v; want ErrDamaged", page, err)
				}
				said(err.Error())
				refused++
				return
			}
			defer db.Close()
			for _, err := range []error{
				func() error { _, err := db.SatkerSummaries(); return err }(),
				func() error { _, err := db.Answers("kk-a/2026/PMPZI"); return err }(),
				func() error { _, err := db.History(HistoryFilter{}); return err }(),
			} {
				if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotFound) {
					t.Errorf("page %d: read: %v; want ErrDamaged", page, err)
				}
				if err != nil {
					said(err.Error())
				}
			}
			if ps := db.Check(); len(ps) > 0 {
				for _, p := range ps {
					said(p.What)
				}
				found++
			} else {
				quiet++ // a free page: nothing reads it
			}
		}()
	}
	t.Logf("damaged pages: %d refused at open, %d found by Check, %d unused", refused, found, quiet)
	for msg := range raw {
		t.Logf("untranslated: %s", msg)
	}
	if refused+found == 0 {
		t.Fatal("no damage was noticed at all")
	}
}

func setSchemaForTest(t *testing.T, path string, v uint64, dropDerived bool) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		if dropDerived {
			for _, name := range oldDerived {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, v))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaIsRefusedAndLeftAlone(t *testing.T) {
	path := populated(t)
	setSchemaForTest(t, path, schemaVersion+1, false)
	before := fileSum(t, path)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("newer schema: %v; want ErrNewerSchema", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "perbarui ziwb") {
		t.Errorf("message: %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("a newer file was written to")
	}
}

func TestBackupWhileInUse(t *testing.T) {
	db, _, in, e := seeded(t, "kk-a", model.StagePMPZI)
	q := in.Questions()[0]
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 30; i++ {
			db.SetAnswer(e.ID, q.ID, validValue(q, i), "penguji")
		}
	}()
	dst := filepath.Join(t.TempDir(), "cadangan", "ziwb-cadangan.db")
	for i := 0; i < 5; i++ {
		if err := db.Backup(dst); err != nil {
			t.Fatal(err)
		}
	}
	<-done
	if err := db.Backup(db.Path()); err == nil {
		t.Fatal("backup over the database itself was allowed")
	}
	copyDB, err := Open(dst, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	mustCheckClean(t, copyDB)
	if _, err := copyDB.Evaluation(e.ID); err != nil {
		t.Fatal(err)
	}
}

func TestSnapshotOfHeldDatabase(t *testing.T) {
	db, path, in, e := seeded(t, "kk-a", model.StagePMPZI)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			q := in.Questions()[i%len(in.Questions())]
			db.SetAnswer(e.ID, q.ID, validValue(q, i), "penguji")
		}
	}()
	dst := filepath.Join(t.TempDir(), "salinan.db")
	err := Snapshot(path, dst)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	c, err := Open(dst, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	mustCheckClean(t, c)
}

// usedBytes is how much of a bbolt file its latest commit uses.
func usedBytes(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	m, why := readMeta(f, fi.Size())
	if why != "" {
		t.Fatal(why)
	}
	return int(m.hwm) * int(m.pageSize)
}

// dumpBolt lists every bucket, key and value of a bbolt file, for
// comparing two files by content rather than by bytes.
func dumpBolt(t *testing.T, path string) string {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var b strings.Builder
	bdb.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			fmt.Fprintf(&b, "[%s] seq=%d\n", name, bk.Sequence())
			return bk.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%q=%q\n", k, v)
				return nil
			})
		})
	})
	return b.String()
}
