//go:build windows

package atomicfile

import "golang.org/x/sys/windows"

var errNoSpace error = windows.ERROR_DISK_FULL
