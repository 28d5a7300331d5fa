package present

import (
	"fmt"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Titles and headings that every rendering of a portfolio uses.
const (
	Tagline            = "Evidence of AI leadership" // above the educator's name
	InThisPortfolio    = "In this portfolio"         // above the evidence counts
	NoEvidence         = "No evidence selected yet"
	ProfileTitle       = "Profile"
	AboutMe            = "About me"
	AboutPortfolio     = "About this portfolio"
	CoverageTitle      = "Competency coverage"
	EvidenceTitle      = "Evidence" // the section of entries, and an entry's files and links
	AppendixEyebrow    = "Appendix"
	AppendixTitle      = "Index of artifacts"
	AppendixContents   = "Appendix: index of artifacts" // the appendix in the contents
	ReflectionTitle    = "Reflection"
	OutcomesTitle      = "Outcomes"
	AlignmentsTitle    = "Competencies demonstrated"
	DescriptionLabel   = "Description"
	PrivacyLabel       = "Privacy and ethics review"
	NoArtifacts        = "No files or links are attached to the evidence in this portfolio."
	FingerprintPrefix  = "SHA-256 "
	DraftLabel         = "Draft"
	OriginalPrefix     = "Original: "
	RedesignPrefix     = "Redesign: "
	ArtifactsIntroText = "Every file and link attached to the evidence in this portfolio. A file's SHA-256 " +
		"fingerprint changes if a single byte of it changes: compare it with the fingerprint of a copy " +
		"(shasum -a 256 on macOS or Linux, Get-FileHash in Windows PowerShell) to check the copy is the original."
)

// ScoreColumns head the table of an evaluation's scores.
var ScoreColumns = [3]string{"Criterion", "Score", "Notes"}

// OutcomeColumns head the table of a pilot's measured results.
var OutcomeColumns = [3]string{"Metric", "Baseline", "Result"}

// BlockKind tells how a block of an entry's details is shown.
type BlockKind int

const (
	// Field is a short value beside its label: "Grade", "Grade 8".
	Field BlockKind = iota
	// Narrative is prose under a small heading.
	Narrative
	// Outcomes is the table of measured results, headed OutcomesTitle, columns OutcomeColumns.
	Outcomes
	// Scores is a tool evaluation's rubric: one row per criterion, headed by the rubric's name.
	Scores
)

// Block is one part of an entry's kind-specific details.
type Block struct {
	Kind     BlockKind
	Label    string
	Text     string              // Field and Narrative: the value as typed (Clean it to show it)
	Outcomes []portfolio.Outcome // Outcomes: the rows that have something in them
	Scores   []ScoreRow          // Scores: every criterion of the rubric, scored or not
}

// ScoreRow is one criterion of an evaluation as it is shown: "Accuracy", "3 of 4 · Acceptable",
// the notes, then the answers to its fields as label and value.
type ScoreRow struct {
	Criterion string
	Score     string // "Not scored" when the educator gave none
	Value     int    // the score, 0 when not scored
	Notes     string
	Answers   [][2]string
}

// Details lists what an entry's kind says about it, in the order it is shown: the short
// fields first, then the prose. Blocks with nothing to show are left out.
func Details(e portfolio.Entry) []Block {
	var out []Block
	field := func(label, value string) {
		if OneLine(value) != "" {
			out = append(out, Block{Kind: Field, Label: label, Text: value})
		}
	}
	narrative := func(label, text string) {
		if !blank(text) {
			out = append(out, Block{Kind: Narrative, Label: label, Text: text})
		}
	}
	switch {
	case e.Pilot != nil:
		p := e.Pilot
		field("Grades and subjects", p.GradesSubjects)
		field("AI tools", strings.Join(NonEmpty(p.AITools), ", "))
		var reach []string
		if p.StudentsReached > 0 {
			reach = append(reach, Plural(p.StudentsReached, "student", "students"))
		}
		if p.ClassesReached > 0 {
			reach = append(reach, Plural(p.ClassesReached, "class", "classes"))
		}
		field("Reached", strings.Join(reach, " in "))
		narrative("Problem or goal", p.ProblemGoal)
		narrative("What was done", p.WhatWasDone)
		if rows := MeasuredOutcomes(p.Outcomes); len(rows) > 0 {
			out = append(out, Block{Kind: Outcomes, Label: OutcomesTitle, Outcomes: rows})
		}
		narrative(PrivacyLabel, Privacy(p.Privacy))
	case e.Redesign != nil:
		d := e.Redesign
		field("Subject", d.Subject)
		field("Grade", d.Grade)
		narrative("The original", d.OriginalDescription)
		narrative("The redesign", d.RedesignDescription)
		narrative("Role of AI", d.AIRole)
		narrative("Academic integrity measures", d.IntegrityMeasures)
		narrative("Student outcomes", d.StudentOutcomes)
	case e.PD != nil:
		p := e.PD
		field("Format", PDFormatLabel(p.Format))
		field("Audience", p.Audience)
		if p.Participants > 0 {
			field("Participants", fmt.Sprint(p.Participants))
		}
		if p.ContactHours > 0 {
			field("Contact hours", Number(p.ContactHours))
		}
		if p.FeedbackRating > 0 {
			field("Feedback rating", Number(p.FeedbackRating)+" out of 5")
		}
		narrative("Materials", p.Materials)
		narrative("Feedback summary", p.FeedbackSummary)
	case e.Other != nil:
		narrative(DescriptionLabel, e.Other.Description)
	case e.Evaluation != nil:
		d := e.Evaluation
		field("Tool", d.Tool)
		field("Vendor", d.Vendor)
		field("Version", d.ToolVersion)
		field("Grade band", d.GradeBand)
		field("Recommendation", RecommendationLabel(d.Recommendation))
		narrative("Intended use", d.IntendedUse)
		out = append(out, Block{Kind: Scores, Label: RubricHeading(d.Rubric), Text: ScoreSummary(*d), Scores: ScoreRows(*d)})
		narrative("Rationale for the recommendation", d.Rationale)
	case e.Guidance != nil:
		d := e.Guidance
		field("Issued by", strings.Join(NonEmpty([]string{d.Body, GuidanceBodyLabel(d.BodyLevel)}), " · "))
		field("Role", GuidanceRoleLabel(d.Role))
		field("Stage", GuidanceStageLabel(d.Stage))
		narrative("Summary", d.Summary)
	}
	return out
}

// RubricHeading heads an evaluation's scores: "Evaluation rubric: ReadyFolio AI tool evaluation
// rubric (2026-11)".
func RubricHeading(r portfolio.Rubric) string {
	name := "Evaluation rubric: " + r.Name
	if r.Edition != "" {
		name += " (" + r.Edition + ")"
	}
	return name
}

// ScoreSummary is "5 of 6 criteria scored, 17 of 20 points"; "No criterion scored yet".
func ScoreSummary(d portfolio.ToolEvaluationDetails) string {
	count, total := d.ScoredCount()
	if count == 0 {
		return "No criterion scored yet"
	}
	return fmt.Sprintf("%d of %s scored, %d of %d points", count,
		Plural(len(d.Rubric.Criteria), "criterion", "criteria"), total, count*d.Rubric.MaxScore())
}

// ScoreRows is every criterion of an evaluation's rubric with its score, notes and answers.
func ScoreRows(d portfolio.ToolEvaluationDetails) []ScoreRow {
	rows := make([]ScoreRow, 0, len(d.Rubric.Criteria))
	for _, c := range d.Rubric.Criteria {
		row := ScoreRow{Criterion: c.Label, Score: "Not scored"}
		for _, s := range d.Scores {
			if s.Criterion != c.ID {
				continue
			}
			if l, ok := d.Rubric.Level(s.Score); ok {
				row.Value = s.Score
				row.Score = fmt.Sprintf("%d of %d · %s", s.Score, d.Rubric.MaxScore(), l.Label)
			}
			row.Notes = s.Notes
			for _, f := range c.Fields {
				if v := strings.TrimSpace(s.Answers[f.ID]); v != "" {
					row.Answers = append(row.Answers, [2]string{f.Label, answerText(f, v)})
				}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// ScoreNotes is a criterion's notes followed by its answers, one "Label: value" per line.
func ScoreNotes(row ScoreRow) string {
	lines := NonEmpty([]string{row.Notes})
	for _, a := range row.Answers {
		lines = append(lines, a[0]+": "+a[1])
	}
	return strings.Join(lines, "\n")
}

func answerText(f portfolio.RubricField, value string) string {
	if f.Type == portfolio.FieldYesNo {
		return Capitalize(value)
	}
	return value
}

// MeasuredOutcomes is the rows of a pilot's results that have something in them.
func MeasuredOutcomes(list []portfolio.Outcome) []portfolio.Outcome {
	var rows []portfolio.Outcome
	for _, o := range list {
		if strings.TrimSpace(o.Metric+o.Baseline+o.Result) != "" {
			rows = append(rows, o)
		}
	}
	return rows
}

// Privacy states a pilot's data-privacy review in a sentence, then the educator's notes on a
// line of their own.
func Privacy(p portfolio.PrivacyReview) string {
	text := "No student data was involved."
	if p.StudentDataInvolved {
		text = "Student data was involved; no approval is recorded."
		if p.ApprovalObtained {
			text = "Student data was involved; approval was obtained."
		}
	}
	if notes := strings.TrimSpace(p.Notes); notes != "" {
		text += "\n" + notes
	}
	return text
}

// Meta is the short facts under an entry's title, shown joined by " · ": its dates, where a
// pilot stands, "Draft", its tags.
func Meta(e portfolio.Entry) []string {
	var meta []string
	if d := DateRange(e.StartDate, e.EndDate); d != "" {
		meta = append(meta, d)
	}
	if e.Pilot != nil && e.Pilot.PilotStatus != "" {
		meta = append(meta, "Pilot "+strings.ToLower(PilotStatusLabel(e.Pilot.PilotStatus)))
	}
	if e.Status == portfolio.StatusDraft {
		meta = append(meta, DraftLabel)
	}
	if tags := NonEmpty(e.Tags); len(tags) > 0 {
		meta = append(meta, "Tags: "+strings.Join(tags, ", "))
	}
	return meta
}

// Reflection is the answers the educator gave, each under its prompt; unanswered prompts are
// left out.
func Reflection(answers []portfolio.ReflectionAnswer) []portfolio.ReflectionAnswer {
	var given []portfolio.ReflectionAnswer
	for _, a := range answers {
		if !blank(a.Text) {
			given = append(given, a)
		}
	}
	return given
}

// CaptionText is what an image is captioned with: its caption, else its file name, marked as
// the original or the redesign in a lesson redesign.
func CaptionText(a portfolio.Artifact) string {
	text := a.Caption
	if text == "" {
		text = a.FileName
	}
	switch a.Role {
	case portfolio.RoleOriginal:
		return OriginalPrefix + text
	case portfolio.RoleRedesign:
		return RedesignPrefix + text
	}
	return text
}

// LinkTitle is what a link is shown as: its title, else its address.
func LinkTitle(a portfolio.Artifact) string {
	if t := OneLine(a.LinkTitle); t != "" {
		return t
	}
	return OneLine(a.URL)
}

// ProfileFields are the educator's details in the order the profile shows them; empty ones are
// left out.
func ProfileFields(p portfolio.Profile) []Block {
	var out []Block
	for _, f := range [][2]string{{"Name", p.Name}, {"Role", p.Role}, {"School", p.School}, {"District", p.District}, {"Email", p.Email}} {
		if OneLine(f[1]) != "" {
			out = append(out, Block{Kind: Field, Label: f[0], Text: f[1]})
		}
	}
	return out
}
