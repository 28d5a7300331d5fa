package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

var bakedPNG = filepath.Join("..", "..", "backend", "openbadges", "testdata", "ob2-baked.png")

func TestCredentialsImportABakedPNGThenListIt(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, "--data-dir", dir, "profile", "set", "--name", "Ana Lima", "--email", "ana.lima@example.org"); r.code != ExitOK {
		t.Fatalf("profile: %+v", r)
	}
	r := run(t, "--data-dir", dir, "credentials", "import", bakedPNG)
	if r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	for _, want := range []string{`Recorded "AI in Pedagogy: Practitioner" (ob2-png)`, "Northfield Teacher Academy",
		"[passed] It was issued to ana.lima@example.org", "[not checked] Could not check offline whether the issuer has revoked it"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = run(t, "--data-dir", dir, "credentials", "list", "--json")
	var list []workspace.CredentialView
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || r.code != ExitOK {
		t.Fatalf("list --json: %v %+v", err, r)
	}
	if len(list) != 1 || list[0].Name != "AI in Pedagogy: Practitioner" || list[0].Badge == nil || list[0].Badge.Issuer != "Northfield Teacher Academy" {
		t.Fatalf("list = %+v", list)
	}
	if r := run(t, "--data-dir", dir, "credentials", "list"); !strings.Contains(r.stdout, "AI in Pedagogy: Practitioner") {
		t.Fatalf("list: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "credentials", "import", bakedPNG); r.code != ExitFailed || !strings.Contains(r.stderr, "already in your credentials") {
		t.Fatalf("a second import of the same badge: %+v", r)
	}
}

func TestCredentialsImportRefusesMalformedFilesClearly(t *testing.T) {
	dir := t.TempDir()
	files := map[string]struct {
		data []byte
		want string
	}{
		"notes.txt":   {[]byte("my badge is great"), "not an Open Badges file"},
		"broken.json": {[]byte(`{"@context": "https://w3id.org/openbadges/v2", "type": `), "ends in the middle of its JSON"},
		"empty.png":   {nil, "The file is empty"},
	}
	for name, f := range files {
		path := filepath.Join(t.TempDir(), name)
		os.WriteFile(path, f.data, 0o600)
		r := run(t, "--data-dir", dir, "credentials", "import", path)
		if r.code != ExitFailed || !strings.Contains(r.stderr, f.want) {
			t.Errorf("import %s: code %d, stderr %q; want %q", name, r.code, r.stderr, f.want)
		}
	}
	if r := run(t, "--data-dir", dir, "credentials", "list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("refused files were recorded: %s", r.stdout)
	}
	if r := run(t, "--data-dir", dir, "credentials", "import"); r.code != ExitUsage {
		t.Fatalf("import without a file: %+v", r)
	}
}

func TestCredentialsAddWithACertificateAndRemove(t *testing.T) {
	dir := t.TempDir()
	cert := filepath.Join(t.TempDir(), "certificate.pdf")
	os.WriteFile(cert, []byte("%PDF-1.4\n%%EOF\n"), 0o600)
	r := run(t, "--data-dir", dir, "credentials", "add", "--name", "Google Certified Educator Level 2", "--issuer", "Google for Education",
		"--earned", "2025-06-01", "--expires", "2028-06-01", "--url", "https://edu.example.org/verify/1", "--file", cert)
	if r.code != ExitOK {
		t.Fatalf("add: %+v", r)
	}
	id := strings.TrimSpace(r.stdout)
	if r := run(t, "--data-dir", dir, "credentials", "add", "--name", "X", "--earned", "June"); r.code != ExitUsage || !strings.Contains(r.stderr, "YYYY-MM-DD") {
		t.Fatalf("a bad date: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "credentials", "remove", id); r.code != ExitOK {
		t.Fatalf("remove: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "credentials", "list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("after remove: %s", r.stdout)
	}
}

func TestAddToolEvaluationAndPolicyGuidance(t *testing.T) {
	dir := t.TempDir()
	r := run(t, "--data-dir", dir, "add", "--kind", "tool_evaluation", "--title", "QuillMate review", "--tool", "QuillMate",
		"--vendor", "Quill Labs", "--date", "2026-10-02", "--score", "accuracy=2:3 of 40 sources invented", "--score", "cost_sustainability=4",
		"--recommendation", "pilot_further", "--json")
	if r.code != ExitOK {
		t.Fatalf("add tool_evaluation: %+v", r)
	}
	var e portfolio.Entry
	if err := json.Unmarshal([]byte(r.stdout), &e); err != nil {
		t.Fatal(err)
	}
	d := e.Evaluation
	if d == nil || d.Tool != "QuillMate" || e.StartDate != "2026-10-02" || d.Scores[1].Score != 2 || d.Scores[1].Notes != "3 of 40 sources invented" ||
		d.Scores[5].Score != 4 || d.Recommendation != portfolio.RecommendPilotFurther || len(d.Rubric.Criteria) != 6 {
		t.Fatalf("evaluation = %+v", e)
	}
	r = run(t, "--data-dir", dir, "add", "--kind", "policy_guidance", "--title", "AI guidance", "--body", "Lakeview Unified",
		"--body-level", "district", "--role", "co_author", "--stage", "adopted", "--summary", "Three levels of AI use.")
	if r.code != ExitOK {
		t.Fatalf("add policy_guidance: %+v", r)
	}
	entries := listJSON(t, dir)
	if len(entries) != 2 || entries[1].Guidance == nil || entries[1].Guidance.Role != portfolio.RoleCoAuthor || entries[1].Guidance.Stage != portfolio.StageAdopted {
		t.Fatalf("entries = %+v", entries)
	}
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--kind", "policy_guidance", "--title", "X", "--tool", "Y"}, ExitUsage, "--tool is for --kind tool_evaluation only"},
		{[]string{"--kind", "tool_evaluation", "--title", "X", "--score", "vibes=3"}, ExitUsage, "has no criterion \"vibes\""},
		{[]string{"--kind", "tool_evaluation", "--title", "X", "--score", "accuracy=7"}, ExitUsage, "not on the rubric's scale"},
		{[]string{"--kind", "tool_evaluation", "--title", "X", "--recommendation", "buy"}, ExitUsage, "adopt, pilot_further or do_not_adopt"},
		{[]string{"--kind", "policy_guidance", "--title", "X", "--role", "ghost"}, ExitUsage, "author, co_author"},
	} {
		r := run(t, append([]string{"--data-dir", dir, "add"}, bad.args...)...)
		if r.code != bad.code || !strings.Contains(r.stderr, bad.want) {
			t.Errorf("add %v: code %d, stderr %q; want %d and %q", bad.args, r.code, r.stderr, bad.code, bad.want)
		}
	}
	if n := len(listJSON(t, dir)); n != 2 {
		t.Fatalf("refused adds stored entries: %d", n)
	}
}

func TestRubricImportShowReset(t *testing.T) {
	dir := t.TempDir()
	r := run(t, "--data-dir", dir, "rubric", "show", "--json")
	if r.code != ExitOK || !strings.Contains(r.stdout, `"format": "readyfolio-rubric"`) {
		t.Fatalf("show --json: %+v", r)
	}
	district := strings.Replace(strings.Replace(r.stdout, `"ReadyFolio AI tool evaluation rubric"`, `"Lakeview AI review"`, 1),
		`"readyfolio-ai-tool-evaluation"`, `"lakeview"`, 1)
	file := filepath.Join(t.TempDir(), "district.json")
	os.WriteFile(file, []byte(district), 0o600)
	if r := run(t, "--data-dir", dir, "rubric", "import", file); r.code != ExitOK || !strings.Contains(r.stdout, "Lakeview AI review") {
		t.Fatalf("import: %+v", r)
	}
	r = run(t, "--data-dir", dir, "add", "--kind", "tool_evaluation", "--title", "Tutor bot", "--json")
	if !strings.Contains(r.stdout, `"name": "Lakeview AI review"`) {
		t.Fatalf("a new evaluation does not use the district's rubric:\n%s", r.stdout)
	}
	if r := run(t, "--data-dir", dir, "rubric", "reset"); r.code != ExitOK {
		t.Fatalf("reset: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "rubric", "show"); !strings.Contains(r.stdout, "ReadyFolio AI tool evaluation rubric") || !strings.Contains(r.stdout, "built in") {
		t.Fatalf("show after reset: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "rubric", "import", filepath.Join(t.TempDir(), "missing.json")); r.code != ExitUsage || !strings.Contains(r.stderr, "Cannot read missing.json") {
		t.Fatalf("import of a missing file: %+v", r)
	}
}
