package workspace

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/openbadges"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// sampleBadge is one of the badge files the openbadges package keeps for other packages' tests.
func sampleBadge(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join("..", "openbadges", "testdata", name)
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func findings(v CredentialView) map[string]openbadges.Status {
	out := map[string]openbadges.Status{}
	for _, f := range v.Findings {
		out[f.Check] = f.Status
	}
	return out
}

func TestImportBadgeFromABakedPNGAndCheckItAgainstTheProfile(t *testing.T) {
	w := openTemp(t) // the clock says 2026-01-02
	ctx := context.Background()
	p, _ := w.Store.Profile(ctx)
	p.Name, p.Email = "Ana Lima", "Ana.Lima@example.org"
	if _, err := w.Store.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	v, err := w.ImportBadge(ctx, sampleBadge(t, "ob2-baked.png"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Name != "AI in Pedagogy: Practitioner" || v.Issuer != "Northfield Teacher Academy" || v.Kind != portfolio.CredentialBadge ||
		v.IssuedOn != "2024-03-14" || v.ExpiresOn != "2027-03-14" || v.BadgeFormat != "ob2-png" || v.MediaType != "image/png" || !v.Held {
		t.Fatalf("imported = %+v", v.Credential)
	}
	if v.Badge == nil || v.Badge.Criteria == "" {
		t.Fatalf("the badge's claims are not shown: %+v", v.Badge)
	}
	got := findings(v)
	if got[openbadges.CheckRecipient] != openbadges.StatusPassed || got[openbadges.CheckNotExpired] != openbadges.StatusPassed ||
		got[openbadges.CheckRevocation] != openbadges.StatusNotChecked || got[openbadges.CheckSignature] != openbadges.StatusNotChecked {
		t.Fatalf("findings = %+v", v.Findings)
	}
	// The file is kept exactly as imported.
	stored, _ := os.ReadFile(mustPath(t, w, v.SHA256))
	original, _ := os.ReadFile(sampleBadge(t, "ob2-baked.png"))
	if string(stored) != string(original) {
		t.Fatal("the stored badge differs from the imported file")
	}
	// Another email in the profile: the recipient check now fails, and says so.
	p.Email = "someone.else@example.org"
	w.Store.SaveProfile(ctx, p)
	v, _ = w.Credential(ctx, v.ID)
	if findings(v)[openbadges.CheckRecipient] != openbadges.StatusFailed {
		t.Fatalf("recipient with another profile email = %+v", v.Findings)
	}
	if _, err := w.ImportBadge(ctx, sampleBadge(t, "ob2-baked.png")); portfolio.Code(err) != portfolio.CodeConflict {
		t.Fatalf("importing the same badge twice = %v", err)
	}
	list, _ := w.Credentials(ctx)
	if len(list) != 1 {
		t.Fatalf("credentials = %d", len(list))
	}
}

func TestImportedOB3CredentialThatExpiredIsNotHeld(t *testing.T) {
	w := openTemp(t)
	ctx := context.Background()
	w.Now = func() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) }
	v, err := w.ImportBadge(ctx, sampleBadge(t, "ob3-credential.json"))
	if err != nil {
		t.Fatal(err)
	}
	if v.ExpiresOn != "2026-09-01" || v.Held || findings(v)[openbadges.CheckNotExpired] != openbadges.StatusFailed {
		t.Fatalf("expired credential = %+v %+v", v.Credential, v.Findings)
	}
	f, err := w.Impact(ctx)
	if err != nil || f.CredentialsHeld != 0 || f.CredentialsExpired != 1 {
		t.Fatalf("impact = %+v, %v", f, err)
	}
}

func TestImportBadgeRefusesAFileThatIsNotABadgeAndStoresNothing(t *testing.T) {
	w := openTemp(t)
	ctx := context.Background()
	plain := writeFile(t, "photo.png", pngBytes(t, 20, 20))
	_, err := w.ImportBadge(ctx, plain)
	if portfolio.Code(err) != portfolio.CodeRefused || !strings.Contains(portfolio.Message(err), "openbadges") {
		t.Fatalf("ImportBadge(plain PNG) = %v", err)
	}
	if list, _ := w.Credentials(ctx); len(list) != 0 {
		t.Fatalf("a refused file was recorded: %+v", list)
	}
	if refs, _ := w.Store.BlobRefs(ctx); len(refs) != 0 {
		t.Fatalf("blobs = %+v", refs)
	}
	if _, err := w.ImportBadge(ctx, filepath.Join(t.TempDir(), "missing.json")); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("ImportBadge(missing) = %v", err)
	}
}

func TestAddCredentialWithACertificateFileAndDeleteIt(t *testing.T) {
	w := openTemp(t)
	ctx := context.Background()
	cert := writeFile(t, "certificate.pdf", []byte("%PDF-1.4\n% a certificate\n%%EOF\n"))
	v, err := w.AddCredential(ctx, portfolio.Credential{Name: "Google Certified Educator Level 2", Issuer: "Google for Education",
		IssuedOn: "2025-06-01", ExpiresOn: "2028-06-01", CredentialID: "GCE2-8812", VerificationURL: "https://edu.google.example/verify/GCE2-8812"}, cert)
	if err != nil {
		t.Fatal(err)
	}
	if v.MediaType != "application/pdf" || v.Badge != nil || len(v.Findings) != 0 || !v.Held {
		t.Fatalf("certificate = %+v", v)
	}
	if _, err := w.AddCredential(ctx, portfolio.Credential{Name: "Bad", ExpiresOn: "soon"}, cert); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("bad date = %v", err)
	}
	if err := w.DeleteCredential(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mustPath(t, w, v.SHA256)); !os.IsNotExist(err) {
		t.Fatalf("the deleted credential's file is still stored: %v", err)
	}
}

func TestNewEvaluationUsesTheDistrictRubric(t *testing.T) {
	w := openTemp(t)
	ctx := context.Background()
	file := writeFile(t, "district.json", []byte(`{"format":"readyfolio-rubric","formatVersion":1,"id":"lakeview","name":"Lakeview AI review",
		"edition":"2026","publisher":"Lakeview Unified","levels":[{"score":1,"label":"No"},{"score":2,"label":"Yes"}],
		"criteria":[{"id":"ferpa","label":"FERPA compliance","guidance":"","fields":[]}]}`))
	if _, err := w.SetEvaluationRubricFile(ctx, file); err != nil {
		t.Fatal(err)
	}
	e, err := w.NewEntry(ctx, portfolio.KindToolEvaluation, "Reading tutor bot")
	if err != nil {
		t.Fatal(err)
	}
	if e.Evaluation.Rubric.Name != "Lakeview AI review" || len(e.Evaluation.Scores) != 1 {
		t.Fatalf("evaluation = %+v", e.Evaluation)
	}
	bad := writeFile(t, "bad.json", []byte(`{"format":"readyfolio-rubric","formatVersion":1}`))
	if _, err := w.SetEvaluationRubricFile(ctx, bad); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("bad rubric = %v", err)
	}
	if r, _, _ := w.Store.EvaluationRubric(ctx); r.Name != "Lakeview AI review" {
		t.Fatalf("a refused rubric replaced the district's: %s", r.Name)
	}
}

func mustPath(t *testing.T, w *Workspace, sha string) string {
	t.Helper()
	p, err := w.Blobs.Path(sha)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
