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
