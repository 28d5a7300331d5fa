//go:build !windows

package backup

import (
	"errors"
	"syscall"
)

// isNoSpace reports whether err comes from a full disk.
func isNoSpace(err error) bool { return errors.Is(err, syscall.ENOSPC) }
