// Package disktest gives tests a full disk: a tiny tmpfs mounted in a temporary folder. The
// full-disk tests in backend and app share it. Only tests import it.
package disktest

import (
	"os/exec"
	"runtime"
	"testing"
)

// Tiny mounts a tmpfs of the given size (e.g. "2m") in a temporary folder and unmounts it when
// the test ends, or skips the test where mounting is not possible (not Linux, not root).
func Tiny(t testing.TB, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("a full disk is simulated with a tmpfs mount, which needs Linux")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a %s tmpfs to fill (%v: %s); the full-disk path is not tested here", size, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}
