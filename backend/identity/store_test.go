package identity

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestCreateMakesSelfSignedSigningCertificate(t *testing.T) {
	s, _, _ := createdStore(t)
	info, err := s.Info()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CN=Zoë Ñúñez-Łukasz", "E=zoe.nunez@example.org", "O=Lycée Jean-Moulin", "L=Académie de Lyon"} {
		if !strings.Contains(info.Subject, want) {
			t.Errorf("Subject %q lacks %q", info.Subject, want)
		}
	}
	if info.Issuer != info.Subject || !strings.HasPrefix(info.Subject, "CN=Zoë Ñúñez-Łukasz, ") {
		t.Errorf("Issuer %q, Subject %q", info.Issuer, info.Subject)
	}
	if info.CommonName != testSubject.Name || info.Email != testSubject.Email {
		t.Errorf("CommonName %q, Email %q", info.CommonName, info.Email)
	}
	if info.KeyType != "ECDSA P-256" || !info.SelfSigned || info.Imported || info.ChainLength != 0 {
		t.Errorf("KeyType %q SelfSigned %v Imported %v ChainLength %d", info.KeyType, info.SelfSigned, info.Imported, info.ChainLength)
	}
	if want := testNow.Add(-time.Hour); !info.NotBefore.Equal(want) {
		t.Errorf("NotBefore %v, want %v", info.NotBefore, want)
	}
	if want := testNow.AddDate(5, 0, 0); !info.NotAfter.Equal(want) {
		t.Errorf("NotAfter %v, want %v", info.NotAfter, want)
	}
	if len(info.FingerprintHex) != 64 || strings.ToLower(strings.ReplaceAll(info.FingerprintSHA256, ":", "")) != info.FingerprintHex ||
		len(info.FingerprintSHA256) != 95 || info.FingerprintSHA256 != strings.ToUpper(info.FingerprintSHA256) {
		t.Errorf("fingerprints %q / %q", info.FingerprintSHA256, info.FingerprintHex)
	}

	certPEM, err := s.CertificatePEM()
	if err != nil {
		t.Fatal(err)
	}
	block, rest := pem.Decode(certPEM)
	if block == nil || block.Type != "CERTIFICATE" || len(bytes.TrimSpace(rest)) != 0 {
		t.Fatalf("CertificatePEM is not one certificate:\n%s", certPEM)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if cert.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment {
		t.Errorf("KeyUsage %b", cert.KeyUsage)
	}
	if len(cert.ExtKeyUsage) != 1 || cert.ExtKeyUsage[0] != x509.ExtKeyUsageEmailProtection ||
		len(cert.UnknownExtKeyUsage) != 1 || !cert.UnknownExtKeyUsage[0].Equal(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}) {
		t.Errorf("ExtKeyUsage %v %v", cert.ExtKeyUsage, cert.UnknownExtKeyUsage)
	}
	if !cert.BasicConstraintsValid || cert.IsCA {
		t.Error("want CA:FALSE")
	}
	if len(cert.SubjectKeyId) != 20 {
		t.Errorf("SubjectKeyId %x", cert.SubjectKeyId)
	}
	if len(cert.EmailAddresses) != 1 || cert.EmailAddresses[0] != testSubject.Email {
		t.Errorf("SAN email %v", cert.EmailAddresses)
	}
	if cert.SerialNumber.BitLen() != 128 {
		t.Errorf("serial has %d bits", cert.SerialNumber.BitLen())
	}
	if cert.Subject.CommonName != testSubject.Name || cert.Subject.Organization[0] != testSubject.School ||
		cert.Subject.Locality[0] != testSubject.District {
		t.Errorf("parsed subject %+v", cert.Subject)
	}
	if info.FingerprintHex != Describe(cert, nil, false).FingerprintHex {
		t.Error("CertificatePEM is not the described certificate")
	}
}

func TestStoreFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	s, dir, _ := createdStore(t)
	if !s.Exists() {
		t.Fatal("Exists after Create is false")
	}
	check := func(path string, want os.FileMode) {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
	check(dir, 0o700)
	check(filepath.Join(dir, "key.enc"), 0o600)
	check(filepath.Join(dir, "certificate.pem"), 0o600)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("identity folder holds %d files, want 2", len(entries))
	}
}

func TestOpenTightensFolderAndRemovesTemporaryFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), DirName)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, ".key.enc.123.tmp")
	writeFile(t, stale, []byte("half written"))
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", fi.Mode().Perm())
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale temporary file kept")
	}
	if s.Exists() {
		t.Error("Exists in an empty folder")
	}
	_, err = s.Info()
	wantCode(t, err, portfolio.CodeNotFound)
	if err.Error() != "No signing identity yet; create one or import one issued to you." {
		t.Errorf("message %q", err)
	}
	_, err = s.Unlock([]byte(testPassphrase))
	wantCode(t, err, portfolio.CodeNotFound)

	file := filepath.Join(t.TempDir(), "identity-file")
	writeFile(t, file, nil)
	_, err = Open(file, nil)
	wantCode(t, err, portfolio.CodeInvalid, file)
}

func TestUnlockGivesTheCertificatesKey(t *testing.T) {
	s, _, _ := createdStore(t)
	id, err := s.Unlock([]byte(testPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	pub, ok := id.Key.Public().(*ecdsa.PublicKey)
	if !ok || !pub.Equal(id.Certificate.PublicKey) {
		t.Fatal("unlocked key does not match the certificate")
	}
	if len(id.Chain) != 0 || id.Certificate.Subject.CommonName != testSubject.Name {
		t.Errorf("chain %d, CN %q", len(id.Chain), id.Certificate.Subject.CommonName)
	}
	checkSigns(t, id)
}

func TestUnlockRefusesWrongPassphrase(t *testing.T) {
	s, _, _ := createdStore(t)
	for _, wrong := range []string{"correct horse battery stapler", "", "Correct horse battery staple"} {
		_, err := s.Unlock([]byte(wrong))
		wantCode(t, err, portfolio.CodeInvalid)
		if err.Error() != "The passphrase is wrong; type it again." {
			t.Errorf("message %q", err)
		}
		if wrong != "" && strings.Contains(err.Error(), wrong) {
			t.Error("the message repeats the passphrase")
		}
	}
}

func TestKeyFileHoldsOnlyCiphertext(t *testing.T) {
	s, dir, _ := createdStore(t)
	id, err := s.Unlock([]byte(testPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(id.Key)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "key.enc"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Format, Cipher    string
		Version           int
		Source            string
		CertificateSHA256 string
		KDF               struct {
			Name                       string
			Time, MemoryKiB, KeyLength uint32
			Threads                    uint8
			Salt                       []byte
		}
		Nonce, Ciphertext []byte
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("key.enc is not JSON: %v\n%s", err, raw)
	}
	k := file.KDF
	if file.Format != "readyfolio-sealed-key" || file.Version != 1 || file.Source != "created" || file.Cipher != "aes-256-gcm" ||
		k.Name != "argon2id" || k.Time != 3 || k.MemoryKiB != 65536 || k.Threads != 4 || k.KeyLength != 32 ||
		len(k.Salt) != 16 || len(file.Nonce) != 12 || len(file.Ciphertext) != len(pkcs8)+16 {
		t.Errorf("unexpected key.enc header:\n%s", raw)
	}
	info, _ := s.Info()
	if file.CertificateSHA256 != info.FingerprintHex {
		t.Errorf("certificateSha256 %q, fingerprint %q", file.CertificateSHA256, info.FingerprintHex)
	}
	// No 12-byte run of the key (its 32-byte secret scalar included) may appear, in the file or
	// in the decoded ciphertext.
	for i := 0; i+12 <= len(pkcs8); i++ {
		w := pkcs8[i : i+12]
		if bytes.Contains(raw, w) || bytes.Contains(file.Ciphertext, w) {
			t.Fatalf("key.enc contains bytes %d..%d of the PKCS#8 key", i, i+12)
		}
	}
	if bytes.Contains(raw, []byte("horse")) {
		t.Error("key.enc contains the passphrase")
	}
	// Two seals of the same key differ (fresh salt and nonce).
	if err := s.ChangePassphrase([]byte(testPassphrase), []byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(dir, "key.enc"))
	if bytes.Equal(raw, again) {
		t.Error("re-sealing with the same passphrase gave identical bytes")
	}
}

func TestSwappedCertificateBreaksUnlock(t *testing.T) {
	s, dir, _ := createdStore(t)
	_, otherDir, _ := createdStore(t)
	other, err := os.ReadFile(filepath.Join(otherDir, "certificate.pem"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "certificate.pem"), other)
	_, err = s.Unlock([]byte(testPassphrase))
	wantCode(t, err, portfolio.CodeCorrupt, "replaced")
	_, err = s.Info()
	wantCode(t, err, portfolio.CodeCorrupt)

	// Even with the recorded fingerprint edited to match, the certificate is bound into the
	// ciphertext as associated data, and decryption fails.
	otherInfo := Describe(mustParsePEM(t, other), nil, false)
	keyPath := filepath.Join(dir, "key.enc")
	raw, _ := os.ReadFile(keyPath)
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	doc["certificateSha256"] = otherInfo.FingerprintHex
	edited, _ := json.Marshal(doc)
	writeFile(t, keyPath, edited)
	_, err = s.Unlock([]byte(testPassphrase))
	wantCode(t, err, portfolio.CodeInvalid)
}

func mustParsePEM(t *testing.T, data []byte) *x509.Certificate {
	t.Helper()
	block, _ := pem.Decode(data)
	if block == nil {
		t.Fatal("no PEM block")
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDamagedFilesAreReportedAsCorrupt(t *testing.T) {
	for name, damage := range map[string]func(dir string){
		"key.enc not JSON": func(dir string) { writeFile(t, filepath.Join(dir, "key.enc"), []byte("garbage")) },
		"key.enc huge memory": func(dir string) {
			editKey(t, dir, func(m map[string]any) { m["kdf"].(map[string]any)["memoryKiB"] = 1 << 30 })
		},
		"key.enc short nonce":     func(dir string) { editKey(t, dir, func(m map[string]any) { m["nonce"] = "AAAA" }) },
		"key.enc missing":         func(dir string) { os.Remove(filepath.Join(dir, "key.enc")) },
		"certificate.pem garbage": func(dir string) { writeFile(t, filepath.Join(dir, "certificate.pem"), []byte("not pem")) },
	} {
		t.Run(name, func(t *testing.T) {
			s, dir, _ := createdStore(t)
			damage(dir)
			_, err := s.Unlock([]byte(testPassphrase))
			wantCode(t, err, portfolio.CodeCorrupt, dir)
			if !s.Exists() {
				t.Error("a damaged identity must still count as existing")
			}
		})
	}
	t.Run("newer version", func(t *testing.T) {
		s, dir, _ := createdStore(t)
		editKey(t, dir, func(m map[string]any) { m["version"] = 2 })
		_, err := s.Unlock([]byte(testPassphrase))
		wantCode(t, err, portfolio.CodeTooNew, "newer version")
	})
}

func editKey(t *testing.T, dir string, edit func(map[string]any)) {
	t.Helper()
	path := filepath.Join(dir, "key.enc")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, _ := json.Marshal(m)
	writeFile(t, path, out)
}

func TestChangePassphrase(t *testing.T) {
	s, _, _ := createdStore(t)
	newPass := []byte("ein neues Passwort für Zoë")
	err := s.ChangePassphrase([]byte("not the passphrase"), newPass)
	wantCode(t, err, portfolio.CodeInvalid, "passphrase is wrong")
	err = s.ChangePassphrase([]byte(testPassphrase), []byte("short"))
	wantCode(t, err, portfolio.CodeInvalid, "at least 8 characters")
	if err := s.ChangePassphrase([]byte(testPassphrase), newPass); err != nil {
		t.Fatal(err)
	}
	_, err = s.Unlock([]byte(testPassphrase))
	wantCode(t, err, portfolio.CodeInvalid)
	id, err := s.Unlock(newPass)
	if err != nil {
		t.Fatal(err)
	}
	checkSigns(t, id)
}

func TestCreateRefusesToReplaceAndRemoveClears(t *testing.T) {
	s, dir, _ := createdStore(t)
	before, _ := s.Info()
	_, err := s.Create(Subject{Name: "Someone Else"}, []byte(testPassphrase))
	wantCode(t, err, portfolio.CodeConflict, "remove it first")
	if after, _ := s.Info(); after.FingerprintHex != before.FingerprintHex {
		t.Fatal("Create replaced the identity")
	}
	if err := s.Remove(); err != nil {
		t.Fatal(err)
	}
	if s.Exists() {
		t.Fatal("Exists after Remove")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left after Remove", len(entries))
	}
	if err := s.Remove(); err != nil {
		t.Errorf("second Remove: %v", err)
	}
	info, err := s.Create(Subject{Name: "Someone Else"}, []byte(testPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	if info.Subject != "CN=Someone Else" || info.Email != "" {
		t.Errorf("Subject %q Email %q", info.Subject, info.Email)
	}
}

func TestCreateChecksInput(t *testing.T) {
	s, _ := openStore(t, nil)
	for _, tc := range []struct {
		sub        Subject
		passphrase string
		want       string
	}{
		{testSubject, "seven77", "at least 8 characters"},
		{testSubject, "        ", "not be only spaces"},
		{Subject{Name: "  "}, testPassphrase, "Type your name"},
		{Subject{Name: strings.Repeat("é", 65)}, testPassphrase, "65 characters"},
		{Subject{Name: "Zoë", School: strings.Repeat("x", 65)}, testPassphrase, "school has 65"},
		{Subject{Name: "Zoë\x00"}, testPassphrase, "control characters"},
		{Subject{Name: "Zoë", Email: "Zoë <zoe@example.org>"}, testPassphrase, "not an email address"},
		{Subject{Name: "Zoë", Email: "zoë@example.org"}, testPassphrase, "ASCII"},
	} {
		_, err := s.Create(tc.sub, []byte(tc.passphrase))
		wantCode(t, err, portfolio.CodeInvalid, tc.want)
		if s.Exists() {
			t.Fatalf("%+v: refused input left files behind", tc.sub)
		}
	}
}

func TestUnlockRefusesCertificateOutsideValidity(t *testing.T) {
	s, _, c := createdStore(t)
	c.t = testNow.AddDate(5, 0, 1)
	_, err := s.Unlock([]byte(testPassphrase))
	wantCode(t, err, portfolio.CodeConflict, "expired on 14 March 2031 09:26 UTC", "create a new one")

	c.t = testNow.Add(-2 * time.Hour)
	_, err = s.Unlock([]byte(testPassphrase))
	wantCode(t, err, portfolio.CodeConflict, "valid only from 14 March 2026 08:26 UTC to 14 March 2031 09:26 UTC", "clock")

	// The passphrase can still be changed, so an expired identity is not a dead end.
	if err := s.ChangePassphrase([]byte(testPassphrase), []byte("another passphrase")); err != nil {
		t.Fatal(err)
	}
	c.t = testNow
	if _, err := s.Unlock([]byte("another passphrase")); err != nil {
		t.Fatal(err)
	}
}

func TestUnlockCost(t *testing.T) {
	s, _, _ := createdStore(t)
	start := time.Now()
	if _, err := s.Unlock([]byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	t.Logf("Unlock took %v (Argon2id t=3, m=64 MiB, p=4)", d)
	if d < 20*time.Millisecond {
		t.Errorf("Unlock took only %v: is the key derivation really Argon2id with 64 MiB?", d)
	}
}

// The created certificate is accepted for S/MIME-style signing by OpenSSL's default purpose
// check, not only with -purpose any, and a CMS signature made with it verifies.
func TestCreatedCertificateWorksWithOpenSSL(t *testing.T) {
	needOpenSSL(t)
	s, _, _ := createdStore(t)
	// openssl checks against the real clock.
	s.now = time.Now
	if err := s.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(testSubject, []byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	id, err := s.Unlock([]byte(testPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	certPEM, _ := s.CertificatePEM()
	work := t.TempDir()
	writeFile(t, filepath.Join(work, "cert.pem"), certPEM)
	writeFile(t, filepath.Join(work, "key.pem"), keyPEM(t, id.Key))
	writeFile(t, filepath.Join(work, "data.txt"), []byte("tag manifest\n"))

	out := openssl(t, work, "verify", "-purpose", "smimesign", "-CAfile", "cert.pem", "cert.pem")
	if strings.TrimSpace(out) != "cert.pem: OK" {
		t.Errorf("openssl verify: %q", out)
	}
	openssl(t, work, "cms", "-sign", "-binary", "-md", "sha256", "-in", "data.txt", "-signer", "cert.pem",
		"-inkey", "key.pem", "-outform", "DER", "-out", "data.p7s")
	openssl(t, work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "data.p7s",
		"-content", "data.txt", "-CAfile", "cert.pem", "-out", os.DevNull)
	text := openssl(t, work, "x509", "-in", "cert.pem", "-noout", "-text", "-nameopt", "utf8")
	for _, want := range []string{"Digital Signature, Non Repudiation", "E-mail Protection", "CA:FALSE",
		"email:zoe.nunez@example.org", "CN=Zoë Ñúñez-Łukasz"} {
		if !strings.Contains(text, want) {
			t.Errorf("openssl x509 -text lacks %q:\n%s", want, text)
		}
	}
	fp := openssl(t, work, "x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256")
	info, _ := s.Info()
	if got := strings.TrimSpace(fp[strings.Index(fp, "=")+1:]); got != info.FingerprintSHA256 {
		t.Errorf("openssl fingerprint %s, Info %s", got, info.FingerprintSHA256)
	}
}
