package openbadges

import (
	"testing"
	"time"
)

func TestCheckRecipient(t *testing.T) {
	plain := func(identity string) map[string]any {
		a := ob2Assertion()
		a["recipient"] = map[string]any{"type": "email", "hashed": false, "identity": identity}
		return a
	}
	hashed := func(identity, salt string) map[string]any {
		a := ob2Assertion()
		a["recipient"] = map[string]any{"type": "email", "hashed": true, "salt": salt, "identity": identity}
		return a
	}
	ob3 := func(identifier map[string]any) map[string]any {
		c := ob3Credential()
		c["credentialSubject"].(map[string]any)["identifier"] = []any{identifier}
		return c
	}
	for _, tc := range []struct {
		name   string
		doc    map[string]any
		emails []string
		status Status
		words  []string
	}{
		{"sha256 matches", ob2Assertion(), []string{"other@example.org", profileEmail}, StatusPassed, []string{profileEmail, "SHA256"}},
		{"sha256 matches the address in lower case", ob2Assertion(), []string{" Ana.Lima@Example.ORG "}, StatusPassed, []string{"Ana.Lima@Example.ORG"}},
		{"sha256 upper-case hex", hashed("SHA256$"+sha256Identity(profileEmail, salt)[7:], salt), []string{profileEmail}, StatusPassed, nil},
		{"sha256 of another address", ob2Assertion(), []string{"ana@school.example"}, StatusFailed, []string{"hash", "none of your profile's addresses (ana@school.example)"}},
		{"sha256 with the wrong salt", hashed(sha256Identity(profileEmail, "other"), salt), []string{profileEmail}, StatusFailed, []string{"hash"}},
		{"unsalted sha256", hashed(sha256Identity(profileEmail, ""), ""), []string{profileEmail}, StatusPassed, nil},
		{"md5 matches", hashed(md5Identity(profileEmail, salt), salt), []string{profileEmail}, StatusPassed, []string{"MD5"}},
		{"md5 of another address", hashed(md5Identity("x@example.org", salt), salt), []string{profileEmail}, StatusFailed, nil},
		{"unknown hash", hashed("sha512$"+sha256Identity(profileEmail, salt)[7:], salt), []string{profileEmail}, StatusNotChecked, []string{"cannot compute"}},
		{"plain matches, any case", plain("Ana.Lima@EXAMPLE.org"), []string{profileEmail}, StatusPassed, []string{profileEmail}},
		{"plain differs", plain("someone@example.org"), []string{profileEmail}, StatusFailed, []string{"someone@example.org", "not an email address in your profile", "add it"}},
		{"no profile email", ob2Assertion(), []string{" ", ""}, StatusNotChecked, []string{"no email address"}},
		{"recipient by URL", with(ob2Assertion(), "recipient", map[string]any{"type": "url", "identity": "https://ana.example.org"}), []string{profileEmail}, StatusNotChecked, []string{"by url (https://ana.example.org)"}},
		{"no recipient", with(ob2Assertion(), "recipient", nil), []string{profileEmail}, StatusFailed, []string{"names no recipient"}},
		{"ob3 hashed identifier", ob3Credential(), []string{profileEmail}, StatusPassed, nil},
		{"ob3 plain identifier", ob3(map[string]any{"type": "IdentityObject", "identityType": "emailAddress", "hashed": false, "identityHash": profileEmail}), []string{profileEmail}, StatusPassed, nil},
		{"ob3 md5 identifier, other address", ob3(map[string]any{"identityType": "emailAddress", "hashed": true, "salt": "s", "identityHash": md5Identity("x@y.z", "s")}), []string{profileEmail}, StatusFailed, nil},
		{"ob3 mailto subject", with(ob3(map[string]any{"identityType": "studentId", "identityHash": "12345"}), "credentialSubject", map[string]any{
			"id": "mailto:" + profileEmail, "achievement": map[string]any{"name": "x"}}), []string{profileEmail}, StatusPassed, nil},
		{"ob3 student id only", ob3(map[string]any{"identityType": "sourcedId", "identityHash": "12345"}), []string{profileEmail}, StatusNotChecked, []string{"by sourcedId (12345)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := mustRead(t, marshal(t, tc.doc))
			f := findingsByCheck(t, b.Check(tc.emails, now))[CheckRecipient]
			if f.Status != tc.status {
				t.Fatalf("got %+v, want %s", f, tc.status)
			}
			wantWords(t, "detail", f.Detail, tc.words...)
		})
	}
}

// with sets one top-level field of doc (nil deletes it).
func with(doc map[string]any, key string, value any) map[string]any {
	if value == nil {
		delete(doc, key)
	} else {
		doc[key] = value
	}
	return doc
}

func TestCheckDates(t *testing.T) {
	for _, tc := range []struct {
		name             string
		doc              map[string]any
		expired, started Status
		words            []string
	}{
		{"ob2 valid", ob2Assertion(), StatusPassed, StatusPassed, []string{"valid until 14 March 2027", "issued on 14 March 2024, 09:30 UTC"}},
		{"ob2 expired", with(ob2Assertion(), "expires", "2025-05-31"), StatusFailed, StatusPassed, []string{"expired on 31 May 2025"}},
		{"ob2 expires exactly now", with(ob2Assertion(), "expires", now.Format(time.RFC3339)), StatusFailed, StatusPassed, nil},
		{"ob2 no expiry", with(ob2Assertion(), "expires", nil), StatusPassed, StatusPassed, []string{"no expiry date"}},
		{"ob2 issued in the future", with(ob2Assertion(), "issuedOn", "2025-07-01T00:00:00+02:00"), StatusPassed, StatusFailed, []string{"only on 30 June 2025, 22:00 UTC", "still to come"}},
		{"ob2 unix timestamp", with(ob2Assertion(), "issuedOn", 1700000000), StatusPassed, StatusPassed, []string{"14 November 2023"}},
		{"ob2 no issue date", with(ob2Assertion(), "issuedOn", nil), StatusPassed, StatusNotChecked, []string{"no date of issue"}},
		{"ob3 valid", ob3Credential(), StatusPassed, StatusPassed, []string{"valid until 1 September 2026"}},
		{"ob3 expired", with(ob3Credential(), "validUntil", "2025-01-31T23:59:59Z"), StatusFailed, StatusPassed, []string{"expired on 31 January 2025, 23:59 UTC"}},
		{"ob3 not yet valid", with(ob3Credential(), "validFrom", "2025-09-01T00:00:00Z"), StatusPassed, StatusFailed, []string{"1 September 2025"}},
		{"ob3 VC 1.1 dates", with(with(with(with(ob3Credential(), "validFrom", nil), "validUntil", nil), "issuanceDate", "2020-01-01T00:00:00Z"), "expirationDate", "2021-01-01T00:00:00Z"),
			StatusFailed, StatusPassed, []string{"expired on 1 January 2021", "issued on 1 January 2020"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := findingsByCheck(t, mustRead(t, marshal(t, tc.doc)).Check([]string{profileEmail}, now))
			if f[CheckNotExpired].Status != tc.expired || f[CheckAlreadyValid].Status != tc.started {
				t.Fatalf("not_expired %+v, already_valid %+v", f[CheckNotExpired], f[CheckAlreadyValid])
			}
			wantWords(t, "details", f[CheckNotExpired].Detail+" "+f[CheckAlreadyValid].Detail, tc.words...)
		})
	}
}

func TestCheckWellFormed(t *testing.T) {
	ob2Missing := ob2Assertion()
	for _, k := range []string{"@context", "verification", "issuedOn"} {
		delete(ob2Missing, k)
	}
	ob2Missing["badge"].(map[string]any)["name"] = ""
	ob2Missing["recipient"] = map[string]any{"type": "email", "hashed": true, "identity": "ana"}

	ob3Missing := ob3Credential()
	ob3Missing["@context"] = []any{"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}
	ob3Missing["type"] = "OpenBadgeCredential"
	ob3Missing["validFrom"] = "last Tuesday"
	delete(ob3Missing, "issuer")
	delete(ob3Missing["credentialSubject"].(map[string]any), "achievement")

	for _, tc := range []struct {
		name   string
		doc    map[string]any
		status Status
		words  []string
	}{
		{"ob2", ob2Assertion(), StatusPassed, []string{"everything Open Badges 2.0 requires"}},
		{"ob3", ob3Credential(), StatusPassed, []string{"everything Open Badges 3.0 requires"}},
		{"ob2 missing", ob2Missing, StatusFailed, []string{"lacks what Open Badges 2.0 requires of an assertion:",
			`"@context" does not name Open Badges 2.0`, `"badge.name" is missing`, `"issuedOn" is missing`, `"verification" is missing`, `"recipient" is marked hashed`}},
		{"ob2 unknown verification", with(ob2Assertion(), "verification", map[string]any{"type": "carrier pigeon"}), StatusFailed, []string{`"carrier pigeon"`}},
		{"ob3 missing", ob3Missing, StatusFailed, []string{"Open Badges 3.0", "Verifiable Credentials context", `"VerifiableCredential"`,
			`"validFrom" is not a date ("last Tuesday")`, `"issuer" is missing`, `"credentialSubject.achievement" is missing`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := findingsByCheck(t, mustRead(t, marshal(t, tc.doc)).Check(nil, now))[CheckWellFormed]
			if f.Status != tc.status {
				t.Fatalf("got %+v, want %s", f, tc.status)
			}
			wantWords(t, "detail", f.Detail, tc.words...)
		})
	}

	if f := findingsByCheck(t, (Badge{Version: "2.0"}).Check(nil, now))[CheckWellFormed]; f.Status != StatusNotChecked {
		t.Errorf("without Raw: %+v", f)
	}
	if f := findingsByCheck(t, (Badge{Raw: []byte(`{"a":1}`)}).Check(nil, now))[CheckWellFormed]; f.Status != StatusFailed {
		t.Errorf("Raw that is not a badge: %+v", f)
	}
}

// Revocation and the issuer's signature are never checked offline, whatever the badge; only a
// file that itself says it was revoked fails.
func TestCheckOnlineThingsNotChecked(t *testing.T) {
	noProof := ob3Credential()
	delete(noProof, "proof")
	delete(noProof, "credentialStatus")
	signedJSON := with(ob2Assertion(), "verification", map[string]any{"type": "signed", "creator": "https://k"})
	for _, tc := range []struct {
		name                  string
		doc                   map[string]any
		revocation, signature []string
	}{
		{"ob2 hosted", ob2Assertion(),
			[]string{"Could not check offline whether the issuer has revoked it", "https://badges.example.org/assertions/7d1f"},
			[]string{"hosting it", "cannot be checked without fetching them"}},
		{"ob2 signed, signature not in the file", signedJSON,
			[]string{"Could not check offline whether the issuer has revoked it"},
			[]string{"says it is signed", "no signature"}},
		{"ob3 with proof and status", ob3Credential(),
			[]string{"https://credentials.example.edu/status/3#94567", "does not fetch"},
			[]string{"proof (DataIntegrityProof eddsa-rdfc-2022)", "not verified", "#key-1"}},
		{"ob3 without proof", noProof,
			[]string{"Could not check offline"},
			[]string{"no proof", "keys could not be checked"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := findingsByCheck(t, mustRead(t, marshal(t, tc.doc)).Check([]string{profileEmail}, now))
			for check, words := range map[string][]string{CheckRevocation: tc.revocation, CheckSignature: tc.signature} {
				if f[check].Status != StatusNotChecked {
					t.Errorf("%s: %+v", check, f[check])
				}
				wantWords(t, check, f[check].Detail, words...)
			}
		})
	}

	revoked := with(with(ob2Assertion(), "revoked", true), "revocationReason", "Issued in error.")
	f := findingsByCheck(t, mustRead(t, marshal(t, revoked)).Check(nil, now))[CheckRevocation]
	if f.Status != StatusFailed {
		t.Fatalf("revoked: %+v", f)
	}
	wantWords(t, "revoked", f.Detail, "file itself says the issuer revoked", "Issued in error.")
}

func TestCheckOrderAndStatuses(t *testing.T) {
	for _, b := range []Badge{{}, mustRead(t, marshal(t, ob2Assertion())), mustRead(t, marshal(t, ob3Credential()))} {
		checkShape(t, b, []string{profileEmail})
	}
}
