package identity

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const (
	minRSABits = 2048
	// maxRSABits: larger signatures overflow the space a PDF reserves for them, and 8192-bit
	// signing is slow for no gain.
	maxRSABits = 4096
	askFor     = "ask for an RSA (2048 to 4096 bits) or ECDSA P-256 or P-384 certificate"
)

// Import stores the key and certificates of a PKCS#12 (.p12, .pfx) file, such as one a district
// issued, with the key sealed under passphrase. The .p12 stays the user's; nothing refers to it
// afterwards.
//
// go-pkcs12 takes the passphrase as a string, so that copy cannot be zeroed.
func (s *Store) Import(p12, p12Passphrase, passphrase []byte) (Info, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return Info{}, err
	}
	if len(p12) == 0 {
		return Info{}, portfolio.Errorf(portfolio.CodeRefused, "The file is empty; choose the .p12 or .pfx file that holds your certificate and key.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Exists() {
		return Info{}, existsError()
	}
	key, cert, chain, err := decodeP12(p12, string(p12Passphrase))
	if err != nil {
		return Info{}, err
	}
	if err := checkImported(key, cert, s.now()); err != nil {
		return Info{}, err
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return Info{}, fmt.Errorf("importing the key: %w", err)
	}
	defer clear(pkcs8)
	sealed, err := seal(pkcs8, passphrase, cert.Raw, sourceImported)
	if err != nil {
		return Info{}, err
	}
	if err := s.save(append([]*x509.Certificate{cert}, chain...), sealed); err != nil {
		return Info{}, err
	}
	return Describe(cert, chain, true), nil
}

// decodeP12 returns the key, the certificate that belongs to it and the other certificates.
// The leaf is found by its public key: not every exporter puts it first.
func decodeP12(p12 []byte, password string) (crypto.Signer, *x509.Certificate, []*x509.Certificate, error) {
	parsed, first, rest, err := pkcs12.DecodeChain(p12, password)
	if err != nil {
		return nil, nil, nil, p12Error(err)
	}
	key, ok := parsed.(crypto.Signer)
	if _, isECDH := parsed.(*ecdh.PrivateKey); isECDH {
		return nil, nil, nil, portfolio.Errorf(portfolio.CodeInvalid,
			"The key in the file is X25519, an encryption key that cannot sign; %s.", askFor)
	}
	if !ok {
		return nil, nil, nil, portfolio.Errorf(portfolio.CodeInvalid,
			"The key in the file is of a type that cannot sign; %s.", askFor)
	}
	all := append([]*x509.Certificate{first}, rest...)
	for i, c := range all {
		if publicKeysEqual(key.Public(), c.PublicKey) {
			chain := append(append([]*x509.Certificate{}, all[:i]...), all[i+1:]...)
			return key, c, chain, nil
		}
	}
	return nil, nil, nil, portfolio.Errorf(portfolio.CodeInvalid,
		"The key in the file does not belong to any certificate in it; ask whoever issued it for a file with the matching certificate.")
}

var (
	unknownKeyOID = regexp.MustCompile(`unknown algorithm: ([0-9.]+)`)
	keyOIDNames   = map[string]string{
		"1.2.840.10040.4.1":     "DSA",
		"1.3.101.110":           "X25519",
		"1.3.101.111":           "X448",
		"1.3.101.113":           "Ed448",
		"1.2.840.113549.1.1.10": "RSA-PSS",
	}
)

// p12Error turns go-pkcs12's errors into sentences. Key types that crypto/x509 cannot even parse
// only show up in its error text, so that text is matched to name them.
func p12Error(err error) error {
	if errors.Is(err, pkcs12.ErrIncorrectPassword) || errors.Is(err, pkcs12.ErrDecryption) {
		return portfolio.Errorf(portfolio.CodeInvalid,
			"The PKCS#12 passphrase is wrong; type the one you received with the file.")
	}
	msg := err.Error()
	if m := unknownKeyOID.FindStringSubmatch(msg); m != nil {
		name, ok := keyOIDNames[m[1]]
		if !ok {
			name = "of an unknown type (" + m[1] + ")"
		}
		return portfolio.Errorf(portfolio.CodeInvalid, "The key in the file is %s, which ReadyFolio cannot sign with; %s.", name, askFor)
	}
	if strings.Contains(msg, "unsupported elliptic curve") || strings.Contains(msg, "unknown elliptic curve") {
		return portfolio.Errorf(portfolio.CodeInvalid, "The key in the file uses an elliptic curve ReadyFolio cannot sign with; %s.", askFor)
	}
	// Only "not implemented" causes say something a person can act on; ASN.1 details do not.
	var notImplemented pkcs12.NotImplementedError
	if errors.As(err, &notImplemented) {
		return portfolio.Errorf(portfolio.CodeRefused,
			"The file is a PKCS#12 variant that ReadyFolio cannot read (%s); export it again with a passphrase, for example from Firefox or with openssl.",
			strings.TrimPrefix(err.Error(), "pkcs12: "))
	}
	return portfolio.Errorf(portfolio.CodeRefused,
		"The file is not a PKCS#12 (.p12 or .pfx) file that ReadyFolio can read; choose the file that holds your certificate and key, or export it again.")
}

// checkImported refuses what would make signatures that verifiers reject.
func checkImported(key crypto.Signer, cert *x509.Certificate, now time.Time) error {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		switch bits := k.N.BitLen(); {
		case bits < minRSABits:
			return portfolio.Errorf(portfolio.CodeInvalid, "The key in the file is RSA %d, too weak to sign with; %s.", bits, askFor)
		case bits > maxRSABits:
			return portfolio.Errorf(portfolio.CodeInvalid, "The key in the file is RSA %d, too large for PDF signatures; %s.", bits, askFor)
		}
	case *ecdsa.PrivateKey:
		if name := k.Curve.Params().Name; name != "P-256" && name != "P-384" {
			return portfolio.Errorf(portfolio.CodeInvalid, "The key in the file is ECDSA %s, which ReadyFolio cannot sign with; %s.", name, askFor)
		}
	case ed25519.PrivateKey:
		return portfolio.Errorf(portfolio.CodeInvalid,
			"The key in the file is Ed25519, which PDF readers cannot verify; %s.", askFor)
	default:
		return portfolio.Errorf(portfolio.CodeInvalid, "The key in the file is of a type ReadyFolio cannot sign with; %s.", askFor)
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return portfolio.Errorf(portfolio.CodeInvalid,
			"The certificate in the file is not meant for signing (its key usage allows neither digital signature nor non-repudiation); ask for a signing certificate.")
	}
	if now.Before(cert.NotBefore) {
		return portfolio.Errorf(portfolio.CodeInvalid,
			"The certificate in the file is valid only from %s to %s; check the computer's clock, or import it from %s on.",
			formatTime(cert.NotBefore), formatTime(cert.NotAfter), formatTime(cert.NotBefore))
	}
	if now.After(cert.NotAfter) {
		return portfolio.Errorf(portfolio.CodeInvalid,
			"The certificate in the file expired on %s (it ran from %s); ask whoever issued it for a renewed one.",
			formatTime(cert.NotAfter), formatTime(cert.NotBefore))
	}
	return nil
}
