package portfolio

import (
	"strings"
)

// Recommendation is what an educator recommends after evaluating an AI tool.
type Recommendation string

const (
	RecommendNone         Recommendation = "" // not decided yet
	RecommendAdopt        Recommendation = "adopt"
	RecommendPilotFurther Recommendation = "pilot_further"
	RecommendDoNotAdopt   Recommendation = "do_not_adopt"
)

// Recommendations lists the recommendations an evaluation can end with, in the order menus show.
var Recommendations = []Recommendation{RecommendAdopt, RecommendPilotFurther, RecommendDoNotAdopt}

// ToolEvaluationDetails are the fields of an AI tool evaluation. The entry's StartDate is the
// date the tool was evaluated. Rubric is the copy of the rubric the tool was scored against and
// Scores holds one score per criterion of it, in the rubric's order.
type ToolEvaluationDetails struct {
	Tool           string           `json:"tool"`
	Vendor         string           `json:"vendor"`
	ToolVersion    string           `json:"toolVersion"`
	IntendedUse    string           `json:"intendedUse"`
	GradeBand      string           `json:"gradeBand"`
	Rubric         Rubric           `json:"rubric"`
	Scores         []CriterionScore `json:"scores"`
	Recommendation Recommendation   `json:"recommendation"`
	Rationale      string           `json:"rationale"`
}

// CriterionScore is the educator's judgement on one criterion: a score of the rubric's scale (0
// while not scored), notes, and answers to the criterion's fields by field id.
type CriterionScore struct {
	Criterion string            `json:"criterion"`
	Score     int               `json:"score"`
	Notes     string            `json:"notes"`
	Answers   map[string]string `json:"answers"`
}

// newToolEvaluation is an empty evaluation against rubric r, one blank score per criterion.
func newToolEvaluation(r Rubric) *ToolEvaluationDetails {
	d := &ToolEvaluationDetails{Rubric: r}
	d.Scores = alignScores(r, nil)
	return d
}

// alignScores returns one score per criterion of r in r's order, taking the given scores where
// they exist.
func alignScores(r Rubric, given []CriterionScore) []CriterionScore {
	byID := make(map[string]CriterionScore, len(given))
	for _, s := range given {
		byID[s.Criterion] = s
	}
	out := make([]CriterionScore, len(r.Criteria))
	for i, c := range r.Criteria {
		s, ok := byID[c.ID]
		if !ok {
			s = CriterionScore{Criterion: c.ID}
		}
		if s.Answers == nil {
			s.Answers = map[string]string{}
		}
		out[i] = s
	}
	return out
}

func normalizeToolEvaluation(d *ToolEvaluationDetails) error {
	if len(d.Rubric.Criteria) == 0 {
		d.Rubric = BuiltinRubric()
	}
	if err := d.Rubric.Check(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, s := range d.Scores {
		c, ok := d.Rubric.Criterion(s.Criterion)
		if !ok {
			return Errorf(CodeInvalid, "The score for %q does not match a criterion of the rubric %q.", s.Criterion, d.Rubric.Name)
		}
		if seen[s.Criterion] {
			return Errorf(CodeInvalid, "The criterion %q is scored twice.", c.Label)
		}
		seen[s.Criterion] = true
		if _, ok := d.Rubric.Level(s.Score); !ok && s.Score != 0 {
			return Errorf(CodeInvalid, "%s: the score %d is not on the rubric's scale (%d to %d).",
				c.Label, s.Score, d.Rubric.Levels[0].Score, d.Rubric.MaxScore())
		}
		if err := checkAnswers(c, s.Answers); err != nil {
			return err
		}
	}
	d.Scores = alignScores(d.Rubric, d.Scores)
	switch d.Recommendation {
	case RecommendNone, RecommendAdopt, RecommendPilotFurther, RecommendDoNotAdopt:
	default:
		return Errorf(CodeInvalid, "The recommendation must be adopt, pilot_further or do_not_adopt, not %q.", d.Recommendation)
	}
	return nil
}

// checkAnswers refuses answers to fields the criterion does not have and yes/no answers that
// are neither; empty answers are dropped.
func checkAnswers(c RubricCriterion, answers map[string]string) error {
	for id, value := range answers {
		var field *RubricField
		for i := range c.Fields {
			if c.Fields[i].ID == id {
				field = &c.Fields[i]
			}
		}
		if field == nil {
			return Errorf(CodeInvalid, "%s has no field %q.", c.Label, id)
		}
		value = strings.TrimSpace(value)
		if value == "" {
			delete(answers, id)
			continue
		}
		if field.Type == FieldYesNo && value != AnswerYes && value != AnswerNo {
			return Errorf(CodeInvalid, "%s: answer %q with yes or no, not %q.", c.Label, field.Label, value)
		}
	}
	return nil
}

// ScoredCount is how many criteria have a score, and Total the sum of those scores.
func (d ToolEvaluationDetails) ScoredCount() (count, total int) {
	for _, s := range d.Scores {
		if s.Score > 0 {
			count++
			total += s.Score
		}
	}
	return count, total
}
