package identity

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Info is what the app shows about a signing identity. It holds nothing secret.
type Info struct {
	Subject      string    `json:"subject"` // e.g. "CN=Zoë Ñúñez, E=zoe@example.org, O=School, L=District"
	Issuer       string    `json:"issuer"`
	CommonName   string    `json:"commonName"` // the signer's name, for a printed signature block
	Email        string    `json:"email"`      // first email address in the certificate, or ""
	SerialNumber string    `json:"serialNumber"`
	NotBefore    time.Time `json:"notBefore"`
	NotAfter     time.Time `json:"notAfter"`
	// FingerprintSHA256 is written like `openssl x509 -fingerprint -sha256` (AB:CD:…), so a
	// reviewer can compare it with what their own tools print; FingerprintHex is the same digest
	// in plain lower-case hex for machines.
	FingerprintSHA256 string `json:"fingerprintSha256"`
	FingerprintHex    string `json:"fingerprintHex"`
	KeyType           string `json:"keyType"` // "ECDSA P-256", "RSA 3072", …
	SelfSigned        bool   `json:"selfSigned"`
	Imported          bool   `json:"imported"`
	ChainLength       int    `json:"chainLength"` // certificates stored besides the signer's own
}

// Describe summarises a certificate and its chain for display.
func Describe(cert *x509.Certificate, chain []*x509.Certificate, imported bool) Info {
	sum := sha256.Sum256(cert.Raw)
	lower := hex.EncodeToString(sum[:])
	pairs := make([]string, len(sum))
	for i := range sum {
		pairs[i] = strings.ToUpper(lower[2*i : 2*i+2])
	}
	email := ""
	if len(cert.EmailAddresses) > 0 {
		email = cert.EmailAddresses[0]
	} else if v, ok := attribute(cert.Subject, oidEmailAddress); ok {
		email = v
	}
	return Info{
		Subject:           formatName(cert.Subject),
		Issuer:            formatName(cert.Issuer),
		CommonName:        cert.Subject.CommonName,
		Email:             email,
		SerialNumber:      strings.ToUpper(hex.EncodeToString(cert.SerialNumber.Bytes())),
		NotBefore:         cert.NotBefore.UTC(),
		NotAfter:          cert.NotAfter.UTC(),
		FingerprintSHA256: strings.Join(pairs, ":"),
		FingerprintHex:    lower,
		KeyType:           keyType(cert.PublicKey),
		SelfSigned:        selfSigned(cert),
		Imported:          imported,
		ChainLength:       len(chain),
	}
}

// selfSigned checks the signature itself, not only the names: CheckSignatureFrom would refuse
// an end-entity certificate as its own parent.
func selfSigned(cert *x509.Certificate) bool {
	return bytes.Equal(cert.RawIssuer, cert.RawSubject) &&
		cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature) == nil
}

func keyType(pub any) string {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA %d", k.N.BitLen())
	case *ecdsa.PublicKey:
		return "ECDSA " + k.Curve.Params().Name
	case ed25519.PublicKey:
		return "Ed25519"
	default:
		return fmt.Sprintf("unknown key type %T", pub)
	}
}

var (
	oidEmailAddress = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}
	oidCommonName   = asn1.ObjectIdentifier{2, 5, 4, 3}
	oidLocality     = asn1.ObjectIdentifier{2, 5, 4, 7}
	oidOrganization = asn1.ObjectIdentifier{2, 5, 4, 10}
)

var attributeNames = map[string]string{
	"2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "SERIALNUMBER", "2.5.4.6": "C", "2.5.4.7": "L",
	"2.5.4.8": "ST", "2.5.4.9": "STREET", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.12": "T",
	"2.5.4.17": "POSTALCODE", "2.5.4.42": "GN", "2.5.4.97": "ORGID",
	"1.2.840.113549.1.9.1": "E", "0.9.2342.19200300.100.1.1": "UID",
	"0.9.2342.19200300.100.1.25": "DC",
}

// formatName writes a distinguished name for people: the common name first, then the other
// attributes from the most specific to the most general (RFC 4514 order), values escaped.
// pkix.Name.String would print emailAddress as hex, and non-ASCII names are the norm here.
func formatName(name pkix.Name) string {
	var first, rest []string
	for i := len(name.Names) - 1; i >= 0; i-- {
		a := name.Names[i]
		key, ok := attributeNames[a.Type.String()]
		if !ok {
			key = a.Type.String()
		}
		part := key + "=" + escapeValue(fmt.Sprint(a.Value))
		if a.Type.Equal(oidCommonName) {
			first = append(first, part)
		} else {
			rest = append(rest, part)
		}
	}
	return strings.Join(append(first, rest...), ", ")
}

func escapeValue(v string) string {
	var b strings.Builder
	for i, r := range v {
		switch {
		case strings.ContainsRune(`,+"\<>;=`, r),
			i == 0 && (r == ' ' || r == '#'),
			i == len(v)-1 && r == ' ':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func attribute(name pkix.Name, oid asn1.ObjectIdentifier) (string, bool) {
	for _, a := range name.Names {
		if s, ok := a.Value.(string); ok && a.Type.Equal(oid) {
			return s, true
		}
	}
	return "", false
}
