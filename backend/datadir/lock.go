package datadir

import (
	"os"
	"path/filepath"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const lockFileName = "readyfolio.lock"

// Lock is held by the app window that has the portfolio open. The operating system releases
// it when the process ends, even by a crash, so a stale lock file never locks anyone out.
type Lock struct {
	file *os.File
}

// Acquire takes the data folder's lock or explains that another window holds it.
func Acquire(dir string) (*Lock, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Cannot create the lock file in %s: %v.", dir, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, portfolio.Errorf(portfolio.CodeLocked,
			"This portfolio (%s) is already open in another ReadyFolio window; switch to that window or open another folder.", dir)
	}
	return &Lock{file: f}, nil
}

// Release lets another window open the portfolio.
func (l *Lock) Release() error {
	if l == nil || l.file == nil {
		return nil
	}
	unlockFile(l.file)
	err := l.file.Close()
	l.file = nil
	return err
}
