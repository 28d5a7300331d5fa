//go:build !windows

package workspace

import "syscall"

var errNoSpace error = syscall.ENOSPC
