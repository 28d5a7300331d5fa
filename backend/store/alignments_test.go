package store

import (
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestAlignRoundTrip(t *testing.T) {
	s, c, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	mustSave(t, s, builtIn("unesco", "UNESCO AI CFT", "d"))
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindAIPilot, "Chatbot pilot"))
	entry := mustEntry(t, s, e.ID)

	a := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, FrameworkID: "fx", CompetencyID: "fx:3",
		Rationale: "  Journal of 𝑑/𝑑𝑥 lessons with Zoë and 李明 🙂\n "})
	checkV7(t, a.ID)
	want := portfolio.Alignment{ID: a.ID, EntryID: e.ID, CompetencyID: "fx:3", FrameworkID: "fx",
		Rationale: "Journal of 𝑑/𝑑𝑥 lessons with Zoë and 李明 🙂", Strength: portfolio.StrengthEmerging,
		CreatedAt: c.last(), UpdatedAt: c.last()}
	same(t, "alignment", a, want)
	// Without a framework id the competency's own framework is filled in; strengths ignore case.
	b := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "unesco:2.1", Strength: " Deepen "})
	if b.FrameworkID != "unesco" || b.Strength != portfolio.StrengthDeepen {
		t.Fatalf("alignment to the built-in = %+v", b)
	}
	d := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:1.1.a", Strength: "exemplary"})
	// Built-ins first, then depth-first within each framework.
	same(t, "entry alignments", mustAlignments(t, s, e.ID), []portfolio.Alignment{b, d, want})

	// Aligning again changes it in place.
	changed := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3", Rationale: "Changed", Strength: "proficient"})
	want.Rationale, want.Strength, want.UpdatedAt = "Changed", portfolio.StrengthProficient, c.last()
	same(t, "changed alignment", changed, want)
	// The same again changes nothing, not even updatedAt.
	before := writes(t, s)
	same(t, "alignment saved unchanged", mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3",
		Rationale: "Changed\n", Strength: "proficient"}), want)
	if n := writes(t, s) - before; n != 0 {
		t.Fatalf("an unchanged alignment changed %d rows", n)
	}
	same(t, "entries after aligning", mustEntry(t, s, e.ID), entry) // alignments do not touch the entry

	if err := s.Unalign(ctx, e.ID, "fx:3"); err != nil {
		t.Fatal(err)
	}
	same(t, "alignments after unaligning", mustAlignments(t, s, e.ID), []portfolio.Alignment{b, d})
	wantError(t, s.Unalign(ctx, e.ID, "fx:3"), portfolio.CodeNotFound, e.ID, "not aligned", "fx:3")
	_, err := s.EntryAlignments(ctx, "no-such-entry")
	wantError(t, err, portfolio.CodeNotFound, "no-such-entry")
	fresh := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Fresh"))
	if list := mustAlignments(t, s, fresh.ID); list == nil || len(list) != 0 {
		t.Fatalf("alignments of a fresh entry = %#v, want an empty list", list)
	}
}

func TestAlignRationaleLimit(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	longest := strings.Repeat("李", 1999) + "𝑑"
	a := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3", Rationale: "\n " + longest + " \t"})
	if a.Rationale != longest {
		t.Fatalf("rationale of %d characters not kept", len([]rune(a.Rationale)))
	}
	_, err := s.Align(ctx, portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3", Rationale: longest + "!"})
	wantError(t, err, portfolio.CodeInvalid, "2001 characters", "at most 2000")
	if got := mustAlignments(t, s, e.ID); got[0].Rationale != longest {
		t.Fatal("a refused rationale was stored")
	}
}

func TestAlignStrengthPerScale(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	mustSave(t, s, builtIn("unesco", "UNESCO AI CFT", "d"))
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	for _, tc := range []struct {
		competency string
		ok         []string
		refused    []string
		allowed    string
	}{
		{"unesco:1.1", []string{"acquire", "deepen", "create"}, []string{"proficient", "emerging", "level 2"}, `"UNESCO AI CFT" must be one of acquire, deepen, create`},
		{"fx:3", []string{"emerging", "proficient", "exemplary"}, []string{"create", "acquire", "strong"}, `"Fixture framework" must be one of emerging, proficient, exemplary`},
	} {
		for _, strength := range tc.ok {
			if a := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: tc.competency, Strength: strength}); a.Strength != strength {
				t.Fatalf("strength %q stored as %q", strength, a.Strength)
			}
		}
		for _, strength := range tc.refused {
			_, err := s.Align(ctx, portfolio.Alignment{EntryID: e.ID, CompetencyID: tc.competency, Strength: strength})
			wantError(t, err, portfolio.CodeInvalid, tc.allowed, `not "`+strength+`"`)
		}
		// The empty strength is the weakest of the scale.
		if a := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: tc.competency}); a.Strength != tc.ok[0] {
			t.Fatalf("default strength %q, want %q", a.Strength, tc.ok[0])
		}
	}
}

func TestAlignRefusals(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	mustSave(t, s, builtIn("unesco", "UNESCO AI CFT", "d"))
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	trashed := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Trashed"))
	if err := s.TrashEntry(ctx, trashed.ID); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a     portfolio.Alignment
		code  portfolio.ErrorCode
		parts []string
	}{
		{portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:1.1"}, portfolio.CodeInvalid,
			[]string{`"1.1 Designing" groups other competencies; align to one of them.`}},
		{portfolio.Alignment{EntryID: e.ID, CompetencyID: "unesco:1"}, portfolio.CodeInvalid,
			[]string{`"1 Human-centred mindset" groups other competencies`}},
		{portfolio.Alignment{EntryID: "no-such-entry", CompetencyID: "fx:3"}, portfolio.CodeNotFound, []string{"no-such-entry"}},
		{portfolio.Alignment{EntryID: trashed.ID, CompetencyID: "fx:3"}, portfolio.CodeNotFound, []string{trashed.ID}},
		{portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:9"}, portfolio.CodeNotFound, []string{"fx:9"}},
		{portfolio.Alignment{EntryID: e.ID, CompetencyID: "fx:3", FrameworkID: "unesco"}, portfolio.CodeNotFound,
			[]string{"unesco", "fx:3"}},
	} {
		_, err := s.Align(ctx, tc.a)
		wantError(t, err, tc.code, tc.parts...)
	}
	if n := count(t, s, "SELECT count(*) FROM alignments"); n != 0 {
		t.Fatalf("%d alignments stored by refused calls", n)
	}
}

// CASE frameworks may share item identifiers: such an id needs its framework to align to.
func TestSharedCompetencyIDs(t *testing.T) {
	s, _, _ := openStore(t)
	for _, id := range []string{"state", "district"} {
		mustSave(t, s, portfolio.Framework{ID: id, Title: id + " standards", Origin: portfolio.OriginCASE,
			Competencies: []portfolio.Competency{{ID: "item-1", Code: "A", Title: "Shared item"}}})
	}
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Evidence"))
	_, err := s.Align(ctx, portfolio.Alignment{EntryID: e.ID, CompetencyID: "item-1"})
	wantError(t, err, portfolio.CodeInvalid, "item-1", "2 frameworks", "say which framework")
	a := mustAlign(t, s, portfolio.Alignment{EntryID: e.ID, CompetencyID: "item-1", FrameworkID: "state"})
	if a.FrameworkID != "state" || mustCoverage(t, s, "district").WithEvidence != 0 || mustCoverage(t, s, "state").WithEvidence != 1 {
		t.Fatalf("alignment %+v counted in the wrong framework", a)
	}
	// An assessment of a shared item holds in both.
	if err := s.SetAssessment(ctx, "item-1", portfolio.AssessMet); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"state", "district"} {
		if st := mustCoverage(t, s, id).Rows[0].Status; st != portfolio.AssessMet {
			t.Fatalf("%s: status %q", id, st)
		}
	}
}

func TestAlignmentsFollowTheTrash(t *testing.T) {
	s, _, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	e1 := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "One"))
	e2 := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Two"))
	a1 := mustAlign(t, s, portfolio.Alignment{EntryID: e1.ID, CompetencyID: "fx:2.1"})
	a2 := mustAlign(t, s, portfolio.Alignment{EntryID: e1.ID, CompetencyID: "fx:3"})
	mustAlign(t, s, portfolio.Alignment{EntryID: e2.ID, CompetencyID: "fx:2.1"})
	evidence := func() map[string][]string {
		out := map[string][]string{}
		cov := mustCoverage(t, s, "fx")
		for _, r := range cov.Rows {
			for _, ev := range r.Evidence {
				out[r.Competency.ID] = append(out[r.Competency.ID], ev.Title)
			}
		}
		out["summary"] = []string{cov.Summary}
		return out
	}
	all := map[string][]string{"fx:2.1": {"One", "Two"}, "fx:3": {"One"}, "summary": {"2 of 8 competencies have evidence"}}
	same(t, "evidence", evidence(), all)

	if err := s.TrashEntry(ctx, e1.ID); err != nil {
		t.Fatal(err)
	}
	same(t, "evidence with One in the trash", evidence(),
		map[string][]string{"fx:2.1": {"Two"}, "summary": {"1 of 8 competencies have evidence"}})
	same(t, "alignments of a trashed entry", mustAlignments(t, s, e1.ID), []portfolio.Alignment{a1, a2})
	_, err := s.Align(ctx, portfolio.Alignment{EntryID: e1.ID, CompetencyID: "fx:1.2"})
	wantCode(t, err, portfolio.CodeNotFound)
	wantCode(t, s.Unalign(ctx, e1.ID, "fx:3"), portfolio.CodeNotFound)

	if err := s.RestoreEntry(ctx, e1.ID); err != nil {
		t.Fatal(err)
	}
	same(t, "evidence after the restore", evidence(), all)

	if err := s.TrashEntry(ctx, e1.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.EmptyTrash(ctx); err != nil || n != 1 {
		t.Fatalf("EmptyTrash = %d, %v", n, err)
	}
	if n := count(t, s, "SELECT count(*) FROM alignments WHERE entry_id = ?", e1.ID); n != 0 {
		t.Fatalf("%d alignments of a deleted entry left", n)
	}
	if n := count(t, s, "SELECT count(*) FROM alignments"); n != 1 {
		t.Fatalf("%d alignments left, want the one of Two", n)
	}
	_, err = s.EntryAlignments(ctx, e1.ID)
	wantCode(t, err, portfolio.CodeNotFound)
	same(t, "evidence after emptying the trash", evidence(),
		map[string][]string{"fx:2.1": {"Two"}, "summary": {"1 of 8 competencies have evidence"}})
	if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("IntegrityCheck = %q, %v", problems, err)
	}
}

func TestSetAssessment(t *testing.T) {
	s, c, _ := openStore(t)
	mustSave(t, s, fixtureFramework())
	status := func(id string) portfolio.AssessmentStatus {
		t.Helper()
		return coverageRow(t, mustCoverage(t, s, "fx"), id).Status
	}
	if got := status("fx:3"); got != portfolio.AssessNotStarted {
		t.Fatalf("default status %q", got)
	}
	if got := status("fx:1"); got != "" {
		t.Fatalf("a group has the status %q, want none", got)
	}
	for _, st := range []portfolio.AssessmentStatus{portfolio.AssessInProgress, portfolio.AssessReady, portfolio.AssessMet} {
		if err := s.SetAssessment(ctx, "fx:3", st); err != nil {
			t.Fatal(err)
		}
		if got := status("fx:3"); got != st {
			t.Fatalf("status %q after setting %q", got, st)
		}
	}
	if n := count(t, s, "SELECT count(*) FROM assessments WHERE updated_at = ?", formatTime(c.last())); n != 1 {
		t.Fatalf("%d assessments written at the last change", n)
	}
	if err := s.SetAssessment(ctx, "fx:3", portfolio.AssessNotStarted); err != nil {
		t.Fatal(err)
	}
	if got, n := status("fx:3"), count(t, s, "SELECT count(*) FROM assessments"); got != portfolio.AssessNotStarted || n != 0 {
		t.Fatalf("after not_started: status %q, %d rows", got, n)
	}
	wantError(t, s.SetAssessment(ctx, "fx:3", "done"), portfolio.CodeInvalid,
		`not_started, in_progress, ready_for_review or met, not "done"`)
	wantError(t, s.SetAssessment(ctx, "fx:2", portfolio.AssessMet), portfolio.CodeInvalid, `"2 Practice" groups other competencies`)
	wantError(t, s.SetAssessment(ctx, "fx:9", portfolio.AssessMet), portfolio.CodeNotFound, "fx:9")
	if n := count(t, s, "SELECT count(*) FROM assessments"); n != 0 {
		t.Fatalf("%d assessments after refused calls", n)
	}
}
