package portfolio

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// CredentialKind says what sort of credential the educator earned.
type CredentialKind string

const (
	CredentialCertification   CredentialKind = "certification"
	CredentialMicroCredential CredentialKind = "micro_credential"
	CredentialBadge           CredentialKind = "badge"
)

// Credential is a certification, micro-credential or badge the educator earned. The credential
// file itself (a certificate PDF, an Open Badges assertion, a baked badge image) lives in the
// blob store; BadgeFormat says which Open Badges format it is, "" when it is none.
type Credential struct {
	ID              string         `json:"id"`
	Kind            CredentialKind `json:"kind"`
	Name            string         `json:"name"`
	Issuer          string         `json:"issuer"`
	IssuedOn        string         `json:"issuedOn"`  // YYYY-MM-DD or empty
	ExpiresOn       string         `json:"expiresOn"` // YYYY-MM-DD, empty when it does not expire
	CredentialID    string         `json:"credentialId"`
	VerificationURL string         `json:"verificationUrl"`
	FileName        string         `json:"fileName,omitempty"`
	MediaType       string         `json:"mediaType,omitempty"`
	Size            int64          `json:"size,omitempty"`
	SHA256          string         `json:"sha256,omitempty"`
	BadgeFormat     string         `json:"badgeFormat,omitempty"`
	Position        int            `json:"position"`
	CreatedAt       time.Time      `json:"createdAt"`
	UpdatedAt       time.Time      `json:"updatedAt"`
}

// HeldOn reports whether the credential is still valid on the day given as YYYY-MM-DD: it has
// no expiry date or expires on that day or later.
func (c Credential) HeldOn(day string) bool {
	return c.ExpiresOn == "" || c.ExpiresOn >= day
}

// NormalizeCredential trims a credential's fields and checks them, with a message that names
// the field to fix.
func NormalizeCredential(c Credential) (Credential, error) {
	switch c.Kind {
	case "":
		c.Kind = CredentialCertification
	case CredentialCertification, CredentialMicroCredential, CredentialBadge:
	default:
		return c, Errorf(CodeInvalid, "A credential is a certification, micro_credential or badge, not %q.", c.Kind)
	}
	for _, f := range []*string{&c.Name, &c.Issuer, &c.CredentialID, &c.VerificationURL, &c.IssuedOn, &c.ExpiresOn} {
		*f = strings.Join(strings.Fields(*f), " ")
	}
	if c.Name == "" {
		return c, Errorf(CodeInvalid, "Give the credential a name.")
	}
	for _, f := range []struct{ name, value string }{{"name", c.Name}, {"issuer", c.Issuer}, {"credential id", c.CredentialID}} {
		if utf8.RuneCountInString(f.value) > maxTitleRunes {
			return c, Errorf(CodeInvalid, "The credential's %s is longer than %d characters; shorten it.", f.name, maxTitleRunes)
		}
	}
	for _, d := range []struct{ name, value string }{{"date earned", c.IssuedOn}, {"expiry date", c.ExpiresOn}} {
		if err := checkDate(d.name, d.value); err != nil {
			return c, err
		}
	}
	if c.IssuedOn != "" && c.ExpiresOn != "" && c.ExpiresOn < c.IssuedOn {
		return c, Errorf(CodeInvalid, "The expiry date %s is before the date earned %s.", c.ExpiresOn, c.IssuedOn)
	}
	if c.VerificationURL != "" {
		u, err := url.Parse(c.VerificationURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return c, Errorf(CodeInvalid, "The verification URL %q is not a web address; it should start with https://.", c.VerificationURL)
		}
	}
	return c, nil
}
