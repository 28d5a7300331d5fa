package frameworks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// MaxCASESize is the largest CASE file ReadCASE accepts. Whole national frameworks are a few MB;
// the limit keeps a wrong choice of file from filling memory.
const MaxCASESize = 50 << 20

// CASEReport says what ReadCASE made of a file, for the import summary. On success Used,
// IgnoredExternal, IgnoredOtherType and IgnoredExtraParents add up to Associations.
type CASEReport struct {
	Items            int `json:"items"`            // CFItems read
	Associations     int `json:"associations"`     // CFAssociations in the file
	Used             int `json:"used"`             // isChildOf associations that built the tree
	IgnoredExternal  int `json:"ignoredExternal"`  // isChildOf to or from nodes of other documents (not an error)
	IgnoredOtherType int `json:"ignoredOtherType"` // isPeerOf, exactMatchOf, isRelatedTo, ...
	// IgnoredExtraParents counts isChildOf associations that would place an already placed item
	// a second time: CASE allows an item in several places, a ReadyFolio tree shows it once.
	IgnoredExtraParents int `json:"ignoredExtraParents"`
}

// ReadCASE reads a CASE 1.0 or 1.1 JSON package, bare or wrapped as {"CFPackage": {...}}, and
// returns its framework with the tree built from isChildOf associations. Errors about the file
// are CodeInvalid (or CodeTooLarge) with a message that names the problem; others come from r.
func ReadCASE(r io.Reader) (portfolio.Framework, CASEReport, error) {
	// One byte past the limit tells "exactly the limit" from "too large" without reading the rest.
	data, err := io.ReadAll(io.LimitReader(r, MaxCASESize+1))
	if err != nil {
		return portfolio.Framework{}, CASEReport{}, fmt.Errorf("reading the CASE file: %w", err)
	}
	if len(data) > MaxCASESize {
		return portfolio.Framework{}, CASEReport{}, portfolio.Errorf(portfolio.CodeTooLarge,
			"The file is larger than 50 MB; export only the framework you need and import that file.")
	}
	pkg, err := decodeCASE(data)
	if err != nil {
		return portfolio.Framework{}, CASEReport{}, err
	}
	return buildCASE(pkg)
}

// The parts of CASE that ReadyFolio uses; encoding/json skips every other field.
type (
	// caseFile is either form of a package: bare, or wrapped as {"CFPackage": {...}}.
	caseFile struct {
		CFPackage *casePackage `json:"CFPackage"`
		casePackage
	}
	casePackage struct {
		CFDocument     *cfDocument     `json:"CFDocument"`
		CFItems        []cfItem        `json:"CFItems"`
		CFAssociations []cfAssociation `json:"CFAssociations"`
	}
	cfDocument struct {
		Identifier        string `json:"identifier"`
		URI               string `json:"uri"`
		Title             string `json:"title"`
		Creator           string `json:"creator"`
		Publisher         string `json:"publisher"`
		Version           string `json:"version"`
		OfficialSourceURL string `json:"officialSourceURL"`
		Description       string `json:"description"`
		LicenseURI        cfLink `json:"licenseURI"`
	}
	cfItem struct {
		Identifier           string `json:"identifier"`
		URI                  string `json:"uri"`
		FullStatement        string `json:"fullStatement"`
		AbbreviatedStatement string `json:"abbreviatedStatement"`
		HumanCodingScheme    string `json:"humanCodingScheme"`
	}
	cfAssociation struct {
		Identifier         string   `json:"identifier"`
		AssociationType    string   `json:"associationType"`
		OriginNodeURI      cfLink   `json:"originNodeURI"`
		DestinationNodeURI cfLink   `json:"destinationNodeURI"`
		SequenceNumber     sequence `json:"sequenceNumber"`
	}
	// cfLink is CASE's LinkURI: a reference to a node, here or in another document.
	cfLink struct {
		Title      string `json:"title"`
		Identifier string `json:"identifier"`
		URI        string `json:"uri"`
	}
)

// sequence is an association's sequenceNumber. CASE says integer, but files also carry numeric
// strings and decimals; anything that is not a finite number counts as absent, since an ordering
// hint is no reason to refuse a file. (This is why no UseNumber is needed: nothing is decoded
// into an interface.)
type sequence struct {
	value float64
	set   bool
}

func (s *sequence) UnmarshalJSON(b []byte) error {
	text := string(b)
	if len(b) > 0 && b[0] == '"' {
		if json.Unmarshal(b, &text) != nil {
			return nil
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	*s = sequence{value: v, set: err == nil && !math.IsInf(v, 0) && !math.IsNaN(v)}
	return nil
}

// decodeCASE checks the encoding and decodes the package. Invalid UTF-8 is refused rather than
// replaced: a framework's text is quoted in exports, and silently replaced characters would
// misquote it.
func decodeCASE(data []byte) (casePackage, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return casePackage{}, portfolio.Errorf(portfolio.CodeRefused,
			"The file is saved as UTF-16 text; save it as UTF-8 and import it again.")
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // the byte-order mark some Windows tools write
	if bad := firstInvalidUTF8(data); bad >= 0 {
		line, col := position(data, int64(bad))
		return casePackage{}, portfolio.Errorf(portfolio.CodeRefused,
			"The file is not valid UTF-8 text (line %d, column %d); save it as UTF-8 and import it again.", line, col)
	}

	var f caseFile
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		return casePackage{}, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		rest := bytes.TrimLeft(data[min(dec.InputOffset(), int64(len(data))):], " \t\r\n")
		line, _ := position(data, int64(len(data)-len(rest)))
		return casePackage{}, portfolio.Errorf(portfolio.CodeRefused,
			"The file goes on after the CASE package ends (line %d); choose a file that holds one CASE package.", line)
	}
	if f.CFPackage != nil {
		return *f.CFPackage, nil
	}
	return f.casePackage, nil
}

// jsonError turns a decoding error into a message that says where the file went wrong.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return portfolio.Errorf(portfolio.CodeRefused, "The file is empty; choose a CASE JSON file.")
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, _ := position(data, int64(len(bytes.TrimRight(data, " \t\r\n"))))
		return portfolio.Errorf(portfolio.CodeRefused,
			"The file ends in the middle of its JSON (line %d); it is incomplete, so download or export it again.", line)
	case errors.As(err, &syntax):
		// Offset counts the offending byte itself.
		line, col := position(data, syntax.Offset-1)
		return portfolio.Errorf(portfolio.CodeRefused,
			"The file is not valid JSON (line %d, column %d: %s); choose a CASE JSON file.", line, col, syntax.Error())
	case errors.As(err, &typ):
		line, _ := position(data, typ.Offset)
		if typ.Field == "" {
			return portfolio.Errorf(portfolio.CodeRefused,
				"The file's JSON is %s, not a CASE package; choose a CASE JSON file.", jsonKind(typ.Value))
		}
		// A bare package's fields are reported under the Go name of the embedded struct.
		field := strings.TrimPrefix(typ.Field, "casePackage.")
		return portfolio.Errorf(portfolio.CodeRefused,
			"The file is not a valid CASE package: %s is %s instead of %s (line %d); %s.",
			field, jsonKind(typ.Value), goKind(typ.Type), line, fixAdvice)
	}
	return portfolio.Errorf(portfolio.CodeRefused, "The file is not a valid CASE package (%v); choose a CASE JSON file.", err)
}

// jsonKind names the JSON value a type error found ("number", "array", ...) for the user.
func jsonKind(value string) string {
	switch {
	case strings.HasPrefix(value, "number"):
		return "a number"
	case value == "string":
		return "text"
	case value == "array":
		return "a list"
	case value == "object":
		return "an object"
	case value == "bool":
		return "true or false"
	}
	return "a value of the wrong kind"
}

// goKind names what CASE expects where a type error happened.
func goKind(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Pointer:
		return "an object"
	}
	return "another kind of value"
}

// firstInvalidUTF8 returns the offset of the first byte that is not UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// position converts a byte offset into a line and a column (in characters), both from 1.
func position(data []byte, offset int64) (line, col int) {
	off := int(min(max(offset, 0), int64(len(data))))
	before := data[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte{'\n'}) + 1, utf8.RuneCount(before[lineStart:]) + 1
}
