package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"

	"golang.org/x/image/draw"
)

// thumbnailQuality keeps thumbnails small without visible blocking at preview size.
const thumbnailQuality = 82

// Thumbnail decodes an image, shrinks it so that its longer side is at most maxSide pixels
// (smaller images keep their size), turns it upright, flattens any transparency onto white and
// encodes it as a JPEG.
func Thumbnail(r io.Reader, maxSide int) ([]byte, error) {
	if maxSide <= 0 {
		return nil, fmt.Errorf("imaging: thumbnail size %d is not positive", maxSide)
	}
	img, _, orientation, err := decode(r)
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	w, h := fit(b.Dx(), b.Dy(), maxSide)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Rect, image.White, image.Point{}, draw.Src)
	// Scaling before turning: the longer side is the same either way, and turning is cheaper
	// on the small image.
	draw.CatmullRom.Scale(dst, dst.Rect, img, b, draw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, ApplyOrientation(dst, orientation), &jpeg.Options{Quality: thumbnailQuality}); err != nil {
		return nil, fmt.Errorf("encoding the thumbnail: %w", err)
	}
	return out.Bytes(), nil
}

// fit returns the size of a w×h image shrunk so that neither side exceeds maxSide.
func fit(w, h, maxSide int) (int, int) {
	if w <= maxSide && h <= maxSide {
		return w, h
	}
	if w >= h {
		return maxSide, max(1, int((int64(h)*int64(maxSide)+int64(w)/2)/int64(w)))
	}
	return max(1, int((int64(w)*int64(maxSide)+int64(h)/2)/int64(h))), maxSide
}
