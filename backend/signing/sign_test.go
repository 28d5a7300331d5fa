package signing

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestSignAndVerifyEveryKeyType(t *testing.T) {
	unsigned := unsignedPDF(t, nil)
	for _, fx := range allFixtures(t) {
		t.Run(fx.label, func(t *testing.T) {
			noNetwork(t)
			signed := signPDF(t, fx, unsigned)
			if !bytes.HasPrefix(signed, unsigned) {
				t.Fatal("the signature is not an incremental update: the unsigned bytes changed")
			}
			reserved, used := signatureSpace(t, signed)
			t.Logf("%s: %d bytes reserved for the signature, %d used; file %d -> %d bytes",
				fx.label, reserved, used, len(unsigned), len(signed))

			v := verifyBytes(t, signed, nil)
			if !v.Valid || len(v.Signatures) != 1 || len(v.Problems) != 0 {
				t.Fatalf("verification: %+v", v)
			}
			got := v.Signatures[0]
			want := identity.Describe(fx.id.Certificate, nil, false)
			if got.Signer != testName || got.Email != testEmail || got.FingerprintSHA256 != want.FingerprintSHA256 || got.Issuer != want.Issuer {
				t.Errorf("signer %q <%s> issued by %q, fingerprint %s; want %q <%s> by %q, %s",
					got.Signer, got.Email, got.Issuer, got.FingerprintSHA256, testName, testEmail, want.Issuer, want.FingerprintSHA256)
			}
			if !got.CoversWholeFile || !got.DigestValid || !got.SignatureValid || got.SubFilter != "ETSI.CAdES.detached" ||
				!got.SigningTime.Equal(signedAt) || got.Trusted != nil || got.SelfSigned != want.SelfSigned || len(got.Problems) != 0 {
				t.Errorf("report: %+v", got)
			}
			if !strings.HasSuffix(got.Covered, "the whole file except the signature value") {
				t.Errorf("covered: %q", got.Covered)
			}
			externalVerifiers(t, signed)
		})
	}
}

// externalVerifiers checks the signed file with the tools a reviewer has. pdfsig and mutool
// exit 0 even for a bad signature, so their text is what counts.
func externalVerifiers(t *testing.T, signed []byte) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "signed.pdf"), signed)
	t.Run("pdfsig", func(t *testing.T) {
		out, _ := tool(t, dir, "pdfsig", "signed.pdf")
		t.Logf("pdfsig:\n%s", out)
		wantContains(t, "pdfsig output", out, "Signature is Valid.", "Total document signed", "ETSI.CAdES.detached", testName)
	})
	t.Run("qpdf", func(t *testing.T) {
		out, code := tool(t, dir, "qpdf", "--check", "signed.pdf")
		if code != 0 {
			t.Errorf("qpdf --check exited %d", code)
		}
		wantContains(t, "qpdf --check output", out, "No syntax or stream encoding errors found")
	})
	t.Run("mutool", func(t *testing.T) {
		out, _ := tool(t, dir, "mutool", "sign", "-v", "signed.pdf")
		t.Logf("mutool sign -v:\n%s", out)
		wantContains(t, "mutool sign -v output", out, "unchanged since signing")
		if strings.Contains(out, "invalidated by change") || strings.Contains(out, "Digest Mismatch") {
			t.Errorf("mutool reports a change:\n%s", out)
		}
	})
	t.Run("pdftotext", func(t *testing.T) {
		out, code := tool(t, dir, "pdftotext", "signed.pdf", "-")
		if code != 0 {
			t.Errorf("pdftotext exited %d", code)
		}
		wantContains(t, "pdftotext output", out, testName, tamperMarker)
	})
}

func TestBlockShowsWhatVerificationReports(t *testing.T) {
	fx := ecdsaFixture(t)
	b := NewSigner(fx.id).Block(signedAt)
	info := identity.Describe(fx.id.Certificate, nil, false)
	if b.Name != testName || b.Fingerprint != info.FingerprintSHA256 || !b.SignedAt.Equal(signedAt) {
		t.Errorf("block %+v", b)
	}
	if strings.Count(b.Fingerprint, ":") != 31 {
		t.Errorf("fingerprint %q is not colon-separated SHA-256", b.Fingerprint)
	}
}

func TestSignFileHonoursCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	unsigned := unsignedPDF(t, nil)
	out, err := signBytes(t, ctx, ecdsaFixture(t).id, unsigned, signedAt)
	if !errors.Is(err, context.Canceled) || !bytes.Equal(out, unsigned) {
		t.Fatalf("err %v, file changed: %v", err, !bytes.Equal(out, unsigned))
	}
}

func TestSignFileRefusesTimeOutsideCertificate(t *testing.T) {
	unsigned := unsignedPDF(t, nil)
	out, err := signBytes(t, context.Background(), ecdsaFixture(t).id, unsigned, signedAt.AddDate(10, 0, 0))
	wantCode(t, err, portfolio.CodeConflict)
	if !bytes.Equal(out, unsigned) {
		t.Error("the file was changed")
	}
}

// panickySigner stands for a key that fails badly, such as a removed hardware token.
type panickySigner struct{ crypto.Signer }

func (panickySigner) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	panic("the token was removed")
}

func TestSignFileTurnsPanicsAndBadInputIntoErrors(t *testing.T) {
	fx := ecdsaFixture(t)
	unsigned := unsignedPDF(t, nil)
	broken := &identity.Identity{Certificate: fx.id.Certificate, Key: panickySigner{fx.id.Key}}
	if _, err := signBytes(t, context.Background(), broken, unsigned, signedAt); err == nil || !strings.Contains(err.Error(), "the token was removed") {
		t.Errorf("panicking key: %v", err)
	}
	for _, cut := range []int{0, 9, len(unsigned) / 3, len(unsigned) / 2, len(unsigned) - 40} {
		if _, err := signBytes(t, context.Background(), fx.id, unsigned[:cut], signedAt); err == nil {
			t.Errorf("a PDF cut at %d bytes was signed", cut)
		}
	}
}

// TestSignatureFillsItsRoom: the room reserved for the CMS is its measured size plus a margin,
// so every key type fits and the zero padding stays small.
func TestSignatureFillsItsRoom(t *testing.T) {
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		signed := signPDF(t, fx, unsignedPDF(t, nil))
		m := regexp.MustCompile(`/Contents <([0-9A-F]+)>`).FindSubmatch(signed)
		if m == nil {
			t.Fatalf("%s: no /Contents", fx.label)
		}
		hexDigits := string(m[1])
		padding := len(hexDigits) - len(strings.TrimRight(hexDigits, "0"))
		if padding > 2*64+8 || padding < 2*60 {
			t.Errorf("%s: %d hex digits of padding after the CMS, want about 128", fx.label, padding)
		}
	}
}

func TestSignLargePDFTiming(t *testing.T) {
	fx := rsa4096Fixture(t)
	noise := make([]byte, 1<<20) // random, so fpdf's compression keeps the file at about 1 MB
	rand.Read(noise)
	unsigned := unsignedPDF(t, noise)
	start := time.Now()
	signed := signPDF(t, fx, unsigned)
	signing := time.Since(start)
	start = time.Now()
	v := verifyBytes(t, signed, []*x509.Certificate{fx.root})
	verifying := time.Since(start)
	if !v.Valid || *v.Signatures[0].Trusted != true {
		t.Fatalf("%+v", v)
	}
	t.Logf("%s, %d-byte PDF: SignFile %v (its self-check included), VerifyPDF %v", fx.label, len(signed), signing, verifying)
}
