package mediatype

import "testing"

func TestCompressed(t *testing.T) {
	for mediaType, want := range map[string]bool{
		"image/jpeg": true, "IMAGE/PNG": true, "video/mp4": true, "audio/mpeg": true, "application/pdf": true,
		"application/zip": true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": true,
		"text/plain; charset=utf-8": false, "text/csv": false, "application/json": false, "image/svg+xml": false,
		"image/bmp": false, "image/tiff": false, "audio/wav": false, "": false, "application/octet-stream": false,
	} {
		if got := Compressed(mediaType); got != want {
			t.Errorf("Compressed(%q) = %v, want %v", mediaType, got, want)
		}
	}
}
