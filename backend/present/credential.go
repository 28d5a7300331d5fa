package present

import (
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// The credentials section of the PDF and of the package's page.
const (
	CredentialsTitle = "Credentials"
	CredentialsIntro = "Certifications, micro-credentials and badges the educator has earned. Where the issuer " +
		"offers one, the verification address confirms a credential with the issuer; a credential's file travels " +
		"with the portfolio with the SHA-256 fingerprint that identifies it."
	// VerificationLabel labels a credential's verification address, which renderings link.
	VerificationLabel = "Verification"
)

// CredentialKindLabel names a kind of credential: "Micro-credential".
func CredentialKindLabel(k portfolio.CredentialKind) string {
	switch k {
	case portfolio.CredentialCertification:
		return "Certification"
	case portfolio.CredentialMicroCredential:
		return "Micro-credential"
	case portfolio.CredentialBadge:
		return "Badge"
	}
	return Capitalize(string(k))
}

// Day is t's calendar date as YYYY-MM-DD where t was taken: today by the educator's clock, a
// badge's dates as the issuer wrote them; "" for the zero time (no date).
func Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// DayDate writes a YYYY-MM-DD date in words, "30 June 2027"; anything else is returned as it is.
func DayDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return LongDate(t)
}

// CredentialExpiry says when a credential expires, in words, as of today (YYYY-MM-DD):
// "Expired on 10 January 2025", "Expires on 30 June 2027"; "" when it does not expire.
func CredentialExpiry(c portfolio.Credential, today string) string {
	switch {
	case c.ExpiresOn == "":
		return ""
	case !c.HeldOn(today):
		return "Expired on " + DayDate(c.ExpiresOn)
	}
	return "Expires on " + DayDate(c.ExpiresOn)
}

// CredentialFields are a credential's details in the order they are shown, as of today
// (YYYY-MM-DD): kind, issuer, date earned, expiry, the issuer's credential id and the
// verification address (label VerificationLabel). Empty ones are left out.
func CredentialFields(c portfolio.Credential, today string) []Block {
	var out []Block
	for _, f := range [][2]string{
		{"Kind", CredentialKindLabel(c.Kind)},
		{"Issuer", c.Issuer},
		{"Date earned", DayDate(c.IssuedOn)},
		{"Expiry", CredentialExpiry(c, today)},
		{"Credential ID", c.CredentialID},
		{VerificationLabel, c.VerificationURL},
	} {
		if OneLine(f[1]) != "" {
			out = append(out, Block{Kind: Field, Label: f[0], Text: f[1]})
		}
	}
	return out
}

// CredentialFile is a credential's file as an artifact, so that it is listed like the other
// files (name, type and size, SHA-256); ok is false when the credential has no file.
func CredentialFile(c portfolio.Credential) (portfolio.Artifact, bool) {
	if c.SHA256 == "" {
		return portfolio.Artifact{}, false
	}
	return portfolio.Artifact{ID: c.ID, Type: portfolio.ArtifactFile, FileName: c.FileName, MediaType: c.MediaType,
		Size: c.Size, SHA256: c.SHA256}, true
}
