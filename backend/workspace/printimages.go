package workspace

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"path/filepath"

	"github.com/readyfolio/readyfolio/backend/imaging"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
)

// PrintDir caches images prepared for print, keyed by content hash and size, so that each
// photo is decoded, oriented and shrunk once, not at every export.
const PrintDir = "cache/print"

// printImages serves pdfrender's images from the blob store through the print cache.
type printImages struct{ w *Workspace }

func (p printImages) Print(sha256 string, maxSide int) (pdfrender.Prepared, error) {
	for _, format := range []string{"jpg", "png"} {
		cached := filepath.Join(p.w.Dir, PrintDir, fmt.Sprintf("%s-%d.%s", sha256, maxSide, format))
		if data, err := os.ReadFile(cached); err == nil {
			if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
				return pdfrender.Prepared{Data: data, Format: format, Width: cfg.Width, Height: cfg.Height}, nil
			}
		}
	}
	f, err := p.w.Blobs.Open(sha256)
	if err != nil {
		return pdfrender.Prepared{}, err
	}
	defer f.Close()
	img, err := imaging.PrepareForPrint(f, maxSide)
	if err != nil {
		return pdfrender.Prepared{}, err
	}
	// The cache only saves time: failing to write it must not fail the export.
	writeFileAtomic(filepath.Join(p.w.Dir, PrintDir, fmt.Sprintf("%s-%d.%s", sha256, maxSide, img.Format)), img.Data)
	return pdfrender.Prepared{Data: img.Data, Format: img.Format, Width: img.Width, Height: img.Height}, nil
}
