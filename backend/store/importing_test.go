package store

import (
	"fmt"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// packaged is fullEntries as another portfolio would carry them: ids, times and artifacts set.
func packaged() []ImportEntry {
	var out []ImportEntry
	at := time.Date(2024, 11, 5, 14, 30, 15, 123456789, time.UTC)
	for i, e := range fullEntries() {
		e.ID = fmt.Sprintf("01930000-0000-7000-8000-%012d", i+1)
		e.Position = 3 * (i + 1)
		e.CreatedAt, e.UpdatedAt = at.Add(time.Duration(i)*time.Hour), at.Add(time.Duration(i)*time.Hour+time.Minute)
		role := portfolio.RoleAttachment
		if e.Kind == portfolio.KindLessonRedesign {
			role = portfolio.RoleOriginal
		}
		e.Artifacts = []portfolio.Artifact{
			{ID: fmt.Sprintf("01930000-0000-7000-8001-%012d", 2*i+1), Type: portfolio.ArtifactFile, Role: role, Position: 1, Caption: "Scan",
				FileName: "scan.pdf", MediaType: "application/pdf", Size: 1234, SHA256: sha(byte(i)), CreatedAt: at},
			{ID: fmt.Sprintf("01930000-0000-7000-8001-%012d", 2*i+2), Type: portfolio.ArtifactLink, Role: portfolio.RoleAttachment, Position: 2,
				URL: "https://example.org/" + string(e.Kind), LinkTitle: "Site", CreatedAt: at.Add(time.Second)},
		}
		out = append(out, ImportEntry{Entry: e})
	}
	return out
}

func mustImport(t *testing.T, s *Store, p PortfolioImport) PortfolioImportResult {
	t.Helper()
	r, err := s.ImportPortfolio(ctx, p)
	if err != nil {
		t.Fatalf("ImportPortfolio: %v", err)
	}
	return r
}

func TestImportCreatesEntriesAsTheyWere(t *testing.T) {
	s, _, _ := openStore(t)
	here := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Already here"))
	in := packaged()
	r := mustImport(t, s, PortfolioImport{Entries: in})
	if r.Count(ImportCreated) != len(in) || len(r.Entries) != len(in) {
		t.Fatalf("outcomes: %+v", r.Entries)
	}
	for i, ie := range in {
		got := mustEntry(t, s, ie.Entry.ID)
		want, _ := portfolio.Normalize(ie.Entry)
		// New entries follow the ones here, in the package's order and spacing.
		want.Position = here.Position + ie.Entry.Position
		for j := range want.Artifacts {
			want.Artifacts[j].EntryID = want.ID
		}
		same(t, "imported entry", got, want)
		if r.Entries[i].Artifacts != 2 || len(r.Entries[i].WrittenArtifacts()) != 2 {
			t.Errorf("entry %d: %+v", i, r.Entries[i])
		}
	}
	if hits, _ := s.Search(ctx, "Khanmigo", 0); len(hits) != 1 || hits[0].Entry.ID != in[0].Entry.ID {
		t.Errorf("the imported entry is not searchable: %+v", hits)
	}
	if got := titles(mustList(t, s, portfolio.EntryFilter{})); got[0] != "Already here" {
		t.Errorf("order after import: %v", got)
	}
}

func TestImportCopiesOnlyAnEmptyProfile(t *testing.T) {
	s, _, _ := openStore(t)
	theirs := portfolio.Profile{PortfolioID: "01930000-0000-7000-8000-0000000000ff", Name: " Zoë Ñúñez ", Role: "Coach", Email: "zoe@example.org"}
	empty, _ := s.Profile(ctx)
	r := mustImport(t, s, PortfolioImport{Profile: theirs, Entries: packaged()[:1]})
	p, _ := s.Profile(ctx)
	if r.Profile.Outcome != ProfileCopied || !r.Profile.PortfolioIDAdopted || p.Name != "Zoë Ñúñez" || p.Role != "Coach" ||
		p.PortfolioID != theirs.PortfolioID || !p.CreatedAt.Equal(empty.CreatedAt) {
		t.Errorf("into an empty folder: %+v, profile %+v", r.Profile, p)
	}

	// An empty profile in a folder with entries is filled in, but the folder keeps its identity.
	s2, _, _ := openStore(t)
	mustCreate(t, s2, portfolio.NewEntry(portfolio.KindArtifact, "Mine"))
	own, _ := s2.Profile(ctx)
	r = mustImport(t, s2, PortfolioImport{Profile: theirs})
	p, _ = s2.Profile(ctx)
	if r.Profile.Outcome != ProfileCopied || r.Profile.PortfolioIDAdopted || p.PortfolioID != own.PortfolioID || p.Name != "Zoë Ñúñez" {
		t.Errorf("into a folder with entries: %+v, profile %+v", r.Profile, p)
	}

	// A profile with a name is never overwritten.
	theirs.Name = "Someone Else"
	r = mustImport(t, s2, PortfolioImport{Profile: theirs})
	p, _ = s2.Profile(ctx)
	if r.Profile.Outcome != ProfileKept || r.Profile.Name != "Zoë Ñúñez" || r.Profile.PackageName != "Someone Else" || p.Name != "Zoë Ñúñez" {
		t.Errorf("into a named profile: %+v, profile %+v", r.Profile, p)
	}
}

func TestImportCreatesMissingFrameworksWithRetiredCompetencies(t *testing.T) {
	s, _, _ := openStore(t)
	// The source: the fixture framework, with 2.2 retired after an entry was aligned to it.
	src, _, _ := openStore(t)
	mustSave(t, src, fixtureFramework())
	e := mustCreate(t, src, fullEntries()[3])
	mustAlign(t, src, portfolio.Alignment{EntryID: e.ID, FrameworkID: "fx", CompetencyID: "fx:2.2", Strength: "exemplary", Rationale: "Shown"})
	mustAlign(t, src, portfolio.Alignment{EntryID: e.ID, FrameworkID: "fx", CompetencyID: "fx:3"})
	mustSave(t, src, without(fixtureFramework(), "fx:2.2"))
	want := mustFramework(t, src, "fx")
	e = mustEntry(t, src, e.ID)

	// An existing framework is used as it is, even when the package's copy differs.
	existing := fixtureFramework()
	existing.ID, existing.Title = "other", "Ours"
	for i := range existing.Competencies {
		existing.Competencies[i].ID = "other:" + existing.Competencies[i].ID[3:]
		if p := existing.Competencies[i].ParentID; p != "" {
			existing.Competencies[i].ParentID = "other:" + p[3:]
		}
	}
	ours, _ := mustSave(t, s, existing)
	theirs := ours
	theirs.Title = "Theirs"
	theirs.Competencies = theirs.Competencies[:2]

	r := mustImport(t, s, PortfolioImport{
		Frameworks: []portfolio.Framework{want, theirs},
		Entries: []ImportEntry{{Entry: e, Alignments: []portfolio.Alignment{
			{FrameworkID: "fx", CompetencyID: "fx:2.2", Strength: "exemplary", Rationale: "Shown"},
			{FrameworkID: "fx", CompetencyID: "fx:3"},
			{FrameworkID: "fx", CompetencyID: "fx:9", Strength: "emerging"},
			{FrameworkID: "fx", CompetencyID: "fx:1.2", Strength: "create"},
			{FrameworkID: "nowhere", CompetencyID: "x"},
		}}},
	})
	if len(r.Frameworks) != 2 || r.Frameworks[0].Outcome != FrameworkCreated || r.Frameworks[0].Competencies != 12 ||
		r.Frameworks[1].Outcome != FrameworkExisting || r.Frameworks[1].Title != "Ours" {
		t.Errorf("frameworks: %+v", r.Frameworks)
	}
	got := mustFramework(t, s, "fx")
	got.CreatedAt, got.UpdatedAt, want.CreatedAt, want.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	same(t, "created framework", got, want)
	if f := mustFramework(t, s, "other"); f.Title != "Ours" || len(f.Competencies) != len(ours.Competencies) {
		t.Errorf("the existing framework changed: %q, %d competencies", f.Title, len(f.Competencies))
	}
	if r.Alignments != 2 || len(r.SkippedAlignments) != 3 {
		t.Fatalf("alignments %d, skipped %+v", r.Alignments, r.SkippedAlignments)
	}
	aligned := mustAlignments(t, s, e.ID)
	if len(aligned) != 2 || aligned[0].CompetencyID != "fx:2.2" || aligned[0].Strength != "exemplary" ||
		aligned[1].CompetencyID != "fx:3" || aligned[1].Strength != "emerging" {
		t.Errorf("alignments: %+v", aligned)
	}
	if cov := mustCoverage(t, s, "fx"); cov.WithEvidence != 1 {
		t.Errorf("coverage after import: %s", cov.Summary)
	}
}

func TestImportKeepsTheNewerVersion(t *testing.T) {
	s, _, _ := openStore(t)
	in := packaged()
	mustImport(t, s, PortfolioImport{Entries: in})
	before := writes(t, s)
	r := mustImport(t, s, PortfolioImport{Entries: in})
	if r.Count(ImportIdentical) != len(in) {
		t.Fatalf("the same entries again: %+v", r.Entries)
	}
	if writes(t, s) != before {
		t.Error("importing identical entries wrote rows")
	}

	// Here newer: kept. Package newer: replaced, in place and in the trash if it is there.
	edited := mustEntry(t, s, in[0].Entry.ID)
	edited.Title = "Edited here"
	edited, err := s.UpdateEntry(ctx, edited) // the test clock is in 2025, after the package
	if err != nil {
		t.Fatal(err)
	}
	newer := in[1].Entry
	newer.Title, newer.UpdatedAt = "Edited there", time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	newer.Artifacts = newer.Artifacts[1:] // the file is gone, the link stays
	trashedNewer := in[2].Entry
	trashedNewer.UpdatedAt = newer.UpdatedAt
	if err := s.TrashEntry(ctx, trashedNewer.ID); err != nil {
		t.Fatal(err)
	}
	sameTimeDifferent := in[3].Entry
	sameTimeDifferent.Title = "Same time, other words"
	placeBefore := mustEntry(t, s, newer.ID).Position

	r = mustImport(t, s, PortfolioImport{Entries: []ImportEntry{in[0], {Entry: newer}, {Entry: trashedNewer}, {Entry: sameTimeDifferent}}})
	outcomes := []ImportOutcome{}
	for _, e := range r.Entries {
		outcomes = append(outcomes, e.Outcome)
	}
	same(t, "outcomes", outcomes, []ImportOutcome{ImportKept, ImportReplaced, ImportReplaced, ImportKept})
	if got := mustEntry(t, s, edited.ID); got.Title != "Edited here" {
		t.Errorf("the newer entry here became %q", got.Title)
	}
	got := mustEntry(t, s, newer.ID)
	if got.Title != "Edited there" || !got.UpdatedAt.Equal(newer.UpdatedAt) || got.Position != placeBefore || len(got.Artifacts) != 1 {
		t.Errorf("replaced entry: %+v", got)
	}
	same(t, "dropped files", r.DroppedFiles, []string{sha(1)})
	if e := mustEntry(t, s, trashedNewer.ID); e.DeletedAt == nil || !r.Entries[2].InTrash {
		t.Errorf("the replaced entry left the trash: %+v", r.Entries[2])
	}
	if got := mustEntry(t, s, sameTimeDifferent.ID); got.Title == sameTimeDifferent.Title {
		t.Error("an entry as old as the one here replaced it")
	}
}

func TestImportRefusesABadEntryAndWritesNothing(t *testing.T) {
	s, _, _ := openStore(t)
	before := writes(t, s)
	for name, change := range map[string]func(*ImportEntry){
		"no title":      func(ie *ImportEntry) { ie.Entry.Title = " " },
		"bad link":      func(ie *ImportEntry) { ie.Entry.Artifacts[1].URL = "javascript:alert(1)" },
		"role for kind": func(ie *ImportEntry) { ie.Entry.Artifacts[0].Role = portfolio.RoleRedesign },
		"twice":         func(ie *ImportEntry) { ie.Entry.ID = "01930000-0000-7000-8000-000000000001" },
	} {
		in := packaged()
		change(&in[3])
		_, err := s.ImportPortfolio(ctx, PortfolioImport{Profile: portfolio.Profile{Name: "Zoë"}, Entries: in})
		wantError(t, err, portfolio.CodeRefused, "Nothing was imported")
		if writes(t, s) != before {
			t.Errorf("%s: rows were written", name)
		}
	}
	bad := fixtureFramework()
	bad.Competencies[1].ParentID = "fx:missing"
	_, err := s.ImportPortfolio(ctx, PortfolioImport{Frameworks: []portfolio.Framework{bad}, Entries: packaged()})
	wantError(t, err, portfolio.CodeRefused, "Fixture framework", "fx:missing")
	if writes(t, s) != before || len(mustList(t, s, portfolio.EntryFilter{})) != 0 {
		t.Error("a refused framework wrote rows")
	}
}

func TestImportGivesATakenArtifactIDANewOne(t *testing.T) {
	s, _, _ := openStore(t)
	mine := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Mine"))
	link := mustAdd(t, s, portfolio.Artifact{EntryID: mine.ID, Type: portfolio.ArtifactLink, URL: "https://example.org"})
	in := packaged()[:1]
	in[0].Entry.Artifacts[1].ID = link.ID
	r := mustImport(t, s, PortfolioImport{Entries: in})
	got := mustEntry(t, s, in[0].Entry.ID)
	if got.Artifacts[1].ID == link.ID || got.Artifacts[1].ID == "" || r.Entries[0].WrittenArtifacts()[1].ID != got.Artifacts[1].ID {
		t.Errorf("artifact ids: %s (taken %s)", got.Artifacts[1].ID, link.ID)
	}
	checkV7(t, got.Artifacts[1].ID)
	if a, _ := s.Artifact(ctx, link.ID); a.EntryID != mine.ID {
		t.Error("the artifact here was moved")
	}
}

// TestImportCredentials: credentials keep their ids, times and files; the newer updatedAt wins
// as for entries, and a bad credential refuses the whole import.
func TestImportCredentials(t *testing.T) {
	s, _, _ := openStore(t)
	at := time.Date(2024, 11, 5, 14, 30, 15, 0, time.UTC)
	creds := []portfolio.Credential{
		{ID: "c-1", Kind: portfolio.CredentialCertification, Name: "ISTE Certified Educator", Issuer: "ISTE", IssuedOn: "2023-06-30",
			FileName: "cert.pdf", MediaType: "application/pdf", Size: 10, SHA256: sha(7), Position: 1, CreatedAt: at, UpdatedAt: at},
		{ID: "c-2", Kind: portfolio.CredentialBadge, Name: "Badge", Position: 2, CreatedAt: at, UpdatedAt: at},
	}
	r := mustImport(t, s, PortfolioImport{Credentials: creds})
	if len(r.Credentials) != 2 || r.Credentials[0].Outcome != ImportCreated {
		t.Fatalf("outcomes: %+v", r.Credentials)
	}
	got, err := s.Credential(ctx, "c-1")
	if err != nil || !got.UpdatedAt.Equal(at) || !got.CreatedAt.Equal(at) || got.SHA256 != sha(7) || got.Position != 1 {
		t.Fatalf("imported credential: %+v, %v", got, err)
	}
	if used, _ := s.BlobInUse(ctx, sha(7)); !used {
		t.Error("the credential's file is not counted as in use")
	}

	again := mustImport(t, s, PortfolioImport{Credentials: creds})
	if again.Credentials[0].Outcome != ImportIdentical || again.Credentials[1].Outcome != ImportIdentical {
		t.Errorf("importing again: %+v", again.Credentials)
	}
	newer := creds[0]
	newer.Name, newer.SHA256, newer.UpdatedAt = "Renewed", sha(8), at.Add(time.Hour)
	older := creds[1]
	older.Name, older.UpdatedAt = "Older", at.Add(-time.Hour)
	r = mustImport(t, s, PortfolioImport{Credentials: []portfolio.Credential{newer, older}})
	if r.Credentials[0].Outcome != ImportReplaced || r.Credentials[1].Outcome != ImportKept || len(r.DroppedFiles) != 1 || r.DroppedFiles[0] != sha(7) {
		t.Errorf("newer wins: %+v, dropped %v", r.Credentials, r.DroppedFiles)
	}
	if c, _ := s.Credential(ctx, "c-1"); c.Name != "Renewed" || c.SHA256 != sha(8) {
		t.Errorf("replaced credential: %+v", c)
	}
	if c, _ := s.Credential(ctx, "c-2"); c.Name != "Badge" {
		t.Errorf("kept credential: %+v", c)
	}

	for name, bad := range map[string][]portfolio.Credential{
		"twice":    {creds[1], creds[1]},
		"no id":    {{Name: "No id"}},
		"bad hash": {{ID: "c-3", Name: "Bad", FileName: "x.pdf", SHA256: "not-a-hash"}},
		"no name":  {{ID: "c-4"}},
	} {
		_, err := s.ImportPortfolio(ctx, PortfolioImport{Credentials: bad})
		wantCode(t, err, portfolio.CodeRefused)
		if t.Failed() {
			t.Fatalf("%s: %v", name, err)
		}
	}
}
