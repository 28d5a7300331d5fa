package identity

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"unicode"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// MinPassphraseLength is counted in characters (runes), not bytes, so "Zoë" counts as three.
const MinPassphraseLength = 8

// maxPassphraseFile keeps a wrong path (a PDF, a log) from being read whole into memory.
const maxPassphraseFile = 4096

// CheckPassphrase applies the rule for a new passphrase. Argon2id makes guessing slow, not
// impossible, so a minimum length still matters.
func CheckPassphrase(p []byte) error {
	if utf8.RuneCount(p) < MinPassphraseLength || len(bytes.TrimFunc(p, unicode.IsSpace)) == 0 {
		return portfolio.Errorf(portfolio.CodeInvalid,
			"The passphrase must have at least %d characters and not be only spaces; choose a longer one.", MinPassphraseLength)
	}
	return nil
}

// ReadPassphraseFile reads a passphrase for headless use. Exactly one trailing newline (\n or
// \r\n, as editors and `echo` add) is removed; other spaces belong to the passphrase. Errors
// name the file, never its content. A path that cannot be opened is not repeated either: it may
// be the passphrase itself, given where the file's name belongs.
func ReadPassphraseFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, portfolio.Errorf(portfolio.CodeInvalid,
			"The passphrase file was not found; check the path given (the name of a file that holds the passphrase, never the passphrase itself).")
	case errors.Is(err, fs.ErrPermission):
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "ReadyFolio is not allowed to read the passphrase file; check its permissions.")
	case err != nil:
		return nil, portfolio.Errorf(portfolio.CodeInvalid,
			"Cannot open the passphrase file; check the path given (the name of a file that holds the passphrase, never the passphrase itself).")
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "%s is not a regular file; give the path of a file that holds only the passphrase.", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPassphraseFile+1))
	if err != nil {
		clear(data)
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read the passphrase file %s; check that it is readable.", path)
	}
	if len(data) > maxPassphraseFile {
		clear(data)
		return nil, portfolio.Errorf(portfolio.CodeInvalid,
			"The passphrase file %s is larger than %d bytes; it must hold only the passphrase.", path, maxPassphraseFile)
	}
	p := data
	if n := len(p); n > 0 && p[n-1] == '\n' {
		p = p[:n-1]
		if n := len(p); n > 0 && p[n-1] == '\r' {
			p = p[:n-1]
		}
	}
	if len(p) == 0 {
		clear(data)
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "The passphrase file %s is empty; write the passphrase into it.", path)
	}
	return p, nil
}
