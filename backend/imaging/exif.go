package imaging

import (
	"bytes"
	"encoding/binary"
	"io"
)

const (
	// maxOrientationScan bounds how much of a stream Orientation reads. EXIF sits in the first
	// segments of a JPEG; a file that hides it deeper is treated as having none.
	maxOrientationScan = 1 << 20
	// maxTIFFHead is how much of a TIFF file Orientation reads to find the first directory.
	maxTIFFHead = 64 << 10

	tagOrientation = 0x0112
)

// Orientation returns the EXIF orientation (1 to 8) recorded at the start of a JPEG or TIFF
// stream, and 1 when there is none or it cannot be read. It reads only the header.
func Orientation(r io.Reader) int {
	r = io.LimitReader(r, maxOrientationScan)
	var magic [4]byte
	if _, err := io.ReadFull(r, magic[:2]); err != nil {
		return 1
	}
	if magic[0] == 0xff && magic[1] == 0xd8 {
		return jpegOrientation(r)
	}
	if _, err := io.ReadFull(r, magic[2:]); err != nil || !isTIFFHeader(magic[:]) {
		return 1
	}
	head := make([]byte, maxTIFFHead)
	copy(head, magic[:])
	n, _ := io.ReadFull(r, head[len(magic):])
	return tiffOrientation(head[:len(magic)+n])
}

// jpegOrientation walks the marker segments after SOI until it finds the EXIF APP1 segment or
// the image data begins.
func jpegOrientation(r io.Reader) int {
	var hdr [4]byte
	for {
		// A marker is FF followed by its code; extra FF bytes before the code are padding.
		if _, err := io.ReadFull(r, hdr[:2]); err != nil || hdr[0] != 0xff {
			return 1
		}
		for hdr[1] == 0xff {
			if _, err := io.ReadFull(r, hdr[1:2]); err != nil {
				return 1
			}
		}
		switch marker := hdr[1]; {
		case marker == 0xd9 || marker == 0xda: // EOI, or SOS: image data, no EXIF before it
			return 1
		case marker == 0x01 || 0xd0 <= marker && marker <= 0xd7: // markers without a length
			continue
		}
		if _, err := io.ReadFull(r, hdr[2:4]); err != nil {
			return 1
		}
		length := int(binary.BigEndian.Uint16(hdr[2:4])) - 2
		if length < 0 {
			return 1
		}
		if hdr[1] != 0xe1 || length < 6 {
			if _, err := io.CopyN(io.Discard, r, int64(length)); err != nil {
				return 1
			}
			continue
		}
		seg := make([]byte, length)
		if _, err := io.ReadFull(r, seg); err != nil {
			return 1
		}
		if bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		// Another APP1 (XMP); EXIF may still follow.
	}
}

func isTIFFHeader(b []byte) bool {
	return bytes.HasPrefix(b, []byte("II*\x00")) || bytes.HasPrefix(b, []byte("MM\x00*"))
}

// tiffOrientation finds the orientation tag in the first directory of TIFF-structured data,
// checking every offset against the data it has.
func tiffOrientation(b []byte) int {
	if len(b) < 8 || !isTIFFHeader(b) {
		return 1
	}
	var order binary.ByteOrder = binary.LittleEndian
	if b[0] == 'M' {
		order = binary.BigEndian
	}
	ifd := uint64(order.Uint32(b[4:8]))
	if ifd < 8 || ifd+2 > uint64(len(b)) {
		return 1
	}
	count := uint64(order.Uint16(b[ifd:]))
	entries := b[ifd+2:]
	for i := uint64(0); i < count && (i+1)*12 <= uint64(len(entries)); i++ {
		e := entries[i*12 : (i+1)*12]
		if order.Uint16(e[0:2]) != tagOrientation {
			continue
		}
		var v uint32
		switch typ, n := order.Uint16(e[2:4]), order.Uint32(e[4:8]); {
		case typ == 3 && n >= 1: // SHORT, the type the standard prescribes
			v = uint32(order.Uint16(e[8:10]))
		case typ == 4 && n >= 1: // LONG, written by a few tools
			v = order.Uint32(e[8:12])
		}
		if 1 <= v && v <= 8 {
			return int(v)
		}
		return 1
	}
	return 1
}
