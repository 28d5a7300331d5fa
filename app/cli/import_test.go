package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/ziptest"
)

// TestImportAPackageFromTheCommandLine exports a package from a demo folder and imports it into
// an empty one: every exported entry is listed there after, a second import finds them all
// already there, and bad input fails with the exit codes of the other commands.
func TestImportAPackageFromTheCommandLine(t *testing.T) {
	dir, pass := demoWithIdentity(t)
	pkg := filepath.Join(t.TempDir(), "portfolio.zip")
	if r := run(t, "--data-dir", dir, "export", "package", "--out", pkg, "--passphrase-file", pass); r.code != ExitOK {
		t.Fatalf("export package: %+v", r)
	}
	var exported []portfolio.Entry
	for _, e := range listJSON(t, dir) {
		if e.Status == portfolio.StatusReady && e.IncludeInExports {
			exported = append(exported, e)
		}
	}

	target := t.TempDir()
	r := run(t, "--data-dir", target, "import", pkg)
	if r.code != ExitOK || r.stderr != "" {
		t.Fatalf("import: %+v", r)
	}
	for _, want := range []string{"entries imported", "Profile: copied from the package (Zoë Ñúñez-Łukasz)", "OUTCOME", "imported  "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, r.stdout)
		}
	}
	listed := listJSON(t, target)
	if len(listed) != len(exported) || len(exported) == 0 {
		t.Fatalf("%d entries listed after import, %d exported", len(listed), len(exported))
	}
	for i, e := range listed {
		if e.ID != exported[i].ID || e.Title != exported[i].Title || !e.UpdatedAt.Equal(exported[i].UpdatedAt) ||
			len(e.Artifacts) != len(exported[i].Artifacts) {
			t.Errorf("entry %d: %s %q, want %s %q", i, e.ID, e.Title, exported[i].ID, exported[i].Title)
		}
		if !strings.Contains(r.stdout, e.ID) {
			t.Errorf("the report does not list %s", e.ID)
		}
	}
	if c := run(t, "--data-dir", target, "check"); c.code != ExitOK {
		t.Errorf("check after import: %+v", c)
	}

	again := run(t, "--data-dir", target, "import", pkg, "--json")
	var report struct {
		Imported, Identical int
		Profile             struct{ Outcome string }
		Entries             []struct{ ID, Outcome string }
	}
	if err := json.Unmarshal([]byte(again.stdout), &report); err != nil || again.code != ExitOK {
		t.Fatalf("import --json (%v): %+v", err, again)
	}
	if report.Imported != 0 || report.Identical != len(exported) || len(report.Entries) != len(exported) ||
		report.Entries[0].Outcome != "skipped_identical" || report.Profile.Outcome != "kept" {
		t.Errorf("importing again: %+v", report)
	}

	// Bad input: usage and unreadable files exit 2, a package that fails verification exits 1.
	data, _ := os.ReadFile(pkg)
	tampered := filepath.Join(t.TempDir(), "tampered.zip")
	data, name := ziptest.FlipByte(t, data, "/data/artifacts/")
	os.WriteFile(tampered, data, 0o600)
	text := filepath.Join(t.TempDir(), "notes.zip")
	os.WriteFile(text, []byte("meeting notes, not a package"), 0o600)
	empty := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"import"}, ExitUsage, "import FILE.zip"},
		{[]string{"import", pkg, pkg}, ExitUsage, "import FILE.zip"},
		{[]string{"import", filepath.Join(empty, "missing.zip")}, ExitUsage, "Cannot read"},
		{[]string{"import", text}, ExitUsage, "not a ReadyFolio package"},
		{[]string{"import", tampered}, ExitFailed, name},
	} {
		r := run(t, append([]string{"--data-dir", empty}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: %+v, want exit %d saying %q", c.args, r, c.code, c.says)
		}
	}
	if left := listJSON(t, empty); len(left) != 0 {
		t.Errorf("refused imports left %d entries", len(left))
	}
}
