package store

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/kemenag-ortala/ziwb/model"
)

// Counts tallies what an import did with one kind of record.
type Counts struct {
	Added     int // new here
	Updated   int // replaced a stored record the bundle has a newer version of
	Unchanged int // already stored as it is
	Kept      int // the stored record is newer and stays
}

// weigh counts what an import does with a record against the stored one,
// if stored: nothing when the record is the same or not newer, else it is
// added or replaces it. It says whether the record is to be written.
func (c *Counts) weigh(stored, same, newer bool) bool {
	switch {
	case stored && same:
		c.Unchanged++
		return false
	case stored && !newer:
		c.Kept++
		return false
	case stored:
		c.Updated++
	default:
		c.Added++
	}
	return true
}

// ImportStats is what an import did.
type ImportStats struct {
	Satkers, Evaluations, Answers, History, Instruments, Recommendations Counts
}

// Changed reports whether the import wrote anything.
func (s ImportStats) Changed() bool {
	for _, c := range []Counts{s.Satkers, s.Evaluations, s.Answers, s.History, s.Instruments, s.Recommendations} {
		if c.Added+c.Updated > 0 {
			return true
		}
	}
	return false
}

// maxIDLen bounds the ids an import accepts; keys are built from them.
const maxIDLen = 200

// Import is ImportFrom for a bundle held in memory.
func (db *DB) Import(name string, data []byte, by string) (ImportStats, error) {
	return db.ImportFrom(name, bytes.NewReader(data), by)
}

// ImportFrom reads a bundle (what WriteBundle writes) from src as it
// streams, and merges it into the database. A record new here is added; a
// stored record is replaced only by a newer one (Updated for satkers,
// evaluations and recommendations, At for answers), with history entries
// saying what changed; history entries already here are not added twice.
//
// All or nothing: the bundle is written, in batches, into a copy of the
// database next to it, which replaces the file only when every record has
// been read and checked. Every problem in the file is reported, each with
// its line, and then the file is left as it was — as it is when the bundle
// changes nothing, so importing the same bundle twice leaves the file's
// bytes alone. Memory holds the decoder's buffer, the ids seen and one
// batch, not the bundle.
func (db *DB) ImportFrom(name string, src io.Reader, by string) (ImportStats, error) {
	if err := db.may(RoleAdmin, "mengimpor bundel"); err != nil {
		return ImportStats{}, err
	}
	// A file is read with the fast decoder, and again with the careful one
	// only when the fast one met something it could not read.
	if rs, ok := src.(io.ReadSeeker); ok {
		if at, err := rs.Seek(0, io.SeekCurrent); err == nil {
			fast := func(emit func(int, any)) (model.FileErrors, bool) {
				if !readFast(rs, emit) {
					return nil, true
				}
				return nil, false
			}
			stats, read, err := db.importWith(name, by, fast)
			if read {
				return stats, err
			}
			if _, err := rs.Seek(at, io.SeekStart); err != nil {
				return ImportStats{}, fmt.Errorf("baca %s lagi: %w", name, err)
			}
		}
	}
	careful := func(emit func(int, any)) (model.FileErrors, bool) {
		r := newBundleReader(name, src, emit)
		r.read()
		return r.errs, r.broken()
	}
	stats, _, err := db.importWith(name, by, careful)
	return stats, err
}

// importWith imports what read emits; read says what was wrong with the
// file and whether it stopped before the end. read false: the fast reader
// gave up, and nothing was written.
func (db *DB) importWith(name, by string, read func(emit func(int, any)) (model.FileErrors, bool)) (_ ImportStats, finished bool, _ error) {
	s, err := db.beginImport()
	if err != nil {
		return ImportStats{}, true, err
	}
	im := &importer{session: s, name: name, by: by, now: db.stamp(),
		insts: map[string]*model.Instrument{}, satkers: map[string]int{}, evals: map[string]lined[evalRec]{},
		answerLines: map[uint32][]int32{}, evalNo: map[string]uint32{}, qNo: map[string]uint32{},
		seqSeen: seqSet{}, seqFound: map[uint64]uint64{}, scanned: map[string]bool{}, existing: map[string][]uint64{},
		touchedEvals: map[string]bool{}, touchedSatkers: map[string]bool{}}
	im.seqBase = s.t.work().Sequence()
	readErrs, broken := im.stream(name, read)
	if broken && readErrs == nil { // the fast reader gave up
		s.discard()
		return ImportStats{}, false, nil
	}
	if broken { // what was read may not be all there is: its problems only
		im.errs = nil
	}
	im.errs = append(im.errs, readErrs...)
	if err := im.finish(broken); err != nil {
		s.discard()
		if _, ok := err.(importError); !ok {
			err = fmt.Errorf("impor %s ke %s gagal, berkas tidak diubah: %w", name, db.path, err)
		}
		return ImportStats{}, true, err
	}
	if !im.stats.Changed() {
		s.discard()
		return im.stats, true, nil
	}
	if err := s.publish(); err != nil {
		return ImportStats{}, true, err
	}
	return im.stats, true, nil
}

// lined is a record with the line of the file it starts on.
type lined[T any] struct {
	rec  T
	line int
}

// importer checks and writes the records of one bundle as they arrive.
// What can only be checked once the whole file is read — an evaluation's
// instrument (older bundles list the instruments last), recommendations —
// waits in small records until finish.
type importer struct {
	*session
	name, by string
	now      time.Time
	errs     model.FileErrors
	stats    ImportStats

	insts   map[string]*model.Instrument // by hash: the bundle's and those stored
	satkers map[string]int               // the bundle's satker ids → line
	evals   map[string]lined[evalRec]    // the bundle's evaluations by id

	// Duplicate answers, found with small numbers instead of the ids: per
	// evaluation, the line of each question's answer.
	answerLines    map[uint32][]int32
	evalNo, qNo    map[string]uint32
	pending        []pendingAnswer     // answers whose instrument was not known yet
	seqSeen        seqSet              // the bundle's history seqs read so far
	seqFound       map[uint64]uint64   // bundle seq → the seq of the same entry already here
	seqBase        uint64              // this database's last seq before the import
	seqTop         uint64              // the highest seq the import gave
	scanned        map[string]bool     // satkers whose stored history was read: whether there was any
	existing       map[string][]uint64 // history fingerprints stored here → seqs
	reks           []lined[rekRec]
	changes        []changeRec // what the import changed, recorded after the bundle's own history
	touchedEvals   map[string]bool
	touchedSatkers map[string]bool
}

type pendingAnswer struct {
	eval, q string
	level   model.Level
	value   model.Value
	line    int
}

// seqSet is a set of seqs, 64 to a word: a bundle's seqs are mostly
// runs, so a million of them take kilobytes.
type seqSet map[uint64]uint64

func (s seqSet) has(seq uint64) bool { return s[seq>>6]&(1<<(seq&63)) != 0 }
func (s seqSet) add(seq uint64)      { s[seq>>6] |= 1 << (seq & 63) }

// seqHere is the seq a bundle's history entry has in this database: the
// stored one it matched, or its own after this database's last.
func (im *importer) seqHere(bundleSeq uint64) uint64 {
	if seq, ok := im.seqFound[bundleSeq]; ok {
		return seq
	}
	return im.seqBase + bundleSeq
}

func (im *importer) errf(line int, format string, args ...any) {
	im.errs = append(im.errs, model.FileError{File: im.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// stream decodes the bundle on its own goroutine while this one checks
// and writes what it decoded: decoding and writing each take about as
// long, and the machine has more than one core.
func (im *importer) stream(name string, read func(emit func(int, any)) (model.FileErrors, bool)) (errs model.FileErrors, broken bool) {
	type batch []lined[any]
	batches := make(chan batch, 8)
	var panicked any
	done := false
	go func() {
		defer close(batches)
		defer func() { panicked = recover() }()
		var b batch
		errs, broken = read(func(line int, rec any) {
			if b = append(b, lined[any]{rec, line}); len(b) == 256 {
				batches <- b
				b = nil
			}
		})
		if len(b) > 0 {
			batches <- b
		}
		done = true
	}()
	for b := range batches {
		for _, l := range b {
			if im.failed == nil { // after a write error, only drain
				im.add(l.rec, l.line)
			}
		}
	}
	if panicked != nil || !done {
		im.failed = fmt.Errorf("impor %s: %v", name, panicked)
		return model.FileErrors{{File: name, Msg: fmt.Sprint(panicked)}}, true
	}
	return errs, broken
}

// add checks one record and, when it is sound, writes it.
func (im *importer) add(rec any, line int) {
	switch r := rec.(type) {
	case satkerRec:
		addChecked(im, r, line, im.checkSatker, im.applySatker)
	case evalRec:
		addChecked(im, r, line, im.checkEvaluation, im.applyEvaluation)
	case answerRec:
		addChecked(im, r, line, im.checkAnswer, im.applyAnswer)
	case changeRec:
		addChecked(im, r, line, im.checkChange, im.applyChange)
	case instrumentRec:
		if in := im.checkInstrument(r, line); in != nil {
			im.write(func() error { return im.applyInstrument(in) })
		}
	case rekRec:
		im.reks = append(im.reks, lined[rekRec]{r, line})
	}
}

// addChecked writes r with apply when check, which may amend it, finds it
// sound.
func addChecked[T any](im *importer, r T, line int, check func(*T, int) bool, apply func(T) error) {
	if check(&r, line) {
		im.write(func() error { return apply(r) })
	}
}

// finish runs the checks that needed the whole file, and, when the file
// is sound, writes what waited for them and the derived records.
func (im *importer) finish(broken bool) error {
	if !broken {
		im.checkLate()
	}
	if len(im.errs) > 0 {
		sort.SliceStable(im.errs, func(i, j int) bool { return im.errs[i].Line < im.errs[j].Line })
		return importError{im.errs}
	}
	im.write(im.applyLate)
	return im.failed
}

// instrument finds an instrument by hash in the bundle or the database.
func (im *importer) instrument(hash string) *model.Instrument {
	if in, ok := im.insts[hash]; ok {
		return in
	}
	if hash == "" || len(hash) > maxIDLen {
		return nil
	}
	in, err := im.t.instrument(hash)
	if err != nil {
		return nil
	}
	im.insts[hash] = in
	return in
}

// evaluation finds an answer's evaluation in the bundle or the database.
func (im *importer) evaluation(id string) (evalRec, bool) {
	if e, ok := im.evals[id]; ok {
		return e.rec, true
	}
	var e evalRec
	if badID(id) {
		return e, false
	}
	ok, err := im.t.get(bucketEvaluations, id, &e)
	return e, ok && err == nil
}
