package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"io"
	"testing"
)

func TestOrientationJPEG(t *testing.T) {
	plain := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), "<x:xmpmeta/>"...)
	jfif := []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
	for o := 1; o <= 8; o++ {
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			for _, typ := range []uint16{3, 4} {
				exif := append([]byte("Exif\x00\x00"), tiffWithOrientation(order, typ, uint32(o))...)
				// EXIF after a JFIF header and an XMP packet, as some editors write it.
				jpg := withSegment(withSegment(withSegment(plain, 0xe1, exif), 0xe1, xmp), 0xe0, jfif)
				if got := Orientation(bytes.NewReader(jpg)); got != o {
					t.Errorf("%v type %d: Orientation = %d, want %d", order, typ, got, o)
				}
			}
		}
	}
}

func TestOrientationTIFF(t *testing.T) {
	for o := 1; o <= 8; o++ {
		if got := Orientation(bytes.NewReader(tiffWithOrientation(binary.BigEndian, 3, uint32(o)))); got != o {
			t.Errorf("Orientation = %d, want %d", got, o)
		}
	}
}

func TestOrientationAbsentOrInvalid(t *testing.T) {
	plain := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	exif := func(b []byte) []byte { return withSegment(plain, 0xe1, append([]byte("Exif\x00\x00"), b...)) }
	valid := tiffWithOrientation(binary.LittleEndian, 3, 6)
	outOfRange := tiffWithOrientation(binary.LittleEndian, 3, 9)
	wrongType := tiffWithOrientation(binary.LittleEndian, 2, 6)
	farIFD := bytes.Clone(valid)
	binary.LittleEndian.PutUint32(farIFD[4:], 0xfffffff0)
	manyEntries := bytes.Clone(valid)
	binary.LittleEndian.PutUint16(manyEntries[8:], 0xffff)
	manyEntries[10] = 0 // the one real entry is no longer the orientation
	for name, data := range map[string][]byte{
		"empty":           nil,
		"png":             []byte("\x89PNG\r\n\x1a\n"),
		"jpeg without":    plain,
		"soi only":        plain[:2],
		"value 9":         exif(outOfRange),
		"ASCII type":      exif(wrongType),
		"IFD beyond data": exif(farIFD),
		"entry count lie": exif(manyEntries),
		"truncated EXIF":  exif(valid[:15]),
		"bad marker":      []byte{0xff, 0xd8, 0x00, 0xe1},
		"short length":    []byte{0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01},
		"tiff header":     []byte("MM\x00*"),
	} {
		if got := Orientation(bytes.NewReader(data)); got != 1 {
			t.Errorf("%s: Orientation = %d, want 1", name, got)
		}
	}
}

// countingReader counts what is read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// endlessSegments yields SOI and then APP2 segments forever.
type endlessSegments struct{ pos int64 }

func (e *endlessSegments) Read(p []byte) (int, error) {
	for i := range p {
		switch k := (e.pos - 2) % 65537; {
		case e.pos == 0:
			p[i] = 0xff
		case e.pos == 1:
			p[i] = 0xd8
		case k == 0 || k == 2:
			p[i] = 0xff
		case k == 1:
			p[i] = 0xe2
		default:
			p[i] = 0xff // the length (0xffff) and the payload
		}
		e.pos++
	}
	return len(p), nil
}

func TestOrientationReadsBoundedHeader(t *testing.T) {
	c := &countingReader{r: &endlessSegments{}}
	if got := Orientation(c); got != 1 {
		t.Errorf("Orientation = %d, want 1", got)
	}
	if c.n > maxOrientationScan {
		t.Errorf("read %d bytes, more than the %d allowed", c.n, maxOrientationScan)
	}
}

func FuzzOrientation(f *testing.F) {
	plain := encodeJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)))
	for o := 1; o <= 8; o++ {
		f.Add(withEXIF(plain, o))
		f.Add(tiffWithOrientation(binary.BigEndian, 3, uint32(o)))
	}
	f.Add(plain)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if got := Orientation(bytes.NewReader(data)); got < 1 || got > 8 {
			t.Fatalf("Orientation = %d", got)
		}
	})
}
