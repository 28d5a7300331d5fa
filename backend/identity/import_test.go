package identity

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const p12Pass = "district-issued p12"

// testCA is a certificate authority made by openssl in its own folder.
func testCA(t *testing.T) string {
	t.Helper()
	needOpenSSL(t)
	dir := t.TempDir()
	openssl(t, dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
		"-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-utf8",
		"-subj", "/CN=Académie Test CA/O=Académie de Lyon",
		"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
	writeFile(t, filepath.Join(dir, "leaf.cnf"), []byte("keyUsage=critical,digitalSignature,nonRepudiation\n"+
		"extendedKeyUsage=emailProtection\nsubjectAltName=email:zoe.nunez@example.org\n"))
	return dir
}

// opensslP12 makes a key with `openssl genpkey keyArgs…`, a certificate for it signed by the CA
// in caDir, and exports both with the CA certificate as a modern and a -legacy PKCS#12 file.
// It returns the two files' paths and the leaf certificate's path.
func opensslP12(t *testing.T, caDir, name string, keyArgs ...string) (modern, legacy, leafPEM string) {
	t.Helper()
	dir := t.TempDir()
	ca := func(f string) string { return filepath.Join(caDir, f) }
	openssl(t, dir, append([]string{"genpkey", "-out", "leaf.key"}, keyArgs...)...)
	openssl(t, dir, "req", "-new", "-key", "leaf.key", "-utf8", "-out", "leaf.csr",
		"-subj", "/CN=Zoë Ñúñez-Łukasz/O=Lycée Jean-Moulin/emailAddress=zoe.nunez@example.org")
	openssl(t, dir, "x509", "-req", "-in", "leaf.csr", "-CA", ca("ca.pem"), "-CAkey", ca("ca.key"),
		"-set_serial", "0x0A1B2C3D4E5F", "-days", "30", "-extfile", ca("leaf.cnf"), "-out", "leaf.pem")
	export := []string{"pkcs12", "-export", "-in", "leaf.pem", "-inkey", "leaf.key", "-certfile", ca("ca.pem"),
		"-name", name, "-passout", "pass:" + p12Pass}
	openssl(t, dir, append(export, "-out", "modern.p12")...)
	openssl(t, dir, append(export, "-legacy", "-out", "legacy.p12")...)
	return filepath.Join(dir, "modern.p12"), filepath.Join(dir, "legacy.p12"), filepath.Join(dir, "leaf.pem")
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportOpenSSLFiles(t *testing.T) {
	caDir := testCA(t)
	caFingerprint := strings.TrimSpace(strings.SplitN(openssl(t, caDir, "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256"), "=", 2)[1])
	for _, tc := range []struct {
		keyType string
		keyArgs []string
	}{
		{"RSA 2048", []string{"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}},
		{"RSA 3072", []string{"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"}},
		{"RSA 4096", []string{"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096"}},
		{"ECDSA P-256", []string{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}},
		{"ECDSA P-384", []string{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"}},
	} {
		t.Run(tc.keyType, func(t *testing.T) {
			t.Parallel()
			modern, legacy, leafPEM := opensslP12(t, caDir, tc.keyType, tc.keyArgs...)
			fp := openssl(t, filepath.Dir(leafPEM), "x509", "-in", "leaf.pem", "-noout", "-fingerprint", "-sha256")
			wantFingerprint := strings.TrimSpace(strings.SplitN(fp, "=", 2)[1])
			for _, p12 := range []string{modern, legacy} {
				s, dir := openStore(t, time.Now)
				info, err := s.Import(readFile(t, p12), []byte(p12Pass), []byte(testPassphrase))
				if err != nil {
					t.Fatalf("%s: %v", filepath.Base(p12), err)
				}
				if info.KeyType != tc.keyType || info.ChainLength != 1 || info.SelfSigned || !info.Imported ||
					info.FingerprintSHA256 != wantFingerprint || info.SerialNumber != "0A1B2C3D4E5F" {
					t.Errorf("%s: Info %+v", filepath.Base(p12), info)
				}
				if !strings.HasPrefix(info.Subject, "CN=Zoë Ñúñez-Łukasz, ") || !strings.Contains(info.Subject, "O=Lycée Jean-Moulin") ||
					info.Issuer != "CN=Académie Test CA, O=Académie de Lyon" || info.Email != "zoe.nunez@example.org" {
					t.Errorf("Subject %q Issuer %q Email %q", info.Subject, info.Issuer, info.Email)
				}
				if again, err := s.Info(); err != nil || again != info {
					t.Errorf("Info after Import: %+v, %v", again, err)
				}
				if !strings.Contains(string(readFile(t, filepath.Join(dir, "key.enc"))), `"source": "imported"`) {
					t.Error("key.enc does not record the import")
				}

				id, err := s.Unlock([]byte(testPassphrase))
				if err != nil {
					t.Fatal(err)
				}
				checkSigns(t, id)
				if len(id.Chain) != 1 || Describe(id.Chain[0], nil, false).FingerprintSHA256 != caFingerprint {
					t.Errorf("chain not kept: %d certificates", len(id.Chain))
				}
				certs, err := decodeCertificates(mustCertificatePEM(t, s))
				if err != nil || len(certs) != 2 || Describe(certs[0], nil, true).FingerprintSHA256 != wantFingerprint {
					t.Errorf("CertificatePEM: %d certificates, %v", len(certs), err)
				}
				_, err = s.Import(readFile(t, p12), []byte(p12Pass), []byte(testPassphrase))
				wantCode(t, err, portfolio.CodeConflict, "already exists")
			}
		})
	}
}

func mustCertificatePEM(t *testing.T, s *Store) []byte {
	t.Helper()
	data, err := s.CertificatePEM()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportRefusesUnusableKeys(t *testing.T) {
	caDir := testCA(t)
	for _, tc := range []struct {
		name    string
		keyArgs []string
		want    string
	}{
		{"Ed25519", []string{"-algorithm", "ED25519"}, "The key in the file is Ed25519"},
		{"RSA 1024", []string{"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"}, "The key in the file is RSA 1024, too weak"},
		{"RSA 512", []string{"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:512"}, "The key in the file is RSA 512, too weak"},
		// crypto/x509 cannot parse Ed448, so go-pkcs12's error text is what names it.
		{"Ed448", []string{"-algorithm", "ED448"}, "The key in the file is Ed448"},
		{"secp256k1", []string{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"}, "elliptic curve ReadyFolio cannot sign with"},
		{"ECDSA P-521", []string{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"}, "The key in the file is ECDSA P-521"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			modern, legacy, _ := opensslP12(t, caDir, tc.name, tc.keyArgs...)
			for _, p12 := range []string{modern, legacy} {
				s, dir := openStore(t, time.Now)
				_, err := s.Import(readFile(t, p12), []byte(p12Pass), []byte(testPassphrase))
				wantCode(t, err, portfolio.CodeInvalid, tc.want, "RSA (2048 to 4096 bits) or ECDSA P-256 or P-384")
				if s.Exists() {
					t.Errorf("refused import left files in %s", dir)
				}
			}
		})
	}
}

func TestImportRefusesWrongP12Passphrase(t *testing.T) {
	modern, legacy, _ := opensslP12(t, testCA(t), "wrong", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256")
	for _, p12 := range []string{modern, legacy} {
		s, _ := openStore(t, time.Now)
		_, err := s.Import(readFile(t, p12), []byte("not the p12 passphrase"), []byte(testPassphrase))
		wantCode(t, err, portfolio.CodeInvalid)
		if !strings.HasPrefix(err.Error(), "The PKCS#12 passphrase is wrong") || strings.Contains(err.Error(), "not the p12") {
			t.Errorf("message %q", err)
		}
		// The new passphrase is checked before anything is decoded.
		_, err = s.Import(readFile(t, p12), []byte(p12Pass), []byte("short"))
		wantCode(t, err, portfolio.CodeInvalid, "at least 8 characters")
		if s.Exists() {
			t.Error("refused import left files behind")
		}
	}
}

// goP12 makes a PKCS#12 file in Go, for certificates openssl 3.0 cannot date in the past.
func goP12(t *testing.T, key crypto.Signer, tmpl *x509.Certificate) []byte {
	t.Helper()
	if tmpl.SerialNumber == nil {
		tmpl.SerialNumber = big.NewInt(42)
	}
	if tmpl.Subject.CommonName == "" {
		tmpl.Subject = pkix.Name{CommonName: "Zoë Ñúñez-Łukasz"}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	p12, err := pkcs12.Modern.Encode(key, cert, nil, p12Pass)
	if err != nil {
		t.Fatal(err)
	}
	return p12
}

func TestImportChecksCertificate(t *testing.T) {
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	otherKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	c := &clock{t: testNow}
	sign := x509.KeyUsageDigitalSignature
	for _, tc := range []struct {
		name string
		p12  []byte
		code portfolio.ErrorCode
		want []string
	}{
		{"expired", goP12(t, ecKey, &x509.Certificate{KeyUsage: sign,
			NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)}),
			portfolio.CodeInvalid, []string{"expired on 1 January 2021 00:00 UTC", "renewed"}},
		{"not yet valid", goP12(t, ecKey, &x509.Certificate{KeyUsage: sign,
			NotBefore: time.Date(2040, 6, 2, 8, 0, 0, 0, time.UTC), NotAfter: time.Date(2045, 1, 1, 0, 0, 0, 0, time.UTC)}),
			portfolio.CodeInvalid, []string{"valid only from 2 June 2040 08:00 UTC to 1 January 2045 00:00 UTC"}},
		{"encryption only", goP12(t, ecKey, &x509.Certificate{KeyUsage: x509.KeyUsageKeyAgreement,
			NotBefore: testNow.AddDate(-1, 0, 0), NotAfter: testNow.AddDate(1, 0, 0)}),
			portfolio.CodeInvalid, []string{"not meant for signing"}},
		{"key of another certificate", mismatchedP12(t, ecKey, otherKey),
			portfolio.CodeInvalid, []string{"does not belong to any certificate"}},
		{"not a p12", []byte("%PDF-1.7 this is a PDF"), portfolio.CodeRefused, []string{"not a PKCS#12 (.p12 or .pfx) file"}},
		{"empty", nil, portfolio.CodeRefused, []string{"The file is empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openStore(t, c.now)
			_, err := s.Import(tc.p12, []byte(p12Pass), []byte(testPassphrase))
			wantCode(t, err, tc.code, tc.want...)
			if s.Exists() {
				t.Error("refused import left files behind")
			}
		})
	}

	// Within its validity, the same kind of Go-made file imports, without a chain.
	s, _ := openStore(t, c.now)
	info, err := s.Import(goP12(t, ecKey, &x509.Certificate{KeyUsage: sign,
		NotBefore: testNow.AddDate(-1, 0, 0), NotAfter: testNow.AddDate(1, 0, 0)}), []byte(p12Pass), []byte(testPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	if !info.SelfSigned || !info.Imported || info.ChainLength != 0 || info.KeyType != "ECDSA P-256" {
		t.Errorf("Info %+v", info)
	}
}

// mismatchedP12 holds keyA with a certificate for keyB.
func mismatchedP12(t *testing.T, keyA, keyB crypto.Signer) []byte {
	t.Helper()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "B"},
		NotBefore: testNow.AddDate(-1, 0, 0), NotAfter: testNow.AddDate(1, 0, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, keyB.Public(), keyB)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	p12, err := pkcs12.Modern.Encode(keyA, cert, nil, p12Pass)
	if err != nil {
		t.Fatal(err)
	}
	return p12
}

// A Go-made Ed25519 file is refused like openssl's.
func TestImportRefusesGoEd25519(t *testing.T) {
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	s, _ := openStore(t, (&clock{t: testNow}).now)
	_, err := s.Import(goP12(t, edKey, &x509.Certificate{NotBefore: testNow.AddDate(-1, 0, 0), NotAfter: testNow.AddDate(1, 0, 0)}),
		[]byte(p12Pass), []byte(testPassphrase))
	wantCode(t, err, portfolio.CodeInvalid, "Ed25519", "PDF readers cannot verify")
}
