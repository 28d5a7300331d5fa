package imaging

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// pngHeader returns the bit depth, colour type and interlace method from a PNG's IHDR chunk.
func pngHeader(t *testing.T, data []byte) (depth, colorType, interlace byte) {
	t.Helper()
	if len(data) < 29 || string(data[12:16]) != "IHDR" {
		t.Fatalf("not a PNG with IHDR first")
	}
	return data[24], data[25], data[28]
}

func TestPrepareForPrintPhotosBecomeBaselineJPEG(t *testing.T) {
	for name, data := range map[string][]byte{
		"jpeg": encodeJPEG(t, markedImage(64, 32)),
		"webp": readFixture(t, "lossy.webp"),
	} {
		p, err := PrepareForPrint(bytes.NewReader(data), 1000)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Format != "jpg" || !bytes.Contains(p.Data[:min(len(p.Data), 1024)], []byte{0xff, 0xc0}) {
			t.Errorf("%s: format %s; want a baseline JPEG (SOF0)", name, p.Format)
		}
		img, err := jpeg.Decode(bytes.NewReader(p.Data))
		if err != nil || img.Bounds().Dx() != p.Width || img.Bounds().Dy() != p.Height {
			t.Errorf("%s: decoded %v (%v), want %d×%d", name, img.Bounds(), err, p.Width, p.Height)
		}
	}
}

func TestPrepareForPrintLosslessBecomesPlainPNG(t *testing.T) {
	deep := image.NewNRGBA64(image.Rect(0, 0, 40, 20)) // transparent, 16 bits a channel
	for y := range 20 {
		for x := 20; x < 40; x++ {
			deep.Set(x, y, color.NRGBA64{B: 0xffff, A: 0xffff})
		}
	}
	for name, data := range map[string][]byte{
		"16-bit with alpha": encodePNG(t, deep),
		"interlaced":        readFixture(t, "interlaced.png"),
	} {
		p, err := PrepareForPrint(bytes.NewReader(data), 1000)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		depth, colorType, interlace := pngHeader(t, p.Data)
		if p.Format != "png" || depth != 8 || colorType != 2 || interlace != 0 {
			t.Errorf("%s: %s depth %d colour type %d interlace %d; want an 8-bit RGB PNG, not interlaced",
				name, p.Format, depth, colorType, interlace)
		}
		img, err := png.Decode(bytes.NewReader(p.Data))
		if err != nil {
			t.Fatal(err)
		}
		if name == "16-bit with alpha" {
			if c := corners(img); c != [4]string{"white", "blue", "blue", "white"} {
				t.Errorf("corners %v, want transparency flattened onto white", c)
			}
		}
	}
}

func TestPrepareForPrintOrientsAndShrinks(t *testing.T) {
	data := withEXIF(encodeJPEG(t, markedImage(200, 100)), 6)
	p, err := PrepareForPrint(bytes.NewReader(data), 50)
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 25 || p.Height != 50 {
		t.Errorf("size %d×%d, want 25×50 (turned upright, longer side 50)", p.Width, p.Height)
	}
	img, err := jpeg.Decode(bytes.NewReader(p.Data))
	if err != nil {
		t.Fatal(err)
	}
	if got := corners(img); got != [4]string{"gray", "red", "green", "gray"} {
		t.Errorf("corners %v, want the upright orientation", got)
	}
	small, err := PrepareForPrint(bytes.NewReader(encodePNG(t, markedImage(30, 10))), 1000)
	if err != nil || small.Width != 30 || small.Height != 10 {
		t.Errorf("small image: %d×%d (%v), want its own size 30×10", small.Width, small.Height, err)
	}
}

func TestPrepareForPrintRefusesNonImages(t *testing.T) {
	if _, err := PrepareForPrint(bytes.NewReader([]byte("not an image")), 100); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Errorf("text: %v, want invalid", err)
	}
	truncated := encodeJPEG(t, markedImage(64, 64))
	truncated = truncated[:len(truncated)/3]
	if _, err := PrepareForPrint(bytes.NewReader(truncated), 100); err == nil {
		t.Error("a truncated JPEG was accepted")
	}
	if _, err := PrepareForPrint(bytes.NewReader(encodePNG(t, markedImage(4, 4))), 0); err == nil {
		t.Error("size 0 was accepted")
	}
}
