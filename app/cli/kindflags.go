package cli

import (
	"flag"
	"strconv"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// kindFlags are the options of `add` that fill in fields of one kind: the date and, for a tool
// evaluation or policy work, the fields a script most often knows. Everything else is edited in
// the app.
type kindFlags struct {
	date                                  *string
	tool, vendor, toolVersion, recommend  *string
	body, bodyLevel, role, stage, summary *string
	scores                                repeated
}

func addKindFlags(fs *flag.FlagSet) *kindFlags {
	k := &kindFlags{
		date:        fs.String("date", "", ""),
		tool:        fs.String("tool", "", ""),
		vendor:      fs.String("vendor", "", ""),
		toolVersion: fs.String("tool-version", "", ""),
		recommend:   fs.String("recommendation", "", ""),
		body:        fs.String("body", "", ""),
		bodyLevel:   fs.String("body-level", "", ""),
		role:        fs.String("role", "", ""),
		stage:       fs.String("stage", "", ""),
		summary:     fs.String("summary", "", ""),
	}
	fs.Var(&k.scores, "score", "")
	return k
}

// apply writes the given flags into e, refusing flags that belong to another kind.
func (k *kindFlags) apply(e *portfolio.Entry) error {
	e.StartDate = strings.TrimSpace(*k.date)
	evaluation := map[string]string{"tool": *k.tool, "vendor": *k.vendor, "tool-version": *k.toolVersion,
		"recommendation": *k.recommend, "score": strings.Join(k.scores, "")}
	guidance := map[string]string{"body": *k.body, "body-level": *k.bodyLevel, "role": *k.role, "stage": *k.stage, "summary": *k.summary}
	if err := onlyFor(e.Kind, portfolio.KindToolEvaluation, evaluation); err != nil {
		return err
	}
	if err := onlyFor(e.Kind, portfolio.KindPolicyGuidance, guidance); err != nil {
		return err
	}
	if d := e.Evaluation; d != nil {
		d.Tool, d.Vendor, d.ToolVersion = *k.tool, *k.vendor, *k.toolVersion
		d.Recommendation = portfolio.Recommendation(*k.recommend)
		for _, s := range k.scores {
			if err := setScore(d, s); err != nil {
				return err
			}
		}
	}
	if d := e.Guidance; d != nil {
		d.Body, d.Summary = *k.body, *k.summary
		d.BodyLevel, d.Role, d.Stage = portfolio.GuidanceBody(*k.bodyLevel), portfolio.GuidanceRole(*k.role), portfolio.GuidanceStage(*k.stage)
	}
	return nil
}

// onlyFor refuses any of the given flags that is set when the entry is not of kind want.
func onlyFor(kind, want portfolio.Kind, flags map[string]string) error {
	if kind == want {
		return nil
	}
	for name, value := range flags {
		if value != "" {
			return usagef("--%s is for --kind %s only.", name, want)
		}
	}
	return nil
}

// setScore reads --score CRITERION=N[:NOTES].
func setScore(d *portfolio.ToolEvaluationDetails, arg string) error {
	id, rest, ok := strings.Cut(arg, "=")
	scoreText, notes, _ := strings.Cut(rest, ":")
	score, err := strconv.Atoi(strings.TrimSpace(scoreText))
	if !ok || err != nil {
		return usagef("--score takes CRITERION=SCORE or CRITERION=SCORE:NOTES, for example --score accuracy=3:\"Checked 40 sources\", not %q.", arg)
	}
	for i := range d.Scores {
		if d.Scores[i].Criterion == strings.TrimSpace(id) {
			d.Scores[i].Score, d.Scores[i].Notes = score, strings.TrimSpace(notes)
			return nil
		}
	}
	var ids []string
	for _, c := range d.Rubric.Criteria {
		ids = append(ids, c.ID)
	}
	return usagef("The rubric %q has no criterion %q; its criteria are %s.", d.Rubric.Name, id, strings.Join(ids, ", "))
}
