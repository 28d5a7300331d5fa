package signing

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"time"

	"github.com/readyfolio/readyfolio/backend/identity"
)

// SignatureReport is what a reviewer learns about one signature. A signature is valid when
// Problems is empty; every check that fails adds one sentence to it.
type SignatureReport struct {
	Signer            string    `json:"signer"` // the certificate's common name
	Email             string    `json:"email"`
	Issuer            string    `json:"issuer"`
	FingerprintSHA256 string    `json:"fingerprintSha256"` // AB:CD:…, as identity.Describe and openssl print it
	SigningTime       time.Time `json:"signingTime"`       // claimed by the signer: there is no time-stamp
	SubFilter         string    `json:"subFilter"`         // "ETSI.CAdES.detached"; "" for a detached CMS file
	CoversWholeFile   bool      `json:"coversWholeFile"`
	DigestValid       bool      `json:"digestValid"`    // the signed bytes are those the signer hashed
	SignatureValid    bool      `json:"signatureValid"` // the signer's key made the signature value
	SelfSigned        bool      `json:"selfSigned"`
	// Trusted is nil when no trusted certificates were given; otherwise whether the signer's
	// certificate is one of them or chains to one.
	Trusted  *bool    `json:"trusted"`
	Covered  string   `json:"covered"`
	Problems []string `json:"problems"`
}

// Verification is the verdict on a whole PDF.
type Verification struct {
	// Valid: at least one signature, every signature valid, the last one covering the whole
	// file, and (when trusted certificates were given) every signer trusted.
	Valid      bool              `json:"valid"`
	Signatures []SignatureReport `json:"signatures"` // in signing order
	Problems   []string          `json:"problems"`   // about the file rather than one signature
}

// describeSigner fills in who signed and checks the certificate at the signing time. The time
// is what the signer claims (no time-stamp authority is used offline), which is also what every
// desktop verifier uses without a time-stamp.
func describeSigner(r *SignatureReport, c cmsCheck, at time.Time, trust []*x509.Certificate) {
	r.SigningTime = at
	r.DigestValid, r.SignatureValid = c.digestValid, c.signatureValid
	r.Problems = append(r.Problems, c.problems...)
	cert := c.signer
	if cert == nil {
		return
	}
	info := identity.Describe(cert, nil, false)
	r.Signer, r.Email, r.Issuer = info.CommonName, info.Email, info.Issuer
	r.FingerprintSHA256, r.SelfSigned = info.FingerprintSHA256, info.SelfSigned
	switch {
	case at.IsZero():
		r.Problems = append(r.Problems, "The signature does not say when it was made, so the certificate's validity cannot be checked.")
	case at.Before(cert.NotBefore) || at.After(cert.NotAfter):
		r.Problems = append(r.Problems, fmt.Sprintf(
			"The signer's certificate was not valid when the signature was made (%s): it is valid from %s to %s.",
			formatTime(at), formatTime(cert.NotBefore), formatTime(cert.NotAfter)))
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		r.Problems = append(r.Problems, "The signer's certificate is not meant for signing documents: its key usage allows neither digital signatures nor non-repudiation.")
	}
	if trust != nil {
		trusted := chainsTo(cert, c.certs, trust, at)
		r.Trusted = &trusted
		if !trusted {
			r.Problems = append(r.Problems, "The signer's certificate is not one of the trusted certificates and does not chain to one.")
		}
	}
}

// chainsTo reports whether cert is one of trust or chains to one of them, using the other
// certificates the signature carries as intermediates. Any extended key usage is accepted: the
// reviewer chose these roots for this purpose.
func chainsTo(cert *x509.Certificate, carried, trust []*x509.Certificate, at time.Time) bool {
	roots := x509.NewCertPool()
	for _, t := range trust {
		if t == nil {
			continue
		}
		if bytes.Equal(t.Raw, cert.Raw) {
			return true // a self-signed identity handed over in person is trusted as is
		}
		roots.AddCert(t)
	}
	intermediates := x509.NewCertPool()
	for _, c := range carried {
		if !bytes.Equal(c.Raw, cert.Raw) {
			intermediates.AddCert(c)
		}
	}
	if at.IsZero() {
		at = time.Now()
	}
	_, err := cert.Verify(x509.VerifyOptions{
		Roots: roots, Intermediates: intermediates, CurrentTime: at,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	return err == nil
}

func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") }

// covered says in words which bytes a PDF signature covers; offsets are inclusive.
func covered(br [4]int64, size int64, gapIsSignature bool) string {
	s := fmt.Sprintf("bytes 0–%d and %d–%d of %d", br[1]-1, br[2], br[2]+br[3]-1, size)
	switch end := br[2] + br[3]; {
	case !gapIsSignature:
		return s + ": the gap between the two parts holds more than the signature value"
	case end < size:
		return s + fmt.Sprintf(": the last %d bytes were added after signing", size-end)
	default:
		return s + ": the whole file except the signature value"
	}
}
