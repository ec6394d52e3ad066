package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's file layout, as far as we read it ourselves: a truncated or
// bit-flipped file makes bbolt panic or fault instead of returning an error,
// and a writable bbolt.Open may write to what it opens, so we check the two
// meta pages before handing a file to bbolt.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	pageHeaderSize   = 16 // id uint64, flags uint16, count uint16, overflow uint32
	metaSize         = 64 // magic, version, pageSize, flags, root (2×8), freelist, pgid, txid, checksum
	metaChecksumAt   = 56
	pgidNoFreelist   = ^uint64(0)
	minPageSize      = 512
	maxPageSize      = 1 << 16
	metaPageFlag     = 0x04
	fileHeaderMinLen = pageHeaderSize + metaSize
)

// meta is the part of a bbolt meta page we validate.
type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64 // high-water mark: pages in use
	txid     uint64
}

// parseMeta reads the meta page at the start of b; ok is false when its
// marker, version or checksum does not hold.
func parseMeta(b []byte) (m meta, why string) {
	if len(b) < fileHeaderMinLen {
		return m, "halaman meta terpotong"
	}
	ne := binary.NativeEndian
	flags := ne.Uint16(b[8:])
	b = b[pageHeaderSize:]
	switch {
	case ne.Uint32(b[0:]) != boltMagic:
		return m, "tanda berkas bbolt tidak ada"
	case ne.Uint32(b[4:]) != boltVersion:
		return m, fmt.Sprintf("versi format bbolt %d tidak dikenal", ne.Uint32(b[4:]))
	}
	h := fnv.New64a()
	h.Write(b[:metaChecksumAt])
	if h.Sum64() != ne.Uint64(b[metaChecksumAt:]) {
		return m, "checksum halaman meta salah"
	}
	if flags != metaPageFlag {
		return m, "halaman meta bertanda salah"
	}
	m = meta{pageSize: ne.Uint32(b[8:]), root: ne.Uint64(b[16:]), freelist: ne.Uint64(b[32:]),
		hwm: ne.Uint64(b[40:]), txid: ne.Uint64(b[48:])}
	return m, ""
}

// readMeta returns the meta bbolt would use — the valid one with the
// highest transaction id — or why there is none.
func readMeta(f io.ReaderAt, size int64) (meta, string) {
	buf := make([]byte, fileHeaderMinLen)
	read := func(off int64) []byte {
		if off+int64(len(buf)) > size {
			return nil
		}
		if _, err := f.ReadAt(buf, off); err != nil {
			return nil
		}
		return buf
	}
	m0, why := parseMeta(read(0))
	var metas []meta
	if why == "" {
		metas = append(metas, m0)
		if m1, w := parseMeta(read(int64(m0.pageSize))); w == "" {
			metas = append(metas, m1)
		}
	} else {
		// Page 0 is bad: find page 1 at each page size bbolt might use.
		for ps := int64(1024); ps <= 1<<24 && ps < size; ps <<= 1 {
			if m1, w := parseMeta(read(ps)); w == "" && int64(m1.pageSize) == ps {
				metas = append(metas, m1)
				break
			}
		}
	}
	if len(metas) == 0 {
		return meta{}, why
	}
	best := metas[0]
	for _, m := range metas[1:] {
		if m.txid > best.txid {
			best = m
		}
	}
	return best, ""
}

// validateFile checks a file's meta pages and size without writing to it.
func validateFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("buka basis data %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("buka basis data %s: %w", path, err)
	}
	size := fi.Size()
	damaged := func(format string, args ...any) error {
		return fmt.Errorf("%s: %w: %s; ziwb tidak mengubah berkas ini — pulihkan dari cadangan (ziwb backup) bila ada",
			path, ErrDamaged, fmt.Sprintf(format, args...))
	}
	m, why := readMeta(f, size)
	switch {
	case why != "":
		return damaged("%s (%d bita)", why, size)
	case m.pageSize < minPageSize || m.pageSize > maxPageSize || m.pageSize&(m.pageSize-1) != 0:
		return damaged("ukuran halaman %d tidak wajar", m.pageSize)
	case m.hwm < 4 || m.root >= m.hwm || m.root < 2:
		return damaged("akar data di halaman %d dari %d halaman", m.root, m.hwm)
	case m.freelist == pgidNoFreelist:
		return damaged("daftar halaman kosong tidak tersimpan; ini bukan berkas yang dibuat ziwb")
	case m.freelist >= m.hwm || m.freelist < 2:
		return damaged("daftar halaman kosong di halaman %d dari %d halaman", m.freelist, m.hwm)
	case int64(m.hwm)*int64(m.pageSize) > size:
		return damaged("berkas terpotong: isinya mencapai %d bita, tetapi berkas hanya %d bita",
			int64(m.hwm)*int64(m.pageSize), size)
	}
	return nil
}
