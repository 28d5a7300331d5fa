package store

import (
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestSaveFrameworkInsertThenIdenticalSave(t *testing.T) {
	s, c, _ := openStore(t)
	got, change := mustSave(t, s, fixtureFramework())
	same(t, "change of the first save", change, FrameworkChange{Added: 12})
	want := fixtureStored(c.last())
	same(t, "saved framework", got, want)
	same(t, "stored framework", mustFramework(t, s, "fx"), want)

	before := writes(t, s)
	got, change = mustSave(t, s, fixtureFramework())
	same(t, "change of an identical save", change, FrameworkChange{Unchanged: 12})
	same(t, "framework after an identical save", got, want) // updatedAt too
	if n := writes(t, s) - before; n != 0 {
		t.Fatalf("an identical save changed %d rows", n)
	}
}

func TestSaveFrameworkRetiresAndRestores(t *testing.T) {
	s, c, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindPDLed, "Differentiation workshop"))
	kept := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:2.1", Strength: "exemplary"})
	dropped := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:2.3", Rationale: "Three tiers"})
	if err := s.SetAssessment(ctx, "fx:2.3", portfolio.AssessInProgress); err != nil {
		t.Fatal(err)
	}

	// A new version renames 1.2 and drops 2.3.
	v2 := without(fixtureFramework(), "fx:2.3")
	competency(t, &v2, "fx:1.2").Title = "Sequencing units"
	saved, change := mustSave(t, s, v2)
	same(t, "change", change, FrameworkChange{Updated: 1, Retired: 1, Unchanged: 10})
	retiredAt := c.last()
	want := fixtureStored(saved.CreatedAt)
	want.UpdatedAt, want.LeafCount, want.Retired = retiredAt, 7, 1
	competency(t, &want, "fx:1.2").Title = "Sequencing units"
	competency(t, &want, "fx:2.3").RetiredAt = &retiredAt
	same(t, "framework with a retired competency", saved, want)
	same(t, "stored framework with a retired competency", mustFramework(t, s, "fx"), want)
	list, err := s.Frameworks(ctx)
	if err != nil || len(list) != 1 || list[0].LeafCount != 7 || list[0].Retired != 1 || list[0].Competencies != nil {
		t.Fatalf("Frameworks = %+v, %v", list, err)
	}

	// The alignment to the retired competency survives and still shows, marked retired.
	same(t, "alignments", mustAlignments(t, s, e.ID), []portfolio.Alignment{kept, dropped})
	cov := mustCoverage(t, s, "fx")
	row := coverageRow(t, cov, "fx:2.3")
	if row.Competency.RetiredAt == nil || row.Status != portfolio.AssessInProgress || len(row.Evidence) != 1 ||
		row.Evidence[0].Rationale != "Three tiers" || row.Strongest != "emerging" {
		t.Fatalf("retired row = %+v", row)
	}
	if cov.LeafCount != 7 || cov.WithEvidence != 1 || cov.Summary != "1 of 7 competencies have evidence" {
		t.Fatalf("coverage counts %d, %d, %q", cov.LeafCount, cov.WithEvidence, cov.Summary)
	}
	// Nothing new can be aligned to it.
	other := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Other"))
	_, err = s.Align(ctx, portfolio.Alignment{EntryID: other.ID, CompetencyID: "fx:2.3"})
	wantError(t, err, portfolio.CodeInvalid, `"2.3 Differentiation"`, "was retired", "Fixture framework")

	// Without live evidence a retired competency leaves the map.
	if err := s.TrashEntry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	cov = mustCoverage(t, s, "fx")
	if hasRow(cov, "fx:2.3") || len(cov.Rows) != 11 || cov.WithEvidence != 0 {
		t.Fatalf("coverage with the evidence in the trash: %d rows, %d with evidence", len(cov.Rows), cov.WithEvidence)
	}
	if err := s.RestoreEntry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}

	// Version 3 brings it back as it was.
	saved, change = mustSave(t, s, fixtureFramework())
	same(t, "change of the restoring save", change, FrameworkChange{Updated: 1, Restored: 1, Unchanged: 10})
	want = fixtureStored(saved.CreatedAt)
	want.UpdatedAt = c.last()
	same(t, "restored framework", saved, want)
	cov = mustCoverage(t, s, "fx")
	if row := coverageRow(t, cov, "fx:2.3"); row.Competency.RetiredAt != nil || len(row.Evidence) != 1 {
		t.Fatalf("restored row = %+v", row)
	}
	if cov.Summary != "2 of 8 competencies have evidence" {
		t.Fatalf("summary %q", cov.Summary)
	}
	mustAlign(t, s, portfolio.Alignment{EntryID: other.ID, CompetencyID: "fx:2.3"})
}

func TestSaveFrameworkRetiringChildrenMakesParentALeaf(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Newsletter"))
	mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:4.1", Strength: "proficient"})

	saved, change := mustSave(t, s, without(fixtureFramework(), "fx:4.1"))
	same(t, "change", change, FrameworkChange{Updated: 1, Retired: 1, Unchanged: 10}) // 4 is a leaf now
	if p := competency(t, &saved, "fx:4"); !p.Leaf {
		t.Fatalf("fx:4 = %+v, want a leaf", p)
	}
	// The retired child stays under its parent, which evidence can now be aligned to.
	cov := mustCoverage(t, s, "fx")
	var ids []string
	for _, r := range cov.Rows[len(cov.Rows)-2:] {
		ids = append(ids, r.Competency.ID)
	}
	if strings.Join(ids, " ") != "fx:4 fx:4.1" || cov.LeafCount != 8 || cov.WithEvidence != 0 {
		t.Fatalf("last rows %v, %d leaves, %d with evidence", ids, cov.LeafCount, cov.WithEvidence)
	}
	mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:4"})
}

func TestSaveFrameworkMovesAndReordersCompetencies(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	f := fixtureFramework()
	competency(t, &f, "fx:3").ParentID = "fx:1.1" // under 1.1, after its children
	// 2.2 before 2.1: sibling order is the order of the list.
	cs := f.Competencies
	cs[1], cs[6] = cs[6], cs[1]
	saved, change := mustSave(t, s, f)
	same(t, "change", change, FrameworkChange{Updated: 4, Unchanged: 8}) // 3, 2.1, 2.2, and 4 is third now
	var got []string
	for _, c := range saved.Competencies {
		got = append(got, strings.Repeat("  ", c.Depth)+c.Code+"@"+string(rune('0'+c.Position)))
	}
	want := []string{"1@1", "  1.1@1", "    1.1.a@1", "    1.1.b@2", "    3@3", "  1.2@2", "2@2", "  2.2@1", "  2.1@2", "  2.3@3", "4@3", "  4.1@1"}
	same(t, "tree", got, want)
}

func TestSaveFrameworkRefusesInvalid(t *testing.T) {
	cases := []struct {
		name   string
		change func(f *portfolio.Framework)
		parts  []string
	}{
		{"empty id", func(f *portfolio.Framework) { f.ID = "  " }, []string{"needs an id"}},
		{"empty title", func(f *portfolio.Framework) { f.Title = " " }, []string{"fx", "needs a title"}},
		{"unknown scale", func(f *portfolio.Framework) { f.Scale = "stars" }, []string{`"stars"`, "unesco_levels", "proficiency"}},
		{"unknown origin", func(f *portfolio.Framework) { f.Origin = "web" }, []string{`"web"`, "builtin, case or custom"}},
		{"missing parent", func(f *portfolio.Framework) { f.Competencies[7].ParentID = "fx:9" },
			[]string{`"1.2 Sequencing"`, "fx:9", "not a competency of"}},
		{"inside itself", func(f *portfolio.Framework) { f.Competencies[8].ParentID = "fx:3" },
			[]string{`"3 Reflection 李明"`, "inside itself"}},
		{"cycle", func(f *portfolio.Framework) { f.Competencies[0].ParentID = "fx:1.1.a" },
			[]string{`"1 Planning"`, `"1.1 Designing"`, `"1.1.a Goals 🎯"`, "cycle"}},
		{"empty competency title", func(f *portfolio.Framework) { f.Competencies[6].Title = " \t" },
			[]string{`"2.2"`, "no title"}},
		{"empty title and code", func(f *portfolio.Framework) { f.Competencies[6].Title, f.Competencies[6].Code = "", "" },
			[]string{"fx:2.2", "no title"}},
		{"empty competency id", func(f *portfolio.Framework) { f.Competencies[6].ID = "" },
			[]string{"number 7", "2.2 Feedback", "no id"}},
		{"duplicate id", func(f *portfolio.Framework) { f.Competencies[6].ID = "fx:2.1" },
			[]string{"fx:2.1", "twice"}},
		{"other framework", func(f *portfolio.Framework) { f.Competencies[6].FrameworkID = "other" },
			[]string{"belongs to the framework other"}},
	}
	t.Run("new framework", func(t *testing.T) {
		s, _, _ := openStore(t)
		for _, tc := range cases {
			f := fixtureFramework()
			tc.change(&f)
			_, _, err := s.SaveFramework(ctx, f)
			wantError(t, err, portfolio.CodeInvalid, tc.parts...)
		}
		for _, table := range []string{"frameworks", "competencies"} {
			if n := count(t, s, "SELECT count(*) FROM "+table); n != 0 {
				t.Fatalf("%d rows in %s after refused saves", n, table)
			}
		}
	})
	t.Run("stored framework", func(t *testing.T) {
		s, _, _ := openStore(t)
		stored, _ := mustSave(t, s, fixtureFramework())
		before := writes(t, s)
		for _, tc := range cases {
			f := fixtureFramework()
			competency(t, &f, "fx:1.1.b").Title = "Would be updated"
			f = without(f, "fx:4.1") // would be retired
			tc.change(&f)
			_, _, err := s.SaveFramework(ctx, f)
			wantError(t, err, portfolio.CodeInvalid, tc.parts...)
		}
		same(t, "framework after refused saves", mustFramework(t, s, "fx"), stored)
		if n := writes(t, s) - before; n != 0 {
			t.Fatalf("refused saves changed %d rows", n)
		}
	})
}

func TestSaveFrameworkGuardsOriginAndScale(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	f := fixtureFramework()
	f.Origin = portfolio.OriginBuiltIn
	_, _, err := s.SaveFramework(ctx, f)
	wantError(t, err, portfolio.CodeConflict, "stored as custom", "cannot be saved as builtin")

	// The scale may change while no evidence is aligned with strengths of the old one.
	f = fixtureFramework()
	f.Scale = portfolio.ScaleUNESCOLevels
	saved, _ := mustSave(t, s, f)
	if saved.Scale != portfolio.ScaleUNESCOLevels {
		t.Fatalf("scale %q", saved.Scale)
	}
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3", Strength: "create"})
	_, _, err = s.SaveFramework(ctx, fixtureFramework())
	wantError(t, err, portfolio.CodeConflict, "unesco_levels", "cannot change to proficiency")

	// Defaults: custom origin, proficiency scale; text is trimmed.
	_, _, err = s.SaveFramework(ctx, portfolio.Framework{ID: "bare", Title: "  Bare  ",
		Competencies: []portfolio.Competency{{ID: "bare:1", Title: " One ", Code: " 1 "}}})
	if err != nil {
		t.Fatal(err)
	}
	bare := mustFramework(t, s, "bare")
	if bare.Origin != portfolio.OriginCustom || bare.Scale != portfolio.ScaleProficiency || bare.Title != "Bare" ||
		bare.Competencies[0].Title != "One" || bare.Competencies[0].Code != "1" || bare.LeafCount != 1 {
		t.Fatalf("bare framework = %+v", bare)
	}
}

// builtIn is a small built-in framework on the UNESCO scale.
func builtIn(id, title, digest string) portfolio.Framework {
	return portfolio.Framework{
		ID: id, Title: title, Publisher: "UNESCO", Version: "2024", Origin: portfolio.OriginBuiltIn,
		Scale: portfolio.ScaleUNESCOLevels, ContentDigest: digest, SourceURL: "https://doi.org/10.54675/ZJTE2084",
		Competencies: []portfolio.Competency{
			{ID: id + ":1", Code: "1", Title: "Human-centred mindset"},
			{ID: id + ":1.1", ParentID: id + ":1", Code: "1.1", Title: "Human agency", Level: "acquire"},
			{ID: id + ":1.2", ParentID: id + ":1", Code: "1.2", Title: "Human accountability", Level: "deepen"},
			{ID: id + ":2", Code: "2", Title: "Ethics of AI"},
			{ID: id + ":2.1", ParentID: id + ":2", Code: "2.1", Title: "Ethical principles", Level: "acquire"},
		},
	}
}

func TestSaveBuiltInSkipsUnchangedDigest(t *testing.T) {
	s, c, _ := openStore(t)
	first, change := mustSave(t, s, builtIn("unesco", "UNESCO AI CFT", "sha256:aaa"))
	same(t, "first install", change, FrameworkChange{Added: 5})
	installed := c.last()

	before := writes(t, s)
	again, change := mustSave(t, s, builtIn("unesco", "UNESCO AI CFT", "sha256:aaa"))
	same(t, "change at the next start", change, FrameworkChange{Unchanged: 5})
	same(t, "framework at the next start", again, first)
	// The digest decides: the same digest is the same content, not even compared.
	edited := builtIn("unesco", "UNESCO AI CFT", "sha256:aaa")
	edited.Competencies[1].Title = "Agency"
	again, change = mustSave(t, s, edited)
	same(t, "change with the same digest", change, FrameworkChange{Unchanged: 5})
	same(t, "framework with the same digest", again, first)
	if n := writes(t, s) - before; n != 0 {
		t.Fatalf("saving an unchanged built-in changed %d rows", n)
	}

	// A new version of the app ships new content.
	edited.ContentDigest = "sha256:bbb"
	updated, change := mustSave(t, s, edited)
	same(t, "change of an update", change, FrameworkChange{Updated: 1, Unchanged: 4})
	if updated.ContentDigest != "sha256:bbb" || updated.Competencies[1].Title != "Agency" ||
		!updated.CreatedAt.Equal(installed) || !updated.UpdatedAt.After(installed) {
		t.Fatalf("updated built-in = %+v", updated)
	}

	err := s.DeleteFramework(ctx, "unesco")
	wantError(t, err, portfolio.CodeInvalid, `"UNESCO AI CFT"`, "built into ReadyFolio", "cannot be deleted")
	mustFramework(t, s, "unesco")
}

func TestFrameworksListAndGet(t *testing.T) {
	s, _, _ := openStore(t)
	for _, f := range []portfolio.Framework{
		{ID: "z", Title: "Zeta rubric", Origin: portfolio.OriginCustom},
		builtIn("b2", "Built B", "d"),
		{ID: "a", Title: "alpha criteria", Origin: portfolio.OriginCASE, CASEID: "c0ffee", CASEURI: "https://case.example/c0ffee",
			Competencies: []portfolio.Competency{{ID: "c0ffee-1", Title: "Item without a code", CASEID: "c0ffee-1"}}},
		builtIn("b1", "Built A", "d"),
	} {
		mustSave(t, s, f)
	}
	list, err := s.Frameworks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range list {
		if f.Competencies != nil {
			t.Errorf("%s listed with competencies", f.ID)
		}
		got = append(got, f.ID+"/"+string(rune('0'+f.LeafCount)))
	}
	same(t, "frameworks", got, []string{"b1/3", "b2/3", "a/1", "z/0"})
	a := mustFramework(t, s, "a")
	if a.CASEID != "c0ffee" || a.CASEURI != "https://case.example/c0ffee" || a.Competencies[0].CASEID != "c0ffee-1" ||
		a.Origin != portfolio.OriginCASE {
		t.Fatalf("CASE framework = %+v", a)
	}
	if z := mustFramework(t, s, "z"); z.Competencies == nil || len(z.Competencies) != 0 {
		t.Fatalf("empty framework's competencies = %#v, want an empty list", z.Competencies)
	}
	_, err = s.Framework(ctx, "nope")
	wantError(t, err, portfolio.CodeNotFound, "nope")
}

func TestDeleteFramework(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	mustSave(t, s, builtIn("unesco", "UNESCO AI CFT", "d"))
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3"})
	kept := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "unesco:1.1"})
	if err := s.SetAssessment(ctx, "fx:3", portfolio.AssessMet); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteFramework(ctx, "fx"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Framework(ctx, "fx")
	wantError(t, err, portfolio.CodeNotFound, "fx")
	for table, want := range map[string]int{"frameworks": 1, "competencies": 5, "alignments": 1, "assessments": 0, "entries": 1} {
		if n := count(t, s, "SELECT count(*) FROM "+table); n != want {
			t.Errorf("%d rows in %s, want %d", n, table, want)
		}
	}
	same(t, "alignments left", mustAlignments(t, s, e.ID), []portfolio.Alignment{kept})
	if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("IntegrityCheck = %q, %v", problems, err)
	}
	wantError(t, s.DeleteFramework(ctx, "fx"), portfolio.CodeNotFound, "fx")
}

func TestReopenKeepsFrameworks(t *testing.T) {
	s, c, path := openStore(t)
	mustSave(t, s, fixtureFramework())
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:1.2", Rationale: "Kept"})
	cov := mustCoverage(t, s, "fx")
	s.Close()
	s2, err := Open(path, c.now)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	same(t, "coverage after reopening", mustCoverage(t, s2, "fx"), cov)
}

func coverageRow(t *testing.T, cov portfolio.Coverage, id string) portfolio.CoverageRow {
	t.Helper()
	for _, r := range cov.Rows {
		if r.Competency.ID == id {
			return r
		}
	}
	t.Fatalf("no row %s in the coverage of %s", id, cov.Framework.ID)
	return portfolio.CoverageRow{}
}

func hasRow(cov portfolio.Coverage, id string) bool {
	for _, r := range cov.Rows {
		if r.Competency.ID == id {
			return true
		}
	}
	return false
}
