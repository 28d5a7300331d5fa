package signing

import (
	"bytes"
	"crypto/x509"
	"path/filepath"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const manifest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  bag-info.txt\n" +
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  manifest-sha256.txt\n"

func TestSignDetachedVerifiesWithOpenSSLAndHere(t *testing.T) {
	for _, fx := range []fixture{ecdsaFixture(t), rsa4096Fixture(t)} {
		t.Run(fx.label, func(t *testing.T) {
			noNetwork(t)
			before := time.Now().Add(-time.Second)
			sig, err := SignDetached([]byte(manifest), fx.id)
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
	if _, err := SignDetached([]byte(manifest), &id); err == nil {
		t.Fatal("no error")
	}
}
