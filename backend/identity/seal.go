package identity

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/crypto/argon2"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// sealedKey is the content of key.enc: the PKCS#8 private key encrypted with AES-256-GCM under
// an Argon2id key derived from the passphrase. Byte fields are standard base64 in the JSON.
type sealedKey struct {
	Format  string `json:"format"`  // always sealedFormat, so a stray file is recognised as foreign
	Version int    `json:"version"` // sealedVersion; a newer one is refused, never guessed at
	Source  string `json:"source"`  // sourceCreated or sourceImported, shown as Info.Imported
	// CertificateSHA256 names the certificate the key belongs to, so a replaced certificate.pem
	// is reported as such instead of as a wrong passphrase. The GCM tag is what enforces it.
	CertificateSHA256 string    `json:"certificateSha256"`
	KDF               kdfParams `json:"kdf"`
	Cipher            string    `json:"cipher"`
	Nonce             []byte    `json:"nonce"`
	Ciphertext        []byte    `json:"ciphertext"` // includes the 16-byte GCM tag
}

type kdfParams struct {
	Name      string `json:"name"`
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memoryKiB"`
	Threads   uint8  `json:"threads"`
	KeyLength uint32 `json:"keyLength"`
	Salt      []byte `json:"salt"`
}

const (
	sealedFormat   = "readyfolio-sealed-key"
	sealedVersion  = 1
	sourceCreated  = "created"
	sourceImported = "imported"
	cipherName     = "aes-256-gcm"
	kdfName        = "argon2id"
)

// defaultKDF is RFC 9106's second recommended Argon2id setting; about 200 ms on a laptop.
var defaultKDF = kdfParams{Name: kdfName, Time: 3, MemoryKiB: 64 * 1024, Threads: 4, KeyLength: 32}

// errWrongPassphrase is what a failed GCM open means: a wrong passphrase, or a key file or
// certificate altered in a way that the header does not reveal. Both get the same answer.
var errWrongPassphrase = errors.New("wrong passphrase")

// seal encrypts a PKCS#8 DER key under passphrase, binding it to the certificate's DER.
func seal(pkcs8, passphrase, certDER []byte, source string) (*sealedKey, error) {
	kdf := defaultKDF
	kdf.Salt = make([]byte, 16)
	nonce := make([]byte, 12)
	if _, err := rand.Read(kdf.Salt); err != nil {
		return nil, fmt.Errorf("protecting the key: %w", err)
	}
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("protecting the key: %w", err)
	}
	aead, err := newAEAD(passphrase, kdf)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(certDER)
	return &sealedKey{
		Format:            sealedFormat,
		Version:           sealedVersion,
		Source:            source,
		CertificateSHA256: hex.EncodeToString(sum[:]),
		KDF:               kdf,
		Cipher:            cipherName,
		Nonce:             nonce,
		Ciphertext:        aead.Seal(nil, nonce, pkcs8, certDER),
	}, nil
}

// open decrypts the key; the caller zeroes the result once it is parsed.
func (k *sealedKey) open(passphrase, certDER []byte) ([]byte, error) {
	aead, err := newAEAD(passphrase, k.KDF)
	if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, k.Nonce, k.Ciphertext, certDER)
	if err != nil {
		return nil, errWrongPassphrase
	}
	return plain, nil
}

func newAEAD(passphrase []byte, kdf kdfParams) (cipher.AEAD, error) {
	key := argon2.IDKey(passphrase, kdf.Salt, kdf.Time, kdf.MemoryKiB, kdf.Threads, kdf.KeyLength)
	defer clear(key)
	// Argon2id's working memory (64 MiB) is garbage now, but the collector sizes its next goal
	// on it and would let the export that follows an unlock grow to twice that before
	// collecting. Collecting here keeps the two from adding up; it costs about a millisecond.
	runtime.GC()
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("protecting the key: %w", err)
	}
	return cipher.NewGCM(block)
}

// parseSealedKey reads key.enc and checks every parameter before any of them is used, so a
// damaged or hostile file cannot make Argon2id allocate gigabytes.
func parseSealedKey(data []byte, path string) (*sealedKey, error) {
	var k sealedKey
	if err := json.Unmarshal(data, &k); err != nil || k.Format != sealedFormat {
		return nil, corruptKey(path)
	}
	if k.Version > sealedVersion {
		return nil, portfolio.Errorf(portfolio.CodeTooNew,
			"The signing key in %s was saved by a newer version of ReadyFolio; update ReadyFolio to use it.", path)
	}
	p := k.KDF
	ok := k.Version == sealedVersion &&
		(k.Source == sourceCreated || k.Source == sourceImported) &&
		len(k.CertificateSHA256) == 64 &&
		p.Name == kdfName && p.Time >= 1 && p.Time <= 16 &&
		p.MemoryKiB >= 8*1024 && p.MemoryKiB <= 512*1024 &&
		p.Threads >= 1 && p.Threads <= 64 && p.KeyLength == 32 && len(p.Salt) >= 16 &&
		k.Cipher == cipherName && len(k.Nonce) == 12 && len(k.Ciphertext) > 16
	if !ok {
		return nil, corruptKey(path)
	}
	return &k, nil
}

func (k *sealedKey) marshal() ([]byte, error) {
	data, err := json.MarshalIndent(k, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

func corruptKey(path string) error {
	return portfolio.Errorf(portfolio.CodeCorrupt,
		"The signing key file %s is damaged; restore it from a backup, or remove the identity and create or import it again.", path)
}
