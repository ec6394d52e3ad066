package store

import (
	"testing"

	"github.com/kemenag-ortala/ziwb/model"
)

// BenchmarkDashboardBuild5000 is opening the dashboard on 5,000 satkers:
// read every summary, resolve the instruments, build the rows.
func BenchmarkDashboardBuild5000(b *testing.B) {
	db := openBench5000(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := db.Dashboard(model.RoundPick{})
		if err != nil || len(d.Rows) != 5000 {
			b.Fatal(len(d.Rows), err)
		}
	}
}

// BenchmarkDashboardFilterSort5000 is one keystroke on the dashboard of
// 5,000 satkers: filter every row, then sort what is left.
func BenchmarkDashboardFilterSort5000(b *testing.B) {
	d := benchDashboard(b)
	for _, c := range []struct {
		name string
		f    model.DashboardFilter
		sort string
	}{
		{"all-by-total", model.DashboardFilter{}, "-total"},
		{"all-by-name", model.DashboardFilter{}, "name"},
		{"region-text-by-area", model.DashboardFilter{Region: "jawa", Text: "uji"}, "-sdm"},
		{"kind-result-by-delta", model.DashboardFilter{Kind: model.KUA, Result: model.ResultNone}, "delta"},
	} {
		b.Run(c.name, func(b *testing.B) {
			key, err := d.ParseSort(c.sort)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				rows := d.Filter(c.f)
				d.Sort(rows, key)
			}
		})
	}
}

// BenchmarkDashboardGroupDistribute5000 is the grouped view and the
// distribution of 5,000 satkers.
func BenchmarkDashboardGroupDistribute5000(b *testing.B) {
	d := benchDashboard(b)
	rows := d.Filter(model.DashboardFilter{})
	b.ReportAllocs()
	for b.Loop() {
		if gs := model.GroupRows(rows, model.GroupRegion); len(gs) == 0 {
			b.Fatal("no groups")
		}
		d.Distribute(rows, 10)
	}
}

func benchDashboard(b *testing.B) model.Dashboard {
	b.Helper()
	db := openBench5000(b)
	d, err := db.Dashboard(model.RoundPick{})
	if err != nil || len(d.Rows) != 5000 {
		b.Fatal(len(d.Rows), err)
	}
	return d
}
