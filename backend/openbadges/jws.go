package openbadges

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// looksLikeToken says whether text is a compact JWS or JWT: three base64url parts joined by
// dots, the first a JSON object.
func looksLikeToken(text []byte) bool {
	if !bytes.HasPrefix(text, []byte("e")) || bytes.Count(text, []byte(".")) != 2 {
		return false
	}
	for _, c := range text {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '=') {
			return false
		}
	}
	// The header starts with "{": its first base64 character is "e" and the second encodes the
	// low bits of "{" (so one of "w" to "z"), whatever white space follows.
	return len(text) > 1 && text[1] >= 'w' && text[1] <= 'z'
}

// fromToken reads a compact JWS (a signed 2.0 assertion) or JWT (a 3.0 VC-JWT). The signature is
// kept but not checked: the key that checks it is published online by the issuer.
func fromToken(text []byte, where string) (Badge, error) {
	parts := bytes.Split(text, []byte("."))
	damaged := func(part string) error {
		return portfolio.Errorf(portfolio.CodeRefused,
			"%s looks like a signed badge (a JWS), but its %s is damaged; ask the issuer for the badge file again.", where, part)
	}
	var h struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	header, err := decodeSegment(parts[0])
	if err == nil {
		err = json.Unmarshal(header, &h)
	}
	if err != nil {
		return Badge{}, damaged("header")
	}
	payload, err := decodeSegment(parts[1])
	if err != nil {
		return Badge{}, damaged("content")
	}
	b, _, err := parse(payload, "The signed content of "+lowerFirst(where))
	if err != nil {
		return Badge{}, err
	}
	b.Token = string(text)
	b.Signed = len(parts[2]) > 0 && h.Alg != "" && !strings.EqualFold(h.Alg, "none")
	b.SignatureType = h.Alg
	if b.Version == "3.0" {
		b.Verification = VerificationJWT
	} else {
		b.Verification = VerificationSigned
	}
	if b.SignedBy == "" {
		b.SignedBy = h.Kid
	}
	return b, nil
}

// decodeSegment decodes one base64url part of a token, with or without padding.
func decodeSegment(s []byte) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(string(s), "="))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
