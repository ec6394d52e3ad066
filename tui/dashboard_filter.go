package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// dashFilter is the filter the keys have set.
func (d *dashboardScreen) dashFilter() model.DashboardFilter {
	f := model.DashboardFilter{Text: d.filter.Value()}
	if d.kind > 0 {
		f.Kind = model.SatkerKinds[d.kind-1]
	}
	if d.target > 0 {
		f.Target = []string{model.WBK, model.WBBM}[d.target-1]
	}
	if d.result > 0 {
		f.Result = []string{model.WBBM, model.WBK, model.ResultNone}[d.result-1]
	}
	if d.province > 0 {
		f.Province = d.provs[d.province-1]
	}
	return f
}

// statusPick is the evaluation status the rows are filtered on; "" for
// every status.
func (d *dashboardScreen) statusPick() model.Status {
	if d.status > 0 {
		return model.Statuses[d.status-1]
	}
	return ""
}

func (d *dashboardScreen) filtered() bool {
	return d.filter.Value() != "" || d.kind != 0 || d.target != 0 || d.result != 0 ||
		d.province != 0 || d.status != 0 || d.want != (model.RoundPick{})
}

// describe says in words which satkers are shown: the filters in use.
func (d *dashboardScreen) describe() string {
	var parts []string
	if d.pick.Year != 0 {
		parts = append(parts, "tahun "+strconv.Itoa(d.pick.Year))
	}
	if d.pick.Stage != "" {
		parts = append(parts, "tahap "+string(d.pick.Stage))
	}
	f := d.dashFilter()
	if f.Text != "" {
		parts = append(parts, fmt.Sprintf("“%s”", f.Text))
	}
	if f.Kind != "" {
		parts = append(parts, string(f.Kind))
	}
	if f.Target != "" {
		parts = append(parts, "target "+f.Target)
	}
	if f.Result != "" {
		parts = append(parts, "hasil "+resultWord(f.Result))
	}
	if f.Province != "" {
		parts = append(parts, f.Province)
	}
	if st := d.statusPick(); st != "" {
		parts = append(parts, "status "+string(st))
	}
	return strings.Join(parts, " · ")
}

func resultWord(r string) string {
	if r == model.ResultNone || r == "" {
		return "belum ada predikat"
	}
	return r
}
