package bag

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// fuzzSeeds are a small valid bag and variants that fail in different places.
func fuzzSeeds(t testing.TB) [][]byte {
	valid := buildBag(t, "b", []payloadFile{{"a.txt", []byte("hello, reviewer"), true}, {"b.bin", []byte{0, 1, 2, 3}, false}},
		[]Field{{"Contact-Name", "Ada"}}, []TagFile{{"c.pem", []byte("cert")}}, sampleSign)
	flipped := bytes.Clone(valid)
	flipped[len(valid)/3] ^= 0xff
	return [][]byte{
		valid,
		buildBag(t, "", []payloadFile{{"x/y 100%.txt", []byte("z"), false}}, nil, nil, nil),
		flipped,
		valid[:len(valid)/2],
		valid[len(valid)-endLen:],
		makeZip(t, bagit, entry{name: "data/link", data: []byte("/etc/passwd"), method: zip.Store, mode: os.ModeSymlink | 0o777}),
		makeZip(t, bagit, entry{name: "data/../../evil.txt", data: []byte("x"), method: zip.Deflate}),
	}
}

var fuzzLimits = Limits{MaxEntries: 64, MaxExpanded: 1 << 20, MaxRatio: 200}

// TestFuzzSeedsReachVerify makes sure the fuzzer starts from bags that get past Open.
func TestFuzzSeedsReachVerify(t *testing.T) {
	for _, seed := range fuzzSeeds(t)[:2] {
		b, err := openBytes(seed, fuzzLimits)
		if err != nil {
			t.Fatal(err)
		}
		wantProblems(t, verify(t, b))
	}
}

// FuzzOpen feeds Open and Verify arbitrary bytes: they must not panic or hang, every refusal
// must be explained (a domain error, never an internal one), and what Open accepts must be safe.
func FuzzOpen(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := openBytes(data, fuzzLimits)
		if err != nil {
			switch portfolio.Code(err) {
			case portfolio.CodeInvalid, portfolio.CodeRefused, portfolio.CodeTooLarge:
			default:
				t.Fatalf("Open failed with %v", err)
			}
			return
		}
		for _, p := range append(b.Payload(), b.tags...) {
			if checkName(p) != "" || strings.HasPrefix(p, "/") {
				t.Fatalf("Open accepted %q", p)
			}
		}
		problems, err := b.Verify(context.Background(), nil)
		if err != nil {
			t.Fatalf("Verify: %v", err)
		}
		for _, p := range problems {
			if p.File == "" || p.Message == "" {
				t.Fatalf("problem without a file or message: %+v", p)
			}
		}
		for _, name := range b.Unlisted() {
			if _, err := b.ReadTag(name, 1<<10); err != nil && portfolio.Code(err) == portfolio.CodeInternal {
				t.Fatalf("ReadTag(%q): %v", name, err)
			}
		}
	})
}
