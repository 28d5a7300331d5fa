package openbadges

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// FuzzRead feeds Read anything. Its seed corpus (testdata/fuzz/FuzzRead) holds one badge of each
// format, written by TestSamples -update.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"", "{}", "[]", "null", "<svg/>", "\x89PNG\r\n\x1a\n", "eyJ9.e30.",
		`{"type": "Assertion", "recipient": {"hashed": true, "identity": "sha256$00"}, "issuedOn": -1, "expires": 1e300}`,
		`{"vc": {"type": ["OpenBadgeCredential"], "credentialSubject": [{"identifier": [null, 1, {"hashed": true}]}], "proof": [[], {}]}, "nbf": "x", "exp": 1}`,
		`<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="eyJhbGciOiJub25lIn0.e30."></openbadges:assertion></svg>`,
	} {
		f.Add([]byte(s))
	}
	formats := []Format{FormatOB2JSON, FormatOB2JWS, FormatOB2PNG, FormatOB2SVG, FormatOB3JSON, FormatOB3JWT, FormatOB3PNG, FormatOB3SVG}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Read(data)
		if err != nil {
			// Reading from memory cannot fail, so every error is about the file and must say so.
			if code := portfolio.Code(err); code != portfolio.CodeRefused && code != portfolio.CodeTooLarge {
				t.Fatalf("error %v has code %s", err, code)
			}
			if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") && !strings.Contains(string(data), "\n") {
				t.Fatalf("message %q", msg)
			}
			return
		}
		if !slices.Contains(formats, b.Format) || (b.Version == "3.0") != strings.HasPrefix(string(b.Format), "ob3") ||
			b.Version != "2.0" && b.Version != "3.0" {
			t.Fatalf("format %q, version %q", b.Format, b.Version)
		}
		if !json.Valid(b.Raw) {
			t.Fatalf("Raw is not JSON: %q", b.Raw)
		}
		emails := []string{profileEmail, "x@y.z"}
		findings := checkShape(t, b, emails)
		if _, back := roundTrip(t, b); !slices.Equal(back.Check(emails, now), findings) {
			t.Fatalf("checks differ after a JSON round trip:\n%v\n%v", back.Check(emails, now), findings)
		}
	})
}
