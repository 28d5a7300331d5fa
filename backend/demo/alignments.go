package demo

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/frameworks"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// sampleAlignment is how a sample entry shows one competency of a built-in framework.
type sampleAlignment struct {
	framework, code, strength, rationale string
}

// alignmentsByKind aligns every sample entry of a kind the same way. Several UNESCO
// competencies are deliberately left without evidence so that the coverage map shows gaps.
var alignmentsByKind = map[portfolio.Kind][]sampleAlignment{
	portfolio.KindAIPilot: {
		{frameworks.UNESCOID, "4.2", portfolio.StrengthDeepen, "Integrated an AI tool into a unit and measured its effect on learning against a baseline."},
		{frameworks.UNESCOID, "2.2", portfolio.StrengthDeepen, "Ran a privacy and ethics review before students used the tool, with family consent."},
		{frameworks.ISTEID, "2.5.a", portfolio.StrengthProficient, "Used the tool to give every student faster, personal feedback."},
		{frameworks.ISTEID, "2.3.d", portfolio.StrengthExemplary, "Kept student data out of prompts and documented the data agreement."},
	},
	portfolio.KindLessonRedesign: {
		{frameworks.UNESCOID, "4.3", portfolio.StrengthCreate, "Redesigned an assessment so that it asks for thinking AI cannot do for students."},
		{frameworks.UNESCOID, "2.1", portfolio.StrengthAcquire, "Made academic integrity expectations explicit in the task itself."},
		{frameworks.ISTEID, "2.5.b", portfolio.StrengthProficient, "Designed an authentic task aligned with the content standards."},
		{frameworks.ISTEID, "2.7.a", portfolio.StrengthExemplary, "Gave students another way to show competency: an oral defence of their own data."},
	},
	portfolio.KindPDLed: {
		{frameworks.UNESCOID, "5.2", portfolio.StrengthDeepen, "Led colleagues' learning about AI across schools."},
		{frameworks.UNESCOID, "5.3", portfolio.StrengthCreate, "Built a reusable protocol that teachers now lead themselves."},
		{frameworks.ISTEID, "2.2.c", portfolio.StrengthExemplary, "Modelled for colleagues how to evaluate and adopt new tools."},
		{frameworks.ISTEID, "2.4.a", portfolio.StrengthProficient, "Planned with colleagues to improve practice with technology."},
	},
	portfolio.KindToolEvaluation: {
		{frameworks.UNESCOID, "3.2", portfolio.StrengthCreate, "Judged whether an AI tool fits the district's teaching tasks, with evidence on accuracy and bias."},
		{frameworks.UNESCOID, "2.2", portfolio.StrengthDeepen, "Reviewed what student data the vendor collects and keeps, and required a signed agreement."},
		{frameworks.ISTEID, "2.2.c", portfolio.StrengthExemplary, "Evaluated a new tool for colleagues before the district adopted it."},
	},
	portfolio.KindPolicyGuidance: {
		{frameworks.UNESCOID, "2.3", portfolio.StrengthCreate, "Co-wrote and tested the district's rules for ethical AI use with students and families."},
		{frameworks.UNESCOID, "1.2", portfolio.StrengthDeepen, "Kept teachers accountable for the level of AI use each task allows."},
		{frameworks.ISTEID, "2.3.c", portfolio.StrengthExemplary, "Set out safe, legal and ethical practice for a whole district."},
	},
	portfolio.KindArtifact: {
		{frameworks.UNESCOID, "5.1", portfolio.StrengthAcquire, "Shares what the district learned so others can learn from it."},
		{frameworks.UNESCOID, "1.2", portfolio.StrengthDeepen, "Argues that educators stay accountable for decisions AI informs."},
		{frameworks.ISTEID, "2.1.b", portfolio.StrengthProficient, "Took part in a state-wide professional network."},
	},
}

func (g *generator) align(ctx context.Context, e portfolio.Entry) error {
	for _, a := range alignmentsByKind[e.Kind] {
		c, err := g.w.FindCompetency(ctx, a.framework, a.code)
		if err != nil {
			return err
		}
		if _, err := g.w.Store.Align(ctx, portfolio.Alignment{
			EntryID: e.ID, FrameworkID: a.framework, CompetencyID: c.ID, Strength: a.strength, Rationale: a.rationale,
		}); err != nil {
			return err
		}
		g.report.Alignments++
	}
	return nil
}
