package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/model"
)

// dashboardKeys is the dashboard's key map and its help; the filter
// field's keys are the listFilter's.
type dashboardKeys struct {
	nav                                            navKeys
	Filter, ClearFilter, Year, Stage, Kind, Target key.Binding
	Result, Province, Status, Sort, Reverse, Group key.Binding
	Open, Gap, Mark, Compare, Distribution, Back   key.Binding
}

// dashboardNav: g groups and G is free here, so home and end alone go to
// the ends; no half pages.
func dashboardNav() navKeys {
	k := listNavKeys().withoutHalves()
	k.Top.SetKeys("home")
	k.Top.SetHelp("home", "paling atas")
	k.Bottom.SetKeys("end")
	k.Bottom.SetHelp("end", "paling bawah")
	return k
}

func newDashboardKeys() dashboardKeys {
	return dashboardKeys{
		nav:          dashboardNav(),
		Filter:       openFilterKey(),
		ClearFilter:  clearFilterKey(),
		Year:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "tahun")),
		Stage:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "tahap")),
		Kind:         key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "jenis satker")),
		Target:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "target")),
		Result:       key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "hasil")),
		Province:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "provinsi")),
		Status:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "status evaluasi")),
		Sort:         key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "urut")),
		Reverse:      key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "balik urutan")),
		Group:        key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "kelompok")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "buka")),
		Gap:          key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "PMPZI vs TPI")),
		Mark:         markKey(),
		Compare:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "bandingkan")),
		Distribution: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "sebaran")),
		Back:         backKey(),
	}
}

func (d *dashboardScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := d.keys
	if d.filter.Focused() {
		change, cmd := d.filter.edit(msg, func(up bool) {
			d.move(map[bool]int{true: -1, false: 1}[up])
		})
		if change != filterSame {
			d.refresh(d.selectedID())
		}
		return cmd
	}
	switch {
	case key.Matches(msg, k.ClearFilter):
		d.filter.SetValue("")
		d.kind, d.target, d.result, d.province, d.status = 0, 0, 0, 0, 0
		if d.want != (model.RoundPick{}) {
			return d.load(model.RoundPick{})
		}
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Back):
		return d.env.goBack()
	case !d.loaded:
	case key.Matches(msg, k.Filter):
		return d.filter.start()
	case key.Matches(msg, k.nav.Up):
		d.move(-1)
	case key.Matches(msg, k.nav.Down):
		d.move(1)
	case key.Matches(msg, k.nav.PageUp):
		d.move(-d.listHeight())
	case key.Matches(msg, k.nav.PageDown):
		d.move(d.listHeight())
	case key.Matches(msg, k.nav.Top):
		d.move(-len(d.lines))
	case key.Matches(msg, k.nav.Bottom):
		d.move(len(d.lines))
	case key.Matches(msg, k.Year):
		next := model.RoundPick{Stage: d.want.Stage}
		if i := slices.Index(d.years, d.want.Year); i+1 < len(d.years) {
			next.Year = d.years[i+1]
		}
		return d.load(next)
	case key.Matches(msg, k.Stage):
		next := model.RoundPick{Year: d.want.Year}
		if i := slices.Index(model.Stages, d.want.Stage); i+1 < len(model.Stages) {
			next.Stage = model.Stages[i+1]
		}
		return d.load(next)
	case key.Matches(msg, k.Kind):
		d.kind = (d.kind + 1) % (len(model.SatkerKinds) + 1)
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Target):
		d.target = (d.target + 1) % 3
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Result):
		d.result = (d.result + 1) % 4
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Province):
		d.province = (d.province + 1) % (len(d.provs) + 1)
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Status):
		d.status = (d.status + 1) % (len(model.Statuses) + 1)
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Sort):
		d.sortAt, d.reverse = (d.sortAt+1)%len(d.sorts), false
		d.reorder("")
	case key.Matches(msg, k.Reverse):
		d.reverse = !d.reverse
		d.reorder("")
	case key.Matches(msg, k.Group):
		d.group = map[model.GroupBy]model.GroupBy{model.GroupNone: model.GroupRegion,
			model.GroupRegion: model.GroupKind, model.GroupKind: model.GroupNone}[d.group]
		d.refresh(d.selectedID())
	case key.Matches(msg, k.Open):
		return d.env.open(newChooser(d.env, d.selectedID()))
	case key.Matches(msg, k.Gap):
		r := d.selected()
		return d.env.open(newGap(d.env, r.Satker.ID, r.Year))
	case key.Matches(msg, k.Mark):
		d.toggleMark(d.selected())
	case key.Matches(msg, k.Compare):
		return d.env.open(newSideBySide(d.env, slices.Clone(d.marked)))
	case key.Matches(msg, k.Distribution):
		return d.env.open(newDistribution(d.env, &d.dash, slices.Clone(d.shown), d.describe()))
	}
	return nil
}

func (d *dashboardScreen) Help() keyHelp {
	k := d.keys
	if d.filter.Focused() {
		return d.filter.help(false)
	}
	return keyHelp{
		short: bindings([]key.Binding{k.Open, k.Gap, k.Mark, k.Compare, k.Distribution, k.Sort, k.Group, k.ClearFilter, k.Back}),
		full: [][]key.Binding{
			{k.Open, k.Gap, k.Mark, k.Compare, k.Distribution},
			{k.Filter, k.Year, k.Stage, k.Kind, k.Target, k.Result, k.Province, k.Status, k.ClearFilter},
			{k.Sort, k.Reverse, k.Group},
			k.nav.bindings(),
		},
	}
}
