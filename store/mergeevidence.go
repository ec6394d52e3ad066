package store

import (
	"strconv"
	"strings"

	"github.com/kemenag-ortala/ziwb/model"
)

// An evidence item has no id of its own: the walk edits a list of
// title, location and checked. The merge follows each item from the
// base: on each side, the item of the same title and location is that
// item, and one whose title or location alone changed is that item
// edited. Each item then merges as one record of three fields, so a
// location changed on one side and the item checked on the other is
// one item with both changes, never a removal plus an addition.

// evidenceName names an item as conflicts and resolutions find it.
func evidenceName(e evidenceRec) string { return e.Title + "\x00" + e.Location }

// followBase matches each item of side to the base item it is: the same
// title and location first, then the same title, then the same location.
// It returns, per item of side, the base index or -1 (added there).
func followBase(base, side []evidenceRec) []int {
	to := make([]int, len(side))
	for i := range to {
		to[i] = -1
	}
	taken := make([]bool, len(base))
	for _, same := range []func(a, b evidenceRec) bool{
		func(a, b evidenceRec) bool { return a.Title == b.Title && a.Location == b.Location },
		func(a, b evidenceRec) bool { return a.Title == b.Title },
		func(a, b evidenceRec) bool { return a.Location == b.Location },
	} {
		for i, e := range side {
			if to[i] >= 0 {
				continue
			}
			for j, b := range base {
				if !taken[j] && same(b, e) {
					to[i], taken[j] = j, true
					break
				}
			}
		}
	}
	return to
}

// evSide is one side's version of an item; ok is false where it has none.
type evSide struct {
	e  evidenceRec
	ok bool
}

// evidence merges an evidence list item by item: items added on either
// side are kept, an item removed on one side and untouched on the other
// goes, an item's fields changed on one side each are all taken, and an
// item changed on both sides differently (or removed on one and changed
// on the other) is one conflict on that item.
func (m *merger) evidence(c Conflict, base, ours, theirs []evidenceRec) []evidenceRec {
	c.Field = fieldEvidence
	type item struct{ b, o, t evSide }
	items := map[string]*item{}
	var order []string
	at := func(k string) *item {
		if items[k] == nil {
			items[k] = &item{}
			order = append(order, k)
		}
		return items[k]
	}
	key := func(to []int, i int, e evidenceRec) string {
		if to[i] >= 0 {
			return "\x01" + strconv.Itoa(to[i]) // the base item, edited or not
		}
		return evidenceName(e) // added: both sides adding it alike is one item
	}
	// The order is ours, then what the bundle adds; when only the bundle
	// changed the list, the bundle's own order.
	toOurs, toTheirs := followBase(base, ours), followBase(base, theirs)
	sides := []struct {
		list []evidenceRec
		mine bool
	}{{ours, true}, {theirs, false}}
	if !m.locked && evidenceText(ours) == evidenceText(base) {
		sides[0], sides[1] = sides[1], sides[0]
	}
	for _, sd := range sides {
		to := toTheirs
		if sd.mine {
			to = toOurs
		}
		for i, e := range sd.list {
			it := at(key(to, i, e))
			if to[i] >= 0 {
				it.b = evSide{base[to[i]], true}
			}
			if sd.mine {
				it.o = evSide{e, true}
			} else {
				it.t = evSide{e, true}
			}
		}
	}
	var out []evidenceRec
	for _, k := range order {
		it := items[k]
		keep, conflict := m.evidenceItem(it.b, it.o, it.t)
		cc := c
		cc.Item = evidenceName(it.t.e)
		if it.o.ok {
			cc.Item = evidenceName(it.o.e)
		}
		if conflict {
			names := false
			for _, s := range []evSide{it.b, it.t} {
				names = names || s.ok && evidenceName(s.e) != cc.Item
			}
			if it.o.ok && it.t.ok && evidenceName(it.t.e) != cc.Item {
				cc.TheirsItem = evidenceName(it.t.e)
			}
			m.field(cc, evidenceItemText(it.b, names), evidenceItemText(it.o, names), evidenceItemText(it.t, names), true, true)
			keep = it.o
			if m.policy == MergeTheirs {
				keep = it.t
			}
		} else {
			for _, s := range []evSide{it.o, it.t, keep} {
				if s.ok {
					ac := c
					ac.Item = evidenceName(s.e)
					m.agreed = append(m.agreed, conflictID(ac))
				}
			}
		}
		if keep.ok {
			out = append(out, keep.e)
		}
	}
	return out
}

// evidenceItem merges one item: its title, location and checked each
// three-way when both sides have it, else whether it is there at all.
func (m *merger) evidenceItem(b, o, t evSide) (keep evSide, conflict bool) {
	if !o.ok || !t.ok {
		whole := func(s evSide) model.Side[evidenceRec] { return model.Side[evidenceRec]{Value: s.e, Present: s.ok} }
		switch model.Merge3(whole(b), whole(o), whole(t)) {
		case model.TakeTheirs:
			if m.locked {
				return o, true
			}
			m.rep.Applied++
			return t, false
		case model.Conflict:
			return o, true
		}
		return o, false
	}
	next, taken := o.e, false
	field := func(base, ours, theirs string) string {
		bs := model.Side[string]{Value: base, Present: b.ok}
		switch model.Merge3(bs, model.Have(ours), model.Have(theirs)) {
		case model.TakeTheirs:
			taken = true
			return theirs
		case model.Conflict:
			conflict = true
		}
		return ours
	}
	next.Title = field(b.e.Title, o.e.Title, t.e.Title)
	next.Location = field(b.e.Location, o.e.Location, t.e.Location)
	next.Checked = field(checkedText(b.e.Checked), checkedText(o.e.Checked), checkedText(t.e.Checked)) != ""
	if conflict || taken && m.locked {
		return o, true
	}
	if taken {
		m.rep.Applied++
	}
	return evSide{next, true}, false
}

func checkedText(b bool) string {
	if b {
		return "diperiksa"
	}
	return ""
}

// evidenceItemText says how one evidence item stands on one side; with
// names, also its title and location, as the sides name it differently.
func evidenceItemText(s evSide, names bool) string {
	if !s.ok {
		return ""
	}
	text := "ada"
	if s.e.Checked {
		text = "ada, diperiksa"
	}
	if names {
		text += ": " + strings.TrimSpace(s.e.Title+" — "+s.e.Location)
	}
	return text
}

// evidenceChecked reads evidenceItemText's checked mark back.
func evidenceChecked(text string) bool { return strings.HasPrefix(text, "ada, diperiksa") }
