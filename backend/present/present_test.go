package present

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 999: "999 bytes", 1000: "1.0 KB", 4150: "4.2 KB",
		312_000: "312 KB", 999_600: "1.0 MB", 1_400_000: "1.4 MB", 73_000_000_000: "73 GB"} {
		if got := HumanSize(n); got != want {
			t.Errorf("HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDateRange(t *testing.T) {
	for _, tc := range []struct{ start, end, want string }{
		{"", "", ""},
		{"2024-09-09", "", "9 Sep 2024"},
		{"2024-09-09", "2024-09-09", "9 Sep 2024"},
		{"2024-09-09", "2024-11-20", "9 Sep – 20 Nov 2024"},
		{"2024-09-09", "2025-01-24", "9 Sep 2024 – 24 Jan 2025"},
		{"", "2025-01-24", "Until 24 Jan 2025"},
		{"spring", "", "spring"},
	} {
		if got := DateRange(tc.start, tc.end); got != tc.want {
			t.Errorf("DateRange(%q, %q) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
	if got := LongDate(time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)); got != "12 March 2025" {
		t.Errorf("LongDate = %q", got)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Zoe\u0308":         "Zoë",
		"a\tb\r\nc\x00\x07": "a b\nc",
		"party 🎉":           "party 🎉",
		"  two\n\nlines  ":  "  two\n\nlines  ",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := OneLine(" a \n b\t c "); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
	if got := NonEmpty([]string{" x ", "", "\n", "y\nz"}); !reflect.DeepEqual(got, []string{"x", "y z"}) {
		t.Errorf("NonEmpty = %q", got)
	}
}

func TestLabels(t *testing.T) {
	kinds := []portfolio.Kind{portfolio.KindPDLed, portfolio.KindAIPilot, portfolio.KindAIPilot}
	if got := EvidenceCounts(kinds); got != "2 AI pilots · 1 PD session led" {
		t.Errorf("EvidenceCounts = %q", got)
	}
	if got := EvidenceCounts(nil); got != NoEvidence {
		t.Errorf("EvidenceCounts(nil) = %q", got)
	}
	if got := TypeName("text/plain; charset=utf-8"); got != "Text" {
		t.Errorf("TypeName = %q", got)
	}
	if got := TypeName("application/x-unknown"); got != "application/x-unknown" {
		t.Errorf("TypeName = %q", got)
	}
	if got := TypeName(""); got != "File" {
		t.Errorf("TypeName(\"\") = %q", got)
	}
	if got := JoinAnd([]string{"A", "B", "C"}); got != "A, B and C" {
		t.Errorf("JoinAnd = %q", got)
	}
	if got := KindShort(portfolio.KindLessonRedesign); got != "Redesign" {
		t.Errorf("KindShort = %q", got)
	}
	if got := KindLabel("podcast_episode"); got != "podcast_episode" {
		t.Errorf("KindLabel of an unknown kind = %q", got)
	}
	if got := PDFormatLabel("book_club"); got != "Book club" {
		t.Errorf("PDFormatLabel = %q", got)
	}
	if got := AssessmentLabel(portfolio.AssessReady); got != "Ready for review" {
		t.Errorf("AssessmentLabel = %q", got)
	}
}

func labels(blocks []Block) []string {
	var out []string
	for _, b := range blocks {
		out = append(out, b.Label)
	}
	return out
}

// TestDetails pins each kind's fields, their labels and their order: the PDF and the viewer
// both print exactly these.
func TestDetails(t *testing.T) {
	pilot := portfolio.NewEntry(portfolio.KindAIPilot, "p")
	*pilot.Pilot = portfolio.PilotDetails{GradesSubjects: "Grade 8", AITools: []string{"A", " ", "B\tC"}, ProblemGoal: "why",
		WhatWasDone: "how", StudentsReached: 1, ClassesReached: 5,
		Outcomes: []portfolio.Outcome{{Metric: "m", Baseline: "1", Result: "2"}, {Metric: " "}},
		Privacy:  portfolio.PrivacyReview{StudentDataInvolved: true, Notes: " reviewed "}, PilotStatus: portfolio.PilotRunning}
	got := Details(pilot)
	if want := []string{"Grades and subjects", "AI tools", "Reached", "Problem or goal", "What was done", "Outcomes", "Privacy and ethics review"}; !reflect.DeepEqual(labels(got), want) {
		t.Fatalf("pilot labels = %q, want %q", labels(got), want)
	}
	if got[1].Text != "A, B C" || got[2].Text != "1 student in 5 classes" || got[5].Kind != Outcomes || len(got[5].Outcomes) != 1 ||
		got[6].Text != "Student data was involved; no approval is recorded.\nreviewed" {
		t.Errorf("pilot blocks = %+v", got)
	}
	if meta := Meta(pilot); !reflect.DeepEqual(meta, []string{"Pilot running", "Draft"}) {
		t.Errorf("Meta = %q", meta)
	}

	redesign := portfolio.NewEntry(portfolio.KindLessonRedesign, "r")
	*redesign.Redesign = portfolio.RedesignDetails{Subject: "s", Grade: "g", OriginalDescription: "o", RedesignDescription: "r",
		AIRole: "a", IntegrityMeasures: "i", StudentOutcomes: "so"}
	if got, want := labels(Details(redesign)), []string{"Subject", "Grade", "The original", "The redesign", "Role of AI",
		"Academic integrity measures", "Student outcomes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("redesign labels = %q, want %q", got, want)
	}

	pd := portfolio.NewEntry(portfolio.KindPDLed, "d")
	*pd.PD = portfolio.PDDetails{Format: portfolio.FormatCoaching, Audience: "a", Participants: 4, ContactHours: 1.5,
		Materials: "m", FeedbackSummary: "f", FeedbackRating: 4.6}
	blocks := Details(pd)
	if got, want := labels(blocks), []string{"Format", "Audience", "Participants", "Contact hours", "Feedback rating",
		"Materials", "Feedback summary"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pd labels = %q, want %q", got, want)
	}
	if blocks[0].Text != "Coaching cycle" || blocks[3].Text != "1.5" || blocks[4].Text != "4.6 out of 5" {
		t.Errorf("pd blocks = %+v", blocks)
	}

	other := portfolio.NewEntry(portfolio.KindArtifact, "o")
	if len(Details(other)) != 0 {
		t.Errorf("an empty description is shown: %+v", Details(other))
	}
	other.Other.Description = "d"
	other.Status, other.StartDate, other.Tags = portfolio.StatusReady, "2024-06-01", []string{"policy", ""}
	if got := labels(Details(other)); !reflect.DeepEqual(got, []string{"Description"}) {
		t.Errorf("other labels = %q", got)
	}
	if meta := strings.Join(Meta(other), " · "); meta != "1 Jun 2024 · Tags: policy" {
		t.Errorf("Meta = %q", meta)
	}
}

func TestCoverageRow(t *testing.T) {
	gap := CoverageRow(portfolio.CoverageRow{})
	if gap != (CoverageCells{Entries: None, Strongest: Gap, Status: None, Gap: true}) {
		t.Errorf("gap row = %+v", gap)
	}
	row := CoverageRow(portfolio.CoverageRow{Evidence: make([]portfolio.CoverageEntry, 2), Strongest: "deepen", Status: portfolio.AssessMet})
	if row != (CoverageCells{Entries: "2", Strongest: "Deepen", Status: "Met"}) {
		t.Errorf("row = %+v", row)
	}
	if got := CoverageSummary(portfolio.Coverage{LeafCount: 3, WithEvidence: 2}); got != "2 of 3 competencies have evidence" {
		t.Errorf("CoverageSummary = %q", got)
	}
}

func TestArtifactWords(t *testing.T) {
	a := portfolio.Artifact{FileName: "a.png", Role: portfolio.RoleOriginal}
	if got := CaptionText(a); got != "Original: a.png" {
		t.Errorf("CaptionText = %q", got)
	}
	if got := LinkTitle(portfolio.Artifact{URL: " https://example.org/x "}); got != "https://example.org/x" {
		t.Errorf("LinkTitle = %q", got)
	}
	if got := FileSummary(portfolio.Artifact{MediaType: "application/pdf", Size: 3200}); got != "PDF document · 3.2 KB" {
		t.Errorf("FileSummary = %q", got)
	}
	fields := ProfileFields(portfolio.Profile{Name: "Zoë", Email: "z@example.org", Role: " "})
	if got := labels(fields); !reflect.DeepEqual(got, []string{"Name", "Email"}) {
		t.Errorf("ProfileFields = %q", got)
	}
}

func TestImpactFigures(t *testing.T) {
	f := impact.Figures{ColleaguesTrained: 48, ContactHours: 12.5, SessionsLed: 2, StudentsReached: 184, ClassesReached: 8, Pilots: 2,
		ToolsEvaluated: 3, Recommendations: impact.Recommendations{Adopt: 1, DoNotAdopt: 1, Undecided: 1},
		GuidanceDocuments: 2, GuidanceInForce: 1, CredentialsHeld: 1,
		Frameworks: []impact.FrameworkCoverage{{Title: "UNESCO AI CFT", WithEvidence: 6, Competencies: 15}}}
	var got []string
	for _, fig := range ImpactFigures(f) {
		got = append(got, fig.Value+" | "+fig.Label)
	}
	want := []string{
		"48 | colleagues trained in 2 PD sessions led",
		"12.5 | contact hours of professional development led",
		"184 | students reached in 8 classes by 2 AI pilots",
		"3 | AI tools evaluated: 1 to adopt, 1 not to adopt",
		"2 | policy or guidance documents, 1 adopted or published",
		"1 | credential held",
		"6 of 15 | UNESCO AI CFT competencies with evidence",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("ImpactFigures =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if figs := ImpactFigures(impact.Figures{}); len(figs) != 0 {
		t.Fatalf("zero figures are left out, got %+v", figs)
	}
}

func TestDetailsOfAToolEvaluation(t *testing.T) {
	e := portfolio.NewEntry(portfolio.KindToolEvaluation, "QuillMate review")
	d := e.Evaluation
	d.Tool, d.Vendor, d.GradeBand, d.Recommendation = "QuillMate", "Quill Labs", "Grades 6–12", portfolio.RecommendPilotFurther
	d.Scores[1] = portfolio.CriterionScore{Criterion: "accuracy", Score: 2, Notes: "Weak on facts.",
		Answers: map[string]string{"what_checked": "40 cited sources"}}
	d.Scores[3] = portfolio.CriterionScore{Criterion: "student_data_privacy", Score: 3, Answers: map[string]string{"dpa_signed": "yes"}}
	d.Rationale = "Pilot one more semester."
	blocks := Details(e)
	want := "Tool|Vendor|Grade band|Recommendation|Evaluation rubric: ReadyFolio AI tool evaluation rubric (2026-11)|Rationale for the recommendation"
	if got := strings.Join(labels(blocks), "|"); got != want {
		t.Fatalf("labels = %s\nwant %s", got, want)
	}
	scores := blocks[4]
	if scores.Kind != Scores || scores.Text != "2 of 6 criteria scored, 5 of 8 points" || len(scores.Scores) != 6 {
		t.Fatalf("scores block = %+v", scores)
	}
	accuracy, privacy, cost := scores.Scores[1], scores.Scores[3], scores.Scores[5]
	if accuracy.Score != "2 of 4 · Needs work" || ScoreNotes(accuracy) != "Weak on facts.\nWhat was checked: 40 cited sources" {
		t.Fatalf("accuracy row = %+v, notes %q", accuracy, ScoreNotes(accuracy))
	}
	if privacy.Answers[0] != [2]string{"Signed data-privacy agreement", "Yes"} || cost.Score != "Not scored" {
		t.Fatalf("privacy = %+v, cost = %+v", privacy, cost)
	}
	if blocks[3].Text != "Pilot further" {
		t.Fatalf("recommendation = %q", blocks[3].Text)
	}
}

func TestDetailsOfPolicyGuidance(t *testing.T) {
	e := portfolio.NewEntry(portfolio.KindPolicyGuidance, "AI guidance")
	e.Guidance.Body, e.Guidance.BodyLevel, e.Guidance.Role, e.Guidance.Stage = "Lakeview Unified", portfolio.BodyDistrict, portfolio.RoleCoAuthor, portfolio.StageAdopted
	e.Guidance.Summary = "Three levels of AI use."
	var got []string
	for _, b := range Details(e) {
		got = append(got, b.Label+": "+b.Text)
	}
	want := "Issued by: Lakeview Unified · District|Role: Co-author|Stage: Adopted|Summary: Three levels of AI use."
	if strings.Join(got, "|") != want {
		t.Fatalf("details = %s\nwant %s", strings.Join(got, "|"), want)
	}
}
