package portfolio

import (
	"strings"
	"time"
	"unicode/utf8"
)

const (
	maxTitleRunes = 300
	maxTags       = 50
	maxTagRunes   = 60
)

// Normalize trims an entry's text fields, checks every rule an entry must satisfy, and returns
// the cleaned entry or a domain error that names the field to fix.
func Normalize(e Entry) (Entry, error) {
	if _, ok := LookupKind(e.Kind); !ok {
		_, err := ParseKind(string(e.Kind))
		return e, err
	}
	e.Title = strings.TrimSpace(e.Title)
	if e.Title == "" {
		return e, Errorf(CodeInvalid, "Give the entry a title.")
	}
	if utf8.RuneCountInString(e.Title) > maxTitleRunes {
		return e, Errorf(CodeInvalid, "The title is longer than %d characters; shorten it.", maxTitleRunes)
	}
	switch e.Status {
	case "":
		e.Status = StatusDraft
	case StatusDraft, StatusReady:
	default:
		return e, Errorf(CodeInvalid, "Status must be draft or ready, not %q.", e.Status)
	}
	for _, d := range []struct{ name, value string }{{"start date", e.StartDate}, {"end date", e.EndDate}} {
		if err := checkDate(d.name, d.value); err != nil {
			return e, err
		}
	}
	if e.StartDate != "" && e.EndDate != "" && e.EndDate < e.StartDate {
		return e, Errorf(CodeInvalid, "The end date %s is before the start date %s.", e.EndDate, e.StartDate)
	}
	tags, err := normalizeTags(e.Tags)
	if err != nil {
		return e, err
	}
	e.Tags = tags
	if e.Reflection == nil {
		e.Reflection = []ReflectionAnswer{}
	}
	if e.Artifacts == nil {
		e.Artifacts = []Artifact{}
	}
	return normalizeDetails(e)
}

func checkDate(name, value string) error {
	if value == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", value); err != nil {
		return Errorf(CodeInvalid, "The %s %q is not a date; write it as YYYY-MM-DD.", name, value)
	}
	return nil
}

func normalizeTags(in []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range in {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) > maxTagRunes {
			return nil, Errorf(CodeInvalid, "The tag %q is longer than %d characters.", t, maxTagRunes)
		}
		key := strings.ToLower(t)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	if len(out) > maxTags {
		return nil, Errorf(CodeInvalid, "An entry can carry at most %d tags.", maxTags)
	}
	return out, nil
}

// normalizeDetails makes sure the details struct of the entry's kind is set and no other is,
// then checks it.
func normalizeDetails(e Entry) (Entry, error) {
	e.clearOtherDetails()
	return e, normalizeKindDetails(&e)
}

// normalizeKindDetails fills in the defaults of e's details and checks them.
func normalizeKindDetails(e *Entry) error {
	switch {
	case e.Pilot != nil:
		return normalizePilot(e.Pilot)
	case e.PD != nil:
		return normalizePD(e.PD)
	case e.Evaluation != nil:
		return normalizeToolEvaluation(e.Evaluation)
	case e.Guidance != nil:
		return normalizePolicyGuidance(e.Guidance)
	}
	return nil
}

func normalizePilot(p *PilotDetails) error {
	switch p.PilotStatus {
	case "":
		p.PilotStatus = PilotPlanned
	case PilotPlanned, PilotRunning, PilotCompleted:
	default:
		return Errorf(CodeInvalid, "A pilot's status must be planned, running or completed, not %q.", p.PilotStatus)
	}
	if p.StudentsReached < 0 || p.ClassesReached < 0 {
		return Errorf(CodeInvalid, "Students and classes reached cannot be negative.")
	}
	if p.AITools == nil {
		p.AITools = []string{}
	}
	if p.Outcomes == nil {
		p.Outcomes = []Outcome{}
	}
	return nil
}

func normalizePD(p *PDDetails) error {
	switch p.Format {
	case "":
		p.Format = FormatWorkshop
	case FormatWorkshop, FormatCoaching, FormatCourse, FormatConference:
	default:
		return Errorf(CodeInvalid, "The format must be workshop, coaching_cycle, course or conference_session, not %q.", p.Format)
	}
	if p.Participants < 0 || p.ContactHours < 0 {
		return Errorf(CodeInvalid, "Participants and contact hours cannot be negative.")
	}
	if p.FeedbackRating != 0 && (p.FeedbackRating < 1 || p.FeedbackRating > 5) {
		return Errorf(CodeInvalid, "The feedback rating must be between 1 and 5, or left empty.")
	}
	return nil
}

// SearchText is everything the educator wrote in an entry, joined for the full-text index:
// the fields of its kind, the reflection, tags and the names, captions and links of its
// artifacts.
func SearchText(e Entry) string {
	parts := []string{e.Title, strings.Join(e.Tags, " ")}
	for _, r := range e.Reflection {
		parts = append(parts, r.Text)
	}
	if p := e.Pilot; p != nil {
		parts = append(parts, p.GradesSubjects, strings.Join(p.AITools, " "), p.ProblemGoal, p.WhatWasDone, p.Privacy.Notes)
		for _, o := range p.Outcomes {
			parts = append(parts, o.Metric, o.Baseline, o.Result)
		}
	}
	if r := e.Redesign; r != nil {
		parts = append(parts, r.Subject, r.Grade, r.OriginalDescription, r.RedesignDescription, r.AIRole, r.IntegrityMeasures, r.StudentOutcomes)
	}
	if p := e.PD; p != nil {
		parts = append(parts, p.Audience, p.Materials, p.FeedbackSummary)
	}
	if o := e.Other; o != nil {
		parts = append(parts, o.Description)
	}
	if d := e.Evaluation; d != nil {
		parts = append(parts, d.Tool, d.Vendor, d.ToolVersion, d.IntendedUse, d.GradeBand, d.Rationale)
		for _, s := range d.Scores {
			parts = append(parts, s.Notes)
			for _, f := range answeredTextFields(d.Rubric, s) {
				parts = append(parts, s.Answers[f])
			}
		}
	}
	if d := e.Guidance; d != nil {
		parts = append(parts, d.Body, d.Summary)
	}
	for _, a := range e.Artifacts {
		parts = append(parts, a.FileName, a.Caption, a.LinkTitle, a.URL)
	}
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// WordCount counts the words of a reflection, as the editor shows it.
func WordCount(answers []ReflectionAnswer) int {
	n := 0
	for _, a := range answers {
		n += len(strings.Fields(a.Text))
	}
	return n
}

// answeredTextFields lists the ids of the free-text fields answered in a criterion's score, in
// the rubric's order.
func answeredTextFields(r Rubric, s CriterionScore) []string {
	c, _ := r.Criterion(s.Criterion)
	var ids []string
	for _, f := range c.Fields {
		if f.Type == FieldText && s.Answers[f.ID] != "" {
			ids = append(ids, f.ID)
		}
	}
	return ids
}
