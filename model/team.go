package model

import (
	"fmt"
	"strings"
)

// An evaluation's team: its members, and the level at which each of them
// works.

// Level is a member's place in an evaluation's team: the anggota scores,
// the ketua reviews and corrects, the pengendali teknis signs off. Each
// level answers in its own column; the highest level's answer counts.
type Level int

const (
	NoLevel    Level = 0
	Anggota    Level = 1
	Ketua      Level = 2
	Pengendali Level = 3
)

// Levels lists the levels from the lowest.
var Levels = []Level{Anggota, Ketua, Pengendali}

func (l Level) String() string {
	switch l {
	case Anggota:
		return "anggota"
	case Ketua:
		return "ketua"
	case Pengendali:
		return "pengendali"
	}
	return ""
}

// Title is the level as a heading: "Pengendali Teknis".
func (l Level) Title() string {
	switch l {
	case Anggota:
		return "Anggota Tim"
	case Ketua:
		return "Ketua Tim"
	case Pengendali:
		return "Pengendali Teknis"
	}
	return ""
}

// MarshalText writes the level by name, as files and bundles hold it.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a level by name; empty is no level.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = NoLevel
		return nil
	}
	v, err := ParseLevel(string(b))
	*l = v
	return err
}

// ParseLevel accepts a level by name, in any case; "pengendali teknis"
// and "dalnis" are the pengendali.
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "anggota", "anggota tim":
		return Anggota, nil
	case "ketua", "ketua tim":
		return Ketua, nil
	case "pengendali", "pengendali teknis", "dalnis":
		return Pengendali, nil
	}
	return NoLevel, &FieldError{"tingkat", s, "pilih anggota, ketua atau pengendali"}
}

// Member is one person of an evaluation's team.
type Member struct {
	Name  string `json:"name"`
	Level Level  `json:"level"`
}

// Team is an evaluation's team. An empty team is one evaluator working
// alone, who acts at every level (a laptop, a satker's own PMPZI).
type Team []Member

// LevelOf is the highest level name holds in the team; NoLevel when name
// is not a member.
func (t Team) LevelOf(name string) Level {
	l := NoLevel
	for _, m := range t {
		if strings.EqualFold(m.Name, name) && m.Level > l {
			l = m.Level
		}
	}
	return l
}

// Names of the members at one level.
func (t Team) Names(l Level) []string {
	var out []string
	for _, m := range t {
		if m.Level == l {
			out = append(out, m.Name)
		}
	}
	return out
}

// String writes the team as ParseTeam reads it: "budi (anggota), sari (ketua)".
func (t Team) String() string {
	parts := make([]string, len(t))
	for i, m := range t {
		parts[i] = fmt.Sprintf("%s (%s)", m.Name, m.Level)
	}
	return strings.Join(parts, ", ")
}

// ParseTeam reads "budi (anggota), sari (ketua), rahmat (pengendali)"; a
// name with no level is an anggota. Names are not repeated.
func ParseTeam(s string) (Team, error) {
	var t Team
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, lvl := part, Anggota
		if i := strings.LastIndex(part, "("); i >= 0 && strings.HasSuffix(part, ")") {
			l, err := ParseLevel(part[i+1 : len(part)-1])
			if err != nil {
				return nil, err
			}
			name, lvl = strings.TrimSpace(part[:i]), l
		}
		if name == "" {
			return nil, &FieldError{"tim", part, "nama wajib diisi"}
		}
		if seen[strings.ToLower(name)] {
			return nil, &FieldError{"tim", name, "nama disebut dua kali"}
		}
		seen[strings.ToLower(name)] = true
		t = append(t, Member{name, lvl})
	}
	return t, nil
}
