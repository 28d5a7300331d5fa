package workspace

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/frameworks"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestBuiltInsAreInstalledOnOpen(t *testing.T) {
	w := openTemp(t)
	list, err := w.Store.Frameworks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	leaves := map[string]int{}
	for _, f := range list {
		leaves[f.ID] = f.LeafCount
	}
	if leaves[frameworks.UNESCOID] != 15 || leaves[frameworks.ISTEID] != 24 {
		t.Errorf("built-ins after open: %v", leaves)
	}
}

func TestNewEntryForGapIsAlignedToTheGap(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	c, err := w.FindCompetency(ctx, frameworks.UNESCOID, "3.3")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.NewEntryForGap(ctx, portfolio.KindLessonRedesign, frameworks.UNESCOID, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Title, "Evidence for 3.3") || e.Kind != portfolio.KindLessonRedesign {
		t.Errorf("entry = %q (%s)", e.Title, e.Kind)
	}
	aligned, _ := w.Store.EntryAlignments(ctx, e.ID)
	if len(aligned) != 1 || aligned[0].CompetencyID != c.ID {
		t.Errorf("alignments of the new entry: %+v", aligned)
	}
	group, _ := w.FindCompetency(ctx, frameworks.UNESCOID, "3")
	if _, err := w.NewEntryForGap(ctx, portfolio.KindArtifact, frameworks.UNESCOID, group.ID); err == nil {
		t.Error("an entry was started for a group of competencies")
	}
	if live, _ := w.Store.ListEntries(ctx, portfolio.EntryFilter{}); len(live) != 1 {
		t.Errorf("%d live entries; the refused one must not stay", len(live))
	}
}

func TestReimportKeepsAlignmentsAndRetiresWhatDisappeared(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	first, err := w.ImportCASE(ctx, filepath.Join("..", "frameworks", "testdata", "northfield-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	if first.Replaced || first.Change.Added == 0 || first.File.Items == 0 {
		t.Fatalf("first import report: %+v", first)
	}
	stored, _ := w.Store.Framework(ctx, first.Framework.ID)
	e, _ := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Rubric evidence"))
	var aligned []string
	for _, c := range stored.Competencies {
		if c.Leaf {
			if _, err := w.Store.Align(ctx, portfolio.Alignment{EntryID: e.ID, FrameworkID: stored.ID, CompetencyID: c.ID}); err != nil {
				t.Fatal(err)
			}
			aligned = append(aligned, c.ID)
		}
	}
	second, err := w.ImportCASE(ctx, filepath.Join("..", "frameworks", "testdata", "northfield-v2.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !second.Replaced || second.Framework.ID != first.Framework.ID || second.Change.Retired != 1 || second.Change.Updated != 1 {
		t.Errorf("re-import report: %+v", second.Change)
	}
	list, _ := w.Store.Frameworks(ctx)
	if len(list) != 3 {
		t.Errorf("%d frameworks after importing the same document twice", len(list))
	}
	kept, _ := w.Store.EntryAlignments(ctx, e.ID)
	if len(kept) != len(aligned) {
		t.Errorf("alignments after re-import: %d, want %d", len(kept), len(aligned))
	}
}

func TestOnlyCustomFrameworksAreEditable(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	unesco, _ := w.Store.Framework(ctx, frameworks.UNESCOID)
	if _, err := w.SaveCustomFramework(ctx, unesco); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("editing a built-in: %v", err)
	}
	f, err := w.CreateCustomFramework(ctx, "District rubric")
	if err != nil {
		t.Fatal(err)
	}
	f.Competencies = []portfolio.Competency{{Code: "R1", Title: "Plans with AI"}}
	saved, err := w.SaveCustomFramework(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Competencies) != 1 || !strings.HasPrefix(saved.Competencies[0].ID, f.ID+":") || saved.Competencies[0].Title != "Plans with AI" {
		t.Errorf("custom framework after save: %+v", saved.Competencies)
	}
}
