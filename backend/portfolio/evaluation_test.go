package portfolio

import (
	"strings"
	"testing"
)

func TestNewToolEvaluationScoresEveryCriterionOfTheBuiltinRubric(t *testing.T) {
	e := NewEntry(KindToolEvaluation, "Essay feedback assistant")
	if e.Evaluation == nil || e.Pilot != nil {
		t.Fatalf("details = %+v", e)
	}
	if n := len(e.Evaluation.Scores); n != 6 || e.Evaluation.Scores[3].Criterion != "student_data_privacy" {
		t.Fatalf("scores = %+v", e.Evaluation.Scores)
	}
	if len(e.Reflection) != 3 {
		t.Fatalf("reflection prompts = %d", len(e.Reflection))
	}
}

func TestNormalizeToolEvaluation(t *testing.T) {
	e := NewEntry(KindToolEvaluation, "Essay feedback assistant")
	d := e.Evaluation
	// Scores given out of order and partly: Normalize puts them in the rubric's order, one each.
	d.Scores = []CriterionScore{
		{Criterion: "student_data_privacy", Score: 2, Answers: map[string]string{"dpa_signed": "no", "retention": "  "}},
		{Criterion: "accuracy", Score: 4, Notes: "Checked 40 cited sources; 3 did not exist."},
	}
	d.Recommendation = RecommendPilotFurther
	got, err := Normalize(e)
	if err != nil {
		t.Fatal(err)
	}
	s := got.Evaluation.Scores
	if len(s) != 6 || s[1].Criterion != "accuracy" || s[1].Score != 4 || s[3].Answers["dpa_signed"] != "no" {
		t.Fatalf("scores = %+v", s)
	}
	if _, ok := s[3].Answers["retention"]; ok {
		t.Fatal("an empty answer should be dropped")
	}
	if n, total := got.Evaluation.ScoredCount(); n != 2 || total != 6 {
		t.Fatalf("ScoredCount = %d, %d", n, total)
	}
	if text := SearchText(got); !strings.Contains(text, "3 did not exist") {
		t.Fatalf("search text misses the notes:\n%s", text)
	}
}

func TestNormalizeToolEvaluationRefuses(t *testing.T) {
	cases := map[string]struct {
		edit func(d *ToolEvaluationDetails)
		want string
	}{
		"score off the scale": {func(d *ToolEvaluationDetails) { d.Scores[0].Score = 5 }, "not on the rubric's scale (1 to 4)"},
		"unknown criterion":   {func(d *ToolEvaluationDetails) { d.Scores[0].Criterion = "vibes" }, "does not match a criterion"},
		"scored twice":        {func(d *ToolEvaluationDetails) { d.Scores[1].Criterion = d.Scores[0].Criterion }, "scored twice"},
		"unknown field":       {func(d *ToolEvaluationDetails) { d.Scores[0].Answers["colour"] = "red" }, `has no field "colour"`},
		"yes or no":           {func(d *ToolEvaluationDetails) { d.Scores[3].Answers["dpa_signed"] = "maybe" }, "with yes or no"},
		"recommendation":      {func(d *ToolEvaluationDetails) { d.Recommendation = "buy" }, "adopt, pilot_further or do_not_adopt"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			e := NewEntry(KindToolEvaluation, "Tool")
			c.edit(e.Evaluation)
			if _, err := Normalize(e); err == nil || !strings.Contains(Message(err), c.want) {
				t.Fatalf("Normalize = %v, want %q", err, c.want)
			}
		})
	}
}

func TestAnEvaluationKeepsTheRubricItWasScoredAgainst(t *testing.T) {
	district, err := ParseRubric([]byte(`{"format":"readyfolio-rubric","formatVersion":1,"id":"lakeview","name":"Lakeview",
		"edition":"","publisher":"","levels":[{"score":1,"label":"No"},{"score":2,"label":"Yes"}],
		"criteria":[{"id":"ferpa","label":"FERPA","guidance":"","fields":[]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	e := NewEntry(KindToolEvaluation, "Tool")
	e.Evaluation = NewToolEvaluation(district)
	e.Evaluation.Scores[0].Score = 2
	got, err := Normalize(e)
	if err != nil {
		t.Fatal(err)
	}
	if got.Evaluation.Rubric.ID != "lakeview" || len(got.Evaluation.Scores) != 1 || got.Evaluation.Scores[0].Score != 2 {
		t.Fatalf("evaluation = %+v", got.Evaluation)
	}
}

func TestNormalizePolicyGuidance(t *testing.T) {
	e := NewEntry(KindPolicyGuidance, "Responsible AI use guidance")
	if e.Guidance == nil || e.Guidance.Role != RoleAuthor || e.Guidance.Stage != StageInProgress {
		t.Fatalf("defaults = %+v", e.Guidance)
	}
	e.Guidance.Body, e.Guidance.BodyLevel, e.Guidance.Summary = "Lakeview Unified", BodyDistrict, "Teachers may use AI for feedback drafts."
	e.Pilot = &PilotDetails{} // a stray details struct of another kind is dropped
	got, err := Normalize(e)
	if err != nil || got.Pilot != nil || !strings.Contains(SearchText(got), "Lakeview Unified") {
		t.Fatalf("Normalize = %+v, %v", got, err)
	}
	for _, bad := range []func(d *PolicyGuidanceDetails){
		func(d *PolicyGuidanceDetails) { d.Role = "ghostwriter" },
		func(d *PolicyGuidanceDetails) { d.BodyLevel = "galaxy" },
		func(d *PolicyGuidanceDetails) { d.Stage = "rumoured" },
	} {
		e := NewEntry(KindPolicyGuidance, "Guidance")
		bad(e.Guidance)
		if _, err := Normalize(e); Code(err) != CodeInvalid {
			t.Fatalf("Normalize accepted %+v", e.Guidance)
		}
	}
}
