package workspace

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/readyfolio/readyfolio/backend/imaging"
)

// Thumbnail returns a JPEG of the stored image, oriented and scaled to fit maxSide. Thumbnails
// are cached beside the database, keyed by content hash, so each is decoded only once.
func (w *Workspace) Thumbnail(sha256 string, maxSide int) ([]byte, error) {
	cached := filepath.Join(w.Dir, ThumbnailsDir, fmt.Sprintf("%s-%d.jpg", sha256, maxSide))
	if data, err := os.ReadFile(cached); err == nil {
		return data, nil
	}
	f, err := w.Blobs.Open(sha256)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := imaging.Thumbnail(f, maxSide)
	if err != nil {
		return nil, err
	}
	// The cache is only an optimisation: failing to write it must not fail the caller.
	writeFileAtomic(cached, data)
	return data, nil
}

// writeFileAtomic writes data to a temporary file in the same folder and renames it into place,
// so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), cacheTemp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := bytes.NewReader(data).WriteTo(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
