// Package workspace is an open data folder: the database, the artifact files and the caches
// beside them. Operations that touch more than one of those live here, so that the GUI and the
// CLI share them instead of repeating them.
package workspace

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/readyfolio/readyfolio/backend/blobs"
	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/store"
)

// File and folder names inside a data folder.
const (
	DatabaseFile  = "portfolio.db"
	ArtifactsDir  = "artifacts"
	ThumbnailsDir = "cache/thumbnails"
	ViewingDir    = "cache/viewing"
)

// Options configure how a data folder is opened.
type Options struct {
	Dir             string
	MaxArtifactSize int64            // 0 means blobs.DefaultMaxSize
	Now             func() time.Time // nil means time.Now
}

// Workspace is an open portfolio. Store and Blobs are exported for read access by exporters;
// changes that span both go through the Workspace's methods.
type Workspace struct {
	Dir   string
	Store *store.Store
	Blobs *blobs.Store
	Now   func() time.Time // the clock: what "today" is for expiry dates and impact figures
}

// Open prepares the data folder and opens its database and artifact store. It never replaces
// or repairs a database it cannot read: the error says what is wrong and nothing is changed.
func Open(opts Options) (*Workspace, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := datadir.Prepare(opts.Dir); err != nil {
		return nil, err
	}
	st, err := store.Open(filepath.Join(opts.Dir, DatabaseFile), opts.Now)
	if err != nil {
		return nil, err
	}
	bl, err := blobs.Open(filepath.Join(opts.Dir, ArtifactsDir), opts.MaxArtifactSize)
	if err != nil {
		st.Close()
		return nil, err
	}
	removeCacheTemp(opts.Dir)
	w := &Workspace{Dir: opts.Dir, Store: st, Blobs: bl, Now: opts.Now}
	if err := w.syncBuiltIns(context.Background()); err != nil {
		st.Close()
		return nil, err
	}
	return w, nil
}

// Close closes the database.
func (w *Workspace) Close() error {
	return w.Store.Close()
}

// cacheTemp is the pattern of the temporary files that cache files are written through.
const cacheTemp = ".tmp-*"

// staleViewingTemp is how old a temporary file of the viewing copies must be before Open takes
// it for the leftover of a crash: another process may be copying a file for viewing right now.
const staleViewingTemp = time.Hour

// removeCacheTemp removes the temporary files that a process killed while it wrote a cache file
// left behind. Those of the thumbnail and print caches go at once: if another process is
// writing one right now, its write fails, which it ignores (a cache only saves time), and the
// file is made again when next needed. Errors are ignored: the files are only wasted space.
func removeCacheTemp(dir string) {
	for _, sub := range []string{ThumbnailsDir, PrintDir} {
		matches, _ := filepath.Glob(filepath.Join(dir, sub, cacheTemp))
		for _, m := range matches {
			os.Remove(m)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(dir, ViewingDir, "*", cacheTemp))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && time.Since(info.ModTime()) > staleViewingTemp {
			os.Remove(m)
		}
	}
}

// collectGarbage removes the files of blobs that nothing refers to any more. A failure to
// remove a file is not worth failing the user's action for: the file is only wasted space.
func (w *Workspace) collectGarbage(ctx context.Context, hashes []string) error {
	var errs []error
	for _, h := range hashes {
		used, err := w.Store.BlobInUse(ctx, h)
		if err != nil {
			return err
		}
		if !used {
			errs = append(errs, w.Blobs.Remove(h))
		}
	}
	return errors.Join(errs...)
}

// Identity opens the store of the educator's signing identity inside the data folder.
func (w *Workspace) Identity() (*identity.Store, error) {
	return identity.Open(filepath.Join(w.Dir, identity.DirName), nil)
}
