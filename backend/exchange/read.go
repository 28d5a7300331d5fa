package exchange

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// SchemaID identifies the JSON Schema of version 2, which also describes version 1. It is a
// name, not a location: the schema is embedded and nothing is ever fetched from it.
const SchemaID = "https://readyfolio.org/schema/portfolio/v2.json"

//go:embed portfolio.schema.json
var schemaJSON []byte

// SchemaJSON returns the JSON Schema (draft 2020-12) of portfolio.json, versions 1 and 2, as published
// (portfolio.schema.json); the caller may keep or change the copy.
func SchemaJSON() []byte { return append([]byte(nil), schemaJSON...) }

// Unmarshal reads portfolio.json. It refuses data that is not a portfolio.json (CodeInvalid), a
// version newer than this one reads (CodeTooNew), a version below 1 (CodeInvalid) and data that
// fails the schema (CodeInvalid, naming the first place that fails). Properties it does not
// know are ignored. Each entry's own artifact list (Entry.Entry.Artifacts) is filled from its
// artifacts, so the entries are whole. A file of version 1 has no credentials (an empty list)
// and no impact figures (nil); the loose "impact" it was allowed is not read.
func Unmarshal(data []byte) (Portfolio, error) {
	var head struct {
		Format  *string          `json:"format"`
		Version *json.RawMessage `json:"version"`
	}
	if !json.Valid(data) || json.Unmarshal(data, &head) != nil || head.Format == nil || *head.Format != Format {
		return Portfolio{}, notPortfolio()
	}
	if head.Version == nil {
		return Portfolio{}, portfolio.Errorf(portfolio.CodeInvalid,
			"This portfolio.json has no version; it was not written by ReadyFolio.")
	}
	version, err := strconv.Atoi(string(*head.Version))
	if err != nil {
		return Portfolio{}, portfolio.Errorf(portfolio.CodeInvalid,
			"The version of this portfolio.json, %s, is not a whole number; it was not written by ReadyFolio.",
			clip(string(*head.Version)))
	}
	if version > Version {
		return Portfolio{}, portfolio.Errorf(portfolio.CodeTooNew,
			"This portfolio.json was written by a newer ReadyFolio (format version %d; this one reads up to version %d). Update ReadyFolio to import it.",
			version, Version)
	}
	if version < 1 {
		return Portfolio{}, portfolio.Errorf(portfolio.CodeInvalid,
			"This portfolio.json has version %d; versions start at 1, so it was not written by ReadyFolio.", version)
	}
	if err := Validate(data); err != nil {
		return Portfolio{}, err
	}
	if version < 2 {
		data = withoutImpact(data)
	}
	var p Portfolio
	if err := json.Unmarshal(data, &p); err != nil {
		// The schema passed, so this is a number out of range or written as 1.0 where Go wants an int.
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return Portfolio{}, portfolio.Errorf(portfolio.CodeInvalid,
				"Not a valid ReadyFolio portfolio.json: the field %q holds a %s that ReadyFolio cannot read as %s.",
				typeErr.Field, typeErr.Value, typeErr.Type)
		}
		return Portfolio{}, portfolio.Errorf(portfolio.CodeInvalid, "Not a valid ReadyFolio portfolio.json: %v.", err)
	}
	if p.Credentials == nil {
		p.Credentials = []Credential{}
	}
	for i := range p.Entries {
		e := &p.Entries[i]
		e.Entry.Artifacts = make([]portfolio.Artifact, len(e.Artifacts))
		for j, a := range e.Artifacts {
			e.Entry.Artifacts[j] = a.Artifact
		}
	}
	return p, nil
}

// withoutImpact drops the top-level "impact" of a version-1 file: there it was text by name,
// which the structured figures of version 2 cannot hold. data is valid JSON, an object.
func withoutImpact(data []byte) []byte {
	var doc map[string]json.RawMessage
	if json.Unmarshal(data, &doc) != nil {
		return data
	}
	if _, ok := doc["impact"]; !ok {
		return data
	}
	delete(doc, "impact")
	out, err := json.Marshal(doc)
	if err != nil {
		return data
	}
	return out
}

// Validate checks data against the schema of portfolio.json and nothing else. Its error is a
// domain error (CodeInvalid) that names the first place in the file that fails, as a JSON
// pointer and in words.
func Validate(data []byte) error {
	sch, err := compiledSchema()
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return notPortfolio()
	}
	err = sch.Validate(doc)
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		return describe(firstFailure(verr, documentOrder(data)))
	}
	return err
}

func notPortfolio() error {
	return portfolio.Errorf(portfolio.CodeInvalid, "This file is not a ReadyFolio portfolio.json.")
}

var (
	schemaOnce     sync.Once
	schemaCompiled *jsonschema.Schema
	schemaErr      error
)

// compiledSchema compiles the embedded schema once. The compiler sees the embedded bytes under
// SchemaID and the draft's meta-schemas, which the library embeds; its loader refuses every
// other URL, so a reference to anything else fails to compile instead of being fetched.
func compiledSchema() (*jsonschema.Schema, error) {
	schemaOnce.Do(func() {
		schemaCompiled, schemaErr = compileSchema(schemaJSON)
	})
	return schemaCompiled, schemaErr
}

func compileSchema(data []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("portfolio.json schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(refuseLoader{})
	if err := c.AddResource(SchemaID, doc); err != nil {
		return nil, fmt.Errorf("portfolio.json schema: %w", err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		return nil, fmt.Errorf("portfolio.json schema: %w", err)
	}
	return sch, nil
}

// refuseLoader is the compiler's loader: it loads nothing, from the network or from disk.
type refuseLoader struct{}

func (refuseLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("refusing to load %s: the portfolio.json schema is self-contained", url)
}

// failure is one leaf of a validation error: a keyword that failed at a place in the file.
type failure struct {
	*jsonschema.ValidationError
	order int // of its place in the file, depth-first
}

// firstFailure returns the failure at the earliest place in the file (a parent before its
// children, siblings as written), going through the errors that only group others ($ref,
// allOf) to the keywords that failed. Ties are broken by keyword, so the choice never depends
// on map order.
func firstFailure(verr *jsonschema.ValidationError, order map[string]int) failure {
	var leaves []failure
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		switch e.ErrorKind.(type) {
		case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf:
			if len(e.Causes) > 0 {
				for _, c := range e.Causes {
					walk(c)
				}
				return
			}
		}
		at, ok := order[pointer(e.InstanceLocation)]
		if !ok {
			at = len(order)
		}
		leaves = append(leaves, failure{e, at})
	}
	walk(verr)
	if len(leaves) == 0 {
		return failure{verr, 0}
	}
	sort.SliceStable(leaves, func(i, j int) bool {
		a, b := leaves[i], leaves[j]
		if a.order != b.order {
			return a.order < b.order
		}
		return a.SchemaURL+pointer(a.ErrorKind.KeywordPath()) < b.SchemaURL+pointer(b.ErrorKind.KeywordPath())
	})
	return leaves[0]
}

// documentOrder numbers every value of data by its JSON pointer, depth-first in the order the
// file is written. data has already been parsed, so errors cannot happen here; if they did the
// numbering would only be partial.
func documentOrder(data []byte) map[string]int {
	order := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var walk func(ptr string) error
	walk = func(ptr string) error {
		if _, seen := order[ptr]; !seen {
			order[ptr] = len(order)
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				if err := walk(ptr + "/" + escapeToken(key.(string))); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(ptr + "/" + strconv.Itoa(i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		}
		return err
	}
	_ = walk("")
	return order
}

func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteString("/" + escapeToken(t))
	}
	return b.String()
}

func escapeToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
}

var printer = message.NewPrinter(language.English)

// describe turns a failure into a message for the educator: where, as words and as a JSON
// pointer, and what is wrong there.
func describe(f failure) error {
	loc := f.InstanceLocation
	var problem string
	switch k := f.ErrorKind.(type) {
	case *kind.Required:
		loc = append(append([]string{}, loc...), k.Missing[0])
		problem = "is missing"
	default:
		problem = explain(f.ValidationError)
	}
	where := pointer(loc)
	if where == "" {
		where = "/"
	}
	return portfolio.Errorf(portfolio.CodeInvalid, "Not a valid ReadyFolio portfolio.json: %s (%s) %s.",
		place(loc), where, problem)
}

// explain says what is wrong with a value, in words.
func explain(e *jsonschema.ValidationError) string {
	def := ""
	if i := strings.Index(e.SchemaURL, "#/$defs/"); i >= 0 {
		def = e.SchemaURL[i+len("#/$defs/"):]
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Pattern:
		switch def {
		case "sha256":
			return fmt.Sprintf("must be the file's SHA-256 as 64 lowercase hexadecimal digits, not %s", quote(k.Got))
		case "relativePath":
			return fmt.Sprintf(`must be a relative path such as "artifacts/entry/file.pdf" (no leading "/", no "." or ".." parts, no "\" or ":"), not %s`, quote(k.Got))
		case "dateOrEmpty":
			return fmt.Sprintf("must be a date written YYYY-MM-DD, or empty, not %s", quote(k.Got))
		case "linkUrl":
			return fmt.Sprintf("must be a web or e-mail address starting with http://, https:// or mailto:, not %s", quote(k.Got))
		}
		return fmt.Sprintf("must match the pattern %s, not %s", k.Want, quote(k.Got))
	case *kind.Contains:
		if def == "evidenceType" {
			return `must include "Evidence" (an Open Badges 3.0 Evidence object)`
		}
	case *kind.Type:
		return fmt.Sprintf("must be %s, not %s", typeWords(k.Want...), typeWords(k.Got))
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, quote(w))
		}
		return fmt.Sprintf("must be one of %s, not %s", strings.Join(want, ", "), quote(k.Got))
	case *kind.Const:
		return fmt.Sprintf("must be %s, not %s", quote(k.Want), quote(k.Got))
	case *kind.Format:
		switch k.Want {
		case "date-time":
			return fmt.Sprintf(`must be a date and time such as "2026-03-01T12:00:00Z", not %s`, quote(k.Got))
		}
		return fmt.Sprintf("must be a valid %s, not %s", k.Want, quote(k.Got))
	case *kind.MinLength:
		if k.Want == 1 {
			return "must not be empty"
		}
	case *kind.MinItems:
		if k.Want == 1 {
			return "must not be empty"
		}
	case *kind.Minimum:
		return fmt.Sprintf("must be at least %s, not %s", ratWords(k.Want), ratWords(k.Got))
	case *kind.Maximum:
		return fmt.Sprintf("must be at most %s, not %s", ratWords(k.Want), ratWords(k.Got))
	}
	return e.ErrorKind.LocalizedString(printer)
}

func ratWords(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	return strings.TrimRight(strings.TrimRight(r.FloatString(6), "0"), ".")
}

func typeWords(types ...string) string {
	words := map[string]string{
		"object": "an object", "array": "a list", "string": "text", "integer": "a whole number",
		"number": "a number", "boolean": "true or false", "null": "null",
	}
	var out []string
	for _, t := range types {
		if w, ok := words[t]; ok {
			t = w
		}
		out = append(out, t)
	}
	return strings.Join(out, " or ")
}

// quote shows a JSON value as it is written in the file, shortened if long.
func quote(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return clip(string(b))
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

// singular names an item of a list the file has.
var singular = map[string]string{
	"entries": "entry", "artifacts": "artifact", "alignments": "alignment", "frameworks": "framework",
	"competencies": "competency", "reflection": "reflection answer", "outcomes": "outcome", "tags": "tag",
	"aiTools": "AI tool", "type": "type", "credentials": "credential", "scores": "score", "criteria": "criterion",
	"levels": "level", "fields": "field", "shown": "figure",
}

// place names a place in the file in words: `"sha256" of artifact 2 of entry 1`, `entry 3`,
// `"name" of profile`, `the file`.
func place(tokens []string) string {
	var parts []string // innermost last
	for i, t := range tokens {
		n, err := strconv.Atoi(t)
		if err == nil && i > 0 && n >= 0 {
			name := singular[tokens[i-1]]
			if name == "" {
				name = "item of " + tokens[i-1]
			}
			parts[len(parts)-1] = fmt.Sprintf("%s %d", name, n+1)
			continue
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		return "the file"
	}
	last := len(parts) - 1
	if _, err := strconv.Atoi(tokens[len(tokens)-1]); err != nil || len(tokens) == 1 {
		parts[last] = strconv.Quote(parts[last])
	}
	for i, j := 0, last; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " of ")
}
