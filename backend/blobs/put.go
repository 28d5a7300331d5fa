package blobs

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// copyBufferSize is large enough to keep the disk and SHA-256 busy, small enough not to matter.
const copyBufferSize = 1 << 20

// Put stores what r yields and returns its hash and size. The content is streamed through a
// temporary file, so memory use does not depend on its size; it appears in the store only once
// it is complete and on disk.
func (s *Store) Put(ctx context.Context, r io.Reader) (Blob, error) {
	return s.PutNamed(ctx, r, "")
}

// PutNamed is Put for the bytes of a file called name, which a full disk's message names ("":
// "the file").
func (s *Store) PutNamed(ctx context.Context, r io.Reader, name string) (Blob, error) {
	tmp, err := os.CreateTemp(s.tmp, "put-*")
	if err != nil {
		return Blob{}, s.diskError(name, fmt.Errorf("creating a temporary file: %w", err))
	}
	renamed := false
	defer func() {
		tmp.Close()
		if !renamed {
			os.Remove(tmp.Name())
		}
	}()

	h := sha256.New()
	// Reading one byte past the limit tells "exactly the limit" from "too large" without
	// reading the rest of an oversized file.
	src := &ctxReader{ctx: ctx, r: io.LimitReader(r, s.maxSize+1)}
	n, err := io.CopyBuffer(io.MultiWriter(tmp, h), src, make([]byte, copyBufferSize))
	if err != nil {
		if ctx.Err() != nil {
			return Blob{}, ctx.Err()
		}
		return Blob{}, s.diskError(name, fmt.Errorf("importing the file: %w", err))
	}
	if n > s.maxSize {
		return Blob{}, portfolio.Errorf(portfolio.CodeTooLarge, "The file is larger than the limit of %s; %s",
			formatSize(s.maxSize), tooLargeAdvice)
	}
	if err := tmp.Sync(); err != nil {
		return Blob{}, s.diskError(name, fmt.Errorf("saving the file: %w", err))
	}
	if err := tmp.Close(); err != nil {
		return Blob{}, s.diskError(name, fmt.Errorf("saving the file: %w", err))
	}
	if err := ctx.Err(); err != nil {
		return Blob{}, err
	}
	b := Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}
	if renamed, err = s.commit(tmp.Name(), b); err != nil {
		return Blob{}, s.diskError(name, err)
	}
	return b, nil
}

// diskError puts a full disk in words, naming the file when it has a name; other errors pass.
func (s *Store) diskError(name string, err error) error {
	if !atomicfile.IsNoSpace(err) {
		return err
	}
	if name == "" {
		name = "the file"
	}
	return portfolio.Errorf(portfolio.CodeConflict,
		"The disk is full: %s could not be copied into the data folder %s. Free some space and try again; nothing was added.",
		name, filepath.Dir(s.dir))
}

// Progress is told how many bytes of a file have been read so far, out of total.
type Progress func(done, total int64)

// PutFile stores the file at path, refusing folders, missing files and files over the limit
// before reading anything. progress, if not nil, is called as the file is read.
func (s *Store) PutFile(ctx context.Context, path string, progress Progress) (Blob, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Blob{}, portfolio.Errorf(portfolio.CodeInvalid, "The file %s was not found in %s; it may have been moved or deleted.",
			name, filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission):
		return Blob{}, portfolio.Errorf(portfolio.CodeInvalid, "ReadyFolio is not allowed to read %s; check its permissions.", path)
	case err != nil:
		return Blob{}, err
	case info.IsDir():
		return Blob{}, portfolio.Errorf(portfolio.CodeInvalid, "%s is a folder; choose the files inside it instead.", name)
	case !info.Mode().IsRegular():
		// Pipes and devices could block or never end.
		return Blob{}, portfolio.Errorf(portfolio.CodeInvalid, "%s is not a regular file; choose a document, image or other file.", name)
	case info.Size() > s.maxSize:
		return Blob{}, portfolio.Errorf(portfolio.CodeTooLarge, "%s is %s, larger than the limit of %s; %s",
			name, formatSize(info.Size()), formatSize(s.maxSize), tooLargeAdvice)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrPermission) {
		return Blob{}, portfolio.Errorf(portfolio.CodeInvalid, "ReadyFolio is not allowed to read %s; check its permissions.", path)
	}
	if err != nil {
		return Blob{}, err
	}
	defer f.Close()
	var r io.Reader = f
	if progress != nil {
		r = &progressReader{r: f, total: info.Size(), report: progress}
	}
	return s.PutNamed(ctx, r, name)
}

type progressReader struct {
	r      io.Reader
	done   int64
	total  int64
	report Progress
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.done += int64(n)
	p.report(p.done, p.total)
	return n, err
}

const tooLargeAdvice = "compress it or split it into smaller files, or upload it elsewhere and add it as a link."

// commit moves a complete temporary file into place and reports whether it did; when the blob
// is already stored, the temporary file is left for the caller to remove.
func (s *Store) commit(tmpPath string, b Blob) (bool, error) {
	dst := s.path(b.SHA256)
	// A stored file of another size is damaged; the fresh copy replaces it.
	if info, err := os.Stat(dst); err == nil && info.Size() == b.Size {
		return false, nil
	}
	shard := filepath.Dir(dst)
	created := true
	if err := os.Mkdir(shard, 0o700); errors.Is(err, fs.ErrExist) {
		created = false
	} else if err != nil {
		return false, fmt.Errorf("saving the file: %w", err)
	}
	if err := os.Rename(tmpPath, dst); err != nil {
		return false, fmt.Errorf("saving the file: %w", err)
	}
	// The rename is durable only once the directories that record it are.
	if err := syncDir(shard); err != nil {
		return true, err
	}
	if created {
		return true, syncDir(s.dir)
	}
	return true, nil
}

// ctxReader stops a copy between chunks once the context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// formatSize writes a size the way file managers do: 512 B, 3.4 MiB, 4.0 GiB.
func formatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, i := float64(n)/unit, 0
	for v >= unit && i < 4 {
		v /= unit
		i++
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTP"[i])
}
