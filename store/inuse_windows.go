package store

import (
	"errors"

	"golang.org/x/sys/windows"
)

// inUse says whether a file could not be replaced because another program
// holds it open: Excel keeps a workbook it shows open and locked, and
// Windows refuses to rename over it.
func inUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED)
}
