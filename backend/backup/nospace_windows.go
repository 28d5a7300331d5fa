//go:build windows

package backup

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// isNoSpace reports whether err comes from a full disk.
func isNoSpace(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL) || errors.Is(err, syscall.ENOSPC)
}
