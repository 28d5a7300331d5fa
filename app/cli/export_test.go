package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// demoWithIdentity makes a demo portfolio with a new signing identity and returns the data
// folder and the passphrase file.
func demoWithIdentity(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	if r := run(t, "--data-dir", dir, "demo"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	pass := passFile(t, "correct horse battery")
	if r := run(t, "--data-dir", dir, "identity", "create", "--passphrase-file", pass); r.code != 0 {
		t.Fatalf("identity create: %+v", r)
	}
	return dir, pass
}

func toolOutput(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (make deps installs it)", name)
	}
	out, _ := exec.Command(name, args...).CombinedOutput() // pdfsig and mutool exit 0 even on failure: read the text
	return string(out)
}

func TestExportedPDFPassesEveryVerifierAndAFlippedByteFailsIt(t *testing.T) {
	dir, pass := demoWithIdentity(t)
	pdf := filepath.Join(t.TempDir(), "portfolio.pdf")
	r := run(t, "--data-dir", dir, "export", "pdf", "--out", pdf, "--passphrase-file", pass)
	if r.code != 0 || !strings.Contains(r.stdout, "signed") {
		t.Fatalf("export pdf: %+v", r)
	}
	if out := toolOutput(t, "pdfsig", pdf); !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") || !strings.Contains(out, "ETSI.CAdES.detached") {
		t.Errorf("pdfsig:\n%s", out)
	}
	if out, err := exec.Command("qpdf", "--check", pdf).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check (%v):\n%s", err, out)
	}
	if out := toolOutput(t, "mutool", "sign", "-v", pdf); !strings.Contains(out, "unchanged since signing") {
		t.Errorf("mutool sign -v:\n%s", out)
	}
	if out := toolOutput(t, "pdftotext", pdf, "-"); !strings.Contains(out, "Zoë Ñúñez-Łukasz") || !strings.Contains(out, "Chatbot study partner for Algebra I retakes") {
		t.Errorf("pdftotext lacks the name or an entry title")
	}
	v := run(t, "verify", pdf, "--json")
	var report struct {
		Valid      bool
		Signatures []struct {
			Signer          string
			CoversWholeFile bool
		}
	}
	if v.code != 0 || json.Unmarshal([]byte(v.stdout), &report) != nil || !report.Valid || len(report.Signatures) != 1 ||
		report.Signatures[0].Signer != "Zoë Ñúñez-Łukasz" || !report.Signatures[0].CoversWholeFile {
		t.Fatalf("verify: %+v", v)
	}
	if again := run(t, "--data-dir", dir, "export", "pdf", "--out", pdf, "--passphrase-file", pass); again.code == 0 || !strings.Contains(again.stderr, "already exists") {
		t.Errorf("an existing export was overwritten: %+v", again)
	}

	data, _ := os.ReadFile(pdf)
	at := bytes.Index(data, []byte("Zo")) // inside a content stream, within the signed range
	if at < 0 {
		at = len(data) / 3
	}
	data[at] ^= 0x01
	tampered := filepath.Join(t.TempDir(), "tampered.pdf")
	os.WriteFile(tampered, data, 0o600)
	if r := run(t, "verify", tampered); r.code != ExitFailed || !strings.Contains(r.stdout, "NOT VALID") {
		t.Errorf("verify of a tampered file: %+v", r)
	}
	if out := toolOutput(t, "pdfsig", tampered); !strings.Contains(out, "Digest Mismatch") {
		t.Errorf("pdfsig on the tampered file:\n%s", out)
	}
}

func TestExportRefusesAWrongPassphraseAndWritesNothing(t *testing.T) {
	dir, _ := demoWithIdentity(t)
	out := filepath.Join(t.TempDir(), "p.pdf")
	r := run(t, "--data-dir", dir, "export", "pdf", "--out", out, "--passphrase-file", passFile(t, "not the passphrase"))
	if r.code == 0 || !strings.Contains(r.stderr, "passphrase is wrong") || strings.Contains(r.stderr, "not the passphrase") {
		t.Errorf("wrong passphrase: %+v", r)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a file was written")
	}
}

func TestVerifyExitCodes(t *testing.T) {
	garbage := filepath.Join(t.TempDir(), "not.pdf")
	os.WriteFile(garbage, []byte("hello"), 0o600)
	if r := run(t, "verify", garbage); r.code != ExitUsage {
		t.Errorf("verify of a non-PDF: %+v, want 2", r)
	}
	if r := run(t, "verify", filepath.Join(t.TempDir(), "missing.pdf")); r.code != ExitUsage {
		t.Errorf("verify of a missing file: %+v, want 2", r)
	}
	dir, pass := demoWithIdentity(t)
	pdf := filepath.Join(t.TempDir(), "interview.pdf")
	if r := run(t, "--data-dir", dir, "export", "pdf", "--out", pdf, "--preset", "interview", "--paper", "a4", "--passphrase-file", pass); r.code != 0 {
		t.Fatalf("interview export: %+v", r)
	}
	cert := filepath.Join(t.TempDir(), "cert.pem")
	run(t, "--data-dir", dir, "identity", "export-cert", "--out", cert)
	if r := run(t, "verify", pdf, "--trust", cert); r.code != 0 || !strings.Contains(r.stdout, "chains to a trusted certificate") {
		t.Errorf("verify --trust own cert: %+v", r)
	}
	other, _ := demoWithIdentity(t)
	otherCert := filepath.Join(t.TempDir(), "other.pem")
	run(t, "--data-dir", other, "identity", "export-cert", "--out", otherCert)
	if r := run(t, "verify", pdf, "--trust", otherCert); r.code != ExitFailed || !strings.Contains(r.stdout, "does NOT chain") {
		t.Errorf("verify --trust an unrelated cert: %+v", r)
	}
}
