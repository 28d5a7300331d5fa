// Package atomicfile writes a file all at once or not at all: into a temporary file in the
// target folder, synced and renamed into place only when it is complete. Exports, packages and
// backups go through it, so a failure, a cancel or a full disk never leaves half a file or
// replaces an earlier one.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Write creates the file at path through fill, atomically: fill writes into a temporary file
// in the same folder, which is synced and renamed into place only when fill succeeds. A failed
// or cancelled write leaves no partial file, and an existing file at path is never replaced
// unless overwrite is set (the GUI's save dialog asks the user first).
func Write(path string, overwrite bool, fill func(f *os.File) error) error {
	if _, err := os.Stat(path); err == nil && !overwrite {
		return portfolio.Errorf(portfolio.CodeConflict, "%s already exists; choose another file name (ReadyFolio never overwrites an earlier export).", path)
	}
	dir := filepath.Dir(path)
	SweepStale(dir, tempPattern)
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return portfolio.Errorf(portfolio.CodeInvalid, "Cannot write in %s: %v.", dir, UnwrapPathError(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := fill(tmp); err != nil {
		// fill's own messages win; a bare write error from a full disk is put in words.
		if portfolio.Code(err) == portfolio.CodeInternal && IsNoSpace(err) {
			return DiskError(path, err)
		}
		return err
	}
	if err := tmp.Sync(); err != nil {
		return DiskError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return DiskError(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return DiskError(path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// DiskError words a failed write, the usual cause being a full disk. A full disk stays
// recognisable to IsNoSpace, so that a caller writing through a temporary file of its own can
// name the file the user asked for instead.
func DiskError(path string, err error) error {
	if IsNoSpace(err) {
		return noSpaceError{portfolio.Errorf(portfolio.CodeConflict, "The disk is full: %s could not be written. Free some space and export again; nothing was changed.", path), err}
	}
	return portfolio.Errorf(portfolio.CodeConflict, "%s could not be written (%v); nothing was changed.", path, UnwrapPathError(err))
}

// noSpaceError is a full disk in words (the domain error) that still unwraps to its cause.
type noSpaceError struct{ words, cause error }

func (e noSpaceError) Error() string   { return e.words.Error() }
func (e noSpaceError) Unwrap() []error { return []error{e.words, e.cause} }

// syncDir makes a rename durable; where folders cannot be synced (Windows) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// UnwrapPathError drops the path from an *os.PathError, because the message names it already.
func UnwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// tempPattern names Write's temporary files, so that SweepStale can recognise its own.
const tempPattern = ".readyfolio-export-*.tmp"

// staleAfter is how old a temporary file or folder of ours must be before it is taken for the
// leftover of a write that was killed: no export runs for a day.
const staleAfter = 24 * time.Hour

// SweepStale removes what a killed write left in dir: entries matching pattern (one of
// ReadyFolio's own temporary names, never a user's file) untouched for a day. Errors are
// ignored; the sweep only tidies.
func SweepStale(dir, pattern string) {
	matches, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, m := range matches {
		if info, err := os.Lstat(m); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.RemoveAll(m)
		}
	}
}
