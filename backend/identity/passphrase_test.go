package identity

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestCheckPassphrase(t *testing.T) {
	for p, ok := range map[string]bool{
		"12345678":        true,
		"Zoë Zoë ":        true, // 8 runes, 10 bytes
		"Zoëëë":           false,
		"éééééé":          false, // 12 bytes but 6 runes
		"        ":        false,
		"\t\n  \u00a0   ": false,
		"":                false,
		"  pass  word ":   true,
	} {
		err := CheckPassphrase([]byte(p))
		if ok && err != nil {
			t.Errorf("%q refused: %v", p, err)
		}
		if !ok {
			wantCode(t, err, portfolio.CodeInvalid, "at least 8 characters")
			if p != "" && strings.Contains(err.Error(), p) {
				t.Errorf("message repeats %q", p)
			}
		}
	}
}

func TestReadPassphraseFile(t *testing.T) {
	dir := t.TempDir()
	for content, want := range map[string]string{
		"secret words\n":     "secret words",
		"secret words\r\n":   "secret words",
		"secret words":       "secret words",
		"secret words\n\n":   "secret words\n",
		" secret words \n":   " secret words ",
		"secret words\r\n\n": "secret words\r\n",
		"\n\n":               "\n",
	} {
		path := filepath.Join(dir, "pass")
		writeFile(t, path, []byte(content))
		got, err := ReadPassphraseFile(path)
		if err != nil {
			t.Fatalf("%q: %v", content, err)
		}
		if string(got) != want {
			t.Errorf("%q read as %q, want %q", content, got, want)
		}
	}
	for name, content := range map[string]string{"empty": "", "newline": "\n", "crlf": "\r\n"} {
		path := filepath.Join(dir, name)
		writeFile(t, path, []byte(content))
		_, err := ReadPassphraseFile(path)
		wantCode(t, err, portfolio.CodeInvalid, "is empty", path)
	}

	big := filepath.Join(dir, "big")
	writeFile(t, big, []byte(strings.Repeat("hunter2 ", 1000)))
	_, err := ReadPassphraseFile(big)
	wantCode(t, err, portfolio.CodeInvalid, "larger than")
	if strings.Contains(err.Error(), "hunter2") {
		t.Error("the message contains the file's content")
	}
	_, err = ReadPassphraseFile(filepath.Join(dir, "missing"))
	wantCode(t, err, portfolio.CodeInvalid, "was not found")
	_, err = ReadPassphraseFile(dir)
	wantCode(t, err, portfolio.CodeInvalid, "not a regular file")
}
