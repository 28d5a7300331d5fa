package workspace

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// writeExport creates the file at path through fill, atomically: fill writes into a temporary
// file in the same folder, which is synced and renamed into place only when fill succeeds. A
// failed or cancelled export leaves no partial file, and an existing file at path is never
// replaced unless overwrite is set (the GUI's save dialog asks the user first).
func writeExport(path string, overwrite bool, fill func(f *os.File) error) error {
	if _, err := os.Stat(path); err == nil && !overwrite {
		return portfolio.Errorf(portfolio.CodeConflict, "%s already exists; choose another file name (ReadyFolio never overwrites an earlier export).", path)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".readyfolio-export-*.tmp")
	if err != nil {
		return portfolio.Errorf(portfolio.CodeInvalid, "Cannot write in %s: %v.", dir, unwrapPathError(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return diskError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return diskError(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return diskError(path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// diskError words a failed write, the usual cause being a full disk.
func diskError(path string, err error) error {
	if errors.Is(err, errNoSpace) {
		return portfolio.Errorf(portfolio.CodeConflict, "The disk is full: %s could not be written. Free some space and export again; nothing was changed.", path)
	}
	return portfolio.Errorf(portfolio.CodeConflict, "%s could not be written (%v); nothing was changed.", path, unwrapPathError(err))
}

// syncDir makes a rename durable; where folders cannot be synced (Windows) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
