package signing

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const manifest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  bag-info.txt\n" +
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  manifest-sha256.txt\n"

func TestSignDetachedVerifiesWithOpenSSLAndHere(t *testing.T) {
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		t.Run(fx.label, func(t *testing.T) {
			noNetwork(t)
			before := time.Now().Add(-time.Second)
			sig, err := SignDetached([]byte(manifest), fx.id, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			rep, err := VerifyDetached([]byte(manifest), sig, []*x509.Certificate{fx.root})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.DigestValid || !rep.SignatureValid || rep.Trusted == nil || !*rep.Trusted || len(rep.Problems) != 0 ||
				rep.Signer != testName || rep.SigningTime.Before(before.Truncate(time.Second)) || rep.SigningTime.After(time.Now()) {
				t.Errorf("report %+v", rep)
			}

			changed := []byte(manifest)
			changed[3] ^= 0x01
			rep, err = VerifyDetached(changed, sig, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.DigestValid || !rep.SignatureValid || rep.Trusted != nil {
				t.Errorf("changed manifest: %+v", rep)
			}
			wantProblem(t, rep.Problems, "changed after signing")

			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "tagmanifest-sha256.txt"), []byte(manifest))
			writeFile(t, filepath.Join(dir, "changed.txt"), changed)
			writeFile(t, filepath.Join(dir, "tagmanifest-sha256.txt.p7s"), sig)
			writeFile(t, filepath.Join(dir, "signer-cert.pem"), certPEM(fx.root))
			args := func(content string) []string {
				return []string{"cms", "-verify", "-binary", "-inform", "DER", "-in", "tagmanifest-sha256.txt.p7s",
					"-content", content, "-CAfile", "signer-cert.pem", "-purpose", "any", "-out", "/dev/null"}
			}
			out, code := tool(t, dir, "openssl", args("tagmanifest-sha256.txt")...)
			if code != 0 {
				t.Errorf("openssl cms -verify failed (%d):\n%s", code, out)
			}
			wantContains(t, "openssl output", out, "Verification successful")
			if out, code := tool(t, dir, "openssl", args("changed.txt")...); code == 0 {
				t.Errorf("openssl accepted a changed manifest:\n%s", out)
			}
		})
	}
}

func TestVerifyDetachedRefusesWhatIsNotCMS(t *testing.T) {
	for _, sig := range [][]byte{nil, []byte("not a signature"), bytes.Repeat([]byte{0x30}, 40)} {
		_, err := VerifyDetached([]byte(manifest), sig, nil)
		wantCode(t, err, portfolio.CodeInvalid)
	}
}

func TestSignDetachedTurnsPanicsIntoErrors(t *testing.T) {
	fx := ecdsaFixture(t)
	id := *fx.id
	id.Key = panickySigner{fx.id.Key}
	if _, err := SignDetached([]byte(manifest), &id, time.Now()); err == nil {
		t.Fatal("no error")
	}
}

// hashOf is the digest function checkCMS takes, over content.
func hashOf(content []byte) func(crypto.Hash) ([]byte, error) {
	return func(h crypto.Hash) ([]byte, error) {
		d := h.New()
		d.Write(content)
		return d.Sum(nil), nil
	}
}

// signedAttributes splits the signed attributes of a SignerInfo that signCMS wrote into
// their encodings, in the order they are stored.
func signedAttributes(t *testing.T, der []byte) [][]byte {
	t.Helper()
	var ci cmsContentInfo
	if rest, err := asn1.Unmarshal(der, &ci); err != nil || len(rest) != 0 {
		t.Fatalf("ContentInfo: %v (%d bytes left)", err, len(rest))
	}
	var sd cmsSignedData
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		t.Fatalf("SignedData: %v", err)
	}
	if len(sd.SignerInfos) != 1 || sd.SignerInfos[0].SignedAttrs.Tag != 0 || sd.SignerInfos[0].SignedAttrs.Class != asn1.ClassContextSpecific {
		t.Fatalf("signer infos %+v", sd.SignerInfos)
	}
	var attrs [][]byte
	for rest := sd.SignerInfos[0].SignedAttrs.Bytes; len(rest) > 0; {
		var a asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &a); err != nil {
			t.Fatalf("attribute: %v", err)
		}
		attrs = append(attrs, a.FullBytes)
	}
	return attrs
}

func TestSignCMSWithoutSigningTimeForPAdES(t *testing.T) {
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		t.Run(fx.label, func(t *testing.T) {
			noNetwork(t)
			digest := sha256.Sum256([]byte(manifest))
			der, err := signCMS(digest[:], fx.id, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: CMS of %d bytes", fx.label, len(der))

			c, err := checkCMS(der, hashOf([]byte(manifest)), true) // true: the ESS attribute must be there and name the signer
			if err != nil {
				t.Fatal(err)
			}
			if !c.digestValid || !c.signatureValid || len(c.problems) != 0 || !c.signingTime.IsZero() {
				t.Errorf("check %+v", c)
			}
			if c.signer == nil || !c.signer.Equal(fx.id.Certificate) {
				t.Errorf("signer %v", c.signer)
			}
			wantCerts := append([]*x509.Certificate{fx.id.Certificate}, fx.id.Chain...)
			if !slices.EqualFunc(c.certs, wantCerts, (*x509.Certificate).Equal) {
				t.Errorf("%d certificates, want the signer's and its chain of %d", len(c.certs), len(fx.id.Chain))
			}

			// The same algorithm identifiers as pkcs7.NewSignedData chose, and no others.
			p7, err := pkcs7.Parse(der)
			if err != nil {
				t.Fatal(err)
			}
			si := p7.Signers[0]
			wantSig := pkcs7.OIDEncryptionAlgorithmRSASHA256
			if _, ok := fx.id.Key.Public().(*ecdsa.PublicKey); ok {
				wantSig = pkcs7.OIDDigestAlgorithmECDSASHA256
			}
			if !si.DigestAlgorithm.Algorithm.Equal(pkcs7.OIDDigestAlgorithmSHA256) || !si.DigestEncryptionAlgorithm.Algorithm.Equal(wantSig) ||
				si.Version != 1 || len(p7.Content) != 0 {
				t.Errorf("signer info: digest %v, signature %v, version %d, %d bytes of content",
					si.DigestAlgorithm.Algorithm, si.DigestEncryptionAlgorithm.Algorithm, si.Version, len(p7.Content))
			}

			// DER order of the SET OF attributes: sorted by their encodings, no duplicates. (checkCMS's
			// signatureValid also depends on it: it re-encodes the attributes in DER order to verify.)
			attrs := signedAttributes(t, der)
			if len(attrs) != 3 {
				t.Errorf("%d signed attributes, want content type, message digest and signing certificate", len(attrs))
			}
			if !slices.IsSortedFunc(attrs, bytes.Compare) || len(slices.CompactFunc(slices.Clone(attrs), bytes.Equal)) != len(attrs) {
				t.Errorf("signed attributes not in DER order: %x", attrs)
			}

			// A digest of other content is reported as a changed document, not as a forgery.
			changed := []byte(manifest)
			changed[3] ^= 0x01
			c, err = checkCMS(der, hashOf(changed), true)
			if err != nil {
				t.Fatal(err)
			}
			if c.digestValid || !c.signatureValid {
				t.Errorf("other content: %+v", c)
			}
			wantProblem(t, c.problems, "changed after signing")

			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "sig.p7s"), der)
			writeFile(t, filepath.Join(dir, "content.txt"), []byte(manifest))
			writeFile(t, filepath.Join(dir, "root.pem"), certPEM(fx.root))
			out, code := tool(t, dir, "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", "sig.p7s")
			if code != 0 {
				t.Fatalf("openssl cms -print failed (%d):\n%s", code, out)
			}
			if !strings.Contains(out, "signingCertificateV2") && !strings.Contains(out, "1.2.840.113549.1.9.16.2.47") {
				t.Errorf("openssl lists no signing-certificate-v2 attribute:\n%s", out)
			}
			if strings.Contains(out, "signingTime") || strings.Contains(out, "1.2.840.113549.1.9.5") {
				t.Errorf("openssl lists a signing time:\n%s", out)
			}
			out, code = tool(t, dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.p7s",
				"-content", "content.txt", "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null")
			if code != 0 {
				t.Errorf("openssl cms -verify failed (%d):\n%s", code, out)
			}
		})
	}
}

func TestSignCMSWithSigningTime(t *testing.T) {
	fx := ecdsaFixture(t)
	digest := sha256.Sum256([]byte(manifest))
	der, err := signCMS(digest[:], fx.id, signedAt.In(time.FixedZone("CET", 3600)))
	if err != nil {
		t.Fatal(err)
	}
	c, err := checkCMS(der, hashOf([]byte(manifest)), true)
	if err != nil {
		t.Fatal(err)
	}
	if !c.digestValid || !c.signatureValid || len(c.problems) != 0 || !c.signingTime.Equal(signedAt) {
		t.Errorf("check %+v", c)
	}
	attrs := signedAttributes(t, der)
	if len(attrs) != 4 || !slices.IsSortedFunc(attrs, bytes.Compare) {
		t.Errorf("signed attributes: %x", attrs)
	}
	// DER's UTCTime is in UTC and ends in Z.
	if !bytes.Contains(der, append([]byte{asn1.TagUTCTime, 13}, "260314092653Z"...)) {
		t.Error("no UTCTime 260314092653Z")
	}
}

// TestSignCMSSizeFromZeroDigest checks what signCMS's doc comment promises a caller that
// reserves space: a zero digest gives the size, exactly for RSA and within a few bytes for ECDSA.
func TestSignCMSSizeFromZeroDigest(t *testing.T) {
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		_, isECDSA := fx.id.Key.Public().(*ecdsa.PublicKey)
		probe, err := signCMS(make([]byte, sha256.Size), fx.id, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range 20 {
			digest := sha256.Sum256([]byte{byte(i)})
			der, err := signCMS(digest[:], fx.id, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if d := len(probe) - len(der); d != 0 && (!isECDSA || d < -8 || d > 8) {
				t.Errorf("%s: %d bytes, the zero-digest probe %d", fx.label, len(der), len(probe))
			}
		}
		t.Logf("%s: zero-digest probe %d bytes", fx.label, len(probe))
	}
}

func TestSignCMSRefusesBadInput(t *testing.T) {
	fx := ecdsaFixture(t)
	other := rsa4096Fixture(t)
	digest := sha256.Sum256([]byte(manifest))
	for name, call := range map[string]func() ([]byte, error){
		"short digest": func() ([]byte, error) { return signCMS(digest[:20], fx.id, time.Time{}) },
		"no identity":  func() ([]byte, error) { return signCMS(digest[:], nil, time.Time{}) },
		"no key": func() ([]byte, error) {
			return signCMS(digest[:], &identity.Identity{Certificate: fx.id.Certificate}, time.Time{})
		},
		"another's key": func() ([]byte, error) {
			return signCMS(digest[:], &identity.Identity{Certificate: fx.id.Certificate, Key: other.id.Key}, time.Time{})
		},
		"panicking token": func() ([]byte, error) {
			return signCMS(digest[:], &identity.Identity{Certificate: fx.id.Certificate, Key: panickySigner{fx.id.Key}}, time.Time{})
		},
	} {
		if der, err := call(); err == nil || der != nil {
			t.Errorf("%s: %d bytes, error %v", name, len(der), err)
		}
	}
}

// TestSigningIsDeterministic: the standard keys sign without randomness, so a package signed
// twice at the same time is byte-identical (ECDSA per RFC 6979).
func TestSigningIsDeterministic(t *testing.T) {
	at := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		a, err := SignDetached([]byte(manifest), fx.id, at)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := SignDetached([]byte(manifest), fx.id, at)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two signatures of the same content at the same time differ", fx.label)
		}
		unsigned := unsignedPDF(t, nil)
		if pdfA, pdfB := signPDF(t, fx, unsigned), signPDF(t, fx, unsigned); !bytes.Equal(pdfA, pdfB) {
			t.Errorf("%s: two signed PDFs of the same content differ", fx.label)
		}
	}
}
