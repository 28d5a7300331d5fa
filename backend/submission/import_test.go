package submission

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the store's driver, for counting rows behind its back

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// richFixture is the demo portfolio with two more frameworks that an import must create: a
// custom one (nested, with a retired competency an entry is still aligned to) and a CASE one
// (re-imported, so one aligned competency is retired). Its package is built again with them.
func richFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t)
	ws := f.ws
	ready := readyEntries(t, ws)
	if len(ready) < 2 {
		t.Fatalf("the demo has %d ready entries, want 2", len(ready))
	}
	custom, err := ws.CreateCustomFramework(ctx, "Lakeview AI rubric")
	if err != nil {
		t.Fatal(err)
	}
	group := portfolio.Competency{ID: custom.ID + ":g", Code: "G", Title: "Practice with AI"}
	r1 := portfolio.Competency{ID: custom.ID + ":r1", ParentID: group.ID, Code: "G.1", Title: "Plans with AI", Description: "Lessons that use AI on purpose"}
	r2 := portfolio.Competency{ID: custom.ID + ":r2", ParentID: group.ID, Code: "G.2", Title: "Reflects on AI use"}
	r3 := portfolio.Competency{ID: custom.ID + ":r3", Code: "S", Title: "Shares practice 李明"}
	custom.Description, custom.Publisher = "Our district's own criteria", "Lakeview USD"
	custom.Competencies = []portfolio.Competency{group, r1, r2, r3}
	if _, err := ws.SaveCustomFramework(ctx, custom); err != nil {
		t.Fatal(err)
	}
	for _, a := range []portfolio.Alignment{
		{EntryID: ready[0].ID, FrameworkID: custom.ID, CompetencyID: r1.ID, Strength: portfolio.StrengthProficient, Rationale: "Planned the pilot's lessons around the tool."},
		{EntryID: ready[0].ID, FrameworkID: custom.ID, CompetencyID: r2.ID, Strength: portfolio.StrengthExemplary, Rationale: "Wrote a reflection after every session."},
		{EntryID: ready[1].ID, FrameworkID: custom.ID, CompetencyID: r3.ID, Rationale: "Presented at the staff meeting."},
	} {
		if _, err := ws.Store.Align(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	custom.Competencies = []portfolio.Competency{group, r1, r3} // r2 retires; its alignment stays
	if _, err := ws.SaveCustomFramework(ctx, custom); err != nil {
		t.Fatal(err)
	}

	caseV1, err := ws.ImportCASE(ctx, filepath.Join("..", "frameworks", "testdata", "northfield-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range caseV1.Framework.Competencies {
		if c.Leaf {
			if _, err := ws.Store.Align(ctx, portfolio.Alignment{EntryID: ready[1].ID, FrameworkID: caseV1.Framework.ID,
				CompetencyID: c.ID, Strength: portfolio.StrengthProficient, Rationale: "Shown in " + c.Code}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if v2, err := ws.ImportCASE(ctx, filepath.Join("..", "frameworks", "testdata", "northfield-v2.json")); err != nil || v2.Change.Retired != 1 {
		t.Fatalf("CASE v2: %+v, %v", v2.Change, err)
	}
	addNewKindsAndCredentials(t, ws)
	f.path, f.report = f.build(t, "rich.zip")
	f.content, _ = os.ReadFile(f.path)
	return f
}

// addNewKindsAndCredentials adds a ready tool evaluation and policy work, whatever the demo
// has, and two credentials: one with a file, one without.
func addNewKindsAndCredentials(t *testing.T, ws *workspace.Workspace) {
	t.Helper()
	ctx := context.Background()
	ev := portfolio.NewEntry(portfolio.KindToolEvaluation, "Evaluating Brisk for feedback (round trip)")
	ev.Status, ev.StartDate = portfolio.StatusReady, "2025-10-02"
	ev.Evaluation.Tool, ev.Evaluation.Recommendation = "Brisk", portfolio.RecommendDoNotAdopt
	ev.Evaluation.Scores[0].Score, ev.Evaluation.Scores[0].Notes = 2, "Writes the feedback for the teacher."
	gd := portfolio.NewEntry(portfolio.KindPolicyGuidance, "School AI use policy (round trip)")
	gd.Status, gd.StartDate = portfolio.StatusReady, "2025-06-01"
	gd.Guidance.Body, gd.Guidance.Stage, gd.Guidance.Summary = "Riverside Middle School", portfolio.StagePublished, "Who may use AI, when."
	unesco, err := ws.Store.Framework(ctx, "unesco-ai-cft")
	if err != nil {
		t.Fatal(err)
	}
	var leaf portfolio.Competency
	for _, c := range unesco.Competencies {
		if c.Leaf && leaf.ID == "" {
			leaf = c
		}
	}
	for _, e := range []portfolio.Entry{ev, gd} {
		saved, err := ws.Store.CreateEntry(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ws.Store.Align(ctx, portfolio.Alignment{EntryID: saved.ID, FrameworkID: unesco.ID, CompetencyID: leaf.ID,
			Strength: "deepen", Rationale: "Shown by " + saved.Title}); err != nil {
			t.Fatal(err)
		}
	}
	blob, err := ws.Blobs.PutNamed(ctx, strings.NewReader("%PDF-1.4\n% a certificate\n%%EOF\n"), "certificate.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []portfolio.Credential{
		{Kind: portfolio.CredentialCertification, Name: "Round-trip certificate", Issuer: "ISTE", IssuedOn: "2024-05-01",
			ExpiresOn: "2025-05-01", VerificationURL: "https://example.org/verify/1", FileName: "certificate.pdf",
			MediaType: "application/pdf", Size: blob.Size, SHA256: blob.SHA256},
		{Kind: portfolio.CredentialMicroCredential, Name: "Round-trip micro-credential", Issuer: "Coursera"},
	} {
		if _, err := ws.Store.CreateCredential(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
}

func readyEntries(t *testing.T, ws *workspace.Workspace) []portfolio.Entry {
	t.Helper()
	all, err := ws.Store.ListEntries(context.Background(), portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ready []portfolio.Entry
	for _, e := range all {
		if e.Status == portfolio.StatusReady && e.IncludeInExports {
			ready = append(ready, e)
		}
	}
	return ready
}

func emptyWorkspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(workspace.Options{Dir: filepath.Join(t.TempDir(), "data")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func importBytes(t *testing.T, ws *workspace.Workspace, data []byte) ImportReport {
	t.Helper()
	report, err := Import(context.Background(), ws, bytes.NewReader(data), int64(len(data)), ImportOptions{})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return report
}

// packageJSON reads data/portfolio.json out of a package, parsed both ways.
func packageJSON(t *testing.T, data []byte) (map[string]any, exchange.Portfolio) {
	t.Helper()
	for _, e := range entries(t, data) {
		if strings.HasSuffix(e.Name, "/data/"+JSONName) {
			raw := readEntry(t, e)
			var m map[string]any
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			doc, err := exchange.Unmarshal(raw)
			if err != nil {
				t.Fatal(err)
			}
			return m, doc
		}
	}
	t.Fatal("the package has no portfolio.json")
	return nil, exchange.Portfolio{}
}

// TestImportRoundTrip is the round trip: export a package from A, import it into an
// empty folder B, export B: portfolio.json says the same (only when and by what it was made
// may differ). B then lists every entry, holds the same bytes, alignments and frameworks,
// including a custom and a CASE framework with retired competencies still aligned to.
func TestImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := richFixture(t)
	b := emptyWorkspace(t)
	var steps []int
	report, err := Import(ctx, b, bytes.NewReader(a.content), int64(len(a.content)), ImportOptions{
		Progress: func(done, total int) { steps = append(steps, done) },
	})
	if err != nil {
		t.Fatal(err)
	}
	jsonA, docA := packageJSON(t, a.content)
	n := len(docA.Entries)
	if report.Imported != n || report.Replaced+report.Kept+report.Identical != 0 || len(report.Entries) != n {
		t.Errorf("outcomes: %d imported, %d replaced, %d kept, %d identical of %d", report.Imported, report.Replaced, report.Kept, report.Identical, n)
	}
	if report.Profile.Outcome != store.ProfileCopied || !report.Profile.PortfolioIDAdopted || report.Profile.Name != "Zoë Ñúñez-Łukasz" {
		t.Errorf("profile: %+v", report.Profile)
	}
	if report.FrameworksCreated != 2 || len(report.Frameworks) != 4 || len(report.SkippedAlignments) != 0 {
		t.Errorf("frameworks %+v, skipped %+v", report.Frameworks, report.SkippedAlignments)
	}
	if report.FilesStored != a.report.Artifacts+a.report.Credentials || report.FilesAlreadyHere != 0 || report.Package.Entries != n {
		t.Errorf("files stored %d (package has %d + %d), already here %d", report.FilesStored, a.report.Artifacts, a.report.Credentials, report.FilesAlreadyHere)
	}
	kinds := map[portfolio.Kind]bool{}
	for _, e := range docA.Entries {
		kinds[e.Kind] = true
	}
	if !kinds[portfolio.KindToolEvaluation] || !kinds[portfolio.KindPolicyGuidance] || len(docA.Credentials) < 2 || a.report.Credentials < 1 ||
		docA.Impact == nil || docA.Impact.ToolsEvaluated < 1 || len(report.Credentials) != len(docA.Credentials) {
		t.Errorf("the package lacks the new kinds, credentials or figures: kinds %v, credentials %d (%d files), report %+v",
			kinds, len(docA.Credentials), a.report.Credentials, report.Credentials)
	}
	for _, c := range report.Credentials {
		if c.Outcome != store.ImportCreated {
			t.Errorf("credential %q: %s", c.Name, c.Outcome)
		}
	}
	if len(steps) < 3 || steps[len(steps)-1] != 1000 || !sortedInts(steps) {
		t.Errorf("progress: %v", steps)
	}

	pathB, _ := buildFrom(t, b, a, "b.zip")
	dataB, _ := os.ReadFile(pathB)
	jsonB, _ := packageJSON(t, dataB)
	for _, m := range []map[string]any{jsonA, jsonB} {
		delete(m, "generatedAt")
		delete(m, "generator")
	}
	if !reflect.DeepEqual(jsonA, jsonB) {
		ja, _ := json.MarshalIndent(jsonA, "", " ")
		jb, _ := json.MarshalIndent(jsonB, "", " ")
		t.Errorf("portfolio.json differs after the round trip:\n%s", firstDifference(string(ja), string(jb)))
	}

	// Every entry is listed in B as it is in A, with the same bytes behind its files.
	listed, err := b.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != n {
		t.Fatalf("B lists %d entries, want %d", len(listed), n)
	}
	for i, e := range listed {
		want, err := a.ws.Store.Entry(ctx, docA.Entries[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := mustJSON(t, e), mustJSON(t, want); g != w {
			t.Errorf("entry %d differs:\n%s", i, firstDifference(w, g))
		}
		for _, art := range e.Artifacts {
			if art.Type != portfolio.ArtifactFile {
				continue
			}
			got, _ := os.ReadFile(blobPath(t, b, art.SHA256))
			orig, _ := os.ReadFile(blobPath(t, a.ws, art.SHA256))
			if len(got) == 0 || !bytes.Equal(got, orig) {
				t.Errorf("%s: %d bytes in B, %d in A", art.FileName, len(got), len(orig))
			}
			if art.IsImage() && !hasPrintImage(t, b, art.SHA256) {
				t.Errorf("%s was not prepared for print", art.FileName)
			}
		}
		alignedA, _ := a.ws.Store.EntryAlignments(ctx, e.ID)
		alignedB, _ := b.Store.EntryAlignments(ctx, e.ID)
		if g, w := alignmentKeys(alignedB), alignmentKeys(alignedA); !reflect.DeepEqual(g, w) || len(w) == 0 {
			t.Errorf("alignments of %q: %v, want %v", e.Title, g, w)
		}
	}
	// The two created frameworks are whole, retired competencies and all.
	for _, ref := range docA.Frameworks {
		fa, _ := a.ws.Store.Framework(ctx, ref.ID)
		fb, err := b.Store.Framework(ctx, ref.ID)
		if err != nil {
			t.Fatal(err)
		}
		fa.CreatedAt, fa.UpdatedAt, fb.CreatedAt, fb.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if g, w := mustJSON(t, fb), mustJSON(t, fa); g != w {
			t.Errorf("framework %s differs:\n%s", ref.ID, firstDifference(w, g))
		}
		if ref.Origin != portfolio.OriginBuiltIn && fa.Retired != 1 {
			t.Errorf("%s has %d retired competencies, want 1", ref.ID, fa.Retired)
		}
	}
	// Credentials come with their ids, times and files.
	credsA, _ := a.ws.Store.Credentials(ctx)
	credsB, _ := b.Store.Credentials(ctx)
	if g, w := mustJSON(t, credsB), mustJSON(t, credsA); g != w {
		t.Errorf("credentials differ:\n%s", firstDifference(w, g))
	}
	for _, c := range credsB {
		if c.SHA256 != "" {
			if used, _ := b.Store.BlobInUse(ctx, c.SHA256); !used || !b.Blobs.Has(c.SHA256) {
				t.Errorf("the file of %q is missing in B", c.Name)
			}
		}
	}
	if problems, err := b.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check of B: %v %v", problems, err)
	}
}

// TestImportKeepsTheNewerVersionOfACredential: as for entries, a credential edited here since
// is kept, and one edited in the source since replaces this folder's, its old file removed.
func TestImportKeepsTheNewerVersionOfACredential(t *testing.T) {
	ctx := context.Background()
	a := newFixture(t)
	addNewKindsAndCredentials(t, a.ws)
	path, _ := a.build(t, "credentials.zip")
	data, _ := os.ReadFile(path)
	b := emptyWorkspace(t)
	importBytes(t, b, data)
	again := importBytes(t, b, data)
	for _, c := range again.Credentials {
		if c.Outcome != store.ImportIdentical {
			t.Errorf("importing again: %q %s", c.Name, c.Outcome)
		}
	}
	creds, _ := b.Store.Credentials(ctx)
	here := creds[len(creds)-1]
	here.Name = "Renamed in B"
	if _, err := b.Store.UpdateCredential(ctx, here); err != nil {
		t.Fatal(err)
	}
	kept := importBytes(t, b, data)
	if o := credentialOutcome(kept, here.ID); o.Outcome != store.ImportKept || !strings.Contains(o.Reason, "newer") {
		t.Errorf("the credential edited here: %+v", o)
	}
	if c, _ := b.Store.Credential(ctx, here.ID); c.Name != "Renamed in B" {
		t.Errorf("the newer credential here became %q", c.Name)
	}

	// Edited in A later, with another file: the package's version wins and the old file goes.
	credsA, _ := a.ws.Store.Credentials(ctx)
	var withFile portfolio.Credential
	for _, c := range credsA {
		if c.SHA256 != "" {
			withFile = c
		}
	}
	if _, err := a.ws.Store.DeleteCredential(ctx, withFile.ID); err != nil {
		t.Fatal(err)
	}
	blob, err := a.ws.Blobs.PutNamed(ctx, strings.NewReader("%PDF-1.4\n% a renewed certificate\n%%EOF\n"), "renewed.pdf")
	if err != nil {
		t.Fatal(err)
	}
	old := withFile.SHA256
	withFile.Name, withFile.FileName, withFile.Size, withFile.SHA256 = "Renewed in A", "renewed.pdf", blob.Size, blob.SHA256
	withFile.ExpiresOn = "2028-05-01"
	if _, err := a.ws.Store.CreateCredential(ctx, withFile); err != nil { // same id, a later updatedAt
		t.Fatal(err)
	}
	path, _ = a.build(t, "renewed.zip")
	data, _ = os.ReadFile(path)
	replaced := importBytes(t, b, data)
	if o := credentialOutcome(replaced, withFile.ID); o.Outcome != store.ImportReplaced {
		t.Errorf("the credential edited in A: %+v", o)
	}
	got, _ := b.Store.Credential(ctx, withFile.ID)
	if got.Name != "Renewed in A" || got.SHA256 != blob.SHA256 || !b.Blobs.Has(blob.SHA256) {
		t.Errorf("replaced credential: %+v", got)
	}
	if used, _ := b.Store.BlobInUse(ctx, old); used || b.Blobs.Has(old) {
		t.Error("the file the replaced credential no longer has was left behind")
	}
}

// TestImportReadsAVersion1Package: a package made before credentials and impact figures
// verifies and imports.
func TestImportReadsAVersion1Package(t *testing.T) {
	f := newFixture(t)
	data := rebaggedWithout(t, f, "credentials/", func(doc map[string]any) {
		doc["version"] = 1
		delete(doc, "credentials")
		delete(doc, "impact")
	})
	if v := verifyBytes(t, data); !v.Valid || v.Portfolio.Credentials != 0 {
		t.Fatalf("a version-1 package does not verify: %v", v.Problems)
	}
	doc, err := readPortfolioBytes(data)
	if err != nil || doc.Version != 1 || len(doc.Credentials) != 0 || doc.Impact != nil {
		t.Fatalf("read version %d, %v", doc.Version, err)
	}
	report := importBytes(t, emptyWorkspace(t), data)
	if report.Imported != len(doc.Entries) || len(report.Credentials) != 0 {
		t.Errorf("import of version 1: %d of %d entries, credentials %+v", report.Imported, len(doc.Entries), report.Credentials)
	}
}

func readPortfolioBytes(data []byte) (exchange.Portfolio, error) {
	b, err := bag.Open(bytes.NewReader(data), int64(len(data)), bag.Limits{})
	if err != nil {
		return exchange.Portfolio{}, err
	}
	return readPortfolio(b)
}

func credentialOutcome(r ImportReport, id string) store.CredentialImport {
	for _, c := range r.Credentials {
		if c.ID == id {
			return c
		}
	}
	return store.CredentialImport{}
}

// TestImportKeepsTheNewerVersionOfAnEntry imports the same entries again: unchanged ones are
// skipped, one edited here since is kept, one edited in the source since replaces this folder's.
func TestImportKeepsTheNewerVersionOfAnEntry(t *testing.T) {
	ctx := context.Background()
	a := newFixture(t)
	b := emptyWorkspace(t)
	first := importBytes(t, b, a.content)
	n := first.Imported
	_, docA := packageJSON(t, a.content)

	p, _ := b.Store.Profile(ctx)
	p.Name = "Someone Else"
	if _, err := b.Store.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, b)
	again := importBytes(t, b, a.content)
	if again.Identical != n || again.Imported+again.Replaced+again.Kept != 0 || again.FilesStored != 0 {
		t.Errorf("importing the same package again: %+v", again)
	}
	if again.Profile.Outcome != store.ProfileKept || again.Profile.Name != "Someone Else" || again.Profile.PackageName != "Zoë Ñúñez-Łukasz" {
		t.Errorf("profile: %+v", again.Profile)
	}
	if after := snapshot(t, b); !reflect.DeepEqual(before, after) {
		t.Errorf("an import of nothing new changed the folder:\n%v\n%v", before, after)
	}

	// Edited here after the package was made: this folder's version is kept.
	target := docA.Entries[0].ID
	here, _ := b.Store.Entry(ctx, target)
	here.Title = "Edited in B"
	if _, err := b.Store.UpdateEntry(ctx, here); err != nil {
		t.Fatal(err)
	}
	kept := importBytes(t, b, a.content)
	if kept.Kept != 1 || kept.Identical != n-1 {
		t.Errorf("after an edit here: %d kept, %d identical", kept.Kept, kept.Identical)
	}
	if o := outcomeOf(kept, target); o.Outcome != store.ImportKept || o.ExistingUpdatedAt == nil || !o.ExistingUpdatedAt.After(o.PackageUpdatedAt) ||
		!strings.Contains(o.Reason, "newer") {
		t.Errorf("outcome of the entry edited here: %+v", o)
	}
	if e, _ := b.Store.Entry(ctx, target); e.Title != "Edited in B" {
		t.Errorf("the newer entry here became %q", e.Title)
	}

	// Edited in A after that, with a new caption and a file less: the package's version wins.
	there, _ := a.ws.Store.Entry(ctx, target)
	there.Title = "Edited in A, later"
	if _, err := a.ws.Store.UpdateEntry(ctx, there); err != nil {
		t.Fatal(err)
	}
	var dropped string
	for _, art := range there.Artifacts {
		if art.Type == portfolio.ArtifactFile && dropped == "" {
			dropped = art.SHA256
			if err := a.ws.RemoveArtifact(ctx, art.ID); err != nil {
				t.Fatal(err)
			}
			continue
		}
		art.Caption = "A newer caption"
		if _, err := a.ws.Store.UpdateArtifact(ctx, art); err != nil {
			t.Fatal(err)
		}
	}
	newer, _ := a.build(t, "newer.zip")
	data, _ := os.ReadFile(newer)
	replaced := importBytes(t, b, data)
	if replaced.Replaced != 1 || replaced.Identical != n-1 {
		t.Errorf("after an edit in A: %d replaced, %d identical", replaced.Replaced, replaced.Identical)
	}
	if o := outcomeOf(replaced, target); o.Outcome != store.ImportReplaced || o.Title != "Edited in A, later" {
		t.Errorf("outcome of the entry edited in A: %+v", o)
	}
	got, _ := b.Store.Entry(ctx, target)
	want, _ := a.ws.Store.Entry(ctx, target)
	got.Position, want.Position = 0, 0 // the place in the list stays this folder's
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("the replaced entry:\n%s", firstDifference(w, g))
	}
	if dropped != "" && b.Blobs.Has(dropped) {
		if used, _ := b.Store.BlobInUse(ctx, dropped); !used {
			t.Error("the file the replaced entry no longer has was left behind")
		}
	}
}

// TestRefusedImportsWriteNothing: a cut-off zip, a text file, a package with one changed byte
// in an original and one from a newer format each get a clear error and leave the folder as
// it was, database rows and files alike.
func TestRefusedImportsWriteNothing(t *testing.T) {
	ctx := context.Background()
	a := newFixture(t)
	b := emptyWorkspace(t)

	var victim string
	tampered := bytes.Clone(a.content)
	for _, e := range entries(t, a.content) {
		if strings.Contains(e.Name, "/data/artifacts/") && strings.HasSuffix(e.Name, ".jpg") {
			offset, _ := e.DataOffset()
			tampered[offset+int64(e.CompressedSize64)/2] ^= 0x01
			victim = e.Name[strings.Index(e.Name, "data/"):]
			break
		}
	}
	if victim == "" {
		t.Fatal("no JPEG original in the package")
	}
	cases := []struct {
		name string
		data []byte
		code portfolio.ErrorCode
		says string
	}{
		{"truncated", a.content[:len(a.content)/2], portfolio.CodeInvalid, "not a ReadyFolio package"},
		{"text", []byte("just some notes, not a package\n"), portfolio.CodeInvalid, "not a ReadyFolio package"},
		{"tampered", tampered, portfolio.CodeRefused, victim},
		{"newer", rebagged(t, a, func(doc map[string]any) { doc["version"] = exchange.Version + 1 }), portfolio.CodeTooNew, "newer ReadyFolio"},
	}
	for _, round := range []string{"empty folder", "folder with the portfolio"} {
		if round == "folder with the portfolio" {
			importBytes(t, b, a.content)
		}
		before := snapshot(t, b)
		for _, c := range cases {
			_, err := Import(ctx, b, bytes.NewReader(c.data), int64(len(c.data)), ImportOptions{})
			if portfolio.Code(err) != c.code || !strings.Contains(portfolio.Message(err), c.says) {
				t.Errorf("%s, %s: %v (%s), want %s saying %q", round, c.name, err, portfolio.Code(err), c.code, c.says)
			}
			if after := snapshot(t, b); !reflect.DeepEqual(before, after) {
				t.Errorf("%s, %s: the folder changed:\nbefore %v\nafter  %v", round, c.name, before, after)
			}
		}
	}
}

// TestAFileChangedAfterVerificationIsRefused: the package is read twice, and an original that
// no longer matches when it is stored stops the import before the database is touched.
func TestAFileChangedAfterVerificationIsRefused(t *testing.T) {
	a := newFixture(t)
	b := emptyWorkspace(t)
	_, doc := packageJSON(t, a.content)
	var path string
	for _, e := range doc.Entries {
		for _, art := range e.Artifacts {
			if art.Type == portfolio.ArtifactFile && path == "" {
				path = art.Path
			}
		}
	}
	before := snapshot(t, b)
	opened := 0
	_, err := b.ImportPortfolio(context.Background(), doc, func(p string) (io.ReadCloser, error) {
		opened++
		if p == path {
			return io.NopCloser(strings.NewReader("not the original")), nil
		}
		return openInPackage(t, a.content, p), nil
	}, nil)
	if portfolio.Code(err) != portfolio.CodeRefused || !strings.Contains(portfolio.Message(err), path) || opened == 0 {
		t.Errorf("a changed file: %v", err)
	}
	if after := snapshot(t, b); !reflect.DeepEqual(before, after) {
		t.Errorf("the folder changed:\nbefore %v\nafter  %v", before, after)
	}
}

// buildFrom builds a package of ws with f's identity and clock.
func buildFrom(t *testing.T, ws *workspace.Workspace, f *fixture, name string) (string, Report) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	report, err := Build(context.Background(), ws, path, f.signer, Options{Now: packagedAt, AppVersion: "test"})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return path, report
}

func openInPackage(t *testing.T, data []byte, path string) io.ReadCloser {
	t.Helper()
	for _, e := range entries(t, data) {
		if strings.HasSuffix(e.Name, "/data/"+path) {
			return io.NopCloser(bytes.NewReader(readEntry(t, e)))
		}
	}
	t.Fatalf("%s is not in the package", path)
	return nil
}

// snapshot is what a folder holds: the rows of every table and every file outside the
// database, with its size.
func snapshot(t *testing.T, ws *workspace.Workspace) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(ws.Dir, workspace.DatabaseFile)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		var n int64
		if err := db.QueryRow(`SELECT count(*) FROM "` + table + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out["table "+table] = n
	}
	var profile string
	db.QueryRow("SELECT portfolio_id || name || updated_at FROM profile").Scan(&profile)
	out["profile "+profile] = 1
	filepath.WalkDir(ws.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), workspace.DatabaseFile) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(ws.Dir, path)
		out["file "+rel] = info.Size()
		return nil
	})
	return out
}

func outcomeOf(r ImportReport, id string) store.EntryImport {
	for _, e := range r.Entries {
		if e.ID == id {
			return e
		}
	}
	return store.EntryImport{}
}

func blobPath(t *testing.T, ws *workspace.Workspace, sum string) string {
	t.Helper()
	p, err := ws.Blobs.Path(sum)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func hasPrintImage(t *testing.T, ws *workspace.Workspace, sum string) bool {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(ws.Dir, workspace.PrintDir, sum+"-*"))
	return len(matches) > 0
}

func alignmentKeys(list []portfolio.Alignment) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.FrameworkID+" "+a.CompetencyID+" "+a.Strength+" "+a.Rationale)
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// firstDifference shows where two texts start to differ.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			from := max(0, i-3)
			return "want:\n" + strings.Join(w[from:min(len(w), i+3)], "\n") + "\ngot:\n" + strings.Join(g[from:min(len(g), i+3)], "\n")
		}
	}
	return "one is longer than the other"
}

func sortedInts(s []int) bool {
	for i := 1; i < len(s); i++ {
		if s[i] <= s[i-1] {
			return false
		}
	}
	return true
}

// TestVerifyTreatsCredentialFilesLikeOriginals: a credential file portfolio.json does not cite,
// and one it cites that is missing, are both named.
func TestVerifyTreatsCredentialFilesLikeOriginals(t *testing.T) {
	f := newFixture(t)
	addNewKindsAndCredentials(t, f.ws)
	f.path, f.report = f.build(t, "credentials.zip")
	f.content, _ = os.ReadFile(f.path)
	if v := verifyBytes(t, f.content); !v.Valid || f.report.Credentials == 0 || v.Portfolio.Credentials == 0 {
		t.Fatalf("package with credentials: %+v, report %+v", v.Problems, f.report)
	}
	uncited := verifyBytes(t, rebagged(t, f, func(doc map[string]any) { doc["credentials"] = []any{} }))
	missing := verifyBytes(t, rebaggedWithout(t, f, "credentials/", func(map[string]any) {}))
	for name, v := range map[string]Verification{"uncited": uncited, "missing": missing} {
		found := false
		for _, p := range v.Problems {
			found = found || strings.HasPrefix(p.File, "data/credentials/")
		}
		if v.Valid || !found {
			t.Errorf("%s credential file: %v", name, v.Problems)
		}
	}
}
