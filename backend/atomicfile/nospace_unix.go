//go:build !windows

package atomicfile

import "syscall"

var errNoSpace error = syscall.ENOSPC
