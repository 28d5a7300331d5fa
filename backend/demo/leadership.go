package demo

import "github.com/readyfolio/readyfolio/backend/portfolio"

// Templates of the two kinds that show leadership beyond the classroom: an AI tool evaluation
// scored against the built-in rubric and a piece of district guidance.

type evaluationTemplate struct {
	title, tool, vendor, version, use, grades, rationale string
	scores                                               []portfolio.CriterionScore
	recommendation                                       portfolio.Recommendation
	tags, reflections                                    []string
}

var evaluations = []evaluationTemplate{
	{
		title: "Evaluation of an AI essay-feedback assistant for the district", tool: "QuillMate", vendor: "Quill Labs Inc.",
		version: "4.2 (district tenant)", grades: "Grades 6–12",
		use: "First-pass feedback on argumentative essays before teacher conferences, in English and social studies.",
		scores: []portfolio.CriterionScore{
			{Criterion: "instructional_alignment", Score: 3, Notes: "Feedback follows our argument-writing rubric; it sometimes rewrites sentences instead of asking questions."},
			{Criterion: "accuracy", Score: 2, Notes: "Good on structure, weak on facts.",
				Answers: map[string]string{"what_checked": "40 essays with cited sources: 3 suggested sources did not exist; 2 historical dates were wrong."}},
			{Criterion: "bias_fairness", Score: 3, Notes: "Comparable feedback across the samples.",
				Answers: map[string]string{"what_tested": "The same essay in standard English, African American English and with ELL errors.",
					"findings": "Tone was equally respectful; it flagged dialect features as errors twice, which teachers must review."}},
			{Criterion: "student_data_privacy", Score: 2, Notes: "Acceptable only with the district tenant and settings changed.",
				Answers: map[string]string{"data_collected": "Essay text, student first name, school account id.",
					"retention": "30 days after the end of the school year, then deleted on request.", "dpa_signed": "yes",
					"coppa_ferpa": "Under 13s excluded; FERPA school-official exception documented in the agreement."}},
			{Criterion: "accessibility", Score: 3, Answers: map[string]string{"vpat_wcag_review": "VPAT 2.4 reviewed; screen reader test with NVDA passed on the feedback panel."}},
			{Criterion: "cost_sustainability", Score: 4, Notes: "$2.10 per student per year, with a three-year price lock."},
		},
		recommendation: portfolio.RecommendPilotFurther,
		rationale: "Pilot in four schools for one semester with teachers reviewing every citation, and re-test accuracy after " +
			"the vendor's promised source-checking update before any district-wide adoption.",
		tags: []string{"tool evaluation", "privacy", "district"},
		reflections: []string{
			"Principals wanted to know whether the tool was safe enough to buy for every secondary school.",
			"How confidently it invented sources, and how rarely students questioned them.",
			"The board approved a one-semester pilot with my conditions written into the contract.",
		},
	},
}

type guidanceTemplate struct {
	title, body, summary string
	level                portfolio.GuidanceBody
	role                 portfolio.GuidanceRole
	stage                portfolio.GuidanceStage
	tags, reflections    []string
}

var guidance = []guidanceTemplate{
	{
		title: "Responsible use of generative AI: guidance for teachers and students", body: "Lakeview Unified School District",
		level: portfolio.BodyDistrict, role: portfolio.RoleCoAuthor, stage: portfolio.StageAdopted,
		summary: "Sets three levels of permitted AI use per assignment, requires teachers to state the level on every task, " +
			"bans entering student personal data into tools without a signed agreement, and gives families a plain-language summary.",
		tags: []string{"policy", "district", "academic integrity"},
		reflections: []string{
			"Every school had its own rules, and students were punished for the same use that another school allowed.",
			"Students, families and union representatives reviewed two drafts; the student panel rewrote the levels.",
			"Teachers now state the AI level on assignments, and integrity referrals about AI fell by half.",
		},
	},
}

func evaluationEntry(i int) portfolio.Entry {
	t := evaluations[i]
	e := portfolio.NewEntry(portfolio.KindToolEvaluation, t.title)
	e.Tags = t.tags
	d := e.Evaluation
	d.Tool, d.Vendor, d.ToolVersion, d.IntendedUse, d.GradeBand = t.tool, t.vendor, t.version, t.use, t.grades
	d.Scores, d.Recommendation, d.Rationale = t.scores, t.recommendation, t.rationale
	return withReflection(e, t.reflections)
}

func guidanceEntry(i int) portfolio.Entry {
	t := guidance[i]
	e := portfolio.NewEntry(portfolio.KindPolicyGuidance, t.title)
	e.Tags = t.tags
	e.Guidance = &portfolio.PolicyGuidanceDetails{Body: t.body, BodyLevel: t.level, Role: t.role, Stage: t.stage, Summary: t.summary}
	return withReflection(e, t.reflections)
}
