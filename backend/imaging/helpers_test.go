package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// tiffWithOrientation builds TIFF-structured data whose first directory holds one
// orientation entry of the given type (3 SHORT, 4 LONG).
func tiffWithOrientation(order binary.ByteOrder, typ uint16, value uint32) []byte {
	b := make([]byte, 8+2+12+4)
	copy(b, "II*\x00")
	if order == binary.BigEndian {
		copy(b, "MM\x00*")
	}
	order.PutUint32(b[4:], 8)
	order.PutUint16(b[8:], 1)
	e := b[10:22]
	order.PutUint16(e[0:], tagOrientation)
	order.PutUint16(e[2:], typ)
	order.PutUint32(e[4:], 1)
	if typ == 4 {
		order.PutUint32(e[8:], value)
	} else {
		order.PutUint16(e[8:], uint16(value))
	}
	return b
}

// withSegment inserts a marker segment right after a JPEG's SOI marker.
func withSegment(jpg []byte, marker byte, payload []byte) []byte {
	n := len(payload) + 2
	out := append([]byte{}, jpg[:2]...)
	out = append(out, 0xff, marker, byte(n>>8), byte(n))
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

func withEXIF(jpg []byte, orientation int) []byte {
	return withSegment(jpg, 0xe1, append([]byte("Exif\x00\x00"), tiffWithOrientation(binary.LittleEndian, 3, uint32(orientation))...))
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var (
	red   = color.RGBA{220, 20, 20, 255}
	green = color.RGBA{20, 200, 20, 255}
	gray  = color.RGBA{128, 128, 128, 255}
	blue  = color.RGBA{20, 20, 220, 255}
)

// markedImage is a w×h gray image with a red block in its top-left corner and a green block in
// its top-right corner, so that every orientation puts the pair somewhere different.
func markedImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	side := h / 2
	for y := range h {
		for x := range w {
			c := gray
			switch {
			case x < side && y < side:
				c = red
			case x >= w-side && y < side:
				c = green
			}
			img.Set(x, y, c)
		}
	}
	return img
}

// colorName classifies a pixel loosely enough to survive JPEG compression and scaling.
func colorName(c color.Color) string {
	r, g, b, _ := c.RGBA()
	r, g, b = r>>8, g>>8, b>>8
	switch {
	case r > 170 && g < 90 && b < 90:
		return "red"
	case g > 150 && r < 90 && b < 90:
		return "green"
	case b > 170 && r < 90 && g < 90:
		return "blue"
	case r > 235 && g > 235 && b > 235:
		return "white"
	case 100 < r && r < 156 && 100 < g && g < 156 && 100 < b && b < 156:
		return "gray"
	}
	return "other"
}

// corners names the colours a few pixels in from each corner: top-left, top-right,
// bottom-right, bottom-left.
func corners(img image.Image) [4]string {
	b := img.Bounds()
	const in = 3
	return [4]string{
		colorName(img.At(b.Min.X+in, b.Min.Y+in)),
		colorName(img.At(b.Max.X-1-in, b.Min.Y+in)),
		colorName(img.At(b.Max.X-1-in, b.Max.Y-1-in)),
		colorName(img.At(b.Min.X+in, b.Max.Y-1-in)),
	}
}

// onlyReader hides every method but Read, so Decode cannot seek.
type onlyReader struct{ r *bytes.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }
