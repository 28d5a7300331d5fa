package imaging

import (
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registered with image.Decode
	_ "image/jpeg"
	_ "image/png"
	"io"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const (
	// maxPixels is the largest image Decode accepts. Decoded, it takes 400 MB (800 MB at 16
	// bits a channel); more could take the app down on an ordinary laptop.
	maxPixels = 100_000_000
	// maxHeader bounds what Decode keeps in memory to read the header of an input it cannot
	// seek in twice.
	maxHeader = 16 << 20
)

var errHeaderTooLarge = errors.New("image header too large")

// Decode decodes a JPEG, PNG, GIF (its first frame), WebP, BMP or TIFF image and returns it
// with the name of its format. JPEGs are turned upright according to their EXIF orientation.
// Images over 100 megapixels are refused before any pixel is decoded. Inputs that can seek
// (files) are read without buffering; others have only their header buffered.
func Decode(r io.Reader) (image.Image, string, error) {
	img, format, orientation, err := decode(r)
	if err != nil {
		return nil, "", err
	}
	return ApplyOrientation(img, orientation), format, nil
}

// decode decodes an image and returns the orientation it should be shown in, so that callers
// that shrink it can turn the smaller image instead.
func decode(r io.Reader) (image.Image, string, int, error) {
	src, err := newReplayer(r)
	if err != nil {
		return nil, "", 0, err
	}
	cfg, format, err := image.DecodeConfig(src)
	if err != nil {
		return nil, "", 0, unreadable(err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, "", 0, portfolio.Errorf(portfolio.CodeInvalid, "The image has no pixels (%d × %d).", cfg.Width, cfg.Height)
	}
	if mp := int64(cfg.Width) * int64(cfg.Height); mp > maxPixels {
		return nil, "", 0, portfolio.Errorf(portfolio.CodeInvalid,
			"The image is %d × %d pixels (%d megapixels); ReadyFolio shows images up to %d megapixels. Save a smaller copy and attach that.",
			cfg.Width, cfg.Height, mp/1_000_000, maxPixels/1_000_000)
	}
	orientation := 1
	if format == "jpeg" {
		if err := src.rewind(false); err != nil {
			return nil, "", 0, err
		}
		orientation = Orientation(src)
	}
	if err := src.rewind(true); err != nil {
		return nil, "", 0, err
	}
	img, _, err := image.Decode(src)
	if err != nil {
		return nil, "", 0, unreadable(err)
	}
	return img, format, orientation, nil
}

func unreadable(err error) error {
	switch {
	case errors.Is(err, image.ErrFormat):
		return portfolio.Errorf(portfolio.CodeInvalid, "The file is not an image ReadyFolio can read (JPEG, PNG, GIF, WebP, BMP or TIFF).")
	case errors.Is(err, errHeaderTooLarge):
		return portfolio.Errorf(portfolio.CodeInvalid, "The image's header is unusually large; ReadyFolio cannot read it.")
	}
	return portfolio.Errorf(portfolio.CodeInvalid, "The image is damaged or incomplete (%v).", err)
}

// replayer lets decode read an input's header, then start again from its first byte.
type replayer interface {
	io.Reader
	// rewind goes back to the first byte. After a final rewind the header need not be kept.
	rewind(final bool) error
}

func newReplayer(r io.Reader) (replayer, error) {
	if s, ok := r.(io.ReadSeeker); ok {
		start, err := s.Seek(0, io.SeekCurrent)
		if err == nil {
			return &seekReplayer{ReadSeeker: s, start: start}, nil
		}
		// Not really seekable (a pipe behind an *os.File): record instead.
	}
	return &recordReplayer{src: r}, nil
}

type seekReplayer struct {
	io.ReadSeeker
	start int64
}

func (s *seekReplayer) rewind(bool) error {
	if _, err := s.Seek(s.start, io.SeekStart); err != nil {
		return fmt.Errorf("rewinding the image: %w", err)
	}
	return nil
}

// recordReplayer keeps what is read until the final rewind, then replays it once.
type recordReplayer struct {
	src   io.Reader
	buf   []byte
	off   int
	final bool
}

func (r *recordReplayer) Read(p []byte) (int, error) {
	if r.off < len(r.buf) {
		n := copy(p, r.buf[r.off:])
		r.off += n
		return n, nil
	}
	if r.final {
		r.buf = nil
		return r.src.Read(p)
	}
	room := maxHeader - len(r.buf)
	if room <= 0 {
		return 0, errHeaderTooLarge
	}
	n, err := r.src.Read(p[:min(len(p), room)])
	r.buf = append(r.buf, p[:n]...)
	r.off = len(r.buf)
	return n, err
}

func (r *recordReplayer) rewind(final bool) error {
	r.off = 0
	r.final = final
	return nil
}
