package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// caseDocument is a small CASE package: a document with two items, one nested in the other.
func caseDocument(title, childStatement string) string {
	return `{"CFPackage": {
  "CFDocument": {"identifier": "9f1c6a2e-0d5b-4c8e-9a1f-3b7d2e4c6a80", "uri": "https://example.org/case/doc",
    "creator": "Lakeview USD", "title": "` + title + `", "lastChangeDateTime": "2026-01-01T00:00:00Z"},
  "CFItems": [
    {"identifier": "a1111111-1111-4111-8111-111111111111", "uri": "https://example.org/case/a", "humanCodingScheme": "A",
     "fullStatement": "Plans AI use with colleagues", "lastChangeDateTime": "2026-01-01T00:00:00Z"},
    {"identifier": "b2222222-2222-4222-8222-222222222222", "uri": "https://example.org/case/b", "humanCodingScheme": "A.1",
     "fullStatement": "` + childStatement + `", "lastChangeDateTime": "2026-01-01T00:00:00Z"}
  ],
  "CFAssociations": [
    {"identifier": "c3333333-3333-4333-8333-333333333333", "uri": "https://example.org/case/c", "associationType": "isChildOf",
     "originNodeURI": {"title": "A", "identifier": "a1111111-1111-4111-8111-111111111111", "uri": "https://example.org/case/a"},
     "destinationNodeURI": {"title": "doc", "identifier": "9f1c6a2e-0d5b-4c8e-9a1f-3b7d2e4c6a80", "uri": "https://example.org/case/doc"},
     "sequenceNumber": 1, "lastChangeDateTime": "2026-01-01T00:00:00Z"},
    {"identifier": "d4444444-4444-4444-8444-444444444444", "uri": "https://example.org/case/d", "associationType": "isChildOf",
     "originNodeURI": {"title": "A.1", "identifier": "b2222222-2222-4222-8222-222222222222", "uri": "https://example.org/case/b"},
     "destinationNodeURI": {"title": "A", "identifier": "a1111111-1111-4111-8111-111111111111", "uri": "https://example.org/case/a"},
     "sequenceNumber": 1, "lastChangeDateTime": "2026-01-01T00:00:00Z"}
  ]}}`
}

type listedFramework struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Source       string `json:"source"`
	Version      string `json:"version"`
	Competencies int    `json:"competencies"`
}

func frameworksJSON(t *testing.T, dir string) []listedFramework {
	t.Helper()
	r := run(t, "--data-dir", dir, "frameworks", "list", "--json")
	var list []listedFramework
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &list) != nil {
		t.Fatalf("frameworks list --json: %+v", r)
	}
	return list
}

func TestBuiltInFrameworksAreThereFromTheStart(t *testing.T) {
	list := frameworksJSON(t, t.TempDir())
	counts := map[string]int{}
	for _, f := range list {
		counts[f.ID] = f.Competencies
		if f.Source == "" || f.Version == "" || f.Title == "" {
			t.Errorf("framework lacks title, source or version: %+v", f)
		}
	}
	if counts["unesco-ai-cft"] != 15 || counts["iste-educators"] != 24 || len(list) != 2 {
		t.Errorf("built-ins = %+v, want UNESCO 15 and ISTE 24", list)
	}
}

func TestDemoCoverageListsEveryUNESCOCompetency(t *testing.T) {
	dir := t.TempDir()
	if r := run(t, "--data-dir", dir, "demo"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	r := run(t, "--data-dir", dir, "coverage", "--framework", "unesco-ai-cft", "--json")
	var cov portfolio.Coverage
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &cov) != nil {
		t.Fatalf("coverage: %+v", r)
	}
	leaves, withEvidence := 0, 0
	for _, row := range cov.Rows {
		if row.Competency.Leaf {
			leaves++
			if len(row.Evidence) > 0 {
				withEvidence++
			}
		}
	}
	if leaves != 15 || withEvidence == 0 || withEvidence == 15 || cov.WithEvidence != withEvidence {
		t.Errorf("coverage has %d leaves, %d with evidence (summary %q)", leaves, withEvidence, cov.Summary)
	}
	if !strings.HasPrefix(cov.Summary, fmt.Sprintf("%d of 15 competencies have evidence", withEvidence)) {
		t.Errorf("summary %q", cov.Summary)
	}
	text := run(t, "--data-dir", dir, "coverage", "--framework", "iste-educators")
	if text.code != 0 || !strings.Contains(text.stdout, "2.4.d") || !strings.Contains(text.stdout, "GAP") {
		t.Errorf("coverage table: %+v", text)
	}
}

func TestAlignFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	id := strings.TrimSpace(run(t, "--data-dir", dir, "add", "--kind", "pd_led", "--title", "Prompt lab").stdout)
	r := run(t, "--data-dir", dir, "align", id, "2.2.c", "--framework", "iste-educators", "--rationale", "Modelled tool evaluation", "--strength", "exemplary")
	if r.code != 0 || !strings.Contains(r.stdout, "2.2.c") {
		t.Fatalf("align: %+v", r)
	}
	var cov portfolio.Coverage
	json.Unmarshal([]byte(run(t, "--data-dir", dir, "coverage", "--framework", "iste-educators", "--json").stdout), &cov)
	found := false
	for _, row := range cov.Rows {
		if row.Competency.Code == "2.2.c" && len(row.Evidence) == 1 && row.Evidence[0].EntryID == id &&
			row.Evidence[0].Rationale == "Modelled tool evaluation" && row.Strongest == "exemplary" {
			found = true
		}
	}
	if !found || cov.WithEvidence != 1 {
		t.Errorf("coverage after align: %+v", cov.Summary)
	}
	for _, bad := range [][]string{
		{"align", id, "9.9", "--framework", "iste-educators"},
		{"align", id, "2.2.c", "--framework", "iste-educators", "--strength", "legendary"},
		{"align", id, "2.2.c", "--framework", "nope"},
	} {
		if r := run(t, append([]string{"--data-dir", dir}, bad...)...); r.code == 0 || r.stderr == "" {
			t.Errorf("%v accepted: %+v", bad, r)
		}
	}
}

func TestImportingACASEFileTwiceKeepsOneFramework(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "district.json")
	os.WriteFile(file, []byte(caseDocument("District AI rubric", "Co-plans an AI 𝑑 unit")), 0o600)
	r := run(t, "--data-dir", dir, "frameworks", "import", file)
	if r.code != 0 || !strings.Contains(r.stdout, "District AI rubric") {
		t.Fatalf("import: %+v", r)
	}
	os.WriteFile(file, []byte(caseDocument("District AI rubric", "Co-plans an AI 𝑑 unit with families")), 0o600)
	r = run(t, "--data-dir", dir, "frameworks", "import", file, "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"replaced": true`) {
		t.Fatalf("second import: %+v", r)
	}
	list := frameworksJSON(t, dir)
	if len(list) != 3 {
		t.Fatalf("after importing twice: %+v", list)
	}
	show := run(t, "--data-dir", dir, "frameworks", "show", "case-9f1c6a2e-0d5b-4c8e-9a1f-3b7d2e4c6a80")
	if show.code != 0 || !strings.Contains(show.stdout, "  A.1 Co-plans an AI 𝑑 unit with families") {
		t.Errorf("show after re-import: %+v", show)
	}
}

func TestAMalformedCASEFileChangesNothing(t *testing.T) {
	dir := t.TempDir()
	before := frameworksJSON(t, dir)
	cases := map[string]string{
		"not json":     "{ this is not JSON",
		"no document":  `{"CFItems": []}`,
		"cyclic items": strings.Replace(caseDocument("Loop", "x"), `"title": "doc", "identifier": "9f1c6a2e-0d5b-4c8e-9a1f-3b7d2e4c6a80", "uri": "https://example.org/case/doc"`, `"title": "A.1", "identifier": "b2222222-2222-4222-8222-222222222222", "uri": "https://example.org/case/b"`, 1),
	}
	for name, content := range cases {
		file := filepath.Join(t.TempDir(), "bad.json")
		os.WriteFile(file, []byte(content), 0o600)
		r := run(t, "--data-dir", dir, "frameworks", "import", file)
		if r.code != ExitFailed || r.stderr == "" || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: %+v, want exit 1 and one sentence", name, r)
		}
	}
	if r := run(t, "--data-dir", dir, "frameworks", "import", filepath.Join(dir, "missing.json")); r.code != ExitUsage {
		t.Errorf("a missing file: %+v, want exit 2", r)
	}
	if after := frameworksJSON(t, dir); len(after) != len(before) {
		t.Errorf("frameworks changed by refused imports: %+v", after)
	}
}
