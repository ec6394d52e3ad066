package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// Person is one line of the users file: who may come in, with which key,
// to do what.
type Person struct {
	Name string
	Role store.Role
	Key  gossh.PublicKey
}

// Fingerprint is how logs name the person's key.
func (p Person) Fingerprint() string { return gossh.FingerprintSHA256(p.Key) }

// ParseUsers reads a users file: one person per line, NAME ROLE
// PUBLIC-KEY, the key an OpenSSH public key line ("ssh-ed25519 AAAA…
// comment"); '#' comments and blank lines allowed. Every problem is
// reported with its line.
func ParseUsers(name string, data []byte) ([]Person, error) {
	var out []Person
	var errs model.FileErrors
	fail := func(line int, format string, args ...any) {
		errs = append(errs, model.FileError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	names := map[string]int{}
	keys := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			fail(n, "baris harus berisi NAMA PERAN KUNCI-PUBLIK (mis. budi evaluator ssh-ed25519 AAAA…)")
			continue
		}
		p := Person{Name: f[0], Role: store.Role(f[1])}
		if !slices.Contains(store.Roles, p.Role) {
			fail(n, "peran %q tidak dikenal; pilih admin, evaluator atau viewer", f[1])
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey([]byte(strings.Join(f[2:], " ")))
		if err != nil {
			// Go's own text ("ssh: no key found; last parsing error for
			// ignored line: illegal base64 data …") is English and the same
			// for every mistake, so it is not passed on.
			fail(n, "kunci publik %s tidak terbaca: tulis utuh satu baris kunci publik OpenSSH, isi berkas .pub-nya (mis. ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… %s@laptop); kunci yang terpotong atau salah salin tidak bisa dipakai", f[0], f[0])
			continue
		}
		p.Key = key
		if first, ok := names[p.Name]; ok {
			fail(n, "nama %s sudah dipakai di baris %d", p.Name, first)
			continue
		}
		fp := p.Fingerprint()
		if first, ok := keys[fp]; ok {
			fail(n, "kunci %s sudah dipakai di baris %d", fp, first)
			continue
		}
		names[p.Name], keys[fp] = n, n
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// users is the users file as last read, read again when it changes.
type users struct {
	path string

	mu      sync.RWMutex
	people  []Person
	modTime time.Time
	size    int64
	// the file as it was when it last failed to read: reported once,
	// not at every poll until it is fixed
	badTime time.Time
	badSize int64
	// why the file could last not be looked at or read (deleted,
	// unreadable): reported once, until it comes back or fails otherwise
	lost string
}

func loadUsers(path string) (*users, error) {
	u := &users{path: path}
	if _, err := u.reload(); err != nil {
		return nil, err
	}
	return u, nil
}

// reload reads the file again when it changed since the last read; a file
// with problems leaves the people as they were. changed reports a new list.
// A problem is returned once, not at every poll while it lasts.
func (u *users) reload() (changed bool, err error) {
	fi, err := os.Stat(u.path)
	if err != nil {
		return false, u.lose(err)
	}
	u.mu.RLock()
	same := fi.ModTime().Equal(u.modTime) && fi.Size() == u.size && u.people != nil
	reported := fi.ModTime().Equal(u.badTime) && fi.Size() == u.badSize && u.people != nil
	u.mu.RUnlock()
	if same || reported {
		u.found()
		return false, nil
	}
	data, err := os.ReadFile(u.path)
	if err != nil {
		return false, u.lose(err)
	}
	u.found()
	people, err := ParseUsers(u.path, data)
	if err != nil {
		u.mu.Lock()
		u.badTime, u.badSize = fi.ModTime(), fi.Size()
		u.mu.Unlock()
		return false, err
	}
	u.mu.Lock()
	u.people, u.modTime, u.size = people, fi.ModTime(), fi.Size()
	u.mu.Unlock()
	return true, nil
}

// lose says, in Indonesian, why the file could not be looked at or read;
// nil when that was said at the last poll already.
func (u *users) lose(err error) error {
	var why string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = "tidak ada (dihapus atau dipindah?)"
	case errors.Is(err, fs.ErrPermission):
		why = "tidak boleh dibaca (periksa izin berkasnya)"
	case errors.Is(err, syscall.EISDIR):
		why = "adalah folder, bukan berkas"
	default:
		why = fmt.Sprintf("tidak terbaca (%v)", err)
	}
	msg := fmt.Sprintf("berkas pengguna %s %s", u.path, why)
	u.mu.Lock()
	defer u.mu.Unlock()
	if msg == u.lost {
		return nil
	}
	u.lost = msg
	return errors.New(msg)
}

// found forgets a problem reported by lose: the file is there again.
func (u *users) found() {
	u.mu.Lock()
	u.lost = ""
	u.mu.Unlock()
}

// roles are the people's roles by name: who a team may name, and who of
// them may be on one.
func (u *users) roles() map[string]store.Role {
	u.mu.RLock()
	defer u.mu.RUnlock()
	out := make(map[string]store.Role, len(u.people))
	for _, p := range u.people {
		out[p.Name] = p.Role
	}
	return out
}

// byKey is the person a key belongs to.
func (u *users) byKey(key gossh.PublicKey) (Person, bool) {
	if key == nil {
		return Person{}, false
	}
	want := key.Marshal()
	u.mu.RLock()
	defer u.mu.RUnlock()
	for _, p := range u.people {
		if bytes.Equal(p.Key.Marshal(), want) {
			return p, true
		}
	}
	return Person{}, false
}
