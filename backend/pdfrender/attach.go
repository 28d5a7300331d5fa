package pdfrender

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"

	"io"
	"os"
	"strings"

	"github.com/readyfolio/readyfolio/backend/mediatype"
	"github.com/readyfolio/readyfolio/backend/pdfupdate"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Write renders the portfolio into f (see Render) and appends the certification preset's
// attachments as document-level embedded files, the ones readers list in their attachments
// panel. The attachments are streamed from disk one at a time, already compressed media
// stored as it is, so the memory an export needs does not grow with the evidence; fpdf's own
// SetAttachments would hold every file in memory and deflate JPEGs again.
//
// Each file is checked against the size and SHA-256 that the appendix prints; a file that no
// longer matches stops the export (CodeCorrupt) rather than ship evidence that differs from
// its description. f is left half-written on any error: callers write into a temporary file.
func Write(ctx context.Context, f *os.File, doc Document, images Images, opts Options) (Report, error) {
	report, err := Render(ctx, f, doc, images, opts)
	if err != nil {
		return report, err
	}
	report.Attachments, err = embed(ctx, f, doc, opts.Progress)
	return report, err
}

func embed(ctx context.Context, f *os.File, doc Document, progress func(stage string, done, total int)) (int, error) {
	if doc.Preset != PresetCertification || len(doc.Attachments) == 0 {
		return 0, nil
	}
	files := make([]pdfupdate.EmbeddedFile, len(doc.Attachments))
	for i, a := range doc.Attachments {
		files[i] = pdfupdate.EmbeddedFile{
			Name: oneLine(a.Name), Description: oneLine(a.Description), MediaType: a.MediaType, Size: a.Size,
			Deflate: !mediatype.Compressed(a.MediaType), Open: a.checkedOpen,
		}
	}
	u, err := pdfupdate.Begin(f)
	if err != nil {
		return 0, fmt.Errorf("pdfrender: %w", err)
	}
	var report func(done, total int)
	if progress != nil {
		report = func(done, total int) { progress(StageAttachments, done, total) }
	}
	if err := u.EmbedFiles(ctx, files, report); err != nil {
		return 0, err
	}
	if _, err := u.Finish(); err != nil {
		return 0, err
	}
	return len(files), nil
}

// embeddedOverhead is what an embedded file adds besides its content: its stream dictionary,
// file specification, length object, cross-reference lines and name-tree entry (measured at
// 300 to 450 bytes, depending on the name).
const embeddedOverhead = 450

// updateOverhead is what the update that embeds them adds once: the new catalog, the
// cross-reference header and the trailer.
const updateOverhead = 400

// EmbeddedSize is about how many bytes Write adds for the attachments: their full size, which
// is exact for the compressed media that is stored and an upper bound for what is deflated.
func EmbeddedSize(doc Document) int64 {
	if doc.Preset != PresetCertification || len(doc.Attachments) == 0 {
		return 0
	}
	n := int64(updateOverhead)
	for _, a := range doc.Attachments {
		n += a.Size + embeddedOverhead
	}
	return n
}

// checkedOpen opens the file to embed behind a reader that fails at its end when the bytes
// are not the ones the appendix lists.
func (a Attachment) checkedOpen() (io.ReadCloser, error) {
	if a.Open == nil {
		return nil, fmt.Errorf("pdfrender: attachment %q has no content", a.Name)
	}
	rc, err := a.Open()
	if err != nil {
		return nil, fmt.Errorf("pdfrender: opening %q to embed it: %w", a.Name, err)
	}
	return &checkedReader{rc: rc, a: a, sum: sha256.New()}, nil
}

type checkedReader struct {
	rc   io.ReadCloser
	a    Attachment
	sum  hash.Hash
	read int64
}

func (c *checkedReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.sum.Write(p[:n])
	c.read += int64(n)
	if err == io.EOF {
		if bad := c.mismatch(); bad != nil {
			return n, bad
		}
	}
	return n, err
}

func (c *checkedReader) mismatch() error {
	if c.a.Size != 0 && c.read != c.a.Size {
		return portfolio.Errorf(portfolio.CodeCorrupt, "The file %q is %d bytes, not the %d recorded; run a check of the portfolio before exporting.", c.a.Name, c.read, c.a.Size)
	}
	if c.a.SHA256 != "" && !strings.EqualFold(hex.EncodeToString(c.sum.Sum(nil)), c.a.SHA256) {
		return portfolio.Errorf(portfolio.CodeCorrupt, "The file %q no longer matches its SHA-256; run a check of the portfolio before exporting.", c.a.Name)
	}
	return nil
}

func (c *checkedReader) Close() error { return c.rc.Close() }
