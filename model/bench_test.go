package model

import (
	"fmt"
	"testing"
)

// varied answers every question of in, differently per seed, so a batch of
// answer sets looks like many satkers at different levels.
func variedAnswers(in *Instrument, seed int) Answers {
	a := make(Answers, len(in.Questions()))
	for i, q := range in.Questions() {
		k := (seed*31 + i*7) % 5
		switch q.Type {
		case Percent:
			a[q.ID] = Num(float64(k * 25))
		case Number:
			a[q.ID] = Num(q.Range[0] + (q.Range[1]-q.Range[0])*float64(k)/4)
		default:
			a[q.ID] = Value{Choice: q.Options[k%len(q.Options)].Key}
		}
	}
	return a
}

func BenchmarkScoreFullLKE(b *testing.B) {
	in, _ := Builtin(DefaultInstrument)
	answers := variedAnswers(in, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Score(in, answers, "WBBM"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScore5000 is what the comparison dashboard does: score every
// satker's answers at once.
func BenchmarkScore5000(b *testing.B) {
	in, _ := Builtin(DefaultInstrument)
	sets := make([]Answers, 5000)
	for i := range sets {
		sets[i] = variedAnswers(in, i)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range sets {
			if _, err := Score(in, a, "WBK"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseBuiltin(b *testing.B) {
	in, _ := Builtin(DefaultInstrument)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("lke.yaml", in.Data); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleScore() {
	in, _ := Builtin(DefaultInstrument)
	answers := Answers{}
	for _, q := range in.Questions() {
		answers[q.ID] = q.Best()
	}
	answers["hasil.ipak"] = Num(3.5) // under the 3.60 every predicate needs
	sc, _ := Score(in, answers, "WBK")
	ipak, _ := sc.Node("hasil.bersih.ipak")
	fmt.Printf("total %s, result %q\n", Points(sc.Total), sc.Result)
	fmt.Printf("%s: %s of %s, %s\n", ipak.ID, Points(ipak.Score), Points(ipak.Max), ipak.Verdict)
	for _, m := range ipak.Missed {
		fmt.Printf("needs %s, short by %s\n", Points(m.Need), Points(m.Short()))
	}
	// Output:
	// total 97,81, result ""
	// hasil.bersih.ipak: 15,31 of 17,50, fail
	// needs 15,75, short by 0,44
}
