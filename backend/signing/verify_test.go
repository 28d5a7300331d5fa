package signing

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestChangedByteInSignedRangeIsCaught(t *testing.T) {
	signed := signPDF(t, ecdsaFixture(t), unsignedPDF(t, nil))
	at := bytes.Index(signed, []byte("("+tamperMarker+")"))
	if at < 0 {
		t.Fatal("marker not found in the page content")
	}
	tampered := bytes.Clone(signed)
	tampered[at+1] ^= 0x01 // S -> R, same length: only the digest can tell

	v := verifyBytes(t, tampered, nil)
	if v.Valid || len(v.Signatures) != 1 {
		t.Fatalf("%+v", v)
	}
	got := v.Signatures[0]
	if got.DigestValid || !got.SignatureValid || !got.CoversWholeFile {
		t.Errorf("digest %v, signature %v, whole file %v", got.DigestValid, got.SignatureValid, got.CoversWholeFile)
	}
	wantProblem(t, got.Problems, "changed after signing", "digest")

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tampered.pdf"), tampered)
	t.Run("pdfsig", func(t *testing.T) {
		out, _ := tool(t, dir, "pdfsig", "tampered.pdf")
		t.Logf("pdfsig:\n%s", out)
		wantContains(t, "pdfsig output", out, "Digest Mismatch")
	})
	t.Run("mutool", func(t *testing.T) {
		out, _ := tool(t, dir, "mutool", "sign", "-v", "tampered.pdf")
		t.Logf("mutool sign -v:\n%s", out)
		if strings.Contains(out, "unchanged since signing") {
			t.Errorf("mutool missed the change:\n%s", out)
		}
	})
}

func TestForgedSignatureValueIsCaught(t *testing.T) {
	signed := signPDF(t, rsa4096Fixture(t), unsignedPDF(t, nil))
	// The signature value is the last thing in the CMS; change a hex digit of it.
	_, used := signatureSpace(t, signed)
	start := bytes.Index(signed, []byte("/Contents <")) + len("/Contents <")
	if start < len("/Contents <") {
		t.Fatal("no /Contents in the signed file")
	}
	forged := bytes.Clone(signed)
	i := start + 2*used - 10
	forged[i] = map[bool]byte{true: '1', false: '0'}[forged[i] == '0']

	got := verifyBytes(t, forged, nil).Signatures[0]
	if !got.DigestValid || got.SignatureValid {
		t.Errorf("digest %v, signature %v", got.DigestValid, got.SignatureValid)
	}
	wantProblem(t, got.Problems, "forged or damaged")
}

// appendIncrementalUpdate adds a valid incremental update after %%EOF that gives the document
// a new title, as an editor saving the file would.
func appendIncrementalUpdate(t *testing.T, signed []byte) []byte {
	t.Helper()
	rdr, err := pdf.NewReader(bytes.NewReader(signed), int64(len(signed)))
	if err != nil {
		t.Fatal(err)
	}
	size := rdr.Trailer().Key("Size").Int64()
	root := rdr.Trailer().Key("Root").GetPtr()
	var b bytes.Buffer
	b.Write(signed)
	obj := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<< /Title (Changed after signing) >>\nendobj\n", size)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %d %d R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		size, obj, size+1, root.GetID(), root.GetGen(), size, rdr.XrefInformation.StartPos, xref)
	return b.Bytes()
}

func TestBytesAppendedAfterSigningAreCaught(t *testing.T) {
	signed := signPDF(t, ecdsaFixture(t), unsignedPDF(t, nil))
	for name, changed := range map[string][]byte{
		"incremental update": appendIncrementalUpdate(t, signed),
		"junk after %%EOF":   append(bytes.Clone(signed), "\n% a comment\n"...),
	} {
		t.Run(name, func(t *testing.T) {
			v := verifyBytes(t, changed, nil)
			if v.Valid || len(v.Signatures) != 1 {
				t.Fatalf("%+v", v)
			}
			got := v.Signatures[0]
			if got.CoversWholeFile || !got.DigestValid || !got.SignatureValid {
				t.Errorf("whole file %v, digest %v, signature %v", got.CoversWholeFile, got.DigestValid, got.SignatureValid)
			}
			wantProblem(t, v.Problems, "changed after it was signed", fmt.Sprintf("%d bytes were added", len(changed)-len(signed)))
			if !strings.Contains(got.Covered, "bytes were added after signing") {
				t.Errorf("covered: %q", got.Covered)
			}
			if name == "incremental update" {
				dir := t.TempDir()
				writeFile(t, filepath.Join(dir, "changed.pdf"), changed)
				t.Run("qpdf", func(t *testing.T) {
					if out, code := tool(t, dir, "qpdf", "--check", "changed.pdf"); code != 0 {
						t.Errorf("the test's update is not a valid PDF (qpdf exit %d):\n%s", code, out)
					}
				})
				t.Run("pdfsig", func(t *testing.T) {
					out, _ := tool(t, dir, "pdfsig", "changed.pdf")
					t.Logf("pdfsig:\n%s", out)
					wantContains(t, "pdfsig output", out, "Not total document signed")
				})
			}
		})
	}
}

func TestUnsignedAndUnreadableFiles(t *testing.T) {
	unsigned := unsignedPDF(t, nil)
	v := verifyBytes(t, unsigned, nil)
	if v.Valid || len(v.Signatures) != 0 {
		t.Fatalf("%+v", v)
	}
	wantProblem(t, v.Problems, "The file is not signed.")

	signed := signPDF(t, ecdsaFixture(t), unsigned)
	for name, data := range map[string][]byte{
		"garbage":         []byte("this is a JPEG, honestly\x00\x01\x02"),
		"empty":           {},
		"PDF header only": []byte("%PDF-1.7\n"),
		"cut in half":     signed[:len(signed)/2],
	} {
		t.Run(name, func(t *testing.T) {
			_, err := VerifyPDF(bytes.NewReader(data), int64(len(data)), nil)
			wantCode(t, err, portfolio.CodeInvalid)
			if !strings.Contains(err.Error(), "is not a PDF") {
				t.Errorf("message: %v", err)
			}
		})
	}
}

func TestTrust(t *testing.T) {
	unrelated := unrelatedCertificate(t)
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		t.Run(fx.label, func(t *testing.T) {
			signed := signPDF(t, fx, unsignedPDF(t, nil))

			v := verifyBytes(t, signed, []*x509.Certificate{unrelated, fx.root})
			if !v.Valid || v.Signatures[0].Trusted == nil || !*v.Signatures[0].Trusted {
				t.Errorf("trusting %s: %+v", fx.root.Subject.CommonName, v)
			}
			v = verifyBytes(t, signed, []*x509.Certificate{fx.id.Certificate})
			if !v.Valid || !*v.Signatures[0].Trusted {
				t.Errorf("trusting the signer's own certificate: %+v", v)
			}
			for name, trust := range map[string][]*x509.Certificate{"unrelated": {unrelated}, "empty list": {}} {
				v = verifyBytes(t, signed, trust)
				got := v.Signatures[0]
				if v.Valid || got.Trusted == nil || *got.Trusted {
					t.Errorf("trusting %s: valid %v, trusted %v", name, v.Valid, got.Trusted)
				}
				wantProblem(t, got.Problems, "not one of the trusted certificates")
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	v := verifyBytes(t, signPDF(t, ecdsaFixture(t), unsignedPDF(t, nil)), nil)
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	sig := raw["signatures"].([]any)[0].(map[string]any)
	for _, key := range []string{"signer", "email", "issuer", "fingerprintSha256", "signingTime", "subFilter",
		"coversWholeFile", "digestValid", "signatureValid", "selfSigned", "trusted", "covered", "problems"} {
		if _, ok := sig[key]; !ok {
			t.Errorf("no %q in %s", key, data)
		}
	}
	if _, ok := sig["Certificate"]; ok || len(sig) != 13 {
		t.Errorf("unexpected keys in %s", data)
	}
	if sig["trusted"] != nil || raw["problems"] == nil {
		t.Errorf("trusted must be null without trust, problems an empty list: %s", data)
	}
}

func TestParsePDFDate(t *testing.T) {
	for in, want := range map[string]time.Time{
		"D:20260314092653+00'00'": signedAt,
		"D:20260314112653+02'00'": signedAt,
		"D:20260314042653-05'00":  signedAt,
		"D:20260314092653Z":       signedAt,
		"20260314092653":          signedAt,
		"D:2026":                  time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		got, err := parsePDFDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "D:", "D:20x6", "yesterday"} {
		if _, err := parsePDFDate(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestSecondSignature: an earlier signature does not cover what a later one appended, and that
// is fine as long as the last one covers the whole file. ReadyFolio does not countersign, so
// the second signature is made with pdfsign, another implementation, which also shows that
// the verifier is not tied to ReadyFolio's own signer.
func TestSecondSignature(t *testing.T) {
	first := signPDF(t, ecdsaFixture(t), unsignedPDF(t, nil))
	if _, err := signBytes(t, context.Background(), ecdsaFixture(t).id, first, signedAt); portfolio.Code(err) != portfolio.CodeConflict {
		t.Errorf("signing a signed PDF again: %v", err)
	}
	var out bytes.Buffer

	rsa := rsa4096Fixture(t)
	rdr, err := pdf.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	err = sign.SignWithData(bytes.NewReader(first), &out, rdr, int64(len(first)), sign.SignData{
		Signature:         sign.SignDataSignature{CertType: sign.ApprovalSignature, Info: sign.SignDataSignatureInfo{Name: "Reviewer", Date: signedAt.Add(time.Hour)}},
		Signer:            rsa.id.Key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       rsa.id.Certificate,
		CertificateChains: [][]*x509.Certificate{append([]*x509.Certificate{rsa.id.Certificate}, rsa.id.Chain...)},
		SubFilter:         sign.SubFilterETSICAdESDetached,
	})
	if err != nil {
		t.Fatal(err)
	}
	v := verifyBytes(t, out.Bytes(), nil)
	if !v.Valid || len(v.Signatures) != 2 {
		t.Fatalf("%+v", v)
	}
	if v.Signatures[0].CoversWholeFile || !v.Signatures[1].CoversWholeFile ||
		v.Signatures[0].FingerprintSHA256 == v.Signatures[1].FingerprintSHA256 {
		t.Errorf("order or coverage: %+v", v.Signatures)
	}
	if !strings.Contains(v.Signatures[0].Covered, "bytes were added after signing") {
		t.Errorf("covered: %q", v.Signatures[0].Covered)
	}
}
