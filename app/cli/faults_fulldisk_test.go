package cli

// Full-disk fault tests of the command line (issue 6): what the educator sees when export,
// backup, attaching a file or importing a package runs out of space on a tiny tmpfs that the
// test mounts. Each command must exit 1 with one plain sentence saying the disk is full (never
// "Internal error"), leave nothing on the full disk, and `check` must pass afterwards. Linux
// and root (or CAP_SYS_ADMIN) only; elsewhere they skip.

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/disktest"
)

func faultsNoise(t *testing.T, name string, size int) string {
	t.Helper()
	data := make([]byte, size)
	rand.Read(data)
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// faultsWantDiskFull checks a command's result: exit 1 and one sentence on stderr that says the
// disk is full and names want (a file or folder), nothing on stdout.
func faultsWantDiskFull(t *testing.T, what string, r result, want string) {
	t.Helper()
	msg := strings.TrimSpace(r.stderr)
	switch {
	case r.code != ExitFailed:
		t.Errorf("%s: exit %d, want %d: %+v", what, r.code, ExitFailed, r)
	case strings.Contains(msg, "Internal error") || !strings.Contains(msg, "disk is full"):
		t.Errorf("%s: the message does not say that the disk is full: %q", what, msg)
	case !strings.Contains(msg, want):
		t.Errorf("%s: the message does not name %s: %q", what, want, msg)
	case strings.Count(r.stderr, "\n") != 1 || r.stdout != "":
		t.Errorf("%s: want one line on stderr and nothing on stdout: %+v", what, r)
	default:
		t.Logf("%s: %s", what, msg)
	}
}

func faultsEmpty(t *testing.T, dir, when string) {
	t.Helper()
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("%s: left on the full disk: %v", when, left)
	}
}

func faultsCheckPasses(t *testing.T, dir, when string) {
	t.Helper()
	if r := run(t, "--data-dir", dir, "check"); r.code != ExitOK {
		t.Errorf("check %s: %+v", when, r)
	}
}

// TestFullDiskCommands: export pdf, export package and backup onto a full 2 MB disk, from a demo
// portfolio holding a 5 MB original; then add (with a file larger than the disk) and import (of a
// package larger than the disk) into a data folder on a 4 MB disk.
func TestFullDiskCommands(t *testing.T) {
	dir, pass := demoWithIdentity(t)
	if r := run(t, "--data-dir", dir, "add", "--kind", "artifact", "--title", "Recording of the debate", "--status", "ready",
		"--file", faultsNoise(t, "debate.bin", 5<<20)); r.code != ExitOK {
		t.Fatalf("add: %+v", r)
	}
	before := listJSON(t, dir)
	pkg := filepath.Join(t.TempDir(), "portfolio.zip") // with room, for the import below
	if r := run(t, "--data-dir", dir, "export", "package", "--out", pkg, "--passphrase-file", pass); r.code != ExitOK {
		t.Fatalf("export package with room: %+v", r)
	}

	full := disktest.Tiny(t, "2m")
	for _, c := range []struct {
		what string
		args []string
		out  string
	}{
		{"export pdf", []string{"export", "pdf", "--passphrase-file", pass, "--out"}, "portfolio.pdf"},
		{"export package", []string{"export", "package", "--passphrase-file", pass, "--out"}, "package.zip"},
		{"backup", []string{"backup", "--out"}, "backup.zip"},
	} {
		out := filepath.Join(full, c.out)
		r := run(t, append(append([]string{"--data-dir", dir}, c.args...), out)...)
		faultsWantDiskFull(t, c.what+" onto a full disk", r, out)
		faultsEmpty(t, full, "after "+c.what)
	}
	if after := listJSON(t, dir); len(after) != len(before) {
		t.Errorf("the portfolio has %d entries after the failed exports, want %d", len(after), len(before))
	}
	faultsCheckPasses(t, dir, "after the failed exports and backup")

	// The data folder on a disk too small for what comes in.
	small := filepath.Join(disktest.Tiny(t, "4m"), "data")
	r := run(t, "--data-dir", small, "add", "--kind", "artifact", "--title", "Too big for the disk",
		"--file", faultsNoise(t, "notes.bin", 100<<10), "--file", faultsNoise(t, "film.bin", 5<<20))
	faultsWantDiskFull(t, "add with a 5 MB file", r, "film.bin")
	if entries := listJSON(t, small); len(entries) != 0 {
		t.Errorf("after the failed add the portfolio holds %d entries, want none", len(entries))
	}
	if tmp, _ := os.ReadDir(filepath.Join(small, "artifacts", "tmp")); len(tmp) != 0 {
		t.Errorf("left in artifacts/tmp after the failed add: %v", tmp)
	}
	faultsCheckPasses(t, small, "after the failed add")

	r = run(t, "--data-dir", small, "import", pkg)
	faultsWantDiskFull(t, "import of a package larger than the disk", r, small)
	if entries := listJSON(t, small); len(entries) != 0 {
		t.Errorf("after the failed import the portfolio holds %d entries, want none", len(entries))
	}
	if tmp, _ := os.ReadDir(filepath.Join(small, "artifacts", "tmp")); len(tmp) != 0 {
		t.Errorf("left in artifacts/tmp after the failed import: %v", tmp)
	}
	faultsCheckPasses(t, small, "after the failed import")

	// Room again: a file that fits goes in.
	if r := run(t, "--data-dir", small, "add", "--kind", "artifact", "--title", "Fits", "--file", faultsNoise(t, "notes.bin", 100<<10)); r.code != ExitOK {
		t.Errorf("add once the failures are over: %+v", r)
	}
	faultsCheckPasses(t, small, "at the end")
}
