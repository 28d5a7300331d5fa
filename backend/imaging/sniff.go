// Package imaging reads the images educators attach: it names their media type, decodes them
// upright according to their EXIF orientation, and makes thumbnails, refusing images so large
// that decoding them would exhaust memory.
package imaging

import (
	"bytes"
	"encoding/binary"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
)

// sniffLen is how much of a file SniffMediaType looks at, the same as http.DetectContentType.
const sniffLen = 512

// zipByExtension names the zip-based office formats, which only their extension tells apart.
var zipByExtension = map[string]string{
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

// SniffMediaType names the media type of a file from its first bytes (up to 512 are used) and,
// when they are not conclusive, from the extension of its name.
func SniffMediaType(fileName string, head []byte) string {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	ext := strings.ToLower(filepath.Ext(fileName))
	if t := sniffMagic(head, ext); t != "" {
		return t
	}
	detected := http.DetectContentType(head)
	switch {
	case detected == "application/zip":
		if t, ok := zipByExtension[ext]; ok {
			return t
		}
	case detected == "application/ogg":
		if ext == ".ogv" {
			return "video/ogg"
		}
		return "audio/ogg"
	case detected == "audio/wave":
		return "audio/wav"
	case detected == "application/octet-stream", strings.HasPrefix(detected, "text/plain"),
		strings.HasPrefix(detected, "text/xml"):
		// Generic answers: a known extension says more (.csv, .json, .svg with a long prologue).
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
	}
	return detected
}

// sniffMagic recognises the formats http.DetectContentType does not know or lumps together.
func sniffMagic(head []byte, ext string) string {
	switch {
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return isoMediaType(head, ext)
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "image/tiff"
	case bytes.HasPrefix(head, []byte("\x1a\x45\xdf\xa3")):
		if bytes.Contains(head, []byte("webm")) {
			return "video/webm"
		}
		return "video/x-matroska"
	case len(head) >= 3 && head[0] == 0xff && head[1]&0xe6 == 0xe2 && head[2]>>4 != 0xf && head[2]&0x0c != 0x0c:
		// An MPEG audio layer III frame header without an ID3 tag in front: sync bits, layer
		// III, and a valid bitrate and sample rate (which also keeps JPEG's FF D8 out).
		return "audio/mpeg"
	case isSVG(head):
		return "image/svg+xml"
	}
	return ""
}

// isoMediaType names a file in the ISO base media format (MP4, QuickTime, HEIF) by its brands.
func isoMediaType(head []byte, ext string) string {
	switch string(head[8:12]) {
	case "heic", "heix", "hevc", "hevx", "heim", "heis":
		return "image/heic"
	case "avif", "avis":
		return "image/avif"
	case "mif1", "msf1":
		// Generic HEIF; a compatible brand tells AVIF from HEIC.
		end := int64(binary.BigEndian.Uint32(head)) // the ftyp box, whose brands follow the major one
		if end < 12 || end > int64(len(head)) {
			end = int64(len(head))
		}
		if bytes.Contains(head[12:end], []byte("avif")) {
			return "image/avif"
		}
		return "image/heic"
	case "qt  ":
		return "video/quicktime"
	case "M4A ", "M4B ":
		return "audio/mp4"
	case "3gp4", "3gp5", "3gp6":
		return "video/3gpp"
	}
	if ext == ".m4a" {
		return "audio/mp4"
	}
	return "video/mp4"
}

// isSVG reports whether the first element of an XML document is <svg>, skipping the XML
// declaration, comments and a doctype.
func isSVG(head []byte) bool {
	s := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for {
		s = bytes.TrimLeft(s, " \t\r\n")
		var end string
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			end = "?>"
		case bytes.HasPrefix(s, []byte("<!--")):
			end = "-->"
		case bytes.HasPrefix(s, []byte("<!")):
			end = ">"
		default:
			return bytes.HasPrefix(s, []byte("<svg")) && len(s) > 4 && strings.IndexByte(" \t\r\n>/", s[4]) >= 0
		}
		i := bytes.Index(s, []byte(end))
		if i < 0 {
			return false
		}
		s = s[i+len(end):]
	}
}
