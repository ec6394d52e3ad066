package model

import (
	"fmt"
	"strings"
	"testing"
)

// The whole table of who may do what: every level (and an outsider and
// an admin outside the team) against every status and action.
func TestDecideTable(t *testing.T) {
	team := Team{{"ani", Anggota}, {"kus", Ketua}, {"pri", Pengendali}}
	people := []struct {
		name  string
		admin bool
	}{{"ani", false}, {"kus", false}, {"pri", false}, {"orang", false}, {"adm", true}}
	// allowed[person][status][action] = status after; absent = refused.
	allowed := map[string]map[Status]map[Action]Status{
		"ani": {Draft: {ActEdit: Draft, ActSubmit: Submitted}},
		"kus": {Draft: {ActSetTeam: Draft},
			Submitted: {ActEdit: Submitted, ActApprove: Reviewed, ActReturn: Draft, ActSetTeam: Submitted},
			Reviewed:  {ActSetTeam: Reviewed}},
		"pri": {Draft: {ActSetTeam: Draft}, Submitted: {ActSetTeam: Submitted},
			Reviewed: {ActEdit: Reviewed, ActApprove: Final, ActReturn: Submitted, ActSetTeam: Reviewed},
			Final:    {ActReopen: Reviewed}},
		"adm": {Draft: {ActSetTeam: Draft}, Submitted: {ActSetTeam: Submitted}, Reviewed: {ActSetTeam: Reviewed},
			Final: {ActReopen: Reviewed}},
	}
	actions := append([]Action{ActEdit, ActSetTeam}, Actions...)
	for _, p := range people {
		for _, st := range Statuses {
			for _, act := range actions {
				name := fmt.Sprintf("%s/%s/%s", p.name, st, act)
				step, err := Decide(team, st, Actor{p.name, p.admin}, act, "ada alasan")
				want, ok := allowed[p.name][st][act]
				switch {
				case ok && err != nil:
					t.Errorf("%s: refused: %v", name, err)
				case ok && step.To != want:
					t.Errorf("%s: leads to %s, want %s", name, step.To, want)
				case !ok && err == nil:
					t.Errorf("%s: allowed (to %s), want refused", name, step.To)
				case !ok && !strings.Contains(err.Error(), "ditolak: "):
					t.Errorf("%s: message %q does not say it is refused", name, err)
				}
			}
		}
	}
}

func TestDecideMessages(t *testing.T) {
	team := Team{{"ani", Anggota}, {"kus", Ketua}, {"pri", Pengendali}}
	for _, tc := range []struct {
		who    Actor
		st     Status
		act    Action
		reason string
		want   string
	}{
		{Actor{Name: "ani"}, Submitted, ActEdit, "", "ani adalah anggota; pada status diajukan giliran ketua"},
		{Actor{Name: "orang"}, Draft, ActEdit, "", "orang bukan anggota tim evaluasi ini"},
		{Actor{Name: "pri"}, Final, ActEdit, "", "sudah final dan terkunci; buka dulu dengan alasan"},
		{Actor{Name: "kus"}, Submitted, ActReturn, "  ", "alasan wajib diisi"},
		{Actor{Name: "pri"}, Final, ActReopen, "", "alasan wajib diisi"},
		{Actor{Name: "kus"}, Final, ActReopen, "x", "hanya pengendali teknis evaluasi ini atau admin"},
		{Actor{Name: "kus"}, Draft, ActApprove, "", "masih draft; anggota mengajukannya dulu"},
		{Actor{Name: "ani"}, Draft, ActSetTeam, "", "hanya admin, ketua atau pengendali"},
	} {
		_, err := Decide(team, tc.st, tc.who, tc.act, tc.reason)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s %s: %v; want it to say %q", tc.who.Name, tc.st, tc.act, err, tc.want)
		}
	}
}

// Without a team one evaluator takes every step, at the level the status
// gives.
func TestDecideAlone(t *testing.T) {
	who := Actor{Name: "siapa saja"}
	for st, lvl := range map[Status]Level{Draft: Anggota, Submitted: Ketua, Reviewed: Pengendali} {
		if step, err := Decide(nil, st, who, ActEdit, ""); err != nil || step.Level != lvl {
			t.Errorf("%s: %+v %v; want level %s", st, step, err, lvl)
		}
	}
	if _, err := Decide(nil, Final, who, ActReopen, "koreksi"); err != nil {
		t.Errorf("reopen alone: %v", err)
	}
}

func TestParseTeam(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"budi (anggota), sari (Ketua Tim), rahmat (pengendali teknis)", "budi (anggota), sari (ketua), rahmat (pengendali)", ""},
		{"budi, sari (dalnis)", "budi (anggota), sari (pengendali)", ""},
		{"", "", ""},
		{"budi (kepala)", "", "pilih anggota, ketua atau pengendali"},
		{"budi, Budi (ketua)", "", "disebut dua kali"},
		{" (ketua)", "", "nama wajib diisi"},
	} {
		got, err := ParseTeam(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseTeam(%q) error %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || got.String() != tc.want):
			t.Errorf("ParseTeam(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestEffectiveAndReasons(t *testing.T) {
	y, n := Letter("Y"), Letter("T")
	levels := map[Level]Answer{Anggota: {Value: n, Level: Anggota}, Pengendali: {Note: "catatan saja", Level: Pengendali}}
	if a, ok := Effective(levels); !ok || a.Level != Anggota {
		t.Errorf("a note alone does not count: %+v", a)
	}
	if _, need := NeedsReason(levels, Ketua, y); !need {
		t.Error("ketua changing T to Y needs a reason")
	}
	if _, need := NeedsReason(levels, Ketua, n); need {
		t.Error("ketua confirming T needs no reason")
	}
	if _, need := NeedsReason(levels, Anggota, y); need {
		t.Error("the anggota never needs a reason")
	}
	byQ := map[string]map[Level]Answer{"q": {Anggota: {Value: n}, Ketua: {Value: y}}, "r": {Pengendali: {Value: y}}}
	if v := ValuesUpTo(byQ, Anggota); v["q"] != n || len(v) != 1 {
		t.Errorf("anggota's values %v", v)
	}
	if v := ValuesUpTo(byQ, Pengendali); v["q"] != y || v["r"] != y {
		t.Errorf("pengendali's values %v", v)
	}
}

func TestPreviousRound(t *testing.T) {
	ev := func(year int, st Stage) Evaluation {
		return Evaluation{ID: EvaluationID("s", year, st), Year: year, Stage: st}
	}
	all := []Evaluation{ev(2024, StageTPI), ev(2025, StageTPI), ev(2025, StagePMPZI), ev(2026, StageTPI), ev(2026, StageTPILapangan)}
	for _, tc := range []struct {
		e    Evaluation
		want string
	}{
		{ev(2026, StageTPI), "s/2025/TPI"},
		{ev(2026, StageTPILapangan), "s/2026/TPI"},
		{ev(2024, StageTPI), ""},
		{Evaluation{ID: "s/2026/TPI", Year: 2026, Stage: StageTPI, From: "s/2024/TPI"}, "s/2024/TPI"},
	} {
		got, ok := PreviousRound(tc.e, all)
		if (tc.want == "" && ok) || (tc.want != "" && got.ID != tc.want) {
			t.Errorf("PreviousRound(%s from %q) = %s, %v; want %q", tc.e.ID, tc.e.From, got.ID, ok, tc.want)
		}
	}
}
