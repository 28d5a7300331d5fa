// Package openbadges reads Open Badges files offline: it says what a badge claims (achievement,
// issuer, recipient, dates, criteria) and, with Badge.Check, what of that could be checked
// without going online and what could not.
//
// Read takes the bytes of a file and tells its format from them:
//
//   - Open Badges 2.0: an assertion as JSON, as a compact JWS (a signed assertion), baked into a
//     PNG (an iTXt chunk with the keyword "openbadges") or into an SVG (<openbadges:assertion>,
//     the JSON in its text or a JWS in its verify attribute);
//   - Open Badges 3.0: an OpenBadgeCredential or AchievementCredential as JSON, as a VC-JWT,
//     baked into a PNG (iTXt "openbadgecredential") or into an SVG (<openbadges:credential>).
//
// Nothing is ever fetched. A badge that names its BadgeClass or issuer only by address is read
// with what the file holds, and Check says that the rest is unknown offline. A baked image that
// holds only the address of its assertion (hosted baking, as Open Badges 1.0 did) is refused with
// a message that says how to get the assertion itself, since there are no claims to show.
//
// Every error about the file is a *portfolio.Error with portfolio.CodeRefused (not a badge,
// damaged, unsupported) or portfolio.CodeTooLarge, whose message says in plain words what is
// wrong and what to do; portfolio.Code tells those apart from bugs (CodeInternal).
package openbadges

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const (
	// MaxFileSize is the largest file Read accepts. Baked badges are images of a few hundred KB.
	MaxFileSize = 20 << 20
	// MaxAssertionSize is the most text an assertion or credential may take, on its own or once
	// found in an image (after decompressing a compressed PNG chunk, the bound against
	// decompression bombs). Badges take a few KB; an embedded data: image can take more.
	MaxAssertionSize = 1 << 20
)

// Format names how a badge came: the Open Badges version and the container.
type Format string

const (
	FormatOB2JSON Format = "ob2-json" // an Open Badges 2.0 assertion as JSON
	FormatOB2JWS  Format = "ob2-jws"  // a signed 2.0 assertion as a compact JWS, on its own
	FormatOB2PNG  Format = "ob2-png"  // a 2.0 assertion (JSON or JWS) baked into a PNG
	FormatOB2SVG  Format = "ob2-svg"  // a 2.0 assertion (JSON or JWS) baked into an SVG
	FormatOB3JSON Format = "ob3-json" // an Open Badges 3.0 credential as JSON
	FormatOB3JWT  Format = "ob3-jwt"  // a 3.0 credential as a VC-JWT, on its own
	FormatOB3PNG  Format = "ob3-png"  // a 3.0 credential (JSON or JWT) baked into a PNG
	FormatOB3SVG  Format = "ob3-svg"  // a 3.0 credential (JSON or JWT) baked into an SVG
)

// How the issuer vouches for a badge (Badge.Verification).
const (
	VerificationHosted = "hosted" // 2.0: the issuer hosts the assertion at its id
	VerificationSigned = "signed" // 2.0: a JWS by the issuer's key
	VerificationProof  = "proof"  // 3.0: an embedded proof (Data Integrity, JWS linked data)
	VerificationJWT    = "jwt"    // 3.0: the credential is a VC-JWT
)

// Badge is what an Open Badges file claims. Nothing in it has been confirmed with the issuer:
// Check says what could be checked offline. Text fields are as the file states them; URLs are
// never fetched.
type Badge struct {
	Format  Format `json:"format"`
	Version string `json:"version"` // "2.0" or "3.0"

	Achievement   string `json:"achievement,omitempty"`   // the BadgeClass's or achievement's name
	AchievementID string `json:"achievementId,omitempty"` // its id: the only thing known when the file gives just its URL
	Description   string `json:"description,omitempty"`
	Criteria      string `json:"criteria,omitempty"`    // the criteria narrative
	CriteriaURL   string `json:"criteriaUrl,omitempty"` // the criteria page
	Image         string `json:"image,omitempty"`       // an image URL or data: URI, never fetched

	Issuer      string `json:"issuer,omitempty"` // the issuer's name
	IssuerID    string `json:"issuerId,omitempty"`
	IssuerURL   string `json:"issuerUrl,omitempty"`
	IssuerEmail string `json:"issuerEmail,omitempty"`

	// Recipients are the identities the badge was issued to: one for 2.0; for 3.0 the credential
	// subject's id and each of its identifiers.
	Recipients []Recipient `json:"recipients,omitempty"`

	IssuedOn  time.Time `json:"issuedOn,omitzero"`  // 2.0 issuedOn; 3.0 validFrom, issuanceDate or the JWT's nbf
	ExpiresOn time.Time `json:"expiresOn,omitzero"` // 2.0 expires; 3.0 validUntil, expirationDate or the JWT's exp

	CredentialID    string     `json:"credentialId,omitempty"`    // the assertion's or credential's id
	VerificationURL string     `json:"verificationUrl,omitempty"` // where the issuer hosts it (its id, when that is a web address)
	Evidence        []Evidence `json:"evidence,omitempty"`

	Verification  string `json:"verification,omitempty"`  // one of the Verification constants, "" when the file does not say
	Signed        bool   `json:"signed"`                  // the file carries a signature or proof (never checked offline)
	SignatureType string `json:"signatureType,omitempty"` // the JWS alg, or the proof's type and cryptosuite
	SignedBy      string `json:"signedBy,omitempty"`      // the key it names: 2.0 creator, 3.0 verificationMethod, JWS kid
	StatusURL     string `json:"statusUrl,omitempty"`     // 3.0 credentialStatus: where the issuer publishes revocations

	Revoked          bool   `json:"revoked,omitempty"` // the file itself says the badge was revoked
	RevocationReason string `json:"revocationReason,omitempty"`

	// Raw is the assertion's or credential's JSON as found in the file (a JWS's payload): the
	// canonical source of everything above, which Check reads again.
	Raw json.RawMessage `json:"raw"`
	// Token is the compact JWS or JWT as found, when the badge came signed that way.
	Token string `json:"token,omitempty"`
}

// Recipient is one identity a badge was issued to.
type Recipient struct {
	// Type is "email" (2.0 "email", 3.0 "emailAddress" or a mailto: id), "id" (a 3.0 subject id
	// that is not an email address) or the file's own word ("url", "telephone", "sourcedId", ...).
	Type string `json:"type"`
	// Identity is the identity as written: plain, or "sha256$<hex>" / "md5$<hex>" when Hashed.
	Identity string `json:"identity"`
	Hashed   bool   `json:"hashed"`
	Salt     string `json:"salt,omitempty"`
}

// Evidence is one piece of evidence the badge cites.
type Evidence struct {
	ID        string `json:"id,omitempty"` // usually a URL, never fetched
	Name      string `json:"name,omitempty"`
	Narrative string `json:"narrative,omitempty"`
}

// Read detects the format of an Open Badges file from its bytes (PNG signature, SVG, JSON, a
// compact JWS or JWT) and returns what the badge claims. A document recognised as Open Badges
// 2.0 or 3.0 is returned even when it lacks fields its version requires: Check reports those.
// Errors are *portfolio.Error (CodeRefused, CodeTooLarge); see the package comment.
func Read(data []byte) (Badge, error) {
	if len(data) > MaxFileSize {
		return Badge{}, portfolio.Errorf(portfolio.CodeTooLarge,
			"The file is larger than 20 MB, far more than any badge; choose the badge itself (a PNG or SVG image with the badge baked in, or its JSON).")
	}
	if bytes.HasPrefix(data, pngSignature) {
		return readPNG(data)
	}
	text := trimText(data)
	switch {
	case len(text) == 0:
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			"The file is empty; choose the badge file (a PNG or SVG image with the badge baked in, or the badge's JSON).")
	case isHTML(text):
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			"This is a web page, not a badge file. If it is the issuer's page for the badge, look there for a download of the badge (a PNG or SVG image, or its JSON) and import that.")
	case text[0] == '<':
		return readSVG(text)
	case text[0] == '{' || text[0] == '[' || looksLikeToken(text) || isURL(text):
		return fromText(text, containerFile, "The file")
	}
	return Badge{}, notABadgeFile(data)
}

// Where a badge's text was found; it picks the Format.
type container int

const (
	containerFile container = iota // a JSON or token file on its own
	containerPNG
	containerSVG
)

func format(version string, c container, token bool) Format {
	v3 := version == "3.0"
	switch {
	case c == containerPNG && v3:
		return FormatOB3PNG
	case c == containerPNG:
		return FormatOB2PNG
	case c == containerSVG && v3:
		return FormatOB3SVG
	case c == containerSVG:
		return FormatOB2SVG
	case token && v3:
		return FormatOB3JWT
	case token:
		return FormatOB2JWS
	case v3:
		return FormatOB3JSON
	}
	return FormatOB2JSON
}

// fromText reads the text that holds a badge: JSON, a compact JWS/JWT, or only a URL. where
// starts the error messages ("The file", "The badge data baked into this PNG").
func fromText(text []byte, c container, where string) (Badge, error) {
	text = trimText(text)
	if len(text) > MaxAssertionSize {
		return Badge{}, tooLarge()
	}
	var (
		b   Badge
		err error
	)
	switch {
	case len(text) == 0:
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			"%s is empty; ask the issuer for the badge file again.", where)
	case text[0] == '{' || text[0] == '[':
		b, _, err = parse(text, where)
	case looksLikeToken(text):
		b, err = fromToken(text, where)
	case isURL(text):
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			"%s holds only the address of the badge's assertion, %s. ReadyFolio never goes online, so it cannot follow it: open that address in a web browser, save what it shows as a .json file and import that file.",
			where, quote(string(text)))
	default:
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			"%s is neither JSON nor a signed badge, so it is not Open Badges data; ask the issuer for the badge file or the assertion JSON.", where)
	}
	if err != nil {
		return Badge{}, err
	}
	b.Format = format(b.Version, c, b.Token != "")
	return b, nil
}

// trimText drops a UTF-8 byte-order mark and surrounding white space.
func trimText(b []byte) []byte {
	return bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\xEF\xBB\xBF")))
}

// isHTML says whether text starts as a web page does.
func isHTML(text []byte) bool {
	head := strings.ToLower(string(text[:min(len(text), 15)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// isURL says whether text is one web address and nothing else.
func isURL(text []byte) bool {
	return (bytes.HasPrefix(text, []byte("https://")) || bytes.HasPrefix(text, []byte("http://"))) &&
		!bytes.ContainsAny(text, " \t\r\n")
}

// quote shows a file's text in a message: quoted, and cut short if long.
func quote(s string) string { return `"` + short(s) + `"` }

// short cuts a file's text for a message.
func short(s string) string {
	const most = 200
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most]) + "…"
	}
	return s
}

// notABadgeFile names what the file is when it is none of the formats badges come in.
func notABadgeFile(data []byte) error {
	kinds := []struct {
		magic, what string
	}{
		{"%PDF-", "a PDF document"},
		{"\xFF\xD8\xFF", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"BM", "a BMP image"},
		{"PK\x03\x04", "a ZIP archive"},
	}
	what := ""
	for _, k := range kinds {
		if bytes.HasPrefix(data, []byte(k.magic)) {
			what = k.what
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		what = "a WebP image"
	}
	switch what {
	case "":
		return portfolio.Errorf(portfolio.CodeRefused,
			"The file is not an Open Badges file: it is not a PNG or SVG image, JSON, or a signed badge. Choose the badge file (a PNG or SVG image with the badge baked in, or the badge's JSON).")
	case "a PDF document":
		return portfolio.Errorf(portfolio.CodeRefused,
			"This is a PDF document, not an Open Badges file. If it is a certificate, keep it as the credential's file and enter its details by hand; for a badge, ask the issuer for the baked PNG or SVG image, or the assertion JSON.")
	case "a ZIP archive":
		return portfolio.Errorf(portfolio.CodeRefused,
			"This is a ZIP archive, not an Open Badges file; extract it and import the badge file inside.")
	}
	return portfolio.Errorf(portfolio.CodeRefused,
		"This is %s: Open Badges are baked only into PNG and SVG images, so it holds no badge data. Ask the issuer for the baked PNG or SVG image, or the assertion JSON.", what)
}
