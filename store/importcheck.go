package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// The checks of an import: each record as it is read, against the bundle
// so far and the database, and at the end those that need the whole file.

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

func (im *importer) checkInstrument(r instrumentRec, line int) *model.Instrument {
	if first, ok := im.bundleInst[r.Hash]; ok {
		im.errf(line, "instrumen %s ganda (pertama di baris %d)", r.Hash, first)
		return nil
	}
	im.bundleInst[r.Hash] = line
	sum := sha256.Sum256([]byte(r.Source))
	if hex.EncodeToString(sum[:]) != r.Hash {
		im.errf(line, "instrumen %s: sidik sha256 %q tidak cocok dengan isinya", r.ID, short(r.Hash))
		return nil
	}
	in, err := model.Parse("instrumen "+r.ID, []byte(r.Source))
	if err != nil {
		first := err.Error()
		if es, ok := model.AsFileErrors(err); ok && len(es) > 0 {
			first = fmt.Sprintf("%s (dan %d kesalahan lain)", es[0].Error(), len(es)-1)
		}
		im.errf(line, "instrumen %s tidak sah: %s", r.ID, first)
		return nil
	}
	if in.ID != r.ID {
		im.errf(line, "instrumen ber-id %q, tetapi rekamannya menyebut %q", in.ID, r.ID)
		return nil
	}
	im.insts[r.Hash] = in
	return in
}

func (im *importer) checkSatker(r *satkerRec, line int) bool {
	r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC()
	if badID(r.ID) {
		im.errf(line, "satker: id %q tidak sah", r.ID)
		return false
	}
	if dup(im, im.satkers, r.ID, line, "satker") {
		return false
	}
	ok := true
	if err := r.model().Validate(); err != nil {
		im.errf(line, "satker %s: %v", r.ID, err)
		ok = false
	}
	if r.Created.IsZero() || r.Updated.IsZero() {
		im.errf(line, "satker %s: \"created\" dan \"updated\" wajib diisi", r.ID)
		ok = false
	}
	return ok
}

// checkEvaluation checks an evaluation on its own and against the stored
// one; its satker and its instrument are checked once all is read.
func (im *importer) checkEvaluation(r *evalRec, line int) bool {
	r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC()
	if badID(r.ID) || badID(r.Satker) {
		im.errf(line, "evaluasi: id %q atau satker %q tidak sah", r.ID, r.Satker)
		return false
	}
	if first, ok := im.evals[r.ID]; ok {
		im.errf(line, "evaluasi %s ganda (pertama di baris %d)", r.ID, first.line)
		return false
	}
	im.evals[r.ID] = lined[evalRec]{*r, line}
	if err := r.model().Validate(); err != nil {
		im.errf(line, "evaluasi %s: %v", r.ID, err)
		return false
	}
	ok := true
	if r.Created.IsZero() || r.Updated.IsZero() {
		im.errf(line, "evaluasi %s: \"created\" dan \"updated\" wajib diisi", r.ID)
		ok = false
	}
	var stored evalRec
	if found, err := im.t.get(bucketEvaluations, r.ID, &stored); err != nil {
		im.errf(line, "%v", err)
		ok = false
	} else if found && stored.InstrumentHash != r.InstrumentHash && !im.touchedEvals[r.ID] {
		im.errf(line, "evaluasi %s di basis data memakai instrumen lain (%s %s, bundel: %s %s); tidak bisa digabung",
			r.ID, stored.Instrument, short(stored.InstrumentHash), r.Instrument, short(r.InstrumentHash))
		ok = false
	}
	return ok
}

// checkAnswer checks an answer on its own, and against its question when
// its evaluation's instrument is known already; else the question waits.
func (im *importer) checkAnswer(r *answerRec, line int) bool {
	r.At = r.At.UTC()
	where := r.Evaluation + " " + r.Question
	if badID(r.Evaluation) || badID(r.Question) {
		im.errf(line, "jawaban: evaluasi %q atau pertanyaan %q tidak sah", r.Evaluation, r.Question)
		return false
	}
	if r.Level < 0 || r.Level > model.Pengendali {
		im.errf(line, "jawaban %s: tingkat %d tidak sah", where, r.Level)
		return false
	}
	r.Level = storedLevel(r.Level)
	slot := r.Question
	if r.Level != 0 {
		slot = string(answerKey("", r.Question, r.Level)[2:]) // one slot per question and level
		where += " (" + r.Level.String() + ")"
	}
	e, q := intern(im.evalNo, r.Evaluation), intern(im.qNo, slot)
	lines := im.answerLines[e]
	if int(q) < len(lines) && lines[q] != 0 {
		im.errf(line, "jawaban %s ganda (pertama di baris %d)", where, lines[q])
		return false
	}
	if int(q) >= len(lines) {
		lines = append(lines, make([]int32, int(q)+1-len(lines))...)
	}
	lines[q] = int32(line)
	im.answerLines[e] = lines
	ok := true
	if r.empty() {
		im.errf(line, "jawaban %s: tidak berisi nilai, catatan maupun eviden", where)
		ok = false
	}
	if r.At.IsZero() {
		im.errf(line, "jawaban %s: \"at\" wajib diisi", where)
		ok = false
	}
	for j, ev := range r.Evidence {
		if ev.Title == "" && ev.Location == "" {
			im.errf(line, "jawaban %s: eviden %d tanpa judul maupun lokasi", where, j+1)
			ok = false
		}
	}
	if e, found := im.evaluation(r.Evaluation); found {
		if in := im.instrument(e.InstrumentHash); in != nil {
			v, good := im.checkValue(in, r.Evaluation, r.Question, r.Value, line)
			r.Value = v
			return ok && good
		}
	}
	im.pending = append(im.pending, pendingAnswer{r.Evaluation, r.Question, r.Level, r.Value, line})
	return ok
}

// checkValue checks a value against its question and returns it in its
// normal form.
func (im *importer) checkValue(in *model.Instrument, evalID, qid string, v model.Value, line int) (model.Value, bool) {
	q, ok := in.Question(qid)
	if !ok {
		im.errf(line, "jawaban %s %s: pertanyaan %q tidak ada di instrumen %s", evalID, qid, qid, in.ID)
		return v, false
	}
	nv, err := checkValue(q, v)
	if err != nil {
		im.errf(line, "jawaban %s %s: %v", evalID, qid, err)
		return v, false
	}
	return nv, true
}

// intern numbers strings in the order they are first seen.
func intern(m map[string]uint32, s string) uint32 {
	n, ok := m[s]
	if !ok {
		n = uint32(len(m))
		m[s] = n
	}
	return n
}

// checkChange checks a history entry. Whatever it reverts or belongs with
// comes before it in the file, as every bundle ziwb writes has it.
func (im *importer) checkChange(r *changeRec, line int) bool {
	r.At = r.At.UTC()
	if r.Seq == 0 {
		im.errf(line, "riwayat: \"seq\" wajib diisi (bilangan bulat positif)")
		return false
	}
	if im.seqSeen.has(r.Seq) {
		im.errf(line, "riwayat: seq %d ganda (sudah ada lebih dulu di bundel)", r.Seq)
		return false
	}
	im.seqSeen.add(r.Seq)
	before := func(seq uint64) bool { return seq < r.Seq && im.seqSeen.has(seq) }
	switch {
	case badID(r.Satker) || r.Field == "" || len(r.Field) > maxIDLen:
		im.errf(line, "riwayat %d: \"satker\" dan \"field\" wajib diisi", r.Seq)
	case r.Evaluation != "" && badID(r.Evaluation), r.Question != "" && badID(r.Question):
		im.errf(line, "riwayat %d: evaluasi atau pertanyaan tidak sah", r.Seq)
	case r.Question != "" && r.Evaluation == "":
		im.errf(line, "riwayat %d: pertanyaan tanpa evaluasi", r.Seq)
	case r.At.IsZero():
		im.errf(line, "riwayat %d: \"at\" wajib diisi", r.Seq)
	case r.Seq > math.MaxUint64/2:
		im.errf(line, "riwayat %d: nomor urut terlalu besar", r.Seq)
	case r.Undoes != 0 && !before(r.Undoes):
		im.errf(line, "riwayat %d: mengurungkan entri %d yang tidak ada sebelumnya di bundel", r.Seq, r.Undoes)
	case r.Group != 0 && r.Group != r.Seq && !before(r.Group):
		im.errf(line, "riwayat %d: \"group\" %d bukan entri sebelumnya di bundel", r.Seq, r.Group)
	default:
		return true
	}
	return false
}

// checkLate checks what needed the whole file: each evaluation's satker
// and instrument, the answers that waited for their instrument, and the
// recommendations.
func (im *importer) checkLate() {
	for id, l := range im.evals {
		r := l.rec
		if _, ok := im.satkers[r.Satker]; !ok && im.t.bucket(bucketSatkers).Get([]byte(r.Satker)) == nil {
			im.errf(l.line, "evaluasi %s: satker %q tidak ada di bundel maupun di basis data", id, r.Satker)
		}
		switch in := im.instrument(r.InstrumentHash); {
		case in == nil:
			im.errf(l.line, "evaluasi %s: instrumen %s (%s) tidak ada di bundel maupun di basis data", id, r.Instrument, short(r.InstrumentHash))
		case in.ID != r.Instrument:
			im.errf(l.line, "evaluasi %s: instrumen bersidik %s ber-id %q, bukan %q", id, short(r.InstrumentHash), in.ID, r.Instrument)
		}
	}
	for _, p := range im.pending {
		e, ok := im.evaluation(p.eval)
		if !ok {
			im.errf(p.line, "jawaban %s %s: evaluasi %q tidak ada di bundel maupun di basis data", p.eval, p.q, p.eval)
			continue
		}
		if in := im.instrument(e.InstrumentHash); in != nil {
			im.checkValue(in, p.eval, p.q, p.value, p.line)
		} // else reported with the evaluation
	}
	im.checkRekomendasi()
}
