package signing

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digitorus/pdf"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// signedAt is the fixed signing time of the tests; the test certificates are valid around it.
var signedAt = time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)

const (
	testName       = "Zoë Ñúñez-Łukasz"
	testEmail      = "zoe.nunez@example.org"
	testPassphrase = "correct horse battery staple"
	// tamperMarker is printed with a core font, so it is a literal string in the page content.
	tamperMarker = "SIGNED-PAGE-TEXT"
)

var testSubject = identity.Subject{Name: testName, Email: testEmail, School: "Lycée Jean-Moulin", District: "Académie de Lyon"}

// fixture is a signing identity with the certificates a reviewer would trust.
type fixture struct {
	label string
	id    *identity.Identity
	root  *x509.Certificate // the certificate to trust: the signer's own when self-signed
}

var (
	fixturesOnce sync.Once
	fixtures     []fixture
	fixturesErr  error
)

// allFixtures are an ECDSA P-256 identity made by identity.Store.Create (self-signed) and RSA
// 2048/3072/4096 identities issued through an intermediate by a root, as a district's would
// be. The RSA keys take seconds to generate, so they are made once for all tests.
func allFixtures(t testing.TB) []fixture {
	t.Helper()
	fixturesOnce.Do(func() { fixtures, fixturesErr = makeFixtures() })
	if fixturesErr != nil {
		t.Fatal(fixturesErr)
	}
	return fixtures
}

func ecdsaFixture(t testing.TB) fixture { return allFixtures(t)[0] }
func rsa4096Fixture(t testing.TB) fixture {
	return allFixtures(t)[3]
}

func makeFixtures() ([]fixture, error) {
	dir, err := os.MkdirTemp("", "readyfolio-signing-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	// The store's clock is a day before signedAt, so the created certificate is valid then.
	store, err := identity.Open(filepath.Join(dir, identity.DirName), func() time.Time { return signedAt.Add(-24 * time.Hour) })
	if err != nil {
		return nil, err
	}
	if _, err := store.Create(testSubject, []byte(testPassphrase)); err != nil {
		return nil, err
	}
	created, err := store.Unlock([]byte(testPassphrase))
	if err != nil {
		return nil, err
	}
	out := []fixture{{label: "ECDSA P-256", id: created, root: created.Certificate}}

	rootKey, err := rsa.GenerateKey(rand.Reader, 4096)
	if err != nil {
		return nil, err
	}
	root, err := issue(&x509.Certificate{Subject: pkix.Name{CommonName: "Académie de Lyon Root CA"}, IsCA: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}, nil, rootKey, rootKey)
	if err != nil {
		return nil, err
	}
	interKey, err := rsa.GenerateKey(rand.Reader, 4096)
	if err != nil {
		return nil, err
	}
	inter, err := issue(&x509.Certificate{Subject: pkix.Name{CommonName: "Académie de Lyon Staff CA"}, IsCA: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}, root, rootKey, interKey)
	if err != nil {
		return nil, err
	}
	for _, bits := range []int{2048, 3072, 4096} {
		key, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			return nil, err
		}
		leaf, err := issue(&x509.Certificate{
			Subject: pkix.Name{CommonName: testName, Organization: []string{testSubject.School},
				Locality: []string{testSubject.District}},
			EmailAddresses: []string{testEmail},
			KeyUsage:       x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
			ExtKeyUsage:    []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
			// Revocation and issuer URLs as a real district certificate has them, pointing
			// nowhere: signing and verifying must never try them (see noNetwork).
			OCSPServer:            []string{"http://127.0.0.1:9/ocsp"},
			IssuingCertificateURL: []string{"http://127.0.0.1:9/ca.crt"},
			CRLDistributionPoints: []string{"http://127.0.0.1:9/ca.crl"},
		}, inter, interKey, key)
		if err != nil {
			return nil, err
		}
		out = append(out, fixture{
			label: fmt.Sprintf("RSA-%d with chain", bits),
			id:    &identity.Identity{Certificate: leaf, Chain: []*x509.Certificate{inter, root}, Key: key},
			root:  root,
		})
	}
	return out, nil
}

// issue makes a certificate valid from a year before signedAt for five years (SignDetached signs now), signed by parent (self-signed
// when parent is nil).
func issue(tmpl, parent *x509.Certificate, parentKey crypto.Signer, key crypto.Signer) (*x509.Certificate, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return nil, err
	}
	tmpl.SerialNumber = serial
	tmpl.NotBefore = signedAt.AddDate(-1, 0, 0)
	tmpl.NotAfter = signedAt.AddDate(4, 0, 0)
	tmpl.BasicConstraintsValid = true
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, key.Public(), parentKey)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// unrelatedCertificate is a self-signed certificate nobody signed with.
func unrelatedCertificate(t testing.TB) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := issue(&x509.Certificate{Subject: pkix.Name{CommonName: "Somebody Else"},
		KeyUsage: x509.KeyUsageDigitalSignature}, nil, key, key)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// unsignedPDF is a one-page PDF with the name in an embedded UTF-8 font, a link (which a
// visible signature would destroy), a line in a core font that tests can find and change,
// and optionally an embedded file to make it large.
func unsignedPDF(t testing.TB, attachment []byte) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false) // keeps the page text findable for the tamper test
	f.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	f.SetCreationDate(signedAt)
	f.AddPage()
	f.SetFont("Go", "", 16)
	f.CellFormat(0, 10, "Portfolio of "+testName, "", 1, "L", false, 0, "")
	f.SetFont("Go", "", 11)
	f.WriteLinkString(6, "ISTE Standards for Educators", "https://www.iste.org/standards/iste-standards-for-teachers")
	f.Ln(8)
	f.SetFont("Helvetica", "", 11)
	f.CellFormat(0, 6, tamperMarker, "", 1, "L", false, 0, "")
	if attachment != nil {
		f.SetAttachments([]fpdf.Attachment{{Content: attachment, Filename: "evidence.bin"}})
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// signPDF signs unsigned with the fixture's identity at signedAt.
func signPDF(t testing.TB, fx fixture, unsigned []byte) []byte {
	t.Helper()
	return signPDFAt(t, fx, unsigned, signedAt)
}

func signPDFAt(t testing.TB, fx fixture, unsigned []byte, at time.Time) []byte {
	t.Helper()
	signed, err := signBytes(t, context.Background(), fx.id, unsigned, at)
	if err != nil {
		t.Fatalf("%s: %v", fx.label, err)
	}
	return signed
}

// signBytes signs a copy of data in a temporary file, as an export signs its temporary file,
// and returns what the file holds afterwards, signed or not.
func signBytes(t testing.TB, ctx context.Context, id *identity.Identity, data []byte, at time.Time) ([]byte, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sign.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	signErr := NewSigner(id).SignFile(ctx, f, at)
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return out, signErr
}

func verifyBytes(t testing.TB, data []byte, trust []*x509.Certificate) Verification {
	t.Helper()
	v, err := VerifyPDF(bytes.NewReader(data), int64(len(data)), trust)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// signatureSpace returns the bytes reserved for the signature value and the bytes its DER uses.
func signatureSpace(t testing.TB, signed []byte) (reserved, used int) {
	t.Helper()
	rdr, err := pdf.NewReader(bytes.NewReader(signed), int64(len(signed)))
	if err != nil {
		t.Fatal(err)
	}
	dicts := signatureDictionaries(rdr)
	if len(dicts) != 1 {
		t.Fatalf("%d signature dictionaries", len(dicts))
	}
	contents := []byte(dicts[0].Key("Contents").RawString())
	return len(contents), len(trimDER(contents))
}

// tool runs an external verifier and returns its combined output and exit code; it skips the
// test when the tool is not installed.
func tool(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (Debian: %s); skipping this external check", name, map[string]string{
			"pdfsig": "apt-get install poppler-utils", "pdftotext": "apt-get install poppler-utils",
			"qpdf": "apt-get install qpdf", "mutool": "apt-get install mupdf-tools", "openssl": "apt-get install openssl",
		}[name])
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	default:
		t.Fatalf("%s: %v", name, err)
		return "", -1
	}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func certPEM(certs ...*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

func wantContains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not contain %q:\n%s", what, w, text)
		}
	}
}

func wantProblem(t *testing.T, problems []string, words ...string) {
	t.Helper()
	joined := strings.Join(problems, "\n")
	for _, w := range words {
		if !strings.Contains(joined, w) {
			t.Errorf("problems do not mention %q: %q", w, problems)
		}
	}
}

func wantCode(t *testing.T, err error, code portfolio.ErrorCode) {
	t.Helper()
	if got := portfolio.Code(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
}

// noNetwork makes any HTTP request through the default transport (which pdfsign's clients
// use) fail the test, for the duration of the test.
func noNetwork(t *testing.T) {
	t.Helper()
	saved := http.DefaultTransport
	http.DefaultTransport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected network request: %s %s", r.Method, r.URL)
		return nil, errors.New("the network is off in tests")
	})
	t.Cleanup(func() { http.DefaultTransport = saved })
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
