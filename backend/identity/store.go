// Package identity keeps the educator's signing identity: a certificate (with its chain) and a
// private key that exists on disk only sealed under a passphrase, in the data folder's
// identity/ subfolder.
//
//	identity/           0700
//	  certificate.pem   0600  the signer's certificate, then the chain (public)
//	  key.enc           0600  JSON: PKCS#8 key, AES-256-GCM, Argon2id-derived key (see seal.go)
package identity

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// DirName is the identity folder inside the data folder: Open(filepath.Join(dataDir, DirName), …).
const DirName = "identity"

const (
	certFile = "certificate.pem"
	keyFile  = "key.enc"
)

// Identity is an unlocked signing identity. It lives in memory only; drop it when signing is done.
type Identity struct {
	Certificate *x509.Certificate
	Chain       []*x509.Certificate
	Key         crypto.Signer
}

// Store is the identity folder. Its methods are safe for concurrent use within one process; the
// data folder's window lock keeps other processes out.
type Store struct {
	dir string
	now func() time.Time
	mu  sync.Mutex
}

// Open prepares the identity folder dir, creating it owner-only if needed, and removes temporary
// files that an interrupted save left behind. now is the clock (nil: time.Now).
func Open(dir string, now func() time.Time) (*Store, error) {
	if now == nil {
		now = time.Now
	}
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "%s is a file, not a folder; move it away so ReadyFolio can keep the signing identity there.", dir)
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("creating the identity folder: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("opening the identity folder: %w", err)
	}
	// MkdirAll applies the umask, and an older copy may have looser rights: the folder holds a
	// private key, so it is private whatever happened before.
	if runtime.GOOS != "windows" {
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, fmt.Errorf("protecting the identity folder: %w", err)
		}
	}
	stale, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	for _, p := range stale {
		os.Remove(p)
	}
	return &Store{dir: dir, now: now}, nil
}

// Exists reports whether an identity (even an incomplete one) is stored.
func (s *Store) Exists() bool {
	for _, name := range []string{keyFile, certFile} {
		if _, err := os.Lstat(filepath.Join(s.dir, name)); err == nil {
			return true
		}
	}
	return false
}

// Info describes the stored identity.
func (s *Store) Info() (Info, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	certs, key, err := s.load()
	if err != nil {
		return Info{}, err
	}
	return Describe(certs[0], certs[1:], key.Source == sourceImported), nil
}

// Unlock decrypts the key. The certificate must be valid now: a signature made outside its
// validity is refused by every verifier. The dates are public, so they are checked before the
// passphrase: an expired identity is reported as such without the 200 ms derivation.
func (s *Store) Unlock(passphrase []byte) (*Identity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	certs, sealed, err := s.load()
	if err != nil {
		return nil, err
	}
	cert := certs[0]
	now := s.now()
	if now.Before(cert.NotBefore) {
		return nil, portfolio.Errorf(portfolio.CodeConflict,
			"The signing certificate is valid only from %s to %s; check the computer's clock, or wait until %s.",
			formatTime(cert.NotBefore), formatTime(cert.NotAfter), formatTime(cert.NotBefore))
	}
	if now.After(cert.NotAfter) {
		return nil, portfolio.Errorf(portfolio.CodeConflict,
			"The signing certificate expired on %s (it ran from %s); remove this identity and create a new one or import a renewed certificate.",
			formatTime(cert.NotAfter), formatTime(cert.NotBefore))
	}
	key, err := s.openKey(sealed, passphrase, cert)
	if err != nil {
		return nil, err
	}
	return &Identity{Certificate: cert, Chain: certs[1:], Key: key}, nil
}

// ChangePassphrase re-seals the key under a new passphrase with a fresh salt and nonce; the
// rename makes it all or nothing. It works on expired identities too.
func (s *Store) ChangePassphrase(oldPassphrase, newPassphrase []byte) error {
	if err := CheckPassphrase(newPassphrase); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	certs, sealed, err := s.load()
	if err != nil {
		return err
	}
	plain, err := s.open(sealed, oldPassphrase, certs[0])
	if err != nil {
		return err
	}
	defer clear(plain)
	resealed, err := seal(plain, newPassphrase, certs[0].Raw, sealed.Source)
	if err != nil {
		return err
	}
	data, err := resealed.marshal()
	if err != nil {
		return err
	}
	return writeAtomic(s.dir, keyFile, data)
}

// CertificatePEM returns the signer's certificate followed by its chain, for reviewers to pin.
func (s *Store) CertificatePEM() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	certs, _, err := s.load()
	if err != nil {
		return nil, err
	}
	return encodeCertificates(certs), nil
}

// Remove deletes the identity. The key goes first, so an interruption leaves at worst a lone
// public certificate, which Exists still reports and a second Remove clears.
func (s *Store) Remove() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, name := range []string{keyFile, certFile} {
		if err := os.Remove(filepath.Join(s.dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("removing the signing identity: %w", err)
		}
	}
	return syncDir(s.dir)
}

// save stores a new identity: the certificate first and the key last, so the key file's
// presence marks a complete identity.
func (s *Store) save(certs []*x509.Certificate, sealed *sealedKey) error {
	data, err := sealed.marshal()
	if err != nil {
		return err
	}
	if err := writeAtomic(s.dir, certFile, encodeCertificates(certs)); err != nil {
		return err
	}
	if err := writeAtomic(s.dir, keyFile, data); err != nil {
		os.Remove(filepath.Join(s.dir, certFile))
		return err
	}
	return nil
}

// load reads both files and checks that they belong together.
func (s *Store) load() ([]*x509.Certificate, *sealedKey, error) {
	certPath, keyPath := filepath.Join(s.dir, certFile), filepath.Join(s.dir, keyFile)
	certData, certErr := os.ReadFile(certPath)
	keyData, keyErr := os.ReadFile(keyPath)
	switch {
	case errors.Is(certErr, fs.ErrNotExist) && errors.Is(keyErr, fs.ErrNotExist):
		return nil, nil, portfolio.Errorf(portfolio.CodeNotFound, "No signing identity yet; create one or import one issued to you.")
	case errors.Is(certErr, fs.ErrNotExist) || errors.Is(keyErr, fs.ErrNotExist):
		return nil, nil, portfolio.Errorf(portfolio.CodeCorrupt,
			"The signing identity in %s is incomplete; restore it from a backup, or remove it and create or import it again.", s.dir)
	case certErr != nil:
		return nil, nil, fmt.Errorf("reading the signing certificate: %w", certErr)
	case keyErr != nil:
		return nil, nil, fmt.Errorf("reading the signing key: %w", keyErr)
	}
	certs, err := decodeCertificates(certData)
	if err != nil {
		return nil, nil, portfolio.Errorf(portfolio.CodeCorrupt,
			"The certificate file %s is damaged; restore it from a backup, or remove the identity and create or import it again.", certPath)
	}
	sealed, err := parseSealedKey(keyData, keyPath)
	if err != nil {
		return nil, nil, err
	}
	sum := sha256.Sum256(certs[0].Raw)
	if hex.EncodeToString(sum[:]) != sealed.CertificateSHA256 {
		return nil, nil, portfolio.Errorf(portfolio.CodeCorrupt,
			"The certificate file %s was replaced and no longer belongs to the stored key; put the original back, or remove the identity and create or import it again.", certPath)
	}
	return certs, sealed, nil
}

// open decrypts the sealed PKCS#8 key. A wrong passphrase gets one fixed sentence: saying more
// would help only someone guessing.
func (s *Store) open(sealed *sealedKey, passphrase []byte, cert *x509.Certificate) ([]byte, error) {
	plain, err := sealed.open(passphrase, cert.Raw)
	if errors.Is(err, errWrongPassphrase) {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "The passphrase is wrong; type it again.")
	}
	return plain, err
}

func (s *Store) openKey(sealed *sealedKey, passphrase []byte, cert *x509.Certificate) (crypto.Signer, error) {
	plain, err := s.open(sealed, passphrase, cert)
	if err != nil {
		return nil, err
	}
	defer clear(plain)
	parsed, err := x509.ParsePKCS8PrivateKey(plain)
	key, ok := parsed.(crypto.Signer)
	if err != nil || !ok || !publicKeysEqual(key.Public(), cert.PublicKey) {
		return nil, corruptKey(filepath.Join(s.dir, keyFile))
	}
	return key, nil
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

func encodeCertificates(certs []*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

func decodeCertificates(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for {
		block, rest := pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Errorf("unexpected PEM block %q", block.Type)
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
		data = rest
	}
	if len(certs) == 0 {
		return nil, errors.New("no certificate")
	}
	return certs, nil
}

// writeAtomic replaces dir/name with data: a temporary file in the same folder, flushed, then
// renamed over the old one, so a crash leaves the old file or the new one, never a mix.
func writeAtomic(dir, name string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp") // CreateTemp makes it 0600
	if err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	if err = os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	return syncDir(dir)
}

// formatTime names a certificate date in messages: unambiguous in every locale, in UTC as the
// certificate holds it.
func formatTime(t time.Time) string {
	return t.UTC().Format("2 January 2006 15:04 UTC")
}
