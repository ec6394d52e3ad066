package model

import (
	"errors"
	"fmt"
	"strings"
)

// FileError is one problem in a file, with where it is.
type FileError struct {
	File string
	Line int // 0 when the problem has no single line
	Msg  string
}

func (e FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// FileErrors is every problem found in one file, in line order.
type FileErrors []FileError

func (es FileErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// AsFileErrors returns the list of problems an error carries, if it carries any.
func AsFileErrors(err error) (FileErrors, bool) {
	var es FileErrors
	if errors.As(err, &es) {
		return es, true
	}
	return nil, false
}
