// Package blobs keeps artifact files in the data folder under the SHA-256 of their content, so
// the same file attached twice is stored once and any damage can be detected by re-hashing.
package blobs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// DefaultMaxSize is the largest file the store accepts unless told otherwise.
const DefaultMaxSize int64 = 4 << 30

// Blob identifies stored content.
type Blob struct {
	SHA256 string
	Size   int64
}

// Store is a folder of blobs laid out as dir/ab/abcdef… (the full hex hash), with dir/tmp for
// imports in progress. It holds no mutable state, so it is safe for concurrent use.
type Store struct {
	dir     string
	tmp     string
	maxSize int64
}

// Open prepares the store in dir, creating it if needed, and removes temporary files left by
// imports that crashed long ago.
func Open(dir string, maxSize int64) (*Store, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	maxSize = min(maxSize, math.MaxInt64-1) // Put reads one byte past the limit
	s := &Store{dir: dir, tmp: filepath.Join(dir, "tmp"), maxSize: maxSize}
	if err := os.MkdirAll(s.tmp, 0o700); err != nil {
		return nil, fmt.Errorf("creating the artifact folder: %w", err)
	}
	if err := s.CleanTemp(); err != nil {
		return nil, err
	}
	return s, nil
}

// MaxSize is the largest blob Put accepts, in bytes.
func (s *Store) MaxSize() int64 { return s.maxSize }

// Path returns where the blob with the given hash is (or would be) stored.
func (s *Store) Path(sum string) (string, error) {
	if err := checkHash(sum); err != nil {
		return "", err
	}
	return s.path(sum), nil
}

func (s *Store) path(sum string) string {
	return filepath.Join(s.dir, sum[:2], sum)
}

// Has reports whether a blob with the given hash is stored.
func (s *Store) Has(sum string) bool {
	if checkHash(sum) != nil {
		return false
	}
	info, err := os.Stat(s.path(sum))
	return err == nil && info.Mode().IsRegular()
}

// Open opens a stored blob for reading; the caller closes it.
func (s *Store) Open(sum string) (*os.File, error) {
	if err := checkHash(sum); err != nil {
		return nil, err
	}
	f, err := os.Open(s.path(sum))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, missing(sum)
	}
	return f, err
}

// Verify re-reads a blob and checks that it still has the given hash, and the given size
// unless size is negative (unknown).
func (s *Store) Verify(sum string, size int64) error {
	f, err := s.Open(sum)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if size >= 0 && info.Size() != size {
		return portfolio.Errorf(portfolio.CodeCorrupt, "The artifact file %s… is damaged: it has %d bytes instead of %d.",
			short(sum), info.Size(), size)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("reading artifact file %s: %w", short(sum), err)
	}
	if hex.EncodeToString(h.Sum(nil)) != sum {
		return portfolio.Errorf(portfolio.CodeCorrupt, "The artifact file %s… is damaged: its content no longer matches its SHA-256 hash.",
			short(sum))
	}
	return nil
}

// Remove deletes a blob. A blob that is already gone is not an error.
func (s *Store) Remove(sum string) error {
	if err := checkHash(sum); err != nil {
		return err
	}
	if err := os.Remove(s.path(sum)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// staleTemp is how long a temporary file must have gone unwritten before CleanTemp takes it
// for the leftover of an interrupted import. The command line can run beside the app, so a
// fresh temporary file may belong to an import that is still running in another process.
const staleTemp = time.Hour

// CleanTemp removes what interrupted imports left in the temporary folder.
func (s *Store) CleanTemp() error {
	entries, err := os.ReadDir(s.tmp)
	if err != nil {
		return fmt.Errorf("reading the temporary artifact folder: %w", err)
	}
	var errs []error
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < staleTemp {
			continue
		}
		errs = append(errs, os.RemoveAll(filepath.Join(s.tmp, e.Name())))
	}
	return errors.Join(errs...)
}

// checkHash accepts only 64 lowercase hex digits, which also keeps a hash from naming a path
// outside the store.
func checkHash(h string) error {
	ok := len(h) == sha256.Size*2
	for i := 0; ok && i < len(h); i++ {
		c := h[i]
		ok = '0' <= c && c <= '9' || 'a' <= c && c <= 'f'
	}
	if !ok {
		return portfolio.Errorf(portfolio.CodeInvalid, "%q is not a SHA-256 hash (64 lowercase hex digits).", h)
	}
	return nil
}

func missing(sum string) error {
	return portfolio.Errorf(portfolio.CodeNotFound, "The artifact file %s… is missing from the data folder.", short(sum))
}

// short is the prefix of a hash shown in messages: enough to find the file, short enough to read.
func short(sum string) string { return sum[:12] }
