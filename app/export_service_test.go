package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/demo"
	"github.com/readyfolio/readyfolio/backend/submission"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

const testPassphrase = "correct horse battery staple"

// demoSession is a data folder with the demo portfolio and a signing identity.
func demoSession(t *testing.T) *Session {
	t.Helper()
	session := newSession(t, t.TempDir())
	ws, err := session.workspace()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Fill(context.Background(), ws, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := (&IdentityService{ctx: context.Background(), session: session}).Create(testPassphrase); err != nil {
		t.Fatal(err)
	}
	return session
}

// exportPackage writes a package of the session's portfolio to a new temporary folder.
func exportPackage(t *testing.T, session *Session) (string, submission.Report, *fakeDesktop) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Zoë package.zip")
	desk := &fakeDesktop{picks: []string{path}}
	svc := &ExportService{ctx: context.Background(), session: session, desktop: desk}
	report, err := svc.ExportPackage(ExportRequest{Preset: PresetPackage, Paper: "a4"}, testPassphrase)
	if err != nil {
		t.Fatalf("ExportPackage: %v", err)
	}
	return path, report, desk
}

func TestExportPackageSignsSavesAndReportsProgress(t *testing.T) {
	session := demoSession(t)
	path, report, desk := exportPackage(t, session)
	if report.Path != path || report.Entries == 0 || report.Artifacts == 0 || report.PDF.Pages < 2 {
		t.Fatalf("report = %+v", report)
	}
	if info, err := os.Stat(path); err != nil || info.Size() != report.Bytes {
		t.Errorf("the package on disk: %v, %v; report says %d bytes", info, err, report.Bytes)
	}
	var stages []string
	var last ExportProgress
	for i, e := range desk.events {
		p, ok := desk.payloads[i].(ExportProgress)
		if e != "export:progress" || !ok {
			t.Fatalf("event %q %#v", e, desk.payloads[i])
		}
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
		last = p
	}
	if want := "layout entries attachments package"; strings.Join(stages, " ") != want {
		t.Errorf("stages %v, want %s", stages, want)
	}
	// portfolio.pdf, portfolio.json, every original and credential file, the last one always reported.
	if last.Stage != submission.StagePayload || last.Done != last.Total || last.Total != report.Artifacts+report.Credentials+2 {
		t.Errorf("last progress %+v for %d originals", last, report.Artifacts)
	}
}

func TestExportPackageSharesTheSignStepWithThePDF(t *testing.T) {
	session := demoSession(t)
	dir := t.TempDir()
	desk := &fakeDesktop{picks: []string{filepath.Join(dir, "portfolio.zip")}}
	svc := &ExportService{ctx: context.Background(), session: session, desktop: desk}

	// A wrong passphrase is said before any dialog.
	if _, err := svc.ExportPackage(ExportRequest{Preset: PresetPackage, Paper: "letter"}, "wrong horse"); err == nil ||
		!strings.Contains(err.Error(), "passphrase is wrong") || desk.saves != 0 {
		t.Errorf("wrong passphrase: %v, %d dialogs", err, desk.saves)
	}

	// A cancelled save dialog writes nothing and is no error.
	desk.picks = []string{""}
	if r, err := svc.ExportPackage(ExportRequest{Preset: PresetPackage, Paper: "letter"}, testPassphrase); err != nil || r.Path != "" {
		t.Errorf("cancelled dialog: %+v, %v", r, err)
	}

	// Cancel stops it while it packs, leaving no file behind.
	desk.picks = []string{filepath.Join(dir, "portfolio.zip")}
	desk.onEmit = func(data any) {
		if p, ok := data.(ExportProgress); ok && p.Stage == submission.StagePayload {
			svc.Cancel()
		}
	}
	if _, err := svc.ExportPackage(ExportRequest{Preset: PresetPackage, Paper: "letter"}, testPassphrase); err == nil {
		t.Error("a cancelled package export succeeded")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a cancelled export left %v", left)
	}

	// The PDF goes through the same step.
	desk.onEmit = nil
	desk.picks = []string{filepath.Join(dir, "portfolio.pdf")}
	r, err := svc.ExportPDF(ExportRequest{Preset: "certification", Paper: "letter"}, testPassphrase)
	if err != nil || r.Path != desk.picks[0] || r.Pages < 2 {
		t.Errorf("ExportPDF = %+v, %v", r, err)
	}
}

func TestEstimateOfAPackageAddsTheOriginals(t *testing.T) {
	session := demoSession(t)
	svc := &ExportService{ctx: context.Background(), session: session, desktop: &fakeDesktop{}}
	pkg, err := svc.Estimate(ExportRequest{Preset: PresetPackage, Paper: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := session.workspace()
	var originals int64
	src, err := ws.ExportSource(context.Background(), workspace.ExportOptions{Preset: "certification"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range src.Entries {
		for _, a := range e.Artifacts {
			originals += a.Size
		}
	}
	if originals == 0 || pkg.Bytes <= originals || pkg.Pages < 2 || pkg.Entries != len(src.Entries) || pkg.LeftOut == nil {
		t.Errorf("package estimate %+v, originals %d bytes", pkg, originals)
	}
}

func TestTestSeamsAnswerDialogs(t *testing.T) {
	list := strings.Join([]string{"/t/Zoë certification.pdf", "/t/Zoë package.zip"}, string(filepath.ListSeparator))
	for pattern, want := range map[string]string{"*.pdf": "/t/Zoë certification.pdf", "*.zip": "/t/Zoë package.zip", "*.pem": "/t/Zoë certification.pdf"} {
		if got := testSavePath(list, pattern); got != want {
			t.Errorf("save %s: %q, want %q", pattern, got, want)
		}
	}
	if got := testSavePath("", "*.pdf"); got != "" {
		t.Errorf("no seam: %q", got)
	}
	t.Setenv(testPickEnv, list)
	d := &wailsDesktop{}
	var got []string
	for range 3 {
		p, ok := d.nextTestPick()
		if !ok {
			t.Fatal("no pick")
		}
		got = append(got, p)
	}
	if want := []string{"/t/Zoë certification.pdf", "/t/Zoë package.zip", "/t/Zoë certification.pdf"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("picks in turn: %q", got)
	}
}
