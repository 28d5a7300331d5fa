package frameworks

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func FuzzReadCASE(f *testing.F) {
	fixtures, err := filepath.Glob("testdata/*.json")
	if err != nil {
		f.Fatal(err)
	}
	bad, err := filepath.Glob("testdata/bad/*.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range append(fixtures, bad...) {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"", "{}", "[]", "null", `"text"`, `{"CFPackage": null}`, "\xEF\xBB\xBF{}", "\xFF\xFE{",
		`{"CFDocument": {"identifier": "D", "title": "T"}, "CFItems": [{"identifier": "I", "fullStatement": "𝑑"}]}`,
		`{"CFDocument": {"identifier": "D", "uri": "https://x/uri/D", "title": "T"},
		  "CFItems": [{"identifier": "A", "fullStatement": "a", "humanCodingScheme": "1.10"}, {"identifier": "B", "fullStatement": "b", "humanCodingScheme": "1.9"}],
		  "CFAssociations": [
		    {"associationType": "isChildOf", "sequenceNumber": "NaN", "originNodeURI": {"identifier": "A"}, "destinationNodeURI": {"identifier": "D"}},
		    {"associationType": "isChildOf", "sequenceNumber": 1e999, "originNodeURI": {"identifier": "B"}, "destinationNodeURI": {"identifier": "A"}},
		    {"associationType": "isChildOf", "originNodeURI": {"identifier": "A"}, "destinationNodeURI": {"identifier": "B"}},
		    {"associationType": "isChildOf", "originNodeURI": {"identifier": "B"}, "destinationNodeURI": {"identifier": "E", "uri": "https://y/E"}},
		    {"associationType": "isPeerOf", "originNodeURI": {}, "destinationNodeURI": null}]}`,
	} {
		f.Add([]byte(s))
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		fw, rep, err := ReadCASE(bytes.NewReader(data))
		if err != nil {
			// Reading from memory cannot fail, so every error is about the file and must say so.
			if code := portfolio.Code(err); code != portfolio.CodeRefused && code != portfolio.CodeTooLarge {
				t.Fatalf("error %v has code %s", err, code)
			}
			return
		}
		if err := consistent(fw); err != nil {
			t.Fatal(err)
		}
		if len(fw.Competencies) != rep.Items || rep.Items == 0 {
			t.Fatalf("%d competencies from %d items", len(fw.Competencies), rep.Items)
		}
		if sum := rep.Used + rep.IgnoredExternal + rep.IgnoredOtherType + rep.IgnoredExtraParents; sum != rep.Associations {
			t.Fatalf("report %+v accounts for %d associations", rep, sum)
		}
	})
}
