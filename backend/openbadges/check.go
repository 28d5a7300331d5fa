package openbadges

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Status is the outcome of one check.
type Status string

const (
	StatusPassed     Status = "passed"
	StatusFailed     Status = "failed"
	StatusNotChecked Status = "not_checked" // it cannot be checked offline, or there was nothing to check against
)

// The checks, in the order Check reports them.
const (
	CheckWellFormed      = "well_formed"      // the fields the version requires are there and readable
	CheckRecipient       = "recipient"        // it was issued to one of the profile's email addresses
	CheckNotExpired      = "not_expired"      // its expiry date, if any, has not passed
	CheckAlreadyValid    = "already_valid"    // its issue (valid-from) date is not in the future
	CheckDetailsIncluded = "details_included" // the badge and issuer are in the file, not only their URLs
	CheckRevocation      = "revocation"       // whether the issuer revoked it: only the file's own word, never online
	CheckSignature       = "signature"        // the issuer's signature and keys: never checked offline
)

// Finding is the outcome of one check, with a sentence for the educator.
type Finding struct {
	Check  string `json:"check"` // one of the Check constants
	Status Status `json:"status"`
	Detail string `json:"detail"`
}

// Check says what could be verified offline for this badge, given the educator's email
// addresses and the time now. It always returns every check, in the order of the Check
// constants; revocation and signature are not_checked unless the file itself says the badge was
// revoked, because both need the issuer's servers. The well-formed check reads Raw again, so a
// Badge kept as JSON can be checked later.
func (b Badge) Check(emails []string, now time.Time) []Finding {
	return []Finding{
		b.checkWellFormed(),
		b.checkRecipient(emails),
		b.checkNotExpired(now),
		b.checkAlreadyValid(now),
		b.checkDetailsIncluded(),
		b.checkRevocation(),
		b.checkSignature(),
	}
}

func (b Badge) checkWellFormed() Finding {
	f := Finding{Check: CheckWellFormed}
	if len(b.Raw) == 0 {
		f.Status, f.Detail = StatusNotChecked, "The badge's own data (its JSON) is not at hand, so its form could not be checked."
		return f
	}
	parsed, p, err := parse(b.Raw, "The badge's data")
	if err != nil {
		f.Status, f.Detail = StatusFailed, portfolio.Message(err)
		return f
	}
	what := "an assertion (its context and type, an id, the recipient, the badge, the issue date and how to verify it)"
	if parsed.Version == "3.0" {
		what = "a credential (its contexts and types, an id, the issuer, the recipient's achievement and the date it takes effect)"
	}
	if len(p) == 0 {
		f.Status, f.Detail = StatusPassed, fmt.Sprintf("It has everything Open Badges %s requires of %s.", parsed.Version, what)
		return f
	}
	f.Status = StatusFailed
	f.Detail = fmt.Sprintf("It lacks what Open Badges %s requires of %s: %s.", parsed.Version, strings.SplitN(what, " (", 2)[0], strings.Join(p, "; "))
	return f
}

func (b Badge) checkRecipient(emails []string) Finding {
	f := Finding{Check: CheckRecipient, Status: StatusNotChecked}
	var addresses []string
	for _, e := range emails {
		if e = strings.TrimSpace(e); e != "" {
			addresses = append(addresses, e)
		}
	}
	var byEmail []Recipient
	for _, r := range b.Recipients {
		if r.Type == "email" || r.Type == "" && (r.Hashed || strings.Contains(r.Identity, "@")) {
			byEmail = append(byEmail, r)
		}
	}
	switch {
	case len(b.Recipients) == 0:
		f.Status, f.Detail = StatusFailed, "The badge names no recipient, so nothing in it shows that it was issued to you."
		return f
	case len(byEmail) == 0:
		r := b.Recipients[0]
		f.Detail = fmt.Sprintf("The badge names its recipient by %s (%s), not by email address; ReadyFolio compares only email addresses, so check that it is yours.",
			orWord(r.Type, "identity"), short(r.Identity))
		return f
	case len(addresses) == 0:
		f.Detail = "Your profile has no email address to compare with the badge's recipient; add yours to the profile."
		return f
	}
	comparable := false
	for _, r := range byEmail {
		if _, _, ok := splitHash(r.Identity); r.Hashed && !ok {
			continue
		}
		comparable = true
		for _, a := range addresses {
			if !recipientIs(r, a) {
				continue
			}
			f.Status = StatusPassed
			if r.Hashed {
				alg, _, _ := splitHash(r.Identity)
				f.Detail = fmt.Sprintf("It was issued to %s, your profile's email address (the badge holds the address only as a salted %s hash, and it matches).", a, strings.ToUpper(alg))
			} else {
				f.Detail = fmt.Sprintf("It was issued to %s, your profile's email address.", a)
			}
			return f
		}
	}
	if !comparable {
		f.Detail = fmt.Sprintf("The badge holds its recipient's email address as a hash ReadyFolio cannot compute (%s); check that it is yours.", short(byEmail[0].Identity))
		return f
	}
	f.Status = StatusFailed
	if r := byEmail[0]; !r.Hashed {
		f.Detail = fmt.Sprintf("It was issued to %s, which is not an email address in your profile (%s). If that address is yours, add it to the profile.",
			short(strings.TrimPrefix(r.Identity, "mailto:")), strings.Join(addresses, ", "))
	} else {
		f.Detail = fmt.Sprintf("The badge holds its recipient's email address only as a hash, and it matches none of your profile's addresses (%s). If the badge went to another address of yours, add it to the profile.",
			strings.Join(addresses, ", "))
	}
	return f
}

// recipientIs says whether an email recipient is address: plain, compared without regard to
// case; hashed per Open Badges, "<alg>$" + hex(alg(address + salt)), tried with the address as
// written and in lower case (issuers differ on which they hash).
func recipientIs(r Recipient, address string) bool {
	if !r.Hashed {
		return strings.EqualFold(strings.TrimPrefix(strings.TrimSpace(r.Identity), "mailto:"), address)
	}
	alg, want, ok := splitHash(r.Identity)
	if !ok {
		return false
	}
	for _, candidate := range []string{address, strings.ToLower(address)} {
		var sum []byte
		if alg == "sha256" {
			s := sha256.Sum256([]byte(candidate + r.Salt))
			sum = s[:]
		} else {
			s := md5.Sum([]byte(candidate + r.Salt))
			sum = s[:]
		}
		if hex.EncodeToString(sum) == want {
			return true
		}
	}
	return false
}

// splitHash splits a hashed identity "sha256$<hex>" or "md5$<hex>" into the algorithm and the
// lower-case hex digest.
func splitHash(identity string) (alg, digest string, ok bool) {
	alg, digest, ok = strings.Cut(strings.TrimSpace(identity), "$")
	alg, digest = strings.ToLower(alg), strings.ToLower(digest)
	size := map[string]int{"sha256": sha256.Size, "md5": md5.Size}[alg]
	if b, err := hex.DecodeString(digest); !ok || err != nil || size == 0 || len(b) != size {
		return "", "", false
	}
	return alg, digest, true
}

func (b Badge) checkNotExpired(now time.Time) Finding {
	f := Finding{Check: CheckNotExpired}
	switch {
	case b.ExpiresOn.IsZero():
		f.Status, f.Detail = StatusPassed, "It has no expiry date."
	case !now.Before(b.ExpiresOn):
		f.Status, f.Detail = StatusFailed, fmt.Sprintf("It expired on %s.", day(b.ExpiresOn))
	default:
		f.Status, f.Detail = StatusPassed, fmt.Sprintf("It is valid until %s.", day(b.ExpiresOn))
	}
	return f
}

func (b Badge) checkAlreadyValid(now time.Time) Finding {
	f := Finding{Check: CheckAlreadyValid}
	switch {
	case b.IssuedOn.IsZero():
		f.Status, f.Detail = StatusNotChecked, "It gives no date of issue, so when it took effect is unknown."
	case now.Before(b.IssuedOn):
		f.Status, f.Detail = StatusFailed, fmt.Sprintf("It takes effect only on %s, which is still to come.", day(b.IssuedOn))
	default:
		f.Status, f.Detail = StatusPassed, fmt.Sprintf("It was issued on %s.", day(b.IssuedOn))
	}
	return f
}

func (b Badge) checkDetailsIncluded() Finding {
	var gaps []string
	online := false
	switch {
	case b.Achievement != "":
	case b.AchievementID != "":
		gaps, online = append(gaps, "names the badge only by its address, "+short(b.AchievementID)), true
	default:
		gaps = append(gaps, "gives no name for the badge")
	}
	switch {
	case b.Issuer != "":
	case b.IssuerID != "":
		gaps, online = append(gaps, "names the issuer only by its address, "+short(b.IssuerID)), true
	case b.AchievementID != "" && b.Achievement == "":
		// An issuer is named by the BadgeClass that the file does not hold.
	default:
		gaps = append(gaps, "gives no name for the issuer")
	}
	f := Finding{Check: CheckDetailsIncluded, Status: StatusNotChecked}
	switch {
	case len(gaps) == 0:
		f.Status, f.Detail = StatusPassed, "The badge's name and its issuer are in the file itself; they are shown as the file states them, not confirmed with the issuer."
	case online:
		f.Detail = "The file " + strings.Join(gaps, " and ") + ". ReadyFolio never goes online, so what is there (the badge's name, criteria and issuer) is not known offline; enter it by hand from the issuer's page."
	default:
		f.Detail = "The file " + strings.Join(gaps, " and ") + "; enter what is missing by hand."
	}
	return f
}

func (b Badge) checkRevocation() Finding {
	f := Finding{Check: CheckRevocation, Status: StatusNotChecked}
	switch {
	case b.Revoked && b.RevocationReason != "":
		f.Status, f.Detail = StatusFailed, fmt.Sprintf("The file itself says the issuer revoked this badge: %s.", short(strings.TrimRight(b.RevocationReason, ".")))
	case b.Revoked:
		f.Status, f.Detail = StatusFailed, "The file itself says the issuer revoked this badge."
	case b.StatusURL != "":
		f.Detail = fmt.Sprintf("Could not check offline whether the issuer has revoked it: the issuer publishes its status at %s, which ReadyFolio does not fetch.", short(b.StatusURL))
	case b.Verification == VerificationHosted && b.VerificationURL != "":
		f.Detail = fmt.Sprintf("Could not check offline whether the issuer has revoked it: the issuer would say so at %s, which ReadyFolio does not fetch.", short(b.VerificationURL))
	default:
		f.Detail = "Could not check offline whether the issuer has revoked it: only the issuer can say, online."
	}
	return f
}

func (b Badge) checkSignature() Finding {
	f := Finding{Check: CheckSignature, Status: StatusNotChecked}
	key := ""
	if b.SignedBy != "" {
		key = " (" + short(b.SignedBy) + ")"
	}
	switch {
	case b.Verification == VerificationHosted:
		at := ""
		if b.VerificationURL != "" {
			at = ", " + short(b.VerificationURL)
		}
		f.Detail = fmt.Sprintf("The issuer vouches for this badge by hosting it at its address%s; ReadyFolio does not go online, so it could not confirm that the issuer hosts it there, and the issuer's signature and keys cannot be checked without fetching them.", at)
	case b.Verification == VerificationSigned && b.Signed:
		f.Detail = fmt.Sprintf("The file carries the issuer's signature (%s), but the key that checks it%s is published online and was not fetched, so the signature and the issuer's keys were not checked.", orWord(b.SignatureType, "JWS"), key)
	case b.Verification == VerificationSigned:
		f.Detail = "The assertion says it is signed, but the file holds no signature with it, so there is nothing to check; ask the issuer for the signed badge."
	case b.Signed && b.Verification == VerificationProof || b.Signed && b.Verification == VerificationJWT:
		how := "carries a proof (" + orWord(b.SignatureType, "of an unnamed type") + ")"
		if b.Verification == VerificationJWT {
			how = "is signed as a JWT (" + orWord(b.SignatureType, "unnamed algorithm") + ")"
		}
		f.Detail = fmt.Sprintf("The credential %s, but it was not verified: checking it needs the issuer's key%s, which is published online and was not fetched.", how, key)
	case b.Version == "3.0":
		f.Detail = "The credential carries no proof or signature, so nothing in it shows that the issuer made it; the issuer's keys could not be checked either."
	default:
		f.Detail = "The file does not say how the issuer vouches for it, so neither a signature nor the issuer's keys could be checked."
	}
	return f
}

// day shows a date, with the time only when it is not midnight UTC.
func day(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2 January 2006")
	}
	return t.Format("2 January 2006, 15:04 UTC")
}

func orWord(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
