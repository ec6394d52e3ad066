package store

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// The derived records are compact binary: listing 5,000 satkers must not
// spend its time in a JSON decoder. Strings are length-prefixed; a reader
// turns the whole record into one string and slices every field out of it,
// so decoding a record allocates once for all its text.

const codecVersion = 1

var errCodec = errors.New("rekaman ringkas rusak")

type wbuf []byte

func (b *wbuf) uint(v uint64) { *b = binary.AppendUvarint(*b, v) }
func (b *wbuf) int(v int64)   { *b = binary.AppendVarint(*b, v) }
func (b *wbuf) str(s string)  { b.uint(uint64(len(s))); *b = append(*b, s...) }
func (b *wbuf) byte(c byte)   { *b = append(*b, c) }
func (b *wbuf) float(f float64) {
	*b = binary.LittleEndian.AppendUint64(*b, math.Float64bits(f))
}
func (b *wbuf) time(t time.Time) {
	if t.IsZero() {
		b.int(0)
		b.uint(0)
		return
	}
	b.int(t.Unix())
	b.uint(uint64(t.Nanosecond()) + 1)
}

type rbuf struct {
	s   string // the record, once, as a string
	off int
	err error
}

func newReader(data []byte) *rbuf { return &rbuf{s: string(data)} }

func (r *rbuf) fail() { r.err = errCodec; r.off = len(r.s) }

func (r *rbuf) uint() uint64 {
	var v uint64
	var shift uint
	for i := 0; i < 10; i++ {
		if r.off >= len(r.s) {
			r.fail()
			return 0
		}
		c := r.s[r.off]
		r.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
		shift += 7
	}
	r.fail()
	return 0
}

func (r *rbuf) int() int64 {
	u := r.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (r *rbuf) str() string {
	n := r.uint()
	if n > uint64(len(r.s)-r.off) {
		r.fail()
		return ""
	}
	s := r.s[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

func (r *rbuf) byte() byte {
	if r.off >= len(r.s) {
		r.fail()
		return 0
	}
	c := r.s[r.off]
	r.off++
	return c
}

func (r *rbuf) float() float64 {
	if len(r.s)-r.off < 8 {
		r.fail()
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(r.s[r.off+i])
	}
	r.off += 8
	return math.Float64frombits(u)
}

func (r *rbuf) time() time.Time {
	sec, ns := r.int(), r.uint()
	if ns == 0 {
		return time.Time{}
	}
	if ns > 1e9 {
		r.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(ns-1)).UTC()
}

// count reads a length and refuses one longer than the bytes left could hold.
func (r *rbuf) count() int {
	n := r.uint()
	if n > uint64(len(r.s)-r.off) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *rbuf) done() error {
	if r.err == nil && r.off != len(r.s) {
		return errCodec
	}
	return r.err
}

// --- values: one evaluation's answer values, what scoring needs ---

const (
	valChoice = 1
	valNumber = 2
)

func encodeValues(vals model.Answers) []byte {
	ids := sortedKeys(vals)
	b := make(wbuf, 0, 2+len(vals)*24)
	b.byte(codecVersion)
	b.uint(uint64(len(ids)))
	for _, id := range ids {
		v := vals[id]
		b.str(id)
		if v.Numeric {
			b.byte(valNumber)
			b.float(v.Number)
		} else {
			b.byte(valChoice)
			b.str(v.Choice)
		}
	}
	return b
}

func decodeValues(data []byte) (model.Answers, error) {
	r := newReader(data)
	if r.byte() != codecVersion {
		return nil, errCodec
	}
	n := r.count()
	vals := make(model.Answers, n)
	for i := 0; i < n && r.err == nil; i++ {
		id := r.str()
		switch r.byte() {
		case valNumber:
			vals[id] = model.Num(r.float())
		case valChoice:
			vals[id] = model.Value{Choice: r.str()}
		default:
			r.fail()
		}
	}
	return vals, r.done()
}
