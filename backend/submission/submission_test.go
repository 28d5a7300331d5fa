package submission

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestPackageVerifiesHereAndWithStandardTools(t *testing.T) {
	f := newFixture(t)
	v := verifyBytes(t, f.content)
	if !v.Valid || len(v.Problems) != 0 {
		t.Fatalf("a fresh package is not valid: %+v", v.Problems)
	}
	if v.Manifest == nil || v.PDF == nil || !v.PDF.Valid || v.Manifest.FingerprintSHA256 != v.PDF.Signatures[0].FingerprintSHA256 {
		t.Errorf("signatures: manifest %+v, pdf %+v", v.Manifest, v.PDF)
	}
	if v.Portfolio.Entries != f.report.Entries || v.Portfolio.Artifacts != f.report.Artifacts || f.report.Artifacts == 0 ||
		v.Portfolio.Name != "Zoë Ñúñez-Łukasz" {
		t.Errorf("summary %+v, report %+v", v.Portfolio, f.report)
	}

	dir := unzip(t, f.path)
	for _, manifest := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		out := run(t, dir, "sha256sum", "-c", "--strict", manifest)
		if strings.Count(out, ": OK") < 3 || strings.Contains(out, "FAILED") {
			t.Errorf("sha256sum -c %s:\n%s", manifest, out)
		}
	}
	out := run(t, dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "tagmanifest-sha256.txt.p7s",
		"-content", "tagmanifest-sha256.txt", "-CAfile", "signer-cert.pem", "-purpose", "any", "-out", "/dev/null")
	if !strings.Contains(out, "Verification successful") {
		t.Errorf("openssl cms -verify:\n%s", out)
	}
	sig := run(t, dir, "pdfsig", "data/portfolio.pdf")
	if !strings.Contains(sig, "Signature is Valid.") || !strings.Contains(sig, "Total document signed") {
		t.Errorf("pdfsig:\n%s", sig)
	}
	info, _ := os.ReadFile(filepath.Join(dir, "bag-info.txt"))
	for _, want := range []string{"Contact-Name: Zoë Ñúñez-Łukasz", "External-Identifier: " + v.Portfolio.ID, "Bag-Software-Agent: ReadyFolio test",
		"Bagging-Date: " + packagedAt.Format("2006-01-02"), "Payload-Oxum: ", "Source-Organization: "} {
		if !strings.Contains(string(info), want) {
			t.Errorf("bag-info.txt lacks %q:\n%s", want, info)
		}
	}
	// portfolio.json is valid against the published schema and cites every original.
	data, _ := os.ReadFile(filepath.Join(dir, "data", "portfolio.json"))
	if err := exchange.Validate(data); err != nil {
		t.Errorf("portfolio.json: %v", err)
	}
	doc, err := exchange.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Entries {
		for _, a := range e.Artifacts {
			if a.Type == portfolio.ArtifactFile {
				if _, err := os.Stat(filepath.Join(dir, "data", filepath.FromSlash(a.Path))); err != nil {
					t.Errorf("%s is cited but not in the package", a.Path)
				}
			}
		}
	}
	if page, _ := os.ReadFile(filepath.Join(dir, "data", "index.html")); !bytes.Contains(page, []byte("Zoë Ñúñez-Łukasz")) {
		t.Error("index.html does not name the educator")
	}
}

func TestPackagesOfTheSameDataAndClockAreIdentical(t *testing.T) {
	f := newFixture(t)
	again, _ := f.build(t, "again.zip")
	data, _ := os.ReadFile(again)
	if !bytes.Equal(data, f.content) {
		t.Errorf("two packages of the same data and clock differ (%d and %d bytes)", len(f.content), len(data))
	}
}

func TestAlreadyCompressedMediaIsStored(t *testing.T) {
	f := newFixture(t)
	var jpegs, deflatedText int
	for _, e := range entries(t, f.content) {
		switch {
		case strings.HasSuffix(e.Name, ".jpg") && e.Method != zip.Store:
			t.Errorf("%s is deflated again", e.Name)
		case strings.HasSuffix(e.Name, ".jpg"):
			jpegs++
		case strings.HasSuffix(e.Name, ".json") && e.Method == zip.Deflate:
			deflatedText++
		}
	}
	if jpegs == 0 || deflatedText != 1 {
		t.Errorf("%d stored JPEGs, %d deflated JSON files", jpegs, deflatedText)
	}
}

// TestEveryChangedByteIsCaughtAndNamed flips one byte in each file of the package in turn (in
// its stored or compressed data) and expects the verifier to call the package invalid and name
// that file.
func TestEveryChangedByteIsCaughtAndNamed(t *testing.T) {
	f := newFixture(t)
	for _, e := range entries(t, f.content) {
		if e.FileInfo().IsDir() || e.CompressedSize64 == 0 {
			continue
		}
		offset, err := e.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		tampered := bytes.Clone(f.content)
		tampered[offset+int64(e.CompressedSize64)/2] ^= 0x20
		v, err := Verify(context.Background(), bytes.NewReader(tampered), int64(len(tampered)), nil, nil)
		name := strings.TrimPrefix(e.Name, "portfolio-"+packagedAt.Format("2006-01-02")+"/")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if v.Valid {
			t.Errorf("%s: a changed byte went unnoticed", name)
			continue
		}
		named := false
		for _, p := range v.Problems {
			named = named || p.File == name
		}
		if !named {
			t.Errorf("%s: the problems do not name it: %v", name, v.Problems)
		}
	}
}

func TestVerifyRefusesWhatIsNotAPackage(t *testing.T) {
	f := newFixture(t)
	for name, data := range map[string][]byte{
		"text":      []byte("just some text, not a zip"),
		"truncated": f.content[:len(f.content)/2],
		"empty":     nil,
	} {
		_, err := Verify(context.Background(), bytes.NewReader(data), int64(len(data)), nil, nil)
		if portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("%s: %v, want invalid", name, err)
		}
	}
}

// TestPackageFromANewerFormatIsReported re-bags a package with a portfolio.json of a newer
// format version, signed properly: the verifier must say the file is too new, not that it is
// broken.
func TestPackageFromANewerFormatIsReported(t *testing.T) {
	f := newFixture(t)
	newer := rebagged(t, f, func(doc map[string]any) { doc["version"] = exchange.Version + 1 })
	got := verifyBytes(t, newer)
	if got.Valid || len(got.Problems) != 1 || got.Problems[0].File != "data/portfolio.json" || !strings.Contains(got.Problems[0].Message, "newer ReadyFolio") {
		t.Errorf("problems: %v", got.Problems)
	}
}

func TestFailedBuildsLeaveNothingAndNeverOverwrite(t *testing.T) {
	f := newFixture(t)
	dir := filepath.Dir(f.path)
	if _, err := Build(context.Background(), f.ws, f.path, f.signer, Options{Now: packagedAt}); portfolio.Code(err) != portfolio.CodeConflict {
		t.Errorf("building over an earlier package: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var seen int
	_, err := Build(ctx, f.ws, filepath.Join(dir, "cancelled.zip"), f.signer, Options{Now: packagedAt, Progress: func(stage string, done, _ int) {
		if stage == StagePayload && done == 3 {
			seen = done
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || seen != 3 {
		t.Errorf("cancelled at file %d: %v", seen, err)
	}
	// An original changed on disk behind the app's back stops the build.
	var victim string
	for _, e := range entries(t, f.content) {
		if strings.Contains(e.Name, "/data/artifacts/") {
			victim = e.Name
			break
		}
	}
	sum := ""
	for _, e := range entries(t, f.content) {
		if e.Name == victim {
			h := sha256.Sum256(readEntry(t, e))
			sum = hex.EncodeToString(h[:])
		}
	}
	blob := filepath.Join(f.ws.Dir, "artifacts", sum[:2], sum)
	if err := os.WriteFile(blob, []byte("not the original"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), f.ws, filepath.Join(dir, "corrupt.zip"), f.signer, Options{Now: packagedAt}); portfolio.Code(err) != portfolio.CodeCorrupt {
		t.Errorf("a changed original: %v, want corrupt", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("files left beside the package: %v", left)
	}
}
