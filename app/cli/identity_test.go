package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func passFile(t *testing.T, secret string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pass.txt")
	os.WriteFile(p, []byte(secret+"\n"), 0o600)
	return p
}

func TestIdentityCreateShowAndExport(t *testing.T) {
	dir := t.TempDir()
	run(t, "--data-dir", dir, "profile", "set", "--name", "Zoë Ñúñez-Łukasz", "--email", "zoe@example.org", "--school", "Riverside")
	secret := "correct horse battery"
	r := run(t, "--data-dir", dir, "identity", "create", "--passphrase-file", passFile(t, secret))
	if r.code != 0 || !strings.Contains(r.stdout, "Zoë Ñúñez-Łukasz") || !strings.Contains(r.stdout, "ECDSA P-256") {
		t.Fatalf("identity create: %+v", r)
	}
	var info struct {
		CommonName, Email, KeyType, FingerprintSha256 string
		SelfSigned                                    bool
	}
	r = run(t, "--data-dir", dir, "identity", "show", "--json")
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &info) != nil || info.CommonName != "Zoë Ñúñez-Łukasz" || info.Email != "zoe@example.org" || !info.SelfSigned {
		t.Fatalf("identity show: %+v %+v", r, info)
	}
	pem := filepath.Join(t.TempDir(), "cert.pem")
	if r := run(t, "--data-dir", dir, "identity", "export-cert", "--out", pem); r.code != 0 {
		t.Fatalf("export-cert: %+v", r)
	}
	if data, _ := os.ReadFile(pem); !strings.HasPrefix(string(data), "-----BEGIN CERTIFICATE-----") {
		t.Errorf("exported certificate: %.60q", data)
	}
	again := run(t, "--data-dir", dir, "identity", "create", "--passphrase-file", passFile(t, secret))
	if again.code == 0 || again.stderr == "" {
		t.Errorf("a second identity replaced the first: %+v", again)
	}
	for _, out := range []string{r.stdout, r.stderr, again.stdout, again.stderr} {
		if strings.Contains(out, secret) {
			t.Error("the passphrase appeared in the output")
		}
	}
}

func TestIdentityNeedsAPassphraseButNeverOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(PassphraseEnv, "")
	r := run(t, "--data-dir", dir, "identity", "create", "--name", "A")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "--passphrase-file") {
		t.Errorf("no passphrase: %+v", r)
	}
	if r := run(t, "--data-dir", dir, "identity", "create", "--name", "A", "--passphrase", "secret123"); r.code != ExitUsage {
		t.Errorf("a --passphrase flag was accepted: %+v", r)
	}
	t.Setenv(PassphraseEnv, "from the environment")
	if r := run(t, "--data-dir", dir, "identity", "create", "--name", "A"); r.code != 0 {
		t.Errorf("passphrase from %s: %+v", PassphraseEnv, r)
	}
	short := run(t, "--data-dir", t.TempDir(), "identity", "create", "--name", "B", "--passphrase-file", passFile(t, "short"))
	if short.code == 0 || !strings.Contains(short.stderr, "8") {
		t.Errorf("a short passphrase: %+v", short)
	}
}

func TestIdentityShowWithoutIdentity(t *testing.T) {
	r := run(t, "--data-dir", t.TempDir(), "identity", "show")
	if r.code != ExitFailed || !strings.Contains(r.stderr, "create one or import one") {
		t.Errorf("show without identity: %+v", r)
	}
}
