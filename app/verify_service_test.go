package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/ziptest"
)

func TestVerifyFileTellsAPackageFromAPDFAndTokensOnlyValidPackages(t *testing.T) {
	session := demoSession(t)
	zipPath, report, _ := exportPackage(t, session)
	pdfPath := filepath.Join(t.TempDir(), "portfolio.pdf")
	exporter := &ExportService{ctx: context.Background(), session: session, desktop: &fakeDesktop{picks: []string{pdfPath}}}
	if _, err := exporter.ExportPDF(ExportRequest{Preset: "interview", Paper: "letter"}, testPassphrase); err != nil {
		t.Fatal(err)
	}

	desk := &fakeDesktop{picks: []string{zipPath}}
	svc := &VerifyService{ctx: context.Background(), desktop: desk}
	got, err := svc.VerifyFile()
	if err != nil || got.Kind != KindPackage || got.Package == nil || !got.Package.Valid || got.ReviewToken == "" || got.Path != zipPath {
		t.Fatalf("package: %+v, %v", got, err)
	}
	p := got.Package
	if p.Portfolio.Name != "Zoë Ñúñez-Łukasz" || p.Portfolio.Entries != report.Entries || p.Portfolio.Artifacts != report.Artifacts ||
		p.Manifest == nil || p.Manifest.Signer == "" || p.PDF == nil || !p.PDF.Valid || len(p.Problems) != 0 {
		t.Errorf("package verification: %+v", p)
	}
	if n := len(desk.events); n == 0 || desk.events[n-1] != "verify:progress" {
		t.Errorf("no progress while hashing: %v", desk.events)
	} else if last := desk.payloads[n-1].(VerifyProgress); last.Done != last.Total || last.Total == 0 {
		t.Errorf("last progress %+v", last)
	}

	desk.picks = []string{pdfPath}
	pdf, err := svc.VerifyFile()
	if err != nil || pdf.Kind != KindPDF || !pdf.Verification.Valid || pdf.Package != nil || pdf.ReviewToken != "" {
		t.Errorf("PDF: %+v, %v", pdf, err)
	}

	desk.picks = []string{""}
	if none, err := svc.VerifyFile(); err != nil || none.Path != "" || none.Kind != "" {
		t.Errorf("cancelled: %+v, %v", none, err)
	}
	// Verifying another file forgot the package: its token is no use any more.
	if _, err := svc.PackagePortfolio(got.ReviewToken); err == nil || !strings.Contains(err.Error(), "verify it first") {
		t.Errorf("old token: %v", err)
	}
}

func TestAChangedOriginalMakesThePackageNotValidAndUnreviewable(t *testing.T) {
	session := demoSession(t)
	zipPath, _, _ := exportPackage(t, session)
	data, _ := os.ReadFile(zipPath)
	data, name := ziptest.FlipByte(t, data, "/data/artifacts/")
	tampered := filepath.Join(t.TempDir(), "tampered.zip")
	os.WriteFile(tampered, data, 0o600)

	svc := &VerifyService{ctx: context.Background(), desktop: &fakeDesktop{picks: []string{tampered}}}
	got, err := svc.VerifyFile()
	if err != nil || got.Kind != KindPackage || got.Package.Valid || got.ReviewToken != "" {
		t.Fatalf("tampered: %+v, %v", got, err)
	}
	found := false
	for _, p := range got.Package.Problems {
		found = found || p.File == name
	}
	if !found {
		t.Errorf("no problem names %s: %+v", name, got.Package.Problems)
	}
	if _, err := svc.PackagePortfolio(""); err == nil {
		t.Error("an empty token was accepted")
	}
}

func TestReviewerBrowsesAVerifiedPackageAndOpensOriginalsOutsideTheApp(t *testing.T) {
	session := demoSession(t)
	zipPath, report, _ := exportPackage(t, session)
	desk := &fakeDesktop{picks: []string{zipPath}}
	svc := &VerifyService{ctx: context.Background(), desktop: desk}
	t.Cleanup(svc.cleanup)
	v, err := svc.VerifyFile()
	if err != nil || v.ReviewToken == "" {
		t.Fatalf("VerifyFile: %+v, %v", v, err)
	}

	if _, err := svc.PackagePortfolio("not-a-token"); err == nil || !strings.Contains(err.Error(), "passed verification") {
		t.Errorf("unknown token: %v", err)
	}
	pf, err := svc.PackagePortfolio(v.ReviewToken)
	if err != nil {
		t.Fatal(err)
	}
	if pf.Name != "Zoë Ñúñez-Łukasz" || len(pf.Entries) != report.Entries || len(pf.Profile) == 0 || pf.Profile[0].Label != "Name" || pf.PDFPath != "portfolio.pdf" {
		t.Errorf("portfolio: %+v", pf)
	}
	var file *ReviewedArtifact
	kinds := map[string]bool{}
	for _, e := range pf.Entries {
		if e.Title == "" || e.KindLabel == "" || len(e.Details) == 0 {
			t.Errorf("entry %+v", e)
		}
		for _, d := range e.Details {
			kinds[d.Kind] = true
		}
		for i, a := range e.Artifacts {
			if a.Type == "file" && file == nil {
				file = &e.Artifacts[i]
			}
		}
	}
	if !kinds["field"] || !kinds["narrative"] || file == nil || file.Path == "" || file.SHA256 == "" || !strings.Contains(file.Detail, " · ") {
		t.Fatalf("details %v, first file %+v", kinds, file)
	}

	if err := svc.OpenOriginal(v.ReviewToken, file.Path); err != nil {
		t.Fatal(err)
	}
	if len(desk.opened) != 1 || !strings.HasPrefix(desk.opened[0], "file://") {
		t.Fatalf("opened %v", desk.opened)
	}
	u, _ := url.Parse(desk.opened[0])
	content, err := os.ReadFile(u.Path)
	sum := sha256.Sum256(content)
	if err != nil || hex.EncodeToString(sum[:]) != file.SHA256 || filepath.Base(u.Path) != filepath.Base(file.Path) {
		t.Errorf("the copy handed to the viewer: %s, %v", u.Path, err)
	}
	if info, _ := os.Stat(u.Path); info.Mode().Perm()&0o222 != 0 {
		t.Errorf("the copy is writable: %v", info.Mode())
	}
	if err := svc.OpenOriginal(v.ReviewToken, pf.PDFPath); err != nil || len(desk.opened) != 2 || !strings.HasSuffix(desk.opened[1], "/portfolio.pdf") {
		t.Errorf("opening the signed PDF: %v %v", err, desk.opened)
	}
	for _, bad := range []string{"", "../bagit.txt", "../../etc/passwd", "artifacts/nothing-here.txt", "/" + file.Path, "index.html/../" + file.Path} {
		if err := svc.OpenOriginal(v.ReviewToken, bad); err == nil {
			t.Errorf("OpenOriginal(%q) opened something", bad)
		}
	}
	if len(desk.opened) != 2 {
		t.Errorf("refused names were opened: %v", desk.opened)
	}

	// The package changed on disk after it was verified: nothing more is read from it.
	later := time.Now().Add(time.Minute)
	os.Chtimes(zipPath, later, later)
	if _, err := svc.PackagePortfolio(v.ReviewToken); err == nil || !strings.Contains(err.Error(), "changed after it was verified") {
		t.Errorf("changed package: %v", err)
	}
	if err := svc.OpenOriginal(v.ReviewToken, file.Path); err == nil {
		t.Error("an original of a changed package was opened")
	}

	dir := filepath.Dir(u.Path)
	svc.cleanup()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("cleanup left %s: %v", dir, err)
	}
}
