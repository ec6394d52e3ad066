package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Counts tallies what an import did with one kind of record.
type Counts struct {
	Added     int // new here
	Updated   int // replaced a stored record the bundle has a newer version of
	Unchanged int // already stored as it is
	Kept      int // the stored record is newer and stays
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

// Import reads a bundle (what Export writes) into the database in one
// transaction. Every problem in the file is reported, each with its line,
// and then nothing is written; otherwise everything is. A record new here
// is added; a stored record is replaced only by a newer one (Updated for
// satkers and evaluations, At for answers), with history entries saying
// what changed; history entries already here are not added twice. So
// importing the same bundle twice changes nothing the second time — not a
// byte of the file.
func (db *DB) Import(name string, data []byte, by string) (ImportStats, error) {
	b, readErrs := readBundle(name, data)
	if b == nil {
		return ImportStats{}, importError{readErrs}
	}
	var stats ImportStats
	err := db.update(func(tx *bolt.Tx) error {
		im := &importer{t: txn{db, tx}.bulk(), name: name, by: by, b: b, errs: readErrs}
		if err := im.check(); err != nil {
			return err
		}
		if err := im.apply(); err != nil {
			return err
		}
		stats = im.stats
		if !stats.Changed() {
			return errUnchanged
		}
		return nil
	})
	if err != nil {
		return ImportStats{}, err
	}
	return stats, nil
}

type importer struct {
	t     txn
	name  string
	by    string
	b     *bundleIn
	errs  model.FileErrors
	stats ImportStats

	insts map[string]*model.Instrument // by hash: the bundle's and those stored
	evals map[string]evalRec           // the bundle's evaluations by id
}

func (im *importer) errf(line int, format string, args ...any) {
	im.errs = append(im.errs, model.FileError{File: im.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// check validates every record against the format and the database.
func (im *importer) check() error {
	im.insts = map[string]*model.Instrument{}
	im.evals = map[string]evalRec{}
	im.checkInstruments()
	im.checkSatkers()
	im.checkEvaluations()
	im.checkAnswers()
	im.checkHistory()
	im.checkRekomendasi()
	if len(im.errs) > 0 {
		sort.SliceStable(im.errs, func(i, j int) bool { return im.errs[i].Line < im.errs[j].Line })
		return importError{im.errs}
	}
	return nil
}

// dup reports a second record with the same key.
func dup(im *importer, seen map[string]int, key string, line int, what string) bool {
	if first, ok := seen[key]; ok {
		im.errf(line, "%s %s ganda (pertama di baris %d)", what, key, first)
		return true
	}
	seen[key] = line
	return false
}

func badID(s string) bool { return s == "" || len(s) > maxIDLen || strings.ContainsRune(s, 0) }

func (im *importer) checkInstruments() {
	seen := map[string]int{}
	for _, l := range im.b.instruments {
		r := l.rec
		if dup(im, seen, r.Hash, l.line, "instrumen") {
			continue
		}
		sum := sha256.Sum256([]byte(r.Source))
		if hex.EncodeToString(sum[:]) != r.Hash {
			im.errf(l.line, "instrumen %s: sidik sha256 %q tidak cocok dengan isinya", r.ID, short(r.Hash))
			continue
		}
		in, err := model.Parse("instrumen "+r.ID, []byte(r.Source))
		if err != nil {
			first := err.Error()
			if es, ok := model.AsFileErrors(err); ok && len(es) > 0 {
				first = fmt.Sprintf("%s (dan %d kesalahan lain)", es[0].Error(), len(es)-1)
			}
			im.errf(l.line, "instrumen %s tidak sah: %s", r.ID, first)
			continue
		}
		if in.ID != r.ID {
			im.errf(l.line, "instrumen ber-id %q, tetapi rekamannya menyebut %q", in.ID, r.ID)
			continue
		}
		im.insts[r.Hash] = in
	}
}

func (im *importer) checkSatkers() {
	seen := map[string]int{}
	for i := range im.b.satkers {
		l := &im.b.satkers[i]
		r := &l.rec
		r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC()
		if badID(r.ID) {
			im.errf(l.line, "satker: id %q tidak sah", r.ID)
			continue
		}
		if dup(im, seen, r.ID, l.line, "satker") {
			continue
		}
		if err := r.model().Validate(); err != nil {
			im.errf(l.line, "satker %s: %v", r.ID, err)
		}
		if r.Created.IsZero() || r.Updated.IsZero() {
			im.errf(l.line, "satker %s: \"created\" dan \"updated\" wajib diisi", r.ID)
		}
	}
}

func (im *importer) checkEvaluations() {
	seen := map[string]int{}
	inBundle := map[string]bool{}
	for _, l := range im.b.satkers {
		inBundle[l.rec.ID] = true
	}
	for i := range im.b.evaluations {
		l := &im.b.evaluations[i]
		r := &l.rec
		r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC()
		if badID(r.ID) || badID(r.Satker) {
			im.errf(l.line, "evaluasi: id %q atau satker %q tidak sah", r.ID, r.Satker)
			continue
		}
		if dup(im, seen, r.ID, l.line, "evaluasi") {
			continue
		}
		if err := r.model().Validate(); err != nil {
			im.errf(l.line, "evaluasi %s: %v", r.ID, err)
			continue
		}
		if r.Created.IsZero() || r.Updated.IsZero() {
			im.errf(l.line, "evaluasi %s: \"created\" dan \"updated\" wajib diisi", r.ID)
		}
		if !inBundle[r.Satker] && im.t.bucket(bucketSatkers).Get([]byte(r.Satker)) == nil {
			im.errf(l.line, "evaluasi %s: satker %q tidak ada di bundel maupun di basis data", r.ID, r.Satker)
		}
		in := im.instrument(r.InstrumentHash)
		switch {
		case in == nil:
			im.errf(l.line, "evaluasi %s: instrumen %s (%s) tidak ada di bundel maupun di basis data", r.ID, r.Instrument, short(r.InstrumentHash))
			continue
		case in.ID != r.Instrument:
			im.errf(l.line, "evaluasi %s: instrumen bersidik %s ber-id %q, bukan %q", r.ID, short(r.InstrumentHash), in.ID, r.Instrument)
			continue
		}
		var stored evalRec
		if ok, err := im.t.get(bucketEvaluations, r.ID, &stored); err != nil {
			im.errf(l.line, "%v", err)
		} else if ok && stored.InstrumentHash != r.InstrumentHash {
			im.errf(l.line, "evaluasi %s di basis data memakai instrumen lain (%s %s, bundel: %s %s); tidak bisa digabung",
				r.ID, stored.Instrument, short(stored.InstrumentHash), r.Instrument, short(r.InstrumentHash))
			continue
		}
		im.evals[r.ID] = *r
	}
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
		return e, true
	}
	var e evalRec
	if badID(id) {
		return e, false
	}
	ok, err := im.t.get(bucketEvaluations, id, &e)
	return e, ok && err == nil
}

func (im *importer) checkAnswers() {
	seen := map[string]int{}
	for i := range im.b.answers {
		l := &im.b.answers[i]
		r := &l.rec
		r.At = r.At.UTC()
		where := r.Evaluation + " " + r.Question
		if badID(r.Evaluation) || badID(r.Question) {
			im.errf(l.line, "jawaban: evaluasi %q atau pertanyaan %q tidak sah", r.Evaluation, r.Question)
			continue
		}
		if dup(im, seen, where, l.line, "jawaban") {
			continue
		}
		e, ok := im.evaluation(r.Evaluation)
		if !ok {
			im.errf(l.line, "jawaban %s: evaluasi %q tidak ada di bundel maupun di basis data", where, r.Evaluation)
			continue
		}
		in := im.instrument(e.InstrumentHash)
		if in == nil {
			continue // reported with the evaluation
		}
		q, ok := in.Question(r.Question)
		if !ok {
			im.errf(l.line, "jawaban %s: pertanyaan %q tidak ada di instrumen %s", where, r.Question, in.ID)
			continue
		}
		v, err := checkValue(q, r.Value)
		if err != nil {
			im.errf(l.line, "jawaban %s: %v", where, err)
			continue
		}
		r.Value = v
		if r.empty() {
			im.errf(l.line, "jawaban %s: tidak berisi nilai, catatan maupun eviden", where)
		}
		if r.At.IsZero() {
			im.errf(l.line, "jawaban %s: \"at\" wajib diisi", where)
		}
		for j, ev := range r.Evidence {
			if ev.Title == "" && ev.Location == "" {
				im.errf(l.line, "jawaban %s: eviden %d tanpa judul maupun lokasi", where, j+1)
			}
		}
	}
}

func (im *importer) checkHistory() {
	seqs := map[uint64]int{}
	for _, l := range im.b.history {
		if l.rec.Seq == 0 {
			im.errf(l.line, "riwayat: \"seq\" wajib diisi (bilangan bulat positif)")
			continue
		}
		if first, ok := seqs[l.rec.Seq]; ok {
			im.errf(l.line, "riwayat: seq %d ganda (pertama di baris %d)", l.rec.Seq, first)
			continue
		}
		seqs[l.rec.Seq] = l.line
	}
	for i := range im.b.history {
		l := &im.b.history[i]
		r := &l.rec
		r.At = r.At.UTC()
		switch {
		case r.Seq == 0:
		case badID(r.Satker) || r.Field == "" || len(r.Field) > maxIDLen:
			im.errf(l.line, "riwayat %d: \"satker\" dan \"field\" wajib diisi", r.Seq)
		case r.Evaluation != "" && badID(r.Evaluation), r.Question != "" && badID(r.Question):
			im.errf(l.line, "riwayat %d: evaluasi atau pertanyaan tidak sah", r.Seq)
		case r.Question != "" && r.Evaluation == "":
			im.errf(l.line, "riwayat %d: pertanyaan tanpa evaluasi", r.Seq)
		case r.At.IsZero():
			im.errf(l.line, "riwayat %d: \"at\" wajib diisi", r.Seq)
		case r.Undoes != 0 && (r.Undoes >= r.Seq || seqs[r.Undoes] == 0):
			im.errf(l.line, "riwayat %d: mengurungkan entri %d yang tidak ada di bundel", r.Seq, r.Undoes)
		case r.Group != 0 && (r.Group > r.Seq || seqs[r.Group] == 0):
			im.errf(l.line, "riwayat %d: \"group\" %d bukan entri sebelumnya di bundel", r.Seq, r.Group)
		}
	}
}
