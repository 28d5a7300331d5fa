//go:build windows

package atomicfile

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// IsNoSpace reports whether err comes from a full disk.
func IsNoSpace(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL) || errors.Is(err, syscall.ENOSPC)
}
