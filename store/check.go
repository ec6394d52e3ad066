package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/kemenag-ortala/ziwb/model"
)

// Problem is one thing Check found wrong.
type Problem struct {
	Where string // the record: "satker kankemenag-magelang", "jawaban …/PMPZI mp.pemenuhan.1"
	What  string
}

func (p Problem) String() string { return p.Where + ": " + p.What }

// Check runs bbolt's consistency check on the file and ziwb's own: every
// record decodes, every answer belongs to an evaluation, every evaluation
// to a satker and a stored instrument, every value is valid for its
// instrument, every recommendation belongs to an evaluation of its satker
// and names a node of its instrument, the derived records match the
// canonical ones, and every history index entry points at an entry. No
// problems: an empty list.
func (db *DB) Check() []Problem {
	var ps []Problem
	add := func(where, format string, args ...any) {
		ps = append(ps, Problem{where, fmt.Sprintf(format, args...)})
	}
	err := db.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() { // drain: the checker reads the tx until it closes the channel
			add("berkas "+db.path, "%s", boltDetail(err))
		}
		if len(ps) > 0 {
			return nil // the pages are not sound; reading records could fault
		}
		c := checker{t: txn{db: db, tx: tx}, add: add}
		c.instruments()
		c.satkers()
		c.evaluations()
		c.work()
		c.rekomendasi()
		c.derived()
		return nil
	})
	if err != nil {
		add("berkas "+db.path, "%v", err)
	}
	return ps
}

type checker struct {
	t        txn
	add      func(where, format string, args ...any)
	insts    map[string]*model.Instrument
	satkerOK map[string]bool
	names    map[string]bool   // the name keys the satkers should have
	targets  map[string]string // satker id → target
	evals    map[string]evalRec
}

func (c *checker) instruments() {
	c.insts = map[string]*model.Instrument{}
	c.t.bucket(bucketInstruments).ForEach(func(k, v []byte) error {
		in, err := parseStored(string(k), bytes.Clone(v))
		if err != nil {
			c.add("instrumen "+short(string(k)), "%v", err)
			return nil
		}
		c.insts[string(k)] = in
		return nil
	})
}

func (c *checker) satkers() {
	c.satkerOK, c.targets, c.names = map[string]bool{}, map[string]string{}, map[string]bool{}
	checkRecords(c, c.t.bucket(bucketSatkers), "satker", func(where, k string, r satkerRec) {
		c.satkerOK[k], c.targets[k] = true, r.Target
		c.names[string(nameKey(r))] = true
		c.keyed(where, r.ID, k)
		if err := r.model().Validate(); err != nil {
			c.add(where, "%v", err)
		}
	})
}

func (c *checker) evaluations() {
	c.evals = map[string]evalRec{}
	checkRecords(c, c.t.bucket(bucketEvaluations), "evaluasi", func(where, k string, r evalRec) {
		c.evals[k] = r
		c.keyed(where, r.ID, k)
		if err := r.model().Validate(); err != nil {
			c.add(where, "%v", err)
		}
		if !c.satkerOK[r.Satker] {
			c.add(where, "satker %q tidak ada", r.Satker)
		}
		if in, ok := c.insts[r.InstrumentHash]; !ok {
			c.add(where, "instrumen %s (%s) tidak tersimpan", r.Instrument, short(r.InstrumentHash))
		} else if in.ID != r.Instrument {
			c.add(where, "instrumen tersimpan ber-id %q, bukan %q", in.ID, r.Instrument)
		}
	})
}

// checkRecords hands fn each record of b decoded as a T, with its key and
// the place its problems are told at ("satker ID"); a record that does not
// decode is a problem itself.
func checkRecords[T any](c *checker, b *bolt.Bucket, what string, fn func(where, k string, r T)) {
	b.ForEach(func(k, v []byte) error {
		where := what + " " + string(k)
		var r T
		if err := decode(v, &r); err != nil {
			c.add(where, "rekaman tidak terbaca: %v", err)
			return nil
		}
		fn(where, string(k), r)
		return nil
	})
}

// keyed checks that a record's id is the key it is stored under.
func (c *checker) keyed(where, id, key string) {
	if id != key {
		c.add(where, "id di rekaman %q berbeda dengan kuncinya", id)
	}
}

// work checks every record of the work bucket: answers, history entries
// and states, each against what it belongs to.
func (c *checker) work() {
	w := c.t.work()
	var last uint64
	w.ForEach(func(k, v []byte) error {
		owner, kind, rest, ok := splitWorkKey(k)
		if !ok {
			c.add(fmt.Sprintf("kunci %q", k), "kunci tidak sah")
			return nil
		}
		switch kind {
		case kindAnswer:
			c.answer(owner, rest, v)
		case kindChange:
			r, err := decodeChange(k, v)
			if err != nil {
				c.add(fmt.Sprintf("riwayat %q", k), "rekaman tidak terbaca")
				return nil
			}
			last = max(last, r.Seq)
		case kindState:
			if _, ok := c.evals[owner]; !ok {
				c.add("keadaan "+owner, "evaluasinya tidak ada")
			}
		default:
			c.add(fmt.Sprintf("kunci %q", k), "jenis rekaman %q tidak dikenal", kind)
		}
		return nil
	})
	if seq := w.Sequence(); seq < last {
		c.add("riwayat", "nomor urut berikutnya %d tidak melewati entri terakhir %d", seq, last)
	}
	if w.journal != nil {
		w.journal.ForEach(func(k, v []byte) error {
			if !journalValue(v) {
				c.add(fmt.Sprintf("jurnal %q", k), "penanda rekaman tidak dikenal")
			}
			return nil
		})
	}
}

func (c *checker) answer(evalID string, rest, v []byte) {
	r, err := answerEntry(evalID, rest, v)
	qid := r.Question
	where := fmt.Sprintf("jawaban %s %s", evalID, qid)
	if r.Level != 0 {
		where += " (" + r.Level.String() + ")"
	}
	if err != nil {
		c.add(where, "rekaman tidak terbaca: %v", err)
		return
	}
	e, ok := c.evals[evalID]
	if !ok {
		c.add(where, "evaluasi %q tidak ada", evalID)
		return
	}
	in, ok := c.insts[e.InstrumentHash]
	if !ok {
		return // reported with the evaluation
	}
	q, ok := in.Question(qid)
	if !ok {
		c.add(where, "pertanyaan tidak ada di instrumen %s", in.ID)
		return
	}
	if _, err := checkValue(q, r.Value); err != nil {
		c.add(where, "%v", err)
	}
	if r.empty() {
		c.add(where, "rekaman kosong tersimpan")
	}
}

// derived compares each evaluation's state and each satker's list record
// with what the canonical records give.
func (c *checker) derived() {
	var room model.Rescorer
	for id, e := range c.evals {
		where := "keadaan evaluasi " + id
		st, ok, err := c.t.state(id)
		if err != nil || !ok {
			c.add(where, "tidak ada atau tidak terbaca: %v", err)
			continue
		}
		vals, err := c.t.valuesFromAnswers(id)
		in, found := c.insts[e.InstrumentHash]
		if err != nil || !found || !c.satkerOK[e.Satker] {
			continue // reported with the answers or the evaluation
		}
		want, err := stateRecord(in, c.targets[e.Satker], positions(in, vals), st.Updated, &room)
		if err != nil {
			c.add(where, "%v", err)
			continue
		}
		if !bytes.Equal(c.t.work().Get(stateKey(id)), want) {
			c.add(where, "tidak sama dengan jawaban tersimpan")
		}
	}
	sb := c.t.bucket(bucketSummaries)
	for id := range c.satkerOK {
		want, err := c.t.buildSummary(id)
		if err != nil {
			c.add("ringkasan satker "+id, "%v", err)
			continue
		}
		if got := sb.Get([]byte(id)); got == nil || !bytes.Equal(got, want) {
			c.add("ringkasan satker "+id, "tidak sama dengan rekaman satker dan evaluasinya")
		}
	}
	sb.ForEach(func(k, _ []byte) error {
		if !c.satkerOK[string(k)] {
			c.add("ringkasan satker "+string(k), "satkernya tidak ada")
		}
		return nil
	})
	found := 0
	c.t.bucket(bucketNames).ForEach(func(k, _ []byte) error {
		if c.names[string(k)] {
			found++
		} else {
			c.add(fmt.Sprintf("urutan nama %q", k), "tidak sama dengan nama satker mana pun")
		}
		return nil
	})
	if found != len(c.names) {
		c.add("urutan nama", "%d satker tidak tercantum", len(c.names)-found)
	}
}

// rekomendasi checks every recommendation against its evaluation.
func (c *checker) rekomendasi() {
	b := c.t.rekBucket()
	if b == nil {
		return
	}
	checkRecords(c, b, "rekomendasi", func(where, k string, r rekRec) {
		c.keyed(where, r.ID, k)
		if p := r.problem(); p != "" {
			c.add(where, "%s", p)
		}
		e, ok := c.evals[r.Evaluation]
		switch {
		case !ok:
			c.add(where, "evaluasi %q tidak ada", r.Evaluation)
		case e.Satker != r.Satker:
			c.add(where, "satker %q, padahal evaluasinya milik %q", r.Satker, e.Satker)
		case !c.satkerOK[r.Satker]:
			c.add(where, "satker %q tidak ada", r.Satker)
		default:
			if in, ok := c.insts[e.InstrumentHash]; ok && !nodeKnown(in, r.Node) {
				c.add(where, "komponen %q tidak ada di instrumen %s", r.Node, in.ID)
			}
		}
	})
}
