package model

// The three-way merge of field work: a field as it was when the work was
// taken out (base), as it is here (ours) and as it comes back (theirs).
// A side that did not change the field gives way to the side that did;
// both changing it alike is agreement; both changing it differently is a
// conflict that a person decides — nothing is overwritten silently.

// Side is one version of a field: Present is false where the record does
// not exist (not yet made, or deleted).
type Side[T comparable] struct {
	Value   T
	Present bool
}

// Have is a present value.
func Have[T comparable](v T) Side[T] { return Side[T]{v, true} }

// Outcome is what a merge does with one field.
type Outcome int

const (
	KeepOurs   Outcome = iota // theirs did not change it, or both agree
	TakeTheirs                // only theirs changed it (or made it)
	Conflict                  // both changed it, differently
)

func (o Outcome) String() string {
	return [...]string{"tetap", "ambil", "konflik"}[o]
}

// Merge3 decides one field. Without a base (neither side knew the record
// before) a field made on one side only is taken, and made on both sides
// alike is agreement, differently a conflict.
func Merge3[T comparable](base, ours, theirs Side[T]) Outcome {
	switch {
	case ours == theirs:
		return KeepOurs
	case theirs == base:
		return KeepOurs // theirs did not touch it
	case ours == base:
		return TakeTheirs // only theirs changed it
	}
	return Conflict
}
