package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image"
	"image/color"
	"image/png"

	"github.com/readyfolio/readyfolio/backend/openbadges"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// badgeSalt salts the hash of the sample educator's email in the sample badge, as issuers do so
// that the address cannot be read from the badge.
const badgeSalt = "lakeview-demo"

// addCredentials records the sample educator's credentials: an Open Badges 2.0 badge baked
// into a PNG, made out to the sample email, and a certification typed in by hand.
func addCredentials(ctx context.Context, w *workspace.Workspace) (int, error) {
	badge, err := sampleBadge()
	if err != nil {
		return 0, err
	}
	if _, err := w.ImportBadgeData(ctx, "ai-pedagogy-practitioner.png", badge); err != nil {
		return 0, err
	}
	_, err = w.AddCredential(ctx, portfolio.Credential{
		Kind: portfolio.CredentialCertification, Name: "Certified Data Privacy Practitioner for Schools",
		Issuer: "State Education Technology Association", IssuedOn: "2025-06-20", ExpiresOn: "2028-06-20",
		CredentialID: "SETA-DPP-20417", VerificationURL: "https://seta.example.org/verify/SETA-DPP-20417",
	}, "")
	if err != nil {
		return 1, err
	}
	return 2, nil
}

// sampleBadge is an Open Badges 2.0 assertion for the sample educator, baked into a PNG.
func sampleBadge() ([]byte, error) {
	sum := sha256.Sum256([]byte(sampleProfile.Email + badgeSalt))
	assertion := map[string]any{
		"@context": "https://w3id.org/openbadges/v2",
		"type":     "Assertion",
		"id":       "https://academy.example.org/assertions/5c2e8a",
		"recipient": map[string]any{
			"type": "email", "hashed": true, "salt": badgeSalt, "identity": "sha256$" + hex.EncodeToString(sum[:]),
		},
		"badge": map[string]any{
			"type": "BadgeClass", "id": "https://academy.example.org/badges/ai-pedagogy",
			"name":        "AI in Pedagogy: Practitioner",
			"description": "Designs, pilots and evaluates lessons that use AI tools responsibly.",
			"criteria":    map[string]any{"narrative": "A redesigned unit, evidence of its effect on learning, and a peer-reviewed reflection."},
			"image":       "https://academy.example.org/badges/ai-pedagogy.png",
			"issuer": map[string]any{
				"type": "Issuer", "id": "https://academy.example.org/issuer", "name": "Northfield Teacher Academy",
				"url": "https://academy.example.org", "email": "badges@academy.example.org",
			},
		},
		"issuedOn":     "2025-04-11T15:00:00Z",
		"expires":      "2028-04-11T00:00:00Z",
		"verification": map[string]any{"type": "hosted"},
	}
	text, err := json.MarshalIndent(assertion, "", "  ")
	if err != nil {
		return nil, err
	}
	return openbadges.BakePNG(badgeImage(), openbadges.KeywordOB2, text)
}

// badgeImage draws a round badge: a teal disc in an amber ring.
func badgeImage() []byte {
	const size = 128
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	r := float64(size) / 2
	for y := range size {
		for x := range size {
			dx, dy := float64(x)-r+0.5, float64(y)-r+0.5
			switch d := dx*dx + dy*dy; {
			case d < (r-12)*(r-12):
				img.Set(x, y, color.NRGBA{R: 0x0f, G: 0x76, B: 0x6e, A: 0xff})
			case d < r*r:
				img.Set(x, y, color.NRGBA{R: 0xf5, G: 0x9e, B: 0x0b, A: 0xff})
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img) // cannot fail writing to memory
	return buf.Bytes()
}
