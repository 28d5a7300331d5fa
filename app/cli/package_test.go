package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/ziptest"
)

// TestPackageExportVerifyAndTamper is the acceptance from the command line: export a
// package from a demo folder, verify it (exit 0), change one byte of an original (exit 1,
// naming it), and hand verify something that is not a package (exit 2).
func TestPackageExportVerifyAndTamper(t *testing.T) {
	dir, pass := demoWithIdentity(t)
	out := filepath.Join(t.TempDir(), "portfolio.zip")
	r := run(t, "--data-dir", dir, "export", "package", "--out", out, "--passphrase-file", pass)
	if r.code != 0 || !strings.Contains(r.stdout, "original files") {
		t.Fatalf("export package: %+v", r)
	}
	v := run(t, "verify", out, "--json")
	var report struct {
		Valid     bool
		Problems  []struct{ File, Message string }
		Portfolio struct {
			Name               string
			Entries, Artifacts int
		}
	}
	if err := json.Unmarshal([]byte(v.stdout), &report); err != nil || v.code != 0 || !report.Valid ||
		report.Portfolio.Name != "Zoë Ñúñez-Łukasz" || report.Portfolio.Entries == 0 || report.Portfolio.Artifacts == 0 {
		t.Fatalf("verify --json (%v): %+v\n%s", err, v, v.stdout)
	}
	if again := run(t, "--data-dir", dir, "export", "package", "--out", out, "--passphrase-file", pass); again.code == 0 || !strings.Contains(again.stderr, "already exists") {
		t.Errorf("a second export over the first: %+v", again)
	}

	data, _ := os.ReadFile(out)
	data, name := ziptest.FlipByte(t, data, "/data/artifacts/")
	tampered := filepath.Join(t.TempDir(), "tampered.zip")
	os.WriteFile(tampered, data, 0o600)
	bad := run(t, "verify", tampered)
	if bad.code != ExitFailed || !strings.Contains(bad.stdout, "NOT VALID") || !strings.Contains(bad.stdout, "problem: "+name+": ") {
		t.Errorf("verify of a changed original: %+v", bad)
	}

	notPackage := filepath.Join(t.TempDir(), "notes.zip")
	os.WriteFile(notPackage, []byte("PK but not really a zip"), 0o600)
	if r := run(t, "verify", notPackage); r.code != ExitUsage || !strings.Contains(r.stderr, "not a ReadyFolio package") {
		t.Errorf("verify of a broken zip: %+v", r)
	}
}
