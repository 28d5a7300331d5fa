package workspace

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// Signer signs a rendered PDF in place. The signing package implements it with the educator's
// unlocked identity; the block is printed on the last page before signing.
type Signer interface {
	Block(at time.Time) pdfrender.SignatureBlock
	SignFile(ctx context.Context, f *os.File, at time.Time) error
}

// ExportOptions choose what goes into a PDF.
type ExportOptions struct {
	Preset     pdfrender.Preset
	Paper      pdfrender.Paper
	EntryIDs   []string // interview: the entries picked, in order; empty means every ready entry
	Highlights []string // interview: printed first and marked
	// OriginalsBeside embeds portfolio.json alone: the submission package carries the original
	// files next to the PDF, and embedding them again would double its size.
	OriginalsBeside bool
	// LeaveOutOver leaves attachments larger than this many bytes out of the PDF (they are
	// still listed with their hash); 0 embeds everything.
	LeaveOutOver int64
	Now          time.Time
	AppVersion   string
	Overwrite    bool
	Progress     func(stage string, done, total int)
}

// ExportReport tells what an export produced.
type ExportReport struct {
	pdfrender.Report
	Path    string   `json:"path"`
	Bytes   int64    `json:"bytes"`
	Entries int      `json:"entries"`
	LeftOut []string `json:"leftOut"` // attachments left out of the PDF for their size
}

// ExportPDF renders the portfolio, embeds its files and signs it, all in a temporary file next
// to path that replaces nothing until it is complete (see atomicfile.Write). The pages are built in
// memory by fpdf; the attachments and the signature are streamed, so memory does not grow with
// the evidence.
func (w *Workspace) ExportPDF(ctx context.Context, path string, signer Signer, opts ExportOptions) (ExportReport, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	doc, leftOut, err := w.PDFDocument(ctx, opts)
	if err != nil {
		return ExportReport{}, err
	}
	doc.Signer = signer.Block(opts.Now)
	var report pdfrender.Report
	var size int64
	err = atomicfile.Write(path, opts.Overwrite, func(f *os.File) error {
		report, err = pdfrender.Write(ctx, f, doc, printImages{w}, pdfrender.Options{Paper: opts.Paper, Compress: true, Progress: opts.Progress})
		if err != nil {
			return err
		}
		if err := signer.SignFile(ctx, f, opts.Now); err != nil {
			return err
		}
		info, err := f.Stat()
		if err != nil {
			return err
		}
		size = info.Size()
		return ctx.Err()
	})
	if err != nil {
		return ExportReport{}, err
	}
	return ExportReport{Report: report, Path: path, Bytes: size, Entries: len(doc.Entries), LeftOut: leftOut}, nil
}

// PDFDocument gathers what a PDF of the given preset shows.
func (w *Workspace) PDFDocument(ctx context.Context, opts ExportOptions) (pdfrender.Document, []string, error) {
	src, coverage, err := w.exportSource(ctx, opts)
	if err != nil {
		return pdfrender.Document{}, nil, err
	}
	doc := pdfrender.Document{
		Preset: opts.Preset, Profile: src.Profile, PhotoSHA256: src.Profile.PhotoSHA256,
		GeneratedAt: opts.Now, AppVersion: opts.AppVersion, Coverage: coverage,
		Credentials: src.Credentials, Impact: present.ImpactFigures(src.Impact),
	}
	highlight := map[string]bool{}
	for _, id := range opts.Highlights {
		highlight[id] = true
	}
	for _, e := range src.Entries {
		doc.Entries = append(doc.Entries, pdfrender.Entry{Entry: e, Alignments: alignmentLines(src, e.ID), Highlight: highlight[e.ID]})
	}
	var leftOut []string
	if opts.Preset == pdfrender.PresetCertification {
		doc.Attachments, leftOut, err = w.attachments(src, opts)
		doc.OriginalsBeside, doc.LeftOut = opts.OriginalsBeside, len(leftOut)
	}
	return doc, leftOut, err
}

// ExportSource collects the entries of a preset with their alignments and frameworks, every
// credential (they are not entries: none is left out of an export) and the impact figures over
// all of them, as of the day of opts.Now.
func (w *Workspace) ExportSource(ctx context.Context, opts ExportOptions) (exchange.Source, error) {
	src, _, err := w.exportSource(ctx, opts)
	return src, err
}

// exportSource is ExportSource with the coverage of the frameworks in use (CoverageInUse) that
// the impact figures count.
func (w *Workspace) exportSource(ctx context.Context, opts ExportOptions) (exchange.Source, []portfolio.Coverage, error) {
	src, err := w.entrySource(ctx, opts)
	if err != nil {
		return src, nil, err
	}
	if src.Credentials, err = w.Store.Credentials(ctx); err != nil {
		return src, nil, err
	}
	coverage, err := w.CoverageInUse(ctx, src)
	if err != nil {
		return src, nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = w.Now()
	}
	src.Impact = impact.Compute(src.Entries, src.Credentials, coverage, present.Day(now))
	return src, coverage, nil
}

// entrySource collects the profile and the entries of a preset with their alignments and frameworks.
func (w *Workspace) entrySource(ctx context.Context, opts ExportOptions) (exchange.Source, error) {
	profile, err := w.Store.Profile(ctx)
	if err != nil {
		return exchange.Source{}, err
	}
	entries, err := w.exportEntries(ctx, opts)
	if err != nil {
		return exchange.Source{}, err
	}
	if len(entries) == 0 {
		return exchange.Source{}, portfolio.Errorf(portfolio.CodeInvalid,
			"There is nothing to export: mark entries as ready and included in exports, or pick entries for the interview preset.")
	}
	src := exchange.Source{
		Profile: profile, Entries: entries, GeneratedAt: opts.Now, Generator: "ReadyFolio " + opts.AppVersion,
		Alignments: map[string][]portfolio.Alignment{}, Frameworks: map[string]portfolio.Framework{},
	}
	for _, e := range entries {
		aligned, err := w.Store.EntryAlignments(ctx, e.ID)
		if err != nil {
			return src, err
		}
		src.Alignments[e.ID] = aligned
		for _, a := range aligned {
			if _, ok := src.Frameworks[a.FrameworkID]; ok {
				continue
			}
			f, err := w.Store.Framework(ctx, a.FrameworkID)
			if err != nil {
				return src, err
			}
			src.Frameworks[f.ID] = f
		}
	}
	return src, nil
}

// exportEntries picks the entries of a preset: for certification every entry marked ready and
// included in exports; for an interview the entries picked, highlights first.
func (w *Workspace) exportEntries(ctx context.Context, opts ExportOptions) ([]portfolio.Entry, error) {
	all, err := w.Store.ListEntries(ctx, portfolio.EntryFilter{Sort: portfolio.SortManual})
	if err != nil {
		return nil, err
	}
	if opts.Preset == pdfrender.PresetInterview && len(opts.EntryIDs) > 0 {
		byID := map[string]portfolio.Entry{}
		for _, e := range all {
			byID[e.ID] = e
		}
		var picked []portfolio.Entry
		for _, id := range opts.EntryIDs {
			e, ok := byID[id]
			if !ok {
				return nil, portfolio.Errorf(portfolio.CodeNotFound, "No entry with id %s to export.", id)
			}
			picked = append(picked, e)
		}
		first := map[string]bool{}
		for _, id := range opts.Highlights {
			first[id] = true
		}
		sort.SliceStable(picked, func(i, j int) bool { return first[picked[i].ID] && !first[picked[j].ID] })
		return picked, nil
	}
	var ready []portfolio.Entry
	for _, e := range all {
		if e.Status == portfolio.StatusReady && e.IncludeInExports {
			ready = append(ready, e)
		}
	}
	return ready, nil
}

func alignmentLines(src exchange.Source, entryID string) []pdfrender.AlignmentLine {
	var lines []pdfrender.AlignmentLine
	for _, a := range src.Alignments[entryID] {
		f := src.Frameworks[a.FrameworkID]
		for _, c := range f.Competencies {
			if c.ID == a.CompetencyID {
				lines = append(lines, pdfrender.AlignmentLine{Framework: f.Title, Code: c.Code, Competency: c.Title,
					Strength: a.Strength, Rationale: a.Rationale})
			}
		}
	}
	return lines
}

// CoverageInUse is the coverage map of every framework the exported entries are aligned to,
// counting those entries only: a draft left out of the PDF is no evidence in it.
func (w *Workspace) CoverageInUse(ctx context.Context, src exchange.Source) ([]portfolio.Coverage, error) {
	exported := make(map[string]bool, len(src.Entries))
	for _, e := range src.Entries {
		exported[e.ID] = true
	}
	ids := make([]string, 0, len(src.Frameworks))
	for id := range src.Frameworks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []portfolio.Coverage
	for _, id := range ids {
		cov, err := w.Store.CoverageOf(ctx, id, exported)
		if err != nil {
			return nil, err
		}
		out = append(out, cov)
	}
	return out, nil
}

// attachments are the original files of the exported entries and the credentials' files
// (unless they travel beside the PDF) and portfolio.json, to embed.
func (w *Workspace) attachments(src exchange.Source, opts ExportOptions) ([]pdfrender.Attachment, []string, error) {
	var out []pdfrender.Attachment
	var leftOut []string
	add := func(name, description string, a portfolio.Artifact) {
		if opts.LeaveOutOver > 0 && a.Size > opts.LeaveOutOver {
			leftOut = append(leftOut, name)
			return
		}
		sha := a.SHA256
		out = append(out, pdfrender.Attachment{
			Name: name, Description: description, MediaType: a.MediaType, SHA256: sha, Size: a.Size,
			Open: func() (io.ReadCloser, error) { return w.Blobs.Open(sha) },
		})
	}
	if !opts.OriginalsBeside {
		for _, e := range src.Entries {
			paths := exchange.ArtifactPaths(e)
			for _, a := range e.Artifacts {
				if a.Type == portfolio.ArtifactFile {
					add(paths[a.ID], a.Caption, a)
				}
			}
		}
		paths := exchange.CredentialPaths(src.Credentials)
		for _, c := range src.Credentials {
			if a, ok := present.CredentialFile(c); ok {
				add(paths[c.ID], c.Name, a)
			}
		}
	}
	data, err := exchange.Marshal(exchange.Build(src))
	if err != nil {
		return nil, nil, err
	}
	sum := sha256.Sum256(data)
	out = append(out, pdfrender.Attachment{
		Name: "portfolio.json", Description: "The whole portfolio, machine-readable (" + exchange.Format + fmt.Sprintf(" v%d)", exchange.Version),
		MediaType: "application/json", SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil },
	})
	return out, leftOut, nil
}

// Estimate is what an export would produce, for the export dialog: pages and size, counting
// deflated attachments at full size and the signature at signatureAllowance.
type Estimate struct {
	Pages   int      `json:"pages"`
	Entries int      `json:"entries"`
	Bytes   int64    `json:"bytes"`
	LeftOut []string `json:"leftOut"`
}

// signatureAllowance is about what signing adds: the field, the form and the room for the CMS,
// 3 KB with an ECDSA identity and up to 11 KB with an RSA-4096 key and its chain.
const signatureAllowance = 4 << 10

// EstimatePDF lays the PDF out and measures it without writing or signing anything.
func (w *Workspace) EstimatePDF(ctx context.Context, opts ExportOptions) (Estimate, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	doc, leftOut, err := w.PDFDocument(ctx, opts)
	if err != nil {
		return Estimate{}, err
	}
	var size countingWriter
	report, err := pdfrender.Render(ctx, &size, doc, printImages{w}, pdfrender.Options{Paper: opts.Paper, Compress: true})
	if err != nil {
		return Estimate{}, err
	}
	bytes := int64(size) + pdfrender.EmbeddedSize(doc) + signatureAllowance
	return Estimate{Pages: report.Pages, Entries: len(doc.Entries), Bytes: bytes, LeftOut: leftOut}, nil
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
