package signing

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	_ "crypto/sha512" // SHA-384 and SHA-512 digests in signatures made by other software
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"io"
	"math/big"
	"slices"
	"time"

	"github.com/digitorus/pkcs7"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

var oidSigningCertificateV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}

// digests are the digest algorithms accepted in a signature; SHA-1 and MD5 are not.
var digests = map[string]crypto.Hash{
	pkcs7.OIDDigestAlgorithmSHA256.String(): crypto.SHA256,
	pkcs7.OIDDigestAlgorithmSHA384.String(): crypto.SHA384,
	pkcs7.OIDDigestAlgorithmSHA512.String(): crypto.SHA512,
}

// SignDetached signs content with a detached CMS SignedData (DER): SHA-256, the signer's
// certificate and chain included, signing-time (at) and signing-certificate-v2 attributes, so
// that `openssl cms -verify -binary -inform DER -in sig.p7s -content file -CAfile cert.pem -purpose any`
// verifies it without ReadyFolio.
func SignDetached(content []byte, id *identity.Identity, at time.Time) ([]byte, error) {
	digest := sha256.Sum256(content)
	return signCMS(digest[:], id, at)
}

// signCMS makes a detached CMS SignedData (DER) over content whose SHA-256 is digest.
// signingTime zero leaves out the signing-time attribute, as PAdES B-B requires (the PDF's /M holds the time).
//
// Only the digest is needed, so a caller can hash a large file as it streams it. The signed
// attributes are content-type (id-data), message-digest, signing-time (unless zero) and the ESS
// signing-certificate-v2 that binds the signature to the signer's certificate; the certificates
// are the signer's followed by id.Chain. The algorithm identifiers are the ones
// github.com/digitorus/pkcs7 chooses (sha256WithRSAEncryption, ecdsa-with-SHA256), so verifiers
// treat these signatures as they treated that library's.
//
// A caller that must reserve space for the result, such as a PDF's /Contents, can learn its size
// by calling signCMS with a zero digest of the right length (32 bytes) and the same signingTime
// (zero or not). The size is exact for RSA, whose signature is as long as its modulus; an ECDSA
// signature is a DER pair of integers whose length varies by a few bytes from one signature to
// the next (72 bytes at most for P-256, 104 for P-384), so reserve a margin for it.
func signCMS(digest []byte, id *identity.Identity, signingTime time.Time) (der []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			der, err = nil, fmt.Errorf("signing with CMS failed: %v", r)
		}
	}()
	if len(digest) != sha256.Size {
		return nil, fmt.Errorf("signing with CMS: the digest has %d bytes instead of the %d of SHA-256", len(digest), sha256.Size)
	}
	if id == nil || id.Certificate == nil || id.Key == nil {
		return nil, fmt.Errorf("signing with CMS: the identity has no certificate or no key")
	}
	cert := id.Certificate
	var sigAlg asn1.ObjectIdentifier
	switch id.Key.Public().(type) {
	case *rsa.PublicKey:
		sigAlg = pkcs7.OIDEncryptionAlgorithmRSASHA256
	case *ecdsa.PublicKey:
		sigAlg = pkcs7.OIDDigestAlgorithmECDSASHA256
	default:
		return nil, fmt.Errorf("signing with CMS: unsupported key type %T; RSA and ECDSA are", id.Key.Public())
	}
	if pub, ok := id.Key.Public().(interface{ Equal(crypto.PublicKey) bool }); !ok || !pub.Equal(cert.PublicKey) {
		return nil, fmt.Errorf("signing with CMS: the key does not belong to the certificate")
	}

	certHash := sha256.Sum256(cert.Raw)
	type attribute struct {
		oid   asn1.ObjectIdentifier
		value any
	}
	attrs := []attribute{
		{pkcs7.OIDAttributeContentType, pkcs7.OIDData},
		{pkcs7.OIDAttributeMessageDigest, digest},
		{oidSigningCertificateV2, essSigningCertificateV2{Certs: []essCertIDv2{{CertHash: certHash[:]}}}},
	}
	if !signingTime.IsZero() {
		// In UTC, so that the UTCTime ends in Z as DER requires; encoding/asn1 switches to
		// GeneralizedTime outside 1950-2049, as RFC 5652 11.3 asks.
		attrs = append(attrs, attribute{pkcs7.OIDAttributeSigningTime, signingTime.UTC()})
	}
	var encoded [][]byte
	for _, a := range attrs {
		value, err := asn1.Marshal(a.value)
		if err != nil {
			return nil, fmt.Errorf("signing with CMS: %w", err)
		}
		attr, err := asn1.Marshal(cmsAttribute{Type: a.oid,
			Value: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: value}})
		if err != nil {
			return nil, fmt.Errorf("signing with CMS: %w", err)
		}
		encoded = append(encoded, attr)
	}
	slices.SortFunc(encoded, bytes.Compare) // DER orders a SET OF by the encodings of its elements
	attrBytes := bytes.Join(encoded, nil)

	// RFC 5652 5.4: the signature is over the attributes as a universal SET OF, while the
	// SignerInfo carries the same content under [0] IMPLICIT.
	set, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: attrBytes})
	if err != nil {
		return nil, fmt.Errorf("signing with CMS: %w", err)
	}
	hashed := sha256.Sum256(set)
	signature, err := id.Key.Sign(signingRand(id.Key), hashed[:], crypto.SHA256) // ECDSA: DER already; RSA: PKCS #1 v1.5
	if err != nil {
		return nil, fmt.Errorf("signing with CMS: %w", err)
	}

	var certs []byte
	for _, c := range append([]*x509.Certificate{cert}, id.Chain...) {
		certs = append(certs, c.Raw...)
	}
	sha256Alg := pkix.AlgorithmIdentifier{Algorithm: pkcs7.OIDDigestAlgorithmSHA256}
	signedData, err := asn1.Marshal(cmsSignedData{
		Version:          1,
		DigestAlgorithms: []pkix.AlgorithmIdentifier{sha256Alg},
		EncapContentInfo: cmsEncapContentInfo{EContentType: pkcs7.OIDData},
		Certificates:     asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: certs},
		SignerInfos: []cmsSignerInfo{{
			Version:            1,
			SID:                cmsIssuerAndSerialNumber{Issuer: asn1.RawValue{FullBytes: cert.RawIssuer}, Serial: cert.SerialNumber},
			DigestAlgorithm:    sha256Alg,
			SignedAttrs:        asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: attrBytes},
			SignatureAlgorithm: pkix.AlgorithmIdentifier{Algorithm: sigAlg},
			Signature:          signature,
		}},
	})
	if err != nil {
		return nil, fmt.Errorf("signing with CMS: %w", err)
	}
	return asn1.Marshal(cmsContentInfo{
		ContentType: pkcs7.OIDSignedData,
		Content:     asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: signedData}, // [0] EXPLICIT
	})
}

// The CMS types of RFC 5652 that signCMS writes. The tagged fields are asn1.RawValue, whose
// class and tag encoding/asn1 takes as given (it ignores struct tags on them).
type (
	cmsContentInfo struct {
		ContentType asn1.ObjectIdentifier
		Content     asn1.RawValue
	}
	cmsSignedData struct {
		Version          int
		DigestAlgorithms []pkix.AlgorithmIdentifier `asn1:"set"`
		EncapContentInfo cmsEncapContentInfo
		Certificates     asn1.RawValue   // [0] IMPLICIT SET OF Certificate
		SignerInfos      []cmsSignerInfo `asn1:"set"`
	}
	cmsEncapContentInfo struct {
		EContentType asn1.ObjectIdentifier // no eContent: detached
	}
	cmsSignerInfo struct {
		Version            int
		SID                cmsIssuerAndSerialNumber
		DigestAlgorithm    pkix.AlgorithmIdentifier
		SignedAttrs        asn1.RawValue // [0] IMPLICIT SET OF Attribute
		SignatureAlgorithm pkix.AlgorithmIdentifier
		Signature          []byte
	}
	cmsIssuerAndSerialNumber struct {
		Issuer asn1.RawValue
		Serial *big.Int
	}
	// essSigningCertificateV2 is what signCMS writes of signingCertificateV2: the certificate's
	// SHA-256, with hashAlgorithm left out because SHA-256 is its DEFAULT.
	essSigningCertificateV2 struct {
		Certs []essCertIDv2
	}
	essCertIDv2 struct {
		CertHash []byte
	}
)

// VerifyDetached checks a detached CMS signature over content. The error is only for a
// signature that cannot be read at all; a wrong one is a report with problems.
func VerifyDetached(content, signature []byte, trust []*x509.Certificate) (SignatureReport, error) {
	c, err := checkCMS(signature, func(h crypto.Hash) ([]byte, error) {
		d := h.New()
		d.Write(content)
		return d.Sum(nil), nil
	}, false)
	if err != nil {
		return SignatureReport{}, portfolio.Errorf(portfolio.CodeInvalid,
			"The signature file is not a CMS signature that ReadyFolio can read (%v).", err)
	}
	r := SignatureReport{
		CoversWholeFile: true, // a detached signature covers all of its content or nothing
		Covered:         fmt.Sprintf("all %d bytes of the signed file", len(content)),
		Problems:        []string{},
	}
	describeSigner(&r, c, c.signingTime, trust)
	return r, nil
}

// cmsCheck is what checking one CMS SignedData against its content found.
type cmsCheck struct {
	signer         *x509.Certificate
	certs          []*x509.Certificate // every certificate the signature carries
	digestValid    bool
	signatureValid bool
	signingTime    time.Time // the signing-time attribute; zero when absent, as PAdES requires
	problems       []string
}

// checkCMS checks a detached CMS signature. digest hashes the signed content with the
// signature's own algorithm, so a PDF's byte ranges can be streamed instead of held in memory.
// needESS requires the signing-certificate-v2 attribute, as PAdES does.
//
// pkcs7.Verify stops at the first failure and cannot tell a changed document from a forged
// signature, so the two are checked apart: the message digest here, and the signature value
// over the signed attributes below.
func checkCMS(der []byte, digest func(crypto.Hash) ([]byte, error), needESS bool) (c cmsCheck, err error) {
	p7, err := parseCMS(der)
	if err != nil {
		return c, err
	}
	c.certs = p7.Certificates
	if len(p7.Signers) != 1 {
		c.problems = append(c.problems, fmt.Sprintf("The signature holds %d signers instead of one.", len(p7.Signers)))
		return c, nil
	}
	si := p7.Signers[0]
	if c.signer = p7.GetOnlySigner(); c.signer == nil {
		c.problems = append(c.problems, "The signature does not include its signer's certificate, so nobody can check it.")
	}
	hash, ok := digests[si.DigestAlgorithm.Algorithm.String()]
	if !ok {
		c.problems = append(c.problems, fmt.Sprintf("The signature uses a digest algorithm (%s) that is not safe or not supported; SHA-256, SHA-384 and SHA-512 are.", si.DigestAlgorithm.Algorithm))
		return c, nil
	}
	if len(si.AuthenticatedAttributes) == 0 {
		c.problems = append(c.problems, "The signature has no signed attributes, which PAdES and ReadyFolio require.")
		return c, nil
	}
	var claimed []byte
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeMessageDigest, &claimed) != nil {
		c.problems = append(c.problems, "The signature does not record the digest of what it signed.")
	} else {
		actual, err := digest(hash)
		if err != nil {
			return c, err
		}
		c.digestValid = bytes.Equal(claimed, actual)
		if !c.digestValid {
			c.problems = append(c.problems, "The signed content was changed after signing: its digest does not match the one in the signature.")
		}
	}
	_ = p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &c.signingTime) // optional
	if c.signer == nil {
		return c, nil
	}
	if c.signatureValid = verifySignedAttributes(p7) == nil; !c.signatureValid {
		c.problems = append(c.problems, "The signature value was not made with the key of the certificate it names: it is forged or damaged.")
	}
	var sc signingCertificateV2
	switch err := p7.UnmarshalSignedAttribute(oidSigningCertificateV2, &sc); {
	case err != nil && needESS:
		c.problems = append(c.problems, "The signature lacks the signing-certificate attribute that PAdES requires to bind it to its certificate.")
	case err == nil && !sc.names(c.signer):
		c.problems = append(c.problems, "The signature's signing-certificate attribute names another certificate than the one it includes.")
	}
	return c, nil
}

// parseCMS parses a SignedData; pkcs7 has panicked on malformed DER before.
func parseCMS(der []byte) (p7 *pkcs7.PKCS7, err error) {
	defer func() {
		if r := recover(); r != nil {
			p7, err = nil, fmt.Errorf("malformed CMS: %v", r)
		}
	}()
	p7, err = pkcs7.Parse(der)
	if err == nil && p7 == nil {
		err = fmt.Errorf("not a CMS SignedData")
	}
	return p7, err
}

// verifySignedAttributes checks the signature value alone. RFC 5652 5.4: with signed
// attributes the signature is over their DER encoding as a SET OF, so a copy of the SignerInfo
// without attributes and with that encoding as its content makes pkcs7 check exactly that,
// whatever the content's digest.
func verifySignedAttributes(p7 *pkcs7.PKCS7) error {
	si := p7.Signers[0]
	attrs := make([]cmsAttribute, len(si.AuthenticatedAttributes))
	for i, a := range si.AuthenticatedAttributes {
		attrs[i] = cmsAttribute{Type: a.Type, Value: a.Value}
	}
	// Marshalled the way pkcs7 marshals them when it signs and verifies: a SET OF in DER order.
	wrapped, err := asn1.Marshal(struct {
		A []cmsAttribute `asn1:"set"`
	}{A: attrs})
	if err != nil {
		return err
	}
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(wrapped, &seq); err != nil {
		return err
	}
	check := *p7
	check.Signers = slices.Clone(p7.Signers)
	check.Signers[0].AuthenticatedAttributes = nil
	check.Content = seq.Bytes
	return check.Verify()
}

type cmsAttribute struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue `asn1:"set"`
}

// signingCertificateV2 is the ESS attribute of RFC 5035 that PAdES uses to bind a signature
// to its certificate, so a certificate with the same key cannot be swapped in.
type signingCertificateV2 struct {
	Certs []struct {
		HashAlgorithm pkix.AlgorithmIdentifier `asn1:"optional"` // DEFAULT sha256, so absent for it
		CertHash      []byte
		IssuerSerial  asn1.RawValue `asn1:"optional"`
	}
	Policies asn1.RawValue `asn1:"optional"`
}

func (sc signingCertificateV2) names(cert *x509.Certificate) bool {
	if len(sc.Certs) == 0 {
		return false
	}
	first := sc.Certs[0] // the signer's own certificate comes first (RFC 5035 3)
	hash := crypto.SHA256
	if len(first.HashAlgorithm.Algorithm) > 0 {
		h, ok := digests[first.HashAlgorithm.Algorithm.String()]
		if !ok {
			return false
		}
		hash = h
	}
	d := hash.New()
	d.Write(cert.Raw)
	return bytes.Equal(d.Sum(nil), first.CertHash)
}

// signingRand is nil for the standard key types, which then sign deterministically (ECDSA
// per RFC 6979; PKCS #1 v1.5 always does), so that the same package signed twice with the same
// clock is byte-identical. Other signers get real randomness.
func signingRand(key crypto.Signer) io.Reader {
	switch key.(type) {
	case *ecdsa.PrivateKey, *rsa.PrivateKey:
		return nil
	}
	return rand.Reader
}
