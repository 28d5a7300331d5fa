//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

// IsNoSpace reports whether err comes from a full disk.
func IsNoSpace(err error) bool { return errors.Is(err, syscall.ENOSPC) }
