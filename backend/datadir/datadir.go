// Package datadir decides where a portfolio lives on disk and guards it: the folder is private to
// its owner, and only one app window may hold it at a time.
package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// EnvVar overrides the default data folder; the --data-dir flag overrides both.
const EnvVar = "READYFOLIO_DATA_DIR"

const appFolderName = "ReadyFolio"

// Default is the operating system's per-user application data folder for ReadyFolio:
// $XDG_DATA_HOME/ReadyFolio (~/.local/share/ReadyFolio) on Linux, %AppData%\ReadyFolio on
// Windows, ~/Library/Application Support/ReadyFolio on macOS.
func Default() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(base, appFolderName), nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
		return filepath.Join(xdg, appFolderName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the home folder to keep the portfolio in: %w", err)
	}
	return filepath.Join(home, ".local", "share", appFolderName), nil
}

// Resolve picks the data folder: the flag if given, else the environment variable, else the
// default. The result is absolute so messages can name it unambiguously.
func Resolve(flagValue string) (string, error) {
	dir := flagValue
	if dir == "" {
		dir = os.Getenv(EnvVar)
	}
	if dir == "" {
		return Default()
	}
	return filepath.Abs(dir)
}

// Prepare creates the data folder with owner-only permissions if it does not exist yet and
// checks that an existing path is a folder.
func Prepare(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return portfolio.Errorf(portfolio.CodeInvalid, "%s is a file, not a folder; choose a folder for the portfolio.", dir)
	case err == nil:
		return nil
	case !errors.Is(err, os.ErrNotExist):
		return portfolio.Errorf(portfolio.CodeInvalid, "Cannot open the data folder %s: %v.", dir, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return portfolio.Errorf(portfolio.CodeInvalid, "Cannot create the data folder %s: %v.", dir, err)
	}
	// MkdirAll applies the umask; make sure the folder itself is private whatever the umask.
	return os.Chmod(dir, 0o700)
}
