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

// more reports whether bytes are left: a trailing field a newer ziwb adds.
func (r *rbuf) more() bool { return r.err == nil && r.off < len(r.s) }

func (r *rbuf) done() error {
	if r.err == nil && r.off != len(r.s) {
		return errCodec
	}
	return r.err
}

// --- values: one evaluation's answer values, what scoring needs ---

const (
	valNone   = 0
	valChoice = 1
	valNumber = 2
)

func (b *wbuf) value(v model.Value) {
	switch {
	case v.IsZero():
		b.byte(valNone)
	case v.Numeric:
		b.byte(valNumber)
		b.float(v.Number)
	default:
		b.byte(valChoice)
		b.str(v.Choice)
	}
}

func (r *rbuf) value() model.Value {
	switch r.byte() {
	case valNone:
		return model.Value{}
	case valNumber:
		return model.Num(r.float())
	case valChoice:
		return model.Value{Choice: r.str()}
	}
	r.fail()
	return model.Value{}
}

// --- answers: the evaluation and question are in the key ---

func encodeAnswer(a answerRec) []byte {
	b := make(wbuf, 0, 48+len(a.Note)+len(a.By))
	b.byte(codecVersion)
	b.value(a.Value)
	b.str(a.Note)
	b.uint(uint64(len(a.Evidence)))
	for _, e := range a.Evidence {
		b.str(e.Title)
		b.str(e.Location)
		if e.Checked {
			b.byte(1)
		} else {
			b.byte(0)
		}
	}
	b.str(a.By)
	b.time(a.At)
	if a.Carried { // a trailing flag, absent in files from before rounds
		b.byte(1)
	}
	return b
}

func decodeAnswer(data []byte, a *answerRec) error {
	r := newReader(data)
	if r.byte() != codecVersion {
		return errCodec
	}
	a.Value = r.value()
	a.Note = r.str()
	if n := r.count(); n > 0 {
		a.Evidence = make([]evidenceRec, n)
		for i := 0; i < n && r.err == nil; i++ {
			a.Evidence[i] = evidenceRec{Title: r.str(), Location: r.str(), Checked: r.byte() == 1}
		}
	}
	a.By = r.str()
	a.At = r.time()
	if r.more() {
		a.Carried = r.byte() == 1
	}
	return r.done()
}

// --- history: the owner and the seq are in the key ---

func encodeChange(c changeRec) []byte {
	b := make(wbuf, 0, 48+len(c.Old)+len(c.New))
	b.byte(codecVersion)
	b.time(c.At)
	b.str(c.By)
	// An evaluation's entries name its satker only when the id does not.
	satker := c.Satker
	if c.Evaluation != "" && satker == satkerOfEval(c.Evaluation) {
		satker = ""
	}
	b.str(satker)
	if c.Evaluation != "" {
		b.byte(1)
	} else {
		b.byte(0)
	}
	b.str(c.Question)
	b.str(c.Field)
	b.str(c.Old)
	b.str(c.New)
	b.uint(c.Undoes)
	b.uint(c.Group)
	if c.Level != 0 || c.Reason != "" { // absent in files from before review levels
		b.uint(uint64(c.Level))
		b.str(c.Reason)
	}
	return b
}

func decodeChange(k, v []byte) (changeRec, error) {
	owner, kind, rest, ok := splitWorkKey(k)
	if !ok || kind != kindChange || len(rest) != 8 {
		return changeRec{}, errCodec
	}
	r := newReader(v)
	if r.byte() != codecVersion {
		return changeRec{}, errCodec
	}
	c := changeRec{Seq: binary.BigEndian.Uint64(rest)}
	c.At = r.time()
	c.By = r.str()
	c.Satker = r.str()
	if r.byte() == 1 {
		c.Evaluation = owner
		if c.Satker == "" {
			c.Satker = satkerOfEval(owner)
		}
	} else {
		c.Satker = owner
	}
	c.Question, c.Field, c.Old, c.New = r.str(), r.str(), r.str(), r.str()
	c.Undoes, c.Group = r.uint(), r.uint()
	if r.more() {
		c.Level, c.Reason = model.Level(r.uint()), r.str()
	}
	return c, r.done()
}

// --- an evaluation's state: figures first, so lists stop reading early ---

// What decodeState reads beyond the time and the headline figures.
const (
	stateList  = 0
	stateAreas = 1 << iota
	stateValues
	stateAll = stateAreas | stateValues
)

// positions places values by question id at their question's position
// in the instrument, dropping any for a question it lacks.
func positions(in *model.Instrument, vals model.Answers) []model.Value {
	out := make([]model.Value, len(in.Questions()))
	for id, v := range vals {
		if i, ok := in.QuestionIndex(id); ok {
			out[i] = v
		}
	}
	return out
}

// byQuestion is values by position as values by question id.
func byQuestion(in *model.Instrument, at []model.Value) model.Answers {
	qs := in.Questions()
	out := make(model.Answers, len(at))
	for i, v := range at[:min(len(at), len(qs))] {
		if !v.IsZero() {
			out[qs[i].ID] = v
		}
	}
	return out
}

// stateRecord scores vals (by position in the instrument's questions)
// in room and encodes the state, in the instrument's order: no map is
// sorted or looked up, so a save spends its time on the disk.
func stateRecord(in *model.Instrument, target string, vals []model.Value, updated time.Time, room *model.Rescorer) ([]byte, error) {
	sc, err := room.Score(in, vals, in.TargetFor(target))
	if err != nil {
		return nil, err
	}
	n := len(vals) // the values kept: up to the last one given
	for n > 0 && vals[n-1].IsZero() {
		n--
	}
	b := make(wbuf, 0, 512+n*4)
	b.byte(stateCodec)
	b.time(updated)
	b.uint(uint64(sc.Answered))
	b.uint(uint64(sc.Questions))
	b.float(sc.Total)
	b.str(sc.Result)
	var nodes [64]model.NodeScore // the components and their areas: what lists show
	shown := nodes[:0]
	for _, top := range in.Nodes {
		ns, _ := sc.Node(top.ID)
		shown = append(shown, ns)
		for _, n := range top.Nodes {
			ns, _ := sc.Node(n.ID)
			shown = append(shown, ns)
		}
	}
	with := 0
	for _, ns := range shown {
		if ns.Verdict != model.VerdictNone {
			with++
		}
	}
	b.uint(uint64(with))
	for _, ns := range shown {
		if ns.Verdict != model.VerdictNone {
			b.str(ns.ID)
			b.str(string(ns.Verdict))
		}
	}
	b.uint(uint64(len(shown)))
	for _, ns := range shown {
		b.str(ns.ID)
		b.float(ns.Score)
	}
	b.uint(uint64(n))
	for _, v := range vals[:n] {
		b.value(v)
	}
	return b, nil
}

// stateCodec is the state's own version. Its values are by position in
// the instrument's questions: named by question id (version 1, schema 3)
// they took most of the record, and a save writes the record every time.
const stateCodec = 2

// listPrefix is more than the time and the headline figures take: a list
// copies that much of each state, not its values.
const listPrefix = 96

func decodeState(data []byte, parts int) (evalState, error) {
	version := byte(stateCodec)
	if parts&stateValues == 0 && len(data) > 0 && data[0] == 1 {
		version = 1 // the figures read alike: a state migration passed over (its instrument is gone) still lists
	}
	st, _, err := decodeStateOf(data, parts, version)
	return st, err
}

// decodeStateOf is decodeState of a record of the given version. Only
// migration reads version 1, whose values are by question id (byID).
func decodeStateOf(data []byte, parts int, version byte) (st evalState, byID model.Answers, err error) {
	if parts == stateList && len(data) > listPrefix {
		if st, _, err := decodeStateOf(data[:listPrefix], parts, version); err == nil {
			return st, nil, nil
		} // a result name too long for the prefix: read it all
	}
	r := newReader(data)
	if r.byte() != version {
		return evalState{}, nil, errCodec
	}
	f := &st.Figures
	st.Updated = r.time()
	f.Answered, f.Questions = int(r.uint()), int(r.uint())
	f.Total = r.float()
	f.Result = r.str()
	if parts&stateAreas == 0 {
		return st, nil, r.err
	}
	nv := r.count()
	f.Verdicts = make(map[string]model.Verdict, nv)
	for j := 0; j < nv && r.err == nil; j++ {
		id := r.str()
		f.Verdicts[id] = model.Verdict(r.str())
	}
	na := r.count()
	f.AreaScores = make(map[string]float64, na)
	for j := 0; j < na && r.err == nil; j++ {
		id := r.str()
		f.AreaScores[id] = r.float()
	}
	if parts&stateValues == 0 {
		return st, nil, r.err
	}
	n := r.count()
	if version == 1 {
		byID = make(model.Answers, n)
		for range n {
			id := r.str()
			byID[id] = r.value()
		}
		return st, byID, r.done()
	}
	st.At = make([]model.Value, n)
	for i := range st.At {
		st.At[i] = r.value()
	}
	return st, nil, r.done()
}
