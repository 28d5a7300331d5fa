package portfolio

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Rubric is the evaluation rubric an AI tool evaluation is scored against. It is data, not code:
// ReadyFolio ships one (rubric_builtin.json) and a district can replace it with its own file in
// the same format. Each evaluation keeps a copy of the rubric it was scored against, so that a
// later change of rubric never changes what an earlier evaluation says.
type Rubric struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Edition   string            `json:"edition"`
	Publisher string            `json:"publisher"`
	Levels    []RubricLevel     `json:"levels"`   // the scores an educator can give, lowest first
	Criteria  []RubricCriterion `json:"criteria"` // in the order they are shown
}

// RubricLevel is one score of the rubric's scale and what it means: 3, "Acceptable".
type RubricLevel struct {
	Score int    `json:"score"`
	Label string `json:"label"`
}

// RubricCriterion is one thing a tool is scored on. Fields are the questions the educator
// answers under it besides the score and the notes (what was checked, whether an agreement was
// signed).
type RubricCriterion struct {
	ID       string        `json:"id"`
	Label    string        `json:"label"`
	Guidance string        `json:"guidance"`
	Fields   []RubricField `json:"fields"`
}

// FieldType says how a criterion's field is answered.
type FieldType string

const (
	FieldText  FieldType = "text"   // free text
	FieldYesNo FieldType = "yes_no" // "yes", "no" or unanswered
)

// RubricField is a question asked under a criterion.
type RubricField struct {
	ID    string    `json:"id"`
	Label string    `json:"label"`
	Type  FieldType `json:"type"`
	Help  string    `json:"help"`
}

// Answers of yes/no fields.
const (
	AnswerYes = "yes"
	AnswerNo  = "no"
)

// RubricFormat marks a rubric file, and RubricFormatVersion is the version of that format this
// ReadyFolio reads.
const (
	RubricFormat        = "readyfolio-rubric"
	RubricFormatVersion = 1
)

// rubricFile is a rubric as a file holds it: the rubric and what identifies the format.
type rubricFile struct {
	Format        string `json:"format"`
	FormatVersion int    `json:"formatVersion"`
	Rubric
}

//go:embed rubric_builtin.json
var builtinRubricJSON []byte

// BuiltinRubric is the rubric ReadyFolio ships: instructional alignment, accuracy, bias and
// fairness, student data privacy, accessibility, cost and sustainability, scored 1 to 4.
func BuiltinRubric() Rubric {
	r, err := ParseRubric(builtinRubricJSON)
	if err != nil {
		panic("the built-in rubric is invalid: " + err.Error()) // caught by the package's tests
	}
	return r
}

// MarshalRubricFile encodes r as a rubric file a district can edit and import again.
func MarshalRubricFile(r Rubric) ([]byte, error) {
	return json.MarshalIndent(rubricFile{Format: RubricFormat, FormatVersion: RubricFormatVersion, Rubric: r}, "", "  ")
}

// ParseRubric reads a rubric file and checks it, with a message that names what to fix.
func ParseRubric(data []byte) (Rubric, error) {
	var f rubricFile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Rubric{}, Errorf(CodeRefused, "This is not a rubric file ReadyFolio can read: %v. "+
			"Start from the built-in rubric (readyfolio rubric show --json) and edit it.", err)
	}
	if f.Format != RubricFormat {
		return Rubric{}, Errorf(CodeRefused, "This file is not a ReadyFolio rubric: its \"format\" must be %q.", RubricFormat)
	}
	if f.FormatVersion > RubricFormatVersion {
		return Rubric{}, Errorf(CodeTooNew, "This rubric was written for a newer ReadyFolio (format version %d); update ReadyFolio to use it.", f.FormatVersion)
	}
	if err := f.Rubric.Check(); err != nil {
		return Rubric{}, err
	}
	return f.Rubric, nil
}

var rubricID = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)

const (
	maxRubricCriteria = 30
	maxRubricFields   = 12
	maxRubricLabel    = 200
	maxRubricGuidance = 2000
)

// Check reports the first thing that makes r unusable as a rubric, in words that say what to fix.
func (r Rubric) Check() error {
	bad := func(format string, args ...any) error {
		return Errorf(CodeInvalid, "The rubric "+format, args...)
	}
	if !rubricID.MatchString(r.ID) {
		return bad("needs an \"id\" of lower-case letters, digits, '_', '-' or '.', not %q.", r.ID)
	}
	if err := checkLabel("name", r.Name); err != nil {
		return bad("%s", err)
	}
	if len(r.Levels) < 2 || len(r.Levels) > 10 {
		return bad("needs between 2 and 10 levels to score with; it has %d.", len(r.Levels))
	}
	for i, l := range r.Levels {
		if l.Score < 1 || (i > 0 && l.Score <= r.Levels[i-1].Score) {
			return bad("levels must have scores of 1 or more, lowest first; level %d has score %d.", i+1, l.Score)
		}
		if err := checkLabel(fmt.Sprintf("level %d", l.Score), l.Label); err != nil {
			return bad("%s", err)
		}
	}
	if len(r.Criteria) == 0 || len(r.Criteria) > maxRubricCriteria {
		return bad("needs between 1 and %d criteria; it has %d.", maxRubricCriteria, len(r.Criteria))
	}
	criteria := map[string]bool{}
	for _, c := range r.Criteria {
		if !rubricID.MatchString(c.ID) || criteria[c.ID] {
			return bad("criterion %q needs an id of its own (lower-case letters, digits, '_', '-' or '.').", c.Label)
		}
		criteria[c.ID] = true
		if err := checkLabel("criterion "+c.ID, c.Label); err != nil {
			return bad("%s", err)
		}
		if utf8.RuneCountInString(c.Guidance) > maxRubricGuidance {
			return bad("criterion %q has guidance longer than %d characters.", c.ID, maxRubricGuidance)
		}
		if len(c.Fields) > maxRubricFields {
			return bad("criterion %q has more than %d fields.", c.ID, maxRubricFields)
		}
		fields := map[string]bool{}
		for _, f := range c.Fields {
			if !rubricID.MatchString(f.ID) || fields[f.ID] {
				return bad("criterion %q: field %q needs an id of its own.", c.ID, f.Label)
			}
			fields[f.ID] = true
			if err := checkLabel("field "+f.ID, f.Label); err != nil {
				return bad("criterion %q: %s", c.ID, err)
			}
			if f.Type != FieldText && f.Type != FieldYesNo {
				return bad("criterion %q: field %q has type %q; use \"text\" or \"yes_no\".", c.ID, f.ID, f.Type)
			}
		}
	}
	return nil
}

func checkLabel(what, label string) error {
	if strings.TrimSpace(label) == "" {
		return fmt.Errorf("%s needs a label", what)
	}
	if utf8.RuneCountInString(label) > maxRubricLabel {
		return fmt.Errorf("%s has a label longer than %d characters", what, maxRubricLabel)
	}
	return nil
}

// Criterion returns the criterion with the given id.
func (r Rubric) Criterion(id string) (RubricCriterion, bool) {
	for _, c := range r.Criteria {
		if c.ID == id {
			return c, true
		}
	}
	return RubricCriterion{}, false
}

// Level returns the level with the given score.
func (r Rubric) Level(score int) (RubricLevel, bool) {
	for _, l := range r.Levels {
		if l.Score == score {
			return l, true
		}
	}
	return RubricLevel{}, false
}

// MaxScore is the highest score of the rubric's scale.
func (r Rubric) MaxScore() int {
	if len(r.Levels) == 0 {
		return 0
	}
	return r.Levels[len(r.Levels)-1].Score
}
