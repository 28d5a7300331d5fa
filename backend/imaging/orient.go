package imaging

import (
	"image"

	"golang.org/x/image/draw"
)

// ApplyOrientation returns img turned upright according to an EXIF orientation (1 to 8):
// 2 to 4 mirror or turn it half way, 5 to 8 swap its width and height. Other values return img
// unchanged. The result is an *image.RGBA, or an *image.RGBA64 when img has 16-bit channels.
func ApplyOrientation(img image.Image, orientation int) image.Image {
	if orientation < 2 || orientation > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dr := image.Rect(0, 0, w, h)
	if orientation >= 5 {
		dr = image.Rect(0, 0, h, w)
	}
	switch img.(type) {
	case *image.RGBA64, *image.NRGBA64, *image.Gray16:
		src := image.NewRGBA64(image.Rect(0, 0, w, h))
		draw.Draw(src, src.Rect, img, b.Min, draw.Src)
		dst := image.NewRGBA64(dr)
		permute(dst.Pix, dst.Stride, src.Pix, src.Stride, 8, w, h, orientation)
		return dst
	}
	pix, stride := rgbaPixels(img)
	dst := image.NewRGBA(dr)
	permute(dst.Pix, dst.Stride, pix, stride, 4, w, h, orientation)
	return dst
}

// rgbaPixels returns img's pixels as RGBA bytes starting at its top-left corner, copying only
// when img is not RGBA already.
func rgbaPixels(img image.Image) ([]byte, int) {
	if m, ok := img.(*image.RGBA); ok {
		return m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):], m.Stride
	}
	b := img.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Rect, img, b.Min, draw.Src)
	return m.Pix, m.Stride
}

// permute copies each pixel of a w×h source (bpp bytes each) to where the orientation puts it.
// It walks the destination and asks where each pixel comes from.
func permute(dst []byte, dstStride int, src []byte, srcStride, bpp, w, h, orientation int) {
	dw, dh := w, h
	if orientation >= 5 {
		dw, dh = h, w
	}
	for y := range dh {
		row := dst[y*dstStride:]
		for x := range dw {
			sx, sy := x, y
			switch orientation {
			case 2: // mirrored left to right
				sx = w - 1 - x
			case 3: // turned half way
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored top to bottom
				sy = h - 1 - y
			case 5: // mirrored along the main diagonal
				sx, sy = y, x
			case 6: // stored turned a quarter counter-clockwise
				sx, sy = y, h-1-x
			case 7: // mirrored along the other diagonal
				sx, sy = w-1-y, h-1-x
			case 8: // stored turned a quarter clockwise
				sx, sy = w-1-y, x
			}
			copy(row[x*bpp:(x+1)*bpp], src[sy*srcStride+sx*bpp:])
		}
	}
}
