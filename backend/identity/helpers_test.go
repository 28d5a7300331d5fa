package identity

import (
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// testNow is a fixed clock; certificates made by openssl are valid around the real now, so
// import tests use time.Now instead.
var testNow = time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)

const testPassphrase = "correct horse battery staple"

var testSubject = Subject{
	Name:     "Zoë Ñúñez-Łukasz",
	Email:    "zoe.nunez@example.org",
	School:   "Lycée Jean-Moulin",
	District: "Académie de Lyon",
}

// clock is a settable now for a Store.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openStore(t *testing.T, now func() time.Time) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), DirName)
	s, err := Open(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func createdStore(t *testing.T) (*Store, string, *clock) {
	t.Helper()
	c := &clock{t: testNow}
	s, dir := openStore(t, c.now)
	if _, err := s.Create(testSubject, []byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	return s, dir, c
}

func wantCode(t *testing.T, err error, code portfolio.ErrorCode, contains ...string) {
	t.Helper()
	if got := portfolio.Code(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
	for _, s := range contains {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %q", err, s)
		}
	}
}

// checkSigns signs a digest with the key and verifies it with the certificate.
func checkSigns(t *testing.T, id *Identity) {
	t.Helper()
	digest := sha256.Sum256([]byte("portfolio bytes"))
	sig, err := id.Key.Sign(rand.Reader, digest[:], crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	algo := x509.ECDSAWithSHA256
	if id.Certificate.PublicKeyAlgorithm == x509.RSA {
		algo = x509.SHA256WithRSA
	}
	if err := id.Certificate.CheckSignature(algo, []byte("portfolio bytes"), sig); err != nil {
		t.Fatalf("signature does not verify with the certificate: %v", err)
	}
}

func needOpenSSL(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl is not installed; install it (Debian: apt-get install openssl) to run the PKCS#12 and verifier tests")
	}
}

// openssl runs openssl in dir and returns its standard output.
func openssl(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("openssl", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("openssl %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func keyPEM(t *testing.T, key crypto.Signer) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}
