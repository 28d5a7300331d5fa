package impact

import (
	"reflect"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// fixture is a portfolio with known totals: 2 PD sessions (18 + 30 colleagues, 3 + 9.5 hours),
// 2 pilots (120 students in 5 classes, 64 in 3), 3 evaluations (adopt, do not adopt, undecided),
// 2 guidance documents (one adopted), a redesign that counts towards nothing, and credentials
// of which one expired the day before "today".
func fixture() ([]portfolio.Entry, []portfolio.Credential, []portfolio.Coverage) {
	pd := func(participants int, hours float64) portfolio.Entry {
		e := portfolio.NewEntry(portfolio.KindPDLed, "PD")
		e.PD.Participants, e.PD.ContactHours = participants, hours
		return e
	}
	pilot := func(students, classes int) portfolio.Entry {
		e := portfolio.NewEntry(portfolio.KindAIPilot, "Pilot")
		e.Pilot.StudentsReached, e.Pilot.ClassesReached = students, classes
		return e
	}
	eval := func(r portfolio.Recommendation) portfolio.Entry {
		e := portfolio.NewEntry(portfolio.KindToolEvaluation, "Evaluation")
		e.Evaluation.Recommendation = r
		return e
	}
	guidance := func(s portfolio.GuidanceStage) portfolio.Entry {
		e := portfolio.NewEntry(portfolio.KindPolicyGuidance, "Guidance")
		e.Guidance.Stage = s
		return e
	}
	entries := []portfolio.Entry{pd(18, 3), pd(30, 9.5), pilot(120, 5), pilot(64, 3),
		eval(portfolio.RecommendAdopt), eval(portfolio.RecommendDoNotAdopt), eval(portfolio.RecommendNone),
		guidance(portfolio.StageAdopted), guidance(portfolio.StageInProgress),
		portfolio.NewEntry(portfolio.KindLessonRedesign, "Redesign")}
	credentials := []portfolio.Credential{
		{Name: "Never expires"}, {Name: "Expires today", ExpiresOn: "2026-11-30"}, {Name: "Expired", ExpiresOn: "2026-11-29"},
	}
	coverage := []portfolio.Coverage{
		{Framework: portfolio.Framework{ID: "unesco-ai-cft", Title: "UNESCO AI CFT"}, LeafCount: 15, WithEvidence: 6},
		{Framework: portfolio.Framework{ID: "iste-educators", Title: "ISTE Standards for Educators"}, LeafCount: 24, WithEvidence: 3},
	}
	return entries, credentials, coverage
}

func computeFixture() Figures {
	entries, credentials, coverage := fixture()
	return Compute(entries, credentials, coverage, "2026-11-30")
}

func TestComputeFromFixtureWithKnownTotals(t *testing.T) {
	got := computeFixture()
	want := Figures{
		ColleaguesTrained: 48, ContactHours: 12.5, SessionsLed: 2,
		StudentsReached: 184, ClassesReached: 8, Pilots: 2,
		ToolsEvaluated: 3, Recommendations: Recommendations{Adopt: 1, DoNotAdopt: 1, Undecided: 1},
		GuidanceDocuments: 2, GuidanceInForce: 1,
		CredentialsHeld: 2, CredentialsExpired: 1,
		Frameworks: []FrameworkCoverage{
			{FrameworkID: "unesco-ai-cft", Title: "UNESCO AI CFT", WithEvidence: 6, Competencies: 15},
			{FrameworkID: "iste-educators", Title: "ISTE Standards for Educators", WithEvidence: 3, Competencies: 24},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Compute =\n%+v\nwant\n%+v", got, want)
	}
}

func TestComputeOfNothingIsZeroWithAnEmptyFrameworkList(t *testing.T) {
	got := Compute(nil, nil, nil, "2026-11-30")
	if got.ToolsEvaluated != 0 || got.Frameworks == nil || len(got.Frameworks) != 0 {
		t.Fatalf("Compute(nothing) = %+v", got)
	}
}
