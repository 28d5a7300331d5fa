// Package submission is what an educator sends a certifying body: one zip holding a BagIt bag
// with the signed PDF, portfolio.json, an offline viewer (index.html) and the original files,
// its tag manifest signed with the educator's identity. It builds the package, verifies one for
// a reviewer, and brings one into a data folder.
package submission

import (
	"bytes"
	"context"
	"io"
	"mime"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/mediatype"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/viewer"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// Names inside the bag, relative to its data/ folder or top level.
const (
	PDFName       = "portfolio.pdf"
	JSONName      = "portfolio.json"
	CertName      = "signer-cert.pem"
	SignatureName = "tagmanifest-sha256.txt.p7s"
	TagManifest   = "tagmanifest-sha256.txt"
)

// StagePayload is reported to Options.Progress once per file written into the package, after
// the PDF's own stages.
const StagePayload = "package"

// Signer signs the PDF and the tag manifest with the educator's unlocked identity; the signing
// package implements it.
type Signer interface {
	workspace.Signer
	SignManifest(content []byte, at time.Time) ([]byte, error)
	CertificatePEM() []byte
}

// Options choose how the package is made.
type Options struct {
	Paper      pdfrender.Paper
	Now        time.Time // every date in the package; the same data and Now give the same bytes
	AppVersion string
	Overwrite  bool
	Progress   func(stage string, done, total int)
}

// Report says what a package holds.
type Report struct {
	Path      string `json:"path"`
	Bytes     int64  `json:"bytes"`
	Entries   int    `json:"entries"`
	Artifacts int    `json:"artifacts"` // original files
	// Credentials counts the credentials' files, under data/credentials.
	Credentials int              `json:"credentials"`
	PDF         pdfrender.Report `json:"pdf"`
}

// packageTempPattern names the folder where the package's PDF is made before it is packed.
const packageTempPattern = ".readyfolio-package-*"

// thumbnailSide is the viewer's thumbnail size: sharp at the width it shows them.
const thumbnailSide = 480

// Build writes the package for the entries marked ready to path, atomically. The signed PDF is
// made first in a temporary folder next to path, then every file is streamed into the zip, so
// memory does not grow with the evidence. A file that no longer matches its recorded hash stops
// the build (CodeCorrupt).
func Build(ctx context.Context, ws *workspace.Workspace, dest string, signer Signer, opts Options) (Report, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	exportOpts := workspace.ExportOptions{
		Preset: pdfrender.PresetCertification, Paper: opts.Paper, Now: opts.Now, AppVersion: opts.AppVersion,
		OriginalsBeside: true, Progress: opts.Progress,
	}
	src, err := ws.ExportSource(ctx, exportOpts)
	if err != nil {
		return Report{}, err
	}
	doc := exchange.Build(src)
	data, err := exchange.Marshal(doc)
	if err != nil {
		return Report{}, err
	}
	coverage, err := ws.CoverageInUse(ctx, src)
	if err != nil {
		return Report{}, err
	}
	atomicfile.SweepStale(filepath.Dir(dest), packageTempPattern)
	tmp, err := os.MkdirTemp(filepath.Dir(dest), packageTempPattern)
	if err != nil {
		return Report{}, atomicfile.DiskError(dest, err)
	}
	defer os.RemoveAll(tmp)
	pdfPath := filepath.Join(tmp, PDFName)
	pdfReport, err := ws.ExportPDF(ctx, pdfPath, signer, exportOpts)
	if err != nil {
		if atomicfile.IsNoSpace(err) { // name the package asked for, not the temporary PDF
			return Report{}, atomicfile.DiskError(dest, err)
		}
		return Report{}, err
	}
	report := Report{Path: dest, Entries: len(doc.Entries), PDF: pdfReport.Report}
	err = atomicfile.Write(dest, opts.Overwrite, func(f *os.File) error {
		w := &writer{ctx: ctx, bag: bag.NewWriter(f, bagRoot(opts.Now), opts.Now), progress: opts.Progress, total: payloadCount(doc)}
		if err := w.addFile(PDFName, pdfPath, "application/pdf"); err != nil {
			return err
		}
		w.step()
		if err := w.add(JSONName, bytes.NewReader(data), "application/json", ""); err != nil {
			return err
		}
		w.step()
		site := viewer.Site{Portfolio: doc, Coverage: coverage, PDFName: PDFName, Thumbnail: func(sha string) ([]byte, bool) {
			thumb, err := ws.Thumbnail(sha, thumbnailSide)
			return thumb, err == nil
		}}
		if err := viewer.Write(site, func(name string, r io.Reader) error { return w.add(name, r, mime.TypeByExtension(path.Ext(name)), "") }); err != nil {
			return err
		}
		for _, e := range doc.Entries {
			for _, a := range e.Artifacts {
				if a.Type != portfolio.ArtifactFile {
					continue
				}
				if err := w.addBlob(ws, a.Path, a.MediaType, a.SHA256); err != nil {
					return err
				}
				report.Artifacts++
				w.step()
			}
		}
		for _, c := range doc.Credentials {
			if c.Path == "" {
				continue
			}
			if err := w.addBlob(ws, c.Path, c.MediaType, c.SHA256); err != nil {
				return err
			}
			report.Credentials++
			w.step()
		}
		p := doc.Profile
		info := []bag.Field{
			{Name: "Source-Organization", Value: p.District},
			{Name: "Contact-Name", Value: p.Name},
			{Name: "Contact-Email", Value: p.Email},
			{Name: "External-Identifier", Value: doc.PortfolioID},
			{Name: "Bag-Software-Agent", Value: "ReadyFolio " + opts.AppVersion},
		}
		extra := []bag.TagFile{{Name: CertName, Data: signer.CertificatePEM()}}
		if err := w.bag.Finish(info, extra, func(tagManifest []byte) ([]bag.TagFile, error) {
			sig, err := signer.SignManifest(tagManifest, opts.Now)
			return []bag.TagFile{{Name: SignatureName, Data: sig}}, err
		}); err != nil {
			return err
		}
		written, err := f.Stat()
		if err != nil {
			return err
		}
		report.Bytes = written.Size()
		return ctx.Err()
	})
	if err != nil {
		return Report{}, err
	}
	return report, nil
}

// bagRoot is the package's top folder: dated, so two packages unzipped side by side differ.
func bagRoot(now time.Time) string { return "portfolio-" + now.UTC().Format("2006-01-02") }

// payloadCount is how many files go into data/ besides the viewer's: for the progress bar.
func payloadCount(doc exchange.Portfolio) int {
	n := 2
	for _, e := range doc.Entries {
		for _, a := range e.Artifacts {
			if a.Type == portfolio.ArtifactFile {
				n++
			}
		}
	}
	for _, c := range doc.Credentials {
		if c.Path != "" {
			n++
		}
	}
	return n
}

// writer streams files into the bag, checking the originals against their recorded hashes.
type writer struct {
	ctx      context.Context
	bag      *bag.Writer
	progress func(stage string, done, total int)
	done     int
	total    int
}

func (w *writer) addFile(name, path, mediaType string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return w.add(name, f, mediaType, "")
}

// addBlob writes a file of the blob store (an original or a credential's file) at name,
// checked against its SHA-256 as it is read.
func (w *writer) addBlob(ws *workspace.Workspace, name, mediaType, sha string) error {
	blob, err := ws.Blobs.Open(sha)
	if err != nil {
		return err
	}
	defer blob.Close()
	return w.add(name, blob, mediaType, sha)
}

// add writes one payload file; wantSHA, when given, must be the SHA-256 of what was read.
func (w *writer) add(name string, r io.Reader, mediaType, wantSHA string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	sum, _, err := w.bag.AddPayload(name, r, !mediatype.Compressed(mediaType))
	if err != nil {
		return err
	}
	if wantSHA != "" && sum != wantSHA {
		return portfolio.Errorf(portfolio.CodeCorrupt, "The file %s no longer matches its SHA-256; run a check of the portfolio before exporting.", name)
	}
	return nil
}

// step reports one more of the counted files (the PDF, portfolio.json and the originals).
func (w *writer) step() {
	w.done++
	if w.progress != nil {
		w.progress(StagePayload, w.done, w.total)
	}
}
