package identity

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Subject is who a new self-signed certificate names. Only Name is required.
type Subject struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	School   string `json:"school"`
	District string `json:"district"`
}

const (
	validityYears = 5
	// clockSkew backdates NotBefore so that a verifier whose clock is a little behind still
	// accepts a signature made right after the identity was created.
	clockSkew = time.Hour
)

// oidDocumentSigning is id-kp-documentSigning (RFC 9336). Verifiers that check the EKU look for
// emailProtection (NSS in pdfsig, OpenSSL's smimesign purpose, Adobe), which is present too.
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// Create makes an ECDSA P-256 key and a self-signed certificate for subject, and stores the key
// sealed under passphrase. It refuses to replace an existing identity: Remove it first.
//
// Subject layout: CN=name, emailAddress=email (also the SAN), O=school, L=district. The
// school is the organisation (signature panels such as Adobe's show O); a district is an area,
// which is what L (locality) means, and it is not a unit of the school, which OU would claim.
func (s *Store) Create(subject Subject, passphrase []byte) (Info, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return Info{}, err
	}
	subject, err := cleanSubject(subject)
	if err != nil {
		return Info{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Exists() {
		return Info{}, existsError()
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Info{}, fmt.Errorf("creating the key: %w", err)
	}
	cert, err := selfSignedCertificate(subject, key, s.now())
	if err != nil {
		return Info{}, err
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return Info{}, err
	}
	defer clear(pkcs8)
	sealed, err := seal(pkcs8, passphrase, cert.Raw, sourceCreated)
	if err != nil {
		return Info{}, err
	}
	if err := s.save([]*x509.Certificate{cert}, sealed); err != nil {
		return Info{}, err
	}
	return Describe(cert, nil, false), nil
}

func existsError() error {
	return portfolio.Errorf(portfolio.CodeConflict,
		"A signing identity already exists; remove it first if you want to replace it.")
}

func selfSignedCertificate(sub Subject, key *ecdsa.PrivateKey, now time.Time) (*x509.Certificate, error) {
	// RFC 5280 wants a positive serial of at most 20 octets; 128 random bits make it unique.
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	if err != nil {
		return nil, fmt.Errorf("creating the certificate: %w", err)
	}
	serial.SetBit(serial, 127, 1) // never zero, always 16 octets
	rawSubject, err := subjectDER(sub)
	if err != nil {
		return nil, fmt.Errorf("creating the certificate: %w", err)
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, err
	}
	var spki struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}
	if _, err := asn1.Unmarshal(pub, &spki); err != nil {
		return nil, err
	}
	skid := sha256.Sum256(spki.PublicKey.Bytes) // RFC 7093 method 1: leftmost 160 bits
	now = now.UTC().Truncate(time.Second)
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		RawSubject:            rawSubject,
		NotBefore:             now.Add(-clockSkew),
		NotAfter:              now.AddDate(validityYears, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true, // CA:FALSE, so the certificate cannot vouch for others
		SubjectKeyId:          skid[:20],
	}
	if sub.Email != "" {
		tmpl.EmailAddresses = []string{sub.Email}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("creating the certificate: %w", err)
	}
	return x509.ParseCertificate(der)
}

// subjectDER builds the name by hand: x509 would put emailAddress last and as UTF8String, while
// RFC 5280 requires IA5String for it.
func subjectDER(sub Subject) ([]byte, error) {
	var rdns pkix.RDNSequence
	add := func(oid asn1.ObjectIdentifier, value any) {
		rdns = append(rdns, pkix.RelativeDistinguishedNameSET{{Type: oid, Value: value}})
	}
	if sub.District != "" {
		add(oidLocality, sub.District)
	}
	if sub.School != "" {
		add(oidOrganization, sub.School)
	}
	add(oidCommonName, sub.Name)
	if sub.Email != "" {
		add(oidEmailAddress, asn1.RawValue{Tag: asn1.TagIA5String, Bytes: []byte(sub.Email)})
	}
	return asn1.Marshal(rdns)
}

// Upper bounds from RFC 5280 appendix A, which some verifiers enforce.
const (
	maxNameLength     = 64
	maxSchoolLength   = 64
	maxDistrictLength = 128
	maxEmailLength    = 255
)

func cleanSubject(sub Subject) (Subject, error) {
	sub = Subject{
		Name:     strings.TrimSpace(sub.Name),
		Email:    strings.TrimSpace(sub.Email),
		School:   strings.TrimSpace(sub.School),
		District: strings.TrimSpace(sub.District),
	}
	if sub.Name == "" {
		return sub, portfolio.Errorf(portfolio.CodeInvalid, "Type your name; it appears in every signature you make.")
	}
	for _, f := range []struct {
		label, value string
		max          int
	}{{"name", sub.Name, maxNameLength}, {"school", sub.School, maxSchoolLength}, {"district", sub.District, maxDistrictLength}} {
		if n := utf8.RuneCountInString(f.value); n > f.max {
			return sub, portfolio.Errorf(portfolio.CodeInvalid,
				"The %s has %d characters; a certificate holds at most %d, so shorten it.", f.label, n, f.max)
		}
		if !utf8.ValidString(f.value) || strings.IndexFunc(f.value, unicode.IsControl) >= 0 {
			return sub, portfolio.Errorf(portfolio.CodeInvalid,
				"The %s contains invisible control characters; type it again.", f.label)
		}
	}
	if sub.Email != "" {
		addr, err := mail.ParseAddress(sub.Email)
		if err != nil || addr.Name != "" || addr.Address != sub.Email || len(sub.Email) > maxEmailLength {
			return sub, portfolio.Errorf(portfolio.CodeInvalid,
				"%q is not an email address; type it as name@example.org, or leave it empty.", sub.Email)
		}
		for _, r := range sub.Email {
			if r > unicode.MaxASCII {
				return sub, portfolio.Errorf(portfolio.CodeInvalid,
					"A certificate can hold only email addresses written in ASCII; use another address, or leave it empty.")
			}
		}
	}
	return sub, nil
}
