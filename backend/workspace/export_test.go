package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/frameworks"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// copySigner stands in for the real signer: it leaves the PDF as it is and can be told to
// fail, after scribbling on the file as a failing signer might.
type copySigner struct{ fail error }

func (c copySigner) Block(at time.Time) pdfrender.SignatureBlock {
	return pdfrender.SignatureBlock{Name: "Test Signer", Fingerprint: "AB:CD", SignedAt: at}
}

func (c copySigner) SignFile(_ context.Context, f *os.File, _ time.Time) error {
	if c.fail != nil {
		f.WriteString("\nhalf a signature")
		return c.fail
	}
	return nil
}

// openNamed opens a temporary workspace whose profile has a name, which an export needs.
func openNamed(t *testing.T, name string) *Workspace {
	t.Helper()
	w := openTemp(t)
	ctx := context.Background()
	p, _ := w.Store.Profile(ctx)
	p.Name = name
	if _, err := w.Store.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	return w
}

func readyEntry(t *testing.T, w *Workspace, title string) portfolio.Entry {
	t.Helper()
	e := portfolio.NewEntry(portfolio.KindArtifact, title)
	e.Status = portfolio.StatusReady
	e.Other.Description = "Described for the export test."
	saved, err := w.CreateEntryWithFiles(context.Background(), e, []string{writeFile(t, "poster.png", pngBytes(t, 60, 40))})
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func TestExportWritesThePDFAtomicallyAndNeverOverwrites(t *testing.T) {
	ctx := context.Background()
	w := openNamed(t, "Zoë Ñúñez-Łukasz")
	readyEntry(t, w, "Poster for the science fair")
	draft, _ := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Draft left out"))
	out := filepath.Join(t.TempDir(), "portfolio.pdf")
	opts := ExportOptions{Preset: pdfrender.PresetCertification, Now: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), AppVersion: "test"}

	report, err := w.ExportPDF(ctx, out, copySigner{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !bytes.HasPrefix(data, []byte("%PDF-")) || int64(len(data)) != report.Bytes || report.Entries != 1 || report.Attachments != 2 {
		t.Fatalf("report = %+v, file %d bytes", report, len(data))
	}
	if bytes.Contains(data, []byte(draft.Title)) {
		t.Error("a draft entry was exported in the certification preset")
	}
	// The dialog's estimate counts the attachments too (portfolio.json at full size: about
	// 2 KB more than it takes deflated) and the signature, which copySigner does not add.
	est, err := w.EstimatePDF(ctx, opts)
	if err != nil || est.Pages != report.Pages || est.Bytes < report.Bytes || est.Bytes > report.Bytes+signatureAllowance+report.Bytes/20 {
		t.Errorf("estimate %+v (%v), export %d bytes, %d pages", est, err, report.Bytes, report.Pages)
	}

	_, err = w.ExportPDF(ctx, out, copySigner{}, opts)
	if portfolio.Code(err) != portfolio.CodeConflict || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second export to the same file: %v", err)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, data) {
		t.Error("the earlier export was changed")
	}

	failing := filepath.Join(filepath.Dir(out), "failed.pdf")
	if _, err := w.ExportPDF(ctx, failing, copySigner{fail: errors.New("signing failed")}, opts); err == nil {
		t.Fatal("a failed signature produced no error")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("files left after a failed export: %v", entries)
	}
}

func TestInterviewPresetPrintsThePickedEntriesHighlightsFirstWithoutAttachments(t *testing.T) {
	ctx := context.Background()
	w := openNamed(t, "Li Ming")
	first := readyEntry(t, w, "First entry")
	second := readyEntry(t, w, "Second entry")
	doc, _, err := w.PDFDocument(ctx, ExportOptions{Preset: pdfrender.PresetInterview, EntryIDs: []string{first.ID, second.ID}, Highlights: []string{second.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 2 || doc.Entries[0].Entry.ID != second.ID || !doc.Entries[0].Highlight || len(doc.Attachments) != 0 {
		t.Errorf("interview document: %d entries, first %q, %d attachments", len(doc.Entries), doc.Entries[0].Entry.Title, len(doc.Attachments))
	}
}

// TestCoverageCountsOnlyExportedEntries: a draft aligned to a competency is left out of the
// PDF, so the PDF's coverage must not count it as evidence (it would claim evidence it lacks).
func TestCoverageCountsOnlyExportedEntries(t *testing.T) {
	ctx := context.Background()
	w := openNamed(t, "Ana")
	ready := readyEntry(t, w, "Ready and exported")
	draft, _ := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Draft left out"))
	unesco, _ := w.Store.Framework(ctx, frameworks.UNESCOID)
	var leaves []portfolio.Competency
	for _, c := range unesco.Competencies {
		if c.Leaf {
			leaves = append(leaves, c)
		}
	}
	for i, e := range []portfolio.Entry{ready, draft} {
		if _, err := w.Store.Align(ctx, portfolio.Alignment{EntryID: e.ID, FrameworkID: unesco.ID, CompetencyID: leaves[i].ID}); err != nil {
			t.Fatal(err)
		}
	}
	doc, _, err := w.PDFDocument(ctx, ExportOptions{Preset: pdfrender.PresetCertification})
	if err != nil || len(doc.Coverage) != 1 {
		t.Fatalf("coverage %+v, %v", doc.Coverage, err)
	}
	if got := doc.Coverage[0]; got.WithEvidence != 1 || got.Summary != "1 of 15 competencies have evidence" {
		t.Errorf("the PDF's coverage counts the draft: %d with evidence, %q", got.WithEvidence, got.Summary)
	}
	if all, _ := w.Store.Coverage(ctx, unesco.ID); all.WithEvidence != 2 {
		t.Errorf("the coverage map in the app counts %d, want both entries", all.WithEvidence)
	}
}

func TestExportWithNothingReadyExplainsWhy(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Still a draft"))
	out := filepath.Join(t.TempDir(), "p.pdf")
	_, err := w.ExportPDF(ctx, out, copySigner{}, ExportOptions{Preset: pdfrender.PresetCertification})
	if portfolio.Code(err) != portfolio.CodeInvalid || !strings.Contains(err.Error(), "nothing to export") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a file was written")
	}
}

func TestExportCancelledWhileEmbeddingLeavesNoFile(t *testing.T) {
	w := openNamed(t, "Test")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	readyEntry(t, w, "One")
	readyEntry(t, w, "Two")
	out := filepath.Join(t.TempDir(), "p.pdf")
	var embedded int
	_, err := w.ExportPDF(ctx, out, copySigner{}, ExportOptions{Preset: pdfrender.PresetCertification, Progress: func(stage string, done, _ int) {
		if stage == pdfrender.StageAttachments {
			embedded = done
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || embedded != 1 {
		t.Fatalf("err = %v after %d files embedded", err, embedded)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}

func TestCancelledExportLeavesNoFile(t *testing.T) {
	w := openNamed(t, "Test")
	ctx := context.Background()
	readyEntry(t, w, "Entry")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	out := filepath.Join(t.TempDir(), "p.pdf")
	if _, err := w.ExportPDF(cancelled, out, copySigner{}, ExportOptions{Preset: pdfrender.PresetCertification}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}

func TestImportedImagesArePreparedForPrintAtOnce(t *testing.T) {
	w := openTemp(t)
	e := readyEntry(t, w, "Poster")
	want := filepath.Join(w.Dir, PrintDir, e.Artifacts[0].SHA256+"-"+fmt.Sprint(pdfrender.PrintSide)+".png")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("no print-ready copy after import: %v", err)
	}
}

// TestExportCarriesCredentialsAndImpact: the export's source and PDF have every credential and
// the figures over the exported entries, and the certification PDF embeds the credentials'
// files as it does the originals, unless they travel beside it.
func TestExportCarriesCredentialsAndImpact(t *testing.T) {
	ctx := context.Background()
	w := openNamed(t, "Zoë")
	readyEntry(t, w, "Poster")
	pd := portfolio.NewEntry(portfolio.KindPDLed, "Workshop")
	pd.Status, pd.PD.Participants = portfolio.StatusReady, 12
	if _, err := w.Store.CreateEntry(ctx, pd); err != nil {
		t.Fatal(err)
	}
	draft := portfolio.NewEntry(portfolio.KindPDLed, "Draft workshop, not exported")
	draft.PD.Participants = 500
	if _, err := w.Store.CreateEntry(ctx, draft); err != nil {
		t.Fatal(err)
	}
	blob, err := w.Blobs.PutNamed(ctx, strings.NewReader("%PDF-1.4\n% certificate\n%%EOF\n"), "certificate.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []portfolio.Credential{
		{Name: "Held", ExpiresOn: "2030-01-01", FileName: "certificate.pdf", MediaType: "application/pdf", Size: blob.Size, SHA256: blob.SHA256},
		{Name: "Expired", ExpiresOn: "2020-01-01"},
	} {
		if _, err := w.Store.CreateCredential(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	opts := ExportOptions{Preset: pdfrender.PresetCertification, Now: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), AppVersion: "test"}
	src, err := w.ExportSource(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Credentials) != 2 || src.Impact.ColleaguesTrained != 12 || src.Impact.CredentialsHeld != 1 || src.Impact.CredentialsExpired != 1 {
		t.Errorf("source: %d credentials, impact %+v", len(src.Credentials), src.Impact)
	}
	doc, _, err := w.PDFDocument(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Credentials) != 2 || len(doc.Impact) == 0 || doc.Impact[0].Value != "12" {
		t.Errorf("PDF document: credentials %d, impact %+v", len(doc.Credentials), doc.Impact)
	}
	var names []string
	for _, a := range doc.Attachments {
		names = append(names, a.Name)
	}
	if len(names) != 3 || !strings.HasPrefix(names[1], "credentials/") || !strings.HasSuffix(names[1], "/certificate.pdf") {
		t.Errorf("attachments = %v, want the original, the credential's file and portfolio.json", names)
	}
	opts.OriginalsBeside = true
	if doc, _, _ = w.PDFDocument(ctx, opts); len(doc.Attachments) != 1 {
		t.Errorf("with the originals beside: %d attachments", len(doc.Attachments))
	}
}
