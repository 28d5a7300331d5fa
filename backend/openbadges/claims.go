package openbadges

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// parse reads an assertion's or credential's JSON: the claims, and the problems (what its
// version requires that it lacks or gets wrong, as short phrases for Check). It fails only when
// the JSON is not valid or is not an Open Badges 2.0 or 3.0 document at all. where starts the
// error messages.
func parse(raw []byte, where string) (Badge, []string, error) {
	raw = trimText(raw)
	if !utf8.Valid(raw) {
		return Badge{}, nil, portfolio.Errorf(portfolio.CodeRefused,
			"%s is not valid UTF-8 text, so it is not Open Badges JSON; ask the issuer for the badge file again.", where)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return Badge{}, nil, jsonError(raw, err, where)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return Badge{}, nil, portfolio.Errorf(portfolio.CodeRefused,
			"%s is JSON, but %s rather than one badge; choose the file of a single badge (an Open Badges assertion or credential).",
			where, jsonKind(doc))
	}
	// A VC-JWT's payload holds the credential in its "vc" claim, beside the JWT's own claims.
	var jwt map[string]any
	if vc, ok := m["vc"].(map[string]any); ok && m["@context"] == nil {
		m, jwt = vc, m
	}
	version, err := classify(m, where)
	if err != nil {
		return Badge{}, nil, err
	}
	var b Badge
	var p problems
	if version == "3.0" {
		b, p = readOB3(m, jwt)
	} else {
		b, p = readOB2(m)
	}
	b.Raw = json.RawMessage(bytes.Clone(raw))
	return b, p, nil
}

// The @context URLs that name each version (matched as substrings, so both the short form and
// a versioned context file count).
const (
	contextOB2  = "w3id.org/openbadges/v2"
	contextOB2b = "openbadgespec.org/v2"
	contextOB1  = "w3id.org/openbadges/v1"
	contextOB3  = "purl.imsglobal.org/spec/ob/v3p0"
	contextCLR  = "purl.imsglobal.org/spec/clr/v2p0"
	contextVC1  = "https://www.w3.org/2018/credentials/v1"
	contextVC2  = "https://www.w3.org/ns/credentials/v2"
)

// classify tells the version of a document, or why it is not a badge this package reads.
func classify(m map[string]any, where string) (string, error) {
	ctx, types := strs(m["@context"]), strs(m["type"])
	refuse := func(format string, args ...any) (string, error) {
		return "", portfolio.Errorf(portfolio.CodeRefused, where+" "+format, args...)
	}
	notAward := "describes %s, not an award of a badge to someone: it names no recipient. Import the badge's assertion or credential (the file you received), not this one."
	switch {
	case hasAny(types, "ClrCredential") || contains(ctx, contextCLR):
		return refuse("is a Comprehensive Learner Record, which holds many achievements; ReadyFolio reads one badge at a time, so import each badge's own file.")
	case hasAny(types, "EndorsementCredential", "Endorsement"):
		return refuse("is an endorsement (what someone says about a badge or issuer), not a badge; import the badge's own file.")
	case hasAny(types, "OpenBadgeCredential", "AchievementCredential"):
		return "3.0", nil
	case hasAny(types, "Assertion"):
		return "2.0", nil
	case hasAny(types, "BadgeClass", "Achievement"):
		return refuse(notAward, "a badge (the badge's definition)")
	case hasAny(types, "Issuer", "Profile"):
		return refuse(notAward, "an issuer")
	case hasAny(types, "CryptographicKey"):
		return refuse(notAward, "an issuer's public key")
	case contains(ctx, contextOB3):
		return "3.0", nil
	case contains(ctx, contextOB2) || contains(ctx, contextOB2b):
		return "2.0", nil
	case contains(ctx, contextOB1) || m["uid"] != nil || m["verify"] != nil || isString(m["recipient"]) && m["badge"] != nil:
		return refuse("is an Open Badges 1.0 (or older) assertion, which ReadyFolio does not read. Ask the issuer for the badge as Open Badges 2.0 or 3.0, or enter its details by hand.")
	case hasAny(types, "VerifiableCredential"):
		return refuse("is a verifiable credential, but not an Open Badges one (its type is %s); ReadyFolio reads Open Badges 2.0 and 3.0. Enter its details by hand.",
			strings.Join(types, ", "))
	}
	return refuse("is JSON, but not an Open Badges assertion or credential (it has no Open Badges @context or type). Choose the badge file (a PNG or SVG image with the badge baked in, or the badge's JSON).")
}

// readOB2 reads an Open Badges 2.0 assertion.
func readOB2(m map[string]any) (Badge, problems) {
	var p problems
	b := Badge{Version: "2.0", CredentialID: str(m, "id")}
	if !contains(strs(m["@context"]), contextOB2) && !contains(strs(m["@context"]), contextOB2b) {
		p.add(`"@context" does not name Open Badges 2.0 (https://w3id.org/openbadges/v2)`)
	}
	if !hasAny(strs(m["type"]), "Assertion") {
		p.add(`"type" is not "Assertion"`)
	}
	if b.CredentialID == "" {
		p.add(`"id" is missing`)
	}

	if r, ok := m["recipient"].(map[string]any); ok {
		rec := Recipient{Type: str(r, "type"), Identity: str(r, "identity"), Hashed: r["hashed"] == true, Salt: str(r, "salt")}
		p.recipient(rec, "recipient")
		b.Recipients = append(b.Recipients, rec)
	} else {
		p.add(`"recipient" is missing`)
	}

	switch badge := m["badge"].(type) {
	case string:
		b.AchievementID = strings.TrimSpace(badge)
	case map[string]any:
		b.AchievementID = str(badge, "id")
		b.Achievement = str(badge, "name")
		b.Description = str(badge, "description")
		b.CriteriaURL, b.Criteria = criteria(badge["criteria"])
		b.Image = imageOf(badge["image"])
		if b.Achievement == "" {
			p.add(`"badge.name" is missing`)
		}
		if !profile(&b, badge["issuer"]) {
			p.add(`"badge.issuer" is missing`)
		} else if _, embedded := badge["issuer"].(map[string]any); embedded && b.Issuer == "" {
			p.add(`"badge.issuer.name" is missing`)
		}
	default:
		p.add(`"badge" is missing`)
	}
	if img := imageOf(m["image"]); img != "" {
		b.Image = img // the image of this award, baked for its recipient
	}

	b.IssuedOn = p.date(m, "issuedOn", true)
	b.ExpiresOn = p.date(m, "expires", false)

	v, _ := m["verification"].(map[string]any)
	switch typ := strings.ToLower(str(v, "type")); typ {
	case "hosted", "hostedbadge":
		b.Verification = VerificationHosted
		if isWebAddress(b.CredentialID) {
			b.VerificationURL = b.CredentialID
		}
	case "signed", "signedbadge":
		b.Verification = VerificationSigned
		b.SignedBy = str(v, "creator")
	case "":
		p.add(`"verification" is missing`)
	default:
		p.add(fmt.Sprintf(`"verification.type" is %s, neither "hosted" nor "signed"`, quote(str(v, "type"))))
	}

	b.Evidence = evidence(m["evidence"])
	b.Revoked = m["revoked"] == true
	b.RevocationReason = str(m, "revocationReason")
	return b, p
}

// readOB3 reads an Open Badges 3.0 credential; jwt holds the claims of the VC-JWT it came in
// (nil otherwise), which stand in for the credential's own fields where those are missing.
func readOB3(m, jwt map[string]any) (Badge, problems) {
	var p problems
	b := Badge{Version: "3.0", CredentialID: str(m, "id")}
	ctx, types := strs(m["@context"]), strs(m["type"])
	if len(ctx) == 0 || ctx[0] != contextVC1 && ctx[0] != contextVC2 {
		p.add(`"@context" does not start with the W3C Verifiable Credentials context`)
	}
	if !contains(ctx, contextOB3) {
		p.add(`"@context" does not name Open Badges 3.0 (https://purl.imsglobal.org/spec/ob/v3p0/…)`)
	}
	if !hasAny(types, "VerifiableCredential") {
		p.add(`"type" does not include "VerifiableCredential"`)
	}
	if !hasAny(types, "OpenBadgeCredential", "AchievementCredential") {
		p.add(`"type" includes neither "OpenBadgeCredential" nor "AchievementCredential"`)
	}
	if b.CredentialID == "" {
		b.CredentialID = str(jwt, "jti")
	}
	if b.CredentialID == "" {
		p.add(`"id" is missing`)
	}
	if isWebAddress(b.CredentialID) {
		b.VerificationURL = b.CredentialID
	}

	issuer := m["issuer"]
	if issuer == nil && str(jwt, "iss") != "" {
		issuer = str(jwt, "iss")
	}
	if !profile(&b, issuer) {
		p.add(`"issuer" is missing`)
	} else if b.IssuerID == "" {
		p.add(`"issuer.id" is missing`)
	}

	from, until := "validFrom", "validUntil"
	if m[from] == nil && m["issuanceDate"] != nil {
		from = "issuanceDate"
	}
	if m[until] == nil && m["expirationDate"] != nil {
		until = "expirationDate"
	}
	if m[from] == nil && jwt["nbf"] != nil {
		b.IssuedOn = p.date(jwt, "nbf", true)
	} else {
		b.IssuedOn = p.date(m, from, true)
	}
	if m[until] == nil && jwt["exp"] != nil {
		b.ExpiresOn = p.date(jwt, "exp", false)
	} else {
		b.ExpiresOn = p.date(m, until, false)
	}

	subject := object(m["credentialSubject"])
	if subject == nil {
		p.add(`"credentialSubject" is missing`)
	}
	achievement := object(subject["achievement"])
	if subject != nil && achievement == nil {
		p.add(`"credentialSubject.achievement" is missing`)
	}
	b.AchievementID = str(achievement, "id")
	b.Achievement = str(achievement, "name")
	if achievement != nil && b.Achievement == "" {
		p.add(`"credentialSubject.achievement.name" is missing`)
	}
	if b.Achievement == "" {
		b.Achievement = str(m, "name")
	}
	b.Description = str(achievement, "description")
	if b.Description == "" {
		b.Description = str(m, "description")
	}
	b.CriteriaURL, b.Criteria = criteria(achievement["criteria"])
	if b.Image = imageOf(m["image"]); b.Image == "" {
		b.Image = imageOf(achievement["image"])
	}

	id := str(subject, "id")
	if id == "" {
		id = str(jwt, "sub")
	}
	if email, ok := strings.CutPrefix(id, "mailto:"); ok {
		b.Recipients = append(b.Recipients, Recipient{Type: "email", Identity: email})
	} else if id != "" {
		b.Recipients = append(b.Recipients, Recipient{Type: "id", Identity: id})
	}
	for i, v := range list(subject["identifier"]) {
		o, _ := v.(map[string]any)
		rec := Recipient{Type: str(o, "identityType"), Identity: str(o, "identityHash"), Hashed: o["hashed"] == true, Salt: str(o, "salt")}
		if rec.Type == "emailAddress" {
			rec.Type = "email"
		}
		p.recipient(rec, fmt.Sprintf("credentialSubject.identifier[%d]", i))
		b.Recipients = append(b.Recipients, rec)
	}

	for _, v := range list(m["evidence"]) {
		b.Evidence = append(b.Evidence, evidence(v)...)
	}
	if status := object(m["credentialStatus"]); status != nil {
		if b.StatusURL = str(status, "id"); b.StatusURL == "" {
			b.StatusURL = str(status, "statusListCredential")
		}
	}
	if proofs := list(m["proof"]); len(proofs) > 0 {
		proof, _ := proofs[0].(map[string]any)
		b.Verification = VerificationProof
		b.Signed = true
		b.SignatureType = strings.TrimSpace(strings.Join(strs(proof["type"]), ", ") + " " + str(proof, "cryptosuite"))
		b.SignedBy = str(proof, "verificationMethod")
	}
	return b, p
}

// problems collects what a document's version requires that it lacks, as short phrases.
type problems []string

func (p *problems) add(s string) { *p = append(*p, s) }

// date reads a date field (RFC 3339, a date alone, or Unix seconds).
func (p *problems) date(m map[string]any, key string, required bool) time.Time {
	v, ok := m[key]
	if !ok || v == nil {
		if required {
			p.add(fmt.Sprintf("%q is missing", key))
		}
		return time.Time{}
	}
	t, ok := parseDate(v)
	if !ok {
		p.add(fmt.Sprintf("%q is not a date (%s)", key, quote(fmt.Sprint(v))))
	}
	return t
}

// recipient notes what is wrong with one recipient identity.
func (p *problems) recipient(r Recipient, field string) {
	if r.Identity == "" {
		p.add(fmt.Sprintf("%q has no identity", field))
	}
	if r.Type == "" {
		p.add(fmt.Sprintf("%q has no type", field))
	}
	if _, _, ok := splitHash(r.Identity); r.Hashed && r.Identity != "" && !ok {
		p.add(fmt.Sprintf(`%q is marked hashed, but its identity is not "sha256$…" or "md5$…"`, field))
	}
}

var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05.999999999", "2006-01-02"}

// parseDate reads a date; one without a time zone is taken as UTC.
func parseDate(v any) (time.Time, bool) {
	switch x := v.(type) {
	case string:
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, strings.TrimSpace(x)); err == nil {
				return t, true
			}
		}
	case float64: // Unix seconds, as JWT claims and some old assertions have them
		if x > 0 && x < 1e11 {
			return time.Unix(int64(x), 0).UTC(), true
		}
	}
	return time.Time{}, false
}

// profile reads an issuer given as an id or as an object; it says whether there was one.
func profile(b *Badge, v any) bool {
	switch x := v.(type) {
	case string:
		b.IssuerID = strings.TrimSpace(x)
		return b.IssuerID != ""
	case map[string]any:
		b.IssuerID, b.Issuer = str(x, "id"), str(x, "name")
		b.IssuerURL, b.IssuerEmail = str(x, "url"), str(x, "email")
		return true
	}
	return false
}

// criteria reads 2.0 criteria (a URL or {id, narrative}) and 3.0 criteria ({id, narrative}).
func criteria(v any) (url, narrative string) {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x), ""
	case map[string]any:
		return str(x, "id"), str(x, "narrative")
	}
	return "", ""
}

// imageOf reads an image given as a URL (or data: URI) or as an Image object.
func imageOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return str(x, "id")
	}
	return ""
}

// evidence reads evidence given as a URL, an object or a list of either.
func evidence(v any) []Evidence {
	var out []Evidence
	for _, e := range list(v) {
		switch x := e.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				out = append(out, Evidence{ID: s})
			}
		case map[string]any:
			ev := Evidence{ID: str(x, "id"), Name: str(x, "name"), Narrative: str(x, "narrative")}
			if ev != (Evidence{}) {
				out = append(out, ev)
			}
		}
	}
	return out
}

// str returns a text field, trimmed; "" when it is missing or not text (m may be nil).
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return strings.TrimSpace(s)
}

// strs returns the texts of a field that may be one text or a list (others are skipped).
func strs(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s, ok := e.(string); ok {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// list returns a list field's items; a single value counts as a list of one.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// object returns an object field, or the first object of a list of them.
func object(v any) map[string]any {
	for _, e := range list(v) {
		if o, ok := e.(map[string]any); ok {
			return o
		}
	}
	return nil
}

func hasAny(values []string, wanted ...string) bool {
	for _, v := range values {
		for _, w := range wanted {
			if v == w {
				return true
			}
		}
	}
	return false
}

// contains says whether one of the values contains sub.
func contains(values []string, sub string) bool {
	for _, v := range values {
		if strings.Contains(v, sub) {
			return true
		}
	}
	return false
}

func isString(v any) bool { _, ok := v.(string); return ok }

func isWebAddress(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// jsonError turns a decoding error into a message that says where the JSON went wrong.
func jsonError(data []byte, err error, where string) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		if syntax.Offset >= int64(len(data)) {
			return portfolio.Errorf(portfolio.CodeRefused,
				"%s ends in the middle of its JSON (line %d); it is incomplete, so download or export it again.",
				where, bytes.Count(data, []byte("\n"))+1)
		}
		line, col := position(data, syntax.Offset-1)
		return portfolio.Errorf(portfolio.CodeRefused,
			"%s is not valid JSON (line %d, column %d: %s); it is damaged or not a badge. Ask the issuer for the badge file again.",
			where, line, col, syntax.Error())
	}
	return portfolio.Errorf(portfolio.CodeRefused, "%s is not valid JSON (%v); ask the issuer for the badge file again.", where, err)
}

// position returns the 1-based line and column (in characters) of a byte offset.
func position(data []byte, offset int64) (line, col int) {
	offset = max(0, min(offset, int64(len(data))))
	before := data[:offset]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// jsonKind names a JSON value that is not an object, for a message.
func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case string:
		return "a text"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	}
	return "null"
}
