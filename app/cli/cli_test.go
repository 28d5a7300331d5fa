package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, Env{Version: "1.2.3-test", Stdout: &out, Stderr: &errOut,
		RunGUI: func(string, int64) error { t.Fatal("the GUI must not start for a subcommand"); return nil }})
	return result{code, out.String(), errOut.String()}
}

func listJSON(t *testing.T, dir string) []portfolio.Entry {
	t.Helper()
	r := run(t, "--data-dir", dir, "list", "--json")
	if r.code != ExitOK {
		t.Fatalf("list: %d %s", r.code, r.stderr)
	}
	var entries []portfolio.Entry
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout)
	}
	return entries
}

func TestVersionAndUsage(t *testing.T) {
	if r := run(t, "version"); r.code != 0 || r.stdout != "readyfolio 1.2.3-test\n" {
		t.Errorf("version: %+v", r)
	}
	if r := run(t, "help"); r.code != 0 || !strings.Contains(r.stdout, "demo") || !strings.Contains(r.stdout, "Exit codes") {
		t.Errorf("help: %+v", r)
	}
	r := run(t, "frobnicate")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `Unknown command "frobnicate"`) {
		t.Errorf("unknown command: %+v", r)
	}
	if r := run(t, "list", "--bogus"); r.code != ExitUsage || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("bad flag must give one line and exit 2: %+v", r)
	}
}

func TestNoSubcommandStartsTheGUIOnTheResolvedFolder(t *testing.T) {
	dir := t.TempDir()
	var got string
	code := Main([]string{"--data-dir", dir}, Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		RunGUI: func(d string, _ int64) error { got = d; return nil }})
	if code != 0 || got != dir {
		t.Fatalf("GUI started with %q (code %d), want %q", got, code, dir)
	}
}

func TestDemoFillsAPortfolioOfEveryKindThatChecksHealthy(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("READYFOLIO_DATA_DIR", dir) // the environment variable works like --data-dir
	r := run(t, "demo")
	if r.code != 0 || !strings.Contains(r.stdout, "Created a sample portfolio") {
		t.Fatalf("demo: %+v", r)
	}
	entries := listJSON(t, dir)
	if len(entries) < 8 {
		t.Fatalf("demo made %d entries, want at least 8", len(entries))
	}
	kinds := map[portfolio.Kind]int{}
	images := 0
	for _, e := range entries {
		kinds[e.Kind]++
		if e.ID == "" || e.Title == "" || e.CreatedAt.IsZero() || e.UpdatedAt.IsZero() {
			t.Errorf("entry lacks a required field: %+v", e)
		}
		if strings.TrimSpace(e.Reflection[0].Text) == "" {
			t.Errorf("%q has no reflection", e.Title)
		}
		for _, a := range e.Artifacts {
			if a.IsImage() {
				images++
			}
		}
	}
	for _, k := range portfolio.Kinds() {
		if kinds[k.Kind] == 0 {
			t.Errorf("no %s entry in the demo", k.Kind)
		}
	}
	if images < 6 {
		t.Errorf("demo has %d images, want 6", images)
	}
	if len(kinds) != 6 {
		t.Errorf("demo has %d kinds, want six: %v", len(kinds), kinds)
	}
	if r := run(t, "credentials", "list"); !strings.Contains(r.stdout, "AI in Pedagogy: Practitioner") || !strings.Contains(r.stdout, "Certified Data Privacy Practitioner") {
		t.Errorf("demo credentials: %+v", r)
	}
	if r := run(t, "check"); r.code != 0 || !strings.Contains(r.stdout, "Healthy") {
		t.Errorf("check after demo: %+v", r)
	}
	if r := run(t, "demo"); r.code != ExitFailed || !strings.Contains(r.stderr, "already holds") {
		t.Errorf("demo on a filled folder must refuse: %+v", r)
	}
}

func TestDemoIsDeterministicForASeed(t *testing.T) {
	content := func(seed string) []string {
		dir := t.TempDir()
		if r := run(t, "--data-dir", dir, "demo", "--seed", seed, "--entries", "12", "--images", "2"); r.code != 0 {
			t.Fatalf("demo: %+v", r)
		}
		var out []string
		for _, e := range listJSON(t, dir) {
			var hashes []string
			for _, a := range e.Artifacts {
				hashes = append(hashes, a.SHA256)
			}
			out = append(out, e.Title+"|"+e.StartDate+"|"+string(e.Status)+"|"+strings.Join(hashes, ","))
		}
		return out
	}
	a, b, other := content("7"), content("7"), content("8")
	if len(a) != 12 {
		t.Fatalf("--entries 12 made %d entries", len(a))
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("same seed, different content:\n%v\n%v", a, b)
	}
	if reflect.DeepEqual(a, other) {
		t.Errorf("different seeds gave identical content")
	}
}

func TestAddPrintsTheIDAndStoresTheFiles(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "Schüler survey.txt")
	os.WriteFile(file, []byte("results of the survey"), 0o600)
	r := run(t, "--data-dir", dir, "add", "--kind", "ai_pilot", "--title", "Chatbot pilot", "--status", "ready", "--file", file)
	if r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	id := strings.TrimSpace(r.stdout)
	entries := listJSON(t, dir)
	if len(entries) != 1 || entries[0].ID != id || entries[0].Status != portfolio.StatusReady || entries[0].Kind != portfolio.KindAIPilot {
		t.Fatalf("list after add: %+v (id %q)", entries, id)
	}
	if len(entries[0].Artifacts) != 1 || entries[0].Artifacts[0].FileName != "Schüler survey.txt" || entries[0].Artifacts[0].Size != 21 {
		t.Fatalf("artifacts: %+v", entries[0].Artifacts)
	}
	r = run(t, "--data-dir", dir, "search", "schuler", "--json")
	var hits []portfolio.Entry
	json.Unmarshal([]byte(r.stdout), &hits)
	if r.code != 0 || len(hits) != 1 || hits[0].ID != id {
		t.Errorf("search by file name without accents: %+v", r)
	}
	r = run(t, "--data-dir", dir, "add", "--kind", "lesson_redesign", "--title", "Lab report", "--json")
	var added portfolio.Entry
	if err := json.Unmarshal([]byte(r.stdout), &added); err != nil || added.Kind != portfolio.KindLessonRedesign || added.Title != "Lab report" {
		t.Errorf("add --json: %v %+v", err, r)
	}
}

func TestAddRefusesBadInputAndStoresNothing(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"add", "--kind", "poem", "--title", "x"}, "Unknown evidence kind"},
		{[]string{"add", "--kind", "artifact"}, "needs --kind and --title"},
		{[]string{"add", "--kind", "artifact", "--title", "x", "--status", "finished"}, "draft or ready"},
		{[]string{"add", "--kind", "artifact", "--title", "x", "--file", filepath.Join(dir, "missing.pdf")}, "missing.pdf"},
		{[]string{"add", "--kind", "artifact", "--title", "x", "--file", t.TempDir()}, "is a folder"},
	}
	for _, c := range cases {
		r := run(t, append([]string{"--data-dir", dir}, c.args...)...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%v: %+v, want exit 2 mentioning %q", c.args, r, c.want)
		}
	}
	if n := len(listJSON(t, dir)); n != 0 {
		t.Errorf("%d entries stored after failed adds", n)
	}
}

func TestProfileSetKeepsNamesInAnyScript(t *testing.T) {
	dir := t.TempDir()
	r := run(t, "--data-dir", dir, "profile", "set", "--name", "李明", "--school", "Zoë Ñúñez-Łukasz Academy")
	if r.code != 0 {
		t.Fatalf("profile set: %+v", r)
	}
	run(t, "--data-dir", dir, "profile", "set", "--role", "Coach")
	ws, err := workspace.Open(workspace.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	p, _ := ws.Store.Profile(t.Context())
	if p.Name != "李明" || p.School != "Zoë Ñúñez-Łukasz Academy" || p.Role != "Coach" {
		t.Errorf("profile = %+v", p)
	}
	if r := run(t, "--data-dir", dir, "profile", "set"); r.code != ExitUsage {
		t.Errorf("profile set without fields: %+v", r)
	}
}

func TestCheckNamesADamagedArtifact(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(file, []byte("original bytes"), 0o600)
	if r := run(t, "--data-dir", dir, "add", "--kind", "artifact", "--title", "Notes", "--file", file); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	entry := listJSON(t, dir)[0]
	hash := entry.Artifacts[0].SHA256
	ws, _ := workspace.Open(workspace.Options{Dir: dir})
	path, _ := ws.Blobs.Path(hash)
	ws.Close()
	os.Chmod(path, 0o600)
	if err := os.WriteFile(path, []byte("tampered bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "--data-dir", dir, "check")
	if r.code != ExitFailed || !strings.Contains(r.stdout, hash[:12]) {
		t.Errorf("check of a damaged artifact: %+v, want exit 1 naming %s", r, hash[:12])
	}
}

func TestAFolderThatIsNotAPortfolioIsRefusedUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, workspace.DatabaseFile)
	garbage := []byte("this is not a database, and it must survive untouched")
	os.WriteFile(db, garbage, 0o600)
	r := run(t, "--data-dir", dir, "list")
	if r.code != ExitFailed || r.stderr == "" {
		t.Errorf("list on a corrupt database: %+v", r)
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, garbage) {
		t.Errorf("the unreadable database was changed")
	}
}

func TestTheArtifactSizeLimitIsConfigurable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "recording.mp4")
	os.WriteFile(file, make([]byte, 2048), 0o600)
	t.Setenv(MaxArtifactSizeEnv, "1KiB")
	r := run(t, "--data-dir", dir, "add", "--kind", "artifact", "--title", "Talk", "--file", file)
	if r.code != ExitFailed || !strings.Contains(r.stderr, "recording.mp4") || !strings.Contains(r.stderr, "limit") {
		t.Fatalf("a file over the limit: %+v", r)
	}
	t.Setenv(MaxArtifactSizeEnv, "lots")
	if r := run(t, "--data-dir", dir, "list"); r.code != ExitUsage || !strings.Contains(r.stderr, "500MB") {
		t.Errorf("a bad limit: %+v", r)
	}
	t.Setenv(MaxArtifactSizeEnv, "")
	if n := len(listJSON(t, dir)); n != 0 {
		t.Errorf("%d entries after the refused add", n)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10": 10, "1KiB": 1024, "500MB": 500e6, "1.5 GiB": 3 << 29, "8GB": 8e9} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}
