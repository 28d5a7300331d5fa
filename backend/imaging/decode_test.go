package imaging

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// samples returns one small image per supported format, wider than tall with a red top-left
// corner, except alpha.webp (transparent with an opaque blue right half). The fixtures were
// made with ImageMagick 6.9:
//
//	convert -size 33x17 gradient:red-blue -depth 8 -interlace PNG -define png:color-type=2 interlaced.png
//	convert -size 32x16 xc:'rgb(40,160,60)' -fill 'rgb(220,30,30)' -draw 'rectangle 0,0 7,7' -define webp:lossless=false lossy.webp
//	convert -size 32x16 xc:none -fill 'rgba(0,0,255,1)' -draw 'rectangle 16,0 31,15' -define webp:lossless=true alpha.webp
func samples(t testing.TB) map[string][]byte {
	t.Helper()
	marked := markedImage(32, 16)
	deep := image.NewNRGBA64(marked.Rect)
	for y := range 16 {
		for x := range 32 {
			deep.Set(x, y, marked.At(x, y))
		}
	}
	var gifBuf, bmpBuf, tiffBuf bytes.Buffer
	if err := gif.Encode(&gifBuf, marked, nil); err != nil {
		t.Fatal(err)
	}
	if err := bmp.Encode(&bmpBuf, marked); err != nil {
		t.Fatal(err)
	}
	if err := tiff.Encode(&tiffBuf, marked, &tiff.Options{Compression: tiff.Deflate}); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"jpeg":           encodeJPEG(t, marked),
		"png":            encodePNG(t, marked),
		"png 16-bit":     encodePNG(t, deep),
		"png interlaced": readFixture(t, "interlaced.png"),
		"gif":            gifBuf.Bytes(),
		"bmp":            bmpBuf.Bytes(),
		"tiff":           tiffBuf.Bytes(),
		"webp lossy":     readFixture(t, "lossy.webp"),
		"webp alpha":     readFixture(t, "alpha.webp"),
	}
}

func TestDecodeFormats(t *testing.T) {
	for name, data := range samples(t) {
		wantFormat, wantSize, wantCorner := strings.Fields(name)[0], image.Pt(32, 16), "red"
		switch name {
		case "png interlaced":
			wantSize = image.Pt(33, 17)
		case "webp alpha":
			wantCorner = "transparent"
		}
		for _, wrap := range []string{"seekable", "stream"} {
			r := bytes.NewReader(data)
			var img image.Image
			var format string
			var err error
			if wrap == "stream" {
				img, format, err = Decode(onlyReader{r})
			} else {
				img, format, err = Decode(r)
			}
			if err != nil {
				t.Errorf("%s (%s): %v", name, wrap, err)
				continue
			}
			if format != wantFormat || img.Bounds().Size() != wantSize {
				t.Errorf("%s (%s): format %s size %v, want %s %v", name, wrap, format, img.Bounds().Size(), wantFormat, wantSize)
			}
			corner := colorName(img.At(img.Bounds().Min.X+1, img.Bounds().Min.Y+1))
			if _, _, _, a := img.At(1, 1).RGBA(); a == 0 {
				corner = "transparent"
			}
			if corner != wantCorner {
				t.Errorf("%s (%s): top-left corner is %s, want %s", name, wrap, corner, wantCorner)
			}
		}
	}
}

func TestDecodeKeeps16Bits(t *testing.T) {
	img := image.NewNRGBA64(image.Rect(0, 0, 4, 4))
	img.Set(0, 0, color.NRGBA64{R: 0x1234, G: 0xabcd, B: 0x0101, A: 0xffff})
	got, _, err := Decode(bytes.NewReader(encodePNG(t, img)))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, _ := got.At(0, 0).RGBA(); r != 0x1234 || g != 0xabcd || b != 0x0101 {
		t.Errorf("pixel = %04x %04x %04x, want 1234 abcd 0101", r, g, b)
	}
}

func TestDecodeAppliesJPEGOrientation(t *testing.T) {
	data := withEXIF(encodeJPEG(t, markedImage(64, 32)), 6)
	for _, r := range []interface{ Read([]byte) (int, error) }{bytes.NewReader(data), onlyReader{bytes.NewReader(data)}} {
		img, _, err := Decode(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got != image.Pt(32, 64) {
			t.Fatalf("size %v, want 32x64", got)
		}
		if got, want := corners(img), [4]string{"gray", "red", "green", "gray"}; got != want {
			t.Errorf("corners %v, want %v", got, want)
		}
	}
}

// withSOFSize rewrites the dimensions a baseline JPEG declares.
func withSOFSize(t *testing.T, jpg []byte, w, h int) []byte {
	i := bytes.Index(jpg, []byte{0xff, 0xc0})
	if i < 0 {
		t.Fatal("no SOF0 marker")
	}
	out := bytes.Clone(jpg)
	out[i+5], out[i+6], out[i+7], out[i+8] = byte(h>>8), byte(h), byte(w>>8), byte(w)
	return out
}

func TestDecodeRefusesHugeImages(t *testing.T) {
	huge := withSOFSize(t, encodeJPEG(t, markedImage(16, 16)), 20000, 20000)
	start := time.Now()
	_, _, err := Decode(bytes.NewReader(huge))
	if portfolio.Code(err) != portfolio.CodeInvalid || !strings.Contains(err.Error(), "400 megapixels") {
		t.Errorf("Decode = %v, want an invalid-image error naming 400 megapixels", err)
	}
	_, err = Thumbnail(bytes.NewReader(huge), 64)
	if portfolio.Code(err) != portfolio.CodeInvalid {
		t.Errorf("Thumbnail = %v, want invalid", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing took %v; it must not decode", d)
	}
}

func TestDecodeRejectsNonImages(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty": nil,
		"text":  []byte("Reflection: what changed in my classroom."),
		"pdf":   []byte("%PDF-1.7\n"),
	} {
		_, _, err := Decode(bytes.NewReader(data))
		if portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("%s: Decode = %v, want invalid", name, err)
		}
	}
}

func TestDecodeDamagedImages(t *testing.T) {
	for name, data := range samples(t) {
		for n := 0; n < len(data); n += max(1, len(data)/40) {
			_, _, err := Decode(bytes.NewReader(data[:n]))
			if n <= len(data)/2 && err == nil {
				t.Errorf("%s cut to %d of %d bytes decoded without error", name, n, len(data))
			}
		}
		for i := 0; i < len(data); i += max(1, len(data)/40) {
			damaged := bytes.Clone(data)
			damaged[i] ^= 0x5a
			Decode(bytes.NewReader(damaged)) // must not panic; damage may go unnoticed
		}
	}
}

func TestDecodeStreamHeaderLimit(t *testing.T) {
	jpg := encodeJPEG(t, markedImage(16, 16))
	padding := make([]byte, 65533)
	for range maxHeader/len(padding) + 1 {
		jpg = withSegment(jpg, 0xe2, padding)
	}
	if _, _, err := Decode(bytes.NewReader(jpg)); err != nil {
		t.Errorf("seekable input with a large header: %v", err)
	}
	_, _, err := Decode(onlyReader{bytes.NewReader(jpg)})
	if portfolio.Code(err) != portfolio.CodeInvalid || !strings.Contains(err.Error(), "header") {
		t.Errorf("stream with a header over %d bytes: %v, want invalid", maxHeader, err)
	}
}
