package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/backup"
	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/ziptest"
)

// TestBackupAndRestoreFromTheCommandLine backs up a demo folder with an identity, restores it
// into a new folder (which then checks healthy and lists the same entries), restores again over
// it (backing it up first), and refuses with a window holding the folder.
func TestBackupAndRestoreFromTheCommandLine(t *testing.T) {
	dir, _ := demoWithIdentity(t)
	out := filepath.Join(t.TempDir(), "backup.zip")
	r := run(t, "--data-dir", dir, "backup", "--out", out)
	if r.code != ExitOK || r.stderr != "" || !strings.Contains(r.stdout, "Wrote "+out) || !strings.Contains(r.stdout, "read back and verified") ||
		!strings.Contains(r.stdout, "the signing identity") {
		t.Fatalf("backup: %+v", r)
	}
	if again := run(t, "--data-dir", dir, "backup", "--out", out); again.code != ExitFailed || !strings.Contains(again.stderr, "already exists") {
		t.Errorf("a backup over an existing file: %+v", again)
	}
	if r := run(t, "--data-dir", dir, "backup"); r.code != ExitUsage || !strings.Contains(r.stderr, "--out") {
		t.Errorf("backup without --out: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "backup", "--out", out, "extra"); r.code != ExitUsage {
		t.Errorf("backup with an argument: %+v", r)
	}
	nowhere := filepath.Join(t.TempDir(), "typo")
	if r := run(t, "--data-dir", nowhere, "backup", "--out", filepath.Join(t.TempDir(), "x.zip")); r.code != ExitFailed || !strings.Contains(r.stderr, "no data folder") {
		t.Errorf("backup of a missing folder: %+v", r)
	}
	if _, err := os.Stat(nowhere); err == nil {
		t.Error("backup created the missing data folder")
	}
	jsonOut := filepath.Join(t.TempDir(), "b.zip")
	r = run(t, "--data-dir", dir, "backup", "--out", jsonOut, "--json")
	var report struct {
		Path               string
		Entries, Artifacts int
		Identity           bool
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil || r.code != ExitOK || report.Path != jsonOut ||
		report.Entries == 0 || report.Artifacts == 0 || !report.Identity {
		t.Fatalf("backup --json (%v): %+v", err, r)
	}

	restored := filepath.Join(t.TempDir(), "restored")
	r = run(t, "--data-dir", restored, "restore", out)
	if r.code != ExitOK || r.stderr != "" || !strings.Contains(r.stdout, "Restored ") || !strings.Contains(r.stdout, "into "+restored) ||
		strings.Contains(r.stdout, "backed up first") {
		t.Fatalf("restore into a new folder: %+v", r)
	}
	if c := run(t, "--data-dir", restored, "check"); c.code != ExitOK || !strings.Contains(c.stdout, "Healthy") {
		t.Errorf("check of the restored folder: %+v", c)
	}
	if got, want := listJSON(t, restored), listJSON(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("the restored folder lists %d entries, the original %d, or they differ", len(got), len(want))
	}
	if s := run(t, "--data-dir", restored, "identity", "show"); s.code != ExitOK || !strings.Contains(s.stdout, "Zoë") {
		t.Errorf("identity show in the restored folder: %+v", s)
	}

	r = run(t, "restore", jsonOut, "--data-dir", restored, "--json")
	var rr struct {
		Dir      string
		Previous string
		Backup   struct{ Entries int }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rr); err != nil || r.code != ExitOK || rr.Dir != restored ||
		!strings.HasPrefix(rr.Previous, filepath.Join(restored, "backups", "readyfolio-before-restore-")) || rr.Backup.Entries != report.Entries {
		t.Fatalf("restore --json over a portfolio (%v): %+v", err, r)
	}
	if _, err := os.Stat(rr.Previous); err != nil {
		t.Errorf("the safety backup: %v", err)
	}

	held, err := datadir.Acquire(restored)
	if err != nil {
		t.Fatal(err)
	}
	r = run(t, "--data-dir", restored, "restore", out)
	held.Release()
	if r.code != ExitFailed || !strings.Contains(r.stderr, "open in a ReadyFolio window") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("restore into a folder a window holds: %+v", r)
	}
	r = run(t, "--data-dir", restored, "restore", out)
	if r.code != ExitOK || !strings.Contains(r.stdout, "The previous portfolio was backed up first to "+filepath.Join(restored, "backups")) {
		t.Errorf("restore over a portfolio: %+v", r)
	}
}

// TestRestoreRefusesBadInputWithExitCodes: 2 for what is not a backup (or no file), 1 for a
// damaged or too new one; each says why in one line, and the folder is not created.
func TestRestoreRefusesBadInputWithExitCodes(t *testing.T) {
	dir, pass := demoWithIdentity(t)
	good := filepath.Join(t.TempDir(), "backup.zip")
	if r := run(t, "--data-dir", dir, "backup", "--out", good); r.code != ExitOK {
		t.Fatalf("backup: %+v", r)
	}
	pkg := filepath.Join(t.TempDir(), "package.zip")
	if r := run(t, "--data-dir", dir, "export", "package", "--out", pkg, "--passphrase-file", pass); r.code != ExitOK {
		t.Fatalf("export package: %+v", r)
	}
	data, _ := os.ReadFile(good)
	tmp := t.TempDir()
	write := func(name string, content []byte) string {
		p := filepath.Join(tmp, name)
		os.WriteFile(p, content, 0o600)
		return p
	}
	tampered, victim := ziptest.FlipByte(t, data, "/data/artifacts/")

	cases := []struct {
		name string
		args []string
		code int
		says []string
	}{
		{"no file", []string{"restore"}, ExitUsage, []string{"restore FILE.zip"}},
		{"two files", []string{"restore", good, good}, ExitUsage, []string{"restore FILE.zip"}},
		{"unknown flag", []string{"restore", good, "--force"}, ExitUsage, []string{"-force"}},
		{"missing file", []string{"restore", filepath.Join(tmp, "nope.zip")}, ExitUsage, []string{"Cannot read the backup"}},
		{"text file", []string{"restore", write("notes.txt", []byte("hello\n"))}, ExitUsage, []string{"is not a ReadyFolio backup"}},
		{"truncated zip", []string{"restore", write("half.zip", data[:len(data)/2])}, ExitUsage, []string{"is not a ReadyFolio backup, or it is damaged"}},
		{"submission package", []string{"restore", pkg}, ExitUsage, []string{"is a submission package, not a backup"}},
		{"tampered artifact", []string{"restore", write("tampered.zip", tampered)}, ExitFailed, []string{"damaged or was changed", victim}},
		{"newer format", []string{"restore", write("v2.zip", withVersion(t, data, "2"))}, ExitFailed, []string{"newer version of ReadyFolio", "Update ReadyFolio"}},
	}
	target := filepath.Join(t.TempDir(), "new")
	for _, c := range cases {
		r := run(t, append([]string{"--data-dir", target}, c.args...)...)
		if r.code != c.code || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("%s: %+v, want exit %d and one line", c.name, r, c.code)
		}
		for _, s := range c.says {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("%s: %q does not say %q", c.name, r.stderr, s)
			}
		}
		if _, err := os.Stat(target); err == nil {
			t.Fatalf("%s created the data folder", c.name)
		}
	}
}

// withVersion rebuilds a backup as a newer version would write it: the same payload, its
// ReadyFolio-Backup-Version field set to version, the manifests consistent.
func withVersion(t *testing.T, data []byte, version string) []byte {
	t.Helper()
	return ziptest.Rebag(t, data, ziptest.Change{Info: ziptest.SetField(backup.VersionField, version)})
}
