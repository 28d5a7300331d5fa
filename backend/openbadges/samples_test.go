package openbadges

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// go test ./backend/openbadges -run TestSamples -update rewrites the sample badges in testdata/
// (for the CLI's tests) and the seed corpus of FuzzRead from the fixtures of these tests.
var update = flag.Bool("update", false, "rewrite the sample badges in testdata/ and FuzzRead's seed corpus")

// samples are the badge files kept in testdata/.
func samples(t testing.TB) map[string][]byte {
	assertion := marshal(t, ob2Assertion())
	return map[string][]byte{
		"ob2-baked.png":       insertChunk(plainPNG(t, 128), chunk("iTXt", iTXt(t, keywordOB2, assertion, false))),
		"ob2-baked.svg":       bakeSVG("assertion", "https://badges.example.org/assertions/7d1f", assertion),
		"ob3-credential.json": marshal(t, ob3Credential()),
	}
}

// seeds are FuzzRead's committed corpus: one of each format, small.
func seeds(t testing.TB) map[string][]byte {
	assertion, credential := marshal(t, ob2Assertion()), marshal(t, ob3Credential())
	signed := ob2Assertion()
	signed["verification"] = map[string]any{"type": "signed", "creator": "https://badges.example.org/keys/1"}
	jws := token(t, map[string]any{"alg": "RS256"}, signed)
	jwt := token(t, map[string]any{"alg": "ES256", "kid": "k"}, map[string]any{"iss": "did:web:x", "nbf": 1725148800, "vc": ob3Credential()})
	return map[string][]byte{
		"ob2-json":           assertion,
		"ob2-png":            bakePNG(t, keywordOB2, assertion, false),
		"ob2-png-compressed": bakePNG(t, keywordOB2, assertion, true),
		"ob2-png-jws":        bakePNG(t, keywordOB2, jws, false),
		"ob2-png-url":        bakePNG(t, keywordOB2, []byte("https://badges.example.org/assertions/7d1f"), false),
		"ob2-svg":            bakeSVG("assertion", "https://badges.example.org/assertions/7d1f", assertion),
		"ob2-svg-jws":        bakeSVG("assertion", string(jws), nil),
		"ob2-jws":            jws,
		"ob3-json":           credential,
		"ob3-png":            bakePNG(t, keywordOB3, credential, true),
		"ob3-svg":            bakeSVG("credential", "", credential),
		"ob3-jwt":            jwt,
		"png-plain":          plainPNG(t, 8),
	}
}

func writeAll(t *testing.T, dir string, files map[string][]byte, encode func([]byte) []byte) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), encode(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSamples reads the committed sample badges as the CLI's tests will.
func TestSamples(t *testing.T) {
	if *update {
		writeAll(t, "testdata", samples(t), func(b []byte) []byte { return b })
		writeAll(t, filepath.Join("testdata", "fuzz", "FuzzRead"), seeds(t), func(b []byte) []byte {
			return fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", b)
		})
	}
	for name, want := range map[string]struct {
		format      Format
		achievement string
	}{
		"ob2-baked.png":       {FormatOB2PNG, "AI in Pedagogy: Practitioner"},
		"ob2-baked.svg":       {FormatOB2SVG, "AI in Pedagogy: Practitioner"},
		"ob3-credential.json": {FormatOB3JSON, "Digital Citizenship Educator"},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatalf("%v (run go test -run TestSamples -update to write the samples)", err)
		}
		b := mustRead(t, data)
		if b.Format != want.format || b.Achievement != want.achievement {
			t.Errorf("%s: format %q, achievement %q", name, b.Format, b.Achievement)
		}
		f := findingsByCheck(t, b.Check([]string{profileEmail}, now))
		for _, c := range []string{CheckWellFormed, CheckRecipient, CheckNotExpired, CheckAlreadyValid, CheckDetailsIncluded} {
			if f[c].Status != StatusPassed {
				t.Errorf("%s: %s %+v", name, c, f[c])
			}
		}
	}
}
