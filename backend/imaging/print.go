package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/draw"
)

// printQuality keeps photos sharp on paper; print images are larger than thumbnails and read
// closely, so blocking would show.
const printQuality = 88

// Printable is an image re-encoded for a PDF writer that reads only baseline JPEG and plain
// 8-bit PNG, and knows nothing of EXIF orientation.
type Printable struct {
	Data          []byte
	Format        string // "jpg" or "png"
	Width, Height int    // in pixels, upright
}

// PrepareForPrint decodes an image (any format Decode reads), shrinks it so that its longer side
// is at most maxSide pixels (smaller images keep their size), turns it upright, flattens any
// transparency onto white (the paper) and re-encodes it. Lossless sources (PNG, GIF, BMP, TIFF)
// become an 8-bit RGB PNG that is not interlaced, so that screenshots and diagrams stay crisp;
// photos (JPEG, WebP) become a baseline JPEG.
func PrepareForPrint(r io.Reader, maxSide int) (Printable, error) {
	if maxSide <= 0 {
		return Printable{}, fmt.Errorf("imaging: print size %d is not positive", maxSide)
	}
	img, format, orientation, err := decode(r)
	if err != nil {
		return Printable{}, err
	}
	b := img.Bounds()
	w, h := fit(b.Dx(), b.Dy(), maxSide)
	// RGBA, not NRGBA or 16-bit: the PNG encoder then writes 8-bit RGB(A), which fpdf reads.
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Rect, image.White, image.Point{}, draw.Src)
	if w == b.Dx() && h == b.Dy() {
		draw.Draw(dst, dst.Rect, img, b.Min, draw.Over)
	} else {
		draw.CatmullRom.Scale(dst, dst.Rect, img, b, draw.Over, nil)
	}
	upright := ApplyOrientation(dst, orientation)
	out := Printable{Width: upright.Bounds().Dx(), Height: upright.Bounds().Dy()}
	var buf bytes.Buffer
	switch format {
	case "png", "gif", "bmp", "tiff":
		out.Format = "png"
		// Every pixel is opaque after flattening, so the encoder writes RGB without alpha.
		err = png.Encode(&buf, upright)
	default:
		out.Format = "jpg"
		err = jpeg.Encode(&buf, upright, &jpeg.Options{Quality: printQuality})
	}
	if err != nil {
		return Printable{}, fmt.Errorf("encoding the image for print: %w", err)
	}
	out.Data = buf.Bytes()
	return out, nil
}
