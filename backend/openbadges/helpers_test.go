package openbadges

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"
)

// The educator of the fixtures, and the salt their badges were hashed with.
const (
	profileEmail = "ana.lima@example.org"
	salt         = "deadsea"
)

// now is the clock of the tests: the fixtures were issued before it, some expire after it.
var now = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func sha256Identity(address, salt string) string {
	sum := sha256.Sum256([]byte(address + salt))
	return "sha256$" + hex.EncodeToString(sum[:])
}

func md5Identity(address, salt string) string {
	sum := md5.Sum([]byte(address + salt))
	return "md5$" + hex.EncodeToString(sum[:])
}

// ob2Assertion is an Open Badges 2.0 assertion with its BadgeClass and Issuer embedded, issued
// to profileEmail as a salted SHA-256 hash, verified by hosting.
func ob2Assertion() map[string]any {
	return map[string]any{
		"@context": "https://w3id.org/openbadges/v2",
		"type":     "Assertion",
		"id":       "https://badges.example.org/assertions/7d1f",
		"recipient": map[string]any{
			"type": "email", "hashed": true, "salt": salt,
			"identity": sha256Identity(profileEmail, salt),
		},
		"issuedOn": "2024-03-14T09:30:00Z",
		"expires":  "2027-03-14T00:00:00Z",
		"image":    "https://badges.example.org/assertions/7d1f/image.png",
		"evidence": []any{
			map[string]any{"id": "https://ana.example.org/ai-lesson", "name": "Lesson redesign", "narrative": "Redesigned a unit with an AI tutor."},
			"https://ana.example.org/reflection",
		},
		"verification": map[string]any{"type": "hosted"},
		"badge": map[string]any{
			"type":        "BadgeClass",
			"id":          "https://badges.example.org/badges/ai-pedagogy",
			"name":        "AI in Pedagogy: Practitioner",
			"description": "Designs and evaluates lessons that use AI tools responsibly.",
			"image":       map[string]any{"id": "https://badges.example.org/badges/ai-pedagogy.png"},
			"criteria": map[string]any{
				"id":        "https://badges.example.org/badges/ai-pedagogy/criteria",
				"narrative": "Submit a redesigned lesson and a reflection.",
			},
			"issuer": map[string]any{
				"type": "Issuer", "id": "https://badges.example.org/issuer",
				"name": "Northfield Teacher Academy", "url": "https://academy.example.org",
				"email": "badges@academy.example.org",
			},
		},
	}
}

// ob3Credential is an Open Badges 3.0 OpenBadgeCredential issued to profileEmail as a hashed
// identifier, with an embedded proof and a status list.
func ob3Credential() map[string]any {
	return map[string]any{
		"@context": []any{
			"https://www.w3.org/ns/credentials/v2",
			"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
		},
		"id":   "https://credentials.example.edu/3732",
		"type": []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name": "Digital Citizenship Educator",
		"issuer": map[string]any{
			"id": "https://credentials.example.edu/issuers/565049", "type": []any{"Profile"},
			"name": "Example State University", "url": "https://www.example.edu",
		},
		"validFrom":  "2024-09-01T00:00:00Z",
		"validUntil": "2026-09-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"type": []any{"AchievementSubject"},
			"identifier": []any{map[string]any{
				"type": "IdentityObject", "identityType": "emailAddress", "hashed": true, "salt": salt,
				"identityHash": sha256Identity(profileEmail, salt),
			}},
			"achievement": map[string]any{
				"id":          "https://credentials.example.edu/achievements/dce",
				"type":        []any{"Achievement"},
				"name":        "Digital Citizenship Educator",
				"description": "Teaches safe and ethical use of digital tools.",
				"criteria":    map[string]any{"narrative": "Completed the 30-hour course and a classroom project."},
				"image":       map[string]any{"id": "https://credentials.example.edu/achievements/dce.png", "type": "Image"},
			},
		},
		"evidence": []any{map[string]any{"id": "https://ana.example.org/dce-project", "type": []any{"Evidence"}, "name": "Classroom project"}},
		"credentialStatus": map[string]any{
			"id": "https://credentials.example.edu/status/3#94567", "type": "BitstringStatusListEntry",
		},
		"proof": map[string]any{
			"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
			"verificationMethod": "https://credentials.example.edu/issuers/565049#key-1",
			"proofPurpose":       "assertionMethod", "proofValue": "z58DAdFfa9SkqZMVPxAQp",
		},
	}
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// token makes a compact JWS of payload; the signature is made-up bytes (Read never checks it).
func token(t testing.TB, header map[string]any, payload any) []byte {
	t.Helper()
	enc := base64.RawURLEncoding
	h, err := json.Marshal(header)
	if err != nil {
		t.Fatal(err)
	}
	p, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(enc.EncodeToString(h) + "." + enc.EncodeToString(p) + "." + enc.EncodeToString([]byte("not a real signature")))
}

// plainPNG draws a real PNG: a round badge on a transparent ground.
func plainPNG(t testing.TB, size int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	r := float64(size) / 2
	for y := range size {
		for x := range size {
			dx, dy := float64(x)-r+0.5, float64(y)-r+0.5
			switch d := dx*dx + dy*dy; {
			case d < (r-6)*(r-6):
				img.Set(x, y, color.NRGBA{R: 0x1f, G: 0x6f, B: 0xb4, A: 0xff})
			case d < r*r:
				img.Set(x, y, color.NRGBA{R: 0xf2, G: 0xb7, B: 0x05, A: 0xff})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// chunk encodes one PNG chunk with its CRC.
func chunk(typ string, body []byte) []byte { return pngChunk(typ, body) }

// insertChunk puts a chunk right after IHDR (signature 8 bytes + IHDR 25 bytes).
func insertChunk(img, c []byte) []byte {
	const afterIHDR = 8 + 25
	return append(append(bytes.Clone(img[:afterIHDR]), c...), img[afterIHDR:]...)
}

// iTXt builds the body of an iTXt chunk, compressing the text when asked.
func iTXt(t testing.TB, keyword string, text []byte, compressed bool) []byte {
	t.Helper()
	body := append([]byte(keyword), 0)
	if !compressed {
		body = append(body, 0, 0, 0, 0) // flag, method, empty language, empty translated keyword
		return append(body, text...)
	}
	body = append(body, 1, 0, 0, 0)
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	if _, err := w.Write(text); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return append(body, z.Bytes()...)
}

// bakePNG bakes text into a real PNG under keyword, as Open Badges bakers do; compressed uses
// a zlib-compressed iTXt chunk, which BakePNG never writes but readers must accept.
func bakePNG(t testing.TB, keyword string, text []byte, compressed bool) []byte {
	t.Helper()
	if compressed {
		return insertChunk(plainPNG(t, 32), chunk("iTXt", iTXt(t, keyword, text, true)))
	}
	baked, err := BakePNG(plainPNG(t, 32), keyword, text)
	if err != nil {
		t.Fatal(err)
	}
	return baked
}

// bakeSVG bakes an Open Badges 2.0 assertion (element "assertion") or 3.0 credential
// ("credential") into an SVG, the JSON as CDATA and verify as the attribute.
func bakeSVG(element, verify string, text []byte) []byte {
	ns := "http://openbadges.org"
	if element == "credential" {
		ns = "https://purl.imsglobal.org/ob/v3p0"
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="` + ns + `" width="64" height="64" viewBox="0 0 64 64">` + "\n")
	b.WriteString(`  <openbadges:` + element + ` verify="` + verify + `">`)
	if len(text) > 0 {
		b.WriteString("<![CDATA[" + string(text) + "]]>")
	}
	b.WriteString(`</openbadges:` + element + ">\n")
	b.WriteString(`  <circle cx="32" cy="32" r="30" fill="#1f6fb4" stroke="#f2b705" stroke-width="4"/>` + "\n")
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// findingsByCheck indexes Check's findings, failing on a missing or repeated check.
func findingsByCheck(t *testing.T, findings []Finding) map[string]Finding {
	t.Helper()
	out := map[string]Finding{}
	for _, f := range findings {
		if _, dup := out[f.Check]; dup {
			t.Fatalf("check %s reported twice", f.Check)
		}
		out[f.Check] = f
	}
	for _, c := range allChecks {
		if _, ok := out[c]; !ok {
			t.Fatalf("check %s missing from %+v", c, findings)
		}
	}
	return out
}

var allChecks = []string{CheckWellFormed, CheckRecipient, CheckNotExpired, CheckAlreadyValid,
	CheckDetailsIncluded, CheckRevocation, CheckSignature}

// checkShape returns Check's findings for b, failing unless there is one per check, in order,
// each with a known status and a sentence.
func checkShape(t testing.TB, b Badge, emails []string) []Finding {
	t.Helper()
	got := b.Check(emails, now)
	if len(got) != len(allChecks) {
		t.Fatalf("%d findings: %+v", len(got), got)
	}
	for i, f := range got {
		if f.Check != allChecks[i] || f.Detail == "" ||
			f.Status != StatusPassed && f.Status != StatusFailed && f.Status != StatusNotChecked {
			t.Fatalf("finding %d: %+v", i, f)
		}
	}
	return got
}

// roundTrip passes b through JSON, as the store keeps it, and returns the JSON and what came back.
func roundTrip(t testing.TB, b Badge) ([]byte, Badge) {
	t.Helper()
	j, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var back Badge
	if err := json.Unmarshal(j, &back); err != nil {
		t.Fatal(err)
	}
	return j, back
}

func mustRead(t *testing.T, data []byte) Badge {
	t.Helper()
	b, err := Read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return b
}

func wantWords(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("%s %q lacks %q", what, text, w)
		}
	}
}
