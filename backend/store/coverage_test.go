package store

import (
	"fmt"
	"slices"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestCoverageOfFixture(t *testing.T) {
	s, _, _ := openStore(t)
	saved, _ := mustSave(t, s, fixtureFramework())
	alpha := mustCreate(t, s, portfolio.NewEntry(portfolio.KindLessonRedesign, "Alpha lesson"))
	beta := mustCreate(t, s, portfolio.NewEntry(portfolio.KindAIPilot, "beta pilot"))
	gamma := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Gamma talk 李明"))
	delta := mustCreate(t, s, portfolio.NewEntry(portfolio.KindPDLed, "Delta workshop"))
	for _, a := range []portfolio.Alignment{
		{EntryID: alpha.ID, CompetencyID: "fx:1.1.a", Strength: "proficient", Rationale: "Goals in the plan"},
		{EntryID: beta.ID, CompetencyID: "fx:1.1.a", Strength: "exemplary", Rationale: "Zoë's 𝑑 goals"},
		{EntryID: gamma.ID, CompetencyID: "fx:1.1.a", Strength: "exemplary"},
		{EntryID: delta.ID, CompetencyID: "fx:1.1.a", Strength: "exemplary"}, // in the trash below
		{EntryID: alpha.ID, CompetencyID: "fx:2.2"},
		{EntryID: gamma.ID, CompetencyID: "fx:3", Strength: "proficient"},
		{EntryID: delta.ID, CompetencyID: "fx:4.1", Strength: "proficient"},
	} {
		mustAlign(t, s, a)
	}
	if err := s.TrashEntry(ctx, delta.ID); err != nil {
		t.Fatal(err)
	}
	for id, st := range map[string]portfolio.AssessmentStatus{"fx:1.1.a": portfolio.AssessMet, "fx:2.2": portfolio.AssessInProgress} {
		if err := s.SetAssessment(ctx, id, st); err != nil {
			t.Fatal(err)
		}
	}

	framework := saved
	framework.Competencies = nil
	want := portfolio.Coverage{Framework: framework, LeafCount: 8, WithEvidence: 3, Summary: "3 of 8 competencies have evidence"}
	evidence := map[string][]portfolio.CoverageEntry{
		// Strongest first by the scale (exemplary > proficient, though "proficient" sorts later
		// as text), then by title whatever its case.
		"fx:1.1.a": {
			{EntryID: beta.ID, Title: "beta pilot", Kind: portfolio.KindAIPilot, Strength: "exemplary", Rationale: "Zoë's 𝑑 goals"},
			{EntryID: gamma.ID, Title: "Gamma talk 李明", Kind: portfolio.KindArtifact, Strength: "exemplary"},
			{EntryID: alpha.ID, Title: "Alpha lesson", Kind: portfolio.KindLessonRedesign, Strength: "proficient", Rationale: "Goals in the plan"},
		},
		"fx:2.2": {{EntryID: alpha.ID, Title: "Alpha lesson", Kind: portfolio.KindLessonRedesign, Strength: "emerging"}},
		"fx:3":   {{EntryID: gamma.ID, Title: "Gamma talk 李明", Kind: portfolio.KindArtifact, Strength: "proficient"}},
	}
	status := map[string]portfolio.AssessmentStatus{"fx:1.1.a": portfolio.AssessMet, "fx:2.2": portfolio.AssessInProgress}
	for _, c := range saved.Competencies {
		row := portfolio.CoverageRow{Competency: c, Evidence: []portfolio.CoverageEntry{}}
		if c.Leaf {
			row.Status = portfolio.AssessNotStarted
			if st, ok := status[c.ID]; ok {
				row.Status = st
			}
			if ev, ok := evidence[c.ID]; ok {
				row.Evidence, row.Strongest = ev, ev[0].Strength
			}
		}
		want.Rows = append(want.Rows, row)
	}
	same(t, "coverage", mustCoverage(t, s, "fx"), want)

	_, err := s.Coverage(ctx, "nope")
	wantError(t, err, portfolio.CodeNotFound, "nope")
}

func TestCoverageSummaryWording(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, portfolio.Framework{ID: "one", Title: "One criterion",
		Competencies: []portfolio.Competency{{ID: "one:1", Title: "The criterion"}}})
	if got := mustCoverage(t, s, "one").Summary; got != "0 of 1 competency has evidence" {
		t.Fatalf("summary %q", got)
	}
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "one:1"})
	if got := mustCoverage(t, s, "one").Summary; got != "1 of 1 competency has evidence" {
		t.Fatalf("summary %q", got)
	}
	mustSave(t, s, portfolio.Framework{ID: "empty", Title: "Empty"})
	cov := mustCoverage(t, s, "empty")
	if cov.Summary != "0 of 0 competencies have evidence" || cov.Rows == nil || len(cov.Rows) != 0 {
		t.Fatalf("coverage of an empty framework = %+v", cov)
	}
	for _, tc := range []struct {
		with, total int
		want        string
	}{{11, 15, "11 of 15 competencies have evidence"}, {1, 2, "1 of 2 competencies have evidence"}, {0, 3, "0 of 3 competencies have evidence"}} {
		if got := coverageSummary(tc.with, tc.total); got != tc.want {
			t.Errorf("coverageSummary(%d, %d) = %q", tc.with, tc.total, got)
		}
	}
}

const (
	largeGroups       = 10
	largeLeavesPer    = 24 // 10 groups + 240 leaves = 250 competencies
	largeEntries      = 100
	largeAlignPerItem = 20 // 2000 alignments
)

// largeFramework stores a framework of 250 competencies and 2000 alignments of 100 entries.
func largeFramework(tb testing.TB, s *Store) {
	tb.Helper()
	f := portfolio.Framework{ID: "big", Title: "Big framework", Origin: portfolio.OriginCASE, Scale: portfolio.ScaleProficiency}
	for g := range largeGroups {
		gid := fmt.Sprintf("big:%d", g+1)
		f.Competencies = append(f.Competencies, portfolio.Competency{ID: gid, Code: fmt.Sprint(g + 1), Title: "Group " + gid})
		for l := range largeLeavesPer {
			f.Competencies = append(f.Competencies, portfolio.Competency{ID: fmt.Sprintf("%s.%d", gid, l+1), ParentID: gid,
				Code: fmt.Sprintf("%d.%d", g+1, l+1), Title: fmt.Sprintf("Leaf %d.%d", g+1, l+1)})
		}
	}
	mustSave(tb, s, f)
	strengths := portfolio.Strengths(portfolio.ScaleProficiency)
	leaves := largeGroups * largeLeavesPer
	for i := range largeEntries {
		e := mustCreate(tb, s, portfolio.NewEntry(portfolio.KindArtifact, fmt.Sprintf("Entry %03d", i)))
		for k := range largeAlignPerItem {
			leaf := (i*7 + k*12) % leaves
			mustAlign(tb, s, portfolio.Alignment{EntryID: e.ID,
				CompetencyID: fmt.Sprintf("big:%d.%d", leaf/largeLeavesPer+1, leaf%largeLeavesPer+1),
				Strength:     strengths[(i+k)%3], Rationale: "Because"})
		}
	}
}

func TestCoverageOfALargeFramework(t *testing.T) {
	s, _, _ := openStore(t)
	largeFramework(t, s)
	cov := mustCoverage(t, s, "big")
	if len(cov.Rows) != 250 || cov.LeafCount != 240 || cov.WithEvidence != 240 || cov.Summary != "240 of 240 competencies have evidence" {
		t.Fatalf("%d rows, %q", len(cov.Rows), cov.Summary)
	}
	scale := portfolio.Strengths(portfolio.ScaleProficiency)
	total := 0
	for _, r := range cov.Rows {
		total += len(r.Evidence)
		if !r.Competency.Leaf {
			continue
		}
		var ranks []int
		for _, ev := range r.Evidence {
			ranks = append(ranks, slices.Index(scale, ev.Strength))
		}
		if !slices.IsSortedFunc(ranks, func(a, b int) int { return b - a }) || r.Strongest != scale[slices.Max(ranks)] {
			t.Fatalf("%s: strongest %q of %v", r.Competency.ID, r.Strongest, ranks)
		}
	}
	if total != largeEntries*largeAlignPerItem {
		t.Fatalf("%d pieces of evidence, want %d", total, largeEntries*largeAlignPerItem)
	}
}

func BenchmarkCoverage(b *testing.B) {
	s, _, _ := openStore(b)
	largeFramework(b, s)
	b.ReportAllocs()
	for b.Loop() {
		cov, err := s.Coverage(ctx, "big")
		if err != nil || len(cov.Rows) != 250 {
			b.Fatal(len(cov.Rows), err)
		}
	}
}
