package cli

import (
	"strings"
	"testing"
)

// TestPassphraseGivenInsteadOfItsFileIsNotRepeated: the secrets test (scripts/faults/secrets.sh)
// found that `--passphrase-file PASSPHRASE`, the passphrase typed where the file's name belongs,
// printed it back in the error ("The passphrase file <passphrase> was not found"), into
// terminals, logs and CI output. The error must say what is wrong without repeating it.
func TestPassphraseGivenInsteadOfItsFileIsNotRepeated(t *testing.T) {
	dir := t.TempDir()
	secret := "correct horse battery staple 42"
	for _, args := range [][]string{
		{"export", "pdf", "--out", dir + "/never.pdf", "--passphrase-file", secret},
		{"export", "package", "--out", dir + "/never.zip", "--passphrase-file", secret},
		{"identity", "create", "--name", "Zoë", "--passphrase-file", secret},
		{"identity", "create", "--name", "Zoë", "--passphrase-file", dir + "/" + secret + "/x"},
	} {
		r := run(t, append([]string{"--data-dir", dir}, args...)...)
		if r.code == ExitOK || !strings.Contains(r.stderr, "passphrase file") {
			t.Errorf("%v: %+v", args, r)
		}
		if strings.Contains(r.stdout+r.stderr, secret) {
			t.Errorf("%v: the passphrase is repeated in the output: %q", args, r.stderr)
		}
	}
}
