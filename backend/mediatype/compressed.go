// Package mediatype knows what media types say about a file's bytes, for the exports that
// decide whether compressing it again is worth the time.
package mediatype

import "strings"

// compressedTypes are formats whose content is already compressed: deflating them again
// costs time and saves next to nothing.
var compressedTypes = map[string]bool{
	"image/jpeg": true, "image/png": true, "image/gif": true, "image/webp": true, "image/avif": true,
	"image/heic": true, "image/heif": true, "image/jxl": true,
	"application/pdf": true, "application/zip": true, "application/gzip": true, "application/x-7z-compressed": true,
	"application/x-rar-compressed": true, "application/vnd.rar": true, "application/x-xz": true, "application/zstd": true,
	"application/x-bzip2": true, "application/epub+zip": true,
	"application/vnd.oasis.opendocument.text":         true,
	"application/vnd.oasis.opendocument.spreadsheet":  true,
	"application/vnd.oasis.opendocument.presentation": true,
}

// Compressed reports whether files of this media type are already compressed: images other
// than BMP, TIFF and SVG, audio and video (WAV aside), PDF, archives, and office documents,
// which are ZIP archives. Parameters such as "; charset=utf-8" are ignored.
func Compressed(mediaType string) bool {
	t, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(mediaType)), ";")
	t = strings.TrimSpace(t)
	switch {
	case compressedTypes[t]:
		return true
	case strings.HasPrefix(t, "video/"):
		return true
	case strings.HasPrefix(t, "audio/"):
		return t != "audio/wav" && t != "audio/x-wav" && t != "audio/wave"
	case strings.HasPrefix(t, "application/vnd.openxmlformats-officedocument."):
		return true
	}
	return false
}
