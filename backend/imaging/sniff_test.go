package imaging

import (
	"strings"
	"testing"
)

func TestSniffMediaType(t *testing.T) {
	ftyp := func(major, compatible string) []byte {
		box := "ftyp" + major + "\x00\x00\x00\x00" + compatible
		return []byte(string([]byte{0, 0, 0, byte(4 + len(box))}) + box + "\x00\x00\x00\x08free")
	}
	zip := []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
	for _, tc := range []struct {
		name string
		head []byte
		want string
	}{
		{"photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "image/jpeg"},
		{"photo.JPG", []byte("\xff\xd8\xff\xe1\x00\x10Exif\x00\x00"), "image/jpeg"},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image/png"},
		{"anim.gif", []byte("GIF89a\x01\x00\x01\x00"), "image/gif"},
		{"pic.webp", []byte("RIFF\x24\x00\x00\x00WEBPVP8L"), "image/webp"},
		{"named-wrong.png", []byte("RIFF\x24\x00\x00\x00WEBPVP8 "), "image/webp"},
		{"iphone.heic", ftyp("heic", "mif1heic"), "image/heic"},
		{"generic.heif", ftyp("mif1", "mif1heic"), "image/heic"},
		{"photo.avif", ftyp("avif", "avifmif1"), "image/avif"},
		{"photo.avif", ftyp("mif1", "mif1avif"), "image/avif"},
		{"clip.mp4", ftyp("isom", "isomiso2mp41"), "video/mp4"},
		{"clip.mov", ftyp("qt  ", "qt  "), "video/quicktime"},
		{"voice.m4a", ftyp("M4A ", "M4A mp42isom"), "audio/mp4"},
		{"voice.m4a", ftyp("mp42", "isom"), "audio/mp4"},
		{"song.mp3", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), "audio/mpeg"},
		{"song.mp3", []byte("\xff\xfb\x90\x64\x00"), "audio/mpeg"},
		{"memo.wav", []byte("RIFF\x24\x00\x00\x00WAVEfmt "), "audio/wav"},
		{"podcast.ogg", []byte("OggS\x00\x02\x00\x00"), "audio/ogg"},
		{"film.ogv", []byte("OggS\x00\x02\x00\x00"), "video/ogg"},
		{"talk.webm", []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm"), "video/webm"},
		{"talk.mkv", []byte("\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\x82\x88matroska"), "video/x-matroska"},
		{"scan.tif", []byte("II*\x00\x08\x00\x00\x00"), "image/tiff"},
		{"scan.tiff", []byte("MM\x00*\x00\x00\x00\x08"), "image/tiff"},
		{"old.bmp", []byte("BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00"), "image/bmp"},
		{"logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10">`), "image/svg+xml"},
		{"logo.svg", []byte("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE svg>\n<svg>"), "image/svg+xml"},
		{"logo", []byte("<?xml version=\"1.0\"?><svg\n viewBox=\"0 0 1 1\">"), "image/svg+xml"},
		{"long-prologue.svg", []byte("<?xml version=\"1.0\"?><!--" + strings.Repeat("x", 600)), "image/svg+xml"},
		{"page.html", []byte("<!DOCTYPE html><html><body><svg></svg>"), "text/html; charset=utf-8"},
		{"data.xml", []byte("<?xml version=\"1.0\"?><svgish/>"), "text/xml; charset=utf-8"},
		{"report.pdf", []byte("%PDF-1.7\n"), "application/pdf"},
		{"essay.docx", zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"grades.XLSX", zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"deck.pptx", zip, "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
		{"bundle.zip", zip, "application/zip"},
		{"config.json", []byte(`{"rubric": [1, 2, 3]}`), "application/json"},
		{"notes.txt", []byte("What worked: peer review."), "text/plain; charset=utf-8"},
		{"notes", []byte("What worked: peer review."), "text/plain; charset=utf-8"},
		{"blob.bin-unknown", []byte("\x00\x01\x02\x03\xfe"), "application/octet-stream"},
		{"image.png", []byte("\x00\x01\x02\x03\xfe"), "image/png"},
		{"short", []byte("\x00\x00\x00\x01ftyp"), "application/octet-stream"},
		{"empty.txt", nil, "text/plain; charset=utf-8"},
	} {
		if got := SniffMediaType(tc.name, tc.head); got != tc.want {
			t.Errorf("SniffMediaType(%q, %q) = %q, want %q", tc.name, tc.head, got, tc.want)
		}
	}
}
