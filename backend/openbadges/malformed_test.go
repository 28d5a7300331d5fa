package openbadges

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestReadMalformed(t *testing.T) {
	assertion := marshal(t, ob2Assertion())
	baked := bakePNG(t, "openbadges", assertion, false)
	random := make([]byte, 4096)
	rng := rand.NewChaCha8([32]byte{7})
	_, _ = rng.Read(random)
	random[0] = 0x01 // not a signature of anything

	badCRC := bytes.Clone(baked)
	badCRC[8+25+8+3] ^= 0x20 // a byte inside the iTXt keyword

	bomb := insertChunk(plainPNG(t, 16), chunk("iTXt", iTXt(t, "openbadges", bytes.Repeat([]byte(" "), 8<<20), true)))
	oversized := insertChunk(plainPNG(t, 16), chunk("iTXt", iTXt(t, "openbadges", []byte("{"+strings.Repeat(" ", MaxAssertionSize)+"}"), false)))

	hugeLength := bytes.Clone(baked[:8+25])
	hugeLength = binary.BigEndian.AppendUint32(hugeLength, 0xFFFFFFF0)
	hugeLength = append(hugeLength, "iTXt"...)

	ob1 := `{"uid": "abc", "recipient": "sha256$abc", "badge": "https://x.example/badge.json", "verify": {"type": "hosted", "url": "https://x.example/a.json"}, "issuedOn": 1400000000}`

	for _, tc := range []struct {
		name  string
		data  []byte
		code  portfolio.ErrorCode
		words []string
	}{
		{"empty", nil, portfolio.CodeRefused, []string{"The file is empty"}},
		{"blank", []byte(" \n\t "), portfolio.CodeRefused, []string{"The file is empty"}},
		{"random bytes", random, portfolio.CodeRefused, []string{"not an Open Badges file", "PNG or SVG"}},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), portfolio.CodeRefused, []string{"PDF document", "by hand"}},
		{"JPEG", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), portfolio.CodeRefused, []string{"JPEG image", "only into PNG and SVG"}},
		{"too large", make([]byte, MaxFileSize+1), portfolio.CodeTooLarge, []string{"larger than 20 MB"}},
		{"PNG without the chunk", plainPNG(t, 16), portfolio.CodeRefused, []string{`no iTXt chunk "openbadges"`, "it is an image, not a baked badge", "Ask the issuer"}},
		{"PNG with another iTXt", insertChunk(plainPNG(t, 16), chunk("iTXt", iTXt(t, "Comment", assertion, false))), portfolio.CodeRefused, []string{"no Open Badges data"}},
		{"PNG with a bad CRC", badCRC, portfolio.CodeRefused, []string{"damaged: its iTXt chunk fails its checksum (CRC)"}},
		{"PNG truncated inside a chunk", baked[:len(baked)/2], portfolio.CodeRefused, []string{"cut short: it ends inside its iTXt chunk"}},
		{"PNG truncated before IEND", baked[:len(baked)-12], portfolio.CodeRefused, []string{"cut short", "IEND"}},
		{"PNG signature only", pngSignature, portfolio.CodeRefused, []string{"cut short"}},
		{"PNG chunk length absurd", hugeLength, portfolio.CodeRefused, []string{"damaged", "claims to be"}},
		{"PNG decompression bomb", bomb, portfolio.CodeTooLarge, []string{"larger than 1 MB", "refused"}},
		{"PNG oversized text", oversized, portfolio.CodeTooLarge, []string{"larger than 1 MB"}},
		{"JSON too large", []byte(`{"type": "Assertion", "evidence": [` + strings.Repeat(`"x", `, MaxAssertionSize/5) + `"y"]}`), portfolio.CodeTooLarge, []string{"larger than 1 MB"}},
		{"PNG damaged compressed chunk", insertChunk(plainPNG(t, 16), chunk("iTXt", append([]byte("openbadges\x00\x01\x00\x00\x00"), "not zlib"...))), portfolio.CodeRefused, []string{"compressed data is damaged"}},
		{"PNG chunk header cut", insertChunk(plainPNG(t, 16), chunk("iTXt", []byte("openbadges\x00\x00"))), portfolio.CodeRefused, []string{"malformed"}},
		{"PNG holding only a URL", bakePNG(t, "openbadges", []byte("https://badges.example.org/assertions/7d1f"), false), portfolio.CodeRefused,
			[]string{"holds only the address", `"https://badges.example.org/assertions/7d1f"`, "never goes online", "save what it shows"}},
		{"PNG holding text", bakePNG(t, "openbadges", []byte("hello"), false), portfolio.CodeRefused, []string{"neither JSON nor a signed badge"}},
		{"PNG holding bad JSON", bakePNG(t, "openbadges", []byte("{\n  \"type\": \"Assertion\",\n  oops\n}"), false), portfolio.CodeRefused,
			[]string{`baked into this PNG (its "openbadges" chunk) is not valid JSON (line 3, column 3`}},
		{"SVG without the assertion", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>`), portfolio.CodeRefused,
			[]string{"This SVG has no Open Badges data", "<openbadges:assertion>", "not a baked badge"}},
		{"SVG with an assertion of another namespace", []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="urn:x"><x:assertion>{}</x:assertion></svg>`), portfolio.CodeRefused,
			[]string{"no Open Badges data"}},
		{"SVG not well-formed", []byte("<svg>\n<openbadges:assertion>\n</svg>"), portfolio.CodeRefused, []string{"not well-formed XML (line 3"}},
		{"SVG with an entity", []byte(`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion>&x;</openbadges:assertion></svg>`),
			portfolio.CodeRefused, []string{"not well-formed XML", "entity"}},
		{"SVG in Latin-1", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><svg/>`), portfolio.CodeRefused, []string{"could not be read", "ISO-8859-1"}},
		{"PNG chunk with a damaged name", append(bytes.Clone(baked[:8+25]), chunk("i\x00Xt", []byte("x"))[:10]...), portfolio.CodeRefused,
			[]string{"ends inside a chunk with a damaged name"}},
		{"web page", []byte("<!DOCTYPE html>\n<html><head><title>Badge</title><body><p>Ana earned it<br></body></html>"), portfolio.CodeRefused,
			[]string{"web page", "download of the badge"}},
		{"XML that is not SVG", []byte(`<?xml version="1.0"?><feed><entry/></feed>`), portfolio.CodeRefused, []string{"not an SVG image", "<feed>"}},
		{"SVG holding a URL", bakeSVG("assertion", "https://badges.example.org/a/1", nil), portfolio.CodeRefused, []string{"holds only the address"}},
		{"invalid JSON", []byte("{\n  \"@context\": \"https://w3id.org/openbadges/v2\",\n  \"type\": \"Assertion\",,\n}"), portfolio.CodeRefused,
			[]string{"The file is not valid JSON (line 3, column 23"}},
		{"truncated JSON", assertion[:len(assertion)/2], portfolio.CodeRefused, []string{"ends in the middle of its JSON"}},
		{"JSON after JSON", append(bytes.Clone(assertion), "{}"...), portfolio.CodeRefused, []string{"not valid JSON"}},
		{"JSON not UTF-8", []byte("{\"name\": \"caf\xe9\"}"), portfolio.CodeRefused, []string{"not valid UTF-8"}},
		{"JSON that isn't a badge", []byte(`{"name": "Ana", "email": "ana@example.org"}`), portfolio.CodeRefused,
			[]string{"not an Open Badges assertion or credential", "@context"}},
		{"JSON list", []byte(`[{"type": "Assertion"}]`), portfolio.CodeRefused, []string{"is JSON, but a list rather than one badge"}},
		{"BadgeClass", []byte(`{"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "name": "X"}`), portfolio.CodeRefused,
			[]string{"describes a badge", "names no recipient", "assertion"}},
		{"OB3 Achievement", []byte(`{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], "type": ["Achievement"], "name": "X"}`),
			portfolio.CodeRefused, []string{"describes a badge"}},
		{"issuer profile", []byte(`{"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "name": "X"}`), portfolio.CodeRefused, []string{"describes an issuer"}},
		{"Open Badges 1.0", []byte(ob1), portfolio.CodeRefused, []string{"Open Badges 1.0", "2.0 or 3.0"}},
		{"CLR", []byte(`{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "ClrCredential"]}`), portfolio.CodeRefused,
			[]string{"Comprehensive Learner Record"}},
		{"endorsement", []byte(`{"type": ["VerifiableCredential", "EndorsementCredential"]}`), portfolio.CodeRefused, []string{"endorsement"}},
		{"other VC", []byte(`{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "DriverLicense"]}`), portfolio.CodeRefused,
			[]string{"not an Open Badges one", "DriverLicense"}},
		{"JWS with a broken header", []byte("eyJhbGciOi.eyJhIjoxfQ.c2ln"), portfolio.CodeRefused, []string{"looks like a signed badge", "header is damaged"}},
		{"JWS with a broken payload", []byte("eyJhbGciOiJSUzI1NiJ9.%%%.c2ln"), portfolio.CodeRefused, []string{"not an Open Badges file"}},
		{"JWS with a damaged payload", []byte("eyJhbGciOiJSUzI1NiJ9.e.c2ln"), portfolio.CodeRefused, []string{"content is damaged"}},
		{"JWS whose payload is not a badge", token(t, map[string]any{"alg": "RS256"}, map[string]any{"hello": "world"}), portfolio.CodeRefused,
			[]string{"The signed content of the file is JSON, but not an Open Badges assertion"}},
		{"URL", []byte("https://badges.example.org/assertions/7d1f\n"), portfolio.CodeRefused, []string{"holds only the address"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read(tc.data)
			if err == nil {
				t.Fatalf("read %+v", b)
			}
			if code := portfolio.Code(err); code != tc.code {
				t.Errorf("code %s, want %s (%v)", code, tc.code, err)
			}
			wantWords(t, "error", err.Error(), tc.words...)
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message spans lines: %q", err)
			}
		})
	}
}
