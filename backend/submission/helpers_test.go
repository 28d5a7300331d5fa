package submission

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/demo"
	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// packagedAt is every package's clock: after the identity is made (it is valid from now).
var packagedAt = time.Now().Add(time.Hour).UTC().Truncate(time.Second)

// fixture is a demo portfolio with an unlocked identity, and one package built from it.
type fixture struct {
	ws      *workspace.Workspace
	signer  *signing.Signer
	path    string
	report  Report
	content []byte
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	ws, err := workspace.Open(workspace.Options{Dir: filepath.Join(t.TempDir(), "data")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if _, err := demo.Fill(ctx, ws, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	ids, err := ws.Identity()
	if err != nil {
		t.Fatal(err)
	}
	pass := []byte("a passphrase for the package tests")
	p, _ := ws.Store.Profile(ctx)
	if _, err := ids.Create(identity.Subject{Name: p.Name, Email: p.Email, School: p.School, District: p.District}, pass); err != nil {
		t.Fatal(err)
	}
	id, err := ids.Unlock(pass)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{ws: ws, signer: signing.NewSigner(id)}
	f.path, f.report = f.build(t, "package.zip")
	f.content, _ = os.ReadFile(f.path)
	return f
}

// build writes a package into a new temporary folder.
func (f *fixture) build(t *testing.T, name string) (string, Report) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	report, err := Build(context.Background(), f.ws, path, f.signer, Options{Now: packagedAt, AppVersion: "test"})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return path, report
}

func verifyBytes(t *testing.T, data []byte) Verification {
	t.Helper()
	v, err := Verify(context.Background(), bytes.NewReader(data), int64(len(data)), nil, nil)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return v
}

// unzip extracts a package with the system's unzip, as a reviewer would.
func unzip(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	run(t, dir, "unzip", "-q", path)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !entries[0].IsDir() {
		t.Fatalf("the package holds %v at its top, want one folder", entries)
	}
	return filepath.Join(dir, entries[0].Name())
}

func run(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is missing (make deps installs it)", name)
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// entries lists a zip's files with where their stored data starts.
func entries(t *testing.T, data []byte) []*zip.File {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return zr.File
}

func readEntry(t *testing.T, f *zip.File) []byte {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// rebagged builds a properly signed package from f's payload with portfolio.json changed.
func rebagged(t *testing.T, f *fixture, change func(doc map[string]any)) []byte {
	t.Helper()
	return rebaggedWithout(t, f, "", change)
}

// rebaggedWithout is rebagged leaving out the payload files under leaveOut ("" for none).
func rebaggedWithout(t *testing.T, f *fixture, leaveOut string, change func(doc map[string]any)) []byte {
	t.Helper()
	var out bytes.Buffer
	w := bag.NewWriter(&out, "changed", packagedAt)
	root := "portfolio-" + packagedAt.Format("2006-01-02") + "/data/"
	for _, e := range entries(t, f.content) {
		name, ok := strings.CutPrefix(e.Name, root)
		if !ok || (leaveOut != "" && strings.HasPrefix(name, leaveOut)) {
			continue
		}
		data := readEntry(t, e)
		if name == JSONName {
			var doc map[string]any
			json.Unmarshal(data, &doc)
			change(doc)
			data, _ = json.Marshal(doc)
		}
		if _, _, err := w.AddPayload(name, bytes.NewReader(data), true); err != nil {
			t.Fatal(err)
		}
	}
	v := verifyBytes(t, f.content)
	info := []bag.Field{{Name: "External-Identifier", Value: v.Portfolio.ID}}
	err := w.Finish(info, []bag.TagFile{{Name: CertName, Data: f.signer.CertificatePEM()}}, func(m []byte) ([]bag.TagFile, error) {
		sig, err := f.signer.SignManifest(m, packagedAt)
		return []bag.TagFile{{Name: SignatureName, Data: sig}}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
