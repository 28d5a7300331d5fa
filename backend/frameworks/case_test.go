package frameworks

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const (
	northfieldID = "case-747abebf-f7f9-407e-9be6-e41ccac03d99"
	lakesideID   = "case-c867551c-3e75-4a3e-8ba3-0bc1ed28dece"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readCASE reads a file that must import, and checks the shape of the result.
func readCASE(t *testing.T, data []byte) (portfolio.Framework, CASEReport) {
	t.Helper()
	f, rep, err := ReadCASE(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadCASE: %v", err)
	}
	if err := consistent(f); err != nil {
		t.Fatal(err)
	}
	if len(f.Competencies) != rep.Items {
		t.Errorf("%d competencies from %d items", len(f.Competencies), rep.Items)
	}
	if sum := rep.Used + rep.IgnoredExternal + rep.IgnoredOtherType + rep.IgnoredExtraParents; sum != rep.Associations {
		t.Errorf("report %+v accounts for %d of %d associations", rep, sum, rep.Associations)
	}
	return f, rep
}

func byCASEID(t *testing.T, f portfolio.Framework, caseID string) portfolio.Competency {
	t.Helper()
	for _, c := range f.Competencies {
		if c.CASEID == caseID {
			return c
		}
	}
	t.Fatalf("no competency for item %s", caseID)
	return portfolio.Competency{}
}

// outline shows each competency as its depth in dots and its code, or its title when it has none.
func outline(f portfolio.Framework) []string {
	var out []string
	for _, c := range f.Competencies {
		label := c.Code
		if label == "" {
			label = c.Title
		}
		out = append(out, strings.Repeat(".", c.Depth)+label)
	}
	return out
}

func TestReadCASEBuildsTheTreeOfAWrappedPackage(t *testing.T) {
	f, rep := readCASE(t, readFixture(t, "northfield-v1.json"))

	want := portfolio.Framework{
		ID: northfieldID, Title: "Northfield Digital Teaching Standards",
		Publisher: "Northfield Department of Education", Version: "1.2",
		SourceURL: "https://www.example.org/standards/digital-teaching", Licence: "CC BY 4.0",
		Description: "What Northfield expects of teachers who plan and teach with digital technology.",
		Origin:      portfolio.OriginCASE, Scale: portfolio.ScaleProficiency,
		CASEID:    "747abebf-f7f9-407e-9be6-e41ccac03d99",
		CASEURI:   "https://case.example.org/uri/747abebf-f7f9-407e-9be6-e41ccac03d99",
		LeafCount: 10,
	}
	got := f
	got.Competencies = nil
	if !equalFramework(got, want) {
		t.Errorf("framework =\n%+v\nwant\n%+v", got, want)
	}

	// sequenceNumbers put 1 before 2 and 1.1.a before 1.1.b although the file lists them the
	// other way round; 2.9 comes before 2.10; items without a code follow their coded siblings
	// and are ordered by statement; 1.3 (placed only in another document) and 4.1 (placed
	// nowhere) come last, at the top level.
	wantOutline := []string{
		"1", ".1.1", "..1.1.a", "..1.1.b", ".1.2",
		"2", ".2.9", ".2.10", ".Reflect on each unit with colleagues and record what to change next time.",
		"Cross-cutting themes",
		".Apply accessibility guidelines to every digital resource you share.",
		".Explain how a model's prediction 𝑑 depends on the data it was trained on.",
		"1.3", "4.1",
	}
	if o := outline(f); !slices.Equal(o, wantOutline) {
		t.Errorf("outline =\n%s\nwant\n%s", strings.Join(o, "\n"), strings.Join(wantOutline, "\n"))
	}

	wantRep := CASEReport{Items: 14, Associations: 19, Used: 12, IgnoredExternal: 2, IgnoredOtherType: 4, IgnoredExtraParents: 1}
	if rep != wantRep {
		t.Errorf("report = %+v, want %+v", rep, wantRep)
	}

	goals := byCASEID(t, f, "64008f9f-8d28-4b02-85d6-a948bcdecc3a")
	if goals.ID != northfieldID+":64008f9f-8d28-4b02-85d6-a948bcdecc3a" || goals.Title != "Goals and evidence" ||
		!strings.HasPrefix(goals.Description, "Plan lessons from clear learning goals") ||
		goals.CASEURI != "https://case.example.org/uri/64008f9f-8d28-4b02-85d6-a948bcdecc3a" ||
		goals.ParentID != northfieldID+":836ddf3b-9532-4b2d-be88-f5484a8fdf3c" || goals.Leaf {
		t.Errorf("1.1 = %+v", goals)
	}

	// 1.2 is also a child of the cross-cutting themes (sequenceNumber 5); the domain (2) wins.
	if c := byCASEID(t, f, "96da0855-6770-4653-bd0e-e1f22179b6f9"); c.ParentID != northfieldID+":836ddf3b-9532-4b2d-be88-f5484a8fdf3c" {
		t.Errorf("1.2 hangs under %q", c.ParentID)
	}

	long := byCASEID(t, f, "202f2a7f-fd09-4e00-b178-83be22f6078b")
	if !strings.HasSuffix(long.Title, "…") || utf8.RuneCountInString(long.Title) > maxTitleRunes+1 ||
		!strings.HasPrefix(long.Description, strings.TrimSuffix(long.Title, "…")) || !strings.HasSuffix(long.Description, "cite what they use.") {
		t.Errorf("long statement: title %q, description %q", long.Title, long.Description)
	}
	if strings.HasSuffix(strings.TrimSuffix(long.Title, "…"), " ") {
		t.Errorf("title %q is cut before a space", long.Title)
	}
}

func equalFramework(a, b portfolio.Framework) bool {
	a.Competencies, b.Competencies = nil, nil
	return a.ID == b.ID && a.Title == b.Title && a.Publisher == b.Publisher && a.Version == b.Version &&
		a.SourceURL == b.SourceURL && a.Licence == b.Licence && a.Description == b.Description &&
		a.Origin == b.Origin && a.Scale == b.Scale && a.CASEID == b.CASEID && a.CASEURI == b.CASEURI &&
		a.LeafCount == b.LeafCount && a.ContentDigest == b.ContentDigest
}

func TestReadCASEKeepsTextOutsideTheBasicPlane(t *testing.T) {
	f, _ := readCASE(t, readFixture(t, "northfield-v1.json"))
	explain := byCASEID(t, f, "3501e7d5-d210-4f31-930b-dd5e609cff7f")
	const want = "Explain how a model's prediction \U0001D451 depends on the data it was trained on."
	if explain.Title != want || explain.Description != want || explain.Code != "" {
		t.Errorf("got title %q description %q code %q", explain.Title, explain.Description, explain.Code)
	}

	// The bare package writes 𝑥 as a JSON surrogate pair, and an emoji as it is.
	g, _ := readCASE(t, readFixture(t, "bare-case-1.0.json"))
	if c := byCASEID(t, g, "47a234db-bf86-43f8-bb88-ad23bc10b535"); !strings.Contains(c.Description, "mean \U0001D465\u0304 and") {
		t.Errorf("surrogate pair decoded as %q", c.Description)
	}
	if c := byCASEID(t, g, "9e7c6d8a-2b41-4d0f-8f3c-1a5e9b7c2d40"); !strings.Contains(c.Title, "results \U0001F4CA with") {
		t.Errorf("emoji came out as %q", c.Title)
	}
}

func TestReadCASEReadsABareCASE10Package(t *testing.T) {
	f, rep := readCASE(t, readFixture(t, "bare-case-1.0.json"))
	if f.ID != lakesideID || f.Title != "Data Literacy for Teachers" || f.Publisher != "Lakeside College of Education" ||
		f.Version != "2023" || f.Licence != "" || f.LeafCount != 3 ||
		f.SourceURL != "https://frameworks.example.edu/case/uri/c867551c-3e75-4a3e-8ba3-0bc1ed28dece" {
		t.Errorf("framework = %+v", f)
	}
	// The sequenceNumber "2" is a string; the third item has no code.
	if o := outline(f); !slices.Equal(o, []string{"DL.1", "DL.2", "Keep students' data private when sharing results 📊 with families."}) {
		t.Errorf("outline = %q", o)
	}
	if rep != (CASEReport{Items: 3, Associations: 3, Used: 3}) {
		t.Errorf("report = %+v", rep)
	}
	// The file writes this identifier in capitals and refers to it in lower case: ids are stored
	// in lower case, the item's own spelling is kept.
	c := f.Competencies[0]
	if c.ID != lakesideID+":dcea457f-6938-4cbe-b122-ae8c979d7b79" || c.CASEID != "DCEA457F-6938-4CBE-B122-AE8C979D7B79" {
		t.Errorf("id %q, caseId %q", c.ID, c.CASEID)
	}
}

func TestReadCASEReadsALaterVersionOfTheSameDocument(t *testing.T) {
	v1, _ := readCASE(t, readFixture(t, "northfield-v1.json"))
	v2, rep := readCASE(t, readFixture(t, "northfield-v2.json"))
	if v2.ID != v1.ID || v2.Version != "1.3" {
		t.Fatalf("v2 is %q version %q", v2.ID, v2.Version)
	}
	ids := func(f portfolio.Framework) []string {
		var out []string
		for _, c := range f.Competencies {
			out = append(out, c.ID)
		}
		slices.Sort(out)
		return out
	}
	removed := northfieldID + ":96da0855-6770-4653-bd0e-e1f22179b6f9" // 1.2
	want := slices.DeleteFunc(ids(v1), func(id string) bool { return id == removed })
	if got := ids(v2); !slices.Equal(got, want) {
		t.Errorf("v2 ids = %v, want %v", got, want)
	}
	const reworded = "c7a11b86-e512-44c0-8e03-39044e76af0b" // 1.1.b
	if d1, d2 := byCASEID(t, v1, reworded).Description, byCASEID(t, v2, reworded).Description; d1 == d2 ||
		d2 != "Plan how students will show what they learned, in at least two different ways." {
		t.Errorf("1.1.b: %q -> %q", d1, d2)
	}
	if rep.Items != 13 || rep.IgnoredExtraParents != 0 || rep.Used != 11 {
		t.Errorf("report = %+v", rep)
	}
}

// pkg is a one-item package whose only association is an isChildOf from the item to dest.
func pkg(dest string) string {
	return `{"CFDocument": {"identifier": "D0C", "uri": "https://case.example.org/uri/D0C", "title": "T"},
	"CFItems": [{"identifier": "I1", "fullStatement": "S", "uri": "https://case.example.org/uri/I1"}],
	"CFAssociations": [{"identifier": "A1", "associationType": "isChildOf",
		"originNodeURI": {"identifier": "I1", "uri": "https://case.example.org/uri/I1"},
		"destinationNodeURI": ` + dest + `}]}`
}

func TestReadCASETellsExternalNodesFromMissingOnes(t *testing.T) {
	external := map[string]string{
		"another server":              `{"identifier": "X9", "uri": "https://standards.example.net/uri/X9"}`,
		"another folder, same server": `{"identifier": "X9", "uri": "https://case.example.org/other-docs/X9"}`,
	}
	for name, dest := range external {
		f, rep := readCASE(t, []byte(pkg(dest)))
		if rep.IgnoredExternal != 1 || rep.Used != 0 || len(f.Competencies) != 1 || f.Competencies[0].Depth != 0 {
			t.Errorf("%s: report %+v, competencies %+v", name, rep, f.Competencies)
		}
	}
	missing := map[string]string{
		"this document's folder": `{"identifier": "X9", "uri": "https://case.example.org/uri/X9"}`,
		"no uri":                 `{"identifier": "X9", "title": "somewhere"}`,
		"not a web address":      `{"identifier": "X9", "uri": "X9"}`,
	}
	for name, dest := range missing {
		_, _, err := ReadCASE(strings.NewReader(pkg(dest)))
		if portfolio.Code(err) != portfolio.CodeRefused || !strings.Contains(err.Error(), `association "A1" refers to the destination node "X9", which is missing from this file`) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestReadCASEKeepsTheFirstOfSeveralParentsBySequenceNumber(t *testing.T) {
	const file = `{"CFDocument": {"identifier": "D", "title": "T"},
	"CFItems": [{"identifier": "P1", "fullStatement": "P1", "humanCodingScheme": "1"},
		{"identifier": "P2", "fullStatement": "P2", "humanCodingScheme": "2"},
		{"identifier": "C", "fullStatement": "C"}],
	"CFAssociations": [
		{"associationType": "isChildOf", "originNodeURI": {"identifier": "P1"}, "destinationNodeURI": {"identifier": "D"}},
		{"associationType": "isChildOf", "originNodeURI": {"identifier": "P2"}, "destinationNodeURI": {"identifier": "D"}},
		{"associationType": "isChildOf", "sequenceNumber": 4, "originNodeURI": {"identifier": "C"}, "destinationNodeURI": {"identifier": "P1"}},
		{"associationType": "isChildOf", "originNodeURI": {"identifier": "C"}, "destinationNodeURI": {"identifier": "P1"}},
		{"associationType": "isChildOf", "sequenceNumber": 2, "originNodeURI": {"identifier": "C"}, "destinationNodeURI": {"identifier": "P2"}}]}`
	f, rep := readCASE(t, []byte(file))
	if o := outline(f); !slices.Equal(o, []string{"1", "2", ".C"}) {
		t.Errorf("outline = %q", o)
	}
	if rep.Used != 3 || rep.IgnoredExtraParents != 2 {
		t.Errorf("report = %+v", rep)
	}
}

func TestReadCASEOrdersCodesNaturally(t *testing.T) {
	codes := []string{"", "2.10", "B.1", "2.9", "a.2", "10", "2.9.b", "2", "2.09a", "2.9.a", "A.10"}
	slices.SortFunc(codes, compareCodes)
	want := []string{"2", "2.9", "2.9.a", "2.9.b", "2.09a", "2.10", "10", "a.2", "A.10", "B.1", ""}
	if !slices.Equal(codes, want) {
		t.Errorf("sorted = %q, want %q", codes, want)
	}
}

func TestShortTitleCutsAtAWord(t *testing.T) {
	long := strings.Repeat("𝑑ata ", 40)
	got := shortTitle(long)
	if !strings.HasSuffix(got, "𝑑ata…") || utf8.RuneCountInString(got) > maxTitleRunes+1 || !utf8.ValidString(got) {
		t.Errorf("shortTitle = %q", got)
	}
	if got := shortTitle("  two\n\tlines  "); got != "two lines" {
		t.Errorf("shortTitle = %q", got)
	}
	if got := shortTitle(strings.Repeat("x", 200)); got != strings.Repeat("x", 120)+"…" {
		t.Errorf("a title without spaces is cut at %d characters", utf8.RuneCountInString(got))
	}
}

func TestReadCASERefusesBrokenFilesSayingWhy(t *testing.T) {
	cases := []struct{ file, want string }{
		{"bad/not-json.json", "not valid JSON (line 3, column 69"},
		{"bad/truncated.json", "ends in the middle of its JSON (line 3)"},
		{"bad/not-a-package.json", "JSON is a list, not a CASE package"},
		{"bad/wrong-type.json", "CFPackage.CFItems is an object instead of a list (line 3)"},
		{"bad/no-document.json", "no CFDocument"},
		{"bad/document-without-title.json", "The CFDocument has no title"},
		{"bad/no-items.json", `"An empty framework" has no competencies`},
		{"bad/item-without-identifier.json", `Item 2 of the file's CFItems ("A.2") has no identifier`},
		{"bad/duplicate-item.json", `Two items have the identifier "C2E4F6A8-1B3D-4F7B-9D1F-3B5D7F9B1D3F"`},
		{"bad/dangling.json", `association "e4a6c8e0-3d5f-4b9d-bf3b-5d7f9b1d3f5b" refers to the destination node "f5b7d9f1-4e6a-4cae-8c4c-6e8a0c2e4a6c", which is missing`},
		{"bad/child-without-identifier.json", `association "a6c8e0a2-5f7b-4dbf-9d5d-7f9b1d3f5b7d" has no origin identifier`},
		{"bad/cycle.json", `loop through item "d3f5a7b9-2c4e-4a8c-ae2a-4c6e8a0c2e4a" (B.1)`},
	}
	for _, c := range cases {
		_, _, err := ReadCASE(bytes.NewReader(readFixture(t, c.file)))
		if portfolio.Code(err) != portfolio.CodeRefused || !strings.Contains(portfolio.Message(err), c.want) {
			t.Errorf("%s: %v, want CodeRefused with %q", c.file, err, c.want)
		}
	}
	const textInsteadOfNumber = `{"CFDocument": {"identifier": "D", "title": "T"},
		"CFItems": [{"identifier": "I", "fullStatement": 3}]}`
	_, _, err := ReadCASE(strings.NewReader(textInsteadOfNumber))
	if !strings.Contains(portfolio.Message(err), "fullStatement is a number instead of text (line 2)") {
		t.Errorf("wrong type in a bare package: %v", err)
	}
	_, _, err = ReadCASE(strings.NewReader(string(readFixture(t, "bare-case-1.0.json")) + "\n\n]"))
	if !strings.Contains(portfolio.Message(err), "goes on after the CASE package ends (line 98)") {
		t.Errorf("trailing data: %v", err)
	}
	for _, s := range []string{"", "{}", "null", `{"CFPackage": {"CFDocument": {"title": "T"}}}`, `{"CFDocument": {"identifier": "D", "title": "T"}, "CFItems": [{"identifier": "I"}]}`, "{} {}"} {
		if _, _, err := ReadCASE(strings.NewReader(s)); portfolio.Code(err) != portfolio.CodeRefused {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func TestReadCASEChecksTheEncoding(t *testing.T) {
	good := readFixture(t, "bare-case-1.0.json")
	broken := bytes.Replace(good, []byte("📊"), []byte("\xF0\x9F"), 1)
	_, _, err := ReadCASE(bytes.NewReader(broken))
	if portfolio.Code(err) != portfolio.CodeRefused || !strings.Contains(err.Error(), "not valid UTF-8 text (line 36, column 74)") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	_, _, err = ReadCASE(bytes.NewReader(append([]byte{0xFF, 0xFE}, '{', 0)))
	if portfolio.Code(err) != portfolio.CodeRefused || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16: %v", err)
	}
	if f, _ := readCASE(t, append([]byte("\xEF\xBB\xBF"), good...)); f.ID != lakesideID {
		t.Errorf("with a byte-order mark: %q", f.ID)
	}
}

// repeat is an endless reader of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestReadCASEStopsAt50MB(t *testing.T) {
	small := readFixture(t, "bare-case-1.0.json")
	over := io.MultiReader(bytes.NewReader(small), io.LimitReader(repeat(0), MaxCASESize+1-int64(len(small))))
	_, _, err := ReadCASE(over)
	if portfolio.Code(err) != portfolio.CodeTooLarge || !strings.Contains(err.Error(), "larger than 50 MB") {
		t.Errorf("50 MB + 1: %v", err)
	}
	// Exactly at the limit is fine: trailing white space is valid JSON.
	exact := io.MultiReader(bytes.NewReader(small), io.LimitReader(repeat(' '), MaxCASESize-int64(len(small))))
	if _, _, err := ReadCASE(exact); err != nil {
		t.Errorf("exactly 50 MB: %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadCASEPassesOnReadErrors(t *testing.T) {
	_, _, err := ReadCASE(failingReader{})
	if portfolio.Code(err) != portfolio.CodeInternal || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v", err)
	}
}
