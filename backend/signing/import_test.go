package signing

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/identity"
)

// TestSignWithImportedOpenSSLIdentity goes the way a district's identity goes: an RSA-3072 key
// and a certificate from a CA, exported by openssl as PKCS#12 with the chain, imported into the
// identity store and unlocked. openssl certificates start now, so this test signs now.
func TestSignWithImportedOpenSSLIdentity(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		if out, code := tool(t, dir, "openssl", args...); code != 0 {
			t.Fatalf("openssl %v (exit %d):\n%s", args, code, out)
		}
	}
	run("req", "-x509", "-newkey", "rsa:3072", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-utf8",
		"-subj", "/CN=Académie Test CA/O=Académie de Lyon",
		"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
	writeFile(t, filepath.Join(dir, "leaf.cnf"), []byte("keyUsage=critical,digitalSignature,nonRepudiation\n"+
		"extendedKeyUsage=emailProtection\nsubjectAltName=email:"+testEmail+"\n"))
	run("req", "-newkey", "rsa:3072", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-utf8",
		"-subj", "/CN="+testName+"/O=Lycée Jean-Moulin/L=Académie de Lyon")
	run("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "0x0A1B2C3D4E5F",
		"-days", "30", "-extfile", "leaf.cnf", "-out", "leaf.pem")
	run("pkcs12", "-export", "-in", "leaf.pem", "-inkey", "leaf.key", "-certfile", "ca.pem",
		"-passout", "pass:district", "-out", "id.p12")

	store, err := identity.Open(filepath.Join(dir, identity.DirName), nil)
	if err != nil {
		t.Fatal(err)
	}
	p12, err := os.ReadFile(filepath.Join(dir, "id.p12"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(p12, []byte("district"), []byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	id, err := store.Unlock([]byte(testPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	caPEM, _ := os.ReadFile(filepath.Join(dir, "ca.pem"))
	block, _ := pem.Decode(caPEM)
	ca, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}

	fx := fixture{label: "imported RSA-3072", id: id, root: ca}
	now := time.Now().Truncate(time.Second)
	unsigned := unsignedPDF(t, nil)
	signed := signPDFAt(t, fx, unsigned, now)
	v := verifyBytes(t, signed, []*x509.Certificate{ca})
	if !v.Valid || v.Signatures[0].Signer != testName || !*v.Signatures[0].Trusted || !v.Signatures[0].SigningTime.Equal(now) {
		t.Fatalf("%+v", v)
	}
	reserved, used := signatureSpace(t, signed)
	t.Logf("%s: %d bytes reserved, %d used", fx.label, reserved, used)
	externalVerifiers(t, signed)
}
