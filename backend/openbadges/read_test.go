package openbadges

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// wantOB2 is what the embedded OB2 fixture claims, whatever container it comes in.
func wantOB2(t *testing.T, b Badge) {
	t.Helper()
	got := b
	got.Format, got.Raw, got.Token = "", nil, ""
	want := Badge{
		Version:         "2.0",
		Achievement:     "AI in Pedagogy: Practitioner",
		AchievementID:   "https://badges.example.org/badges/ai-pedagogy",
		Description:     "Designs and evaluates lessons that use AI tools responsibly.",
		Criteria:        "Submit a redesigned lesson and a reflection.",
		CriteriaURL:     "https://badges.example.org/badges/ai-pedagogy/criteria",
		Image:           "https://badges.example.org/assertions/7d1f/image.png",
		Issuer:          "Northfield Teacher Academy",
		IssuerID:        "https://badges.example.org/issuer",
		IssuerURL:       "https://academy.example.org",
		IssuerEmail:     "badges@academy.example.org",
		Recipients:      []Recipient{{Type: "email", Identity: sha256Identity(profileEmail, salt), Hashed: true, Salt: salt}},
		IssuedOn:        time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC),
		ExpiresOn:       time.Date(2027, 3, 14, 0, 0, 0, 0, time.UTC),
		CredentialID:    "https://badges.example.org/assertions/7d1f",
		VerificationURL: "https://badges.example.org/assertions/7d1f",
		Evidence: []Evidence{
			{ID: "https://ana.example.org/ai-lesson", Name: "Lesson redesign", Narrative: "Redesigned a unit with an AI tutor."},
			{ID: "https://ana.example.org/reflection"},
		},
		Verification: VerificationHosted,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("claims\n got %+v\nwant %+v", got, want)
	}
	var raw map[string]any
	if err := json.Unmarshal(b.Raw, &raw); err != nil || raw["id"] != want.CredentialID {
		t.Errorf("Raw is not the assertion: %s (%v)", b.Raw, err)
	}
}

func TestReadOB2(t *testing.T) {
	assertion := marshal(t, ob2Assertion())
	for _, tc := range []struct {
		name   string
		data   []byte
		format Format
	}{
		{"json", assertion, FormatOB2JSON},
		{"json with BOM and blank lines", append([]byte("\xEF\xBB\xBF\n\n"), assertion...), FormatOB2JSON},
		{"png", bakePNG(t, "openbadges", assertion, false), FormatOB2PNG},
		{"png compressed", bakePNG(t, "openbadges", assertion, true), FormatOB2PNG},
		{"png tEXt", insertChunk(plainPNG(t, 16), chunk("tEXt", append([]byte("openbadges\x00"), assertion...))), FormatOB2PNG},
		{"svg", bakeSVG("assertion", "https://badges.example.org/assertions/7d1f", assertion), FormatOB2SVG},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := mustRead(t, tc.data)
			if b.Format != tc.format {
				t.Errorf("format %q, want %q", b.Format, tc.format)
			}
			wantOB2(t, b)
		})
	}
}

func TestReadOB2Signed(t *testing.T) {
	a := ob2Assertion()
	a["id"] = "urn:uuid:2f3c4e5a-9b1d-4c7e-8a6f-0d2b3c4d5e6f"
	a["verification"] = map[string]any{"type": "SignedBadge", "creator": "https://badges.example.org/keys/1"}
	jws := token(t, map[string]any{"alg": "RS256"}, a)
	for _, tc := range []struct {
		name   string
		data   []byte
		format Format
	}{
		{"jws", jws, FormatOB2JWS},
		{"png", bakePNG(t, "openbadges", jws, false), FormatOB2PNG},
		{"svg", bakeSVG("assertion", string(jws), nil), FormatOB2SVG},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := mustRead(t, tc.data)
			if b.Format != tc.format || !b.Signed || b.SignatureType != "RS256" || b.Token != string(jws) ||
				b.Verification != VerificationSigned || b.SignedBy != "https://badges.example.org/keys/1" {
				t.Errorf("got format %q signed %v %q token %v verification %q by %q", b.Format, b.Signed, b.SignatureType,
					b.Token == string(jws), b.Verification, b.SignedBy)
			}
			if b.Achievement != "AI in Pedagogy: Practitioner" || b.VerificationURL != "" {
				t.Errorf("claims %q, verification URL %q", b.Achievement, b.VerificationURL)
			}
			sig := findingsByCheck(t, b.Check([]string{profileEmail}, now))[CheckSignature]
			if sig.Status != StatusNotChecked {
				t.Errorf("signature %+v", sig)
			}
			wantWords(t, "signature", sig.Detail, "RS256", "https://badges.example.org/keys/1", "not checked")
		})
	}
}

func TestReadOB2BadgeByURL(t *testing.T) {
	a := ob2Assertion()
	a["badge"] = "https://badges.example.org/badges/ai-pedagogy.json"
	b := mustRead(t, marshal(t, a))
	if b.Achievement != "" || b.Issuer != "" || b.AchievementID != "https://badges.example.org/badges/ai-pedagogy.json" || b.Image == "" {
		t.Errorf("got achievement %q issuer %q id %q image %q", b.Achievement, b.Issuer, b.AchievementID, b.Image)
	}
	f := findingsByCheck(t, b.Check([]string{profileEmail}, now))
	if d := f[CheckDetailsIncluded]; d.Status != StatusNotChecked {
		t.Errorf("details %+v", d)
	} else {
		wantWords(t, "details", d.Detail, "only by its address, https://badges.example.org/badges/ai-pedagogy.json", "never goes online", "by hand")
	}
	if f[CheckWellFormed].Status != StatusPassed {
		t.Errorf("a badge given by URL is well-formed 2.0: %+v", f[CheckWellFormed])
	}
}

func TestReadOB3(t *testing.T) {
	cred := marshal(t, ob3Credential())
	want := Badge{
		Version:         "3.0",
		Achievement:     "Digital Citizenship Educator",
		AchievementID:   "https://credentials.example.edu/achievements/dce",
		Description:     "Teaches safe and ethical use of digital tools.",
		Criteria:        "Completed the 30-hour course and a classroom project.",
		Image:           "https://credentials.example.edu/achievements/dce.png",
		Issuer:          "Example State University",
		IssuerID:        "https://credentials.example.edu/issuers/565049",
		IssuerURL:       "https://www.example.edu",
		Recipients:      []Recipient{{Type: "email", Identity: sha256Identity(profileEmail, salt), Hashed: true, Salt: salt}},
		IssuedOn:        time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC),
		ExpiresOn:       time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		CredentialID:    "https://credentials.example.edu/3732",
		VerificationURL: "https://credentials.example.edu/3732",
		Evidence:        []Evidence{{ID: "https://ana.example.org/dce-project", Name: "Classroom project"}},
		Verification:    VerificationProof,
		Signed:          true,
		SignatureType:   "DataIntegrityProof eddsa-rdfc-2022",
		SignedBy:        "https://credentials.example.edu/issuers/565049#key-1",
		StatusURL:       "https://credentials.example.edu/status/3#94567",
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		format Format
	}{
		{"json", cred, FormatOB3JSON},
		{"png", bakePNG(t, "openbadgecredential", cred, true), FormatOB3PNG},
		{"svg", bakeSVG("credential", "", cred), FormatOB3SVG},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := mustRead(t, tc.data)
			if b.Format != tc.format {
				t.Errorf("format %q, want %q", b.Format, tc.format)
			}
			got := b
			got.Format, got.Raw = "", nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("claims\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestReadOB3JWT(t *testing.T) {
	// A VC 1.1 credential in a JWT: the dates, id, issuer and subject come from the JWT claims.
	vc := ob3Credential()
	vc["@context"] = []any{"https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"}
	for _, k := range []string{"id", "issuer", "validFrom", "validUntil", "proof"} {
		delete(vc, k)
	}
	vc["credentialSubject"].(map[string]any)["identifier"] = nil
	payload := map[string]any{
		"iss": "did:web:credentials.example.edu", "jti": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
		"sub": "mailto:" + profileEmail, "nbf": 1725148800, "exp": 1788220800, "vc": vc,
	}
	jwt := token(t, map[string]any{"alg": "ES256", "kid": "did:web:credentials.example.edu#key-0", "typ": "JWT"}, payload)
	for _, data := range [][]byte{jwt, bakePNG(t, "openbadgecredential", jwt, false)} {
		b := mustRead(t, data)
		if b.Format != FormatOB3JWT && b.Format != FormatOB3PNG {
			t.Errorf("format %q", b.Format)
		}
		if b.Version != "3.0" || b.Verification != VerificationJWT || !b.Signed || b.SignatureType != "ES256" ||
			b.SignedBy != "did:web:credentials.example.edu#key-0" || b.IssuerID != "did:web:credentials.example.edu" ||
			b.CredentialID != "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002" || b.VerificationURL != "" ||
			!b.IssuedOn.Equal(time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)) || !b.ExpiresOn.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)) ||
			!reflect.DeepEqual(b.Recipients, []Recipient{{Type: "email", Identity: profileEmail}}) {
			t.Errorf("got %+v", b)
		}
		f := findingsByCheck(t, b.Check([]string{"Ana.Lima@Example.org"}, now))
		for _, c := range []string{CheckWellFormed, CheckRecipient, CheckNotExpired, CheckAlreadyValid} {
			if f[c].Status != StatusPassed {
				t.Errorf("%s: %+v", c, f[c])
			}
		}
		wantWords(t, "signature", f[CheckSignature].Detail, "JWT (ES256)", "not verified", "#key-0")
		wantWords(t, "details", f[CheckDetailsIncluded].Detail, "names the issuer only by its address, did:web:credentials.example.edu")
	}
}

// The Badge survives a round trip through JSON, as the store keeps it, and checks the same.
func TestBadgeJSONRoundTrip(t *testing.T) {
	for _, data := range [][]byte{marshal(t, ob2Assertion()), marshal(t, ob3Credential())} {
		b := mustRead(t, data)
		j, back := roundTrip(t, b)
		if !reflect.DeepEqual(back.Check([]string{profileEmail}, now), b.Check([]string{profileEmail}, now)) {
			t.Errorf("checks differ after a round trip through %s", j)
		}
		var fields map[string]any
		if err := json.Unmarshal(j, &fields); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"format", "version", "achievement", "issuer", "recipients", "issuedOn", "expiresOn", "credentialId", "signed", "raw"} {
			if _, ok := fields[k]; !ok {
				t.Errorf("JSON lacks %q: %s", k, j)
			}
		}
	}
}
